// Drawing shared by forms and tickets.
#include "draw.hpp"

#include <algorithm>
#include <cmath>

namespace kakanai::printer::detail {

double Watermark::fittedSize(const TextContext& fonts, double pageWidth, double pageHeight)
{
    const double diagonal = std::hypot(pageWidth, pageHeight);
    TextBox probe(fonts, "見本 / SAMPLE — 無効", TextStyle { .size = 100, .bold = true }, 0);
    return std::clamp(100.0 * diagonal * 0.72 / probe.width(), 8.0, 100.0);
}

Watermark::Watermark(const TextContext& fonts, double pageWidth, double pageHeight)
    : m_pageWidth(pageWidth)
    , m_pageHeight(pageHeight)
    , m_mark(fonts, "見本 / SAMPLE — 無効",
          TextStyle { .size = fittedSize(fonts, pageWidth, pageHeight), .bold = true }, 0)
{
}

void Watermark::draw(cairo_t* cr) const
{
    cairo_save(cr);
    cairo_translate(cr, m_pageWidth / 2, m_pageHeight / 2);
    cairo_rotate(cr, -std::atan2(m_pageHeight, m_pageWidth));
    m_mark.drawRgba(cr, -m_mark.width() / 2, -m_mark.height() / 2, 0.85, 0.1, 0.1, 0.3);
    cairo_restore(cr);
}

void drawCell(cairo_t* cr, double x, double y, double width, double height, double grey)
{
    cairo_save(cr);
    cairo_rectangle(cr, x, y, width, height);
    if (grey < 1.0) {
        cairo_set_source_rgb(cr, grey, grey, grey);
        cairo_fill_preserve(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    cairo_restore(cr);
}

Result<PdfDocument, RenderError> finishDocument(
    PdfWriter& writer, int pages, const GlyphReport& glyphs, const RendererOptions& options)
{
    auto bytes = writer.finish();
    if (!bytes) {
        return bytes.failure();
    }
    if (options.strictGlyphs && !glyphs.missing().empty()) {
        return fail(RenderError { RenderErrorKind::MissingGlyph,
            "characters without a glyph in any installed font", glyphs.missing() });
    }
    return PdfDocument { std::move(bytes.value()), pages, glyphs.missing() };
}

} // namespace kakanai::printer::detail
