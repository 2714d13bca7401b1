// Lint cases: one folder per case under tests/forms/lint/<case>/ (a configuration folder with
// forms/*.toml, optionally kiosk.toml and life-events.toml) and expected.txt, the diagnostics
// `kakanai-forms lint <case>` prints, with paths relative to the case folder.
#include "kakanai/forms/lint.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kakanai::forms::lint;

const fs::path SOURCE_DIR = KAKANAI_SOURCE_DIR;

std::vector<std::string> readLines(const fs::path& path)
{
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

std::vector<std::string> lintRelative(const fs::path& dir)
{
    std::vector<std::string> lines;
    const std::string prefix = dir.string() + "/";
    for (const auto& diagnostic : lint({ dir })) {
        std::string line = diagnostic.format();
        if (line.rfind(prefix, 0) == 0) {
            line.erase(0, prefix.size());
        }
        lines.push_back(line);
    }
    return lines;
}

std::vector<fs::path> lintCases()
{
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(SOURCE_DIR / "tests/forms/lint")) {
        if (entry.is_directory()) {
            cases.push_back(entry.path());
        }
    }
    std::sort(cases.begin(), cases.end());
    return cases;
}

class LintCase : public testing::TestWithParam<fs::path>
{
};

TEST_P(LintCase, ReportsExactlyTheExpectedDiagnostics)
{
    const fs::path dir = GetParam();
    ASSERT_TRUE(fs::exists(dir / "expected.txt")) << dir;
    EXPECT_EQ(lintRelative(dir), readLines(dir / "expected.txt")) << dir.filename();
}

INSTANTIATE_TEST_SUITE_P(Cases, LintCase, testing::ValuesIn(lintCases()),
    [](const testing::TestParamInfo<fs::path>& info) { return info.param.filename().string(); });

TEST(Lint, EveryCaseFolderExists)
{
    // The list of problems, each with its own folder.
    for (const char* name : { "toml_syntax", "unknown_field_type", "duplicate_key",
             "unknown_prefill_source", "when_missing_field", "choice_without_options",
             "missing_language", "unreachable_field", "life_event_missing_form", "clean" }) {
        EXPECT_TRUE(fs::is_directory(SOURCE_DIR / "tests/forms/lint" / name)) << name;
    }
}

TEST(Lint, ShippedConfigurationIsClean)
{
    const auto diagnostics = lint({ SOURCE_DIR / "config" });
    for (const auto& diagnostic : diagnostics) {
        ADD_FAILURE() << diagnostic.format();
    }
    const auto config = kakanai::forms::loadConfig({ SOURCE_DIR / "config" });
    EXPECT_EQ(config.templates.size(), 5u);
    ASSERT_TRUE(config.kiosk);
    ASSERT_TRUE(config.lifeEvents);
    EXPECT_EQ(config.kiosk->municipalityCode, "182044");
}

TEST(Lint, MissingPathIsReportedNotThrown)
{
    const auto diagnostics = lint({ SOURCE_DIR / "tests/forms/lint/no-such-folder" });
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].id, "lint.no-input");
}

TEST(Lint, SingleTemplateFileUsesDefaultLanguages)
{
    const auto diagnostics = lint({ SOURCE_DIR / "config/forms/inkan.toml" });
    EXPECT_TRUE(diagnostics.empty());
}

TEST(Lint, SeveralPathsFormOneConfiguration)
{
    // life-events.toml names forms found in another path.
    const auto diagnostics
        = lint({ SOURCE_DIR / "config/life-events.toml", SOURCE_DIR / "config/forms" });
    for (const auto& diagnostic : diagnostics) {
        ADD_FAILURE() << diagnostic.format();
    }
}

} // namespace
