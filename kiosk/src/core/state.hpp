// Internal: everything the kiosk machine holds. Personal data lives only in `visit`, `pin`,
// `collation` and `editor.text`; wipe() clears them all (and zeroes the secrets).
#pragma once

#include "kakanai/forms/visit.hpp"
#include "kakanai/kiosk/machine.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kakanai::kiosk {

/** One form the resident asked for, before the card is read. */
struct PlannedForm
{
    const forms::FormTemplate* form = nullptr;
    forms::ValueMap preset;
};

enum class ErrorKind
{
    None,
    NoReader,
    ReaderLost,
    PinLocked,
    LastTry,
    ReadFailed,
    SubmitFailed,
};

/** The field editor (kana keyboard, number pad, era date picker). */
struct EditorState
{
    std::string fieldKey;
    std::string text;
    char era = 'R'; // date picker: M T S H R
    std::string message; // why OK was refused (message id resolved at view time)
};

struct KioskMachine::State
{
    KioskSetup setup;
    const Clock* clock = nullptr;

    Screen screen = Screen::Attract;
    std::string language = "ja";
    std::string noticeId; // ui text id shown once on the next screen
    ErrorKind error = ErrorKind::None;
    bool staffCalled = false;
    double scale = 1.0;
    bool highContrast = false;

    // timers
    std::int64_t lastInputMs = 0;
    std::int64_t screenSinceMs = 0;
    std::optional<std::int64_t> stillThereSinceMs;

    // devices
    bool readerPresent = true;
    bool cardPresent = false;
    std::optional<CardKind> cardKind;
    std::uint64_t attempt = 0; // of the current card query/read; answers must match

    // the plan (before the card)
    std::string lifeEventId;
    forms::ValueMap questionAnswers;
    std::vector<PlannedForm> planned;

    // PIN / 照合番号B
    SecureString pin;
    SecureString collation;
    std::optional<int> triesLeft;

    // the visit (after the card)
    std::string visitId;
    std::optional<forms::Visit> visit;
    std::vector<std::string> recordIds;
    std::size_t formIndex = 0;
    std::set<std::string> flagged; // "form#key" the resident marked "this is wrong"
    bool showIssues = false; // after a refused "next": show every issue of the form
    std::optional<EditorState> editor;
    std::string missingGlyphs;
    bool glyphsReady = false;

    // the result
    std::string ticket;
    int waitMinutes = -1;
    bool printFailed = false;
};

} // namespace kakanai::kiosk
