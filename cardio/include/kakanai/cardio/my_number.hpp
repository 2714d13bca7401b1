// The 12-digit My Number (個人番号): check digit (総務省令第八十五号 第五条), masking, and the
// 入力補助AP EF 0001 layout `FF 10 0C` + 12 ASCII digits + `FF FF` (mynumber-card.md §3.1, §3.5).
//
// Errors: parseMyNumberEf returns MalformedData when the TLV is not tag FF10 with 12 digits.
// A wrong check digit is not an error: it is reported in MyNumber::checkDigitOk so the
// resident's other data can still be used and staff can look at the card.
#pragma once

#include "kakanai/base/my_number.hpp"
#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/cardio/errors.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kakanai::cardio {

// The check digit lives in base, shared with forms.
using kakanai::isValidMyNumber;
using kakanai::myNumberCheckDigit;

/** "********1234": all but the last four digits replaced (any input length is safe). */
std::string maskMyNumber(std::string_view number);

struct MyNumber
{
    SecureString digits; ///< 12 ASCII digits
    bool checkDigitOk = false;
    void wipe();
};

Result<MyNumber, CardError> parseMyNumberEf(ByteView file);

} // namespace kakanai::cardio
