#include "png_check.hpp"

#include <png.h>

#include <cstdio>
#include <memory>
#include <set>
#include <vector>

namespace kakanai::testsupport {

Result<PngSummary, std::string> readPngSummary(const std::filesystem::path& file)
{
    std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!in) {
        return fail("cannot open " + file.string());
    }
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_read_struct(&png, &info, nullptr);
        return fail(std::string("libpng: out of memory"));
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return fail("libpng cannot read " + file.string());
    }
    png_init_io(png, in.get());
    png_read_info(png, info);
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_strip_alpha(png);
    png_set_gray_to_rgb(png);
    png_read_update_info(png, info);
    PngSummary summary;
    summary.width = static_cast<int>(png_get_image_width(png, info));
    summary.height = static_cast<int>(png_get_image_height(png, info));
    std::vector<png_byte> row(png_get_rowbytes(png, info));
    std::set<unsigned> colours;
    std::uint64_t digest = 14695981039346656037ull;
    for (int y = 0; y < summary.height; ++y) {
        png_read_row(png, row.data(), nullptr);
        for (png_byte byte : row) {
            digest = (digest ^ byte) * 1099511628211ull;
        }
        for (std::size_t x = 0; x + 2 < row.size() && colours.size() < 256; x += 3 * 7) {
            colours.insert(row[x] << 16 | row[x + 1] << 8 | row[x + 2]);
        }
    }
    png_destroy_read_struct(&png, &info, nullptr);
    summary.distinctColours = static_cast<int>(colours.size());
    summary.digest = digest;
    return summary;
}

} // namespace kakanai::testsupport
