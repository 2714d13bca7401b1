#include "kakanai/cardio/apdu.hpp"
#include "kakanai/cardio/constants.hpp"
#include "kakanai/cardio/file_reader.hpp"

#include <gtest/gtest.h>

using namespace kakanai;
using namespace kakanai::cardio;

namespace {
std::string wire(const CommandApdu& command)
{
    return toHex(command.serialize().view());
}
Bytes hex(const char* text)
{
    Bytes out;
    EXPECT_TRUE(parseHex(text, out));
    return out;
}
} // namespace

TEST(Apdu, CanonicalSequenceBytes)
{
    // mynumber-card.md §2.6, byte for byte.
    EXPECT_EQ(wire(CommandApdu::selectAid(mynumber::TEXT_AID)),
        "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08");
    EXPECT_EQ(wire(CommandApdu::selectEf(0x0011)), "00 A4 02 0C 02 00 11");
    EXPECT_EQ(wire(CommandApdu::verifyQuery()), "00 20 00 80");
    EXPECT_EQ(wire(CommandApdu::verify(asBytes("1234"))), "00 20 00 80 04 31 32 33 34");
    EXPECT_EQ(wire(CommandApdu::readBinary(0, 17)), "00 B0 00 00 11");
    EXPECT_EQ(wire(CommandApdu::readBinary(0x0107, 256)), "00 B0 01 07 00");
}

TEST(Apdu, ExtendedLengthEncoding)
{
    EXPECT_EQ(wire(CommandApdu::readBinary(0, 0x061F)), "00 B0 00 00 00 06 1F");
    EXPECT_EQ(wire(CommandApdu::readBinary(4, 65536)), "00 B0 00 04 00 00 00");
    EXPECT_EQ(wire(CommandApdu::readBinaryExtended(0, 200)), "00 B0 00 00 00 00 C8");
    SecureBytes big(300, 0x41);
    CommandApdu withData(0x00, 0xD6, 0, 0, big, 256);
    SecureBytes raw = withData.serialize();
    ASSERT_EQ(raw.size(), 4u + 3 + 300 + 2);
    EXPECT_EQ(raw[4], 0x00);
    EXPECT_EQ(raw[5], 0x01);
    EXPECT_EQ(raw[6], 0x2C);
    EXPECT_EQ(raw[raw.size() - 2], 0x01);
    EXPECT_EQ(raw[raw.size() - 1], 0x00);
}

TEST(Apdu, InvalidArgumentsAreBugs)
{
    EXPECT_THROW(CommandApdu::readBinary(0x8000, 1), std::invalid_argument);
    EXPECT_THROW(CommandApdu::readBinary(0, 0), std::invalid_argument);
    EXPECT_THROW(CommandApdu::readBinary(0, 65537), std::invalid_argument);
    EXPECT_THROW(CommandApdu::verify(ByteView {}), std::invalid_argument);
}

TEST(Apdu, TraceMasksSecretsAndMyNumberDigits)
{
    auto verify = CommandApdu::verify(asBytes("4321"));
    std::string trace = verify.traceString();
    EXPECT_EQ(trace, "00 20 00 80 04 XX XX XX XX");
    EXPECT_EQ(trace.find("34"), std::string::npos);

    auto response
        = ResponseApdu::parse(hex("FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF 90 00"));
    ASSERT_TRUE(response);
    std::string masked = response->traceString(ApduSensitivity::MyNumberResponse);
    EXPECT_EQ(masked, "FF 10 0C ** ** ** ** ** ** ** ** 39 30 31 38 FF FF 90 00");
}

TEST(Apdu, ResponseParsing)
{
    EXPECT_FALSE(ResponseApdu::parse(hex("90")));
    auto ok = ResponseApdu::parse(hex("01 02 90 00"));
    ASSERT_TRUE(ok);
    EXPECT_TRUE(ok->isOk());
    EXPECT_EQ(ok->data().size(), 2u);
    auto wrong = ResponseApdu::parse(hex("63 C2"));
    EXPECT_EQ(wrong->triesLeft(), 2);
    EXPECT_FALSE(ResponseApdu::parse(hex("69 84"))->triesLeft());
}

TEST(Apdu, AtrExtendedLengthDetection)
{
    EXPECT_TRUE(atrAdvertisesExtendedLength(
        hex("3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B")));
    EXPECT_FALSE(atrAdvertisesExtendedLength(hex("3B C5 FF 81 31 FB 45 80 73 C6 01 00 00")));
    EXPECT_FALSE(atrAdvertisesExtendedLength(hex("3B E0 00 FF 81 31 FE 45 14")));
    EXPECT_FALSE(atrAdvertisesExtendedLength(hex("3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F")));
    EXPECT_FALSE(atrAdvertisesExtendedLength(hex("3B")));
    EXPECT_FALSE(atrAdvertisesExtendedLength(hex("3B FF FF")));
}
