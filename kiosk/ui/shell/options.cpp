#include "options.hpp"

#include <charconv>

namespace kakanai::kiosk::ui {

const char* const KIOSK_USAGE
    = "usage: kakanai-kiosk --config DIR [--script FILE] [--screenshot-dir DIR] [--training]\n"
      "                     [--size WxH] [--var DIR] [--identity FILE] [--reader NAME]\n"
      "                     [--keep-open] [--stats FILE]\n"
      "                     [--db PATH --key PATH [--counter-group G] [--ticket-prefix P]]\n"
      "                     [--printer NAME | --print-dir DIR]\n"
      "                     [--idle-timeout SECONDS] [--still-there SECONDS]\n";

namespace {

bool parseSize(const std::string& text, int& width, int& height)
{
    const auto x = text.find('x');
    if (x == std::string::npos) {
        return false;
    }
    const char* begin = text.data();
    const auto w = std::from_chars(begin, begin + x, width);
    const auto h = std::from_chars(begin + x + 1, begin + text.size(), height);
    return w.ec == std::errc() && w.ptr == begin + x && h.ec == std::errc()
        && h.ptr == begin + text.size() && width >= 320 && height >= 240 && width <= 8192
        && height <= 8192;
}

bool parseSeconds(const std::string& text, std::optional<int>& seconds)
{
    int value = 0;
    const auto end = text.data() + text.size();
    const auto parsed = std::from_chars(text.data(), end, value);
    if (parsed.ec != std::errc() || parsed.ptr != end || value < 1 || value > 3600) {
        return false;
    }
    seconds = value;
    return true;
}

} // namespace

Result<KioskOptions, std::string> parseOptions(const std::vector<std::string>& args)
{
    KioskOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value
            = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
        if (arg == "--training") {
            options.training = true;
        } else if (arg == "--keep-open") {
            options.keepOpen = true;
        } else if (arg == "--config" || arg == "--script" || arg == "--screenshot-dir"
            || arg == "--var" || arg == "--identity" || arg == "--reader" || arg == "--size"
            || arg == "--stats" || arg == "--db" || arg == "--key" || arg == "--counter-group"
            || arg == "--ticket-prefix" || arg == "--printer" || arg == "--print-dir"
            || arg == "--idle-timeout" || arg == "--still-there") {
            const std::string* v = value();
            if (!v || v->empty()) {
                return fail(arg + " needs a value");
            }
            if (arg == "--config") {
                options.config = *v;
            } else if (arg == "--script") {
                options.script = *v;
            } else if (arg == "--screenshot-dir") {
                options.screenshotDir = *v;
            } else if (arg == "--var") {
                options.var = *v;
            } else if (arg == "--identity") {
                options.identity = *v;
            } else if (arg == "--reader") {
                options.reader = *v;
            } else if (arg == "--stats") {
                options.stats = *v;
            } else if (arg == "--db") {
                options.database = *v;
            } else if (arg == "--key") {
                options.keyFile = *v;
            } else if (arg == "--counter-group") {
                options.counterGroup = *v;
            } else if (arg == "--ticket-prefix") {
                options.ticketPrefix = *v;
            } else if (arg == "--printer") {
                options.printer = *v;
            } else if (arg == "--print-dir") {
                options.printDir = *v;
            } else if (arg == "--idle-timeout" || arg == "--still-there") {
                if (!parseSeconds(*v,
                        arg == "--idle-timeout" ? options.idleSeconds
                                                : options.stillThereSeconds)) {
                    return fail(arg + " wants whole seconds from 1 to 3600");
                }
            } else if (!parseSize(*v, options.width, options.height)) {
                return fail("--size wants WIDTHxHEIGHT, e.g. 1920x1080");
            }
        } else {
            return fail("unknown argument '" + arg + "'");
        }
    }
    if (options.config.empty()) {
        return fail(std::string("--config DIR is required"));
    }
    if (options.database.empty() != options.keyFile.empty()) {
        return fail(std::string("--db and --key go together"));
    }
    if (!options.printer.empty() && !options.printDir.empty()) {
        return fail(std::string("--printer and --print-dir exclude each other"));
    }
    if (options.training && options.identity.empty()) {
        options.identity = options.config / "identities" / "hanako.toml";
    }
    return options;
}

} // namespace kakanai::kiosk::ui
