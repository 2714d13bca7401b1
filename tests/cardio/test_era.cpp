#include "kakanai/cardio/era.hpp"

#include <gtest/gtest.h>

using namespace kakanai::cardio;

TEST(Era, WarekiFormatting)
{
    EXPECT_EQ(formatWareki({ 1945, 8, 15 }), "昭和20年8月15日");
    EXPECT_EQ(formatWareki({ 2019, 5, 1 }), "令和元年5月1日");
    EXPECT_EQ(formatWareki({ 2019, 4, 30 }), "平成31年4月30日");
    EXPECT_EQ(formatWareki({ 1989, 1, 7 }), "昭和64年1月7日");
    EXPECT_EQ(formatWareki({ 1989, 1, 8 }), "平成元年1月8日");
    EXPECT_EQ(formatWareki({ 1926, 12, 25 }), "昭和元年12月25日");
    EXPECT_EQ(formatWareki({ 1926, 12, 24 }), "大正15年12月24日");
    EXPECT_EQ(formatWareki({ 1912, 7, 30 }), "大正元年7月30日");
    EXPECT_EQ(formatWareki({ 1912, 7, 29 }), "明治45年7月29日");
    EXPECT_EQ(formatWareki({ 1868, 1, 24 }), std::nullopt);
}

TEST(Era, ParsesCardDates)
{
    auto date = parseYyyymmdd("19450815");
    ASSERT_TRUE(date);
    EXPECT_EQ(isoDate(*date), "1945-08-15");
    EXPECT_TRUE(parseYyyymmdd("20000229"));
    EXPECT_FALSE(parseYyyymmdd("19000229"));
    EXPECT_FALSE(parseYyyymmdd("20230229"));
    EXPECT_FALSE(parseYyyymmdd("2023013"));
    EXPECT_FALSE(parseYyyymmdd("2023-1-1"));
    EXPECT_FALSE(parseYyyymmdd("20231301"));
    EXPECT_FALSE(parseYyyymmdd("20230100"));
}

TEST(Era, CertificateBirthDateEraDigit)
{
    EXPECT_TRUE(parseCertificateBirthDate("319450815"));
    EXPECT_TRUE(parseCertificateBirthDate("520190501"));
    EXPECT_TRUE(parseCertificateBirthDate("019450815")); // era unknown
    EXPECT_FALSE(parseCertificateBirthDate("419450815")); // 平成 digit on a 昭和 date
    EXPECT_FALSE(parseCertificateBirthDate("420190501")); // 令和 day under the 平成 digit
    EXPECT_FALSE(parseCertificateBirthDate("619450815"));
    EXPECT_FALSE(parseCertificateBirthDate("31945081"));
    auto date = parseCertificateBirthDate("419890108");
    ASSERT_TRUE(date);
    EXPECT_EQ(formatWareki(*date), "平成元年1月8日");
}
