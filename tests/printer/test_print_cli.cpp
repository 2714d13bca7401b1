// kakanai-print run as a process (without CUPS): PDFs to files, usage and input errors.
#include "printer_fixture.hpp"

#include <gtest/gtest.h>

namespace kakanai::printer::test {
namespace {

const std::string DATA = (SOURCE_DIR / "tests/printer/data").string();

ToolRun cli(const std::vector<std::string>& args)
{
    return runProgram(KAKANAI_PRINT_CLI, args);
}

TEST(PrintCli, FormToFile)
{
    const fs::path out = scratchDir() / "form.pdf";
    auto run = cli({ "form", "--template", "juminhyo", "--data", DATA + "/juminhyo.json",
        "--ticket", "A-012", "--out", out.string() });
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(run.out.empty());
    EXPECT_NE(pdfInfo(out, "Page size").find("(A4)"), std::string::npos);
    EXPECT_EQ(qrText(out), "kakanai:record:7d0c9a52-3f6e-4b8e-9a41-2f0d6c1e5b77?ticket=A-012");
}

TEST(PrintCli, TicketForAVisitToFile)
{
    const fs::path out = scratchDir() / "ticket.pdf";
    auto run = cli({ "ticket", "--data", DATA + "/ido.json", "--data", DATA + "/kokuho.json",
        "--ticket", "A-013", "--training", "--out", out.string() });
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const std::string text = squeeze(pdfText(out));
    EXPECT_NE(text.find("A-013"), std::string::npos);
    EXPECT_NE(text.find("国民健康保険"), std::string::npos);
    EXPECT_NE(text.find("SAMPLE"), std::string::npos);
}

TEST(PrintCli, UsageErrors)
{
    EXPECT_EQ(cli({}).exitCode, 2);
    EXPECT_EQ(cli({ "fax" }).exitCode, 2);
    EXPECT_EQ(cli({ "form", "--data", DATA + "/juminhyo.json" }).exitCode, 2); // no destination
    EXPECT_EQ(cli({ "form", "--data", DATA + "/juminhyo.json", "--out", "a.pdf", "--printer", "p" })
                  .exitCode,
        2);
    EXPECT_EQ(cli({ "ticket", "--data", DATA + "/ido.json", "--out", "t.pdf" }).exitCode, 2);
    EXPECT_EQ(
        cli({ "form", "--data", DATA + "/ido.json", "--out", "x.pdf", "--copies", "0" }).exitCode,
        2);
    EXPECT_EQ(cli({ "--help" }).exitCode, 0);
}

TEST(PrintCli, InputErrors)
{
    const std::string out = (scratchDir() / "x.pdf").string();
    auto mismatch
        = cli({ "form", "--template", "inkan", "--data", DATA + "/juminhyo.json", "--out", out });
    EXPECT_EQ(mismatch.exitCode, 3);
    EXPECT_EQ(cli({ "form", "--data", DATA + "/none.json", "--out", out }).exitCode, 3);
    const fs::path bad = writeFile(scratchDir() / "bad.json", "{\"format\":1}");
    auto badJson = cli({ "form", "--data", bad.string(), "--out", out });
    EXPECT_EQ(badJson.exitCode, 3);
    EXPECT_NE(badJson.err.find("json."), std::string::npos);
    EXPECT_FALSE(fs::exists(out));
}

TEST(PrintCli, MissingGlyphWarnsOrFails)
{
    std::string json = runTool("cat", { DATA + "/juminhyo.json" }).out;
    const std::string name = "試験　花子";
    json.replace(json.find(name), name.size(), "試験\uE000花子");
    const fs::path data = writeFile(scratchDir() / "glyph.json", json);
    const std::string out = (scratchDir() / "g.pdf").string();
    auto warned = cli({ "form", "--data", data.string(), "--out", out });
    EXPECT_EQ(warned.exitCode, 0);
    EXPECT_NE(warned.err.find("requester_name: U+E000"), std::string::npos) << warned.err;
    EXPECT_EQ(warned.err.find("花子"), std::string::npos); // values are never echoed
    auto strict = cli({ "form", "--data", data.string(), "--out", out, "--strict-glyphs" });
    EXPECT_EQ(strict.exitCode, 4);
    EXPECT_NE(strict.err.find("render.missing-glyph"), std::string::npos);
}

} // namespace
} // namespace kakanai::printer::test
