// Layout: wrapping, page breaks that never split a field, the signature box, rare kanji and
// characters without a glyph, and the ticket.
#include "kakanai/printer/value_text.hpp"
#include "printer_fixture.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

namespace kakanai::printer::test {
namespace {

forms::FormTemplate testTemplate(int fields, bool signature)
{
    std::string toml = "id = \"layout\"\nversion = 3\n"
                       "title = { ja = \"レイアウト試験届\", en = \"Layout test\" }\n";
    if (signature) {
        toml += "[print]\nsignature = true\n";
    }
    toml += "[[sections]]\nid = \"main\"\ntitle = { ja = \"本体\", en = \"Main\" }\n";
    toml += "[[sections.fields]]\nkey = \"address\"\ntype = \"address\"\n"
            "label = { ja = \"住所\", en = \"Address\" }\n";
    for (int i = 0; i < fields; ++i) {
        toml += "[[sections.fields]]\nkey = \"note_" + std::to_string(i) + "\"\ntype = \"text\"\n"
            + "label = { ja = \"備考" + std::to_string(i) + "\", en = \"Note\" }\n";
    }
    auto load = forms::loadTemplate(toml, "layout.toml");
    EXPECT_TRUE(load.clean()) << (load.diagnostics.empty() ? "" : load.diagnostics[0].format());
    return *load.form;
}

forms::FilledForm filledFor(const forms::FormTemplate& form)
{
    forms::FilledForm filled;
    filled.recordId = "11111111-2222-4333-8444-555555555555";
    filled.templateId = form.id;
    filled.templateVersion = form.version;
    filled.createdAt = "2026-11-29T10:15:00+09:00";
    return filled;
}

fs::path save(const Result<PdfDocument, RenderError>& document, const std::string& name)
{
    EXPECT_TRUE(document.ok()) << (document.ok() ? "" : describe(document.error()));
    return writeFile(scratchDir() / name, document.ok() ? document->bytes : "");
}

TEST(Layout, LongAddressWrapsInsideTheTable)
{
    const auto form = testTemplate(0, false);
    auto filled = filledFor(form);
    const std::string address = "北海道札幌市中央区北一条西二丁目一番地札幌市役所本庁舎前通り"
                                "北側ビルディング二十三階二千三百四十五号室気付試験用長大住所"
                                "さらに続く番地表記一二三四五六七八九十丁目";
    filled.values["address"] = { address, forms::ValueOrigin::Card };
    const fs::path pdf = save(renderer().renderForm(form, filled, printInfo()), "long.pdf");
    const std::string raw = pdfText(pdf);
    EXPECT_NE(squeeze(raw).find(squeeze(address)), std::string::npos);
    EXPECT_EQ(raw.find(address), std::string::npos) << "expected the address on several lines";
    // Every word box ends left of the right margin (15 mm).
    const std::string boxes = runTool("pdftotext", { "-bbox", pdf.string(), "-" }).out;
    std::regex xMax("xMax=\"([0-9.]+)\"");
    int words = 0;
    for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), xMax);
         it != std::sregex_iterator(); ++it) {
        EXPECT_LE(std::stod((*it)[1]), 595.28 - 42.5 + 0.5);
        ++words;
    }
    EXPECT_GT(words, 5);
}

TEST(Layout, LongFormBreaksPagesWithoutSplittingAField)
{
    const auto form = testTemplate(45, true);
    auto filled = filledFor(form);
    for (int i = 0; i < 45; ++i) {
        std::string value = "記入値" + std::to_string(i) + "番：";
        for (int repeat = 0; repeat < 1 + i % 4; ++repeat) {
            value += "この欄は改ページの試験のために長めに書かれた文章です。";
        }
        filled.values["note_" + std::to_string(i)] = { value, forms::ValueOrigin::Resident };
    }
    auto document = renderer().renderForm(form, filled, printInfo());
    const fs::path pdf = save(document, "pages.pdf");
    ASSERT_GE(document->pageCount, 3);
    std::vector<std::string> pages;
    for (int page = 1; page <= document->pageCount; ++page) {
        pages.push_back(squeeze(pdfText(pdf, page, page)));
    }
    for (int i = 0; i < 45; ++i) {
        const std::string value
            = squeeze(std::get<std::string>(filled.values["note_" + std::to_string(i)].value));
        int wholeOn = 0;
        for (const auto& page : pages) {
            wholeOn += page.find(value) != std::string::npos ? 1 : 0;
        }
        EXPECT_EQ(wholeOn, 1) << "field note_" << i << " is split or missing";
    }
    EXPECT_NE(pages[1].find("本体（続き）"), std::string::npos);
    EXPECT_NE(pages.back().find("署名"), std::string::npos);
    EXPECT_NE(pages.back().find(std::to_string(pages.size()) + "/" + std::to_string(pages.size())),
        std::string::npos);
}

TEST(Layout, SignatureBoxOnlyWhenTheTemplateAsks)
{
    auto with = testTemplate(1, true);
    auto without = testTemplate(1, false);
    EXPECT_TRUE(with.print.signature);
    EXPECT_NE(pdfText(save(renderer().renderForm(with, filledFor(with), printInfo()), "s.pdf"))
                  .find("署名"),
        std::string::npos);
    EXPECT_EQ(
        pdfText(save(renderer().renderForm(without, filledFor(without), printInfo()), "n.pdf"))
            .find("署名"),
        std::string::npos);
}

TEST(Layout, RareKanjiPrintExactlyAsRead)
{
    const auto form = testTemplate(1, false);
    auto filled = filledFor(form);
    const std::string name = "𠮷田　髙橋﨑";
    filled.values["note_0"] = { name, forms::ValueOrigin::Card };
    auto document = renderer().renderForm(form, filled, printInfo());
    ASSERT_TRUE(document.ok());
    EXPECT_TRUE(document->missingGlyphs.empty());
    EXPECT_NE(squeeze(pdfText(save(document, "rare.pdf"))).find("𠮷田髙橋﨑"), std::string::npos);
}

TEST(Layout, CharacterWithoutAGlyphIsReportedNotDropped)
{
    const auto form = testTemplate(1, false);
    auto filled = filledFor(form);
    filled.values["note_0"] = { std::string("試験\uE000子"), forms::ValueOrigin::Card };
    auto document = renderer().renderForm(form, filled, printInfo());
    ASSERT_TRUE(document.ok());
    ASSERT_EQ(document->missingGlyphs.size(), 1u);
    EXPECT_EQ(document->missingGlyphs[0].where, "note_0");
    EXPECT_EQ(document->missingGlyphs[0].codepoints, std::vector<char32_t> { 0xE000 });

    auto strict = Renderer::create({ .strictGlyphs = true });
    ASSERT_TRUE(strict.ok());
    auto refused = strict->renderForm(form, filled, printInfo());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, RenderErrorKind::MissingGlyph);
    EXPECT_NE(describe(refused.error()).find("U+E000"), std::string::npos);
}

TEST(Layout, MissingFontIsATypedError)
{
    auto created = Renderer::create({ .fontFamily = "Kakanai No Such Font" });
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().kind, RenderErrorKind::FontMissing);
}

TicketInfo sampleTicket(bool training = false, std::string language = "en")
{
    TicketInfo ticket;
    ticket.ticketNumber = "A-013";
    ticket.recordId = "0b6f3c1e-8a2d-4e5f-9c7b-1a2b3c4d5e6f";
    ticket.forms = { shippedTemplate("ido").title, shippedTemplate("kokuho").title };
    ticket.issuedAt = "2026-11-29T10:15:00+09:00";
    ticket.language = std::move(language);
    ticket.municipality = shippedConfig().kiosk->municipalityName;
    ticket.training = training;
    return ticket;
}

TEST(Ticket, EightyMillimetreReceiptWithNumberFormsTimeAndQr)
{
    auto document = renderer().renderTicket(sampleTicket());
    const fs::path pdf = save(document, "ticket.pdf");
    EXPECT_EQ(document->pageCount, 1);
    const std::string size = pdfInfo(pdf, "Page size");
    EXPECT_EQ(size.rfind("226.77", 0), 0u) << size; // 80 mm
    const std::string text = squeeze(pdfText(pdf));
    EXPECT_NE(text.find("A-013"), std::string::npos);
    EXPECT_NE(text.find("住民異動届"), std::string::npos);
    EXPECT_NE(text.find("Notificationofchangeofaddress"), std::string::npos);
    EXPECT_NE(text.find("令和8年11月29日10:15"), std::string::npos);
    EXPECT_EQ(qrText(pdf), qrPayload(sampleTicket().recordId, "A-013"));
    EXPECT_EQ(text.find("SAMPLE"), std::string::npos);
}

TEST(Ticket, TrainingTicketIsStamped)
{
    const fs::path pdf = save(renderer().renderTicket(sampleTicket(true, "ja")), "t.pdf");
    const std::string text = squeeze(pdfText(pdf));
    EXPECT_NE(text.find("見本/SAMPLE—無効"), std::string::npos);
    EXPECT_EQ(text.find("Notification"), std::string::npos);
}

} // namespace
} // namespace kakanai::printer::test
