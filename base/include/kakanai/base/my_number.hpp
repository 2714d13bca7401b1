// The My Number (個人番号) check digit, shared by cardio (numbers read from the card) and forms
// (numbers typed by staff): 総務省令第八十五号 第五条.
//
// Errors: myNumberCheckDigit returns std::nullopt unless given exactly 11 ASCII digits;
// isValidMyNumber returns false for anything but 12 digits ending in the right check digit.
#pragma once

#include <optional>
#include <string_view>

namespace kakanai {

/** The check digit for 11 data digits. */
std::optional<int> myNumberCheckDigit(std::string_view first11);

/** True for 12 ASCII digits whose last one is the check digit of the first 11. */
bool isValidMyNumber(std::string_view number);

} // namespace kakanai
