// The supervisor's export to a folder: a new 0600 file holding the records decided since a day,
// which the queue then has as exported; a reviewer may not; nothing to export leaves no file; a
// missing folder or a bad day is refused before anything is marked exported.
#include "console_fixture.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace {

using namespace kakanai;
using namespace kakanai::staff;
using namespace kakanai::testsupport;

class StaffExportTest : public StaffConsoleTest
{
protected:
    void SetUp() override
    {
        StaffConsoleTest::SetUp();
        std::string pattern = (fs::temp_directory_path() / "kakanai-export-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        folder = pattern;
    }
    void TearDown() override
    {
        fs::remove_all(folder);
        StaffConsoleTest::TearDown();
    }

    /** Approves records 1..n as tanaka. */
    void approve(int n)
    {
        StaffConsole reviewer = console();
        ASSERT_TRUE(reviewer.login("tanaka", secure("tanaka-pass")));
        for (int i = 1; i <= n; ++i) {
            ASSERT_TRUE(reviewer.open(uuid(i)));
            ASSERT_TRUE(reviewer.decide(queue::Decision::Approve));
        }
    }

    std::vector<fs::path> files() const
    {
        std::vector<fs::path> found;
        for (const auto& entry : fs::directory_iterator(folder)) {
            found.push_back(entry.path());
        }
        return found;
    }

    fs::path folder;
};

TEST_F(StaffExportTest, ASupervisorExportsApprovedRecordsIntoANewPrivateFile)
{
    submit(1);
    submit(2);
    submit(3); // stays waiting: not exported
    approve(2);
    StaffConsole supervisor = console();
    ASSERT_TRUE(supervisor.login("suzuki", secure("suzuki-pass")));
    EXPECT_TRUE(supervisor.canExport());
    // TestClock starts at 2025-11-29T00:00Z, 09:00 in Japan.
    auto written = supervisor.exportToFolder(folder, "2025-11-29", queue::ExportFormat::Jsonl);
    ASSERT_TRUE(written.ok()) << written.error().id;
    EXPECT_EQ(written->count, 2u);
    EXPECT_EQ(written->file, folder / "kakanai-export-20251129-090000.jsonl");
    EXPECT_EQ(files(), std::vector<fs::path> { written->file }) << "a temporary file was left";
    struct stat info
    {
    };
    ASSERT_EQ(::stat(written->file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    std::ifstream in(written->file);
    std::stringstream read;
    read << in.rdbuf();
    const std::string text = read.str();
    EXPECT_NE(text.find(uuid(1)), std::string::npos);
    EXPECT_NE(text.find(uuid(2)), std::string::npos);
    EXPECT_EQ(text.find(uuid(3)), std::string::npos);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << "one line per record";
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Exported);
    EXPECT_EQ(store->get(uuid(3))->status, queue::Status::Submitted);

    // The same second again: a second file beside the first, never over it.
    auto again = supervisor.exportToFolder(folder, "2025-11-29", queue::ExportFormat::Csv);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->count, 2u);
    EXPECT_EQ(again->file, folder / "kakanai-export-20251129-090000.csv");
    auto third = supervisor.exportToFolder(folder, "2025-11-29", queue::ExportFormat::Csv);
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(third->file, folder / "kakanai-export-20251129-090000-2.csv");
}

TEST_F(StaffExportTest, NothingDecidedSinceTheDayLeavesNoFile)
{
    submit(1);
    approve(1);
    StaffConsole supervisor = console();
    ASSERT_TRUE(supervisor.login("suzuki", secure("suzuki-pass")));
    auto written = supervisor.exportToFolder(folder, "2025-11-30", queue::ExportFormat::Csv);
    ASSERT_TRUE(written.ok());
    EXPECT_EQ(written->count, 0u);
    EXPECT_TRUE(written->file.empty());
    EXPECT_TRUE(files().empty());
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Approved);
}

TEST_F(StaffExportTest, RefusedForAReviewerABadDayOrAMissingFolder)
{
    submit(1);
    approve(1);
    StaffConsole reviewer = console();
    ASSERT_TRUE(reviewer.login("tanaka", secure("tanaka-pass")));
    EXPECT_FALSE(reviewer.canExport());
    EXPECT_EQ(reviewer.exportToFolder(folder, "2025-11-29", queue::ExportFormat::Jsonl).error().id,
        "forbidden");
    StaffConsole supervisor = console();
    ASSERT_TRUE(supervisor.login("suzuki", secure("suzuki-pass")));
    EXPECT_EQ(supervisor.exportToFolder(folder, "R7.11.29", queue::ExportFormat::Jsonl).error().id,
        "bad-day");
    EXPECT_EQ(
        supervisor.exportToFolder(folder / "missing", "2025-11-29", queue::ExportFormat::Jsonl)
            .error()
            .id,
        "export-folder");
    supervisor.lock();
    EXPECT_FALSE(supervisor.canExport());
    EXPECT_TRUE(files().empty());
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Approved);
}

} // namespace
