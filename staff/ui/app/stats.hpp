// Timings kakanai-staff writes with --stats FILE when it exits (read by bench/staff): the first
// frame after start, the first frame of the list after login, every list reload after a queue
// change, and the frames drawn while a script scrolls.
//
// Errors: none; a file that cannot be written is skipped.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

namespace kakanai::staff::ui {

struct StaffStats
{
    double firstFrameMs = -1;
    double listFirstFrameMs = -1;
    std::vector<double> refreshMs;
    std::vector<double> scrollFrameMs;
    std::vector<double> scrollBuildMs; // the ImGui frame alone (no rendering or present)
    int fontRebuilds = 0;

    static double percentile(std::vector<double> values, double p)
    {
        if (values.empty()) {
            return -1;
        }
        std::sort(values.begin(), values.end());
        return values[std::min(
            values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
    }

    void write(const std::filesystem::path& file) const
    {
        std::ofstream out(file);
        out << "{\"first_frame_ms\":" << firstFrameMs
            << ",\"list_first_frame_ms\":" << listFirstFrameMs
            << ",\"refreshes\":" << refreshMs.size()
            << ",\"refresh_max_ms\":" << percentile(refreshMs, 1.0)
            << ",\"scroll_frames\":" << scrollFrameMs.size()
            << ",\"scroll_p50_ms\":" << percentile(scrollFrameMs, 0.5)
            << ",\"scroll_p99_ms\":" << percentile(scrollFrameMs, 0.99)
            << ",\"scroll_max_ms\":" << percentile(scrollFrameMs, 1.0)
            << ",\"scroll_build_p99_ms\":" << percentile(scrollBuildMs, 0.99)
            << ",\"font_rebuilds\":" << fontRebuilds << "}\n";
    }
};

} // namespace kakanai::staff::ui
