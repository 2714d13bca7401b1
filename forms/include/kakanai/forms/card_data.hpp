// What the card gave: the input of prefill(). forms does not read cards (cardio does); it takes
// the four basic attributes and, when the PIN route was used, the My Number, as plain data, or
// as the JSON that `kakanai-card read --json` prints:
//
//   {"name":"山田 花子","address":"福井県小浜市大手町6番3号","birth_date":"1985-04-01",
//    "birth_date_raw":"19850401","sex":"female","my_number":"123456789018", ...}
//
// Values are kept exactly as the card gave them, even when they are wrong (an impossible birth
// date, an unknown sex code): validate() flags them for staff instead of fixing them silently.
//
// Errors: parseCardJson returns a CardJsonError (kind + English detail that never repeats the
// input) for text that is not JSON, not an object, or has a field of the wrong JSON type
// ("name": 3). Unknown keys are ignored (the card tool may add some). Never throws.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"

#include <string>
#include <string_view>

namespace kakanai::forms {

struct CardData
{
    SecureString name;
    SecureString address;
    /** "YYYY-MM-DD" when the card's date was valid, else the card's 8 characters verbatim. */
    SecureString birthDate;
    /** "male", "female", "not_applicable", or what the card had ("unknown", a bad code). */
    std::string sex;
    /** 12 digits when read with the PIN and revealed; masked or empty otherwise. */
    SecureString myNumber;

    bool empty() const { return name.empty() && address.empty() && birthDate.empty(); }
};

struct CardJsonError
{
    enum class Kind
    {
        NotJson,
        NotAnObject,
        WrongType,
    };
    Kind kind = Kind::NotJson;
    std::string detail; // English; names the key, never the value
};

Result<CardData, CardJsonError> parseCardJson(std::string_view json);

} // namespace kakanai::forms
