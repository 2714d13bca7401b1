// kakanai-staff end to end under a private Xvfb with a real SQLite queue: a record submitted
// while the console shows the list appears within 1 s; it is opened, corrected with a reason
// and approved, and the queue holds the decision, the correction and their audit entries; two
// consoles claiming at the same moment get different records; every screen is saved as a PNG.
#include "png_check.hpp"
#include "staff_fixture.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <thread>

namespace {

using namespace kakanai;
using namespace kakanai::testsupport;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::int64_t unixMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/** Waits until the child's output contains `text` (or it exits / the timeout passes). */
bool waitForOutput(ChildProcess& child, const std::string& text, std::chrono::seconds timeout)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        if (child.stdoutText().find(text) != std::string::npos) {
            return true;
        }
        if (!child.running()) {
            return child.stdoutText().find(text) != std::string::npos;
        }
        std::this_thread::sleep_for(10ms);
    }
    return false;
}

void expectScreenshot(const fs::path& file)
{
    auto png = readPngSummary(file);
    ASSERT_TRUE(png.ok()) << png.error();
    EXPECT_EQ(png->width, 1600) << file;
    EXPECT_EQ(png->height, 900) << file;
    EXPECT_GT(png->distinctColours, 8) << file << " looks blank";
}

class StaffUiTest : public ::testing::Test
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

    std::unique_ptr<StaffQueue> queue;
    static inline std::unique_ptr<XvfbDisplay> s_display;
    static inline std::string s_skip;
};

constexpr const char* LOGIN_TANAKA = "wait login\n"
                                     "screenshot login\n"
                                     "tap login.user\n"
                                     "type tanaka\n"
                                     "tap login.password\n"
                                     "type tanaka-pass\n"
                                     "tap login.ok\n"
                                     "wait list\n";

TEST_F(StaffUiTest, NewRecordAppearsAndIsCorrectedAndApproved)
{
    auto audit = queue->store().verifyAudit();
    ASSERT_TRUE(audit.ok());
    const std::int64_t entriesBefore = audit->entries;
    const std::string script = std::string(LOGIN_TANAKA)
        + "wait-row A-001 15\n"
          "screenshot list\n"
          "tap row.A-001\n"
          "wait record\n"
          "screenshot record\n"
          "tap field.phone\n"
          "tap correct.value\n"
          "type 0770-53-2222\n"
          "tap correct.reason\n"
          "type 電話番号の誤記（本人に確認）\n"
          "tap correct.ok\n"
          "screenshot corrected\n"
          "tap action.approve\n"
          "wait list\n"
          "tap nav.dashboard\n"
          "wait dashboard\n"
          "screenshot dashboard\n"
          "tap nav.lock\n"
          "wait locked\n"
          "screenshot locked\n"
          "tap unlock.password\n"
          "type tanaka-pass\n"
          "tap unlock.ok\n"
          "wait dashboard\n"
          "tap nav.list\n"
          "wait list\n";
    auto staff = queue->startStaff(s_display->display(), "review", script);
    ASSERT_TRUE(staff.ok()) << staff.error();
    ASSERT_TRUE(waitForOutput(**staff, "screen list", 20s)) << (*staff)->stdoutText();
    std::this_thread::sleep_for(300ms); // the list is idle: no refresh is under way
    const std::int64_t submittedAt = unixMs();
    auto receipt = queue->submit(1);
    ASSERT_TRUE(receipt.ok()) << receipt.error();
    ASSERT_EQ(receipt->ticket, "A-001");
    const auto code = (*staff)->wait(40s);
    const std::string log = (*staff)->stdoutText();
    ASSERT_EQ(code, std::optional<int>(0)) << log;

    std::smatch shown;
    ASSERT_TRUE(std::regex_search(log, shown, std::regex("row A-001 shown at ([0-9]+)"))) << log;
    const std::int64_t latency = std::stoll(shown[1]) - submittedAt;
    EXPECT_LE(latency, 1000) << "the new record took " << latency << " ms to appear";
    std::cout << "[ staff ] new record shown " << latency << " ms after submission\n";

    auto record = queue->store().get(StaffQueue::uuid(1));
    ASSERT_TRUE(record.ok());
    EXPECT_EQ(record->status, queue::Status::Approved);
    EXPECT_EQ(record->decidedBy, "tanaka");
    auto history = queue->store().corrections(queue->supervisor(), StaffQueue::uuid(1));
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].field, "phone");
    EXPECT_EQ(
        std::string((*history)[0].newValue.data(), (*history)[0].newValue.size()), "0770-53-2222");
    EXPECT_EQ(std::string((*history)[0].reason.data(), (*history)[0].reason.size()),
        "電話番号の誤記（本人に確認）");
    audit = queue->store().verifyAudit();
    ASSERT_TRUE(audit.ok());
    EXPECT_TRUE(audit->ok) << audit->problem;
    // Login, unlock, claim, view, correction, decision (at least), each an audit entry.
    EXPECT_GE(audit->entries - entriesBefore, 6);
    for (const char* shot : { "login", "list", "record", "corrected", "dashboard", "locked" }) {
        expectScreenshot(queue->dir() / "shots" / (std::string(shot) + ".png"));
    }
    EXPECT_EQ(log.find("tanaka-pass"), std::string::npos);
    EXPECT_EQ(log.find("試験"), std::string::npos); // no personal data in the log
    if (const char* keep = std::getenv("KAKANAI_KEEP_SHOTS")) {
        fs::copy(queue->dir() / "shots", keep,
            fs::copy_options::overwrite_existing | fs::copy_options::recursive);
    }
}

TEST_F(StaffUiTest, TwoConsolesClaimingTogetherGetDifferentRecords)
{
    for (int n = 1; n <= 3; ++n) {
        ASSERT_TRUE(queue->submit(n).ok());
    }
    const fs::path go = queue->dir() / "go";
    const fs::path done = queue->dir() / "done";
    const auto script = [&](const std::string& user, const std::string& shot) {
        return "wait login\ntap login.user\ntype " + user + "\ntap login.password\ntype " + user
            + "-pass\ntap login.ok\nwait list\nwait-file " + go.string()
            + " 20\ntap list.next\nwait record\nscreenshot " + shot + "\nwait-file " + done.string()
            + " 20\n";
    };
    auto first = queue->startStaff(s_display->display(), "first", script("tanaka", "claim1"));
    auto second = queue->startStaff(s_display->display(), "second", script("suzuki", "claim2"));
    ASSERT_TRUE(first.ok() && second.ok());
    ASSERT_TRUE(waitForOutput(**first, "screen list", 20s)) << (*first)->stdoutText();
    ASSERT_TRUE(waitForOutput(**second, "screen list", 20s)) << (*second)->stdoutText();
    std::ofstream(go) << "go";
    ASSERT_TRUE(waitForOutput(**first, "screen record", 20s)) << (*first)->stdoutText();
    ASSERT_TRUE(waitForOutput(**second, "screen record", 20s)) << (*second)->stdoutText();

    auto claimed = queue->store().list(queue::Status::Claimed);
    ASSERT_TRUE(claimed.ok());
    ASSERT_EQ(claimed->size(), 2u);
    EXPECT_NE((*claimed)[0].id, (*claimed)[1].id);
    EXPECT_NE((*claimed)[0].claimedBy, (*claimed)[1].claimedBy);
    std::ofstream(done) << "done";
    ASSERT_EQ((*first)->wait(20s), std::optional<int>(0)) << (*first)->stdoutText();
    ASSERT_EQ((*second)->wait(20s), std::optional<int>(0)) << (*second)->stdoutText();

    const std::regex opened("opened ([0-9a-f-]+) ticket");
    std::smatch a;
    std::smatch b;
    const std::string logA = (*first)->stdoutText();
    const std::string logB = (*second)->stdoutText();
    ASSERT_TRUE(std::regex_search(logA, a, opened)) << logA;
    ASSERT_TRUE(std::regex_search(logB, b, opened)) << logB;
    EXPECT_NE(a[1].str(), b[1].str());
    // Closing the window released both claims.
    auto waiting = queue->store().list(queue::Status::Submitted);
    ASSERT_TRUE(waiting.ok());
    EXPECT_EQ(waiting->size(), 3u);
    expectScreenshot(queue->dir() / "shots" / "claim1.png");
    expectScreenshot(queue->dir() / "shots" / "claim2.png");
}

TEST_F(StaffUiTest, SupervisorReturnsARecordWithAReason)
{
    ASSERT_TRUE(queue->submit(1).ok());
    const std::string script = "wait login\ntap login.user\ntype suzuki\ntap login.password\n"
                               "type suzuki-pass\nkey enter\nwait list\ntap list.next\n"
                               "wait record\ntap action.return\ntap decide.reason\n"
                               "type 本人確認書類を持って再来庁\ntap decide.ok\nwait list\n"
                               "tap filter.status.returned\nwait-row A-001 5\n"
                               "screenshot returned\n";
    auto staff = queue->startStaff(s_display->display(), "return", script);
    ASSERT_TRUE(staff.ok());
    ASSERT_EQ((*staff)->wait(30s), std::optional<int>(0)) << (*staff)->stdoutText();
    auto record = queue->store().get(StaffQueue::uuid(1));
    ASSERT_TRUE(record.ok());
    EXPECT_EQ(record->status, queue::Status::Returned);
    expectScreenshot(queue->dir() / "shots" / "returned.png");
}

} // namespace
