// The background keys of a template (docs/forms-templates.md, "Printing on the town's own
// form"): [print] background / background_paper / background_qr and each field's print_at, as
// loaded into FormPrintSettings and Field::printAt, the path resolved against the configuration
// folder, the loader's diagnostics for malformed keys, and the linter's range checks.
#include "kakanai/forms/lint.hpp"
#include "kakanai/forms/template.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace kakanai::forms;
namespace fs = std::filesystem;

const char* HEAD = R"(id = "t"
version = 1
title = { ja = "t" }
)";

// A template with the given [print] table and fields (each a TOML snippet after key/type/label).
std::string templateText(const std::string& print, const std::vector<std::string>& fields)
{
    std::string text = HEAD;
    if (!print.empty()) {
        text += "[print]\n" + print + "\n";
    }
    text += "[[sections]]\nid = \"s\"\ntitle = { ja = \"s\" }\n";
    for (std::size_t i = 0; i < fields.size(); ++i) {
        text += "[[sections.fields]]\nkey = \"f" + std::to_string(i)
            + "\"\ntype = \"text\"\nlabel = { ja = \"l\" }\n" + fields[i] + "\n";
    }
    return text;
}

std::vector<std::string> ids(const Diagnostics& diagnostics)
{
    std::vector<std::string> out;
    for (const auto& d : diagnostics) {
        out.push_back(d.id);
    }
    return out;
}

std::string all(const Diagnostics& diagnostics)
{
    std::string out;
    for (const auto& d : diagnostics) {
        out += d.format() + "\n";
    }
    return out;
}

/** Loads (expecting no loader diagnostics) and lints with ja only. */
std::vector<std::string> lintIds(const std::string& text)
{
    auto load = loadTemplate(text, "/town/config/forms/t.toml");
    EXPECT_TRUE(load.diagnostics.empty()) << all(load.diagnostics);
    if (!load.form) {
        return { "no form" };
    }
    return ids(lintTemplate(*load.form, { "ja" }));
}

TEST(PrintBackground, KeysAreLoaded)
{
    const std::string text = templateText(R"(background = "backgrounds/t.pdf"
background_paper = "B4"
background_qr = { page = 2, x = 172, y = 10.5, size = 24 })",
        { "print_at = { page = 2, x = 12.5, y = 40, width = 80.0, size = 9 }",
            "print_at = { x = 20, y = 30 }", "print_at = false", "" });
    auto load = loadTemplate(text, "/town/config/forms/t.toml");
    ASSERT_TRUE(load.form);
    EXPECT_TRUE(load.diagnostics.empty()) << all(load.diagnostics);
    const FormPrintSettings& print = load.form->print;
    EXPECT_TRUE(print.hasBackground());
    EXPECT_EQ(print.background, "backgrounds/t.pdf");
    EXPECT_EQ(print.backgroundFile, fs::path("/town/config/backgrounds/t.pdf"));
    EXPECT_EQ(print.backgroundPaper, BackgroundPaper::B4);
    EXPECT_EQ(print.backgroundWhere.line, 5);
    ASSERT_TRUE(print.backgroundQr);
    EXPECT_EQ(print.backgroundQr->page, 2);
    EXPECT_DOUBLE_EQ(print.backgroundQr->xMm, 172);
    EXPECT_DOUBLE_EQ(print.backgroundQr->yMm, 10.5);
    EXPECT_DOUBLE_EQ(print.backgroundQr->sizeMm, 24);

    const Field* first = load.form->findField("f0");
    ASSERT_TRUE(first && first->printAt);
    EXPECT_EQ(first->printAt->page, 2);
    EXPECT_DOUBLE_EQ(first->printAt->xMm, 12.5);
    EXPECT_DOUBLE_EQ(first->printAt->yMm, 40); // an integer is a number too
    EXPECT_DOUBLE_EQ(first->printAt->widthMm, 80);
    EXPECT_DOUBLE_EQ(first->printAt->sizePt, 9);
    EXPECT_FALSE(first->printAtOmitted);
    const Field* defaults = load.form->findField("f1");
    ASSERT_TRUE(defaults && defaults->printAt);
    EXPECT_EQ(defaults->printAt->page, 1);
    EXPECT_DOUBLE_EQ(defaults->printAt->widthMm, 0);
    EXPECT_DOUBLE_EQ(defaults->printAt->sizePt, 10.5);
    const Field* omitted = load.form->findField("f2");
    EXPECT_FALSE(omitted->printAt);
    EXPECT_TRUE(omitted->printAtOmitted);
    const Field* unset = load.form->findField("f3");
    EXPECT_FALSE(unset->printAt);
    EXPECT_FALSE(unset->printAtOmitted);

    // Without [print] background nothing is set; the paper defaults to A4.
    auto plain = loadTemplate(templateText("signature = true", { "" }), "t.toml");
    ASSERT_TRUE(plain.form);
    EXPECT_FALSE(plain.form->print.hasBackground());
    EXPECT_TRUE(plain.form->print.backgroundFile.empty());
    EXPECT_EQ(plain.form->print.backgroundPaper, BackgroundPaper::A4);
    EXPECT_FALSE(plain.form->print.backgroundQr);
}

TEST(PrintBackground, PathIsRelativeToTheConfigurationFolder)
{
    const auto resolved = [](const std::string& background, const std::string& file) {
        auto load = loadTemplate(templateText("background = \"" + background + "\"",
                                     { "print_at = { x = 10, y = 10 }" }),
            file);
        return load.form ? load.form->print.backgroundFile : fs::path("?");
    };
    // config/forms/t.toml → config/; a template outside a forms/ folder → its own folder.
    EXPECT_EQ(resolved("backgrounds/t.pdf", "/town/config/forms/t.toml"),
        fs::path("/town/config/backgrounds/t.pdf"));
    EXPECT_EQ(resolved("t.pdf", "/town/extra/t.toml"), fs::path("/town/extra/t.pdf"));
    EXPECT_EQ(
        resolved("../shared/t.pdf", "/town/config/forms/t.toml"), fs::path("/town/shared/t.pdf"));
    EXPECT_EQ(
        resolved("/srv/forms/t.pdf", "/town/config/forms/t.toml"), fs::path("/srv/forms/t.pdf"));
    EXPECT_EQ(resolved("backgrounds/t.pdf", "forms/t.toml"), fs::path("backgrounds/t.pdf"));
    EXPECT_EQ(configFolderOf("/town/config/forms/t.toml"), fs::path("/town/config"));
    EXPECT_EQ(configFolderOf("/town/t.toml"), fs::path("/town"));
}

TEST(PrintBackground, MalformedKeysAreLoaderDiagnostics)
{
    const auto loadIds = [](const std::string& print, const std::string& field) {
        auto load = loadTemplate(templateText(print, { field }), "t.toml");
        EXPECT_TRUE(load.form);
        return ids(load.diagnostics);
    };
    const std::string bg = "background = \"b.pdf\"";
    using V = std::vector<std::string>;
    EXPECT_EQ(loadIds(bg, "print_at = true"), V { "template.wrong-type" });
    EXPECT_EQ(loadIds(bg, "print_at = \"1,20,30\""), V { "template.wrong-type" });
    EXPECT_EQ(loadIds(bg, "print_at = { x = 10 }"), V { "template.missing-key" });
    EXPECT_EQ(loadIds(bg, "print_at = { x = \"10\", y = 5 }"), V { "template.wrong-type" });
    EXPECT_EQ(loadIds(bg, "print_at = { x = nan, y = 5 }"), V { "template.wrong-type" });
    EXPECT_EQ(loadIds(bg, "print_at = { x = 1, y = inf }"), V { "template.wrong-type" });
    EXPECT_EQ(loadIds(bg, "print_at = { x = 1, y = 5, page = 1.5 }"), V { "template.wrong-type" });
    EXPECT_EQ(loadIds(bg, "print_at = { x = 1, y = 5, widht = 30 }"), V { "template.unknown-key" });
    EXPECT_EQ(loadIds("background = \"\"", ""), V { "template.wrong-type" });
    EXPECT_EQ(loadIds("background = 3", ""), V { "template.wrong-type" });
    EXPECT_EQ(loadIds(bg + "\nbackground_paper = \"A3\"", "print_at = false"),
        V { "template.unknown-paper" });
    EXPECT_EQ(loadIds(bg + "\nbackground_qr = { x = 10, size = 20 }", "print_at = false"),
        V { "template.missing-key" });
    EXPECT_EQ(loadIds(bg + "\nbackground_qr = [10, 20]", "print_at = false"),
        V { "template.wrong-type" });

    // The diagnostic points at the bad value: line 13 is the field's print_at.
    auto load = loadTemplate(templateText(bg, { "print_at = { x = \"10\", y = 5 }" }), "t.toml");
    ASSERT_EQ(load.diagnostics.size(), 1u);
    EXPECT_EQ(load.diagnostics[0].line, 13) << all(load.diagnostics);
    EXPECT_NE(load.diagnostics[0].text.find("'x' in print_at must be a number"), std::string::npos)
        << load.diagnostics[0].text;
    // A malformed print_at is not also reported missing by the linter.
    ASSERT_TRUE(load.form);
    EXPECT_TRUE(lintTemplate(*load.form, { "ja" }).empty());
}

TEST(PrintBackground, LintChecksEveryFieldIsPlacedOrLeftOff)
{
    const std::string bg = "background = \"b.pdf\"";
    EXPECT_TRUE(
        lintIds(templateText(bg, { "print_at = { x = 10, y = 10 }", "print_at = false" })).empty());
    EXPECT_EQ(lintIds(templateText(bg, { "print_at = { x = 10, y = 10 }", "" })),
        std::vector<std::string> { "lint.print-at-missing" });
    EXPECT_EQ(lintIds(templateText("", { "print_at = { x = 10, y = 10 }", "print_at = false" })),
        std::vector<std::string> { "lint.print-at-without-background" });
    EXPECT_EQ(lintIds(templateText(
                  "background_qr = { x = 10, y = 10 }\nbackground_paper = \"B4\"", { "" })),
        (std::vector<std::string> {
            "lint.print-at-without-background", "lint.print-at-without-background" }));
    // print_at = false alone, without a background, is harmless.
    EXPECT_TRUE(lintIds(templateText("", { "print_at = false" })).empty());
}

TEST(PrintBackground, LintChecksRangesAndThePaper)
{
    const auto field = [](const std::string& printAt, const std::string& paper = "") {
        std::string print = "background = \"b.pdf\"";
        if (!paper.empty()) {
            print += "\nbackground_paper = \"" + paper + "\"";
        }
        return lintIds(templateText(print, { "print_at = " + printAt }));
    };
    using V = std::vector<std::string>;
    const V range { "lint.print-at-range" };
    const V off { "lint.print-at-off-paper" };
    EXPECT_EQ(field("{ page = 0, x = 10, y = 10 }"), range);
    EXPECT_EQ(field("{ page = -3, x = 10, y = 10 }"), range);
    EXPECT_EQ(field("{ x = 10, y = 10, width = -1 }"), range);
    EXPECT_EQ(field("{ x = 10, y = 10, size = 4.5 }"), range);
    EXPECT_EQ(field("{ x = 10, y = 10, size = 80 }"), range);
    EXPECT_TRUE(field("{ x = 10, y = 10, size = 5 }").empty());
    EXPECT_TRUE(field("{ x = 10, y = 10, size = 72 }").empty());
    // A4: 210 × 297 mm.
    EXPECT_EQ(field("{ x = -0.5, y = 10 }"), off);
    EXPECT_EQ(field("{ x = 10, y = -1 }"), off);
    EXPECT_EQ(field("{ x = 210, y = 10 }"), off);
    EXPECT_EQ(field("{ x = 150, y = 10, width = 61 }"), off);
    EXPECT_TRUE(field("{ x = 150, y = 10, width = 60 }").empty());
    EXPECT_EQ(field("{ x = 10, y = 295 }"), off); // 10.5 pt is 3.7 mm: the line runs off
    EXPECT_TRUE(field("{ x = 10, y = 293 }").empty());
    // B4: 257 × 364 mm.
    EXPECT_TRUE(field("{ x = 200, y = 350, width = 50 }", "B4").empty());
    EXPECT_EQ(field("{ x = 200, y = 350, width = 60 }", "B4"), off);
    EXPECT_EQ(field("{ x = 10, y = 362 }", "B4"), off);

    const auto qr = [](const std::string& position) {
        return lintIds(templateText(
            "background = \"b.pdf\"\nbackground_qr = " + position, { "print_at = false" }));
    };
    EXPECT_TRUE(qr("{ x = 186, y = 273 }").empty()); // default size 20 mm: to 206 × 293
    EXPECT_EQ(qr("{ x = 186, y = 273, size = 25 }"), off);
    EXPECT_EQ(qr("{ x = 10, y = 10, size = 10 }"), range);
    EXPECT_EQ(qr("{ x = 10, y = 10, size = 120 }"), range);
    EXPECT_EQ(qr("{ page = 0, x = 10, y = 10 }"), range);
}

TEST(PrintBackground, PaperNames)
{
    EXPECT_EQ(backgroundPaperFromName("A4"), BackgroundPaper::A4);
    EXPECT_EQ(backgroundPaperFromName("B4"), BackgroundPaper::B4);
    EXPECT_FALSE(backgroundPaperFromName("a4"));
    EXPECT_EQ(backgroundPaperName(BackgroundPaper::B4), "B4");
    EXPECT_DOUBLE_EQ(paperSize(BackgroundPaper::A4).width, 210);
    EXPECT_DOUBLE_EQ(paperSize(BackgroundPaper::B4).height, 364);
}

} // namespace
