// Printing from the staff console never blocks its thread: the job (a stand-in render, then the
// printer library's RecordingSink, slowed down) runs on the print thread while the console keeps
// working, and an approved record becomes printed only after the sink accepted the job.
#include "print_fixture.hpp"

#include <atomic>

namespace {

using namespace kakanai;
using namespace kakanai::staff;
using namespace kakanai::testsupport;
using namespace std::chrono_literals;

TEST_F(StaffPrintTest, PrintingRunsOffTheCallersThreadAndMarksPrintedOnlyOnceAccepted)
{
    submit(1);
    submit(2);
    sink.setDelay(600ms);
    StaffConsole desk = console(printOptions());
    std::atomic<int> wakes { 0 };
    desk.setPrintWake([&] { ++wakes; });
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(desk.open(uuid(1)));

    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(desk.print(false));
    EXPECT_LT(std::chrono::steady_clock::now() - started, 200ms) << "print() waited for the job";
    EXPECT_TRUE(desk.printing());
    EXPECT_EQ(desk.print(true).error().id, "print-busy");
    // The console goes on working while the printer is busy: approve, list, open the next one.
    ASSERT_TRUE(desk.decide(queue::Decision::Approve));
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Approved);
    EXPECT_FALSE(desk.finishPrint() && !desk.printing());
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Approved) << "printed too early";
    ASSERT_TRUE(desk.open(uuid(2)));
    EXPECT_TRUE(desk.printing());
    const auto running = desk.printStatus();
    ASSERT_TRUE(running);
    EXPECT_EQ(running->state, PrintStatus::State::Running);
    EXPECT_EQ(running->stage, PrintStage::Sending);
    EXPECT_EQ(running->ticket, "A-001");

    const auto done = waitForPrint(desk);
    ASSERT_TRUE(done);
    EXPECT_EQ(done->state, PrintStatus::State::Done);
    EXPECT_TRUE(done->markedPrinted);
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Printed);
    ASSERT_EQ(sink.jobs().size(), 1u);
    EXPECT_EQ(sink.jobs()[0].options.title, "kakanai A-001-form");
    EXPECT_GE(wakes.load(), 1);
    auto audit = store->verifyAudit();
    ASSERT_TRUE(audit.ok());
    EXPECT_TRUE(audit->ok);
    // The open record was not touched by A-001's job.
    EXPECT_EQ(desk.record()->info.status, queue::Status::Claimed);
}

TEST_F(StaffPrintTest, AFailedJobLeavesTheRecordApprovedAndSaysSo)
{
    submit(1);
    sink.setDelay(100ms);
    sink.failWith(printer::PrintError { printer::PrintErrorKind::PrinterStopped, "desk", 7, "" });
    StaffConsole desk = console(printOptions());
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(desk.open(uuid(1)));
    ASSERT_TRUE(desk.print(false));
    ASSERT_TRUE(desk.decide(queue::Decision::Approve));
    const auto failed = waitForPrint(desk);
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->state, PrintStatus::State::Failed);
    EXPECT_EQ(failed->error.id, "print-failed");
    EXPECT_FALSE(failed->markedPrinted);
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Approved);
}

TEST_F(StaffPrintTest, ATicketOrAFormCorrectedMeanwhileDoesNotMarkTheRecordPrinted)
{
    submit(1);
    submit(2);
    StaffConsole desk = console(printOptions());
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(desk.open(uuid(1)));
    ASSERT_TRUE(desk.print(true)); // the ticket only
    ASSERT_TRUE(desk.decide(queue::Decision::Approve));
    auto done = waitForPrint(desk);
    ASSERT_TRUE(done && done->state == PrintStatus::State::Done);
    EXPECT_FALSE(done->markedPrinted);
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Approved);

    sink.setDelay(300ms);
    ASSERT_TRUE(desk.open(uuid(2)));
    ASSERT_TRUE(desk.print(false));
    ASSERT_TRUE(desk.correct("copies", "2", "本人に確認")); // the paper is now out of date
    ASSERT_TRUE(desk.decide(queue::Decision::Approve));
    done = waitForPrint(desk);
    ASSERT_TRUE(done && done->state == PrintStatus::State::Done);
    EXPECT_FALSE(done->markedPrinted);
    EXPECT_EQ(store->get(uuid(2))->status, queue::Status::Approved);
}

TEST_F(StaffPrintTest, WithoutAPrinterPrintingFails)
{
    submit(1);
    StaffConsole desk = console();
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(desk.open(uuid(1)));
    EXPECT_EQ(desk.print(false).error().id, "print-failed");
    EXPECT_FALSE(desk.printStatus());
}

} // namespace
