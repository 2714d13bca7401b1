#include "kakanai/cardio/tlv.hpp"

#include <gtest/gtest.h>

using namespace kakanai;
using namespace kakanai::cardio;

namespace {
Bytes hex(const char* text)
{
    Bytes out;
    EXPECT_TRUE(parseHex(text, out)) << text;
    return out;
}
} // namespace

TEST(Tlv, OneByteTagShortLength)
{
    Bytes data = hex("30 03 01 02 03");
    auto tlv = parseTlv(data);
    ASSERT_TRUE(tlv);
    EXPECT_EQ(tlv->tag(), 0x30u);
    EXPECT_TRUE(tlv->header.constructed);
    EXPECT_EQ(tlv->value.size(), 3u);
    EXPECT_EQ(tlv->header.headerLength, 2u);
}

TEST(Tlv, TwoByteNonMinimalTags)
{
    // The card's FF 10 / FF 20 use the multi-byte form for tag numbers below 31.
    Bytes data = hex("FF 10 02 31 32");
    auto tlv = parseTlv(data);
    ASSERT_TRUE(tlv);
    EXPECT_EQ(tlv->tag(), 0xFF10u);
    EXPECT_EQ(tlv->value.size(), 2u);
    Bytes df = hex("DF 21 01 AA");
    ASSERT_TRUE(parseTlv(df));
    EXPECT_EQ(parseTlv(df)->tag(), 0xDF21u);
}

TEST(Tlv, LongFormLengths81And82)
{
    Bytes data81 = hex("04 81 80");
    data81.resize(3 + 0x80, 0x41);
    auto a = parseTlv(data81);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->value.size(), 0x80u);
    EXPECT_EQ(a->header.headerLength, 3u);

    Bytes data82 = hex("FF 20 82 01 2C");
    data82.resize(5 + 300, 0x42);
    auto b = parseTlv(data82);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->tag(), 0xFF20u);
    EXPECT_EQ(b->value.size(), 300u);
    EXPECT_EQ(b->header.headerLength, 5u);
}

TEST(Tlv, HeaderOnlyParsingSizesAFile)
{
    Bytes first = hex("30 82 06 1F 30 82");
    auto header = parseTlvHeader(first);
    ASSERT_TRUE(header);
    EXPECT_EQ(header->totalLength(), 4u + 0x061F);
    EXPECT_FALSE(parseTlv(first)); // the value is not all here
}

TEST(Tlv, TruncationIsAnErrorNotAnOverread)
{
    EXPECT_EQ(parseTlv(Bytes {}).error(), TlvError::Truncated);
    EXPECT_EQ(parseTlv(hex("FF")).error(), TlvError::Truncated);
    EXPECT_EQ(parseTlv(hex("FF 20")).error(), TlvError::Truncated);
    EXPECT_EQ(parseTlv(hex("FF 20 82 01")).error(), TlvError::Truncated);
    EXPECT_EQ(parseTlv(hex("DF 22 05 41 42")).error(), TlvError::Truncated);
    EXPECT_EQ(parseTlv(hex("04 80")).error(), TlvError::BadLength); // indefinite form
    EXPECT_EQ(parseTlv(hex("04 85 00 00 00 00 01")).error(), TlvError::BadLength);
    EXPECT_EQ(parseTlv(hex("1F FF FF FF FF 01")).error(), TlvError::BadTag);
}

TEST(Tlv, ReaderWalksChildrenAndStopsOnError)
{
    Bytes data = hex("DF 21 01 AA DF 22 02 BB CC DF 23 05 00");
    TlvReader reader(data);
    auto first = reader.next();
    ASSERT_TRUE(first && first->has_value());
    EXPECT_EQ((*first)->tag(), 0xDF21u);
    auto second = reader.next();
    ASSERT_TRUE(second && second->has_value());
    EXPECT_EQ((*second)->value.size(), 2u);
    auto third = reader.next();
    ASSERT_FALSE(third);
    EXPECT_EQ(third.error(), TlvError::Truncated);
    EXPECT_FALSE(reader.next());
}

TEST(Tlv, FindChild)
{
    Bytes data = hex("DF 21 01 AA DF 24 01 BB");
    auto found = findChild(data, 0xDF24);
    ASSERT_TRUE(found);
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->value[0], 0xBB);
    auto missing = findChild(data, 0xDF25);
    ASSERT_TRUE(missing);
    EXPECT_FALSE(missing->has_value());
}
