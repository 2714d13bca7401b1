// Where each widget of the current frame is on screen, by widget id: the script runner taps the
// centre of these rectangles with real touch events, and tests check what a screen offers.
// Rebuilt every frame by the drawing code. Plain data (no ImGui types).
//
// Errors: none; find() returns nullptr for a widget that is not on this frame.
#pragma once

#include <map>
#include <string>

namespace kakanai::kiosk::ui {

struct WidgetRect
{
    float x = 0, y = 0, width = 0, height = 0; // window pixels
    bool visible = true; // false when scrolled out of its panel (present, but not tappable)
    bool enabled = true;
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
    const std::map<std::string, WidgetRect>& all() const { return m_rects; }

    /** A widget the next frame should scroll into view (the script runner asks for it). */
    std::string scrollTo;

private:
    std::map<std::string, WidgetRect> m_rects;
};

} // namespace kakanai::kiosk::ui
