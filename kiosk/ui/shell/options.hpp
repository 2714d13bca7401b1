// The command line of kakanai-kiosk:
//   kakanai-kiosk --config DIR [--script FILE] [--screenshot-dir DIR] [--training]
//                 [--size WxH] [--var DIR] [--identity FILE] [--reader NAME] [--keep-open]
//                 [--stats FILE] [--db PATH --key PATH [--counter-group G] [--ticket-prefix P]]
//                 [--printer NAME | --print-dir DIR] [--idle-timeout SECONDS]
//                 [--still-there SECONDS]
// --identity uses an in-process emulated card of that invented resident (default with
// --training: DIR/identities/hanako.toml); otherwise the card is read over PC/SC (--reader
// picks one reader). --keep-open leaves the window open after the script; --stats writes frame
// timings as JSON when the kiosk exits (bench/kiosk). --db/--key submit to the SQLite record
// queue (else records go to VAR/records.jsonl); --printer prints PDFs on that CUPS queue,
// --print-dir writes them into DIR (else a text "printout" in VAR/printer). --training never
// touches the queue: its records stay in VAR/training. --idle-timeout (default 120) is how long
// without a touch before "are you still there?", --still-there (default 30) how long that asks
// before everything is wiped.
//
// Errors: parseOptions returns a usage message naming the bad or missing argument (also --db
// without --key or the reverse, --printer together with --print-dir, and a timeout that is not
// a whole number of seconds from 1 to 3600).
#pragma once

#include "kakanai/base/result.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::kiosk::ui {

struct KioskOptions
{
    std::filesystem::path config;
    std::filesystem::path script;
    std::filesystem::path screenshotDir;
    std::filesystem::path var = "var";
    std::filesystem::path identity;
    std::filesystem::path stats;
    std::filesystem::path database;
    std::filesystem::path keyFile;
    std::string counterGroup = "A";
    /** The kiosk's own ticket prefix (a town hall's kiosks share one server: K1, K2, …). */
    std::string ticketPrefix;
    std::string printer;
    std::filesystem::path printDir;
    std::string reader;
    bool training = false;
    bool keepOpen = false;
    std::optional<int> idleSeconds;
    std::optional<int> stillThereSeconds;
    int width = 1920;
    int height = 1080;
};

Result<KioskOptions, std::string> parseOptions(const std::vector<std::string>& args);

extern const char* const KIOSK_USAGE;

} // namespace kakanai::kiosk::ui
