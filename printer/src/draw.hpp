// Internal: the two renderers (form_renderer.cpp, ticket_renderer.cpp) and the drawing they
// share (training watermark, ruled cells).
#pragma once

#include "kakanai/printer/renderer.hpp"
#include "text.hpp"

namespace kakanai::printer::detail {

Result<PdfDocument, RenderError> renderFormPdf(const TextContext& fonts,
    const RendererOptions& options, const forms::FormTemplate& form,
    const forms::FilledForm& filled, const FormPrintInfo& info);

Result<PdfDocument, RenderError> renderTicketPdf(
    const TextContext& fonts, const RendererOptions& options, const TicketInfo& ticket);

/** "見本 / SAMPLE — 無効" across the page, diagonal, translucent red, over everything. */
void drawWatermark(const TextContext& fonts, cairo_t* cr, double pageWidth, double pageHeight);

/** A ruled rectangle, filled with `grey` (1 = white) first. */
void drawCell(cairo_t* cr, double x, double y, double width, double height, double grey = 1.0);

/** The PdfDocument, or MissingGlyph when strict and something had no glyph. */
Result<PdfDocument, RenderError> finishDocument(
    PdfWriter& writer, int pages, const GlyphReport& glyphs, const RendererOptions& options);

} // namespace kakanai::printer::detail
