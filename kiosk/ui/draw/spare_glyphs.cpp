#include "spare_glyphs.hpp"

#include <algorithm>
#include <cmath>

namespace kakanai::kiosk::ui {

void refreshLookup(ImFont* font)
{
    // BuildLookupTable appends a TAB glyph whenever the last glyph is not one: drop the old.
    auto& glyphs = font->Glyphs;
    for (int i = glyphs.Size - 1; i >= 0; --i) {
        if (glyphs[i].Codepoint == '\t') {
            glyphs.erase(glyphs.begin() + i);
        }
    }
    font->BuildLookupTable();
}

void SpareGlyphs::reserve(ImFontAtlas& atlas, int slot, ImFont* font, int cellSize, int count)
{
    for (int i = 0; i < count; ++i) {
        Cell cell;
        cell.slot = slot;
        cell.font = font;
        cell.size = cellSize;
        cell.rectId = atlas.AddCustomRectRegular(cellSize, cellSize);
        m_cells.push_back(cell);
    }
}

void SpareGlyphs::resolve(ImFontAtlas& atlas)
{
    m_texWidth = atlas.TexWidth;
    m_texHeight = atlas.TexHeight;
    for (Cell& cell : m_cells) {
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(cell.rectId);
        cell.x = rect->X;
        cell.y = rect->Y;
    }
}

void SpareGlyphs::clear()
{
    m_cells.clear();
    m_stale.clear();
}

int SpareGlyphs::freeCells(int slot) const
{
    return static_cast<int>(std::count_if(m_cells.begin(), m_cells.end(),
        [slot](const Cell& c) { return c.slot == slot && c.codepoint == 0; }));
}

bool SpareGlyphs::add(int slot, char32_t codepoint, const GlyphBitmap& glyph, FontTexture& texture,
    std::string& error)
{
    const auto free = std::find_if(m_cells.begin(), m_cells.end(),
        [slot](const Cell& c) { return c.slot == slot && c.codepoint == 0; });
    if (free == m_cells.end() || glyph.width >= free->size || glyph.height >= free->size) {
        return false;
    }
    Cell& cell = *free;
    // The whole cell, so that nothing of an earlier glyph stays around the new one.
    std::vector<unsigned char> pixels(static_cast<std::size_t>(cell.size) * cell.size, 0);
    for (int row = 0; row < glyph.height; ++row) {
        std::copy_n(glyph.alpha.begin() + static_cast<std::ptrdiff_t>(row) * glyph.width,
            glyph.width, pixels.begin() + static_cast<std::ptrdiff_t>(row) * cell.size);
    }
    if (auto updated = texture.update(cell.x, cell.y, cell.size, cell.size, pixels.data());
        !updated) {
        error = updated.error();
        return false;
    }
    // As ImGui's builder places a glyph: the bitmap box from the pen, below the rounded ascent.
    const float top = std::round(cell.font->Ascent);
    const float x0 = static_cast<float>(glyph.x0);
    const float y0 = static_cast<float>(glyph.y0) + top;
    const float u0 = static_cast<float>(cell.x) / static_cast<float>(m_texWidth);
    const float v0 = static_cast<float>(cell.y) / static_cast<float>(m_texHeight);
    const float u1 = static_cast<float>(cell.x + glyph.width) / static_cast<float>(m_texWidth);
    const float v1 = static_cast<float>(cell.y + glyph.height) / static_cast<float>(m_texHeight);
    cell.font->AddGlyph(nullptr, static_cast<ImWchar>(codepoint), x0, y0,
        x0 + static_cast<float>(glyph.width), y0 + static_cast<float>(glyph.height), u0, v0, u1, v1,
        std::round(glyph.advance)); // PixelSnapH, as the atlas's own glyphs
    m_stale.insert(cell.font);
    cell.codepoint = codepoint;
    return true;
}

void SpareGlyphs::remove(const std::set<char32_t>& codepoints)
{
    std::set<ImFont*> changed;
    for (Cell& cell : m_cells) {
        if (cell.codepoint != 0 && codepoints.count(cell.codepoint) > 0) {
            auto& glyphs = cell.font->Glyphs;
            for (int i = glyphs.Size - 1; i >= 0; --i) {
                if (glyphs[i].Codepoint == static_cast<unsigned>(cell.codepoint)) {
                    glyphs.erase(glyphs.begin() + i);
                }
            }
            changed.insert(cell.font);
            cell.codepoint = 0;
        }
    }
    for (ImFont* font : changed) {
        refreshLookup(font);
    }
}

void SpareGlyphs::commit()
{
    for (ImFont* font : m_stale) {
        refreshLookup(font);
    }
    m_stale.clear();
}

} // namespace kakanai::kiosk::ui
