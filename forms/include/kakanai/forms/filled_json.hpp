// The stable, versioned JSON form of a filled form: what the kiosk submits, the queue stores
// (encrypted) and the printer and staff console read back.
//
//   {"format":"kakanai.filled-form","format_version":1,
//    "id":"7d0c…",                       // record id (UUID), absent before submission
//    "template_id":"juminhyo","template_version":1,
//    "language":"ja","kiosk":"kiosk-1",
//    "created_at":"2026-11-29T10:15:00+09:00","updated_at":"2026-11-29T10:17:12+09:00",
//    "values":{"requester_name":{"value":"山田 花子","origin":"card"},
//              "copies":{"value":2,"origin":"resident"},
//              "purpose":{"value":["bank","other"],"origin":"resident"}},
//    "sources":{"card.age":40,"today":"2026-11-29"},
//    "flags":["requester_address"]}        // optional: card values marked "this is wrong"
//
// A value is a string, an integer, true/false or an array of strings (multi-choice); origins are
// card, derived, resident and staff. Keys are written in a fixed order, so equal forms give
// equal text. Readers accept format_version 1 only and ignore unknown top-level keys (a later
// minor addition); `queue` reads just id, template_id, template_version, language and kiosk.
//
// Errors: parseFilledJson never throws; it returns a FilledJsonError with a stable id and an
// English detail that names the key but never repeats a value:
//   json.syntax, json.not-object, json.wrong-format (format is not kakanai.filled-form),
//   json.unsupported-version, json.missing-key, json.wrong-type, json.bad-origin,
//   json.bad-value (null, an object, a float, or an array with a non-string).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/forms/template.hpp"

#include <string>
#include <string_view>

namespace kakanai::forms {

inline constexpr std::string_view FILLED_FORM_FORMAT = "kakanai.filled-form";
inline constexpr int FILLED_FORM_FORMAT_VERSION = 1;

struct FilledJsonError
{
    std::string id;
    std::string detail;
};

/** The JSON text; `indent` < 0 gives one line, otherwise pretty-printed with that indent. */
std::string toJson(const FilledForm& form, int indent = -1);

Result<FilledForm, FilledJsonError> parseFilledJson(std::string_view json);

std::string_view originName(ValueOrigin origin);
std::optional<ValueOrigin> originFromName(std::string_view name);

} // namespace kakanai::forms
