// The content of the simpler screens: attract, choose, questions, present card, progress, done
// and error.
#include "screens.hpp"

#include <algorithm>
#include <cmath>

namespace kakanai::kiosk::ui {

namespace {

std::string textOf(const ViewModel& view, const char* id)
{
    const auto it = view.texts.find(id);
    return it == view.texts.end() ? std::string() : it->second;
}

void spinner(DrawContext& ctx, ImVec2 centre, float radius)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float t = static_cast<float>(ctx.timeSeconds);
    constexpr int DOTS = 12;
    for (int i = 0; i < DOTS; ++i) {
        const float angle = static_cast<float>(i) / DOTS * 6.2831853f + t * 3.0f;
        const float fade = static_cast<float>((i + 1)) / DOTS;
        const ImU32 colour = (ctx.colors.primary & 0x00FFFFFF)
            | (static_cast<ImU32>(255 * fade) << IM_COL32_A_SHIFT);
        draw->AddCircleFilled(
            ImVec2(centre.x + std::cos(angle) * radius, centre.y + std::sin(angle) * radius),
            radius * 0.14f, colour);
    }
    ctx.animating = true;
}

} // namespace

void drawAttract(DrawContext& ctx)
{
    ImGui::Dummy(ImVec2(0, ctx.px(size::GAP)));
    centredText(ctx, ctx.view.body, FontRole::Title);
    ImGui::Dummy(ImVec2(0, ctx.px(size::GAP)));
    const int columns = ctx.scale > 1.0f ? 1 : (ctx.view.choices.size() > 4 ? 3 : 2);
    buttonGrid(ctx, ctx.view.choices, columns, ctx.px(150), FontRole::Title);
}

void drawChoose(DrawContext& ctx)
{
    text(ctx, ctx.view.body);
    std::vector<Button> events;
    std::vector<Button> forms;
    for (const auto& b : ctx.view.choices) {
        (b.id.rfind("event.", 0) == 0 ? events : forms).push_back(b);
    }
    const int columns = ctx.scale > 1.0f ? 1 : 3;
    if (!events.empty()) {
        text(ctx, textOf(ctx.view, "choose.events"), FontRole::Title, ctx.colors.mutedText);
        buttonGrid(ctx, events, columns, ctx.px(140));
    }
    if (!forms.empty()) {
        text(ctx, textOf(ctx.view, "choose.forms"), FontRole::Title, ctx.colors.mutedText);
        buttonGrid(ctx, forms, columns, ctx.px(140));
    }
}

void drawQuestions(DrawContext& ctx)
{
    text(ctx, ctx.view.body);
    for (const auto& question : ctx.view.fields) {
        ImGui::Separator();
        text(ctx, question.label, FontRole::Title);
        text(ctx, question.help, FontRole::Small, ctx.colors.mutedText);
        const float width = std::min(ctx.px(360), ImGui::GetContentRegionAvail().x / 2.2f);
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            if (i > 0) {
                ImGui::SameLine();
            }
            touchButton(ctx, question.options[i], ImVec2(width, 0), FontRole::Title);
        }
    }
}

void drawPresentCard(DrawContext& ctx)
{
    text(ctx, ctx.view.body, FontRole::Title);
    // A card sliding onto the reader, over and over.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = std::max(ctx.px(360), ImGui::GetContentRegionAvail().y - ctx.px(24));
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float readerW = ctx.px(420);
    const float readerH = ctx.px(90);
    const ImVec2 readerMin(origin.x + (width - readerW) / 2, origin.y + height - readerH);
    draw->AddRectFilled(readerMin, ImVec2(readerMin.x + readerW, readerMin.y + readerH),
        ctx.colors.border, ctx.px(size::ROUNDING));
    const float phase = std::fmod(static_cast<float>(ctx.timeSeconds), 2.4f) / 1.6f;
    const float t = std::min(1.0f, phase);
    const float ease = 1.0f - (1.0f - t) * (1.0f - t);
    const float cardW = ctx.px(340);
    const float cardH = ctx.px(214);
    const float top = origin.y + ctx.px(10);
    const float bottom = readerMin.y - cardH + ctx.px(30);
    const ImVec2 cardMin(origin.x + (width - cardW) / 2, top + (bottom - top) * ease);
    draw->AddRectFilled(
        cardMin, ImVec2(cardMin.x + cardW, cardMin.y + cardH), ctx.colors.primary, ctx.px(18));
    draw->AddRectFilled(ImVec2(cardMin.x + ctx.px(28), cardMin.y + ctx.px(60)),
        ImVec2(cardMin.x + ctx.px(92), cardMin.y + ctx.px(110)), ctx.colors.notice, ctx.px(6));
    ctx.animating = true;
}

void drawProgress(DrawContext& ctx)
{
    text(ctx, ctx.view.body, FontRole::Title);
    const float width = ImGui::GetContentRegionAvail().x;
    const float radius = ctx.px(90);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, radius * 2 + ctx.px(size::GAP)));
    spinner(ctx, ImVec2(at.x + width / 2, at.y + radius + ctx.px(8)), radius);
    if (ctx.view.progress >= 0) {
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ctx.colors.primary);
        ImGui::ProgressBar(static_cast<float>(ctx.view.progress), ImVec2(width, ctx.px(40)), "");
        ImGui::PopStyleColor();
    }
    if (!ctx.view.ticket.empty()) {
        centredText(ctx, textOf(ctx.view, "done.ticket"), FontRole::Title);
        centredText(ctx, ctx.view.ticket, FontRole::Huge, ctx.colors.primary);
    }
}

void drawDone(DrawContext& ctx)
{
    centredText(ctx, ctx.view.body, FontRole::Title);
    ImGui::Dummy(ImVec2(0, ctx.px(size::GAP)));
    centredText(ctx, textOf(ctx.view, "done.ticket"), FontRole::Title, ctx.colors.mutedText);
    centredText(ctx, ctx.view.ticket, FontRole::Huge, ctx.colors.primary);
    centredText(ctx, ctx.view.waitText, FontRole::Title);
}

void drawError(DrawContext& ctx)
{
    ImGui::Dummy(ImVec2(0, ctx.px(size::GAP)));
    text(ctx, ctx.view.body, FontRole::Title, ctx.colors.error);
    if (!ctx.view.ticket.empty()) {
        centredText(ctx, textOf(ctx.view, "done.ticket"), FontRole::Title);
        centredText(ctx, ctx.view.ticket, FontRole::Huge, ctx.colors.primary);
    }
}

} // namespace kakanai::kiosk::ui
