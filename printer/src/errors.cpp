// Stable ids and one-line descriptions of RenderError and PrintError.
#include "kakanai/printer/errors.hpp"

#include <cstdio>

namespace kakanai::printer {

std::string_view errorId(RenderErrorKind kind)
{
    switch (kind) {
    case RenderErrorKind::FontMissing:
        return "render.font-missing";
    case RenderErrorKind::MissingGlyph:
        return "render.missing-glyph";
    case RenderErrorKind::TemplateMismatch:
        return "render.template-mismatch";
    case RenderErrorKind::BackgroundUnreadable:
        return "render.background";
    case RenderErrorKind::Cairo:
        return "render.cairo";
    }
    return "render.unknown";
}

std::string_view errorId(PrintErrorKind kind)
{
    switch (kind) {
    case PrintErrorKind::QueueMissing:
        return "print.queue-missing";
    case PrintErrorKind::ServerUnavailable:
        return "print.server-unavailable";
    case PrintErrorKind::PrinterStopped:
        return "print.printer-stopped";
    case PrintErrorKind::NotAccepting:
        return "print.not-accepting";
    case PrintErrorKind::MediaNeeded:
        return "print.media-needed";
    case PrintErrorKind::JobHeld:
        return "print.job-held";
    case PrintErrorKind::JobAborted:
        return "print.job-aborted";
    case PrintErrorKind::JobCanceled:
        return "print.job-canceled";
    case PrintErrorKind::Timeout:
        return "print.timeout";
    case PrintErrorKind::SubmitFailed:
        return "print.submit-failed";
    case PrintErrorKind::WorkerStopped:
        return "print.worker-stopped";
    }
    return "print.unknown";
}

std::string codepointName(char32_t codepoint)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(codepoint));
    return buffer;
}

std::string describe(const RenderError& error)
{
    std::string text = std::string(errorId(error.kind)) + ": " + error.detail;
    for (const auto& missing : error.missing) {
        text += "\n  " + missing.where + ":";
        for (char32_t codepoint : missing.codepoints) {
            text += " " + codepointName(codepoint);
        }
    }
    return text;
}

std::string describe(const PrintError& error)
{
    std::string text = std::string(errorId(error.kind)) + ": ";
    if (!error.printer.empty()) {
        text += "queue '" + error.printer + "'";
        if (error.jobId > 0) {
            text += " job " + std::to_string(error.jobId);
        }
        text += ": ";
    }
    return text + error.detail;
}

} // namespace kakanai::printer
