#include "cli.hpp"

#include <cstdio>
#include <cstdlib>

namespace kakanai::cardcli {

const char* usageText()
{
    return "usage:\n"
           "  kakanai-card readers\n"
           "  kakanai-card read [--reader NAME] [--wait SECONDS] [--pin-stdin | "
           "--collation-b-stdin]\n"
           "                    [--json] [--reveal-number] [--allow-last-try] [--trace]\n"
           "  kakanai-card cert --type auth|sign|auth-ca|sign-ca [--pem] [--trust DIR]\n"
           "                    [--password-stdin] [--allow-last-try] [--reader NAME] [--wait "
           "SECONDS]\n"
           "  kakanai-card pin-status [--reader NAME] [--wait SECONDS] [--json]\n"
           "exit codes: 0 ok, 2 usage, 10 wrong PIN, 11 PIN locked or last try refused,\n"
           "  12 card removed or communication failure, 13 not a My Number card or malformed "
           "data,\n"
           "  14 no reader, pcscd not running, or no card within --wait\n";
}

std::optional<std::string> parseOptions(const std::vector<std::string>& args, Options& out)
{
    if (args.empty()) {
        return "missing command";
    }
    out.command = args[0];
    if (out.command != "readers" && out.command != "read" && out.command != "cert"
        && out.command != "pin-status") {
        return "unknown command: " + out.command;
    }
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                return std::nullopt;
            }
            (void)name;
            return args[++i];
        };
        if (arg == "--reader") {
            auto v = value("--reader");
            if (!v) {
                return "--reader needs a name";
            }
            out.reader = *v;
        } else if (arg == "--wait") {
            auto v = value("--wait");
            char* end = nullptr;
            if (!v || (out.waitSeconds = std::strtod(v->c_str(), &end), *end != '\0')
                || out.waitSeconds < 0 || out.waitSeconds > 86400) {
                return "--wait needs a number of seconds (0 to 86400)";
            }
        } else if (arg == "--type") {
            auto v = value("--type");
            if (!v) {
                return "--type needs auth, sign, auth-ca or sign-ca";
            }
            out.certType = *v;
        } else if (arg == "--trust") {
            auto v = value("--trust");
            if (!v) {
                return "--trust needs a folder";
            }
            out.trustDir = *v;
        } else if (arg == "--pin-stdin") {
            out.pinStdin = true;
        } else if (arg == "--collation-b-stdin") {
            out.collationBStdin = true;
        } else if (arg == "--password-stdin") {
            out.passwordStdin = true;
        } else if (arg == "--json") {
            out.json = true;
        } else if (arg == "--reveal-number") {
            out.revealNumber = true;
        } else if (arg == "--allow-last-try") {
            out.allowLastTry = true;
        } else if (arg == "--trace") {
            out.trace = true;
        } else if (arg == "--pem") {
            out.pem = true;
        } else {
            return "unknown option: " + arg;
        }
    }
    if (out.pinStdin && out.collationBStdin) {
        return "--pin-stdin and --collation-b-stdin exclude each other";
    }
    if (out.command == "cert" && out.certType.empty()) {
        return "cert needs --type auth|sign|auth-ca|sign-ca";
    }
    return std::nullopt;
}

} // namespace kakanai::cardcli
