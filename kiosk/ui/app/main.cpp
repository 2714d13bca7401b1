// kakanai-kiosk: the resident's touchscreen kiosk (see kiosk/ui/shell/options.hpp for the
// command line and docs/kiosk-automation.md for scripts).
//
// Errors (exit codes): 0 success, 1 the script failed, 2 usage, 3 the configuration, the fonts,
// the identity, the record queue, the printer folder or the window could not be loaded (the
// message names the file or the problem).
#include "card_service.hpp"
#include "kiosk_app.hpp"
#include "options.hpp"
#include "output_services.hpp"
#include "setup.hpp"

#include <chrono>
#include <iostream>

using namespace kakanai::kiosk::ui;

int main(int argc, char** argv)
{
    const auto start = std::chrono::steady_clock::now();
    auto options = parseOptions(std::vector<std::string>(argv + 1, argv + argc));
    if (!options) {
        std::cerr << "kakanai-kiosk: " << options.error() << "\n" << KIOSK_USAGE;
        return 2;
    }
    KioskParts parts;
    auto setup = loadKioskSetup(options->config, options->training);
    if (!setup) {
        std::cerr << "kakanai-kiosk: " << setup.error() << "\n";
        return 3;
    }
    parts.setup = std::move(*setup);
    if (options->idleSeconds) {
        parts.setup.timeouts.idleMs = std::int64_t { *options->idleSeconds } * 1000;
    }
    if (options->stillThereSeconds) {
        parts.setup.timeouts.stillThereMs = std::int64_t { *options->stillThereSeconds } * 1000;
    }
    if (!options->script.empty()) {
        auto script = loadScript(options->script);
        if (!script) {
            std::cerr << "kakanai-kiosk: " << script.error() << "\n";
            return 2;
        }
        parts.script = std::move(*script);
    }
    auto fonts = FontCoverage::load(defaultFontFaces());
    if (!fonts) {
        std::cerr << "kakanai-kiosk: " << fonts.error() << "\n";
        return 3;
    }
    parts.fonts = *fonts;
    if (!options->identity.empty()) {
        auto card = makeEmulatedCardService(options->identity);
        if (!card) {
            std::cerr << "kakanai-kiosk: " << card.error() << "\n";
            return 3;
        }
        parts.card = std::move(*card);
    } else {
        parts.card = makePcscCardService(options->reader);
    }
    auto outputs = makeOutputServices(*options, parts.setup);
    if (!outputs) {
        std::cerr << "kakanai-kiosk: " << outputs.error() << "\n";
        return 3;
    }
    std::cerr << "kakanai-kiosk: " << outputs->description << "\n";
    if (!options->screenshotDir.empty()) {
        std::error_code error;
        std::filesystem::create_directories(options->screenshotDir, error);
    }
    parts.records = std::move(outputs->records);
    parts.printer = std::move(outputs->printer);
    return runKiosk(*options, std::move(parts), start);
}
