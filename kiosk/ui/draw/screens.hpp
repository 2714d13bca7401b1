// Draws one ViewModel as the kiosk's full-screen frame and returns the widget tapped, if any.
// Layout: training banner (見本 SAMPLE), header (title + global buttons: call staff, zoom,
// contrast), notice band, the screen's content (scrolls when the 200% zoom needs it), footer with
// the actions (the primary one rightmost and widest), then overlays: the field editor and the
// "are you still there?" countdown. Nothing here decides anything: taps go back as widget ids.
//
// Errors: none.
#pragma once

#include "widgets.hpp"

#include <optional>
#include <string>

namespace kakanai::kiosk::ui {

struct FrameResult
{
    std::optional<std::string> tap;
    bool animating = false; // the screen moves by itself: keep rendering
};

/** Call between ImGui::NewFrame() and ImGui::Render(). Clears and refills `registry`. */
FrameResult drawKiosk(
    const ViewModel& view, const KioskFonts& fonts, WidgetRegistry& registry, double timeSeconds);

// The screens' content, drawn inside the content panel (screen_*.cpp).
void drawAttract(DrawContext& ctx);
void drawChoose(DrawContext& ctx);
void drawQuestions(DrawContext& ctx);
void drawPresentCard(DrawContext& ctx);
void drawProgress(DrawContext& ctx);
void drawDone(DrawContext& ctx);
void drawError(DrawContext& ctx);
void drawKeypadScreen(DrawContext& ctx); // Pin and CollationB
void drawReview(DrawContext& ctx);
void drawConfirm(DrawContext& ctx);
/** The field editor as a full-screen overlay (Review with view.editor). */
void drawEditorOverlay(DrawContext& ctx);

} // namespace kakanai::kiosk::ui
