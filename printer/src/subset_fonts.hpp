// Internal: small fonts for cairo's PDF surface, cut from the big CFF fonts with hb-subset.
//
// Why: cairo 1.16 copies and parses the whole CFF table of every font face it embeds, once per
// document and twice per face (16 MB for Noto Sans CJK), and writes subroutine indexes as large
// as the font's. That was most of a ticket's render time. Here each CFF font (by harfbuzz face)
// gets a subset font holding the glyphs of the Renderer's recent documents (at most about 600,
// desubroutinized, only the tables cairo reads); cairo embeds from that small font instead. The
// subset is rebuilt (1–5 ms) when a document needs a glyph it lacks — at the document's first
// text, since every text box is laid out (want()) before drawing starts, so that a document
// embeds one font per face. Glyph outlines and advances are the original font's, so the PDF
// looks the same; the text (for pdftotext) is passed to cairo as pango does.
//
// SubsetFonts::show() draws a PangoLayout like pango_cairo_show_layout(); runs it cannot take
// (no CFF table, characters without a glyph, shape attributes, vertical text) are drawn by
// pango itself. One SubsetFonts per Renderer: not thread-safe. Errors: none reported; when
// hb-subset or FreeType fail for a font, that font is drawn by pango as before.
#pragma once

#include <pango/pangocairo.h>

#include <memory>
#include <vector>

namespace kakanai::printer::detail {

class SubsetFonts
{
public:
    SubsetFonts();
    ~SubsetFonts();
    SubsetFonts(const SubsetFonts&) = delete;
    SubsetFonts& operator=(const SubsetFonts&) = delete;

    /** Notes the glyphs of a laid-out text: the next subset built includes them. */
    void want(PangoLayout* layout);
    /** Draws the layout with its top left at the current point, in the current source. */
    void show(cairo_t* cr, PangoLayout* layout);
    /** Subset fonts built so far (for tests and the benchmark). */
    int rebuilds() const { return m_rebuilds; }

    struct Library; // FreeType, shared with the cairo font faces made from it

private:
    struct Source;
    Source* sourceOf(PangoFont* font);
    bool showRun(cairo_t* cr, const char* text, PangoGlyphItem* run, double x, double y);

    std::shared_ptr<Library> m_library;
    std::vector<std::unique_ptr<Source>> m_sources;
    int m_rebuilds = 0;
};

} // namespace kakanai::printer::detail
