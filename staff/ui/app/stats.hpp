// Timings kakanai-staff writes with --stats FILE when it exits (read by bench/staff): the first
// frame after start, the first frame of the list after login, every list reload after a queue
// change, and the frames drawn while a script scrolls: their wall time, the ImGui part alone,
// the rendering part (SDL_Renderer + present), the process CPU time of the rendering (llvmpipe's
// threads included) and the pixels the frame's triangles cover.
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
    std::vector<double> scrollRenderMs; // SDL_RenderClear + the draw data + SDL_RenderPresent
    std::vector<double> scrollRenderCpuMs; // process CPU time over the same span
    std::vector<double> scrollPixels; // filledPixels() of the frame
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
            << ",\"scroll_over_16_7_ms\":"
            << std::count_if(
                   scrollFrameMs.begin(), scrollFrameMs.end(), [](double ms) { return ms > 16.7; })
            << ",\"scroll_build_p99_ms\":" << percentile(scrollBuildMs, 0.99)
            << ",\"scroll_render_p50_ms\":" << percentile(scrollRenderMs, 0.5)
            << ",\"scroll_render_p99_ms\":" << percentile(scrollRenderMs, 0.99)
            << ",\"scroll_render_cpu_p50_ms\":" << percentile(scrollRenderCpuMs, 0.5)
            << ",\"scroll_render_cpu_p99_ms\":" << percentile(scrollRenderCpuMs, 0.99)
            << ",\"scroll_pixels_p50\":" << percentile(scrollPixels, 0.5)
            << ",\"font_rebuilds\":" << fontRebuilds << "}\n";
    }
};

} // namespace kakanai::staff::ui
