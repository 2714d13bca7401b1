#include "kakanai/base/my_number.hpp"

namespace kakanai {

std::optional<int> myNumberCheckDigit(std::string_view first11)
{
    if (first11.size() != 11) {
        return std::nullopt;
    }
    // P1 is the last data digit; weights Q = 2..7 for n = 1..6 and 2..6 for n = 7..11.
    int sum = 0;
    for (int n = 1; n <= 11; ++n) {
        char c = first11[static_cast<std::size_t>(11 - n)];
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        int weight = n <= 6 ? n + 1 : n - 5;
        sum += (c - '0') * weight;
    }
    int remainder = sum % 11;
    return remainder <= 1 ? 0 : 11 - remainder;
}

bool isValidMyNumber(std::string_view number)
{
    if (number.size() != 12 || number[11] < '0' || number[11] > '9') {
        return false;
    }
    auto check = myNumberCheckDigit(number.substr(0, 11));
    return check && *check == number[11] - '0';
}

} // namespace kakanai
