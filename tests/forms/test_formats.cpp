// My Number check digit, postal codes and phone numbers.
#include "kakanai/forms/formats.hpp"

#include <gtest/gtest.h>

using namespace kakanai::forms;
using Kind = FieldFormatError::Kind;

namespace {

template <class T> Kind errorOf(const kakanai::Result<T, FieldFormatError>& result)
{
    EXPECT_FALSE(result.ok());
    return result ? Kind::Malformed : result.error().kind;
}

std::string postal(std::string_view input)
{
    const auto result = parsePostalCode(input);
    return result ? *result : "error " + std::to_string(static_cast<int>(result.error().kind));
}

std::string phone(std::string_view input)
{
    const auto result = parsePhoneNumber(input);
    return result ? result->display
                  : "error " + std::to_string(static_cast<int>(result.error().kind));
}

} // namespace

TEST(MyNumber, CheckDigitVectors)
{
    EXPECT_EQ(myNumberCheckDigit("12345678901"), 8);
    EXPECT_EQ(myNumberCheckDigit("11111111111"), 8);
    EXPECT_EQ(myNumberCheckDigit("00000000000"), 0);
    EXPECT_EQ(myNumberCheckDigit("98765432109"), 3);
    EXPECT_EQ(myNumberCheckDigit("31415926535"), 2);
    EXPECT_EQ(myNumberCheckDigit("1234567890"), std::nullopt);
    EXPECT_EQ(myNumberCheckDigit("1234567890A"), std::nullopt);
    EXPECT_EQ(myNumberCheckDigit("１２３４５６７８９０１"), std::nullopt);
}

TEST(MyNumber, IsValid)
{
    EXPECT_TRUE(isValidMyNumber("123456789018"));
    EXPECT_TRUE(isValidMyNumber("111111111118"));
    EXPECT_TRUE(isValidMyNumber("000000000000"));
    EXPECT_TRUE(isValidMyNumber("987654321093"));
    EXPECT_TRUE(isValidMyNumber("314159265352"));
    EXPECT_FALSE(isValidMyNumber("123456789019"));
    EXPECT_FALSE(isValidMyNumber("12345678901"));
    EXPECT_FALSE(isValidMyNumber("1234567890188"));
    EXPECT_FALSE(isValidMyNumber("1234 5678 9018"));
    EXPECT_FALSE(isValidMyNumber("12345678901X"));
    EXPECT_FALSE(isValidMyNumber(""));
}

TEST(MyNumber, ParseTypedInput)
{
    for (const char* input : { "123456789018", "1234 5678 9018", "1234-5678-9018",
             "１２３４５６７８９０１８", " 1234　5678　9018 " }) {
        const auto result = parseMyNumber(input);
        ASSERT_TRUE(result) << input;
        EXPECT_EQ(std::string_view(result->data(), result->size()), "123456789018") << input;
    }
    EXPECT_EQ(errorOf(parseMyNumber("")), Kind::Empty);
    EXPECT_EQ(errorOf(parseMyNumber("123456789019")), Kind::CheckDigitMismatch);
    EXPECT_EQ(errorOf(parseMyNumber("12345678901")), Kind::WrongLength);
    EXPECT_EQ(errorOf(parseMyNumber("1234567890189")), Kind::WrongLength);
    EXPECT_EQ(errorOf(parseMyNumber("1234.5678.9018")), Kind::InvalidCharacter);
    EXPECT_EQ(errorOf(parseMyNumber("1234--5678-9018")), Kind::Malformed);
    EXPECT_EQ(errorOf(parseMyNumber("-123456789018")), Kind::Malformed);
    // The detail never carries the number.
    const auto bad = parseMyNumber("123456789019");
    EXPECT_EQ(bad.error().detail.find("1234"), std::string::npos);
}

TEST(PostalCode, Accepted)
{
    EXPECT_EQ(postal("1000013"), "100-0013");
    EXPECT_EQ(postal("100-0013"), "100-0013");
    EXPECT_EQ(postal("１００－００１３"), "100-0013");
    EXPECT_EQ(postal("１００００１３"), "100-0013");
    EXPECT_EQ(postal("〒100-0013"), "100-0013");
    EXPECT_EQ(postal("〒 100ー0013 "), "100-0013");
    EXPECT_EQ(postal("　〒1000013"), "100-0013");
}

TEST(PostalCode, Rejected)
{
    EXPECT_EQ(errorOf(parsePostalCode("")), Kind::Empty);
    EXPECT_EQ(errorOf(parsePostalCode("〒")), Kind::Empty);
    EXPECT_EQ(errorOf(parsePostalCode("100001")), Kind::WrongLength);
    EXPECT_EQ(errorOf(parsePostalCode("100-00134")), Kind::WrongLength);
    EXPECT_EQ(errorOf(parsePostalCode("10-00013")), Kind::Malformed);
    EXPECT_EQ(errorOf(parsePostalCode("100 0013")), Kind::Malformed);
    EXPECT_EQ(errorOf(parsePostalCode("100-0013-")), Kind::Malformed);
    EXPECT_EQ(errorOf(parsePostalCode("100_0013")), Kind::InvalidCharacter);
    EXPECT_EQ(errorOf(parsePostalCode("東京都")), Kind::InvalidCharacter);
}

TEST(PhoneNumber, AcceptedAndClassified)
{
    EXPECT_EQ(phone("03-1234-5678"), "03-1234-5678");
    EXPECT_EQ(phone("0312345678"), "0312345678");
    EXPECT_EQ(phone("０３－１２３４－５６７８"), "03-1234-5678");
    EXPECT_EQ(phone("03 1234 5678"), "03-1234-5678");
    EXPECT_EQ(phone("0467-12-3456"), "0467-12-3456");
    EXPECT_EQ(phone("01267-2-3456"), "01267-2-3456");
    EXPECT_EQ(phone("090-1234-5678"), "090-1234-5678");
    EXPECT_EQ(phone("0120-123-456"), "0120-123-456");
    EXPECT_EQ(phone("0800-123-4567"), "0800-123-4567");
    EXPECT_EQ(phone("050-1234-5678"), "050-1234-5678");
    EXPECT_EQ(phone("0570-123-456"), "0570-123-456");
    EXPECT_EQ(phone("099-123-4567"), "099-123-4567");

    const auto mobile = parsePhoneNumber("０８０ー１２３４ー５６７８");
    ASSERT_TRUE(mobile);
    EXPECT_EQ(mobile->digits, "08012345678");
    EXPECT_EQ(mobile->display, "080-1234-5678");
    EXPECT_EQ(mobile->kind, PhoneKind::Mobile);
    EXPECT_EQ(parsePhoneNumber("0312345678")->kind, PhoneKind::Landline);
    EXPECT_EQ(parsePhoneNumber("07012345678")->kind, PhoneKind::Mobile);
    EXPECT_EQ(parsePhoneNumber("05012345678")->kind, PhoneKind::IpPhone);
    EXPECT_EQ(parsePhoneNumber("0120123456")->kind, PhoneKind::FreeDial);
    EXPECT_EQ(parsePhoneNumber("08001234567")->kind, PhoneKind::FreeDial);
    EXPECT_EQ(parsePhoneNumber("0570123456")->kind, PhoneKind::Other);
    EXPECT_EQ(parsePhoneNumber("0992123456")->kind, PhoneKind::Landline); // 鹿児島, not 0990
}

TEST(PhoneNumber, Rejected)
{
    EXPECT_EQ(errorOf(parsePhoneNumber("")), Kind::Empty);
    EXPECT_EQ(errorOf(parsePhoneNumber("090-1234-567")), Kind::WrongLength);
    EXPECT_EQ(errorOf(parsePhoneNumber("03-1234-56789")), Kind::WrongLength);
    EXPECT_EQ(errorOf(parsePhoneNumber("0120-123-4567")), Kind::WrongLength);
    EXPECT_EQ(errorOf(parsePhoneNumber("0800-123-456")), Kind::WrongLength);
    EXPECT_EQ(errorOf(parsePhoneNumber("123-4567-8901")), Kind::UnknownPrefix);
    EXPECT_EQ(errorOf(parsePhoneNumber("001-1234-5678")), Kind::UnknownPrefix);
    EXPECT_EQ(errorOf(parsePhoneNumber("010-1234-5678")), Kind::UnknownPrefix);
    EXPECT_EQ(errorOf(parsePhoneNumber("+81-90-1234-5678")), Kind::InvalidCharacter);
    EXPECT_EQ(errorOf(parsePhoneNumber("03(1234)5678")), Kind::InvalidCharacter);
    EXPECT_EQ(errorOf(parsePhoneNumber("03--1234-5678")), Kind::Malformed);
    EXPECT_EQ(errorOf(parsePhoneNumber("-03-1234-5678")), Kind::Malformed);
    EXPECT_EQ(errorOf(parsePhoneNumber("03-1234-5678-")), Kind::Malformed);
    EXPECT_EQ(errorOf(parsePhoneNumber("03-12-34-5678")), Kind::Malformed);
    EXPECT_EQ(errorOf(parsePhoneNumber("031234-5678")), Kind::Malformed);
    EXPECT_EQ(errorOf(parsePhoneNumber("\xff")), Kind::InvalidCharacter);
}
