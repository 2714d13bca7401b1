// What a frame costs to rasterise, for --stats (bench/staff): the pixels covered by the
// triangles ImGui submitted (each one textured and blended), and the process's CPU time, which
// with llvmpipe includes its rasteriser threads and, unlike wall time, hardly depends on what
// else the machine runs.
//
// Errors: none.
#pragma once

#include <imgui.h>

namespace kakanai::staff::ui {

/** The area of every triangle of the frame, in pixels (overlaps counted each time). */
double filledPixels(const ImDrawData& data);

/** CPU time of the whole process (all threads) in milliseconds. */
double processCpuMs();

} // namespace kakanai::staff::ui
