// What `kakanai-kiosk --stats FILE` writes on exit (one JSON object): the time from the
// process's start to the first frame, the frame times while a screen animates (whole frame,
// and the part spent building it before the renderer draws and presents), and the font atlas
// (rebuilds, the last rebuild's time, glyphs, texture size), and every screen change: when the
// state machine entered the screen and when a frame first showed it (ms since the process
// started), e.g. from the PIN's confirmation (entering "reading") to the review on screen.
// bench/kiosk reads it. Screen names only: nothing the resident typed or the card holds.
//
// Errors: none; a file that cannot be written is silently skipped (the run's result stands).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kakanai::kiosk::ui {

struct AtlasFigures
{
    int rebuilds = 0;
    int cellAdditions = 0; // characters added to spare cells instead of a rebuild
    double lastRebuildMs = 0;
    std::size_t glyphs = 0;
    int width = 0;
    int height = 0;
};

class FrameStats
{
public:
    void firstFrame(double msSinceStart) { m_firstFrameMs = msSinceStart; }
    bool hadFirstFrame() const { return m_firstFrameMs >= 0; }
    /** One frame drawn: `totalMs` in all, `buildMs` of it before drawing and presenting. */
    void frame(bool animating, double totalMs, double buildMs);
    /** The machine entered `screen` (by name) at `ms`. */
    void entered(const char* screen, double ms);
    /** A frame showing `screen` was presented at `ms` (recorded once per entry). */
    void shown(const char* screen, double ms);
    void write(const std::filesystem::path& file, const AtlasFigures& atlas) const;

private:
    struct ScreenEntry
    {
        std::string screen;
        double enteredMs = -1;
        double shownMs = -1;
    };
    std::vector<ScreenEntry> m_screens;
    double m_firstFrameMs = -1;
    int m_frames = 0;
    std::vector<double> m_animatedMs;
    std::vector<double> m_animatedBuildMs;
};

} // namespace kakanai::kiosk::ui
