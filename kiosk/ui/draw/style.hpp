// Colours and sizes of the kiosk: a calm light theme and a high-contrast one (black, white,
// yellow), every size derived from the one scale factor (1.0, or 2.0 for the 200% zoom).
// Touch targets are at least 96 px high at scale 1 (15 mm on a 23" 1080p panel is ~90 px).
//
// Errors: none.
#pragma once

#include <imgui.h>

namespace kakanai::kiosk::ui {

struct Palette
{
    ImU32 background, text, mutedText, panel, border;
    ImU32 button, buttonText, buttonHover, buttonActive;
    ImU32 primary, primaryText, selected, selectedText, disabled, disabledText;
    ImU32 error, notice, noticeText, cardBadge, cardBadgeText, training, trainingText, dim;
};

const Palette& palette(bool highContrast);

/** Sizes at scale 1 (multiply by the scale). */
namespace size {
inline constexpr float TOUCH = 96.0f; // minimum height of anything tappable
inline constexpr float GAP = 24.0f;
inline constexpr float MARGIN = 48.0f;
inline constexpr float HEADER = 128.0f;
inline constexpr float FOOTER = 144.0f;
inline constexpr float ROUNDING = 14.0f;
inline constexpr float BORDER = 3.0f;
} // namespace size

/** Applies the palette and scaled paddings to ImGui's style. */
void applyStyle(float scale, bool highContrast);

} // namespace kakanai::kiosk::ui
