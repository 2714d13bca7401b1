// The text printed for a field's value, and the QR code's payload.
//
//   date          令和7年4月1日 (display = "era") or 2025年4月1日 ("western"); a value that is not
//                 a supported date (a card's 19800231) is printed exactly as stored;
//   choice        the option's label in `language` (the stored value if no option matches);
//   multi_choice  the labels joined by "、" (", " for languages other than ja / ja-easy);
//   yes_no        はい / いいえ (Yes / No, ...);
//   integer       digits;
//   my_number     the 12 digits only when the field has store = true; otherwise masked to the
//                 last 4 digits ("********9018");
//   other types   the stored string, unchanged (card values are never normalised).
//
// Errors: none; nothing throws. An unanswered value gives "".
#pragma once

#include "kakanai/forms/template.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kakanai::printer {

std::string printedValue(
    const forms::Field& field, const forms::Value& value, std::string_view language = "ja");

/** "********9018": every character but the last 4 replaced by '*'. */
std::string maskMyNumber(std::string_view number);

/** The label of a localized text in `language`, falling back to ja (then any) — "" if empty. */
std::string textIn(const forms::LocalizedText& text, std::string_view language);

/** An RFC 3339 timestamp's date in 和暦 ("令和8年11月29日"); nullopt if it has no valid date. */
std::optional<std::string> warekiOfTimestamp(std::string_view timestamp);

/** "kakanai:record:<recordId>?ticket=<ticketNumber>" (no "?ticket=" part without a ticket). */
std::string qrPayload(std::string_view recordId, std::string_view ticketNumber);

struct QrContent
{
    std::string recordId;
    std::string ticketNumber;
};

/** The inverse of qrPayload (what staff scan back); nullopt for other text. */
std::optional<QrContent> parseQrPayload(std::string_view payload);

} // namespace kakanai::printer
