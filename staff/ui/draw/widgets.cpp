// The staff console's drawing primitives (see widgets.hpp).
#include "widgets.hpp"

#include <algorithm>

namespace kakanai::staff::ui {

namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b)
{
    return IM_COL32(r, g, b, 255);
}

const Colors COLORS {
    .page = rgb(0xF3, 0xF5, 0xF8),
    .text = rgb(0x1A, 0x1D, 0x21),
    .muted = rgb(0x5A, 0x62, 0x6C),
    .panel = rgb(0xFF, 0xFF, 0xFF),
    .border = rgb(0xB8, 0xC0, 0xCA),
    .primary = rgb(0x00, 0x5A, 0xB5),
    .danger = rgb(0xB0, 0x1E, 0x1E),
    .ok = rgb(0x10, 0x7C, 0x41),
    .warn = rgb(0xB3, 0x6B, 0x00),
    .badgeCard = rgb(0x2B, 0x5C, 0x9E),
    .badgeDerived = rgb(0x6A, 0x4C, 0x9C),
    .badgeResident = rgb(0x5A, 0x62, 0x6C),
    .badgeStaff = rgb(0xB3, 0x6B, 0x00),
    .highlight = rgb(0xFF, 0xF1, 0xB8),
    .mine = rgb(0xE2, 0xF2, 0xE6),
};

} // namespace

const Colors& colors()
{
    return COLORS;
}

void applyStaffStyle()
{
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(8, 5);
    style.FrameRounding = 4;
    style.ChildRounding = 6;
    style.FrameBorderSize = 1;
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ScrollbarSize = 18;
    // Lines drawn as geometry, not sampled from the atlas: the font texture uses nearest
    // filtering (staff_fonts.cpp), which would make textured lines jagged.
    style.AntiAliasedLinesUseTex = false;
    auto c = [](ImU32 color) { return ImGui::ColorConvertU32ToFloat4(color); };
    style.Colors[ImGuiCol_WindowBg] = c(COLORS.page);
    style.Colors[ImGuiCol_ChildBg] = c(COLORS.panel);
    style.Colors[ImGuiCol_Text] = c(COLORS.text);
    style.Colors[ImGuiCol_Border] = c(COLORS.border);
    style.Colors[ImGuiCol_Button] = c(rgb(0xFF, 0xFF, 0xFF));
    style.Colors[ImGuiCol_ButtonHovered] = c(rgb(0xE4, 0xEE, 0xFA));
    style.Colors[ImGuiCol_ButtonActive] = c(rgb(0xC8, 0xDC, 0xF4));
    style.Colors[ImGuiCol_Header] = c(rgb(0xE4, 0xEE, 0xFA));
    style.Colors[ImGuiCol_HeaderHovered] = c(rgb(0xD6, 0xE6, 0xF8));
    style.Colors[ImGuiCol_HeaderActive] = c(rgb(0xC8, 0xDC, 0xF4));
    style.Colors[ImGuiCol_TableHeaderBg] = c(rgb(0xE9, 0xEC, 0xF0));
    ImGui::GetStyle() = style;
}

void registerItem(DrawContext& ctx, const std::string& id, bool enabled, bool reportsClick)
{
    // The visible part of the item: a row selectable spans every column while the clip rect is
    // the first column's, and a half-scrolled field is only partly shown.
    const ImVec2 itemMin = ImGui::GetItemRectMin();
    const ImVec2 itemMax = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clipMin = draw->GetClipRectMin();
    const ImVec2 clipMax = draw->GetClipRectMax();
    const ImVec2 min(std::max(itemMin.x, clipMin.x), std::max(itemMin.y, clipMin.y));
    const ImVec2 max(std::min(itemMax.x, clipMax.x), std::min(itemMax.y, clipMax.y));
    WidgetRect rect { itemMin.x, itemMin.y, itemMax.x - itemMin.x, itemMax.y - itemMin.y };
    // Tappable when at least half of its height (and some width) is on screen.
    rect.visible = max.x - min.x >= 4 && (max.y - min.y) * 2 >= itemMax.y - itemMin.y;
    if (rect.visible) {
        rect = WidgetRect { min.x, min.y, max.x - min.x, max.y - min.y };
    }
    rect.enabled = enabled;
    rect.reportsClick = reportsClick;
    ctx.registry.add(id, rect);
    if (ctx.registry.scrollTo == id) {
        ImGui::SetScrollHereY(0.5f);
        ctx.registry.scrollTo.clear();
    }
}

void button(DrawContext& ctx, const std::string& id, const std::string& label, bool enabled,
    bool primary, float width)
{
    ctx.fonts.require(label);
    ImGui::PushID(id.c_str());
    if (primary && enabled) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(COLORS.primary));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.0f, 0.30f, 0.62f, 1.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label.c_str(), ImVec2(width, 0));
    ImGui::EndDisabled();
    if (primary && enabled) {
        ImGui::PopStyleColor(3);
    }
    registerItem(ctx, id, enabled);
    if (pressed && enabled) {
        ctx.click = id;
    }
    ImGui::PopID();
}

void chip(DrawContext& ctx, const std::string& id, const std::string& label, bool selected)
{
    ctx.fonts.require(label);
    ImGui::PushID(id.c_str());
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(size.x + 8, 0))) {
        ctx.click = id;
    }
    registerItem(ctx, id);
    ImGui::PopID();
}

void textFieldImpl(DrawContext& ctx, const std::string& id, char* buffer, std::size_t size,
    float width, bool password, const std::string& enterClicks)
{
    ImGui::PushID(id.c_str());
    ImGui::SetNextItemWidth(width);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (!password) {
        flags |= ImGuiInputTextFlags_AutoSelectAll; // typing replaces the old value
    }
    if (password) {
        flags |= ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsNoBlank
            | ImGuiInputTextFlags_NoUndoRedo; // no undo record holds its characters
    }
    const bool entered = ImGui::InputText("##field", buffer, size, flags);
    registerItem(ctx, id, true, false);
    if (ImGui::IsItemActive()) {
        ctx.textActive = true;
        ctx.passwordActive = ctx.passwordActive || password;
    }
    if (!password) {
        ctx.fonts.require(buffer); // what staff typed through the IME
    }
    if (entered && !enterClicks.empty()) {
        ctx.click = enterClicks;
    }
    ImGui::PopID();
}

void label(DrawContext& ctx, const std::string& value, StaffFont role, ImU32 color)
{
    if (value.empty()) {
        return;
    }
    ctx.fonts.require(value);
    ImGui::PushFont(ctx.font(role));
    ImGui::PushStyleColor(ImGuiCol_Text, color ? color : COLORS.text);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void badge(DrawContext& ctx, const std::string& value, ImU32 background)
{
    ctx.fonts.require(value);
    ImFont* font = ctx.font(StaffFont::Small);
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, value.c_str());
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x + 10, min.y + size.y + 4);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, background, 4);
    draw->AddText(
        font, font->FontSize, ImVec2(min.x + 5, min.y + 2), IM_COL32_WHITE, value.c_str());
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
}

} // namespace kakanai::staff::ui
