// Kiosk automation scripts (docs/kiosk-automation.md): one step a line,
//   tap WIDGET_ID         a real touch (SDL_FINGERDOWN/UP) at the centre of the widget
//   type TEXT             text input (SDL_TEXTINPUT) for the open field editor
//   wait STATE [SECONDS]  until the machine shows that screen (attract, choose, …; default 10 s)
//   screenshot NAME       the next frame as NAME.png in --screenshot-dir
//   insert-card           the emulated card onto the reader (--training / --identity)
//   remove-card           the emulated card off the reader
//   sleep SECONDS         let time pass (timeouts, animations)
//   expect-text TEXT      fails unless the current screen shows TEXT (view_text.hpp)
//   expect-no-text TEXT   fails if the current screen shows TEXT (e.g. a wiped resident's name)
// Blank lines and lines starting with # are ignored. Parsing has no SDL: steps are plain data.
//
// Errors: parseScript returns "FILE:LINE: message" for an unknown command, a missing or extra
// argument, an unknown STATE, a bad number of seconds or a screenshot name with a slash.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/kiosk/view_model.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::kiosk::ui {

struct ScriptStep
{
    enum class Kind
    {
        Tap,
        Type,
        Wait,
        Screenshot,
        InsertCard,
        RemoveCard,
        Sleep,
        ExpectText,
        ExpectNoText,
    };
    Kind kind = Kind::Tap;
    std::string argument; // widget id, text, screenshot name
    Screen screen = Screen::Attract; // Wait
    double seconds = 10.0; // Wait (timeout), Sleep
    int line = 0;
    std::string source; // the line as written, for messages (never a typed PIN: see describe())

    /** "line N: tap pin.ok" — `type` and `expect-…` steps are shown without their text. */
    std::string describe() const;
};

Result<std::vector<ScriptStep>, std::string> parseScript(
    std::string_view text, const std::string& fileName);
Result<std::vector<ScriptStep>, std::string> loadScript(const std::filesystem::path& file);

/** The Screen whose state name is `name`. */
std::optional<Screen> screenFromName(std::string_view name);
/** "attract", "choose", … as in `wait STATE` (the same names as kiosk::screenName(); kept here
 *  so the UI does not depend on when the core implements it). */
const char* stateName(Screen screen);

} // namespace kakanai::kiosk::ui
