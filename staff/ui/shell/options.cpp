// Parsing of kakanai-staff's command line (see options.hpp).
#include "options.hpp"

#include <charconv>

namespace kakanai::staff::ui {

const char* const STAFF_USAGE
    = "usage: kakanai-staff --db PATH --key PATH [--config DIR] [--script FILE]\n"
      "                     [--screenshot-dir DIR] [--size WxH] [--lock-after SECONDS]\n"
      "                     [--printer NAME | --print-dir DIR] [--no-sound]\n"
      "                     [--export-dir DIR] [--stats FILE] [--keep-open]\n";

namespace {

bool parseInt(const std::string& text, int& out)
{
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

} // namespace

Result<StaffOptions, std::string> parseStaffOptions(const std::vector<std::string>& args)
{
    StaffOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--no-sound") {
            options.sound = false;
            continue;
        }
        if (arg == "--keep-open") {
            options.keepOpen = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            return fail("missing value for " + arg);
        }
        const std::string& value = args[++i];
        if (arg == "--db") {
            options.db = value;
        } else if (arg == "--key") {
            options.key = value;
        } else if (arg == "--config") {
            options.config = value;
        } else if (arg == "--script") {
            options.script = value;
        } else if (arg == "--screenshot-dir") {
            options.screenshotDir = value;
        } else if (arg == "--print-dir") {
            options.printDir = value;
        } else if (arg == "--export-dir") {
            options.exportDir = value;
        } else if (arg == "--printer") {
            options.printer = value;
        } else if (arg == "--stats") {
            options.stats = value;
        } else if (arg == "--size") {
            const auto x = value.find('x');
            if (x == std::string::npos || !parseInt(value.substr(0, x), options.width)
                || !parseInt(value.substr(x + 1), options.height) || options.width < 640
                || options.height < 480) {
                return fail("bad --size (WxH, at least 640x480): " + value);
            }
        } else if (arg == "--lock-after") {
            if (!parseInt(value, options.lockAfterSeconds) || options.lockAfterSeconds < 1) {
                return fail("bad --lock-after (seconds): " + value);
            }
        } else {
            return fail("unknown option " + arg);
        }
    }
    if (options.db.empty() || options.key.empty()) {
        return fail(std::string("--db and --key are required"));
    }
    if (!options.printer.empty() && !options.printDir.empty()) {
        return fail(std::string("--printer and --print-dir exclude each other"));
    }
    return options;
}

} // namespace kakanai::staff::ui
