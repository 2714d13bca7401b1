// The background layout: each page of the municipality's PDF drawn by poppler into the cairo PDF
// surface (vector, its fonts embedded again by cairo), then our values at their mm positions,
// the QR code and, in training, the watermark.
#include "draw.hpp"
#include "kakanai/printer/value_text.hpp"
#include "qr_code.hpp"

#include <poppler.h>

#include <filesystem>
#include <optional>

namespace kakanai::printer::detail {
namespace {

struct Placed
{
    int page = 1;
    double x = 0; // points
    double y = 0;
    TextBox box;
};

RenderError unreadable(std::string detail)
{
    return RenderError { RenderErrorKind::BackgroundUnreadable, std::move(detail), {} };
}

// The PDF as a poppler document; BackgroundUnreadable with poppler's reason if it cannot be.
Result<GObjectPtr<PopplerDocument>, RenderError> openBackground(const std::string& path)
{
    std::error_code error;
    const auto absolute = std::filesystem::absolute(path, error);
    if (error || !std::filesystem::is_regular_file(absolute, error)) {
        return fail(unreadable("background PDF not found: " + path));
    }
    GError* gerror = nullptr;
    gchar* uri = g_filename_to_uri(absolute.c_str(), nullptr, &gerror);
    PopplerDocument* document
        = uri ? poppler_document_new_from_file(uri, nullptr, &gerror) : nullptr;
    g_free(uri);
    if (!document) {
        std::string reason = gerror ? gerror->message : "unknown error";
        g_clear_error(&gerror);
        return fail(unreadable("background PDF " + path + " cannot be read: " + reason));
    }
    return GObjectPtr<PopplerDocument>(document);
}

} // namespace

Result<PdfDocument, RenderError> renderBackgroundFormPdf(const TextContext& fonts,
    const RendererOptions& options, const forms::FormTemplate& form,
    const forms::FilledForm& filled, const FormPrintInfo& info)
{
    const BackgroundLayout& layout = *info.background;
    auto opened = openBackground(layout.pdfPath);
    if (!opened) {
        return opened.failure();
    }
    PopplerDocument* background = opened.value().get();
    const int pages = poppler_document_get_n_pages(background);
    if (pages < 1) {
        return fail(unreadable("background PDF " + layout.pdfPath + " has no page"));
    }
    const auto checkPage = [&](int page) -> std::optional<RenderError> {
        if (page < 1 || page > pages) {
            return unreadable("background PDF " + layout.pdfPath + " has no page "
                + std::to_string(page) + " (it has " + std::to_string(pages) + ")");
        }
        return std::nullopt;
    };

    // Every text box before drawing (one subset font per document, see subset_fonts.hpp).
    GlyphReport glyphs;
    std::vector<Placed> placed;
    for (const FieldPlacement& placement : layout.fields) {
        const forms::Field* field = form.findField(placement.field);
        if (!field) {
            return fail(RenderError { RenderErrorKind::TemplateMismatch,
                "the background layout places field '" + placement.field + "', which template '"
                    + form.id + "' does not have",
                {} });
        }
        if (auto error = checkPage(placement.page)) {
            return fail(std::move(*error));
        }
        const forms::FilledValue* value = filled.find(field->key);
        const std::string text = value ? printedValue(*field, value->value, "ja") : "";
        if (text.empty()) {
            continue;
        }
        Placed item { placement.page, mm(placement.xMm), mm(placement.yMm),
            TextBox(fonts, text, TextStyle { .size = placement.sizePt }, mm(placement.widthMm)) };
        glyphs.check(field->key, item.box);
        placed.push_back(std::move(item));
    }
    if (layout.qr) {
        if (auto error = checkPage(layout.qr->page)) {
            return fail(std::move(*error));
        }
    }
    std::vector<std::optional<Watermark>> watermarks(static_cast<std::size_t>(pages));
    std::vector<std::pair<double, double>> sizes;
    for (int page = 0; page < pages; ++page) {
        GObjectPtr<PopplerPage> backgroundPage(poppler_document_get_page(background, page));
        double width = A4_WIDTH;
        double height = A4_HEIGHT;
        if (backgroundPage) {
            poppler_page_get_size(backgroundPage.get(), &width, &height);
        }
        sizes.emplace_back(width, height);
        if (info.training) {
            watermarks[static_cast<std::size_t>(page)].emplace(fonts, width, height);
        }
    }

    const std::string recordId = info.recordId.empty() ? filled.recordId : info.recordId;
    PdfWriter writer(sizes.front().first, sizes.front().second);
    writer.setMetadata(form.id + " v" + std::to_string(form.version), filled.createdAt);
    cairo_t* cr = writer.cr();
    for (int page = 0; page < pages; ++page) {
        writer.setPageSize(sizes[static_cast<std::size_t>(page)].first,
            sizes[static_cast<std::size_t>(page)].second);
        GObjectPtr<PopplerPage> backgroundPage(poppler_document_get_page(background, page));
        if (!backgroundPage) {
            return fail(unreadable("background PDF " + layout.pdfPath + ": page "
                + std::to_string(page + 1) + " cannot be read"));
        }
        cairo_save(cr);
        poppler_page_render_for_printing(backgroundPage.get(), cr);
        cairo_restore(cr);
        for (const Placed& item : placed) {
            if (item.page == page + 1) {
                item.box.draw(cr, item.x, item.y);
            }
        }
        if (layout.qr && layout.qr->page == page + 1 && !recordId.empty()) {
            drawQrCode(cr, qrPayload(recordId, info.ticketNumber), mm(layout.qr->xMm),
                mm(layout.qr->yMm), mm(layout.qr->sizeMm));
        }
        if (const auto& watermark = watermarks[static_cast<std::size_t>(page)]) {
            watermark->draw(cr);
        }
        if (page + 1 < pages) {
            writer.nextPage();
        }
    }
    return finishDocument(writer, pages, glyphs, options);
}

} // namespace kakanai::printer::detail
