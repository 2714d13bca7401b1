// Reads back the kiosk's screenshots in tests: a PNG's size and how many distinct colours it
// has (a blank or single-colour frame has one or two), and a digest of every pixel (to tell two
// frames apart).
//
// Errors: readPngSummary returns a message for a missing file or one libpng cannot read.
#pragma once

#include "kakanai/base/result.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace kakanai::testsupport {

struct PngSummary
{
    int width = 0;
    int height = 0;
    int distinctColours = 0; // counted up to 256
    std::uint64_t digest = 0; // FNV-1a of every pixel's RGB
};

Result<PngSummary, std::string> readPngSummary(const std::filesystem::path& file);

} // namespace kakanai::testsupport
