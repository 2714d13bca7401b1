// kakanai-vcard: a My Number card emulator that plugs into pcscd's virtual reader (vpcd).
// Prints no personal data: only what it connects to and why it stops.
//
// Exit codes: 0 after SIGTERM/SIGINT, after the removal fault fired (the socket is closed =
// the card is pulled out), or when vpcd went away; 1 when vpcd cannot be reached within the
// connect timeout or a fixture is broken; 2 for usage errors.
#include "kakanai/vcard/card.hpp"
#include "kakanai/vcard/vpcd_client.hpp"

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::atomic<bool> g_stop { false };

void onSignal(int)
{
    g_stop.store(true);
}

const char* USAGE
    = "usage: kakanai-vcard --port N --identity FILE [--host H] [--state FILE]\n"
      "         [--personality contact-a|contact-b|contact-c|contactless|pupi-random|\n"
      "                        android-phone|juki-card]\n"
      "         [--latency-ms N] [--remove-after N] [--reset-before N]\n"
      "         [--fault truncated-tlv|bad-check-digit|invalid-utf8|get-response|exact-le]\n"
      "         [--once]\n"
      "Connects to pcscd's vpcd driver at H:N (default host 127.0.0.1) and serves the card\n"
      "until killed. When pcscd closes the connection the card waits for it to come back\n"
      "(as a card left in the reader would); --once exits instead.\n";

bool parseNumber(const std::string& text, long max, long& out)
{
    char* end = nullptr;
    out = std::strtol(text.c_str(), &end, 10);
    return !text.empty() && *end == '\0' && out >= 0 && out <= max;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace kakanai::vcard;
    std::vector<std::string> args(argv + 1, argv + argc);
    VpcdOptions vpcd;
    vpcd.port = -1;
    std::string identityFile, personality;
    std::optional<std::filesystem::path> stateFile;
    Faults faults;
    bool once = false;
    auto usage = [](const std::string& problem) {
        std::cerr << "kakanai-vcard: " << problem << "\n" << USAGE;
        return 2;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << USAGE;
            return 0;
        }
        if (arg == "--once") {
            once = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            return usage(arg.rfind("--", 0) == 0 ? arg + " needs a value (or is unknown)"
                                                 : "unknown argument " + arg);
        }
        const std::string& value = args[++i];
        long number = 0;
        if (arg == "--port") {
            if (!parseNumber(value, 65535, number) || number == 0) {
                return usage("--port needs a TCP port");
            }
            vpcd.port = static_cast<int>(number);
        } else if (arg == "--host") {
            vpcd.host = value;
        } else if (arg == "--identity") {
            identityFile = value;
        } else if (arg == "--state") {
            stateFile = value;
        } else if (arg == "--personality") {
            personality = value;
        } else if (arg == "--latency-ms") {
            if (!parseNumber(value, 60000, number)) {
                return usage("--latency-ms needs 0..60000");
            }
            faults.latency = std::chrono::milliseconds(number);
        } else if (arg == "--remove-after") {
            if (!parseNumber(value, 1000000, number)) {
                return usage("--remove-after needs an APDU count");
            }
            faults.removeAfterApdus = static_cast<std::size_t>(number);
        } else if (arg == "--reset-before") {
            if (!parseNumber(value, 1000000, number)) {
                return usage("--reset-before needs an APDU index");
            }
            faults.resetBeforeApdu = static_cast<std::size_t>(number);
        } else if (arg == "--fault") {
            if (value == "truncated-tlv") {
                faults.truncatedBasicInfo = true;
            } else if (value == "bad-check-digit") {
                faults.badCheckDigit = true;
            } else if (value == "invalid-utf8") {
                faults.invalidUtf8 = true;
            } else if (value == "get-response") {
                faults.useGetResponse = true;
            } else if (value == "exact-le") {
                faults.demandExactLe = true;
            } else {
                return usage("unknown fault " + value);
            }
        } else {
            return usage("unknown option " + arg);
        }
    }
    if (vpcd.port < 0 || identityFile.empty()) {
        return usage("--port and --identity are required");
    }
    auto identity = loadIdentity(identityFile);
    if (!identity) {
        std::cerr << "kakanai-vcard: " << identity.error() << "\n";
        return 2;
    }
    if (!personality.empty() && !parsePersonality(personality, identity->personality)) {
        return usage("unknown personality " + personality);
    }
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    try {
        MyNumberCard card(std::move(*identity), faults, stateFile);
        std::cerr << "kakanai-vcard: card '" << card.identity().id << "' ("
                  << personalityName(card.identity().personality) << ") -> vpcd " << vpcd.host
                  << ":" << vpcd.port << "\n";
        bool connectedBefore = false;
        while (true) {
            auto served = serveVpcd(card, vpcd, g_stop);
            if (!served) {
                if (g_stop.load()) {
                    break; // killed while waiting for pcscd: not an error
                }
                if (connectedBefore) {
                    std::cerr << "kakanai-vcard: vpcd did not come back\n";
                    break;
                }
                std::cerr << "kakanai-vcard: " << served.error() << "\n";
                return 1;
            }
            connectedBefore = true;
            if (card.removed() || g_stop.load() || once) {
                break;
            }
            std::cerr << "kakanai-vcard: vpcd closed the connection; waiting for it again\n";
        }
        std::cerr << "kakanai-vcard: card out ("
                  << (card.removed()         ? "removal fault"
                             : g_stop.load() ? "signal"
                                             : "vpcd closed")
                  << ")\n";
    } catch (const std::exception& error) {
        std::cerr << "kakanai-vcard: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
