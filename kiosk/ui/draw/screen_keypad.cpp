// The PIN and 照合番号B screens: instructions, one dot per digit (filled for each typed digit;
// the digits themselves never reach the view) and a large keypad.
#include "screens.hpp"

#include <algorithm>

namespace kakanai::kiosk::ui {

void drawKeypadScreen(DrawContext& ctx)
{
    const ViewModel& view = ctx.view;
    const float width = ImGui::GetContentRegionAvail().x;
    const float keypadWidth = std::min(width * 0.48f, ctx.px(760));
    const float left = width - keypadWidth;

    // Left: instructions (with the tries left) and the dots.
    ImGui::BeginChild("##keypad_left", ImVec2(left - ctx.px(size::GAP * 2), 0));
    text(ctx, view.body, FontRole::Title);
    ImGui::Dummy(ImVec2(0, ctx.px(size::GAP)));
    const int needed = std::max(1, view.digitsNeeded);
    const float slot
        = std::min(ctx.px(96), (left - ctx.px(size::GAP * 2)) / static_cast<float>(needed));
    const float radius = slot * 0.32f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < needed; ++i) {
        const ImVec2 centre(at.x + slot * (static_cast<float>(i) + 0.5f), at.y + slot / 2);
        if (i < view.digitsEntered) {
            draw->AddCircleFilled(centre, radius, ctx.colors.text);
        } else {
            draw->AddCircle(centre, radius, ctx.colors.border, 0, ctx.px(size::BORDER));
        }
    }
    ImGui::Dummy(ImVec2(slot * static_cast<float>(needed), slot));
    ImGui::EndChild();

    // Right: the keypad.
    ImGui::SameLine(left);
    ImGui::BeginGroup();
    const float gap = ctx.px(size::GAP / 2);
    for (const auto& row : view.keypad) {
        const float keyWidth = (keypadWidth - gap * static_cast<float>(row.size() - 1))
            / static_cast<float>(std::max<std::size_t>(1, row.size()));
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) {
                ImGui::SameLine(0, gap);
            }
            touchButton(
                ctx, row[i], ImVec2(keyWidth, ctx.px(120)), FontRole::Title, ButtonLook::Key);
        }
    }
    ImGui::EndGroup();
}

} // namespace kakanai::kiosk::ui
