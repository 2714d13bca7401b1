#include "screens.hpp"

#include <algorithm>

namespace kakanai::kiosk::ui {

namespace {

constexpr ImGuiWindowFlags FULL_SCREEN = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove
    | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus
    | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;

void drawHeader(DrawContext& ctx)
{
    const ViewModel& view = ctx.view;
    float buttonsWidth = 0;
    std::vector<const Button*> globals;
    for (const auto& b : view.globalButtons) {
        if (b.id != "global.still_here") {
            globals.push_back(&b);
            buttonsWidth += buttonWidth(ctx, b, FontRole::Small) + ctx.px(size::GAP);
        }
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float left = ImGui::GetCursorPosX();
    // The global buttons sit right of the title, or above it when the zoom leaves no room.
    const bool ownRow = width - buttonsWidth < ctx.px(560);
    float top = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(
        ImVec2(left + std::max(0.0f, width - buttonsWidth + ctx.px(size::GAP)), top));
    for (std::size_t i = 0; i < globals.size(); ++i) {
        if (i > 0) {
            ImGui::SameLine(0, ctx.px(size::GAP));
        }
        Button b = *globals[i];
        b.selected = (b.id == "global.call_staff" && view.staffCalled)
            || (b.id == "global.zoom" && view.scale > 1.0)
            || (b.id == "global.contrast" && view.highContrast);
        touchButton(ctx, b, ImVec2(0, 0), FontRole::Small);
    }
    const float buttonsBottom = ImGui::GetCursorPosY();
    if (ownRow) {
        top = buttonsBottom;
    }
    ImGui::SetCursorPos(ImVec2(left, top));
    ImGui::PushTextWrapPos(ownRow ? 0.0f : left + width - buttonsWidth);
    ImGui::PushFont(ctx.font(FontRole::Title));
    ImGui::TextUnformatted(view.title.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    const float bottom = std::max(ImGui::GetCursorPosY(), buttonsBottom);
    ImGui::SetCursorPosY(bottom);
}

void drawContent(DrawContext& ctx)
{
    switch (ctx.view.screen) {
    case Screen::Attract:
        drawAttract(ctx);
        break;
    case Screen::Choose:
        drawChoose(ctx);
        break;
    case Screen::Questions:
        drawQuestions(ctx);
        break;
    case Screen::PresentCard:
        drawPresentCard(ctx);
        break;
    case Screen::Pin:
    case Screen::CollationB:
        drawKeypadScreen(ctx);
        break;
    case Screen::Reading:
    case Screen::Submitting:
    case Screen::Printing:
        drawProgress(ctx);
        break;
    case Screen::Review:
        drawReview(ctx);
        break;
    case Screen::Confirm:
        drawConfirm(ctx);
        break;
    case Screen::Done:
        drawDone(ctx);
        break;
    case Screen::Error:
        drawError(ctx);
        break;
    }
}

void drawFooter(DrawContext& ctx)
{
    const auto& actions = ctx.view.actions;
    if (actions.empty()) {
        return;
    }
    const float gap = ctx.px(size::GAP);
    // Secondary actions on the left, the primary one on the right and wider.
    float x = ImGui::GetCursorPosX();
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float y = ImGui::GetCursorPosY();
    for (const auto& b : actions) {
        if (b.primary) {
            continue;
        }
        ImGui::SetCursorPos(ImVec2(x, y));
        touchButton(ctx, b);
        x += buttonWidth(ctx, b) + gap;
    }
    for (const auto& b : actions) {
        if (!b.primary) {
            continue;
        }
        const float width = std::max(buttonWidth(ctx, b, FontRole::Title), ctx.px(420));
        ImGui::SetCursorPos(ImVec2(std::max(x, right - width), y));
        touchButton(ctx, b, ImVec2(width, ctx.px(size::TOUCH + 12)), FontRole::Title);
    }
}

void drawStillThere(DrawContext& ctx, ImVec2 display)
{
    const ViewModel& view = ctx.view;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.colors.dim);
    ImGui::Begin("##still_there", nullptr, FULL_SCREEN & ~ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    const ImVec2 panel(std::min(display.x - ctx.px(96), ctx.px(1100)),
        std::min(display.y - ctx.px(96), ctx.px(620)));
    ImGui::SetCursorPos(ImVec2((display.x - panel.x) / 2, (display.y - panel.y) / 2));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ctx.colors.panel);
    ImGui::BeginChild(
        "##still_panel", panel, ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    const auto text = [&](const char* id) {
        const auto it = view.texts.find(id);
        return it == view.texts.end() ? std::string() : it->second;
    };
    centredText(ctx, text("still_there.title"), FontRole::Title);
    centredText(ctx, text("still_there.body"));
    centredText(
        ctx, std::to_string(view.stillThereSeconds.value_or(0)), FontRole::Huge, ctx.colors.error);
    for (const auto& b : view.globalButtons) {
        if (b.id == "global.still_here") {
            const float width = ImGui::GetContentRegionAvail().x;
            touchButton(ctx, b, ImVec2(width, ctx.px(size::TOUCH + 12)), FontRole::Title);
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::End();
}

} // namespace

FrameResult drawKiosk(
    const ViewModel& view, const KioskFonts& fonts, WidgetRegistry& registry, double timeSeconds)
{
    registry.clear();
    const float scale = static_cast<float>(view.scale);
    DrawContext ctx { view, fonts, registry, scale, palette(view.highContrast), timeSeconds, false,
        std::nullopt, false };
    const bool overlay = view.stillThereSeconds.has_value() || view.editor.has_value();
    const ImVec2 display = ImGui::GetIO().DisplaySize;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin("##kiosk", nullptr, FULL_SCREEN);
    ImGui::PushFont(ctx.font(FontRole::Body));
    ctx.inputBlocked = overlay;
    const std::string& notice = view.notice;
    if (view.training) {
        band(ctx, view.trainingBanner.empty() ? "見本 SAMPLE" : view.trainingBanner,
            ctx.colors.training, ctx.colors.trainingText, FontRole::Title);
    }
    drawHeader(ctx);
    band(ctx, notice, ctx.colors.notice, ctx.colors.noticeText);
    const float footer = view.actions.empty() ? 0.0f : ctx.px(size::FOOTER);
    const ImVec2 content(0, std::max(ctx.px(200), ImGui::GetContentRegionAvail().y - footer));
    ImGui::BeginChild("##content", content, ImGuiChildFlags_None);
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && !overlay) {
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y); // touch scrolling
    }
    drawContent(ctx);
    ImGui::EndChild();
    if (!view.actions.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ctx.px(size::GAP / 2));
        drawFooter(ctx);
    }
    ImGui::PopFont();
    ImGui::End();

    ctx.inputBlocked = view.stillThereSeconds.has_value();
    if (view.editor) {
        ImGui::PushFont(ctx.font(FontRole::Body));
        drawEditorOverlay(ctx);
        ImGui::PopFont();
    }
    ctx.inputBlocked = false;
    if (view.stillThereSeconds) {
        ImGui::PushFont(ctx.font(FontRole::Body));
        drawStillThere(ctx, display);
        ImGui::PopFont();
    }
    return FrameResult { ctx.tap, ctx.animating };
}

} // namespace kakanai::kiosk::ui
