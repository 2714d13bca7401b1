// Empty cells reserved in the font atlas when it is built, so that characters met later (a
// card's rare kanji) can be added in a few milliseconds instead of rebuilding the whole atlas:
// the glyph is rasterised with stb_truetype exactly as ImGui's builder would, copied into a free
// cell of the texture (FontTexture::update) and registered in the font (ImFont::AddGlyph).
// remove() takes such glyphs out again and frees their cells (the visit is over).
//
// Errors: add() returns false when no cell of that size is free or the glyph does not fit; the
// caller then rebuilds the atlas. A texture update that fails is reported by add()'s message.
#pragma once

#include "font_coverage.hpp"
#include "font_texture.hpp"

#include <imgui.h>

#include <set>
#include <string>
#include <vector>

namespace kakanai::kiosk::ui {

class SpareGlyphs
{
public:
    /** Before ImFontAtlas::Build: `count` square cells of `cellSize` px for `font` (a slot). */
    void reserve(ImFontAtlas& atlas, int slot, ImFont* font, int cellSize, int count);
    /** After ImFontAtlas::Build: where the cells landed. */
    void resolve(ImFontAtlas& atlas);
    /** Forgets every cell (the atlas is about to be cleared). */
    void clear();

    int freeCells(int slot) const;
    /** Puts `glyph` of `codepoint` into a free cell of `slot` (found after commit()); false
     *  (nothing changed) when none is free or it does not fit; `error` is set when the
     *  texture update failed. */
    bool add(int slot, char32_t codepoint, const GlyphBitmap& glyph, FontTexture& texture,
        std::string& error);
    /** Makes the fonts find the glyphs add() put in (one lookup rebuild per font). */
    void commit();
    /** Takes the glyphs of `codepoints` out of their fonts and frees their cells. */
    void remove(const std::set<char32_t>& codepoints);

private:
    struct Cell
    {
        int slot = 0;
        ImFont* font = nullptr;
        int rectId = -1;
        int x = 0, y = 0, size = 0;
        char32_t codepoint = 0; // 0: free
    };
    std::vector<Cell> m_cells;
    std::set<ImFont*> m_stale; // fonts with glyphs added since commit()
    int m_texWidth = 1;
    int m_texHeight = 1;
};

/** ImFont::BuildLookupTable after glyphs were added or removed (keeps one TAB glyph). */
void refreshLookup(ImFont* font);

} // namespace kakanai::kiosk::ui
