// The kiosk's fonts: one ImGui atlas built from exactly the characters the kiosk needs (all UI
// text, template labels, what the current view shows and the card's name and address), in five
// sizes derived from the one scale factor. New characters (a card's rare kanji: 髙, 﨑, 𠮷) make
// the atlas be rebuilt before the next frame; with the SDL_Renderer backend that destroys and
// recreates the font texture. Characters no installed font has are reported by missing(), and
// never drawn: ImGui's fallback glyph is set to U+3000 (blank), not '?'.
//
// Errors: none at run time; a font that cannot be loaded is reported by FontCoverage::load.
#pragma once

#include "font_coverage.hpp"

#include "kakanai/forms/template.hpp"
#include "kakanai/kiosk/ui_text.hpp"
#include "kakanai/kiosk/view_model.hpp"

#include <imgui.h>

#include <memory>
#include <set>
#include <string_view>
#include <vector>

namespace kakanai::kiosk::ui {

enum class FontRole
{
    Small, // 28 px at scale 1: Japanese labels under translated ones, hints
    Body, // 40 px: text and buttons
    Title, // 56 px
    Large, // 64 px: card values, PIN dots
    Huge, // 160 px: the ticket number (ASCII only)
};

class KioskFonts
{
public:
    explicit KioskFonts(std::shared_ptr<const FontCoverage> coverage);

    /** Adds the characters of `text`; they are in the atlas after the next rebuild. */
    void require(std::string_view text);
    void requireView(const ViewModel& view);
    void requireUiText(const UiText& text, const std::vector<std::string>& languages);
    void requireTemplates(const std::vector<forms::FormTemplate>& templates);

    /** The characters of `text` that no installed font has (UTF-8, each once). */
    std::string missing(std::string_view text) const;

    /** True when characters were added or the scale changed since the last rebuild. */
    bool needsRebuild(float scale) const;
    /** Rebuilds the atlas and the renderer's font texture (outside a frame). */
    void rebuild(float scale);
    ImFont* font(FontRole role) const { return m_fonts[static_cast<int>(role)]; }
    int rebuildCount() const { return m_rebuilds; }

private:
    std::shared_ptr<const FontCoverage> m_coverage;
    std::set<char32_t> m_wanted;
    std::set<char32_t> m_built;
    float m_builtScale = 0.0f;
    int m_rebuilds = 0;
    ImFont* m_fonts[5] = {};
    std::vector<ImVector<ImWchar>> m_ranges; // alive until the atlas is built
};

} // namespace kakanai::kiosk::ui
