#include "script.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

namespace kakanai::kiosk::ui {

namespace {

constexpr Screen ALL_SCREENS[] = { Screen::Attract, Screen::Choose, Screen::Questions,
    Screen::PresentCard, Screen::Pin, Screen::CollationB, Screen::Reading, Screen::Review,
    Screen::Confirm, Screen::Submitting, Screen::Printing, Screen::Done, Screen::Error };

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

} // namespace

const char* stateName(Screen screen)
{
    return screenName(screen);
}

std::optional<Screen> screenFromName(std::string_view name)
{
    for (const Screen screen : ALL_SCREENS) {
        if (name == stateName(screen)) {
            return screen;
        }
    }
    return std::nullopt;
}

std::string ScriptStep::describe() const
{
    const char* hidden = kind == Kind::Type ? "type …"
        : kind == Kind::ExpectText          ? "expect-text …"
        : kind == Kind::ExpectNoText        ? "expect-no-text …"
                                            : nullptr;
    return "line " + std::to_string(line) + ": " + (hidden ? std::string(hidden) : source);
}

Result<std::vector<ScriptStep>, std::string> parseScript(
    std::string_view text, const std::string& fileName)
{
    std::vector<ScriptStep> steps;
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
        ScriptStep step;
        step.line = lineNumber;
        step.source = std::string(line);
        if (command == "tap" || command == "type" || command == "screenshot") {
            if (rest.empty()) {
                return error(std::string(command) + " needs an argument");
            }
            step.kind = command == "tap" ? ScriptStep::Kind::Tap
                : command == "type"      ? ScriptStep::Kind::Type
                                         : ScriptStep::Kind::Screenshot;
            step.argument = std::string(rest);
            if (step.kind != ScriptStep::Kind::Type && rest.find_first_of(" \t") != rest.npos) {
                return error(std::string(command) + " takes one argument");
            }
            if (step.kind == ScriptStep::Kind::Screenshot
                && (rest.find('/') != rest.npos || rest.starts_with("."))) {
                return error("a screenshot name is a file name without folders");
            }
        } else if (command == "wait") {
            step.kind = ScriptStep::Kind::Wait;
            const auto gap = rest.find_first_of(" \t");
            const std::string_view state = rest.substr(0, gap);
            const auto screen = screenFromName(state);
            if (!screen) {
                return error("unknown state '" + std::string(state) + "'");
            }
            step.screen = *screen;
            if (gap != std::string_view::npos) {
                const auto seconds = parseSeconds(trim(rest.substr(gap)));
                if (!seconds) {
                    return error("bad number of seconds");
                }
                step.seconds = *seconds;
            }
        } else if (command == "sleep") {
            step.kind = ScriptStep::Kind::Sleep;
            const auto seconds = parseSeconds(rest);
            if (!seconds) {
                return error("sleep needs a number of seconds");
            }
            step.seconds = *seconds;
        } else if (command == "expect-text" || command == "expect-no-text") {
            if (rest.empty()) {
                return error(std::string(command) + " needs a text");
            }
            step.kind = command == "expect-text" ? ScriptStep::Kind::ExpectText
                                                 : ScriptStep::Kind::ExpectNoText;
            step.argument = std::string(rest);
        } else if (command == "insert-card" || command == "remove-card") {
            if (!rest.empty()) {
                return error(std::string(command) + " takes no argument");
            }
            step.kind = command == "insert-card" ? ScriptStep::Kind::InsertCard
                                                 : ScriptStep::Kind::RemoveCard;
        } else {
            return error("unknown command '" + std::string(command) + "'");
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

Result<std::vector<ScriptStep>, std::string> loadScript(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail("cannot read " + file.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseScript(text.str(), file.string());
}

} // namespace kakanai::kiosk::ui
