// kakanai-card: read My Number cards from the command line (see cli.hpp and README.md).
#include "cli.hpp"

#include <iostream>

int main(int argc, char** argv)
{
    using namespace kakanai::cardcli;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
        std::cout << usageText();
        return EXIT_OK;
    }
    Options options;
    if (auto problem = parseOptions(args, options)) {
        std::cerr << "kakanai-card: " << *problem << "\n" << usageText();
        return EXIT_USAGE;
    }
    if (options.command == "readers") {
        return runReaders(options);
    }
    if (options.command == "read") {
        return runRead(options);
    }
    if (options.command == "cert") {
        return runCert(options);
    }
    return runPinStatus(options);
}
