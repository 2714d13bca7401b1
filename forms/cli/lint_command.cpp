#include "cli.hpp"

#include "kakanai/forms/lint.hpp"

#include <filesystem>
#include <iostream>

namespace kakanai::formscli {

int runLint(const Args& args)
{
    std::vector<std::filesystem::path> paths;
    for (const auto& arg : args) {
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
        return EXIT_PROBLEMS;
    }
    return 0;
}

} // namespace kakanai::formscli
