// The Desk (what each widget id does, no window) on an approved record opened again from the
// list: read-only (no correction panel, decisions refused), a failed print shown as the error with
// the record still open and approved, a retry that prints it, and the supervisor's export button
// that closes it and opens the export panel from the day it was decided.
#include "desk.hpp"
#include "staff_fixture.hpp"

#include "kakanai/forms/lint.hpp"
#include "kakanai/queue/clock.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>

namespace {

using namespace kakanai;
using namespace kakanai::staff;
using namespace kakanai::staff::ui;
using namespace kakanai::testsupport;
using namespace std::chrono_literals;

class DeskReopenTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto created = StaffQueue::create();
        ASSERT_TRUE(created.ok()) << created.error();
        queue = std::move(*created);
        ASSERT_TRUE(queue->submit(1).ok());
        SecureString password;
        assignSecure(password, "tanaka-pass");
        auto reviewer = queue->store().login("tanaka", password);
        ASSERT_TRUE(reviewer.ok());
        ASSERT_TRUE(queue->store().claim(*reviewer, StaffQueue::uuid(1)).ok());
        ASSERT_TRUE(queue->store()
                        .decide(*reviewer, StaffQueue::uuid(1), queue::Decision::Approve, {})
                        .ok());
        ConsoleOptions options;
        options.print = [this](const forms::FilledForm&, const queue::RecordInfo&, bool,
                            const std::function<void(PrintStage)>&) -> Result<Ok, std::string> {
            if (printerDown) {
                return fail(std::string("printer stopped"));
            }
            return Ok {};
        };
        const auto templates
            = forms::loadConfig({ std::filesystem::path(KAKANAI_SOURCE_DIR) / "config" }).templates;
        console.emplace(queue->store(), templates, clock(), std::move(options));
        desk.emplace(*console, clock(), false, 540);
    }
    void TearDown() override
    {
        desk.reset();
        console.reset();
    }

    static const queue::Clock& clock() { return queue::SystemClock::instance(); }

    void login(const std::string& user)
    {
        setBufferText(desk->fields().userId, user);
        const std::string password = user + "-pass"; // invented test accounts
        std::memcpy(desk->fields().password.data(), password.data(), password.size());
        desk->click("login.ok"); // zeroes the field
        ASSERT_EQ(desk->screen(), DeskScreen::List) << desk->error();
    }

    /** Clicks action.print and collects the job as the loop does. */
    void print()
    {
        desk->click("action.print");
        const auto until = std::chrono::steady_clock::now() + 10s;
        while (console->printing() && std::chrono::steady_clock::now() < until) {
            desk->onPrintProgress();
            std::this_thread::sleep_for(5ms);
        }
        desk->onPrintProgress();
    }

    std::unique_ptr<StaffQueue> queue;
    std::atomic<bool> printerDown { true };
    std::optional<StaffConsole> console;
    std::optional<Desk> desk;
};

TEST_F(DeskReopenTest, AFailedPrintIsShownAndARetryPrintsTheApprovedRecord)
{
    login("tanaka");
    desk->click("row.A-001");
    ASSERT_EQ(desk->screen(), DeskScreen::Record) << desk->error();
    ASSERT_TRUE(console->record()->readOnly);
    desk->click("field.phone");
    EXPECT_TRUE(desk->editingField().empty()) << "a read-only record opened a correction";
    desk->click("action.approve");
    EXPECT_NE(desk->error().find("閲覧と印刷のみ"), std::string::npos) << desk->error();

    print();
    EXPECT_NE(desk->error().find("印刷できませんでした"), std::string::npos) << desk->error();
    EXPECT_EQ(desk->screen(), DeskScreen::Record);
    EXPECT_EQ(queue->store().get(StaffQueue::uuid(1))->status, queue::Status::Approved);

    printerDown = false;
    print();
    EXPECT_TRUE(desk->error().empty()) << desk->error();
    EXPECT_NE(desk->notice().find("印刷済"), std::string::npos) << desk->notice();
    EXPECT_EQ(queue->store().get(StaffQueue::uuid(1))->status, queue::Status::Printed);
    desk->click("action.close");
    EXPECT_EQ(desk->screen(), DeskScreen::List);
}

TEST_F(DeskReopenTest, TheSupervisorsExportButtonOpensThePanelFromTheDecisionDay)
{
    login("tanaka");
    desk->click("row.A-001");
    desk->click("action.export");
    EXPECT_EQ(desk->screen(), DeskScreen::Record) << "a reviewer may not export";
    EXPECT_FALSE(desk->exporting());
    desk->click("nav.logout");

    login("suzuki");
    desk->click("row.A-001");
    ASSERT_EQ(desk->screen(), DeskScreen::Record) << desk->error();
    EXPECT_TRUE(console->record()->canExport);
    const auto decided = console->record()->info.decidedAtMs;
    ASSERT_TRUE(decided);
    desk->click("action.export");
    EXPECT_EQ(desk->screen(), DeskScreen::List);
    EXPECT_TRUE(desk->exporting());
    EXPECT_EQ(bufferText(desk->fields().exportSince), queue::localDate(*decided, 540));
    EXPECT_EQ(queue->store().get(StaffQueue::uuid(1))->status, queue::Status::Approved);
}

} // namespace
