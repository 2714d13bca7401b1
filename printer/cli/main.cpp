// kakanai-print: render filled forms and tickets to PDF, print them on CUPS queues, list queues.
//
//   kakanai-print form --data FILLED.json [--template ID] [--no-background]
//                      [--out FILE.pdf | --printer NAME] ...
//   kakanai-print ticket --data FILLED.json [--data ...] --ticket NUMBER [...]
//   kakanai-print printers [--server SERVER]
//
// Exit codes: see cli.hpp. Never prints form values on stdout or stderr.
#include "cli.hpp"

#include <iostream>

namespace kakanai::printcli {
namespace {

constexpr std::string_view USAGE = R"(usage: kakanai-print COMMAND [ARGS]

  form --data FILLED.json [--template ID] [--no-background]
       (--out FILE.pdf | --printer NAME) [OPTIONS]
                       Render a filled form (kakanai-forms prefill output; - for standard
                       input) as an A4 PDF. --template must match the form's template_id.
                       A template with a [print] background is printed on that PDF (the
                       town's own form) unless --no-background.
  ticket --data FILLED.json [--data FILLED.json]... --ticket NUMBER
                       (--out FILE.pdf | --printer NAME) [--issued-at RFC3339] [OPTIONS]
                       Render the visit's 80 mm ticket listing the forms of every --data.
  printers [--server SERVER]
                       List the CUPS queues: name, state, accepting/rejecting, reasons, device.

options:
  --config DIR         configuration folder (default: )" KAKANAI_DEFAULT_CONFIG_DIR R"()
  --record-id ID       record id for the QR code (default: the form's id)
  --ticket NUMBER      ticket number printed and put in the QR code
  --training           stamp "見本 / SAMPLE — 無効" on every page
  --strict-glyphs      fail (exit 4) when a character has no glyph in any installed font
  --server SERVER      CUPS server (default: CUPS_SERVER or client.conf; /path = Unix socket)
  --timeout SECONDS    wait at most this long for the job to complete (default 60)
  --copies N           number of copies (printing only)

exit codes: 0 success, 2 usage error, 3 input error, 4 render error, 5 print error
)";

} // namespace

int usageError(std::string_view message)
{
    std::cerr << "kakanai-print: " << message << "\n" << USAGE;
    return EXIT_USAGE;
}

int inputError(std::string_view message)
{
    std::cerr << "kakanai-print: " << message << "\n";
    return EXIT_INPUT;
}

} // namespace kakanai::printcli

int main(int argc, char** argv)
{
    using namespace kakanai::printcli;
    Args args(argv + 1, argv + argc);
    if (args.empty()) {
        return usageError("missing command");
    }
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << USAGE;
        return 0;
    }
    if (command == "form") {
        return runForm(args);
    }
    if (command == "ticket") {
        return runTicket(args);
    }
    if (command == "printers") {
        return runPrinters(args);
    }
    return usageError("unknown command '" + command + "'");
}
