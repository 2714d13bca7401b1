// kakanai-forms: tools for the IT staff who write form templates.
//
//   kakanai-forms lint [PATH...]   check templates, kiosk.toml and life-events.toml
//
// Exit codes: 0 clean, 1 problems found (each printed as file:line:column: message [id]),
// 2 usage error. Never prints personal data (templates hold none).
#include "kakanai/forms/lint.hpp"

#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#ifndef KAKANAI_DEFAULT_CONFIG_DIR
#define KAKANAI_DEFAULT_CONFIG_DIR "config"
#endif

namespace {

constexpr std::string_view USAGE = R"(usage: kakanai-forms lint [PATH...]
       kakanai-forms --help

lint   Check form templates (config/forms/*.toml), config/kiosk.toml and
       config/life-events.toml. A PATH is a configuration folder, a folder of
       templates, or a single .toml file; several PATHs are checked together.
       Without PATH: )" KAKANAI_DEFAULT_CONFIG_DIR R"(
       Prints every problem as file:line:column: message [id].

exit codes: 0 no problems, 1 problems found, 2 usage error
)";

int usageError(std::string_view message)
{
    std::cerr << "kakanai-forms: " << message << "\n" << USAGE;
    return 2;
}

int runLint(const std::vector<std::string>& args)
{
    std::vector<std::filesystem::path> paths;
    for (const auto& arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::cout << USAGE;
            return 0;
        }
        if (arg.size() > 1 && arg[0] == '-') {
            return usageError("unknown option '" + arg + "'");
        }
        paths.emplace_back(arg);
    }
    if (paths.empty()) {
        paths.emplace_back(KAKANAI_DEFAULT_CONFIG_DIR);
    }
    const auto diagnostics = kakanai::forms::lint(paths);
    for (const auto& diagnostic : diagnostics) {
        std::cout << diagnostic.format() << "\n";
    }
    if (!diagnostics.empty()) {
        std::cerr << diagnostics.size() << (diagnostics.size() == 1 ? " problem\n" : " problems\n");
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
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
    return usageError("unknown command '" + command + "'");
}
