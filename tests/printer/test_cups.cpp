// Printing through a real, private cupsd (CupsSandbox): a file: queue with the Generic PDF PPD,
// and the test backend for aborted jobs, paper out and stopped queues.
#include "cups_sandbox.hpp"
#include "kakanai/printer/cups_sink.hpp"
#include "kakanai/printer/print_worker.hpp"
#include "printer_fixture.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace kakanai::printer::test {
namespace {

using namespace std::chrono_literals;

class CupsTest : public testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        auto started = CupsSandbox::start();
        ASSERT_TRUE(started.ok()) << (started.ok() ? "" : started.error());
        s_cups = std::move(started.value());
        auto document = renderer().renderForm(
            shippedTemplate("juminhyo"), sampleForm("juminhyo"), printInfo());
        ASSERT_TRUE(document.ok());
        s_pdf = document->bytes;
    }
    static void TearDownTestSuite() { s_cups.reset(); }

    void SetUp() override { ASSERT_NE(s_cups, nullptr); }

    void addQueue(const std::string& name, const std::string& uri = "",
        const std::vector<std::string>& extra = {})
    {
        auto added = s_cups->addQueue(name, uri, extra);
        ASSERT_TRUE(added.ok()) << added.error();
    }

    Result<JobOutcome, PrintError> print(
        const std::string& queue, std::chrono::milliseconds timeout = 20s)
    {
        CupsSink sink({ .printer = queue, .server = s_cups->server() });
        return sink.print(s_pdf, { .title = "juminhyo", .timeout = timeout, .media = "A4" });
    }

    static std::unique_ptr<CupsSandbox> s_cups;
    static std::string s_pdf;
};

std::unique_ptr<CupsSandbox> CupsTest::s_cups;
std::string CupsTest::s_pdf;

TEST_F(CupsTest, PrintsAFormOnAFileQueue)
{
    addQueue("counter");
    auto outcome = print("counter");
    ASSERT_TRUE(outcome.ok()) << describe(outcome.error());
    EXPECT_EQ(outcome->printer, "counter");
    EXPECT_GT(outcome->jobId, 0);
    const fs::path out = s_cups->outputOf("counter");
    ASSERT_TRUE(fs::exists(out));
    EXPECT_NE(pdfInfo(out, "Page size").find("(A4)"), std::string::npos);
    EXPECT_NE(squeeze(pdfText(out)).find("試験花子"), std::string::npos);
}

TEST_F(CupsTest, ListsQueuesAndTheirState)
{
    addQueue("counter");
    addQueue("ticket");
    ASSERT_TRUE(s_cups->admin("cupsdisable", { "ticket" }).ok());
    auto printers = listPrinters(s_cups->server());
    ASSERT_TRUE(printers.ok()) << describe(printers.error());
    ASSERT_EQ(printers->size(), 2u);
    EXPECT_EQ((*printers)[0].name, "counter");
    EXPECT_EQ((*printers)[0].state, PrinterState::Idle);
    EXPECT_TRUE((*printers)[0].acceptingJobs);
    EXPECT_EQ((*printers)[1].name, "ticket");
    EXPECT_EQ((*printers)[1].state, PrinterState::Stopped);
    EXPECT_NE((*printers)[0].deviceUri.find("file:"), std::string::npos);
}

TEST_F(CupsTest, StoppedPrinterIsATypedErrorAndNothingIsQueued)
{
    addQueue("stopped");
    ASSERT_TRUE(s_cups->admin("cupsdisable", { "stopped" }).ok());
    auto outcome = print("stopped");
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, PrintErrorKind::PrinterStopped) << describe(outcome.error());
    EXPECT_EQ(outcome.error().jobId, 0);
    ASSERT_TRUE(s_cups->admin("cupsenable", { "stopped" }).ok());
    std::this_thread::sleep_for(300ms);
    EXPECT_FALSE(fs::exists(s_cups->outputOf("stopped"))); // no stale job printed later
}

TEST_F(CupsTest, MissingQueueIsATypedError)
{
    addQueue("counter");
    auto outcome = print("no-such-queue");
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, PrintErrorKind::QueueMissing) << describe(outcome.error());
    EXPECT_EQ(print("bad/name").error().kind, PrintErrorKind::QueueMissing);
}

TEST_F(CupsTest, RejectingQueueIsATypedError)
{
    addQueue("rejecting");
    ASSERT_TRUE(s_cups->admin("cupsreject", { "rejecting" }).ok());
    auto outcome = print("rejecting");
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, PrintErrorKind::NotAccepting) << describe(outcome.error());
}

TEST_F(CupsTest, AbortedJobIsATypedError)
{
    addQueue("aborting", "kakanai-test:/abort", { "-o", "printer-error-policy=abort-job" });
    auto outcome = print("aborting");
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, PrintErrorKind::JobAborted) << describe(outcome.error());
    EXPECT_GT(outcome.error().jobId, 0);
}

TEST_F(CupsTest, PaperOutIsMediaNeeded)
{
    addQueue("no-paper", "kakanai-test:/paper-out");
    auto outcome = print("no-paper");
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, PrintErrorKind::MediaNeeded) << describe(outcome.error());
}

TEST_F(CupsTest, QueueStoppedByTheBackendDuringTheJob)
{
    addQueue("stops", "kakanai-test:/stop");
    auto outcome = print("stops");
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, PrintErrorKind::PrinterStopped) << describe(outcome.error());
    EXPECT_GT(outcome.error().jobId, 0);
}

TEST_F(CupsTest, HeldJobIsATypedError)
{
    addQueue("holding", "", { "-o", "job-hold-until-default=indefinite" });
    auto outcome = print("holding");
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, PrintErrorKind::JobHeld) << describe(outcome.error());
}

TEST_F(CupsTest, UnreachableServer)
{
    CupsSink sink({ .printer = "counter", .server = (s_cups->directory() / "none.sock").string() });
    auto outcome = sink.print(s_pdf, {});
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().kind, PrintErrorKind::ServerUnavailable);
}

TEST_F(CupsTest, WorkerPrintsWithoutBlockingTheCaller)
{
    addQueue("counter");
    CupsSink sink({ .printer = "counter", .server = s_cups->server() });
    PrintWorker worker(sink);
    const auto start = std::chrono::steady_clock::now();
    auto future = worker.submit({ s_pdf, { .title = "worker" } });
    EXPECT_LT(std::chrono::steady_clock::now() - start, 50ms);
    auto outcome = PrintWorker::waitFor(future, 30s);
    ASSERT_TRUE(outcome.ok()) << describe(outcome.error());
    EXPECT_TRUE(fs::exists(s_cups->outputOf("counter")));
}

TEST_F(CupsTest, CliPrintsListsAndReportsErrors)
{
    addQueue("counter");
    addQueue("paused");
    ASSERT_TRUE(s_cups->admin("cupsdisable", { "paused" }).ok());
    const std::string data = (SOURCE_DIR / "tests/printer/data/juminhyo.json").string();
    auto listed = runProgram(KAKANAI_PRINT_CLI, { "printers", "--server", s_cups->server() });
    EXPECT_EQ(listed.exitCode, 0) << listed.err;
    EXPECT_NE(listed.out.find("counter\tidle\taccepting"), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("paused\tstopped"), std::string::npos) << listed.out;
    auto printed = runProgram(KAKANAI_PRINT_CLI,
        { "form", "--data", data, "--ticket", "A-1", "--printer", "counter", "--server",
            s_cups->server() });
    EXPECT_EQ(printed.exitCode, 0) << printed.err;
    EXPECT_NE(printed.out.find("printed on counter"), std::string::npos);
    auto stopped = runProgram(KAKANAI_PRINT_CLI,
        { "ticket", "--data", data, "--ticket", "A-1", "--printer", "paused", "--server",
            s_cups->server() });
    EXPECT_EQ(stopped.exitCode, 5);
    EXPECT_EQ(stopped.err.rfind("kakanai-print: print.printer-stopped", 0), 0u) << stopped.err;
    auto missing = runProgram(KAKANAI_PRINT_CLI,
        { "form", "--data", data, "--printer", "gone", "--server", s_cups->server() });
    EXPECT_EQ(missing.exitCode, 5);
    EXPECT_NE(missing.err.find("print.queue-missing"), std::string::npos) << missing.err;
}

} // namespace
} // namespace kakanai::printer::test
