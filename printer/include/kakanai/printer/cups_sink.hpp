// CupsSink: prints a PDF on a CUPS queue through libcups and follows the job to completion.
//
// print(): connects to the server (CupsOptions::server, else CUPS_SERVER / client.conf), checks
// the queue (missing, stopped, rejecting jobs, out of paper → error without submitting), creates
// the job, sends the PDF, then polls the job and the queue every pollInterval until the job is
// completed, fails, or the timeout passes. On any failure after the job was created the job is
// canceled, so a retry by staff never prints twice.
//
// listPrinters(): every queue with its state, for `kakanai-print printers` and the staff console.
//
// Errors: PrintError (errors.hpp): QueueMissing (also a name with '/' or spaces),
// ServerUnavailable, PrinterStopped (queue stopped before or during the job, or job stopped),
// NotAccepting, MediaNeeded (printer-state-reasons media-empty* / media-needed*), JobHeld,
// JobAborted, JobCanceled, Timeout, SubmitFailed. Nothing throws. Each call opens its own
// connection, so one CupsSink may be used from several threads.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/printer/errors.hpp"
#include "kakanai/printer/print_sink.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace kakanai::printer {

struct CupsOptions
{
    std::string printer; // queue name
    std::string server; // "" = libcups' default (CUPS_SERVER, client.conf); "/path/sock" or host
    std::chrono::milliseconds pollInterval { 100 };
    std::chrono::milliseconds connectTimeout { 5000 };
};

class CupsSink : public PrintSink
{
public:
    explicit CupsSink(CupsOptions options);

    Result<JobOutcome, PrintError> print(
        std::string_view pdf, const PrintOptions& options) override;

    const CupsOptions& options() const { return m_options; }

private:
    CupsOptions m_options;
};

enum class PrinterState
{
    Idle,
    Processing,
    Stopped,
};

struct PrinterInfo
{
    std::string name;
    PrinterState state = PrinterState::Idle;
    bool acceptingJobs = true;
    std::vector<std::string> reasons; // printer-state-reasons other than "none"
    std::string message; // printer-state-message
    std::string info; // printer-info (description)
    std::string deviceUri;
};

/** "idle", "processing", "stopped". */
std::string_view printerStateName(PrinterState state);

/** The queues of a CUPS server (`server` as in CupsOptions), sorted by name. */
Result<std::vector<PrinterInfo>, PrintError> listPrinters(const std::string& server = "",
    std::chrono::milliseconds connectTimeout = std::chrono::seconds(5));

} // namespace kakanai::printer
