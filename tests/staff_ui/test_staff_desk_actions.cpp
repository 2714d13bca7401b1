// kakanai-staff end to end (private Xvfb, real SQLite queue): the supervisor's export button
// writes the approved records into the folder typed on screen and the queue marks them exported;
// printing from a record (--print-dir) runs while the window goes on with the next steps; an
// approved record opened again from the list is printed and becomes printed.
#include "png_check.hpp"
#include "staff_fixture.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace {

using namespace kakanai;
using namespace kakanai::testsupport;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

SecureString secure(const std::string& text)
{
    SecureString out;
    assignSecure(out, text);
    return out;
}

class StaffDeskActionsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        auto display = XvfbDisplay::start();
        if (display) {
            s_display = std::move(*display);
        } else {
            s_skip = display.error();
        }
    }
    static void TearDownTestSuite() { s_display.reset(); }

    void SetUp() override
    {
        if (!s_display) {
            GTEST_SKIP() << s_skip;
        }
        auto created = StaffQueue::create();
        ASSERT_TRUE(created.ok()) << created.error();
        queue = std::move(*created);
    }

    std::string readFile(const fs::path& file)
    {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    void TearDown() override
    {
        if (const char* keep = std::getenv("KAKANAI_KEEP_SHOTS"); keep && queue) {
            std::error_code ignored;
            fs::copy(queue->dir() / "shots", keep,
                fs::copy_options::overwrite_existing | fs::copy_options::recursive, ignored);
        }
    }

    std::unique_ptr<StaffQueue> queue;
    static inline std::unique_ptr<XvfbDisplay> s_display;
    static inline std::string s_skip;
};

TEST_F(StaffDeskActionsTest, TheSupervisorsExportButtonWritesTheFileIntoTheChosenFolder)
{
    for (int n = 1; n <= 3; ++n) {
        ASSERT_TRUE(queue->submit(n).ok());
    }
    auto reviewer = queue->store().login("tanaka", secure("tanaka-pass"));
    ASSERT_TRUE(reviewer.ok());
    for (int n = 1; n <= 2; ++n) {
        ASSERT_TRUE(queue->store().claim(*reviewer, StaffQueue::uuid(n)).ok());
        ASSERT_TRUE(queue->store()
                        .decide(*reviewer, StaffQueue::uuid(n), queue::Decision::Approve, {})
                        .ok());
    }
    const fs::path folder = queue->dir() / "for-jumin";
    fs::create_directories(folder);
    const std::string script = "wait login\ntap login.user\ntype suzuki\ntap login.password\n"
                               "type suzuki-pass\ntap login.ok\nwait list\ntap nav.export\n"
                               "tap export.dir\ntype "
        + folder.string()
        + "\ntap export.format.csv\nscreenshot export-panel\ntap export.ok\nwait-row A-001 5\n"
          "screenshot exported\n";
    auto staff = queue->startStaff(s_display->display(), "export", script,
        { "--export-dir", queue->dir().string() }); // the panel starts elsewhere
    ASSERT_TRUE(staff.ok()) << staff.error();
    ASSERT_EQ((*staff)->wait(30s), std::optional<int>(0)) << (*staff)->stdoutText();
    const std::string log = (*staff)->stdoutText();
    EXPECT_NE(log.find("exported 2 records to " + folder.string()), std::string::npos) << log;

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder)) {
        files.push_back(entry.path());
    }
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].extension(), ".csv");
    EXPECT_EQ(files[0].filename().string().rfind("kakanai-export-", 0), 0u);
    struct stat info
    {
    };
    ASSERT_EQ(::stat(files[0].c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    const std::string csv = readFile(files[0]);
    EXPECT_NE(csv.find(StaffQueue::uuid(1)), std::string::npos);
    EXPECT_NE(csv.find(StaffQueue::uuid(2)), std::string::npos);
    EXPECT_EQ(csv.find(StaffQueue::uuid(3)), std::string::npos);
    EXPECT_EQ(queue->store().get(StaffQueue::uuid(1))->status, queue::Status::Exported);
    EXPECT_EQ(queue->store().get(StaffQueue::uuid(3))->status, queue::Status::Submitted);
    EXPECT_EQ(log.find("試験"), std::string::npos); // no personal data in the log
    auto png = readPngSummary(queue->dir() / "shots" / "exported.png");
    ASSERT_TRUE(png.ok()) << png.error();
    EXPECT_GT(png->distinctColours, 8);
}

TEST_F(StaffDeskActionsTest, PrintingRunsWhileTheWindowGoesOn)
{
    ASSERT_TRUE(queue->submit(1).ok());
    ASSERT_TRUE(queue->submit(2).ok());
    const fs::path pdfs = queue->dir() / "pdf";
    // The steps after `tap action.print` run while the job renders and writes the PDF.
    const std::string script = "wait login\ntap login.user\ntype tanaka\ntap login.password\n"
                               "type tanaka-pass\ntap login.ok\nwait list\ntap row.A-001\n"
                               "wait record\ntap action.print\ntap action.approve\nwait list\n"
                               "tap row.A-002\nwait record\nwait-file "
        + (pdfs / "A-001-form.pdf").string() + " 15\nsleep 0.2\nscreenshot printed\n";
    auto staff = queue->startStaff(
        s_display->display(), "print", script, { "--print-dir", pdfs.string() });
    ASSERT_TRUE(staff.ok()) << staff.error();
    ASSERT_EQ((*staff)->wait(30s), std::optional<int>(0)) << (*staff)->stdoutText();
    const std::string log = (*staff)->stdoutText();
    const auto started = log.find("printing " + StaffQueue::uuid(1));
    const auto approved = log.find("approved " + StaffQueue::uuid(1));
    const auto printed = log.find("printed " + StaffQueue::uuid(1));
    ASSERT_NE(started, std::string::npos) << log;
    ASSERT_NE(approved, std::string::npos) << log;
    ASSERT_NE(printed, std::string::npos) << log;
    EXPECT_LT(started, approved);
    EXPECT_EQ(readFile(pdfs / "A-001-form.pdf").rfind("%PDF", 0), 0u);
    // Approved while or after the job ran: printed only when the job ended after the approval.
    EXPECT_EQ(queue->store().get(StaffQueue::uuid(1))->status,
        log.find("(now printed)") != std::string::npos ? queue::Status::Printed
                                                       : queue::Status::Approved);
    EXPECT_EQ(log.find("試験"), std::string::npos);
}

TEST_F(StaffDeskActionsTest, AnApprovedRecordOpensAgainAndPrints)
{
    ASSERT_TRUE(queue->submit(1).ok());
    auto reviewer = queue->store().login("tanaka", secure("tanaka-pass"));
    ASSERT_TRUE(reviewer.ok());
    ASSERT_TRUE(queue->store().claim(*reviewer, StaffQueue::uuid(1)).ok());
    ASSERT_TRUE(
        queue->store().decide(*reviewer, StaffQueue::uuid(1), queue::Decision::Approve, {}).ok());
    const fs::path pdfs = queue->dir() / "pdf";
    // Opened read-only (no claim), printed, closed; the printed filter then shows it.
    const std::string script = "wait login\ntap login.user\ntype tanaka\ntap login.password\n"
                               "type tanaka-pass\ntap login.ok\nwait list\ntap row.A-001\n"
                               "wait record\nscreenshot reopened\ntap action.print\nwait-file "
        + (pdfs / "A-001-form.pdf").string()
        + " 15\ntap action.close\nwait list\ntap filter.status.printed\nwait-row A-001 10\n";
    auto staff = queue->startStaff(
        s_display->display(), "reopen", script, { "--print-dir", pdfs.string() });
    ASSERT_TRUE(staff.ok()) << staff.error();
    ASSERT_EQ((*staff)->wait(30s), std::optional<int>(0)) << (*staff)->stdoutText();
    const std::string log = (*staff)->stdoutText();
    EXPECT_NE(
        log.find("opened " + StaffQueue::uuid(1) + " ticket A-001 read-only"), std::string::npos)
        << log;
    EXPECT_NE(log.find("printed " + StaffQueue::uuid(1) + " (now printed)"), std::string::npos)
        << log;
    EXPECT_EQ(readFile(pdfs / "A-001-form.pdf").rfind("%PDF", 0), 0u);
    EXPECT_EQ(queue->store().get(StaffQueue::uuid(1))->status, queue::Status::Printed);
    EXPECT_EQ(log.find("試験"), std::string::npos);
    auto png = readPngSummary(queue->dir() / "shots" / "reopened.png");
    ASSERT_TRUE(png.ok()) << png.error();
    EXPECT_GT(png->distinctColours, 8);
}

} // namespace
