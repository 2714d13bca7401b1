#include "kakanai/cardio/my_number.hpp"

#include "kakanai/cardio/tlv.hpp"

namespace kakanai::cardio {

std::string maskMyNumber(std::string_view number)
{
    std::string masked(number.size() > 4 ? number.size() - 4 : 0, '*');
    masked.append(number.substr(number.size() > 4 ? number.size() - 4 : 0));
    return masked;
}

void MyNumber::wipe()
{
    secureZero(digits.data(), digits.capacity());
    digits.clear();
    checkDigitOk = false;
}

Result<MyNumber, CardError> parseMyNumberEf(ByteView file)
{
    auto tlv = parseTlv(file);
    if (!tlv) {
        return fail(CardError::make(CardErrorCode::MalformedData,
            std::string("My Number EF: ") + tlvErrorName(tlv.error())));
    }
    if (tlv->tag() != 0xFF10 || tlv->value.size() != 12) {
        return fail(CardError::make(
            CardErrorCode::MalformedData, "My Number EF: expected tag FF10 with 12 digits"));
    }
    MyNumber number;
    assignSecure(number.digits, asText(tlv->value));
    for (char c : number.digits) {
        if (c < '0' || c > '9') {
            number.wipe();
            return fail(CardError::make(
                CardErrorCode::MalformedData, "My Number EF: non-digit characters"));
        }
    }
    number.checkDigitOk
        = isValidMyNumber(std::string_view(number.digits.data(), number.digits.size()));
    return number;
}

} // namespace kakanai::cardio
