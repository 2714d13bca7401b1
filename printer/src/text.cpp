// Pango text layout on a private font map (one per Renderer, so that a Renderer can live on any
// thread) with metrics unhinted, so a PDF lays out the same whatever the surface.
#include "text.hpp"

#include <algorithm>

namespace kakanai::printer::detail {
namespace {

struct FontDescriptionFree
{
    void operator()(PangoFontDescription* description) const
    {
        pango_font_description_free(description);
    }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

FontDescriptionPtr describeFont(const std::string& family, double size, bool bold)
{
    FontDescriptionPtr description(pango_font_description_new());
    pango_font_description_set_family(description.get(), family.c_str());
    pango_font_description_set_weight(
        description.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_size(description.get(), static_cast<int>(size * PANGO_SCALE));
    return description;
}

} // namespace

Result<TextContext, RenderError> TextContext::create(const std::string& family)
{
    TextContext text;
    text.m_family = family;
    text.m_subsets = std::make_unique<SubsetFonts>();
    text.m_fontMap.reset(pango_cairo_font_map_new());
    text.m_context.reset(pango_font_map_create_context(text.m_fontMap.get()));
    PangoContext* context = text.m_context.get();
    pango_cairo_context_set_resolution(context, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_language(context, pango_language_from_string("ja"));

    auto description = describeFont(family, 10.5, false);
    GObjectPtr<PangoFont> font(pango_context_load_font(context, description.get()));
    std::string loaded;
    if (font) {
        FontDescriptionPtr actual(pango_font_describe(font.get()));
        if (const char* name = pango_font_description_get_family(actual.get())) {
            loaded = name;
        }
    }
    if (loaded != family) {
        return fail(RenderError { RenderErrorKind::FontMissing,
            "font '" + family + "' is not installed (fontconfig gave '" + loaded
                + "'); install fonts-noto-cjk",
            {} });
    }
    // Warm up: shape the characters every form uses so the first render is not the slow one.
    TextBox warm(text, "住民票の写し 令和元年 氏名 住所 ０１２ abc", TextStyle {}, 0);
    TextBox warmBold(text, "交付請求書", TextStyle { .size = 16, .bold = true }, 0);
    (void)warm.height();
    (void)warmBold.height();
    return text;
}

TextBox::TextBox(
    const TextContext& fonts, std::string_view text, const TextStyle& style, double width)
    : m_layout(pango_layout_new(fonts.context()))
    , m_subsets(&fonts.subsets())
    , m_grey(style.grey)
    , m_empty(text.empty())
{
    PangoLayout* layout = m_layout.get();
    auto description = describeFont(fonts.family(), style.size, style.bold);
    pango_layout_set_font_description(layout, description.get());
    if (style.language != "ja") {
        PangoAttrList* attributes = pango_attr_list_new();
        pango_attr_list_insert(attributes,
            pango_attr_language_new(pango_language_from_string(style.language.c_str())));
        pango_layout_set_attributes(layout, attributes);
        pango_attr_list_unref(attributes);
    }
    if (width > 0) {
        pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout, style.align);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    m_subsets->want(layout);
}

double TextBox::width() const
{
    PangoRectangle logical {};
    pango_layout_get_extents(m_layout.get(), nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
}

double TextBox::height() const
{
    PangoRectangle logical {};
    pango_layout_get_extents(m_layout.get(), nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
}

void TextBox::draw(cairo_t* cr, double x, double y) const
{
    cairo_save(cr);
    cairo_set_source_rgb(cr, m_grey, m_grey, m_grey);
    cairo_move_to(cr, x, y);
    m_subsets->show(cr, m_layout.get());
    cairo_restore(cr);
}

void TextBox::drawEmboldened(cairo_t* cr, double x, double y, double strokeWidth) const
{
    draw(cr, x, y);
    cairo_save(cr);
    cairo_set_source_rgb(cr, m_grey, m_grey, m_grey);
    cairo_move_to(cr, x, y);
    pango_cairo_layout_path(cr, m_layout.get());
    cairo_set_line_width(cr, strokeWidth);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void TextBox::drawRgba(
    cairo_t* cr, double x, double y, double r, double g, double b, double a) const
{
    cairo_save(cr);
    cairo_set_source_rgba(cr, r, g, b, a);
    cairo_move_to(cr, x, y);
    m_subsets->show(cr, m_layout.get());
    cairo_restore(cr);
}

std::vector<char32_t> TextBox::missingGlyphs() const
{
    std::vector<char32_t> missing;
    if (m_empty || pango_layout_get_unknown_glyphs_count(m_layout.get()) == 0) {
        return missing;
    }
    PangoLayoutIter* iter = pango_layout_get_iter(m_layout.get());
    do {
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
        if (!run) {
            continue;
        }
        for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
            const PangoGlyph glyph = run->glyphs->glyphs[i].glyph;
            if ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0 || glyph == PANGO_GLYPH_EMPTY) {
                continue;
            }
            const char32_t codepoint = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
            if (codepoint > 0x10FFFF) {
                continue; // PANGO_GLYPH_INVALID_INPUT
            }
            if (std::find(missing.begin(), missing.end(), codepoint) == missing.end()) {
                missing.push_back(codepoint);
            }
        }
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    return missing;
}

void GlyphReport::check(const std::string& where, const TextBox& box)
{
    auto codepoints = box.missingGlyphs();
    if (codepoints.empty()) {
        return;
    }
    for (auto& entry : m_missing) {
        if (entry.where == where) {
            for (char32_t codepoint : codepoints) {
                if (std::find(entry.codepoints.begin(), entry.codepoints.end(), codepoint)
                    == entry.codepoints.end()) {
                    entry.codepoints.push_back(codepoint);
                }
            }
            return;
        }
    }
    m_missing.push_back(MissingGlyph { where, std::move(codepoints) });
}

} // namespace kakanai::printer::detail
