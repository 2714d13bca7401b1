// PrintSink: where a rendered PDF goes. CupsSink (cups_sink.hpp) submits it to a CUPS queue and
// follows the job; RecordingSink (here) keeps the jobs in memory and fails on request, for tests
// of the kiosk, the staff console and PrintWorker.
//
// A failed print must leave the record "print pending" (the caller's queue status), so staff can
// retry; the sink cancels its own unfinished job on failure, so a retry never prints twice.
//
// Errors: print() returns a PrintError (errors.hpp): QueueMissing, ServerUnavailable,
// PrinterStopped, NotAccepting, MediaNeeded, JobHeld, JobAborted, JobCanceled, Timeout,
// SubmitFailed. RecordingSink returns whatever failWith() set. Nothing throws.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/printer/errors.hpp"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::printer {

struct PrintOptions
{
    std::string title = "kakanai"; // the job name staff see in the queue (never personal data)
    int copies = 1;
    std::chrono::milliseconds timeout { 60000 }; // from submission to "completed"
    std::string media {}; // CUPS media option: "A4" for forms; "" = the queue's default (tickets)
};

struct JobOutcome
{
    std::string printer;
    int jobId = 0;
    std::chrono::milliseconds elapsed { 0 };
};

class PrintSink
{
public:
    virtual ~PrintSink() = default;
    /** Prints the PDF and waits until the job has completed (or fails). Blocks: run it off the
     *  UI thread (PrintWorker). */
    virtual Result<JobOutcome, PrintError> print(std::string_view pdf, const PrintOptions& options)
        = 0;
};

/** A sink for tests: records every job; fails with a set error; can be slowed down. */
class RecordingSink : public PrintSink
{
public:
    struct Job
    {
        std::string pdf;
        PrintOptions options;
    };

    explicit RecordingSink(std::string printer = "recording");

    Result<JobOutcome, PrintError> print(
        std::string_view pdf, const PrintOptions& options) override;

    /** Every later job fails with this error (nullopt: succeed again). */
    void failWith(std::optional<PrintError> error);
    /** Each print() sleeps this long first (to test timeouts and the UI not blocking). */
    void setDelay(std::chrono::milliseconds delay);
    std::vector<Job> jobs() const;

private:
    mutable std::mutex m_mutex;
    std::string m_printer;
    std::optional<PrintError> m_failure;
    std::chrono::milliseconds m_delay { 0 };
    std::vector<Job> m_jobs;
};

} // namespace kakanai::printer
