// A template that asks for a background (docs/forms-templates.md, "Printing on the town's own
// form"): tests/printer/data/background/ is a configuration folder with juminhyo.toml — the
// shipped template plus [print] background and print_at — and backgrounds/juminhyo.pdf, an
// invented 架空町 paper form drawn by exampleBackground() below. The Renderer and
// `kakanai-print form` print on it by themselves; the PDF keeps the background's text and gains
// the resident's values. KAKANAI_UPDATE_REFERENCES=1 rewrites the committed background PDF.
#include "kakanai/printer/background.hpp"
#include "kakanai/printer/value_text.hpp"
#include "printer_fixture.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <gtest/gtest.h>
#include <hb-subset.h>

#include <cstdlib>
#include <utility>

namespace kakanai::printer::test {
namespace {

constexpr double PT_PER_MM = 72.0 / 25.4;

const fs::path EXAMPLE = SOURCE_DIR / "tests/printer/data/background";
const fs::path EXAMPLE_PDF = EXAMPLE / "backgrounds/juminhyo.pdf";

struct Row
{
    const char* label;
    double top; // mm; the template's print_at y is top + 2.5
    double height;
};

// The boxes of the paper form; their tops match the print_at positions of the example template.
constexpr Row ROWS[] = {
    { "請求日", 40, 11 },
    { "氏名", 51, 11 },
    { "フリガナ", 62, 11 },
    { "住所", 73, 16 },
    { "生年月日", 89, 11 },
    { "電話番号", 100, 11 },
    { "必要な方との関係", 111, 11 },
    { "請求の理由", 122, 11 },
    { "必要な方の氏名", 133, 11 },
    { "必要な方の住所", 144, 16 },
    { "必要な方の生年月日", 160, 11 },
    { "証明の種類", 171, 11 },
    { "範囲", 182, 11 },
    { "必要な方（全員）", 193, 11 },
    { "通数", 204, 11 },
    { "記載する事項", 215, 11 },
    { "使用目的", 226, 11 },
    { "使用目的（具体的に）", 237, 11 },
    { "提出先", 248, 11 },
};

constexpr const char* TITLE = "架空町　住民票の写し等交付請求書";
constexpr const char* NOTE = "様式第一号（試験用の見本。実在の様式ではありません）";
constexpr const char* TICK_BOX = "委任状（代理人の方）　□あり　□なし　（窓口記入）";
constexpr const char* FOOTER = "架空町役場　住民課";

/** Noto Sans CJK JP's file and face index, as fontconfig finds it ("" if not installed). */
std::pair<std::string, int> notoFile()
{
    std::pair<std::string, int> found { "", 0 };
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("Noto Sans CJK JP"));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcChar8* file = nullptr;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        found.first = reinterpret_cast<const char*>(file);
        FcPatternGetInteger(match, FC_INDEX, 0, &found.second);
    }
    if (match) {
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return found;
}

struct SmallFont
{
    hb_blob_t* blob = nullptr;
    FT_Library library = nullptr;
    FT_Face face = nullptr;
};

const cairo_user_data_key_t SMALL_FONT_KEY {};

void destroySmallFont(void* data)
{
    auto* font = static_cast<SmallFont*>(data);
    if (font->face) {
        FT_Done_Face(font->face);
    }
    if (font->library) {
        FT_Done_FreeType(font->library);
    }
    hb_blob_destroy(font->blob);
    delete font;
}

/** Noto Sans CJK JP cut by hb-subset to the characters of `text`, in plain charstrings, so that
 *  the committed PDF stays small (cairo alone embeds the CJK font's subroutines: ~75 KB).
 *  nullptr if that fails. */
cairo_font_face_t* smallFont(const std::string& text)
{
    const auto [file, index] = notoFile();
    hb_blob_t* blob = file.empty() ? nullptr : hb_blob_create_from_file_or_fail(file.c_str());
    if (!blob) {
        return nullptr;
    }
    hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(index));
    hb_blob_destroy(blob);
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.c_str(), -1, 0, -1);
    unsigned count = 0;
    const hb_glyph_info_t* characters = hb_buffer_get_glyph_infos(buffer, &count);
    for (unsigned i = 0; input && i < count; ++i) {
        hb_set_add(hb_subset_input_unicode_set(input), characters[i].codepoint);
    }
    hb_buffer_destroy(buffer);
    hb_face_t* subset = nullptr;
    if (input) {
        hb_set_clear(hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
        subset = hb_subset_or_fail(face, input);
        hb_subset_input_destroy(input);
    }
    hb_face_destroy(face);
    if (!subset) {
        return nullptr;
    }
    auto* font = new SmallFont;
    font->blob = hb_face_reference_blob(subset);
    hb_face_destroy(subset);
    unsigned length = 0;
    const char* data = hb_blob_get_data(font->blob, &length);
    if (length == 0 || FT_Init_FreeType(&font->library) != 0
        || FT_New_Memory_Face(font->library, reinterpret_cast<const FT_Byte*>(data),
               static_cast<FT_Long>(length), 0, &font->face)
            != 0) {
        destroySmallFont(font);
        return nullptr;
    }
    cairo_font_face_t* cairoFace = cairo_ft_font_face_create_for_ft_face(font->face, 0);
    if (cairo_font_face_set_user_data(cairoFace, &SMALL_FONT_KEY, font, destroySmallFont)
        != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(cairoFace);
        destroySmallFont(font);
        return nullptr;
    }
    return cairoFace; // frees the font with it
}

/** The invented town's A4 form: title, a ruled label | box table, a tick box staff fill in. */
fs::path exampleBackground(const fs::path& path)
{
    std::string characters = std::string(TITLE) + NOTE + TICK_BOX + FOOTER;
    for (const Row& row : ROWS) {
        characters += row.label;
    }
    cairo_font_face_t* font = smallFont(characters);
    cairo_surface_t* surface
        = cairo_pdf_surface_create(path.c_str(), 210 * PT_PER_MM, 297 * PT_PER_MM);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "架空町 様式第一号（見本）");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-11-01T00:00:00");
    cairo_t* cr = cairo_create(surface);
    if (font) {
        cairo_set_font_face(cr, font);
    } else {
        cairo_select_font_face(
            cr, "Noto Sans CJK JP", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    }
    const auto text = [&](double xMm, double yMm, double size, const char* utf8) {
        cairo_set_font_size(cr, size);
        cairo_move_to(cr, xMm * PT_PER_MM, yMm * PT_PER_MM);
        cairo_show_text(cr, utf8);
    };
    text(15, 20, 15, TITLE);
    text(15, 28, 8, NOTE);
    cairo_set_line_width(cr, 0.6);
    for (const Row& row : ROWS) {
        text(17, row.top + row.height / 2 + 1.5, 9, row.label);
        cairo_rectangle(
            cr, 15 * PT_PER_MM, row.top * PT_PER_MM, 37 * PT_PER_MM, row.height * PT_PER_MM);
        cairo_rectangle(
            cr, 52 * PT_PER_MM, row.top * PT_PER_MM, 143 * PT_PER_MM, row.height * PT_PER_MM);
    }
    cairo_stroke(cr);
    text(15, 268, 9, TICK_BOX);
    text(15, 285, 9, FOOTER);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    if (font) {
        cairo_font_face_destroy(font);
    }
    return path;
}

const forms::ConfigSet& exampleConfig()
{
    static const forms::ConfigSet config = forms::loadConfig({ EXAMPLE });
    return config;
}

const forms::FormTemplate& exampleTemplate()
{
    const forms::FormTemplate* form = exampleConfig().findTemplate("juminhyo");
    if (!form) {
        throw std::runtime_error("no example template");
    }
    return *form;
}

ToolRun cli(const std::vector<std::string>& args)
{
    return runProgram(KAKANAI_PRINT_CLI, args);
}

/** The background's own text and the sample juminhyo's values, as pdftotext finds them. */
void expectBackgroundAndValues(const fs::path& pdf)
{
    const std::string text = squeeze(pdfText(pdf));
    for (const char* background : { "架空町住民票の写し等交付請求書", "必要な方との関係",
             "使用目的（具体的に）", "委任状（代理人の方）", "架空町役場住民課" }) {
        EXPECT_NE(text.find(background), std::string::npos) << background << "\n" << text;
    }
    for (const char* value : { "令和8年11月29日", "試験花子", "シケンハナコ",
             "福井県小浜市大手町６番３号", "昭和55年1月1日", "0770-53-1111", "本人", "世帯全員",
             "世帯主・続柄、本籍・筆頭者", "銀行口座の開設", "若狭銀行" }) {
        EXPECT_NE(text.find(value), std::string::npos) << value << "\n" << text;
    }
    // Not the ruled layout: its section titles are not drawn.
    EXPECT_EQ(text.find("窓口に来た方（請求者）"), std::string::npos) << text;
}

TEST(BackgroundTemplate, ExampleLintsCleanAndItsPdfIsTheGeneratedOne)
{
    const forms::Diagnostics problems = forms::lint({ EXAMPLE });
    for (const auto& problem : problems) {
        ADD_FAILURE() << problem.format();
    }
    const fs::path generated = exampleBackground(scratchDir() / "juminhyo.pdf");
    if (std::getenv("KAKANAI_UPDATE_REFERENCES")) {
        fs::copy_file(generated, EXAMPLE_PDF, fs::copy_options::overwrite_existing);
    }
    ASSERT_TRUE(fs::exists(EXAMPLE_PDF))
        << EXAMPLE_PDF << " is missing; run with KAKANAI_UPDATE_REFERENCES=1 to create it";
    EXPECT_EQ(pdfText(EXAMPLE_PDF), pdfText(generated));
    EXPECT_NE(pdfInfo(EXAMPLE_PDF, "Page size").find("(A4)"), std::string::npos);
    EXPECT_LT(fs::file_size(EXAMPLE_PDF), 24u * 1024u) << "keep the committed example small";
}

TEST(BackgroundTemplate, LayoutComesFromTheTemplate)
{
    const auto layout = backgroundFromTemplate(exampleTemplate());
    ASSERT_TRUE(layout);
    EXPECT_EQ(fs::path(layout->pdfPath), EXAMPLE_PDF.lexically_normal());
    // Every field but power_of_attorney (print_at = false), in template order.
    ASSERT_EQ(layout->fields.size(), exampleTemplate().fields.size() - 1);
    for (const auto& placement : layout->fields) {
        EXPECT_NE(placement.field, "power_of_attorney");
    }
    const FieldPlacement& name = layout->fields[1];
    EXPECT_EQ(name.field, "requester_name");
    EXPECT_EQ(name.page, 1);
    EXPECT_DOUBLE_EQ(name.xMm, 55);
    EXPECT_DOUBLE_EQ(name.yMm, 53.5);
    EXPECT_DOUBLE_EQ(name.widthMm, 135);
    EXPECT_DOUBLE_EQ(name.sizePt, 12);
    ASSERT_TRUE(layout->qr);
    EXPECT_EQ(layout->qr->page, 1);
    EXPECT_DOUBLE_EQ(layout->qr->xMm, 172);
    EXPECT_DOUBLE_EQ(layout->qr->yMm, 10);
    EXPECT_DOUBLE_EQ(layout->qr->sizeMm, 24);

    EXPECT_FALSE(backgroundFromTemplate(shippedTemplate("juminhyo")));
}

TEST(BackgroundTemplate, RendererPrintsOnTheTemplatesBackground)
{
    const auto filled = sampleForm("juminhyo");
    auto document = renderer().renderForm(exampleTemplate(), filled, printInfo("A-012"));
    ASSERT_TRUE(document.ok()) << describe(document.error());
    EXPECT_EQ(document->pageCount, 1);
    const fs::path pdf = writeFile(scratchDir() / "example.pdf", document->bytes);
    expectBackgroundAndValues(pdf);
    EXPECT_EQ(qrText(pdf), qrPayload(filled.recordId, "A-012"));

    // templateBackground = false: the ruled layout, without the town's form.
    FormPrintInfo plainInfo = printInfo("A-012");
    plainInfo.templateBackground = false;
    auto plain = renderer().renderForm(exampleTemplate(), filled, plainInfo);
    ASSERT_TRUE(plain.ok()) << describe(plain.error());
    const std::string text = squeeze(pdfText(writeFile(scratchDir() / "plain.pdf", plain->bytes)));
    EXPECT_EQ(text.find("架空町"), std::string::npos) << text;
    EXPECT_NE(text.find("窓口に来た方（請求者）"), std::string::npos) << text;
    EXPECT_NE(text.find("試験花子"), std::string::npos) << text;
}

TEST(BackgroundTemplate, PrintCliPrintsOnTheBackground)
{
    const std::string data = (SOURCE_DIR / "tests/printer/data/juminhyo.json").string();
    const fs::path out = scratchDir() / "cli.pdf";
    auto run = cli({ "form", "--config", EXAMPLE.string(), "--template", "juminhyo", "--data", data,
        "--ticket", "A-012", "--out", out.string() });
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(run.out.empty());
    expectBackgroundAndValues(out);
    EXPECT_EQ(pdfInfo(out, "Pages"), "1");
    EXPECT_NE(pdfInfo(out, "Page size").find("(A4)"), std::string::npos);
    EXPECT_EQ(qrText(out), "kakanai:record:7d0c9a52-3f6e-4b8e-9a41-2f0d6c1e5b77?ticket=A-012");

    const fs::path plain = scratchDir() / "cli-plain.pdf";
    run = cli({ "form", "--config", EXAMPLE.string(), "--data", data, "--no-background", "--out",
        plain.string() });
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(squeeze(pdfText(plain)).find("架空町"), std::string::npos);
}

TEST(BackgroundTemplate, MissingBackgroundLintsCleanButDoesNotPrint)
{
    // The linter does not open the PDF; printing reports it (render.background, exit 4).
    const fs::path config = scratchDir() / "config";
    fs::create_directories(config / "forms");
    fs::copy_file(EXAMPLE / "forms/juminhyo.toml", config / "forms/juminhyo.toml");
    EXPECT_TRUE(forms::lint({ config }).empty());
    auto run = cli({ "form", "--config", config.string(), "--data",
        (SOURCE_DIR / "tests/printer/data/juminhyo.json").string(), "--out",
        (config / "out.pdf").string() });
    EXPECT_EQ(run.exitCode, 4) << run.err;
    EXPECT_NE(run.err.find("render.background"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("backgrounds/juminhyo.pdf"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(config / "out.pdf"));
}

} // namespace
} // namespace kakanai::printer::test
