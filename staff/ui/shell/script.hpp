// Staff console automation scripts (docs/staff-console.md), one step a line:
//   tap WIDGET_ID              a real mouse click at the centre of the widget's rectangle
//   type TEXT                  text for the focused field (SDL_TEXTINPUT, or key presses when
//                              the IME is off: password fields)
//   key NAME                   a key press: enter, tab, escape, backspace, up, down, pageup,
//                              pagedown, home, end, f5
//   wait SCREEN [SECONDS]      login, locked, list, record, dashboard (default 10 s)
//   wait-row TICKET [SECONDS]  until the list shows a row with that ticket number
//   wait-file PATH [SECONDS]   until the file exists (lets a test start two consoles together)
//   scroll WIDGET_ID STEPS     one mouse-wheel notch down per frame over the widget
//   screenshot NAME            the next frame as NAME.png in --screenshot-dir
//   sleep SECONDS
// Blank lines and lines starting with # are ignored. Parsing has no SDL: steps are plain data.
//
// Errors: parseStaffScript returns "FILE:LINE: message" for an unknown command, a missing or
// extra argument, an unknown SCREEN or key, a bad number or a screenshot name with a slash.
#pragma once

#include "kakanai/base/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::staff::ui {

/** What the window shows (the console's screens plus the dashboard). */
enum class DeskScreen
{
    Login,
    Locked,
    List,
    Record,
    Dashboard,
};

const char* deskScreenName(DeskScreen screen);
std::optional<DeskScreen> deskScreenFromName(std::string_view name);

struct StaffScriptStep
{
    enum class Kind
    {
        Tap,
        Type,
        Key,
        Wait,
        WaitRow,
        WaitFile,
        Scroll,
        Screenshot,
        Sleep,
    };
    Kind kind = Kind::Tap;
    std::string argument; // widget id, text, key name, ticket, path, screenshot name
    DeskScreen screen = DeskScreen::Login; // Wait
    double seconds = 10.0; // waits (timeout), Sleep
    int count = 0; // Scroll: wheel notches
    int line = 0;
    std::string source; // the line as written (never shown for `type`: see describe())

    /** "line N: tap login.ok" — `type` steps are shown without their text. */
    std::string describe() const;
};

Result<std::vector<StaffScriptStep>, std::string> parseStaffScript(
    std::string_view text, const std::string& fileName);
Result<std::vector<StaffScriptStep>, std::string> loadStaffScript(
    const std::filesystem::path& file);

/** The key names `key` accepts. */
const std::vector<std::string>& scriptKeyNames();

} // namespace kakanai::staff::ui
