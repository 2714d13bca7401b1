// kakanai-forms: tools for the IT staff who write form templates, and for scripts.
//
//   kakanai-forms lint [PATH...]
//   kakanai-forms prefill FORM_ID --card CARD.json [--config DIR] [...]
//   kakanai-forms validate FILLED.json [--config DIR] [--language L] [--json]
//   kakanai-forms wareki DATE
//   kakanai-forms seireki TEXT
//
// Exit codes: see cli.hpp. Prints personal data only where the command's purpose is to (the
// filled form of prefill); error messages never repeat a value.
#include "cli.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace kakanai::formscli {

namespace {

constexpr std::string_view USAGE = R"(usage: kakanai-forms COMMAND [ARGS]

  lint [PATH...]       Check form templates (config/forms/*.toml), config/kiosk.toml and
                       config/life-events.toml. A PATH is a configuration folder, a folder of
                       templates, or a single .toml file; several PATHs are checked together.
                       Without PATH: )" KAKANAI_DEFAULT_CONFIG_DIR R"(
                       Prints every problem as file:line:column: message [id].
  prefill FORM_ID --card CARD.json [--config DIR] [--today YYYY-MM-DD] [--language L]
                       [--kiosk ID] [--set KEY=VALUE]... [--compact]
                       Print the form FORM_ID prefilled from the card JSON (the output of
                       kakanai-card read --json; - for standard input) as filled-form JSON.
                       --set gives an answer (yes/no as true/false, integers as digits,
                       multi-choice as a,b,c).
  validate FILLED.json [--config DIR] [--language L] [--json]
                       Check a filled form against its template. Prints each issue as
                       field: message [id] (--json: a JSON array).
  wareki DATE          2025-04-01 → 令和7年4月1日 (also R7.4.1, 20250401 ...)
  seireki TEXT         令和7年4月1日, R7.4.1, H12/2/29 → 2025-04-01

exit codes: 0 success, 1 problems found (lint, validate), 2 usage error, 3 input error
)";

} // namespace

int usageError(std::string_view message)
{
    std::cerr << "kakanai-forms: " << message << "\n" << USAGE;
    return EXIT_USAGE;
}

int inputError(std::string_view message)
{
    std::cerr << "kakanai-forms: " << message << "\n";
    return EXIT_INPUT;
}

bool readInput(const std::string& path, std::string& out)
{
    if (path == "-") {
        out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return !std::cin.bad();
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return false;
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    out = buffer.str();
    return !file.bad();
}

} // namespace kakanai::formscli

int main(int argc, char** argv)
{
    using namespace kakanai::formscli;
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
    if (command == "lint") {
        return runLint(args);
    }
    if (command == "prefill") {
        return runPrefill(args);
    }
    if (command == "validate") {
        return runValidate(args);
    }
    if (command == "wareki") {
        return runWareki(args);
    }
    if (command == "seireki") {
        return runSeireki(args);
    }
    return usageError("unknown command '" + command + "'");
}
