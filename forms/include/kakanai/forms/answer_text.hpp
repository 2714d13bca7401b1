// An answer typed as text (by staff at the desk, by a script with --set) turned into the value
// of a field: yes/no from "true"/"yes"/"はい", integers from digits (full-width too), a
// multi-choice from "a,b,c", a date in any layout parseDateInput reads to YYYY-MM-DD, katakana
// through furiganaFromInput, phone and postal code normalised; anything else as typed.
//
// Errors: parseAnswer returns nullopt when the text cannot be a value of that type at all
// (yes/no that is neither, an integer with non-digits or out of range). Text that has the right
// type but fails validation (a date that does not exist) is returned as typed, so validate()
// explains what is wrong in the user's language. Never throws.
#pragma once

#include "kakanai/forms/template.hpp"

#include <optional>
#include <string_view>

namespace kakanai::forms {

std::optional<Value> parseAnswer(const Field& field, std::string_view text);

/** The value as editable text (the inverse of parseAnswer for display in an input box). */
std::string answerText(const Value& value);

} // namespace kakanai::forms
