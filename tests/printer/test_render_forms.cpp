// Each shipped template rendered with its sample form (tests/printer/data/<id>.json), checked
// with poppler-utils and zbarimg: every value in the text, every font embedded, A4, the QR code.
#include "kakanai/forms/validate.hpp"
#include "kakanai/printer/value_text.hpp"
#include "printer_fixture.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace kakanai::printer::test {
namespace {

class ShippedForm : public testing::TestWithParam<std::string>
{
protected:
    fs::path render(const FormPrintInfo& info)
    {
        const auto& form = shippedTemplate(GetParam());
        const auto filled = sampleForm(GetParam());
        auto document = renderer().renderForm(form, filled, info);
        EXPECT_TRUE(document.ok()) << (document.ok() ? "" : describe(document.error()));
        if (!document.ok()) {
            return {};
        }
        EXPECT_TRUE(document->missingGlyphs.empty());
        return writeFile(scratchDir() / (GetParam() + ".pdf"), document->bytes);
    }
};

TEST_P(ShippedForm, TextHasEveryValueLabelAndTitle)
{
    const auto& form = shippedTemplate(GetParam());
    const auto filled = sampleForm(GetParam());
    const fs::path pdf = render(printInfo());
    const std::string text = squeeze(pdfText(pdf));
    EXPECT_NE(text.find(squeeze(textIn(form.title, "ja"))), std::string::npos);
    EXPECT_NE(text.find("小浜市"), std::string::npos);
    EXPECT_NE(text.find("令和8年11月29日"), std::string::npos); // createdAt in 和暦
    EXPECT_NE(text.find("受付番号A-012"), std::string::npos);
    EXPECT_NE(text.find(filled.recordId), std::string::npos);
    int checked = 0;
    for (const forms::Field* field : forms::visibleFields(form, filled)) {
        EXPECT_NE(text.find(squeeze(textIn(field->label, "ja"))), std::string::npos) << field->key;
        if (const auto* value = filled.find(field->key)) {
            const std::string printed = printedValue(*field, value->value, "ja");
            EXPECT_NE(text.find(squeeze(printed)), std::string::npos) << field->key;
            ++checked;
        }
    }
    EXPECT_GE(checked, 8);
}

TEST_P(ShippedForm, IsA4WithEveryFontEmbedded)
{
    const fs::path pdf = render(printInfo());
    EXPECT_NE(pdfInfo(pdf, "Page size").find("(A4)"), std::string::npos);
    std::istringstream lines(runTool("pdffonts", { pdf.string() }).out);
    std::string line;
    int fonts = 0;
    std::getline(lines, line); // header
    std::getline(lines, line); // ----
    while (std::getline(lines, line)) {
        if (line.empty()) {
            continue;
        }
        ++fonts;
        std::istringstream columns(line.substr(
            line.find("Identity-H") == std::string::npos ? 0 : line.find("Identity-H") + 10));
        std::string embedded;
        columns >> embedded;
        EXPECT_EQ(embedded, "yes") << line;
    }
    EXPECT_GE(fonts, 1);
}

TEST_P(ShippedForm, QrCodeDecodesToRecordAndTicket)
{
    const auto filled = sampleForm(GetParam());
    const fs::path pdf = render(printInfo("B-107"));
    const std::string decoded = qrText(pdf);
    EXPECT_EQ(decoded, qrPayload(filled.recordId, "B-107"));
    auto content = parseQrPayload(decoded);
    ASSERT_TRUE(content.has_value());
    EXPECT_EQ(content->recordId, filled.recordId);
    EXPECT_EQ(content->ticketNumber, "B-107");
}

INSTANTIATE_TEST_SUITE_P(Templates, ShippedForm, testing::ValuesIn(shippedTemplateIds()),
    [](const auto& info) { return info.param; });

TEST(FormRender, BilingualLabelsWhenTheResidentUsedEnglish)
{
    const auto filled = sampleForm("ido"); // language en
    auto document = renderer().renderForm(shippedTemplate("ido"), filled, printInfo());
    ASSERT_TRUE(document.ok());
    const std::string text = pdfText(writeFile(scratchDir() / "ido.pdf", document->bytes));
    EXPECT_NE(text.find("届出人 氏名\nName"), std::string::npos) << text.substr(0, 600);
    EXPECT_NE(text.find("Notification of change of address"), std::string::npos);
    EXPECT_NE(text.find("女\nFemale"), std::string::npos);
    EXPECT_NE(text.find("Date of application"), std::string::npos);
}

// Every kiosk language prints its own labels beside the Japanese ones. Vietnamese stacks
// diacritics (ơ + ờ in "nơi giờ"): a font path that mishandles them must show up here.
TEST(FormRender, EveryKioskLanguagePrintsItsLabels)
{
    const auto& form = shippedTemplate("ido");
    for (const char* language : { "zh", "ko", "vi", "pt" }) {
        SCOPED_TRACE(language);
        auto filled = sampleForm("ido");
        filled.language = language;
        auto document = renderer().renderForm(form, filled, printInfo());
        ASSERT_TRUE(document.ok()) << (document.ok() ? "" : describe(document.error()));
        const std::string text = squeeze(pdfText(
            writeFile(scratchDir() / ("ido-" + std::string(language) + ".pdf"), document->bytes)));
        const auto title = form.title.find(language);
        ASSERT_NE(title, form.title.end());
        EXPECT_NE(text.find(squeeze(title->second)), std::string::npos) << text.substr(0, 600);
        EXPECT_EQ(text.find("Notification of change of address"), std::string::npos);
    }
}

TEST(FormRender, JapaneseFormHasNoSecondLanguage)
{
    auto document
        = renderer().renderForm(shippedTemplate("juminhyo"), sampleForm("juminhyo"), printInfo());
    ASSERT_TRUE(document.ok());
    const std::string text = pdfText(writeFile(scratchDir() / "j.pdf", document->bytes));
    EXPECT_EQ(text.find("Name"), std::string::npos);
    EXPECT_EQ(text.find("Date of application"), std::string::npos);
}

TEST(FormRender, MyNumberPrintedOnlyWhereTheTemplateStoresIt)
{
    auto form = shippedTemplate("kokuho");
    const auto filled = sampleForm("kokuho");
    ASSERT_NE(filled.find("notifier_my_number"), nullptr);
    auto stored = renderer().renderForm(form, filled, printInfo());
    ASSERT_TRUE(stored.ok());
    EXPECT_NE(
        squeeze(pdfText(writeFile(scratchDir() / "k.pdf", stored->bytes))).find("123456789018"),
        std::string::npos);
    for (auto& field : form.fields) {
        if (field.type == forms::FieldType::MyNumber) {
            field.store = false;
        }
    }
    auto masked = renderer().renderForm(form, filled, printInfo());
    ASSERT_TRUE(masked.ok());
    const std::string text = squeeze(pdfText(writeFile(scratchDir() / "m.pdf", masked->bytes)));
    EXPECT_EQ(text.find("123456789018"), std::string::npos);
    EXPECT_EQ(text.find("12345678"), std::string::npos);
    EXPECT_NE(text.find("********9018"), std::string::npos);
}

TEST(FormRender, TrainingWatermarkOnEveryPage)
{
    auto filled = sampleForm("ido");
    auto document = renderer().renderForm(shippedTemplate("ido"), filled, printInfo("", true));
    ASSERT_TRUE(document.ok());
    ASSERT_GE(document->pageCount, 2);
    const fs::path pdf = writeFile(scratchDir() / "training.pdf", document->bytes);
    for (int page = 1; page <= document->pageCount; ++page) {
        EXPECT_NE(squeeze(pdfText(pdf, page, page)).find("見本/SAMPLE—無効"), std::string::npos)
            << "page " << page;
    }
    auto normal = renderer().renderForm(shippedTemplate("ido"), filled, printInfo());
    ASSERT_TRUE(normal.ok());
    EXPECT_EQ(pdfText(writeFile(scratchDir() / "n.pdf", normal->bytes)).find("SAMPLE"),
        std::string::npos);
}

TEST(FormRender, PageNumbersOnEveryPage)
{
    auto document = renderer().renderForm(shippedTemplate("ido"), sampleForm("ido"), printInfo());
    ASSERT_TRUE(document.ok());
    const fs::path pdf = writeFile(scratchDir() / "pages.pdf", document->bytes);
    const int pages = document->pageCount;
    EXPECT_EQ(pdfInfo(pdf, "Pages"), std::to_string(pages));
    for (int page = 1; page <= pages; ++page) {
        EXPECT_NE(
            pdfText(pdf, page, page).find(std::to_string(page) + " / " + std::to_string(pages)),
            std::string::npos);
    }
}

TEST(FormRender, RefusesAFormOfAnotherTemplate)
{
    auto document
        = renderer().renderForm(shippedTemplate("inkan"), sampleForm("juminhyo"), printInfo());
    ASSERT_FALSE(document.ok());
    EXPECT_EQ(document.error().kind, RenderErrorKind::TemplateMismatch);
}

} // namespace
} // namespace kakanai::printer::test
