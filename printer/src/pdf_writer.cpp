// PdfWriter: cairo's PDF surface with a write callback that appends to a string.
#include "pdf_writer.hpp"

namespace kakanai::printer::detail {
namespace {

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

PdfWriter::PdfWriter(double widthPt, double heightPt)
    : m_bytes(std::make_unique<std::string>())
    , m_surface(cairo_pdf_surface_create_for_stream(appendBytes, m_bytes.get(), widthPt, heightPt))
    , m_cr(cairo_create(m_surface.get()))
{
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "kakanai");
}

void PdfWriter::setPageSize(double widthPt, double heightPt)
{
    cairo_pdf_surface_set_size(m_surface.get(), widthPt, heightPt);
}

void PdfWriter::nextPage()
{
    cairo_show_page(m_cr.get());
}

void PdfWriter::setMetadata(const std::string& title, const std::string& createdAt)
{
    cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    if (createdAt.size() >= 19) {
        cairo_pdf_surface_set_metadata(
            m_surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, createdAt.c_str());
    }
}

Result<std::string, RenderError> PdfWriter::finish()
{
    cairo_status_t status = cairo_status(m_cr.get());
    m_cr.reset();
    cairo_surface_finish(m_surface.get());
    if (status == CAIRO_STATUS_SUCCESS) {
        status = cairo_surface_status(m_surface.get());
    }
    m_surface.reset();
    if (status != CAIRO_STATUS_SUCCESS) {
        return fail(RenderError { RenderErrorKind::Cairo, cairo_status_to_string(status), {} });
    }
    return std::move(*m_bytes);
}

} // namespace kakanai::printer::detail
