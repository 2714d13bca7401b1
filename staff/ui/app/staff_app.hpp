// The staff console's SDL loop: one window (1600×900 by default) with the SDL_Renderer backend,
// the Desk over the StaffConsole, the change feed and the optional script.
//
// It renders only when something changed: it sleeps in SDL_WaitEventTimeout and wakes for input,
// for the change feed and the console's print thread (an SDL user event pushed from their
// threads), and once a second for the console's timers (automatic lock, lease renewal, the
// seconds of a running print job). After every frame it wipes ImGui's copies of a password no
// longer being typed (secret_text.hpp); ImGui allocates through a zeroing allocator. Any keyboard
// or mouse input calls StaffConsole::touch(). SDL text input (the IME, with its candidate window
// placed at the field by ImGui's SDL2 backend through SDL_SetTextInputRect) is on only while a text
// field that is not a password has the keyboard; password fields take key presses with the IME off.
//
// Errors: runStaffApp returns 0 (window closed, or the script finished), 1 when the script
// failed (its message on stderr), 3 when SDL, the window or the renderer cannot be created.
#pragma once

#include "change_feed.hpp"
#include "desk.hpp"
#include "font_coverage.hpp"
#include "options.hpp"
#include "script.hpp"

#include "kakanai/forms/template.hpp"

#include <chrono>
#include <memory>
#include <vector>

namespace kakanai::staff::ui {

struct StaffParts
{
    Desk* desk = nullptr;
    std::vector<forms::FormTemplate> templates; // their labels prime the font atlas
    std::shared_ptr<const kiosk::ui::FontCoverage> fonts;
    std::vector<StaffScriptStep> script; // empty: no script
    bool printEnabled = false;
};

int runStaffApp(const StaffOptions& options, StaffParts parts,
    std::chrono::steady_clock::time_point processStart);

} // namespace kakanai::staff::ui
