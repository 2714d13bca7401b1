// Internal: the few IPP requests CupsSink and listPrinters need, over one libcups connection.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/printer/cups_sink.hpp"
#include "kakanai/printer/errors.hpp"

#include <cups/cups.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace kakanai::printer::detail {

struct HttpClose
{
    void operator()(http_t* http) const { httpClose(http); }
};
using HttpPtr = std::unique_ptr<http_t, HttpClose>;

/** Connects to `server` ("" = cupsServer(): CUPS_SERVER or client.conf; "/path" = a Unix
 *  socket; "host" or "host:port"). ServerUnavailable if it cannot. */
Result<HttpPtr, PrintError> connectCups(
    const std::string& server, std::chrono::milliseconds timeout);

/** "ipp://localhost/printers/NAME". */
std::string printerUri(const std::string& printer);

/** Maps libcups' last IPP status (after a failed request) to a PrintError. */
PrintError lastCupsError(const std::string& printer, int jobId, PrintErrorKind otherwise);

/** The queue's state; QueueMissing if there is none of that name. */
Result<PrinterInfo, PrintError> queueInfo(http_t* http, const std::string& printer);

struct JobStatus
{
    int state = 0; // ipp_jstate_t: 3 pending … 9 completed
    std::vector<std::string> reasons;
    std::string message;
};

Result<JobStatus, PrintError> jobStatus(http_t* http, const std::string& printer, int jobId);

/** Every queue of the server. */
Result<std::vector<PrinterInfo>, PrintError> allQueues(http_t* http);

/** True for printer-state-reasons that mean paper out (media-empty / media-needed, not the
 *  -warning or -report forms). */
bool isMediaReason(const std::string& reason);

} // namespace kakanai::printer::detail
