// The kiosk's drawing primitives on top of ImGui: touch buttons that register their rectangle
// under their widget id and report a tap, wrapped text in a font role, and the per-frame
// context (scale, palette, fonts, registry, the tap of this frame) every screen draws with.
//
// Errors: none; a tap on a disabled button is not reported.
#pragma once

#include "fonts.hpp"
#include "style.hpp"
#include "widget_registry.hpp"

#include "kakanai/kiosk/view_model.hpp"

#include <imgui.h>

#include <optional>
#include <string>

namespace kakanai::kiosk::ui {

struct DrawContext
{
    const ViewModel& view;
    const KioskFonts& fonts;
    WidgetRegistry& registry;
    float scale = 1.0f;
    const Palette& colors;
    double timeSeconds = 0; // for animations
    bool inputBlocked = false; // an overlay is open: buttons beneath draw but do not react
    std::optional<std::string> tap; // the widget tapped in this frame
    bool animating = false; // set by screens that animate: the loop keeps rendering

    float px(float value) const { return value * scale; }
    ImFont* font(FontRole role) const { return fonts.font(role); }
};

enum class ButtonLook
{
    Normal,
    Primary,
    Danger, // "this is wrong — ask staff"
    Key, // keypad keys
};

/**
 * A touch button of `size` (0 width = the label's width plus padding; height at least TOUCH).
 * Registers the widget id's rectangle and sets ctx.tap when it is tapped.
 */
void touchButton(DrawContext& ctx, const Button& button, ImVec2 size = ImVec2(0, 0),
    FontRole role = FontRole::Body, ButtonLook look = ButtonLook::Normal);

/** The width touchButton would use for `button` at its natural size. */
float buttonWidth(const DrawContext& ctx, const Button& button, FontRole role = FontRole::Body);

/** Wrapped text in a role and colour (colour 0 = the palette's text colour). */
void text(
    DrawContext& ctx, const std::string& value, FontRole role = FontRole::Body, ImU32 color = 0);

/** Text centred horizontally in the current content region. */
void centredText(
    DrawContext& ctx, const std::string& value, FontRole role = FontRole::Body, ImU32 color = 0);

/** Buttons in rows of `columns`, each `height` tall, filling the content width. */
void buttonGrid(DrawContext& ctx, const std::vector<Button>& buttons, int columns, float height,
    FontRole role = FontRole::Body);

/** A full-width band with a background colour (notice, training banner). */
void band(DrawContext& ctx, const std::string& value, ImU32 background, ImU32 foreground,
    FontRole role = FontRole::Body);

} // namespace kakanai::kiosk::ui
