// Renderer: a filled form → an A4 PDF that looks like the counter's paper form, and a visit's
// ticket → an 80 mm receipt PDF. cairo draws, pango lays out text in Noto Sans CJK JP (fontconfig
// falls back to other installed fonts for characters Noto lacks), fonts are embedded as subsets.
// Keep one Renderer for many documents: it keeps a small subset font per CFF font face holding
// the glyphs of its recent documents (up to 600), which cairo embeds from instead of the 16 MB
// Noto file. A document with glyphs not in it costs one rebuild of the subset (a few ms).
//
// A form: the municipality's name, the title, the date of the request in 和暦 (from createdAt),
// the template's sections as ruled tables of label | value (only the fields shown by their
// `when`; unanswered ones as empty rows), a signature box when the template's [print] asks for
// it, page numbers, and on every page a QR code of qrPayload(record id, ticket number). Rows are
// never split across pages. Values are printed as displayed by printedValue() (value_text.hpp):
// card values exactly as read, the My Number only in my_number fields with store = true.
// When the form's language is not "ja", every label, title and option carries the resident's
// language beneath the Japanese. Training mode stamps "見本 / SAMPLE — 無効" across every page.
//
// With a background layout, the form is instead the municipality's own paper form (a
// background PDF) with the values printed at millimetre positions on it (background.hpp): the
// one in FormPrintInfo::background if given, else the template's own ([print] background and
// print_at, backgroundFromTemplate()) unless FormPrintInfo::templateBackground is false.
//
// Characters that no installed font has are drawn as boxes and listed in
// PdfDocument::missingGlyphs (field key + code points), or fail the render with
// RenderErrorKind::MissingGlyph under RendererOptions::strictGlyphs.
//
// Errors: create() → FontMissing; renderForm → TemplateMismatch, BackgroundUnreadable,
// MissingGlyph (strict), Cairo; renderTicket → MissingGlyph (strict), Cairo. See errors.hpp.
// Thread safety: one Renderer per thread (it owns a pango font map and context, and its render
// functions, though const, update its subset fonts); rendering itself does not block on
// anything but the CPU (a form takes a few ms once fonts are loaded).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/forms/template.hpp"
#include "kakanai/printer/background.hpp"
#include "kakanai/printer/errors.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::printer {

/** A rendered PDF. */
struct PdfDocument
{
    std::string bytes;
    int pageCount = 0;
    std::vector<MissingGlyph> missingGlyphs; // empty when every character had a glyph
};

struct RendererOptions
{
    std::string fontFamily = "Noto Sans CJK JP";
    bool strictGlyphs = false; // a character without a glyph fails the render
};

/** What the printout carries beyond the filled form (none of it is stored in the form). */
struct FormPrintInfo
{
    std::string recordId; // "" = the filled form's recordId
    std::string ticketNumber; // "A-012"; "" prints no ticket line (QR still has the record id)
    forms::LocalizedText municipality; // kiosk.toml's name, e.g. { ja = "小浜市" }
    bool training = false; // the training kiosk: watermark on every page
    std::optional<BackgroundLayout> background {}; // the town's paper form (background.hpp)
    /** Without `background`: print on the template's [print] background if it has one; false
     *  = the ruled layout all the same (e.g. a plain copy for staff). */
    bool templateBackground = true;
};

/** A visit's ticket: the number the resident waits with. */
struct TicketInfo
{
    std::string ticketNumber; // printed large
    std::string recordId; // in the QR code (the visit's first record)
    std::vector<forms::LocalizedText> forms; // titles of the forms requested
    std::string issuedAt; // RFC 3339, e.g. "2026-11-29T10:15:00+09:00"; printed as 和暦 + time
    std::string language = "ja"; // the resident's language (a second line where not ja)
    forms::LocalizedText municipality;
    bool training = false;
};

class Renderer
{
public:
    /** Loads and checks the fonts (measured 10–30 ms on the development machine). */
    static Result<Renderer, RenderError> create(RendererOptions options = {});
    ~Renderer();
    Renderer(Renderer&&) noexcept;
    Renderer& operator=(Renderer&&) noexcept;
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    Result<PdfDocument, RenderError> renderForm(const forms::FormTemplate& form,
        const forms::FilledForm& filled, const FormPrintInfo& info) const;

    Result<PdfDocument, RenderError> renderTicket(const TicketInfo& ticket) const;

    const RendererOptions& options() const;

    struct Impl;

private:
    explicit Renderer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kakanai::printer
