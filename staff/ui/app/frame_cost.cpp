// Frame cost figures for --stats (see frame_cost.hpp).
#include "frame_cost.hpp"

#include <cmath>
#include <ctime>

namespace kakanai::staff::ui {

double filledPixels(const ImDrawData& data)
{
    double area = 0;
    for (int list = 0; list < data.CmdListsCount; ++list) {
        const ImDrawList& draw = *data.CmdLists[list];
        for (const ImDrawCmd& cmd : draw.CmdBuffer) {
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const auto vertex = [&](unsigned k) -> const ImVec2& {
                    return draw
                        .VtxBuffer[static_cast<int>(cmd.VtxOffset
                            + draw.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])]
                        .pos;
                };
                const ImVec2& a = vertex(0);
                const ImVec2& b = vertex(1);
                const ImVec2& c = vertex(2);
                area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
            }
        }
    }
    return area;
}

double processCpuMs()
{
    timespec now {};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

} // namespace kakanai::staff::ui
