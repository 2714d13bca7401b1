#include "style.hpp"

namespace kakanai::kiosk::ui {

namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255)
{
    return IM_COL32(r, g, b, a);
}

const Palette LIGHT {
    .background = rgb(0xF3, 0xF5, 0xF8),
    .text = rgb(0x1A, 0x1D, 0x21),
    .mutedText = rgb(0x4A, 0x52, 0x5C),
    .panel = rgb(0xFF, 0xFF, 0xFF),
    .border = rgb(0x8A, 0x94, 0xA0),
    .button = rgb(0xFF, 0xFF, 0xFF),
    .buttonText = rgb(0x10, 0x3A, 0x6E),
    .buttonHover = rgb(0xE4, 0xEE, 0xFA),
    .buttonActive = rgb(0xC8, 0xDC, 0xF4),
    .primary = rgb(0x00, 0x5A, 0xB5),
    .primaryText = rgb(0xFF, 0xFF, 0xFF),
    .selected = rgb(0x10, 0x7C, 0x41),
    .selectedText = rgb(0xFF, 0xFF, 0xFF),
    .disabled = rgb(0xDD, 0xE1, 0xE6),
    .disabledText = rgb(0x70, 0x78, 0x82),
    .error = rgb(0xB0, 0x1E, 0x1E),
    .notice = rgb(0xFF, 0xF1, 0xB8),
    .noticeText = rgb(0x3D, 0x2E, 0x00),
    .cardBadge = rgb(0xE2, 0xEC, 0xF8),
    .cardBadgeText = rgb(0x10, 0x3A, 0x6E),
    .training = rgb(0xC6, 0x28, 0x28),
    .trainingText = rgb(0xFF, 0xFF, 0xFF),
    .dim = rgb(0x00, 0x00, 0x00, 0x99),
};

const Palette HIGH_CONTRAST {
    .background = rgb(0x00, 0x00, 0x00),
    .text = rgb(0xFF, 0xFF, 0xFF),
    .mutedText = rgb(0xFF, 0xFF, 0xFF),
    .panel = rgb(0x00, 0x00, 0x00),
    .border = rgb(0xFF, 0xFF, 0xFF),
    .button = rgb(0x00, 0x00, 0x00),
    .buttonText = rgb(0xFF, 0xFF, 0x00),
    .buttonHover = rgb(0x33, 0x33, 0x00),
    .buttonActive = rgb(0x66, 0x66, 0x00),
    .primary = rgb(0xFF, 0xFF, 0x00),
    .primaryText = rgb(0x00, 0x00, 0x00),
    .selected = rgb(0x00, 0xFF, 0xFF),
    .selectedText = rgb(0x00, 0x00, 0x00),
    .disabled = rgb(0x00, 0x00, 0x00),
    .disabledText = rgb(0x99, 0x99, 0x99),
    .error = rgb(0xFF, 0x80, 0x80),
    .notice = rgb(0xFF, 0xFF, 0x00),
    .noticeText = rgb(0x00, 0x00, 0x00),
    .cardBadge = rgb(0x00, 0x00, 0x00),
    .cardBadgeText = rgb(0x00, 0xFF, 0xFF),
    .training = rgb(0xFF, 0x00, 0x00),
    .trainingText = rgb(0xFF, 0xFF, 0xFF),
    .dim = rgb(0x00, 0x00, 0x00, 0xCC),
};

} // namespace

const Palette& palette(bool highContrast)
{
    return highContrast ? HIGH_CONTRAST : LIGHT;
}

void applyStyle(float scale, bool highContrast)
{
    const Palette& p = palette(highContrast);
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(size::MARGIN * scale, size::GAP * scale);
    style.FramePadding = ImVec2(size::GAP * scale, size::GAP / 2 * scale);
    style.ItemSpacing = ImVec2(size::GAP * scale, size::GAP * scale);
    style.ItemInnerSpacing = ImVec2(size::GAP / 2 * scale, size::GAP / 2 * scale);
    style.ScrollbarSize = 40.0f * scale;
    style.GrabMinSize = 80.0f * scale;
    style.WindowRounding = 0;
    style.ChildRounding = size::ROUNDING * scale;
    style.FrameRounding = size::ROUNDING * scale;
    style.ScrollbarRounding = size::ROUNDING * scale;
    style.FrameBorderSize = size::BORDER * scale;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.TouchExtraPadding = ImVec2(0, 0);
    auto c = [](ImU32 color) { return ImGui::ColorConvertU32ToFloat4(color); };
    style.Colors[ImGuiCol_WindowBg] = c(p.background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_Text] = c(p.text);
    style.Colors[ImGuiCol_TextDisabled] = c(p.disabledText);
    style.Colors[ImGuiCol_Border] = c(p.border);
    style.Colors[ImGuiCol_Button] = c(p.button);
    style.Colors[ImGuiCol_ButtonHovered] = c(p.buttonHover);
    style.Colors[ImGuiCol_ButtonActive] = c(p.buttonActive);
    style.Colors[ImGuiCol_ScrollbarBg] = c(p.panel);
    style.Colors[ImGuiCol_ScrollbarGrab] = c(p.border);
    style.Colors[ImGuiCol_ScrollbarGrabHovered] = c(p.buttonText);
    style.Colors[ImGuiCol_ScrollbarGrabActive] = c(p.buttonText);
    style.Colors[ImGuiCol_ModalWindowDimBg] = c(p.dim);
    ImGui::GetStyle() = style;
}

} // namespace kakanai::kiosk::ui
