// What bench/kiosk and bench/staff share: reading a number from the apps' --stats JSON, and the
// frame-time floor of the display they ran on (kakanai-present-floor: an empty SDL_Renderer
// frame, cleared, one rectangle filled and presented, at the app's window size).
//
// Errors: jsonNumber returns -1 for a missing key; printPresentFloor prints why it has no figure
// (the program missing or failing) instead of one, and never fails the benchmark.
#pragma once

#include "process.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace kakanai::bench {

inline double jsonNumber(const std::string& json, const std::string& key)
{
    const auto at = json.find("\"" + key + "\":");
    return at == std::string::npos ? -1 : std::atof(json.c_str() + at + key.size() + 3);
}

/**
 * Runs kakanai-present-floor on `display` at `width`×`height` for `frames` frames and prints its
 * p50/p99 next to the app's figure, so a reader can tell the app's share of a frame from the
 * machine's (under Xvfb, the present's copy to the X server and how often it is delayed).
 */
inline void printPresentFloor(
    const std::string& program, const std::string& display, int width, int height, int frames)
{
    testsupport::ProcessOptions options;
    options.argv = { program, "--frames", std::to_string(frames), "--width", std::to_string(width),
        "--height", std::to_string(height) };
    options.env = { { "DISPLAY", display } };
    auto floor = testsupport::ChildProcess::start(options);
    if (!floor) {
        std::printf("  floor (empty SDL frame)            skipped: %s\n", floor.error().c_str());
        return;
    }
    const auto code = (*floor)->wait(std::chrono::seconds(120));
    const std::string json = (*floor)->stdoutText();
    if (code != std::optional<int>(0) || jsonNumber(json, "p99_ms") < 0) {
        std::printf(
            "  floor (empty SDL frame)            skipped: kakanai-present-floor failed: %s\n",
            (*floor)->stderrText().c_str());
        return;
    }
    std::printf("  floor: an empty SDL frame (clear, one rectangle, present) on this display,\n"
                "  %dx%d: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms over %d frames\n",
        width, height, jsonNumber(json, "p50_ms"), jsonNumber(json, "p99_ms"),
        jsonNumber(json, "max_ms"), frames);
}

} // namespace kakanai::bench
