// Internal: pango text for the renderers — the font context (Noto Sans CJK JP, 72 dpi so that
// sizes are PDF points), laid-out text boxes, and the report of characters without a glyph.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/printer/errors.hpp"
#include "pdf_writer.hpp"
#include "subset_fonts.hpp"

#include <pango/pangocairo.h>

#include <string>
#include <string_view>
#include <vector>

namespace kakanai::printer::detail {

struct TextStyle
{
    double size = 10.5; // points
    bool bold = false;
    double grey = 0.0; // 0 = black
    std::string language = "ja"; // pango language (CJK glyph variants)
    PangoAlignment align = PANGO_ALIGN_LEFT;
};

/** A font map and context shared by every layout of one Renderer. */
class TextContext
{
public:
    /** FontMissing if `family` resolves to another font. */
    static Result<TextContext, RenderError> create(const std::string& family);

    PangoContext* context() const { return m_context.get(); }
    const std::string& family() const { return m_family; }
    /** The subset fonts PDFs embed (changes as texts are laid out and drawn). */
    SubsetFonts& subsets() const { return *m_subsets; }

private:
    TextContext() = default;
    GObjectPtr<PangoFontMap> m_fontMap;
    GObjectPtr<PangoContext> m_context;
    std::string m_family;
    std::unique_ptr<SubsetFonts> m_subsets;
};

/** One laid-out piece of text; width 0 = one unwrapped line, else wrapped at that width. */
class TextBox
{
public:
    TextBox(
        const TextContext& fonts, std::string_view text, const TextStyle& style, double width = 0);

    double width() const; // ink-independent logical width
    double height() const;
    void draw(cairo_t* cr, double x, double y) const;
    /** Draws the text and strokes its outline: bold without embedding a second font face. */
    void drawEmboldened(cairo_t* cr, double x, double y, double strokeWidth) const;
    /** Draws in a colour with opacity (the watermark). */
    void drawRgba(cairo_t* cr, double x, double y, double r, double g, double b, double a) const;
    bool empty() const { return m_empty; }
    /** Code points drawn as "unknown glyph" boxes (no installed font has them). */
    std::vector<char32_t> missingGlyphs() const;

private:
    GObjectPtr<PangoLayout> m_layout;
    SubsetFonts* m_subsets;
    double m_grey = 0;
    bool m_empty = true;
};

/** Collects the missing glyphs of every text box drawn, by place. */
class GlyphReport
{
public:
    void check(const std::string& where, const TextBox& box);
    const std::vector<MissingGlyph>& missing() const { return m_missing; }

private:
    std::vector<MissingGlyph> m_missing;
};

} // namespace kakanai::printer::detail
