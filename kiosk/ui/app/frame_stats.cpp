#include "frame_stats.hpp"

#include <algorithm>
#include <fstream>

namespace kakanai::kiosk::ui {

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return -1.0;
    }
    std::sort(values.begin(), values.end());
    return values[std::min(
        values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

} // namespace

void FrameStats::frame(bool animating, double totalMs, double buildMs)
{
    ++m_frames;
    if (animating) {
        m_animatedMs.push_back(totalMs);
        m_animatedBuildMs.push_back(buildMs);
    }
}

void FrameStats::entered(const char* screen, double ms)
{
    m_screens.push_back(ScreenEntry { screen, ms, -1 });
}

void FrameStats::shown(const char* screen, double ms)
{
    if (m_screens.empty() || m_screens.back().screen != screen) {
        m_screens.push_back(ScreenEntry { screen, ms, ms }); // entered before the log began
    } else if (m_screens.back().shownMs < 0) {
        m_screens.back().shownMs = ms;
    }
}

void FrameStats::write(const std::filesystem::path& file, const AtlasFigures& atlas) const
{
    std::ofstream out(file);
    out << "{\"first_frame_ms\":" << m_firstFrameMs << ",\"frames\":" << m_frames
        << ",\"animated_frames\":" << m_animatedMs.size()
        << ",\"frame_p50_ms\":" << percentile(m_animatedMs, 0.5)
        << ",\"frame_p99_ms\":" << percentile(m_animatedMs, 0.99)
        << ",\"frame_max_ms\":" << percentile(m_animatedMs, 1.0)
        << ",\"build_p99_ms\":" << percentile(m_animatedBuildMs, 0.99)
        << ",\"font_rebuilds\":" << atlas.rebuilds
        << ",\"font_cell_glyphs\":" << atlas.cellAdditions
        << ",\"font_rebuild_ms\":" << atlas.lastRebuildMs << ",\"atlas_glyphs\":" << atlas.glyphs
        << ",\"atlas_width\":" << atlas.width << ",\"atlas_height\":" << atlas.height
        << ",\"screens\":[";
    for (std::size_t i = 0; i < m_screens.size(); ++i) {
        out << (i ? "," : "") << "{\"screen\":\"" << m_screens[i].screen
            << "\",\"entered_ms\":" << m_screens[i].enteredMs
            << ",\"shown_ms\":" << m_screens[i].shownMs << "}";
    }
    out << "]}\n";
}

} // namespace kakanai::kiosk::ui
