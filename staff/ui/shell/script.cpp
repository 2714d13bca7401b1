// Parsing of staff console scripts (see script.hpp). The structure follows the kiosk's
// kiosk/ui/shell/script.cpp.
#include "script.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace kakanai::staff::ui {

namespace {

constexpr DeskScreen ALL_SCREENS[] = { DeskScreen::Login, DeskScreen::Locked, DeskScreen::List,
    DeskScreen::Record, DeskScreen::Dashboard };

std::string_view trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

std::optional<double> parseSeconds(std::string_view text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > 3600) {
        return std::nullopt;
    }
    return value;
}

/** "ARG [SECONDS]" → argument and optional timeout. */
bool splitTimeout(std::string_view rest, std::string& argument, double& seconds)
{
    const auto space = rest.find_first_of(" \t");
    argument = std::string(rest.substr(0, space));
    if (space == std::string_view::npos) {
        return !argument.empty();
    }
    const auto parsed = parseSeconds(trim(rest.substr(space)));
    if (!parsed) {
        return false;
    }
    seconds = *parsed;
    return !argument.empty();
}

} // namespace

const char* deskScreenName(DeskScreen screen)
{
    switch (screen) {
    case DeskScreen::Login:
        return "login";
    case DeskScreen::Locked:
        return "locked";
    case DeskScreen::List:
        return "list";
    case DeskScreen::Record:
        return "record";
    case DeskScreen::Dashboard:
        return "dashboard";
    }
    return "login";
}

std::optional<DeskScreen> deskScreenFromName(std::string_view name)
{
    for (const DeskScreen screen : ALL_SCREENS) {
        if (name == deskScreenName(screen)) {
            return screen;
        }
    }
    return std::nullopt;
}

const std::vector<std::string>& scriptKeyNames()
{
    static const std::vector<std::string> names = { "enter", "tab", "escape", "backspace", "up",
        "down", "pageup", "pagedown", "home", "end", "f5" };
    return names;
}

std::string StaffScriptStep::describe() const
{
    return "line " + std::to_string(line) + ": " + (kind == Kind::Type ? "type …" : source);
}

Result<std::vector<StaffScriptStep>, std::string> parseStaffScript(
    std::string_view text, const std::string& fileName)
{
    std::vector<StaffScriptStep> steps;
    int lineNumber = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = trim(text.substr(start, end - start));
        start = end + 1;
        ++lineNumber;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto space = line.find_first_of(" \t");
        const std::string_view command = line.substr(0, space);
        const std::string_view rest
            = space == std::string_view::npos ? std::string_view() : trim(line.substr(space));
        const auto error = [&](const std::string& message) {
            return fail(fileName + ":" + std::to_string(lineNumber) + ": " + message);
        };
        StaffScriptStep step;
        step.line = lineNumber;
        step.source = std::string(line);
        step.argument = std::string(rest);
        const bool oneWord = !rest.empty() && rest.find_first_of(" \t") == std::string_view::npos;
        if (command == "tap") {
            if (!oneWord) {
                return error("tap needs one WIDGET_ID");
            }
        } else if (command == "type") {
            step.kind = StaffScriptStep::Kind::Type;
            if (rest.empty()) {
                return error("type needs TEXT");
            }
        } else if (command == "key") {
            step.kind = StaffScriptStep::Kind::Key;
            const auto& names = scriptKeyNames();
            if (std::find(names.begin(), names.end(), step.argument) == names.end()) {
                return error("unknown key '" + step.argument + "'");
            }
        } else if (command == "wait" || command == "wait-row" || command == "wait-file") {
            step.kind = command == "wait" ? StaffScriptStep::Kind::Wait
                : command == "wait-row"   ? StaffScriptStep::Kind::WaitRow
                                          : StaffScriptStep::Kind::WaitFile;
            if (!splitTimeout(rest, step.argument, step.seconds)) {
                return error(std::string(command) + " needs an argument and optional SECONDS");
            }
            if (step.kind == StaffScriptStep::Kind::Wait) {
                const auto screen = deskScreenFromName(step.argument);
                if (!screen) {
                    return error("unknown screen '" + step.argument + "'");
                }
                step.screen = *screen;
            }
        } else if (command == "scroll") {
            step.kind = StaffScriptStep::Kind::Scroll;
            double count = 0;
            if (!splitTimeout(rest, step.argument, count) || count < 1) {
                return error("scroll needs WIDGET_ID STEPS");
            }
            step.count = static_cast<int>(count);
        } else if (command == "screenshot") {
            step.kind = StaffScriptStep::Kind::Screenshot;
            if (!oneWord || step.argument.find('/') != std::string::npos) {
                return error("screenshot needs a NAME without '/'");
            }
        } else if (command == "sleep") {
            step.kind = StaffScriptStep::Kind::Sleep;
            const auto seconds = parseSeconds(rest);
            if (!seconds) {
                return error("sleep needs SECONDS");
            }
            step.seconds = *seconds;
        } else {
            return error("unknown command '" + std::string(command) + "'");
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

Result<std::vector<StaffScriptStep>, std::string> loadStaffScript(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in) {
        return fail("cannot read " + file.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseStaffScript(text.str(), file.string());
}

} // namespace kakanai::staff::ui
