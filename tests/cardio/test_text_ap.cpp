// Reading the 入力補助AP from the emulator in-process: APDU economy, PIN safety, routes,
// identification and faults.
#include "card_fixture.hpp"

#include "kakanai/cardio/card_reader.hpp"

#include <gtest/gtest.h>

using namespace kakanai;
using namespace kakanai::cardio;
using namespace kakanai::testing;

namespace {

ReadRequest pinRequest(const std::string& pin, bool allowLastTry = false)
{
    ReadRequest request;
    request.secret = SecureBytes::fromString(pin);
    request.allowLastTry = allowLastTry;
    return request;
}

vcard::Identity withPersonality(vcard::Identity identity, vcard::Personality personality)
{
    identity.personality = personality;
    return identity;
}

} // namespace

TEST(TextAp, ReadsHanakoInEightApdus)
{
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(withPersonality(identity, vcard::Personality::ContactB));
    auto request = pinRequest(identity.textPin);
    auto outcome = readResidentCard(*emulated.channel, request);
    ASSERT_TRUE(outcome) << describe(outcome.error());
    EXPECT_EQ(outcome->apduCount, 8u); // the §2.6 minimum with the retry query
    EXPECT_EQ(str(outcome->contents.basicInfo.name), identity.name);
    EXPECT_EQ(str(outcome->contents.basicInfo.address), identity.address);
    EXPECT_EQ(str(outcome->contents.basicInfo.birthDate), identity.birthDate);
    ASSERT_TRUE(outcome->contents.myNumber);
    EXPECT_EQ(str(outcome->contents.myNumber->digits), identity.myNumber);
    EXPECT_TRUE(outcome->contents.myNumber->checkDigitOk);
    EXPECT_TRUE(request.secret.empty()) << "the PIN buffer must be wiped";
}

TEST(TextAp, LongAddressSpansTwoChunksInNineApdus)
{
    auto identity = loadTestIdentity("long_address");
    EmulatedCard emulated(withPersonality(identity, vcard::Personality::ContactB));
    auto request = pinRequest(identity.textPin);
    auto outcome = readResidentCard(*emulated.channel, request);
    ASSERT_TRUE(outcome) << describe(outcome.error());
    EXPECT_EQ(outcome->apduCount, 9u);
    EXPECT_FALSE(outcome->extendedLengthUsed);
    // The address crosses byte 256 inside a multi-byte character: reassembled before decoding.
    EXPECT_EQ(str(outcome->contents.basicInfo.address), identity.address);
    EXPECT_TRUE(outcome->contents.basicInfo.problems.empty());
}

TEST(TextAp, ExtendedLengthCardUsesOneRead)
{
    auto identity = loadTestIdentity("long_address");
    EmulatedCard emulated(withPersonality(identity, vcard::Personality::ContactA));
    auto request = pinRequest(identity.textPin);
    auto outcome = readResidentCard(*emulated.channel, request);
    ASSERT_TRUE(outcome) << describe(outcome.error());
    EXPECT_TRUE(outcome->extendedLengthUsed);
    EXPECT_EQ(outcome->apduCount, 8u);
    EXPECT_EQ(str(outcome->contents.basicInfo.address), identity.address);
}

TEST(TextAp, RareKanjiVerbatim)
{
    auto identity = loadTestIdentity("rare_kanji");
    EmulatedCard emulated(identity);
    auto request = pinRequest(identity.textPin);
    auto outcome = readResidentCard(*emulated.channel, request);
    ASSERT_TRUE(outcome) << describe(outcome.error());
    EXPECT_EQ(str(outcome->contents.basicInfo.name), identity.name);
    EXPECT_NE(identity.name.find("\xF0\xA0\xAE\xB7"), std::string::npos) << "fixture lost 𠮷";
}

TEST(TextAp, WrongPinReportsTriesLeftAndLastTryIsRefused)
{
    auto identity = loadTestIdentity("taro");
    EmulatedCard emulated(identity);
    std::string wrong = identity.textPin == "0000" ? "1111" : "0000";
    auto first = pinRequest(wrong);
    auto r1 = readResidentCard(*emulated.channel, first);
    ASSERT_FALSE(r1);
    EXPECT_EQ(r1.error().code, CardErrorCode::WrongPin);
    EXPECT_EQ(r1.error().triesLeft, 2);
    auto second = pinRequest(wrong);
    auto r2 = readResidentCard(*emulated.channel, second);
    ASSERT_FALSE(r2);
    EXPECT_EQ(r2.error().triesLeft, 1);

    // One try left: even the right PIN is not sent without explicit permission.
    std::size_t before = emulated.card->apduCount();
    auto refused = pinRequest(identity.textPin);
    auto r3 = readResidentCard(*emulated.channel, refused);
    ASSERT_FALSE(r3);
    EXPECT_EQ(r3.error().code, CardErrorCode::LastTryRefused);
    EXPECT_EQ(emulated.card->counters().textPin, 1);
    EXPECT_EQ(emulated.card->apduCount() - before, 3u); // SELECT AP, SELECT PIN EF, query

    auto allowed = pinRequest(identity.textPin, true);
    auto r4 = readResidentCard(*emulated.channel, allowed);
    ASSERT_TRUE(r4) << describe(r4.error());
    EXPECT_EQ(emulated.card->counters().textPin, 3); // a success resets the counter
}

TEST(TextAp, LockedPinIsReportedWithoutSpendingAnything)
{
    auto identity = loadTestIdentity("taro");
    EmulatedCard emulated(identity);
    std::string wrong = identity.textPin == "0000" ? "1111" : "0000";
    for (int i = 0; i < 3; ++i) {
        auto request = pinRequest(wrong, true);
        (void)readResidentCard(*emulated.channel, request);
    }
    EXPECT_EQ(emulated.card->counters().textPin, 0);
    auto request = pinRequest(identity.textPin, true);
    auto result = readResidentCard(*emulated.channel, request);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, CardErrorCode::PinLocked);
}

TEST(TextAp, InvalidPinFormatSendsNoVerify)
{
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(identity);
    auto request = pinRequest("12a4");
    auto result = readResidentCard(*emulated.channel, request);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, CardErrorCode::InvalidPinFormat);
    EXPECT_EQ(emulated.card->counters().textPin, 3);
    EXPECT_EQ(emulated.card->apduCount(), 1u); // only the identifying SELECT
}

TEST(TextAp, CollationBRouteReadsFourInformationOnly)
{
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(identity);
    ReadRequest request;
    request.route = ReadRoute::CollationB;
    request.secret = SecureBytes::fromString(identity.collationB());
    auto outcome = readResidentCard(*emulated.channel, request);
    ASSERT_TRUE(outcome) << describe(outcome.error());
    EXPECT_FALSE(outcome->contents.myNumber);
    EXPECT_EQ(str(outcome->contents.basicInfo.name), identity.name);
    EXPECT_EQ(emulated.card->counters().textPin, 3);
}

TEST(TextAp, IdentifiesPhonesAndJukiCards)
{
    EmulatedCard phone(loadTestIdentity("phone"));
    auto r1 = pinRequest("1234");
    auto phoneResult = readResidentCard(*phone.channel, r1);
    ASSERT_FALSE(phoneResult);
    EXPECT_EQ(phoneResult.error().code, CardErrorCode::SmartphoneJpki);

    EmulatedCard juki(loadTestIdentity("juki"));
    auto r2 = pinRequest("1234");
    auto jukiResult = readResidentCard(*juki.channel, r2);
    ASSERT_FALSE(jukiResult);
    EXPECT_EQ(jukiResult.error().code, CardErrorCode::JukiCard);
}

TEST(TextAp, BadCheckDigitIsFlaggedNotFatal)
{
    auto identity = loadTestIdentity("hanako");
    vcard::Faults faults;
    faults.badCheckDigit = true;
    EmulatedCard emulated(identity, faults);
    auto request = pinRequest(identity.textPin);
    auto outcome = readResidentCard(*emulated.channel, request);
    ASSERT_TRUE(outcome);
    EXPECT_FALSE(outcome->contents.myNumber->checkDigitOk);
}

TEST(TextAp, TruncatedTlvIsMalformedNotALoop)
{
    auto identity = loadTestIdentity("hanako");
    vcard::Faults faults;
    faults.truncatedBasicInfo = true;
    EmulatedCard emulated(identity, faults);
    auto request = pinRequest(identity.textPin);
    auto result = readResidentCard(*emulated.channel, request);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, CardErrorCode::MalformedData);
    EXPECT_LT(emulated.card->apduCount(), 12u);
}

TEST(TextAp, InvalidUtf8NameIsFlagged)
{
    auto identity = loadTestIdentity("hanako");
    vcard::Faults faults;
    faults.invalidUtf8 = true;
    EmulatedCard emulated(identity, faults);
    auto request = pinRequest(identity.textPin);
    auto outcome = readResidentCard(*emulated.channel, request);
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->contents.basicInfo.problems, std::vector<std::string> { "name" });
    EXPECT_EQ(str(outcome->contents.basicInfo.address), identity.address);
}

TEST(TextAp, GetResponseAndLeCorrectionAreHandledByTheTransport)
{
    auto identity = loadTestIdentity("hanako");
    for (int mode = 0; mode < 2; ++mode) {
        vcard::Faults faults;
        faults.useGetResponse = mode == 0;
        faults.demandExactLe = mode == 1;
        EmulatedCard emulated(identity, faults);
        auto request = pinRequest(identity.textPin);
        auto outcome = readResidentCard(*emulated.channel, request);
        ASSERT_TRUE(outcome) << "mode " << mode << ": " << describe(outcome.error());
        EXPECT_EQ(str(outcome->contents.basicInfo.name), identity.name);
        EXPECT_EQ(str(outcome->contents.myNumber->digits), identity.myNumber);
    }
}

TEST(TextAp, RemovalAtEveryApduIndexFailsCleanly)
{
    auto identity = loadTestIdentity("long_address");
    for (std::size_t index = 0; index < 9; ++index) {
        vcard::Faults faults;
        faults.removeAfterApdus = index;
        EmulatedCard emulated(withPersonality(identity, vcard::Personality::ContactB), faults);
        auto request = pinRequest(identity.textPin);
        auto result = readResidentCard(*emulated.channel, request);
        ASSERT_FALSE(result) << "removal before APDU " << index;
        EXPECT_EQ(result.error().code, CardErrorCode::CardRemoved) << index;
        EXPECT_TRUE(request.secret.empty());
    }
}

TEST(TextAp, TraceNeverShowsPinOrFullNumber)
{
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(identity);
    std::string trace;
    emulated.channel->setTrace([&](const std::string& line) { trace += line + "\n"; });
    auto request = pinRequest(identity.textPin);
    ASSERT_TRUE(readResidentCard(*emulated.channel, request));
    std::string pinHex = toHex(asBytes(identity.textPin));
    std::string numberHex = toHex(asBytes(identity.myNumber));
    EXPECT_EQ(trace.find(pinHex), std::string::npos);
    EXPECT_EQ(trace.find(numberHex.substr(0, 23)), std::string::npos);
    EXPECT_NE(trace.find("XX XX XX XX"), std::string::npos);
}
