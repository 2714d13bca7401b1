#include "kakanai/cardio/my_number.hpp"

#include <gtest/gtest.h>

using namespace kakanai;
using namespace kakanai::cardio;

TEST(MyNumber, CheckDigitVectorsFromTheFactsFile)
{
    // mynumber-card.md §3.5.
    EXPECT_EQ(myNumberCheckDigit("12345678901"), 8);
    EXPECT_EQ(myNumberCheckDigit("11111111111"), 8);
    EXPECT_EQ(myNumberCheckDigit("00000000000"), 0);
    EXPECT_EQ(myNumberCheckDigit("98765432109"), 3);
    EXPECT_EQ(myNumberCheckDigit("31415926535"), 2);
    EXPECT_TRUE(isValidMyNumber("123456789018"));
    EXPECT_FALSE(isValidMyNumber("123456789017"));
    EXPECT_FALSE(isValidMyNumber("12345678901"));
    EXPECT_FALSE(myNumberCheckDigit("1234567890a"));
}

TEST(MyNumber, Masking)
{
    EXPECT_EQ(maskMyNumber("123456789018"), "********9018");
    EXPECT_EQ(maskMyNumber("12"), "12");
    EXPECT_EQ(maskMyNumber(""), "");
}

TEST(MyNumber, ParsesTheEf)
{
    Bytes file;
    ASSERT_TRUE(parseHex("FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38", file));
    auto number = parseMyNumberEf(file);
    ASSERT_TRUE(number);
    EXPECT_EQ(std::string(number->digits.c_str()), "123456789018");
    EXPECT_TRUE(number->checkDigitOk);
    file[14] = '7';
    auto bad = parseMyNumberEf(file);
    ASSERT_TRUE(bad);
    EXPECT_FALSE(bad->checkDigitOk);
    number->wipe();
    EXPECT_TRUE(number->digits.empty());
}

TEST(MyNumber, RejectsMalformedEf)
{
    Bytes wrongTag, letters, truncated;
    ASSERT_TRUE(parseHex("FF 11 0C 31 32 33 34 35 36 37 38 39 30 31 38", wrongTag));
    ASSERT_TRUE(parseHex("FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 41", letters));
    ASSERT_TRUE(parseHex("FF 10 0C 31 32 33", truncated));
    EXPECT_EQ(parseMyNumberEf(wrongTag).error().code, CardErrorCode::MalformedData);
    EXPECT_EQ(parseMyNumberEf(letters).error().code, CardErrorCode::MalformedData);
    EXPECT_EQ(parseMyNumberEf(truncated).error().code, CardErrorCode::MalformedData);
}
