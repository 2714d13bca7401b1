// Internal: the two renderers (form_renderer.cpp, ticket_renderer.cpp) and the drawing they
// share (training watermark, ruled cells).
#pragma once

#include "kakanai/printer/renderer.hpp"
#include "text.hpp"

namespace kakanai::printer::detail {

Result<PdfDocument, RenderError> renderFormPdf(const TextContext& fonts,
    const RendererOptions& options, const forms::FormTemplate& form,
    const forms::FilledForm& filled, const FormPrintInfo& info);

/** The form on its background PDF (info.background set; background.hpp). */
Result<PdfDocument, RenderError> renderBackgroundFormPdf(const TextContext& fonts,
    const RendererOptions& options, const forms::FormTemplate& form,
    const forms::FilledForm& filled, const FormPrintInfo& info);

Result<PdfDocument, RenderError> renderTicketPdf(
    const TextContext& fonts, const RendererOptions& options, const TicketInfo& ticket);

/** "見本 / SAMPLE — 無効" across the page, diagonal, translucent red, over everything. Made
 *  before the document is drawn, like every text box, so that its glyphs are in the subset
 *  font the document embeds (subset_fonts.hpp). */
class Watermark
{
public:
    Watermark(const TextContext& fonts, double pageWidth, double pageHeight);
    void draw(cairo_t* cr) const;

private:
    static double fittedSize(const TextContext& fonts, double pageWidth, double pageHeight);
    double m_pageWidth;
    double m_pageHeight;
    TextBox m_mark;
};

/** A ruled rectangle, filled with `grey` (1 = white) first. */
void drawCell(cairo_t* cr, double x, double y, double width, double height, double grey = 1.0);

/** The PdfDocument, or MissingGlyph when strict and something had no glyph. */
Result<PdfDocument, RenderError> finishDocument(
    PdfWriter& writer, int pages, const GlyphReport& glyphs, const RendererOptions& options);

} // namespace kakanai::printer::detail
