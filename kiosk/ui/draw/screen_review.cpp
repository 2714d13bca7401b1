// Review (one form of the visit: card values large, marked "from your card", with "this is
// wrong — ask staff"; the other fields as touch inputs with their messages), the confirm summary,
// and the field editor overlay (kana keyboard, number pad, era picker: its key rows).
#include "screens.hpp"

#include <algorithm>

namespace kakanai::kiosk::ui {

namespace {

std::string textOf(const ViewModel& view, const char* id)
{
    const auto it = view.texts.find(id);
    return it == view.texts.end() ? std::string() : it->second;
}

void fieldLabel(DrawContext& ctx, const FieldView& field)
{
    text(ctx, field.label + (field.required ? " *" : ""), FontRole::Body, ctx.colors.mutedText);
    if (ctx.view.language != "ja" && !field.labelJa.empty() && field.labelJa != field.label) {
        text(ctx, field.labelJa, FontRole::Small, ctx.colors.mutedText);
    }
}

void cardField(DrawContext& ctx, const FieldView& field)
{
    fieldLabel(ctx, field);
    text(ctx, field.value, FontRole::Large);
    if (!field.fromCard) {
        return; // derived (today's date, age): read-only, but not the card's word
    }
    band(ctx, textOf(ctx.view, "review.from_card"), ctx.colors.cardBadge, ctx.colors.cardBadgeText,
        FontRole::Small);
    Button wrong { "wrong." + field.key, textOf(ctx.view, "review.wrong") };
    wrong.selected = field.flaggedForStaff;
    touchButton(ctx, wrong, ImVec2(0, 0), FontRole::Small, ButtonLook::Danger);
}

void inputField(DrawContext& ctx, const FieldView& field)
{
    fieldLabel(ctx, field);
    text(ctx, field.help, FontRole::Small, ctx.colors.mutedText);
    if (!field.options.empty()) {
        const int columns = ctx.scale > 1.0f ? 2 : (field.options.size() > 4 ? 4 : 3);
        buttonGrid(ctx, field.options, columns, ctx.px(size::TOUCH));
    } else {
        // The value as a big tappable box: opens the editor.
        Button box { "field." + field.key, field.value.empty() ? "…" : field.value };
        touchButton(
            ctx, box, ImVec2(ImGui::GetContentRegionAvail().x, ctx.px(110)), FontRole::Large);
    }
}

} // namespace

void drawReview(DrawContext& ctx)
{
    const ViewModel& view = ctx.view;
    std::string heading = view.formTitle;
    if (view.formCount > 1) {
        heading += "  (" + std::to_string(view.formIndex + 1) + " / "
            + std::to_string(view.formCount) + ")";
    }
    text(ctx, heading, FontRole::Title, ctx.colors.primary);
    text(ctx, view.body, FontRole::Body, ctx.colors.error);
    for (const auto& field : view.fields) {
        ImGui::Separator();
        ImGui::PushID(field.key.c_str());
        if (field.input == InputKind::ReadOnly) {
            cardField(ctx, field);
        } else {
            inputField(ctx, field);
        }
        for (const auto& message : field.messages) {
            text(ctx, "● " + message, FontRole::Body, ctx.colors.error);
        }
        ImGui::PopID();
    }
}

void drawConfirm(DrawContext& ctx)
{
    const ViewModel& view = ctx.view;
    text(ctx, view.body, FontRole::Title);
    std::string lastForm;
    const float labelWidth = ImGui::GetContentRegionAvail().x * 0.35f;
    for (const auto& field : view.fields) {
        if (field.help != lastForm) {
            lastForm = field.help;
            ImGui::Dummy(ImVec2(0, ctx.px(size::GAP / 2)));
            text(ctx, lastForm, FontRole::Title, ctx.colors.primary);
        }
        ImGui::Separator();
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + labelWidth - ctx.px(size::GAP));
        text(ctx, field.label, FontRole::Body, ctx.colors.mutedText);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine(labelWidth);
        ImGui::BeginGroup();
        text(ctx, field.value, FontRole::Body);
        if (field.fromCard) {
            text(ctx, textOf(view, "review.from_card"), FontRole::Small, ctx.colors.cardBadgeText);
        }
        ImGui::EndGroup();
    }
}

void drawEditorOverlay(DrawContext& ctx)
{
    const EditorView& editor = *ctx.view.editor;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.colors.dim);
    ImGui::Begin("##editor", nullptr,
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    const float margin = ctx.px(size::MARGIN);
    ImGui::SetCursorPos(ImVec2(margin, margin));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ctx.colors.panel);
    ImGui::BeginChild("##editor_panel", ImVec2(display.x - 2 * margin, display.y - 2 * margin),
        ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    }
    text(ctx, editor.label, FontRole::Title);
    band(ctx, editor.text.empty() ? " " : editor.text, ctx.colors.background, ctx.colors.text,
        FontRole::Large);
    text(ctx, editor.message, FontRole::Body, ctx.colors.error);
    const float gap = ctx.px(size::GAP / 3);
    const float width = ImGui::GetContentRegionAvail().x;
    // 50音: the kana rows (あ行, か行, …) are drawn as the table's columns, right to left.
    std::vector<const std::vector<Button>*> kanaColumns;
    std::vector<const std::vector<Button>*> otherRows;
    for (const auto& row : editor.keyRows) {
        const bool kana = !row.empty() && std::all_of(row.begin(), row.end(), [](const Button& b) {
            return b.id.rfind("kana.", 0) == 0;
        });
        (kana ? kanaColumns : otherRows).push_back(&row);
    }
    if (!kanaColumns.empty()) {
        const float columns = static_cast<float>(kanaColumns.size());
        const float keyWidth = (width - gap * (columns - 1)) / columns;
        const ImVec2 origin = ImGui::GetCursorPos();
        float bottom = origin.y;
        for (std::size_t c = 0; c < kanaColumns.size(); ++c) {
            const float x = origin.x + width - keyWidth - static_cast<float>(c) * (keyWidth + gap);
            float y = origin.y;
            for (const auto& key : *kanaColumns[c]) {
                ImGui::SetCursorPos(ImVec2(x, y));
                touchButton(ctx, key, ImVec2(keyWidth, ctx.px(size::TOUCH)), FontRole::Body,
                    ButtonLook::Key);
                y += ctx.px(size::TOUCH) + gap;
            }
            bottom = std::max(bottom, y);
        }
        ImGui::SetCursorPos(ImVec2(origin.x, bottom));
    }
    std::size_t widest = 2;
    for (const auto* row : otherRows) {
        widest = std::max(widest, row->size());
    }
    for (const auto* row : otherRows) {
        const bool last = row == otherRows.back();
        const std::size_t slots = last ? row->size() : std::max<std::size_t>(widest, 5);
        const float keyWidth
            = (width - gap * static_cast<float>(slots - 1)) / static_cast<float>(slots);
        for (std::size_t i = 0; i < row->size(); ++i) {
            if (i > 0) {
                ImGui::SameLine(0, gap);
            }
            touchButton(ctx, (*row)[i], ImVec2(keyWidth, ctx.px(size::TOUCH)),
                last ? FontRole::Title : FontRole::Body, ButtonLook::Key);
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::End();
}

} // namespace kakanai::kiosk::ui
