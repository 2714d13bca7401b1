// The kiosk's SDL loop: one window (1920×1080 by default) with the SDL_Renderer backend, the
// state machine, the shell that runs its effects, the fonts and the optional script.
//
// It renders only when something changed or animates: it sleeps in SDL_WaitEventTimeout and
// wakes for input, for results posted by the workers (an SDL user event), and every 250 ms to
// send the machine a Tick (a frame is drawn then only when the screen or countdown changed).
// Touches are real SDL finger events, fed to ImGui as touch-screen mouse input.
//
// Errors: run() returns 0 (window closed, or the script finished), 1 when the script failed
// (its message on stderr), 3 when SDL, the window or the renderer cannot be created.
#pragma once

#include "card_service.hpp"
#include "font_coverage.hpp"
#include "options.hpp"
#include "script.hpp"
#include "services.hpp"

#include "kakanai/kiosk/machine.hpp"

#include <chrono>
#include <memory>
#include <vector>

namespace kakanai::kiosk::ui {

struct KioskParts
{
    KioskSetup setup;
    std::unique_ptr<CardService> card;
    std::unique_ptr<RecordService> records;
    std::unique_ptr<PrintService> printer;
    std::shared_ptr<const FontCoverage> fonts;
    std::vector<ScriptStep> script; // empty: no script
};

int runKiosk(const KioskOptions& options, KioskParts parts,
    std::chrono::steady_clock::time_point processStart);

} // namespace kakanai::kiosk::ui
