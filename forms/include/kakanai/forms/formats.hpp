// Checks and normalisation for typed numbers on counter forms: 個人番号 (My Number), 郵便番号
// (postal code) and 電話番号 (phone number). Full-width digits (０–９) are accepted everywhere, and
// the hyphen may be typed as - － ‐ – — ― − ー ｰ (IMEs produce all of them).
//
// Errors: the parse functions return a FieldFormatError of kind
//   Empty              nothing but spaces;
//   InvalidCharacter   something other than digits, hyphens and spaces (or ill-formed UTF-8);
//   WrongLength        the wrong number of digits (My Number 12, postal code 7, phone 10 or 11
//                      as the prefix requires);
//   Malformed          hyphens or spaces in the wrong place ("10-00013", "03--1234", "-03…");
//   CheckDigitMismatch the 12th digit of a My Number is not the check digit of the first 11;
//   UnknownPrefix      a phone number that does not start with 0, or starts with 00 or 010
//                      (international and carrier prefixes).
// Nothing throws for bad input. Error details never repeat the input.
#pragma once

#include "kakanai/base/my_number.hpp"
#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kakanai::forms {

struct FieldFormatError
{
    enum class Kind
    {
        Empty,
        InvalidCharacter,
        WrongLength,
        Malformed,
        CheckDigitMismatch,
        UnknownPrefix,
    };
    Kind kind = Kind::Malformed;
    /** English, for logs and staff screens; the kiosk chooses resident text from `kind`. */
    std::string detail;
};

// The check digit (総務省令第八十五号 第五条) lives in base, shared with cardio.
using kakanai::isValidMyNumber;
using kakanai::myNumberCheckDigit;

/**
 * A typed My Number as 12 ASCII digits in a SecureString (it is 特定個人情報). Accepts full-width
 * digits and the card's 4-4-4 grouping with spaces or hyphens ("1234 5678 9018").
 */
Result<SecureString, FieldFormatError> parseMyNumber(std::string_view input);

/** "1000013", "100-0013", "〒100-0013", "１００－００１３" → "100-0013". */
Result<std::string, FieldFormatError> parsePostalCode(std::string_view input);

enum class PhoneKind
{
    Landline, ///< 0 + area code + subscriber, 10 digits (03-1234-5678, 0467-12-3456)
    Mobile, ///< 070, 080, 090: 11 digits
    IpPhone, ///< 050: 11 digits
    FreeDial, ///< 0120 (10 digits), 0800 (11 digits)
    Other, ///< 0570 ナビダイヤル, 0180, 0990 (10 digits); 020, 060 (11 digits)
};

struct PhoneNumber
{
    /** Digits only: "0312345678". Use for comparison and storage keys. */
    std::string digits;
    /**
     * What to print: the digits grouped as the resident typed them ("03-1234-5678"; spaces count
     * as hyphens), or digits only if they typed none. We never insert hyphens ourselves: the
     * right grouping depends on the area-code length (03-xxxx-xxxx vs 0467-xx-xxxx), which
     * needs the full 総務省 numbering table.
     */
    std::string display;
    PhoneKind kind = PhoneKind::Landline;
};

/**
 * A Japanese domestic phone number: 10 or 11 digits starting with 0, the length fixed by the
 * prefix (see PhoneKind), in at most three groups, the first of 2–5 digits.
 */
Result<PhoneNumber, FieldFormatError> parsePhoneNumber(std::string_view input);

} // namespace kakanai::forms
