// The staff console's fonts: one ImGui atlas holding exactly the characters drawn so far (ASCII,
// the UI's own text, every template's labels, then whatever the list and records show and staff
// type), in four sizes. Drawing code calls require() on every string it draws; new characters
// make the loop rebuild the atlas (and the SDL_Renderer font texture) before the next frame and
// draw again, so a rare kanji typed through the IME shows within a frame. Adapted from the
// kiosk's kiosk/ui/draw/fonts.cpp (KioskFonts), with desk sizes; uses the kiosk's FontCoverage.
//
// Errors: none at run time; FontCoverage::load reports a font that cannot be loaded.
#pragma once

#include "font_coverage.hpp"

#include "kakanai/forms/template.hpp"

#include <imgui.h>

#include <memory>
#include <set>
#include <string_view>
#include <vector>

namespace kakanai::staff::ui {

enum class StaffFont
{
    Small, // 15 px: badges, hints
    Body, // 18 px
    Title, // 26 px
    Big, // 44 px: the ticket number, dashboard figures
};

class StaffFonts
{
public:
    explicit StaffFonts(std::shared_ptr<const kiosk::ui::FontCoverage> coverage);

    /** Adds the characters of `text`; they are in the atlas after the next rebuild. */
    void require(std::string_view text);
    void requireTemplates(const std::vector<forms::FormTemplate>& templates);

    bool needsRebuild() const { return m_wanted.size() != m_built.size(); }
    /** Rebuilds the atlas and the renderer's font texture (outside a frame). */
    void rebuild();
    ImFont* font(StaffFont role) const { return m_fonts[static_cast<int>(role)]; }
    int rebuildCount() const { return m_rebuilds; }

private:
    std::shared_ptr<const kiosk::ui::FontCoverage> m_coverage;
    std::set<char32_t> m_wanted;
    std::set<char32_t> m_built;
    int m_rebuilds = 0;
    ImFont* m_fonts[4] = {};
    std::vector<ImVector<ImWchar>> m_ranges; // alive until the atlas is built
};

} // namespace kakanai::staff::ui
