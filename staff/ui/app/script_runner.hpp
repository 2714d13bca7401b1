// Runs a staff console script (shell/script.hpp) inside the SDL loop, one step at a time,
// through the same paths as a desk's mouse and keyboard: `tap` moves the pointer to the centre
// of the widget's rectangle in the last drawn frame (SDL_WarpMouseInWindow plus an
// SDL_MOUSEMOTION) and pushes SDL_MOUSEBUTTONDOWN, then SDL_MOUSEBUTTONUP on the next frame;
// `type` pushes SDL_TEXTINPUT events while SDL text input (the IME) is on, else key presses
// (password fields); `key` pushes SDL_KEYDOWN/UP; `scroll` pushes one SDL_MOUSEWHEEL a frame;
// `screenshot` asks the loop to save its next frame. Adapted from the kiosk's
// kiosk/ui/app/script_runner.cpp (which taps with finger events).
//
// Errors: the script fails (failed() with a message naming the step's line, never typed text)
// when a widget is not on screen or stays disabled for 5 s, a click on a button delivers
// nothing within 10 s, a wait times out, a screenshot cannot be written, or a password field
// is sent text that is not printable ASCII.
#pragma once

#include "script.hpp"
#include "widgets.hpp"

#include <SDL.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::staff::ui {

/** What the runner sees of the console on each call. */
struct ScriptWorld
{
    DeskScreen screen = DeskScreen::Login;
    WidgetRegistry* registry = nullptr;
    std::uint64_t frames = 0; // frames drawn so far
    std::uint64_t clicks = 0; // clicks the drawing code has delivered so far
    std::int64_t nowMs = 0;
    SDL_Window* window = nullptr;
    std::function<bool(const std::string& ticket)> hasRow;
    /** Asks the loop to save its next frame there; the callback gets the outcome. */
    std::function<void(std::filesystem::path, std::function<void(std::string error)>)> screenshot;
};

class StaffScriptRunner
{
public:
    StaffScriptRunner(std::vector<StaffScriptStep> steps, std::filesystem::path screenshotDir);

    /** Advances as far as possible without blocking; call once per loop iteration. */
    void poll(ScriptWorld& world);
    bool finished() const { return m_index >= m_steps.size() || m_failed; }
    bool failed() const { return m_failed; }
    const std::string& error() const { return m_error; }
    /** True while a `scroll` step pushes wheel events (frames are timed for bench/staff). */
    bool scrolling() const;

private:
    void fail(const std::string& message);
    bool settled(const ScriptWorld& world) const { return world.frames >= m_markFrame + 2; }
    void next(const ScriptWorld& world);
    /** Finds a tappable widget; false while waiting (and fails after the timeout). */
    const WidgetRect* findWidget(ScriptWorld& world, const std::string& id, std::int64_t elapsed);
    void tapStep(ScriptWorld& world, const StaffScriptStep& step, std::int64_t elapsed);
    void scrollStep(ScriptWorld& world, const StaffScriptStep& step, std::int64_t elapsed);
    bool typeStep(SDL_Window* window, const StaffScriptStep& step);

    std::vector<StaffScriptStep> m_steps;
    std::filesystem::path m_screenshotDir;
    std::size_t m_index = 0;
    int m_phase = 0; // within a step
    std::int64_t m_stepStartMs = -1;
    std::uint64_t m_markFrame = 0; // frames drawn when the last phase began
    std::uint64_t m_markClicks = 0;
    int m_pushed = 0; // scroll: wheel events pushed
    float m_x = 0, m_y = 0;
    bool m_reportsClick = true;
    bool m_failed = false;
    std::string m_error;
    std::optional<std::string> m_shotError;
};

/** The character a key press types in a password field (US layout), or 0. */
char passwordChar(SDL_Keycode key, Uint16 mod);

} // namespace kakanai::staff::ui
