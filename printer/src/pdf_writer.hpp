// Internal: a cairo PDF surface written to memory, and owning pointers for cairo/pango objects.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/printer/errors.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib-object.h>

#include <memory>
#include <string>

namespace kakanai::printer::detail {

inline constexpr double PT_PER_MM = 72.0 / 25.4;
/** Millimetres to PDF points (cairo's PDF user unit). */
constexpr double mm(double millimetres)
{
    return millimetres * PT_PER_MM;
}

inline constexpr double A4_WIDTH = 210.0 * PT_PER_MM;
inline constexpr double A4_HEIGHT = 297.0 * PT_PER_MM;

struct GObjectUnref
{
    void operator()(void* object) const { g_object_unref(object); }
};
template <class T> using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct CairoDestroy
{
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDestroy>;

/** A PDF document being drawn; finish() returns its bytes. */
class PdfWriter
{
public:
    PdfWriter(double widthPt, double heightPt);
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    cairo_t* cr() const { return m_cr.get(); }
    /** Size of the current page (call before drawing on it). */
    void setPageSize(double widthPt, double heightPt);
    /** Ends the current page; drawing continues on a new one. */
    void nextPage();
    /** Document metadata: title (never personal data) and creation date (RFC 3339). */
    void setMetadata(const std::string& title, const std::string& createdAt);
    /** Ends the document; Cairo error if cairo reports any failure. */
    Result<std::string, RenderError> finish();

private:
    std::unique_ptr<std::string> m_bytes; // stable address for cairo's write callback
    SurfacePtr m_surface;
    CairoPtr m_cr;
};

} // namespace kakanai::printer::detail
