// The background layout (background.hpp): a municipality's own paper form — here a two-page B5
// PDF made by the test, standing in for an official form — with the resident's values printed
// at mm positions on it. The PDF keeps the background's text and gains ours, takes its page
// size and count, and carries the QR code; bad backgrounds and placements are typed errors.
#include "kakanai/printer/value_text.hpp"
#include "printer_fixture.hpp"

#include <cairo-pdf.h>
#include <gtest/gtest.h>

namespace kakanai::printer::test {
namespace {

constexpr double PT_PER_MM = 72.0 / 25.4;

/** A two-page B5 "official form" with printed titles, labels and empty boxes. */
fs::path officialForm()
{
    const fs::path path = scratchDir() / "official.pdf";
    cairo_surface_t* surface
        = cairo_pdf_surface_create(path.c_str(), 182 * PT_PER_MM, 257 * PT_PER_MM);
    cairo_t* cr = cairo_create(surface);
    cairo_select_font_face(
        cr, "Noto Sans CJK JP", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    const auto text = [&](double xMm, double yMm, double size, const char* utf8) {
        cairo_set_font_size(cr, size);
        cairo_move_to(cr, xMm * PT_PER_MM, yMm * PT_PER_MM);
        cairo_show_text(cr, utf8);
    };
    text(20, 20, 16, "住民票の写し等交付請求書（様式第一号）");
    text(15, 45, 10, "請求者の氏名");
    text(15, 65, 10, "請求者の住所");
    cairo_rectangle(cr, 50 * PT_PER_MM, 38 * PT_PER_MM, 115 * PT_PER_MM, 12 * PT_PER_MM);
    cairo_rectangle(cr, 50 * PT_PER_MM, 58 * PT_PER_MM, 115 * PT_PER_MM, 12 * PT_PER_MM);
    cairo_stroke(cr);
    cairo_show_page(cr);
    text(20, 20, 12, "裏面　使用目的（町役場記入欄あり）");
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return path;
}

BackgroundLayout layoutOn(const fs::path& background)
{
    BackgroundLayout layout;
    layout.pdfPath = background.string();
    layout.fields = {
        { "requester_name", 1, 52, 40, 110, 12 },
        { "requester_address", 1, 52, 60, 110, 10 },
        { "purpose_detail", 2, 20, 30, 140, 10.5 },
    };
    layout.qr = QrPlacement { 1, 140, 200, 30 };
    return layout;
}

FormPrintInfo withBackground(BackgroundLayout layout)
{
    FormPrintInfo info = printInfo("A-012");
    info.background = std::move(layout);
    return info;
}

TEST(Background, ValuesArePrintedOnTheTownsOwnForm)
{
    const auto& form = shippedTemplate("juminhyo");
    const auto filled = sampleForm("juminhyo");
    auto document = renderer().renderForm(form, filled, withBackground(layoutOn(officialForm())));
    ASSERT_TRUE(document.ok()) << describe(document.error());
    EXPECT_EQ(document->pageCount, 2);
    const fs::path pdf = writeFile(scratchDir() / "on-background.pdf", document->bytes);

    EXPECT_EQ(pdfInfo(pdf, "Pages"), "2");
    EXPECT_NE(pdfInfo(pdf, "Page size").find("515.906 x 728.504"), std::string::npos)
        << pdfInfo(pdf, "Page size"); // B5, the background's size, not A4

    const std::string first = squeeze(pdfText(pdf, 1, 1));
    EXPECT_NE(first.find("住民票の写し等交付請求書（様式第一号）"), std::string::npos) << first;
    EXPECT_NE(first.find("請求者の氏名"), std::string::npos) << first;
    EXPECT_NE(first.find("試験花子"), std::string::npos) << first; // card value, as read
    EXPECT_NE(first.find("福井県小浜市大手町６番３号"), std::string::npos) << first;
    const std::string second = squeeze(pdfText(pdf, 2, 2));
    EXPECT_NE(second.find("裏面使用目的"), std::string::npos) << second;
    EXPECT_NE(second.find("銀行口座の開設"), std::string::npos) << second;
    EXPECT_EQ(first.find("銀行口座の開設"), std::string::npos) << "placed on page 2 only";

    EXPECT_EQ(qrText(pdf), qrPayload(filled.recordId, "A-012"));
}

TEST(Background, TrainingStampsEveryPageOfTheBackground)
{
    FormPrintInfo info = withBackground(layoutOn(officialForm()));
    info.training = true;
    auto document
        = renderer().renderForm(shippedTemplate("juminhyo"), sampleForm("juminhyo"), info);
    ASSERT_TRUE(document.ok()) << describe(document.error());
    const fs::path pdf = writeFile(scratchDir() / "training.pdf", document->bytes);
    for (int page = 1; page <= 2; ++page) {
        EXPECT_NE(squeeze(pdfText(pdf, page, page)).find("見本/SAMPLE—無効"), std::string::npos)
            << "page " << page;
    }
}

TEST(Background, UnreadableBackgroundOrPlacementIsATypedError)
{
    const auto& form = shippedTemplate("juminhyo");
    const auto filled = sampleForm("juminhyo");
    const fs::path background = officialForm();

    BackgroundLayout missing = layoutOn(background);
    missing.pdfPath = (scratchDir() / "no-such-form.pdf").string();
    auto result = renderer().renderForm(form, filled, withBackground(missing));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, RenderErrorKind::BackgroundUnreadable);

    BackgroundLayout notPdf = layoutOn(background);
    notPdf.pdfPath = writeFile(scratchDir() / "form.pdf", "this is not a PDF").string();
    result = renderer().renderForm(form, filled, withBackground(notPdf));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, RenderErrorKind::BackgroundUnreadable);

    BackgroundLayout pageThree = layoutOn(background);
    pageThree.fields[0].page = 3;
    result = renderer().renderForm(form, filled, withBackground(pageThree));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, RenderErrorKind::BackgroundUnreadable);
    EXPECT_NE(result.error().detail.find("no page 3"), std::string::npos) << result.error().detail;

    BackgroundLayout unknownField = layoutOn(background);
    unknownField.fields.push_back({ "no_such_field", 1, 10, 10, 50, 10 });
    result = renderer().renderForm(form, filled, withBackground(unknownField));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, RenderErrorKind::TemplateMismatch);
    // The detail names the field key, never a value.
    EXPECT_NE(result.error().detail.find("no_such_field"), std::string::npos);
    EXPECT_EQ(result.error().detail.find("試験"), std::string::npos);
}

} // namespace
} // namespace kakanai::printer::test
