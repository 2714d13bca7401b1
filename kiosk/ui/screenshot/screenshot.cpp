#include "screenshot.hpp"

#include <png.h>

#include <cstdio>
#include <memory>

namespace kakanai::kiosk::ui {

Result<RgbImage, std::string> captureRenderer(SDL_Renderer* renderer)
{
    RgbImage image;
    if (SDL_GetRendererOutputSize(renderer, &image.width, &image.height) != 0) {
        return fail(std::string("SDL_GetRendererOutputSize: ") + SDL_GetError());
    }
    image.pixels.resize(static_cast<std::size_t>(image.width) * image.height * 3);
    if (SDL_RenderReadPixels(
            renderer, nullptr, SDL_PIXELFORMAT_RGB24, image.pixels.data(), image.width * 3)
        != 0) {
        return fail(std::string("SDL_RenderReadPixels: ") + SDL_GetError());
    }
    return image;
}

Result<Ok, std::string> writePng(const std::filesystem::path& file, const RgbImage& image)
{
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(file.c_str(), "wb"), &std::fclose);
    if (!out) {
        return fail("cannot create " + file.string());
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_write_struct(&png, &info);
        return fail("libpng: out of memory writing " + file.string());
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return fail("libpng failed writing " + file.string());
    }
    png_init_io(png, out.get());
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width),
        static_cast<png_uint_32>(image.height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
        PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 3);
    png_write_info(png, info);
    for (int y = 0; y < image.height; ++y) {
        png_write_row(png,
            const_cast<png_bytep>(
                image.pixels.data() + static_cast<std::size_t>(y) * image.width * 3));
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    if (std::fflush(out.get()) != 0) {
        return fail("cannot write " + file.string());
    }
    return Ok {};
}

} // namespace kakanai::kiosk::ui
