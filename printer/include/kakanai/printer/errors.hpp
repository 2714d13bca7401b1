// The typed errors of the printer library: RenderError (making the PDF) and PrintError (getting
// it onto paper through CUPS). Both carry a stable id (errorId) for logs, the CLI and the staff
// console, and an English detail that never repeats a form value.
//
// Errors (RenderErrorKind, id):
//   FontMissing          render.font-missing        Noto Sans CJK JP is not installed;
//   MissingGlyph         render.missing-glyph       a character has no glyph in any installed
//                                                   font (only with RendererOptions::strictGlyphs;
//                                                   otherwise it is reported in the document);
//   TemplateMismatch     render.template-mismatch   the filled form is of another template;
//   BackgroundUnreadable render.background          the template's background page cannot be read;
//   Cairo                render.cairo               cairo failed (out of memory, surface error).
// Errors (PrintErrorKind, id):
//   QueueMissing         print.queue-missing        no CUPS queue of that name;
//   ServerUnavailable    print.server-unavailable   cupsd cannot be reached;
//   PrinterStopped       print.printer-stopped      the queue is stopped (cupsdisable, a backend
//                                                   that stopped it) or the job was stopped;
//   NotAccepting         print.not-accepting        the queue rejects jobs (cupsreject);
//   MediaNeeded          print.media-needed         paper out / media needed (media-empty,
//                                                   media-needed printer-state-reasons);
//   JobHeld              print.job-held             the job is held (job-hold-until, auth);
//   JobAborted           print.job-aborted          the job was aborted by the system;
//   JobCanceled          print.job-canceled         the job was canceled by someone else;
//   Timeout              print.timeout              not completed within the timeout;
//   SubmitFailed         print.submit-failed        CUPS refused the job or the transfer failed;
//   WorkerStopped        print.worker-stopped       the PrintWorker was destroyed first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kakanai::printer {

/** One place of a document where characters could not be drawn (no font has them). */
struct MissingGlyph
{
    std::string where; // field key, or "title", "municipality", "ticket", ...
    std::vector<char32_t> codepoints; // each at most once, in order of appearance
};

enum class RenderErrorKind
{
    FontMissing,
    MissingGlyph,
    TemplateMismatch,
    BackgroundUnreadable,
    Cairo,
};

struct RenderError
{
    RenderErrorKind kind = RenderErrorKind::Cairo;
    std::string detail;
    std::vector<MissingGlyph> missing; // MissingGlyph only
};

enum class PrintErrorKind
{
    QueueMissing,
    ServerUnavailable,
    PrinterStopped,
    NotAccepting,
    MediaNeeded,
    JobHeld,
    JobAborted,
    JobCanceled,
    Timeout,
    SubmitFailed,
    WorkerStopped,
};

struct PrintError
{
    PrintErrorKind kind = PrintErrorKind::SubmitFailed;
    std::string printer; // the queue name
    int jobId = 0; // 0 when no job was created
    std::string detail; // English: CUPS's status message, state reasons
};

/** "render.font-missing", ... (see the table above). */
std::string_view errorId(RenderErrorKind kind);
/** "print.printer-stopped", ... (see the table above). */
std::string_view errorId(PrintErrorKind kind);

/** "print.printer-stopped: queue 'counter' is stopped (paused)" — for logs and stderr. */
std::string describe(const RenderError& error);
std::string describe(const PrintError& error);

/** "U+20BB7" for a code point. */
std::string codepointName(char32_t codepoint);

} // namespace kakanai::printer
