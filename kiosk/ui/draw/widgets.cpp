#include "widgets.hpp"

#include <algorithm>

namespace kakanai::kiosk::ui {

namespace {

void registerRect(DrawContext& ctx, const std::string& id, ImVec2 min, ImVec2 max, bool enabled)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 clipMin = draw->GetClipRectMin();
    const ImVec2 clipMax = draw->GetClipRectMax();
    const ImVec2 centre((min.x + max.x) / 2, (min.y + max.y) / 2);
    WidgetRect rect;
    rect.x = min.x;
    rect.y = min.y;
    rect.width = max.x - min.x;
    rect.height = max.y - min.y;
    rect.visible = centre.x >= clipMin.x && centre.x < clipMax.x && centre.y >= clipMin.y
        && centre.y < clipMax.y && !ctx.inputBlocked;
    rect.enabled = enabled;
    ctx.registry.add(id, rect);
}

} // namespace

float buttonWidth(const DrawContext& ctx, const Button& button, FontRole role)
{
    ImFont* font = ctx.font(role);
    const ImVec2 label = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, button.label.c_str());
    return std::max(label.x + ctx.px(2 * size::MARGIN), ctx.px(size::TOUCH * 1.5f));
}

void touchButton(
    DrawContext& ctx, const Button& button, ImVec2 size, FontRole role, ButtonLook look)
{
    const Palette& p = ctx.colors;
    ImFont* font = ctx.font(role);
    if (size.x <= 0) {
        size.x = buttonWidth(ctx, button, role);
    }
    size.y = std::max(size.y, ctx.px(size::TOUCH));
    if (button.primary && (look == ButtonLook::Normal || look == ButtonLook::Key)) {
        look = ButtonLook::Primary;
    }
    ImU32 fill = p.button;
    ImU32 ink = p.buttonText;
    if (!button.enabled) {
        fill = p.disabled;
        ink = p.disabledText;
    } else if (button.selected) {
        fill = p.selected;
        ink = p.selectedText;
    } else if (look == ButtonLook::Primary) {
        fill = p.primary;
        ink = p.primaryText;
    } else if (look == ButtonLook::Danger) {
        ink = p.error;
    }
    ImGui::PushID(button.id.c_str());
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    const bool pressed = ImGui::InvisibleButton("##touch", size);
    const bool held = ImGui::IsItemActive();
    if (held && button.enabled && !ctx.inputBlocked) {
        fill = look == ButtonLook::Primary ? p.buttonText : p.buttonActive;
        ink = look == ButtonLook::Primary ? p.primaryText : ink;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ctx.px(size::ROUNDING);
    draw->AddRectFilled(min, max, fill, rounding);
    const float border
        = ctx.px(button.primary || button.selected ? size::BORDER * 1.5f : size::BORDER);
    draw->AddRect(min, max, look == ButtonLook::Danger ? p.error : p.border, rounding, 0, border);
    const float wrap = size.x - ctx.px(size::GAP);
    const ImVec2 label = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, button.label.c_str());
    const ImVec2 at(min.x + (size.x - label.x) / 2, min.y + (size.y - label.y) / 2);
    draw->AddText(font, font->FontSize, at, ink, button.label.c_str(), nullptr, wrap);
    if (button.selected) {
        draw->AddText(font, font->FontSize, ImVec2(min.x + ctx.px(16), at.y), ink, "✓");
    }
    registerRect(ctx, button.id, min, max, button.enabled);
    if (ctx.registry.scrollTo == button.id) {
        ImGui::SetScrollHereY(0.5f);
        ctx.registry.scrollTo.clear();
    }
    if (pressed && button.enabled && !ctx.inputBlocked) {
        ctx.tap = button.id;
    }
    ImGui::PopID();
}

void text(DrawContext& ctx, const std::string& value, FontRole role, ImU32 color)
{
    if (value.empty()) {
        return;
    }
    ImGui::PushFont(ctx.font(role));
    ImGui::PushStyleColor(ImGuiCol_Text, color ? color : ctx.colors.text);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void centredText(DrawContext& ctx, const std::string& value, FontRole role, ImU32 color)
{
    if (value.empty()) {
        return;
    }
    ImFont* font = ctx.font(role);
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, value.c_str());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - size.x) / 2));
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color ? color : ctx.colors.text);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x + 1);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void buttonGrid(
    DrawContext& ctx, const std::vector<Button>& buttons, int columns, float height, FontRole role)
{
    const float gap = ctx.px(size::GAP);
    const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(columns - 1))
        / static_cast<float>(columns);
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) {
            ImGui::SameLine(0, gap);
        }
        touchButton(ctx, buttons[i], ImVec2(width, height), role);
    }
}

void band(
    DrawContext& ctx, const std::string& value, ImU32 background, ImU32 foreground, FontRole role)
{
    if (value.empty()) {
        return;
    }
    ImFont* font = ctx.font(role);
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = ctx.px(size::GAP / 2);
    const ImVec2 textSize
        = font->CalcTextSizeA(font->FontSize, FLT_MAX, width - 2 * pad, value.c_str());
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + textSize.y + 2 * pad);
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, background, ctx.px(size::ROUNDING));
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(min.x + pad, min.y + pad),
        foreground, value.c_str(), nullptr, width - 2 * pad);
    ImGui::Dummy(ImVec2(width, max.y - min.y));
}

} // namespace kakanai::kiosk::ui
