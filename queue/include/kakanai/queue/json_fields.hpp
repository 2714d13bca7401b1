// A minimal JSON reader for the envelope: checks that a text is one well-formed JSON object and
// returns its top-level string and number members (nested values are checked and skipped). The
// queue uses it to refuse payloads that are not JSON objects, the CLI to take a submission's
// metadata ("id", "template_id", ...) from the filled form.
//
// Errors: scanJsonObject returns std::nullopt for anything but one well-formed JSON object
// (bad syntax, invalid escapes, trailing text, nesting deeper than 64).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kakanai::queue {

/** Top-level members: strings unescaped, numbers as written, others absent. */
using JsonFields = std::map<std::string, std::string>;

std::optional<JsonFields> scanJsonObject(std::string_view text);

/** `text` as a JSON string literal with quotes (control characters escaped). */
std::string jsonQuote(std::string_view text);

} // namespace kakanai::queue
