// The kiosk's fonts: one ImGui atlas built from exactly the characters of a GlyphSet (the UI
// text, templates, life events and kana of its base layer, and what the current visit showed:
// the card's name and address), in five sizes derived from the one scale factor. Characters of
// the visit layer (a card's rare kanji: 髙, 﨑, 𠮷) go into spare cells the atlas keeps free
// (SpareGlyphs: a few ms, while the "reading" screen shows) and leave them when the visit is
// over; the whole atlas is rebuilt only when the scale or the base layer changes or the cells
// run out. Characters no installed font has are reported by missing(), and never drawn: ImGui's
// fallback glyph is set to U+3000 (blank), not '?'.
// Memory: the atlas reads the font files straight from FontCoverage's read-only mapping (no
// copy per size), its texture has the exact height it needs, and its pixels are freed once the
// renderer holds them (FontTexture); the ticket's huge size has only the ticket's characters.
//
// Errors: rebuild() returns SDL's message when the texture cannot be made; a font that cannot
// be loaded is reported earlier by FontCoverage::load.
#pragma once

#include "font_coverage.hpp"
#include "font_texture.hpp"
#include "glyph_set.hpp"
#include "spare_glyphs.hpp"

#include <imgui.h>

#include <memory>
#include <string_view>
#include <vector>

namespace kakanai::kiosk::ui {

enum class FontRole
{
    Small, // 28 px at scale 1: Japanese labels under translated ones, hints
    Body, // 40 px: text and buttons
    Title, // 56 px
    Large, // 64 px: card values, PIN dots
    Huge, // 160 px: the ticket number and the countdown (ticket characters only)
};

class KioskFonts
{
public:
    KioskFonts(std::shared_ptr<const FontCoverage> coverage, SDL_Renderer* renderer);
    ~KioskFonts();
    KioskFonts(KioskFonts&&) = default;
    KioskFonts& operator=(KioskFonts&&) = delete;
    KioskFonts(const KioskFonts&) = delete;
    KioskFonts& operator=(const KioskFonts&) = delete;

    /** What the atlas must hold; changes are picked up by the next rebuild. */
    GlyphSet& glyphs() { return m_glyphs; }
    const GlyphSet& glyphs() const { return m_glyphs; }

    /** The characters of `text` that no installed font has (UTF-8, each once). */
    std::string missing(std::string_view text) const;

    /** True when the glyph set or the scale changed since the last update. */
    bool needsUpdate(float scale) const;
    /** Makes the atlas hold glyphs() at `scale` (outside a frame): spare cells for the visit
     *  layer when they suffice, else a rebuild of the whole atlas and its texture. */
    Result<Ok, std::string> update(float scale);
    ImFont* font(FontRole role) const { return m_fonts[static_cast<int>(role)]; }

    int rebuildCount() const { return m_rebuilds; }
    int cellAdditions() const { return m_cellAdditions; }
    double lastRebuildMs() const { return m_lastRebuildMs; }
    /** The characters in the atlas and its size in pixels after the last rebuild. */
    std::size_t glyphCount() const { return m_builtCount; }
    int atlasWidth() const { return m_atlasWidth; }
    int atlasHeight() const { return m_atlasHeight; }

private:
    /** Marks every font source of the atlas as not owned, so Clear() never frees the files. */
    static void disownFontData();
    Result<Ok, std::string> rebuild(float scale);
    /** Adds `added` to spare cells and takes `removed` out; false when a rebuild is needed. */
    bool updateCells(
        const std::set<char32_t>& added, const std::set<char32_t>& removed, std::string& error);

    std::shared_ptr<const FontCoverage> m_coverage;
    FontTexture m_texture;
    GlyphSet m_glyphs;
    SpareGlyphs m_spare;
    std::uint64_t m_builtBase = 0; // GlyphSet::baseGeneration() of the last rebuild
    std::set<char32_t> m_visitBaked; // visit characters baked in by the last rebuild
    std::set<char32_t> m_visitInCells; // visit characters added to spare cells since
    int m_cellAdditions = 0;
    float m_builtScale = 0.0f;
    std::size_t m_builtCount = 0;
    int m_rebuilds = 0;
    double m_lastRebuildMs = 0;
    int m_atlasWidth = 0;
    int m_atlasHeight = 0;
    ImFont* m_fonts[5] = {};
    std::vector<ImVector<ImWchar>> m_ranges; // alive until the atlas is built
};

} // namespace kakanai::kiosk::ui
