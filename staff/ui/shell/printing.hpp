// The staff console's printing: ConsoleOptions::print wired to the printer library. A form is
// rendered as an A4 PDF (printer::Renderer::renderForm), a reprinted ticket as an 80 mm receipt
// (renderTicket); the PDF goes to a CUPS queue (--printer NAME, printer::CupsSink) or is written
// to a folder (--print-dir DIR: TICKET-form.pdf / TICKET-ticket.pdf, for desks without a
// printer and for tests). The renderer is created on the first print (fonts load in ~30 ms).
// Printing blocks the caller until CUPS reports the job completed (or failed).
//
// Errors: the returned function fails with an English message (logged, never personal data)
// when the fonts are missing, the form's template is unknown, rendering fails, the file cannot
// be written or CUPS reports a PrintError.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/forms/template.hpp"
#include "kakanai/queue/record.hpp"
#include "kakanai/staff/console.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kakanai::staff::ui {

using PrintFunction = decltype(ConsoleOptions::print);

struct PrintSetup
{
    std::string cupsPrinter; // one of these two
    std::filesystem::path pdfDir;
    std::vector<forms::FormTemplate> templates;
    forms::LocalizedText municipality;
    int utcOffsetMinutes = 540;
};

/** An empty function when neither a printer nor a folder is given. */
PrintFunction makePrintFunction(PrintSetup setup);

} // namespace kakanai::staff::ui
