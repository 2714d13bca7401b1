// The command line of kakanai-staff:
//   kakanai-staff --db PATH --key PATH [--config DIR] [--script FILE] [--screenshot-dir DIR]
//                 [--size WxH] [--lock-after SECONDS] [--printer NAME | --print-dir DIR]
//                 [--no-sound] [--export-dir DIR] [--stats FILE] [--keep-open]
// --printer prints on a CUPS queue, --print-dir writes the PDFs there instead (one of them
// enables the print buttons). --export-dir is the folder the supervisor's export panel
// starts with (default: the working directory). --no-sound starts with the new-record beep off (it
// can be toggled on screen). --stats writes timings as JSON on exit (bench/staff). --keep-open
// leaves the window open after the script.
//
// Errors: parseStaffOptions returns a usage message naming the bad or missing argument.
#pragma once

#include "kakanai/base/result.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kakanai::staff::ui {

struct StaffOptions
{
    std::filesystem::path db;
    std::filesystem::path key;
    std::filesystem::path config = "config";
    std::filesystem::path script;
    std::filesystem::path screenshotDir;
    std::filesystem::path printDir;
    std::filesystem::path exportDir;
    std::filesystem::path stats;
    std::string printer;
    int width = 1600;
    int height = 900;
    int lockAfterSeconds = 300;
    bool sound = true;
    bool keepOpen = false;
};

Result<StaffOptions, std::string> parseStaffOptions(const std::vector<std::string>& args);

extern const char* const STAFF_USAGE;

} // namespace kakanai::staff::ui
