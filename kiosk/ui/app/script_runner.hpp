// Runs an automation script (shell/script.hpp) inside the kiosk's SDL loop, one step at a time,
// through the same paths a finger takes: `tap` pushes SDL_FINGERDOWN then SDL_FINGERUP with
// normalised coordinates at the centre of the widget's rectangle in the last drawn frame,
// `type` pushes SDL_TEXTINPUT events, `screenshot` asks the loop to save its next frame.
//
// Errors: the script fails (failed() with a message naming the step's line and text, never a
// typed value) when a tapped widget is not on screen or stays disabled for 5 s, a touch on it
// delivers no tap within 5 s, a wait times
// out, a screenshot cannot be written, or insert-card/remove-card is used without an emulated
// card.
#pragma once

#include "card_service.hpp"
#include "script.hpp"
#include "widget_registry.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::kiosk::ui {

/** What the runner sees of the kiosk on each call. */
struct ScriptWorld
{
    Screen screen = Screen::Attract;
    const WidgetRegistry* registry = nullptr;
    std::uint64_t frames = 0; // frames drawn so far
    std::uint64_t taps = 0; // taps the drawing code has delivered to the machine so far
    std::int64_t nowMs = 0;
    int width = 0; // window size in pixels
    int height = 0;
    CardService* card = nullptr;
    /** Every text the current screen shows (view_text.hpp), computed when a step asks. */
    std::function<std::string()> viewText;
    /** Asks the loop to save its next frame there; the callback gets the outcome. */
    std::function<void(std::filesystem::path, std::function<void(std::string error)>)> screenshot;
};

class ScriptRunner
{
public:
    ScriptRunner(std::vector<ScriptStep> steps, std::filesystem::path screenshotDir);

    /** Advances as far as possible without blocking; call once per loop iteration. */
    void poll(ScriptWorld& world);
    bool finished() const { return m_index >= m_steps.size() || m_failed; }
    bool failed() const { return m_failed; }
    const std::string& error() const { return m_error; }

private:
    void fail(const std::string& message);
    bool settled(const ScriptWorld& world) const;
    void next(const ScriptWorld& world);
    void pushFinger(const ScriptWorld& world, std::uint32_t type, float x, float y);

    std::vector<ScriptStep> m_steps;
    std::filesystem::path m_screenshotDir;
    std::size_t m_index = 0;
    int m_phase = 0; // within a step
    std::int64_t m_stepStartMs = -1;
    std::uint64_t m_markFrame = 0; // frames drawn when the last phase began
    std::uint64_t m_markTaps = 0; // taps delivered before this step's touch
    float m_tapX = 0, m_tapY = 0;
    bool m_failed = false;
    bool m_waitingForShot = false;
    std::string m_error;
    std::optional<std::string> m_shotError;
};

} // namespace kakanai::kiosk::ui
