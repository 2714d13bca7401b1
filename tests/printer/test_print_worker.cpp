// PrintWorker over RecordingSink: submit never blocks, results arrive through futures, errors
// pass through typed, waitFor times out, a destroyed worker fails its queued jobs.
#include "kakanai/printer/print_worker.hpp"

#include <gtest/gtest.h>

namespace kakanai::printer::test {
namespace {

using namespace std::chrono_literals;

TEST(PrintWorker, SubmitReturnsAtOnceAndPrintsInOrder)
{
    RecordingSink sink("counter");
    sink.setDelay(150ms);
    PrintWorker worker(sink);
    const auto start = std::chrono::steady_clock::now();
    auto first = worker.submit({ "%PDF-1 first", { .title = "one" } });
    auto second = worker.submit({ "%PDF-1 second", { .title = "two" } });
    EXPECT_LT(std::chrono::steady_clock::now() - start, 50ms);
    EXPECT_FALSE(PrintWorker::ready(first));
    EXPECT_EQ(worker.pending(), 2u);
    auto one = PrintWorker::waitFor(first, 5s);
    auto two = PrintWorker::waitFor(second, 5s);
    ASSERT_TRUE(one.ok());
    ASSERT_TRUE(two.ok());
    EXPECT_EQ(one->printer, "counter");
    EXPECT_EQ(two->jobId, 2);
    const auto jobs = sink.jobs();
    ASSERT_EQ(jobs.size(), 2u);
    EXPECT_EQ(jobs[0].options.title, "one");
    EXPECT_EQ(jobs[1].pdf, "%PDF-1 second");
    EXPECT_EQ(worker.pending(), 0u);
}

TEST(PrintWorker, TypedErrorsPassThrough)
{
    RecordingSink sink;
    sink.failWith(PrintError { PrintErrorKind::PrinterStopped, "", 0, "paused" });
    PrintWorker worker(sink);
    auto future = worker.submit({ "%PDF", {} });
    auto result = PrintWorker::waitFor(future, 5s);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, PrintErrorKind::PrinterStopped);
    EXPECT_EQ(result.error().printer, "recording");
    EXPECT_TRUE(sink.jobs().empty());
}

TEST(PrintWorker, WaitForTimesOut)
{
    RecordingSink sink;
    sink.setDelay(400ms);
    PrintWorker worker(sink);
    auto future = worker.submit({ "%PDF", {} });
    auto result = PrintWorker::waitFor(future, 20ms);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, PrintErrorKind::Timeout);
}

TEST(PrintWorker, DestroyedWorkerFailsQueuedJobs)
{
    RecordingSink sink;
    sink.setDelay(200ms);
    std::future<PrintResult> first;
    std::future<PrintResult> queued;
    {
        PrintWorker worker(sink);
        first = worker.submit({ "%PDF one", {} });
        std::this_thread::sleep_for(50ms); // the first job is printing
        queued = worker.submit({ "%PDF two", {} });
    }
    EXPECT_TRUE(first.get().ok());
    auto result = queued.get();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, PrintErrorKind::WorkerStopped);
    EXPECT_EQ(sink.jobs().size(), 1u);
}

} // namespace
} // namespace kakanai::printer::test
