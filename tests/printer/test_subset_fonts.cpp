// The subset fonts a Renderer embeds (printer/src/subset_fonts.hpp): a long-lived Renderer, whose
// subset font has grown over many documents, prints exactly what a fresh one prints; glyphs
// never seen before are in the next document, with one embedded font per face; characters from
// a fallback font and characters no font has still print as before.
#include "printer_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace kakanai::printer::test {
namespace {

TicketInfo ticketWith(const std::string& municipality)
{
    TicketInfo ticket;
    ticket.ticketNumber = "C-021";
    ticket.recordId = "5d0c2a9e-7f41-4b8a-b1e3-6c9d2f0a4e17";
    ticket.forms = { shippedTemplate("juminhyo").title };
    ticket.issuedAt = "2026-12-01T09:05:00+09:00";
    ticket.municipality = { { "ja", municipality } };
    return ticket;
}

std::string readBytes(const fs::path& path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

/** Page 1 rendered by pdftoppm at 100 dpi, as PPM bytes. */
std::string pixels(const std::string& pdfBytes, const std::string& name)
{
    const fs::path dir = scratchDir();
    const fs::path pdf = writeFile(dir / (name + ".pdf"), pdfBytes);
    runTool("pdftoppm", { "-r", "100", "-f", "1", "-l", "1", pdf.string(), (dir / name).string() });
    return readBytes(dir / (name + "-1.ppm"));
}

/** pdffonts rows: "name emb" for each font, e.g. "ABCDEF+NotoSansCJKjp-Regular yes". */
std::vector<std::string> fontRows(const std::string& pdfBytes)
{
    const fs::path pdf = writeFile(scratchDir() / "fonts.pdf", pdfBytes);
    std::istringstream lines(runTool("pdffonts", { pdf.string() }).out);
    std::vector<std::string> rows;
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        if (++number <= 2 || line.empty()) {
            continue; // header and rule
        }
        // name, type (one to three words), encoding, then emb sub uni object-id generation.
        std::istringstream fields(line);
        std::vector<std::string> words;
        for (std::string word; fields >> word;) {
            words.push_back(word);
        }
        if (words.size() < 7) {
            rows.push_back("unparsed: " + line);
            continue;
        }
        const std::string& name = words.front();
        rows.push_back(name.substr(name.find('+') + 1) + " " + words[words.size() - 5]);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

TEST(SubsetFonts, LongLivedRendererPrintsWhatAFreshOnePrints)
{
    auto used = Renderer::create();
    ASSERT_TRUE(used.ok());
    // History: other forms, tickets, and a text of unusual kanji that grows the subset.
    for (const std::string id : { "ido", "kokuho", "koseki" }) {
        ASSERT_TRUE(used->renderForm(shippedTemplate(id), sampleForm(id), printInfo()).ok());
    }
    ASSERT_TRUE(used->renderTicket(ticketWith("鬱蒼とした龘の里")).ok());

    auto fresh = Renderer::create();
    ASSERT_TRUE(fresh.ok());
    const auto& form = shippedTemplate("juminhyo");
    const auto filled = sampleForm("juminhyo");
    auto afterHistory = used->renderForm(form, filled, printInfo("A-012", true));
    auto first = fresh->renderForm(form, filled, printInfo("A-012", true));
    ASSERT_TRUE(afterHistory.ok() && first.ok());

    const std::string expected = pixels(first->bytes, "fresh");
    ASSERT_GT(expected.size(), 1000u);
    EXPECT_TRUE(pixels(afterHistory->bytes, "used") == expected)
        << "the long-lived renderer's page differs from the fresh renderer's";
    const fs::path dir = scratchDir();
    EXPECT_EQ(pdfText(writeFile(dir / "used.pdf", afterHistory->bytes)),
        pdfText(writeFile(dir / "fresh.pdf", first->bytes)));
    // One embedded font per face, however many sizes and documents came before.
    const std::vector<std::string> fonts { "NotoSansCJKjp-Bold yes", "NotoSansCJKjp-Regular yes" };
    EXPECT_EQ(fontRows(afterHistory->bytes), fonts);
    EXPECT_EQ(fontRows(first->bytes), fonts);
}

TEST(SubsetFonts, GlyphsNeverSeenBeforeArePrinted)
{
    auto renderer = Renderer::create();
    ASSERT_TRUE(renderer.ok());
    ASSERT_TRUE(renderer->renderTicket(ticketWith("小浜市")).ok());
    // 𠮷 (U+20BB7) is outside the BMP; 髙 and 﨑 are the variants residents' names use.
    auto document = renderer->renderTicket(ticketWith("髙﨑𠮷野町"));
    ASSERT_TRUE(document.ok());
    EXPECT_TRUE(document->missingGlyphs.empty());
    const fs::path pdf = writeFile(scratchDir() / "new-glyphs.pdf", document->bytes);
    EXPECT_NE(squeeze(pdfText(pdf)).find("髙﨑𠮷野町"), std::string::npos) << pdfText(pdf);
    EXPECT_EQ(fontRows(document->bytes), std::vector<std::string> { "NotoSansCJKjp-Regular yes" });
}

TEST(SubsetFonts, FallbackFontAndMissingGlyphStillPrint)
{
    auto renderer = Renderer::create();
    ASSERT_TRUE(renderer.ok());
    // Ⱡ (U+2C60) is not in Noto Sans CJK: fontconfig falls back to DejaVu Sans (TrueType),
    // which cairo embeds itself. U+E000 has no glyph anywhere: reported, drawn as a box.
    auto document = renderer->renderTicket(ticketWith("Ⱡ町\uE000村"));
    ASSERT_TRUE(document.ok());
    ASSERT_EQ(document->missingGlyphs.size(), 1u);
    EXPECT_EQ(document->missingGlyphs[0].codepoints, std::vector<char32_t> { 0xE000 });
    const fs::path pdf = writeFile(scratchDir() / "fallback.pdf", document->bytes);
    const std::string text = squeeze(pdfText(pdf));
    // (pdftotext puts the box's "E000" before 町, as it did before subset fonts.)
    for (const char* piece : { "Ⱡ", "町", "村", "C-021" }) {
        EXPECT_NE(text.find(piece), std::string::npos) << piece << " in " << text;
    }
    const auto fonts = fontRows(document->bytes);
    EXPECT_NE(std::find(fonts.begin(), fonts.end(), "DejaVuSans yes"), fonts.end())
        << testing::PrintToString(fonts);
    EXPECT_NE(std::find(fonts.begin(), fonts.end(), "NotoSansCJKjp-Regular yes"), fonts.end());
    for (const std::string& font : fonts) {
        EXPECT_EQ(font.substr(font.size() - 4), " yes") << font;
    }
}

TEST(SubsetFonts, AHugeTextPastTheSubsetLimitAndTheNextDocument)
{
    auto renderer = Renderer::create();
    ASSERT_TRUE(renderer.ok());
    // 4,500 different kanji in one document: more than a subset keeps (4,000), so the subset
    // starts again from this document's glyphs; the next document must still be complete.
    std::string many;
    for (char32_t c = 0x4E00; c < 0x4E00 + 4500; ++c) {
        many += static_cast<char>(0xE0 | (c >> 12));
        many += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        many += static_cast<char>(0x80 | (c & 0x3F));
    }
    auto huge = renderer->renderTicket(ticketWith(many));
    ASSERT_TRUE(huge.ok());
    const std::string hugeText
        = squeeze(pdfText(writeFile(scratchDir() / "huge.pdf", huge->bytes)));
    EXPECT_NE(hugeText.find(many.substr(0, 30)), std::string::npos);
    EXPECT_NE(hugeText.find(many.substr(many.size() - 30)), std::string::npos);

    auto next = renderer->renderTicket(ticketWith("鯖江市"));
    ASSERT_TRUE(next.ok());
    const std::string text = squeeze(pdfText(writeFile(scratchDir() / "next.pdf", next->bytes)));
    EXPECT_NE(text.find("鯖江市"), std::string::npos) << text;
    EXPECT_NE(text.find("C-021"), std::string::npos) << text;
}

} // namespace
} // namespace kakanai::printer::test
