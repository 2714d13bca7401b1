#include "kakanai/cardio/basic_info.hpp"

#include <gtest/gtest.h>

using namespace kakanai;
using namespace kakanai::cardio;

namespace {

void appendTlv(Bytes& out, std::uint16_t tag, const Bytes& value)
{
    out.push_back(static_cast<std::uint8_t>(tag >> 8));
    out.push_back(static_cast<std::uint8_t>(tag));
    if (value.size() < 0x80) {
        out.push_back(static_cast<std::uint8_t>(value.size()));
    } else {
        out.push_back(0x82);
        out.push_back(static_cast<std::uint8_t>(value.size() >> 8));
        out.push_back(static_cast<std::uint8_t>(value.size()));
    }
    out.insert(out.end(), value.begin(), value.end());
}

Bytes text(std::string_view s)
{
    return Bytes(s.begin(), s.end());
}

// Builds the EF as the card lays it out (mynumber-card.md §3.2), offsets included.
Bytes buildEf(
    const Bytes& name, const Bytes& address, const Bytes& birth, const Bytes& sex, bool longForm)
{
    Bytes body;
    appendTlv(body, 0xDF21, Bytes(8, 0)); // offsets patched below
    std::size_t outerHeader = longForm ? 5 : 3;
    std::size_t offsets[4];
    offsets[0] = outerHeader + body.size();
    appendTlv(body, 0xDF22, name);
    offsets[1] = outerHeader + body.size();
    appendTlv(body, 0xDF23, address);
    offsets[2] = outerHeader + body.size();
    appendTlv(body, 0xDF24, birth);
    offsets[3] = outerHeader + body.size();
    appendTlv(body, 0xDF25, sex);
    for (int i = 0; i < 4; ++i) {
        body[3 + 2 * i] = static_cast<std::uint8_t>(offsets[i] >> 8);
        body[4 + 2 * i] = static_cast<std::uint8_t>(offsets[i]);
    }
    Bytes ef;
    ef.reserve(body.size() + 5); // (GCC 12 misreports array bounds for the init-list form)
    ef.push_back(0xFF);
    ef.push_back(0x20);
    if (longForm) {
        ef.insert(ef.end(),
            { 0x82, static_cast<std::uint8_t>(body.size() >> 8),
                static_cast<std::uint8_t>(body.size()) });
    } else {
        ef.push_back(static_cast<std::uint8_t>(body.size()));
    }
    ef.insert(ef.end(), body.begin(), body.end());
    return ef;
}

} // namespace

TEST(BasicInfo, SyntheticVectorFromTheFactsFile)
{
    // mynumber-card.md §3.2: 試験　花子, short form, 101 bytes.
    Bytes ef;
    ASSERT_TRUE(parseHex("FF 20 62 DF 21 08 00 0E 00 20 00 56 00 61"
                         "DF 22 0F E8 A9 A6 E9 A8 93 E3 80 80 E8 8A B1 E5 AD 90"
                         "DF 23 33 E6 9D B1 E4 BA AC E9 83 BD E5 8D 83 E4 BB A3 E7 94 B0 E5 8C BA"
                         "E9 9C 9E E3 81 8C E9 96 A2 E4 B8 80 E4 B8 81 E7 9B AE EF BC 91 E7 95 AA"
                         "EF BC 91 E5 8F B7"
                         "DF 24 08 31 39 38 30 30 31 30 31 DF 25 01 32",
        ef));
    ASSERT_EQ(ef.size(), 101u);
    auto info = parseBasicInfo(ef);
    ASSERT_TRUE(info) << describe(info.error());
    EXPECT_EQ(std::string(info->name.c_str()), "試験　花子"); // full-width space kept
    EXPECT_EQ(std::string(info->address.c_str()), "東京都千代田区霞が関一丁目１番１号");
    EXPECT_EQ(std::string(info->birthDate.c_str()), "19800101");
    EXPECT_EQ(info->sex, Sex::Female);
    EXPECT_TRUE(info->problems.empty());
}

TEST(BasicInfo, LongFormAndMoreThan255Bytes)
{
    std::string address = "北海道札幌市中央区北一条西二丁目";
    while (address.size() < 400) {
        address += "１２３番地";
    }
    Bytes ef = buildEf(text("長住所　太郎"), text(address), text("19450815"), text("1"), true);
    ASSERT_GT(ef.size(), 256u);
    EXPECT_EQ(ef[2], 0x82);
    auto info = parseBasicInfo(ef);
    ASSERT_TRUE(info);
    EXPECT_EQ(std::string(info->address.c_str()), address);
    EXPECT_EQ(info->sex, Sex::Male);
}

TEST(BasicInfo, RareKanjiAreKeptVerbatim)
{
    // 𠮷 (U+20BB7, 4 bytes), an IVS sequence (葛 + U+E0100) and 〓 stay byte for byte.
    std::string name = "\xF0\xA0\xAE\xB7田　葛\xF3\xA0\x84\x80子〓";
    Bytes ef = buildEf(text(name), text("大阪府大阪市北区"), text("20190501"), text("9"), false);
    auto info = parseBasicInfo(ef);
    ASSERT_TRUE(info);
    EXPECT_EQ(std::string(info->name.c_str()), name);
    EXPECT_EQ(info->sex, Sex::NotApplicable);
}

TEST(BasicInfo, BadFieldIsFlaggedOthersKept)
{
    Bytes badName { 0xE8, 0xA9, 0xFF, 0xFE };
    auto info
        = parseBasicInfo(buildEf(badName, text("東京都"), text("19800101"), text("2"), false));
    ASSERT_TRUE(info);
    EXPECT_TRUE(info->name.empty());
    EXPECT_EQ(std::string(info->address.c_str()), "東京都");
    ASSERT_EQ(info->problems.size(), 1u);
    EXPECT_EQ(info->problems[0], "name");

    auto bad
        = parseBasicInfo(buildEf(text("名"), text("住所"), text("1980013X"), text("3"), false));
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->problems, (std::vector<std::string> { "birth_date", "sex" }));
    auto nine
        = parseBasicInfo(buildEf(text("名"), text("住所"), text("198001011"), text("1"), false));
    ASSERT_TRUE(nine);
    EXPECT_EQ(nine->problems, (std::vector<std::string> { "birth_date" }));
}

TEST(BasicInfo, StructuralErrors)
{
    Bytes ef = buildEf(text("名"), text("住所"), text("19800101"), text("1"), false);
    Bytes truncated(ef.begin(), ef.end() - 3);
    EXPECT_EQ(parseBasicInfo(truncated).error().code, CardErrorCode::MalformedData);
    Bytes wrongTag = ef;
    wrongTag[1] = 0x21;
    EXPECT_EQ(parseBasicInfo(wrongTag).error().code, CardErrorCode::MalformedData);
    Bytes missingSex;
    ASSERT_TRUE(parseHex("FF 20 0D DF 22 01 41 DF 23 01 42 DF 24 01 43", missingSex));
    EXPECT_EQ(parseBasicInfo(missingSex).error().code, CardErrorCode::MalformedData);
    // Outer length claims more than the file holds (the emulator's truncated-TLV fault).
    Bytes overlong = ef;
    overlong[2] = static_cast<std::uint8_t>(overlong[2] + 10);
    EXPECT_EQ(parseBasicInfo(overlong).error().code, CardErrorCode::MalformedData);
}

TEST(BasicInfo, Utf8Validation)
{
    EXPECT_TRUE(isValidUtf8(asBytes("ascii 日本 \xF0\xA0\xAE\xB7")));
    EXPECT_FALSE(isValidUtf8(Bytes { 0xC0, 0x80 })); // overlong NUL
    EXPECT_FALSE(isValidUtf8(Bytes { 0xED, 0xA0, 0x80 })); // surrogate
    EXPECT_FALSE(isValidUtf8(Bytes { 0xF4, 0x90, 0x80, 0x80 })); // > U+10FFFF
    EXPECT_FALSE(isValidUtf8(Bytes { 0xE6, 0x97 })); // cut in the middle
    EXPECT_FALSE(isValidUtf8(Bytes { 0x80 }));
}

TEST(BasicInfo, WipeClearsEverything)
{
    auto info
        = parseBasicInfo(buildEf(text("名前"), text("住所"), text("19800101"), text("1"), false));
    ASSERT_TRUE(info);
    info->wipe();
    EXPECT_TRUE(info->name.empty());
    EXPECT_TRUE(info->address.empty());
    EXPECT_TRUE(info->birthDate.empty());
    EXPECT_EQ(info->sex, Sex::Unknown);
}
