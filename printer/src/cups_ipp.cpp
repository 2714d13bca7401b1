// IPP over libcups: Get-Printer-Attributes, Get-Job-Attributes, CUPS-Get-Printers.
#include "cups_ipp.hpp"

#include <algorithm>
#include <cstdlib>

namespace kakanai::printer::detail {
namespace {

struct IppDelete
{
    void operator()(ipp_t* ipp) const { ippDelete(ipp); }
};
using IppPtr = std::unique_ptr<ipp_t, IppDelete>;

const char* const PRINTER_ATTRIBUTES[] = {
    "printer-name",
    "printer-state",
    "printer-state-reasons",
    "printer-is-accepting-jobs",
    "printer-state-message",
    "printer-info",
    "device-uri",
};

std::string stringOf(ipp_attribute_t* attribute)
{
    const char* text = ippGetString(attribute, 0, nullptr);
    return text ? text : "";
}

void readPrinterAttribute(ipp_attribute_t* attribute, PrinterInfo& info)
{
    const std::string name = ippGetName(attribute);
    if (name == "printer-name") {
        info.name = stringOf(attribute);
    } else if (name == "printer-state") {
        const int state = ippGetInteger(attribute, 0);
        info.state = state == IPP_PSTATE_STOPPED ? PrinterState::Stopped
            : state == IPP_PSTATE_PROCESSING     ? PrinterState::Processing
                                                 : PrinterState::Idle;
    } else if (name == "printer-state-reasons") {
        for (int i = 0; i < ippGetCount(attribute); ++i) {
            const char* reason = ippGetString(attribute, i, nullptr);
            if (reason && std::string_view(reason) != "none") {
                info.reasons.emplace_back(reason);
            }
        }
    } else if (name == "printer-is-accepting-jobs") {
        info.acceptingJobs = ippGetBoolean(attribute, 0) != 0;
    } else if (name == "printer-state-message") {
        info.message = stringOf(attribute);
    } else if (name == "printer-info") {
        info.info = stringOf(attribute);
    } else if (name == "device-uri") {
        info.deviceUri = stringOf(attribute);
    }
}

} // namespace

Result<HttpPtr, PrintError> connectCups(
    const std::string& server, std::chrono::milliseconds timeout)
{
    std::string host = server.empty() ? cupsServer() : server;
    int port = ippPort();
    if (host.front() != '/') {
        if (auto colon = host.rfind(':');
            colon != std::string::npos && host.find(']') == host.npos) {
            port = std::atoi(host.c_str() + colon + 1);
            host.resize(colon);
        }
    }
    HttpPtr http(httpConnect2(host.c_str(), port, nullptr, AF_UNSPEC, cupsEncryption(), 1,
        static_cast<int>(timeout.count()), nullptr));
    if (!http) {
        return fail(PrintError { PrintErrorKind::ServerUnavailable, "", 0,
            "cannot connect to the CUPS server at " + host });
    }
    return http;
}

std::string printerUri(const std::string& printer)
{
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof uri, "ipp", nullptr, "localhost", 0,
        "/printers/%s", printer.c_str());
    return uri;
}

PrintError lastCupsError(const std::string& printer, int jobId, PrintErrorKind otherwise)
{
    const ipp_status_t status = cupsLastError();
    PrintErrorKind kind = otherwise;
    if (status == IPP_STATUS_ERROR_NOT_FOUND) {
        kind = PrintErrorKind::QueueMissing;
    } else if (status == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS) {
        kind = PrintErrorKind::NotAccepting;
    } else if (status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE
        || status == IPP_STATUS_ERROR_INTERNAL) {
        kind = PrintErrorKind::ServerUnavailable;
    }
    const char* message = cupsLastErrorString();
    return PrintError { kind, printer, jobId,
        std::string(ippErrorString(status)) + (message ? std::string(": ") + message : "") };
}

Result<PrinterInfo, PrintError> queueInfo(http_t* http, const std::string& printer)
{
    ipp_t* request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    const std::string uri = printerUri(printer);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri.c_str());
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
        static_cast<int>(std::size(PRINTER_ATTRIBUTES)), nullptr, PRINTER_ATTRIBUTES);
    IppPtr response(cupsDoRequest(http, request, "/"));
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        return fail(lastCupsError(printer, 0, PrintErrorKind::ServerUnavailable));
    }
    PrinterInfo info;
    info.name = printer;
    for (ipp_attribute_t* attribute = ippFirstAttribute(response.get()); attribute;
         attribute = ippNextAttribute(response.get())) {
        if (ippGetName(attribute) && ippGetGroupTag(attribute) == IPP_TAG_PRINTER) {
            readPrinterAttribute(attribute, info);
        }
    }
    return info;
}

Result<JobStatus, PrintError> jobStatus(http_t* http, const std::string& printer, int jobId)
{
    ipp_t* request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    const std::string uri = printerUri(printer);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri.c_str());
    ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", jobId);
    static const char* const attributes[]
        = { "job-state", "job-state-reasons", "job-printer-state-message", "job-state-message" };
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
        static_cast<int>(std::size(attributes)), nullptr, attributes);
    IppPtr response(cupsDoRequest(http, request, "/"));
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        return fail(lastCupsError(printer, jobId, PrintErrorKind::ServerUnavailable));
    }
    JobStatus status;
    for (ipp_attribute_t* attribute = ippFirstAttribute(response.get()); attribute;
         attribute = ippNextAttribute(response.get())) {
        const char* name = ippGetName(attribute);
        if (!name) {
            continue;
        }
        const std::string_view key = name;
        if (key == "job-state") {
            status.state = ippGetInteger(attribute, 0);
        } else if (key == "job-state-reasons") {
            for (int i = 0; i < ippGetCount(attribute); ++i) {
                if (const char* reason = ippGetString(attribute, i, nullptr)) {
                    status.reasons.emplace_back(reason);
                }
            }
        } else if ((key == "job-printer-state-message" || key == "job-state-message")
            && status.message.empty()) {
            status.message = stringOf(attribute);
        }
    }
    return status;
}

Result<std::vector<PrinterInfo>, PrintError> allQueues(http_t* http)
{
    ipp_t* request = ippNewRequest(IPP_OP_CUPS_GET_PRINTERS);
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
        static_cast<int>(std::size(PRINTER_ATTRIBUTES)), nullptr, PRINTER_ATTRIBUTES);
    IppPtr response(cupsDoRequest(http, request, "/"));
    std::vector<PrinterInfo> printers;
    if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND) {
        return printers; // no queues at all
    }
    if (!response || cupsLastError() > IPP_STATUS_OK_CONFLICTING) {
        return fail(lastCupsError("", 0, PrintErrorKind::ServerUnavailable));
    }
    PrinterInfo current;
    for (ipp_attribute_t* attribute = ippFirstAttribute(response.get());;
         attribute = ippNextAttribute(response.get())) {
        const bool separator
            = !attribute || !ippGetName(attribute) || ippGetGroupTag(attribute) != IPP_TAG_PRINTER;
        if (separator) {
            if (!current.name.empty()) {
                printers.push_back(std::move(current));
            }
            current = PrinterInfo {};
            if (!attribute) {
                break;
            }
            continue;
        }
        readPrinterAttribute(attribute, current);
    }
    std::sort(printers.begin(), printers.end(),
        [](const PrinterInfo& a, const PrinterInfo& b) { return a.name < b.name; });
    return printers;
}

bool isMediaReason(const std::string& reason)
{
    for (std::string_view base : { "media-empty", "media-needed" }) {
        if (reason == base || reason == std::string(base) + "-error") {
            return true;
        }
    }
    return false;
}

} // namespace kakanai::printer::detail
