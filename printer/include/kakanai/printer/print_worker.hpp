// PrintWorker: printing that never blocks the UI thread. One background thread takes jobs in
// submission order and hands each to a PrintSink; submit() returns at once with a future.
//
//   PrintWorker worker(sink);
//   auto outcome = worker.submit({ std::move(pdf.bytes), { .title = "ticket" } });
//   ... each frame: if (PrintWorker::ready(outcome)) { auto result = outcome.get(); ... }
//
// The timeout of PrintOptions bounds each job inside the sink (CupsSink cancels the job and
// returns Timeout); waitFor() bounds how long a caller waits for a future.
//
// Errors: the future yields the sink's PrintError; jobs still queued when the worker is
// destroyed yield WorkerStopped (the job in progress is finished first); waitFor() gives
// Timeout when the future is not ready in time. Nothing throws.
#pragma once

#include "kakanai/printer/print_sink.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <thread>

namespace kakanai::printer {

using PrintResult = Result<JobOutcome, PrintError>;

struct PrintJob
{
    std::string pdf;
    PrintOptions options;
};

class PrintWorker
{
public:
    /** `sink` must outlive the worker. */
    explicit PrintWorker(PrintSink& sink);
    ~PrintWorker();
    PrintWorker(const PrintWorker&) = delete;
    PrintWorker& operator=(const PrintWorker&) = delete;

    std::future<PrintResult> submit(PrintJob job);

    /** Jobs submitted and not yet finished (including the one printing). */
    std::size_t pending() const;

    /** True if the result is available now (never waits). */
    static bool ready(const std::future<PrintResult>& future);
    /** Waits up to `timeout`; Timeout error if the job has not finished by then. */
    static PrintResult waitFor(std::future<PrintResult>& future, std::chrono::milliseconds timeout);

private:
    struct Entry
    {
        PrintJob job;
        std::promise<PrintResult> promise;
    };

    void run();

    PrintSink& m_sink;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Entry> m_queue;
    std::size_t m_busy = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace kakanai::printer
