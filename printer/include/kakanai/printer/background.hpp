// BackgroundLayout: the municipality's own paper form as the printed page, with the resident's
// values printed into its boxes — for towns that must keep their existing paper layout.
//
// The background is a PDF of the official form, one page per printed page (each printed page
// takes its size); poppler draws it into the document as vector content, so its text stays
// text. Each FieldPlacement prints one field's value as printedValue() gives it (value_text.hpp:
// card values exactly as read, the My Number only where stored) at a position in millimetres
// from the top left of a page, wrapped at a width. The QR code (record id, ticket) is printed
// where QrPlacement says, if given. Nothing else is drawn: the background has the title,
// labels and rules. Training mode still stamps every page. A field with no value prints
// nothing; a field hidden by its `when` is printed all the same if it has a value.
//
// A template gives it with `[print] background`, `background_qr` and each field's `print_at`
// (docs/forms-templates.md, "Printing on the town's own form"): backgroundFromTemplate() builds
// it, and Renderer::renderForm uses it by itself unless FormPrintInfo says otherwise. A caller
// can also build one and pass it in FormPrintInfo::background (renderer.hpp).
//
// Errors (RenderError, errors.hpp): BackgroundUnreadable — the PDF cannot be opened or read, or
// a placement names a page the PDF does not have; TemplateMismatch — a placement names a field
// the template does not have; MissingGlyph (strict) and Cairo as for any form.
// backgroundFromTemplate() itself never fails.
#pragma once

#include "kakanai/forms/template.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kakanai::printer {

struct FieldPlacement
{
    std::string field; // the template's field key
    int page = 1; // 1-based page of the background
    double xMm = 0; // top left of the value's text, from the page's top left
    double yMm = 0;
    double widthMm = 0; // wraps at this width; 0 = one line
    double sizePt = 10.5;
};

struct QrPlacement
{
    int page = 1;
    double xMm = 0; // top left of the code (its white quiet zone included)
    double yMm = 0;
    double sizeMm = 20;
};

struct BackgroundLayout
{
    std::string pdfPath; // the official form
    std::vector<FieldPlacement> fields;
    std::optional<QrPlacement> qr;
};

/**
 * The layout a template asks for: pdfPath = its [print] background resolved against the
 * configuration folder (FormPrintSettings::backgroundFile), one FieldPlacement per field with
 * print_at (template order), the QR code at background_qr if given. nullopt when the template
 * has no background. Values are taken as written (kakanai-forms lint checks their ranges),
 * except that a negative width becomes 0, a size below 1 pt becomes 1 pt, and a page number
 * below 0 or above a million becomes 0, which rendering refuses as BackgroundUnreadable.
 */
std::optional<BackgroundLayout> backgroundFromTemplate(const forms::FormTemplate& form);

} // namespace kakanai::printer
