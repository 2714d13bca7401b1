// kakanai-staff: the counter staff's review console (see shell/options.hpp for the command line
// and docs/staff-console.md for scripts and widget ids).
//
// Errors (exit codes): 0 success, 1 the script failed, 2 usage or a script that does not parse,
// 3 the queue, the key, the configuration, the fonts or the window could not be loaded.
#include "options.hpp"
#include "printing.hpp"
#include "staff_app.hpp"

#include "kakanai/forms/lint.hpp"
#include "kakanai/queue/master_key.hpp"
#include "kakanai/queue/store.hpp"

#include <iostream>

using namespace kakanai;
using namespace kakanai::staff::ui;

int main(int argc, char** argv)
{
    const auto start = std::chrono::steady_clock::now();
    auto options = parseStaffOptions(std::vector<std::string>(argv + 1, argv + argc));
    if (!options) {
        std::cerr << "kakanai-staff: " << options.error() << "\n" << STAFF_USAGE;
        return 2;
    }
    StaffParts parts;
    if (!options->script.empty()) {
        auto script = loadStaffScript(options->script);
        if (!script) {
            std::cerr << "kakanai-staff: " << script.error() << "\n";
            return 2;
        }
        parts.script = std::move(*script);
    }
    auto key = queue::loadMasterKey(options->key);
    if (!key) {
        std::cerr << "kakanai-staff: " << key.error().message << "\n";
        return 3;
    }
    queue::StoreOptions storeOptions;
    storeOptions.key = std::move(*key);
    auto store = queue::Store::open(options->db, std::move(storeOptions));
    if (!store) {
        std::cerr << "kakanai-staff: " << store.error().message << "\n";
        return 3;
    }
    forms::ConfigSet config = forms::loadConfig({ options->config });
    if (config.templates.empty()) {
        std::cerr << "kakanai-staff: no form templates in " << options->config.string() << "\n";
        return 3;
    }
    auto fonts = kiosk::ui::FontCoverage::load(kiosk::ui::defaultFontFaces());
    if (!fonts) {
        std::cerr << "kakanai-staff: " << fonts.error() << "\n";
        return 3;
    }
    parts.fonts = *fonts;
    if (!options->screenshotDir.empty()) {
        std::error_code ignored;
        std::filesystem::create_directories(options->screenshotDir, ignored);
    }
    if (!options->printDir.empty()) {
        std::error_code error;
        std::filesystem::create_directories(options->printDir, error);
        if (error) {
            std::cerr << "kakanai-staff: cannot create " << options->printDir.string() << "\n";
            return 3;
        }
    }
    staff::ConsoleOptions consoleOptions;
    consoleOptions.lockAfterMs = std::int64_t { options->lockAfterSeconds } * 1000;
    PrintSetup print { options->printer, options->printDir, config.templates,
        config.kiosk ? config.kiosk->municipalityName : forms::LocalizedText {} };
    if (PrintFunction function = makePrintFunction(std::move(print))) {
        parts.printEnabled = true;
        // Runs on the console's print thread: std::cerr is safe to share between threads.
        consoleOptions.print
            = [function](const forms::FilledForm& form, const queue::RecordInfo& info,
                  bool ticketOnly, const std::function<void(staff::PrintStage)>& stage) {
                  auto printed = function(form, info, ticketOnly, stage);
                  if (!printed) {
                      std::cerr << "kakanai-staff: print: " << printed.error() << "\n";
                  }
                  return printed;
              };
    }
    parts.templates = config.templates;
    std::error_code ignoredError;
    const queue::SystemClock& clock = queue::SystemClock::instance();
    staff::StaffConsole console(*store, config.templates, clock, std::move(consoleOptions));
    Desk desk(console, clock, options->sound, 540);
    desk.setExportFolder(options->exportDir.empty() ? std::filesystem::current_path(ignoredError)
                                                    : options->exportDir);
    parts.desk = &desk;
    return runStaffApp(*options, std::move(parts), start);
}
