// What the kiosk's state machine asks its shell to do. The machine never touches a device: it
// returns effects, the shell runs them (on worker threads where they block) and feeds the
// results back as events. This keeps the machine pure and testable with a fake clock.
//
// Errors: none; effects are plain data. Results come back as events (events.hpp).
#pragma once

#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/forms/template.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kakanai::kiosk {

/** Ask the card for the PIN's tries left (answer: PinStatus or ReadFailed). */
struct QueryPinStatus
{
    std::uint64_t attempt = 0; // echoed by the answer
};

/** Read the card (answer: ReadSucceeded or ReadFailed). The secret is zeroed after use. */
struct ReadCard
{
    std::uint64_t attempt = 0; // echoed by the answer
    enum class Route
    {
        Pin, // 4-digit 券面事項入力補助 PIN: 4 information + My Number
        CollationB, // 照合番号B typed by staff: 4 information only
    };
    Route route = Route::Pin;
    SecureString secret;
};

/** Make sure the fonts can draw this text before the review shows it (answer: GlyphsReady). */
struct PrepareGlyphs
{
    std::string visitId;
    std::string text;
};

/** One visit's records: every form carries a record id of this visit (answer: Submitted or
 *  SubmitFailed). */
struct SubmitVisit
{
    std::string visitId;
    std::vector<forms::FilledForm> forms;
};

/** Print the forms and the ticket of this visit (answer: Printed or PrintFailed). */
struct PrintVisit
{
    std::string visitId;
    std::string ticket;
    std::vector<forms::FilledForm> forms;
};

/** The kiosk's "staff please come" light. */
struct StaffIndicator
{
    bool on = false;
};

using Effect = std::variant<QueryPinStatus, ReadCard, PrepareGlyphs, SubmitVisit, PrintVisit,
    StaffIndicator>;

} // namespace kakanai::kiosk
