// CupsSink: check the queue, create the job, send the PDF, follow the job (see cups_sink.hpp).
#include "kakanai/printer/cups_sink.hpp"

#include "cups_ipp.hpp"

#include <algorithm>
#include <thread>

namespace kakanai::printer {
namespace {

using Clock = std::chrono::steady_clock;

PrintError error(PrintErrorKind kind, const std::string& printer, int jobId, std::string detail)
{
    return PrintError { kind, printer, jobId, std::move(detail) };
}

std::string joined(const std::vector<std::string>& reasons)
{
    std::string text;
    for (const auto& reason : reasons) {
        text += (text.empty() ? "" : ", ") + reason;
    }
    return text.empty() ? "none" : text;
}

/** An error for the queue's state that stops printing, if any. */
std::optional<PrintError> queueProblem(const PrinterInfo& queue, int jobId)
{
    for (const auto& reason : queue.reasons) {
        if (detail::isMediaReason(reason)) {
            return error(PrintErrorKind::MediaNeeded, queue.name, jobId,
                "paper out (" + joined(queue.reasons) + ")");
        }
    }
    if (queue.state == PrinterState::Stopped) {
        return error(PrintErrorKind::PrinterStopped, queue.name, jobId,
            "the queue is stopped (" + joined(queue.reasons) + ")"
                + (queue.message.empty() ? "" : ": " + queue.message));
    }
    if (!queue.acceptingJobs && jobId == 0) {
        return error(PrintErrorKind::NotAccepting, queue.name, 0, "the queue rejects jobs");
    }
    return std::nullopt;
}

bool validQueueName(const std::string& name)
{
    return !name.empty() && name.size() < 128 && std::none_of(name.begin(), name.end(), [](char c) {
        return c == '/' || c == '#' || c == ' ' || c == '\t' || c < ' ';
    });
}

Result<int, PrintError> submit(
    http_t* http, const std::string& printer, std::string_view pdf, const PrintOptions& options)
{
    cups_option_t* cupsOptions = nullptr;
    int count = 0;
    if (!options.media.empty()) {
        count = cupsAddOption("media", options.media.c_str(), count, &cupsOptions);
    }
    if (options.copies > 1) {
        count
            = cupsAddOption("copies", std::to_string(options.copies).c_str(), count, &cupsOptions);
    }
    const int jobId
        = cupsCreateJob(http, printer.c_str(), options.title.c_str(), count, cupsOptions);
    cupsFreeOptions(count, cupsOptions);
    if (jobId == 0) {
        return fail(detail::lastCupsError(printer, 0, PrintErrorKind::SubmitFailed));
    }
    if (cupsStartDocument(http, printer.c_str(), jobId, "document.pdf", CUPS_FORMAT_PDF, 1)
        != HTTP_STATUS_CONTINUE) {
        return fail(detail::lastCupsError(printer, jobId, PrintErrorKind::SubmitFailed));
    }
    constexpr std::size_t CHUNK = 64 * 1024;
    for (std::size_t offset = 0; offset < pdf.size(); offset += CHUNK) {
        const std::size_t length = std::min(CHUNK, pdf.size() - offset);
        if (cupsWriteRequestData(http, pdf.data() + offset, length) != HTTP_STATUS_CONTINUE) {
            cupsFinishDocument(http, printer.c_str());
            return fail(
                error(PrintErrorKind::SubmitFailed, printer, jobId, "sending the document failed"));
        }
    }
    if (cupsFinishDocument(http, printer.c_str()) > IPP_STATUS_OK_CONFLICTING) {
        return fail(detail::lastCupsError(printer, jobId, PrintErrorKind::SubmitFailed));
    }
    return jobId;
}

/** What a job state means: nullopt while it is still on its way. */
std::optional<PrintError> jobProblem(
    const detail::JobStatus& status, const std::string& printer, int jobId)
{
    const std::string why = status.message.empty() ? joined(status.reasons) : status.message;
    switch (status.state) {
    case IPP_JSTATE_HELD:
        return error(PrintErrorKind::JobHeld, printer, jobId, "the job is held: " + why);
    case IPP_JSTATE_STOPPED:
        return error(PrintErrorKind::PrinterStopped, printer, jobId, "the job stopped: " + why);
    case IPP_JSTATE_CANCELED:
        return error(PrintErrorKind::JobCanceled, printer, jobId, "the job was canceled: " + why);
    case IPP_JSTATE_ABORTED:
        return error(PrintErrorKind::JobAborted, printer, jobId, "the job was aborted: " + why);
    default:
        return std::nullopt;
    }
}

} // namespace

CupsSink::CupsSink(CupsOptions options)
    : m_options(std::move(options))
{
}

Result<JobOutcome, PrintError> CupsSink::print(std::string_view pdf, const PrintOptions& options)
{
    const auto start = Clock::now();
    const std::string& printer = m_options.printer;
    if (!validQueueName(printer)) {
        return fail(error(PrintErrorKind::QueueMissing, printer, 0, "not a queue name"));
    }
    auto http = detail::connectCups(m_options.server, m_options.connectTimeout);
    if (!http) {
        PrintError failure = http.error();
        failure.printer = printer;
        return fail(std::move(failure));
    }
    auto queue = detail::queueInfo(http->get(), printer);
    if (!queue) {
        return queue.failure();
    }
    if (auto problem = queueProblem(*queue, 0)) {
        return fail(std::move(*problem));
    }
    auto jobId = submit(http->get(), printer, pdf, options);
    if (!jobId) {
        if (jobId.error().jobId > 0) {
            cupsCancelJob2(http->get(), printer.c_str(), jobId.error().jobId, 0);
        }
        return jobId.failure();
    }
    // Follow the job; every failure cancels it so that a retry never prints twice.
    auto cancelWith = [&](PrintError failure) -> Result<JobOutcome, PrintError> {
        cupsCancelJob2(http->get(), printer.c_str(), *jobId, 0);
        return fail(std::move(failure));
    };
    for (;;) {
        auto status = detail::jobStatus(http->get(), printer, *jobId);
        if (!status) {
            return cancelWith(status.error());
        }
        if (status->state == IPP_JSTATE_COMPLETED) {
            return JobOutcome { printer, *jobId,
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start) };
        }
        if (auto problem = jobProblem(*status, printer, *jobId)) {
            const bool finished
                = status->state == IPP_JSTATE_CANCELED || status->state == IPP_JSTATE_ABORTED;
            return finished ? Result<JobOutcome, PrintError>(fail(std::move(*problem)))
                            : cancelWith(std::move(*problem));
        }
        auto now = detail::queueInfo(http->get(), printer);
        if (!now) {
            return cancelWith(now.error());
        }
        if (auto problem = queueProblem(*now, *jobId)) {
            return cancelWith(std::move(*problem));
        }
        if (Clock::now() - start >= options.timeout) {
            return cancelWith(error(PrintErrorKind::Timeout, printer, *jobId,
                "not printed within " + std::to_string(options.timeout.count()) + " ms ("
                    + joined(status->reasons) + ")"));
        }
        std::this_thread::sleep_for(m_options.pollInterval);
    }
}

std::string_view printerStateName(PrinterState state)
{
    switch (state) {
    case PrinterState::Idle:
        return "idle";
    case PrinterState::Processing:
        return "processing";
    case PrinterState::Stopped:
        return "stopped";
    }
    return "unknown";
}

Result<std::vector<PrinterInfo>, PrintError> listPrinters(
    const std::string& server, std::chrono::milliseconds connectTimeout)
{
    auto http = detail::connectCups(server, connectTimeout);
    if (!http) {
        return http.failure();
    }
    return detail::allQueues(http->get());
}

} // namespace kakanai::printer
