// kakanai-forms prefill / validate / wareki / seireki, run as a process: output and exit codes.
#include "forms_fixture.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <sys/wait.h>

namespace {

using namespace kakanai::forms::testing;

const std::string DATA = std::string(KAKANAI_SOURCE_DIR) + "/tests/forms/data/";

struct CliRun
{
    int status = -1;
    std::string out;
};

// Runs kakanai-forms with a shell command line (arguments are fixed strings from this file);
// stderr is discarded unless `withStderr`.
CliRun run(const std::string& arguments, bool withStderr = false)
{
    const std::string command = std::string(KAKANAI_FORMS_CLI) + " " + arguments
        + (withStderr ? " 2>&1" : " 2>/dev/null");
    CliRun result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        ADD_FAILURE() << "popen failed";
        return result;
    }
    std::array<char, 4096> buffer {};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        result.out.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string tempFile(const std::string& name, const std::string& content)
{
    const std::string path = ::testing::TempDir() + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

TEST(FormsCli, WarekiAndSeireki)
{
    EXPECT_EQ(run("wareki 2019-05-01").out, "令和元年5月1日\n");
    EXPECT_EQ(run("wareki 1989-01-07").out, "昭和64年1月7日\n");
    EXPECT_EQ(run("wareki R1.5.1").out, "令和元年5月1日\n");
    EXPECT_EQ(run("seireki R7.4.1").out, "2025-04-01\n");
    EXPECT_EQ(run("seireki 平成元年1月8日").out, "1989-01-08\n");
    EXPECT_EQ(run("seireki H12/2/29").out, "2000-02-29\n");
    EXPECT_EQ(run("seireki 大正元年7月30日").out, "1912-07-30\n");
    const CliRun bad = run("seireki H13/2/29", true);
    EXPECT_EQ(bad.status, 3);
    EXPECT_NE(bad.out.find("no such calendar day"), std::string::npos);
    EXPECT_EQ(bad.out.find("H13"), std::string::npos); // the input is not echoed
    EXPECT_EQ(run("wareki").status, 2);
    EXPECT_EQ(run("seireki 平成32年1月1日").status, 3);
}

TEST(FormsCli, PrefillPrintsTheFilledFormAndValidateChecksIt)
{
    const CliRun filled = run("prefill juminhyo --card " + DATA
        + "card_hanako.json --today 2026-11-29 --compact --set phone=0770-53-1111"
          " --set relationship=self --set certificate_kind=juminhyo --set scope=whole_household"
          " --set copies=1 --set purpose=pension --set requester_furigana=シケン　ハナコ");
    ASSERT_EQ(filled.status, 0) << filled.out;
    EXPECT_NE(filled.out.find(R"("requester_name":{"value":"試験　花子","origin":"card"})"),
        std::string::npos)
        << filled.out;
    EXPECT_NE(filled.out.find(R"("copies":{"value":1,"origin":"resident"})"), std::string::npos);
    EXPECT_NE(filled.out.find(R"("request_date":{"value":"2026-11-29","origin":"derived"})"),
        std::string::npos);
    const std::string path = tempFile("filled.json", filled.out);
    const CliRun checked = run("validate " + path, true);
    EXPECT_EQ(checked.status, 0) << checked.out;
}

TEST(FormsCli, ValidateReportsIssuesInTheFormsLanguage)
{
    const CliRun filled = run("prefill kokuho --language en --card " + DATA
        + "card_bad_birth.json --today 2026-11-29 --compact");
    ASSERT_EQ(filled.status, 0);
    const std::string path = tempFile("kokuho.json", filled.out);
    const CliRun text = run("validate " + path);
    EXPECT_EQ(text.status, 1);
    EXPECT_NE(text.out.find("notifier_birth_date: (warning) (card value, for staff) There is no "
                            "such day. [date.not-a-real-date]"),
        std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("phone: Please fill this in. [field.required]"), std::string::npos);
    const CliRun json = run("validate --json --language ja " + path);
    EXPECT_EQ(json.status, 1);
    EXPECT_NE(json.out.find(R"("id": "my_number.malformed")"), std::string::npos) << json.out;
    EXPECT_NE(json.out.find(R"("for_staff": true)"), std::string::npos);
    EXPECT_NE(json.out.find("存在しない日付です。"), std::string::npos);
}

TEST(FormsCli, InputErrorsAreClearAndExit3)
{
    const CliRun unknownForm
        = run("prefill no_such_form --card " + DATA + "card_hanako.json", true);
    EXPECT_EQ(unknownForm.status, 3);
    EXPECT_NE(unknownForm.out.find("no form template with id 'no_such_form'"), std::string::npos);
    const CliRun missingCard = run("prefill juminhyo --card /nonexistent.json", true);
    EXPECT_EQ(missingCard.status, 3);
    const std::string notJson = tempFile("bad.json", "{\"name\":\"試験");
    EXPECT_EQ(run("prefill juminhyo --card " + notJson).status, 3);
    EXPECT_EQ(run("validate " + notJson).status, 3);
    EXPECT_EQ(run("prefill juminhyo").status, 2);
    EXPECT_EQ(run("prefill juminhyo --card x --set nokey").status, 2);
    const CliRun badSet
        = run("prefill juminhyo --card " + DATA + "card_hanako.json --set copies=many");
    EXPECT_EQ(badSet.status, 2);
}

TEST(FormsCli, ATemplateWithProblemsIsRefused)
{
    const std::string dir = ::testing::TempDir() + "broken-config/";
    std::filesystem::create_directories(dir + "forms");
    std::ofstream(dir + "forms/broken.toml")
        << "id = \"broken\"\nversion = 1\n"
           "title = { ja = \"壊れた\" }\n"
           "[[sections]]\nid = \"s\"\ntitle = { ja = \"節\" }\n"
           "[[sections.fields]]\nkey = \"a\"\ntype = \"colour\"\n"
           "label = { ja = \"色\" }\n";
    const CliRun refused
        = run("prefill broken --config " + dir + " --card " + DATA + "card_hanako.json", true);
    EXPECT_EQ(refused.status, 3);
    EXPECT_NE(refused.out.find("template.unknown-field-type"), std::string::npos) << refused.out;
}

} // namespace
