// What reaches the kiosk's state machine: taps and typed text from the screen (or a script),
// the passing of time, and results from the devices (card reader, queue, printer) that the
// shell runs on the machine's behalf (effects.hpp).
//
// Errors: none; events are plain data.
#pragma once

#include "kakanai/forms/card_data.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace kakanai::kiosk {

/** A touch on a widget, by its id (the ids are listed in docs/kiosk-automation.md). */
struct Tap
{
    std::string widget;
};

/** Text typed on a physical keyboard, an IME or by a script, for the open field editor. */
struct TypeText
{
    std::string text;
};

/** Time passed: the machine reads the clock and runs its timeouts. */
struct Tick
{
};

enum class CardKind
{
    MyNumberCard,
    JukiCard, // 住民基本台帳カード: not accepted
    Smartphone, // スマホ用電子証明書: no 券面事項 to read
    Other,
};

struct ReaderChanged
{
    bool present = false;
};

struct CardInserted
{
    CardKind kind = CardKind::MyNumberCard;
};

struct CardRemoved
{
};

// Device answers carry the `attempt` of the effect they answer (effects.hpp): an answer meant
// for an earlier card (removed since) is ignored, never shown to the next resident.

/** Answer to QueryPinStatus: tries left of the 券面事項入力補助 PIN (0 = locked). */
struct PinStatus
{
    std::uint64_t attempt = 0;
    int triesLeft = 0;
};

struct ReadSucceeded
{
    std::uint64_t attempt = 0;
    forms::CardData card;
};

struct ReadFailed
{
    std::uint64_t attempt = 0;
    enum class Kind
    {
        WrongPin, // triesLeft says how many remain
        Locked,
        CardRemoved,
        Failed, // communication or card error: try again or ask staff
    };
    Kind kind = Kind::Failed;
    int triesLeft = 0;
};

/** The fonts now hold every character of the card and the forms (PrepareGlyphs done). */
struct GlyphsReady
{
    std::string visitId;
    std::string missing; // characters no installed font has (reported, shown as such)
};

// Queue and printer answers carry the visit id: an answer for another visit is ignored.

struct Submitted
{
    std::string visitId;
    std::string ticket; // e.g. "A-042"
    int waitMinutes = -1; // estimated wait; -1 unknown
};

struct SubmitFailed
{
    std::string visitId;
    std::string reason; // English, for the log; never personal data
};

struct Printed
{
    std::string visitId;
};

struct PrintFailed
{
    std::string visitId;
    std::string reason; // English, for the log
};

using Event = std::variant<Tap, TypeText, Tick, ReaderChanged, CardInserted, CardRemoved, PinStatus,
    ReadSucceeded, ReadFailed, GlyphsReady, Submitted, SubmitFailed, Printed, PrintFailed>;

/** The event's type name, for logs (never its contents: they may be personal). */
const char* eventName(const Event& event);

} // namespace kakanai::kiosk
