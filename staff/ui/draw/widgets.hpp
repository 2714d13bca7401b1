// The staff console's drawing primitives on ImGui: buttons and text fields that register their
// rectangle under a widget id every frame (the script runner clicks their centres; ids are
// listed in docs/staff-console.md), badges, and the per-frame context the screens draw with.
// WidgetRect/WidgetRegistry are a copy of the kiosk's kiosk/ui/draw/widget_registry.hpp (kept
// here so the kiosk's drawing library, with its touch sizes, is not linked).
//
// Errors: none; a click on a disabled button is not reported.
#pragma once

#include "desk.hpp"
#include "staff_fonts.hpp"

#include <imgui.h>

#include <map>
#include <optional>
#include <string>

namespace kakanai::staff::ui {

struct WidgetRect
{
    float x = 0, y = 0, width = 0, height = 0; // window pixels
    bool visible = true; // false when scrolled out of its panel
    bool enabled = true;
    bool reportsClick = true; // false for text fields and panels (a click only focuses them)
    float centreX() const { return x + width / 2; }
    float centreY() const { return y + height / 2; }
};

class WidgetRegistry
{
public:
    void clear() { m_rects.clear(); }
    void add(const std::string& id, const WidgetRect& rect) { m_rects[id] = rect; }
    const WidgetRect* find(const std::string& id) const
    {
        const auto it = m_rects.find(id);
        return it == m_rects.end() ? nullptr : &it->second;
    }
    /** A widget the next frame should scroll into view (the script runner asks for it). */
    std::string scrollTo;

private:
    std::map<std::string, WidgetRect> m_rects;
};

struct Colors
{
    ImU32 page, text, muted, panel, border, primary, danger, ok, warn, badgeCard, badgeDerived,
        badgeResident, badgeStaff, highlight, mine;
};
const Colors& colors();
/** A calm light ImGui style for a desk monitor. */
void applyStaffStyle();

struct DrawContext
{
    Desk& desk;
    StaffFonts& fonts;
    WidgetRegistry& registry;
    std::int64_t nowMs = 0;
    std::optional<std::string> click; // the widget clicked in this frame
    bool textActive = false; // a text field has the keyboard (IME on)
    bool passwordActive = false; // ... and it is a password field (IME off)
    /**
     * What the loop clears the window with before drawing. The clear costs nothing under a
     * software rasteriser, while every pixel ImGui fills is blended: a screen leaves its largest
     * background to the clear rather than filling it (the desk window itself has none).
     */
    ImU32 clearColor = 0;

    ImFont* font(StaffFont role) const { return fonts.font(role); }
};

/** Registers the last item's rectangle under `id`. */
void registerItem(
    DrawContext& ctx, const std::string& id, bool enabled = true, bool reportsClick = true);

/** A button; `width` 0 = fits the label. Sets ctx.click when clicked and enabled. */
void button(DrawContext& ctx, const std::string& id, const std::string& label, bool enabled = true,
    bool primary = false, float width = 0);

/** A selectable chip for filters. */
void chip(DrawContext& ctx, const std::string& id, const std::string& label, bool selected);

/** A one-line text field; Enter clicks `enterClicks` (if any). */
template <std::size_t N>
void textField(DrawContext& ctx, const std::string& id, TextBuffer<N>& buffer, float width,
    bool password = false, const std::string& enterClicks = {});
void textFieldImpl(DrawContext& ctx, const std::string& id, char* buffer, std::size_t size,
    float width, bool password, const std::string& enterClicks);
template <std::size_t N>
void textField(DrawContext& ctx, const std::string& id, TextBuffer<N>& buffer, float width,
    bool password, const std::string& enterClicks)
{
    textFieldImpl(ctx, id, buffer.data(), N, width, password, enterClicks);
}
/** A password field over our fixed-size SecureString (see secret_text.hpp). */
inline void passwordField(DrawContext& ctx, const std::string& id, SecureString& buffer,
    float width, const std::string& enterClicks)
{
    textFieldImpl(ctx, id, buffer.data(), buffer.size(), width, true, enterClicks);
}

/** Text in a font and colour (colour 0 = the style's text colour), wrapped at the region. */
void label(
    DrawContext& ctx, const std::string& value, StaffFont role = StaffFont::Body, ImU32 color = 0);
/** A small coloured badge on the current line. */
void badge(DrawContext& ctx, const std::string& value, ImU32 background);

} // namespace kakanai::staff::ui
