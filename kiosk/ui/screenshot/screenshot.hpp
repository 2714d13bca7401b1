// Screenshots of the kiosk and the staff console: the renderer's pixels (SDL_RenderReadPixels,
// after drawing and before presenting) written as an 8-bit RGB PNG with libpng.
//
// Errors: a message naming the file for a file that cannot be created or a libpng failure, or
// SDL's message when the pixels cannot be read.
#pragma once

#include "kakanai/base/result.hpp"

#include <SDL.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kakanai::kiosk::ui {

struct RgbImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // width * height * 3, rows top to bottom
};

Result<RgbImage, std::string> captureRenderer(SDL_Renderer* renderer);
Result<Ok, std::string> writePng(const std::filesystem::path& file, const RgbImage& image);

} // namespace kakanai::kiosk::ui
