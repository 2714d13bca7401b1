// The My Number card emulator driven with raw APDU bytes (mynumber-card.md §8): files, PIN
// counters, security status, personalities, faults and signatures.
#include "kakanai/cardio/constants.hpp"
#include "kakanai/vcard/card.hpp"
#include "kakanai/vcard/in_process.hpp"

#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <set>
#include <unistd.h>

using namespace kakanai;
using namespace kakanai::vcard;

namespace {

const std::string SELECT_JPKI = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01";
const std::string SELECT_TEXT = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08";
const std::string SELECT_VISUAL = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02";
const std::string SELECT_JUKI = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00";

Identity identity(const std::string& id)
{
    auto path
        = std::filesystem::path(KAKANAI_SOURCE_DIR) / "config" / "identities" / (id + ".toml");
    auto loaded = loadIdentity(path);
    if (!loaded) {
        throw std::runtime_error(loaded.error());
    }
    return *loaded;
}

Identity withPersonality(Identity who, Personality personality)
{
    who.personality = personality;
    return who;
}

std::string hexOf(const std::string& ascii)
{
    return toHex(asBytes(ascii));
}

std::string lc(std::size_t n)
{
    return toHex(Bytes { static_cast<std::uint8_t>(n) });
}

/** "00 20 00 80" + Lc + the secret as hex. */
std::string verifyWith(const std::string& secret, const std::string& p2 = "80")
{
    return "00 20 00 " + p2 + " " + lc(secret.size()) + " " + hexOf(secret);
}

/** Sends hex, returns the response as hex ("" when the card is gone). */
std::string send(MyNumberCard& card, const std::string& hex)
{
    Bytes command;
    if (!parseHex(hex, command)) {
        throw std::invalid_argument("bad hex in test: " + hex);
    }
    return toHex(card.process(command).view());
}

std::string sw(const std::string& response)
{
    return response.size() >= 5 ? response.substr(response.size() - 5) : response;
}

Bytes payload(const std::string& response)
{
    Bytes bytes;
    parseHex(response, bytes);
    bytes.resize(bytes.size() - 2);
    return bytes;
}

/** Power on, SELECT the 入力補助AP and VERIFY its PIN by short EF id (P2 = 91). */
void openText(MyNumberCard& card)
{
    card.powerOn();
    send(card, SELECT_TEXT);
    EXPECT_EQ(send(card, verifyWith(card.identity().textPin, "91")), "90 00");
}

/** SELECT the EF, READ with extended Le (whole file). Contact-A only. */
Bytes readWhole(MyNumberCard& card, const std::string& efHex)
{
    EXPECT_EQ(send(card, "00 A4 02 0C 02 " + efHex), "90 00");
    std::string r = send(card, "00 B0 00 00 00 00 00");
    EXPECT_EQ(sw(r), "90 00");
    return payload(r);
}

std::filesystem::path tempDir()
{
    return std::filesystem::temp_directory_path()
        / ("kakanai-emulator-test-" + std::to_string(::getpid()));
}

/** Removes the state and identity files the tests wrote. */
struct TempCleanup : ::testing::Environment
{
    void TearDown() override { std::filesystem::remove_all(tempDir()); }
};
[[maybe_unused]] auto* const g_cleanup = ::testing::AddGlobalTestEnvironment(new TempCleanup);

std::filesystem::path tempFile(const std::string& name)
{
    auto dir = tempDir();
    std::filesystem::create_directories(dir);
    auto path = dir / name;
    std::filesystem::remove(path);
    return path;
}

} // namespace

TEST(Emulator, SelectByAidPartialAidAndEf)
{
    MyNumberCard card(identity("hanako"));
    card.powerOn();
    EXPECT_EQ(send(card, "00 A4 02 0C 02 00 06"), "6A 82") << "no DF selected yet";
    EXPECT_EQ(send(card, SELECT_JPKI), "90 00");
    EXPECT_EQ(send(card, "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 09"), "6A 82");
    EXPECT_EQ(send(card, "00 A4 04 00 0A D3 92 F0 00 26 01 00 00 00 01"), "90 00") << "P2=00";
    EXPECT_EQ(send(card, "00 A4 04 0C 05 D3 92 10 00 31"), "90 00") << "partial DF name";
    EXPECT_EQ(send(card, SELECT_TEXT), "90 00");
    EXPECT_EQ(send(card, "00 A4 02 0C 02 00 11"), "90 00");
    EXPECT_EQ(send(card, "00 A4 02 0C 02 00 99"), "6A 82");
    EXPECT_EQ(send(card, "00 A4 09 0C 02 00 11"), "6A 86");
    EXPECT_EQ(send(card, "00 FE 00 00"), "6D 00");
    EXPECT_EQ(send(card, "A0 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"), "6E 00");
    EXPECT_EQ(card.apduCount(), 11u);
}

TEST(Emulator, PinQueryWrongCorrectAndBlocked)
{
    MyNumberCard card(identity("taro"));
    card.powerOn();
    send(card, SELECT_TEXT);
    send(card, "00 A4 02 0C 02 00 11");
    EXPECT_EQ(send(card, "00 20 00 80"), "63 C3");
    EXPECT_EQ(send(card, "00 20 00 80"), "63 C3") << "the query must not spend a try";
    EXPECT_EQ(card.counters().textPin, 3);
    EXPECT_EQ(send(card, verifyWith("0000")), "63 C2");
    EXPECT_EQ(send(card, verifyWith("12345")), "63 C1") << "wrong length counts as wrong";
    EXPECT_EQ(send(card, verifyWith(card.identity().textPin)), "90 00");
    EXPECT_EQ(card.counters().textPin, 3) << "a success resets the counter";
    for (const char* expected : { "63 C2", "63 C1", "63 C0" }) {
        EXPECT_EQ(send(card, verifyWith("12a4")), expected);
    }
    EXPECT_EQ(send(card, verifyWith(card.identity().textPin)), "69 84") << "blocked stays blocked";
    EXPECT_EQ(send(card, "00 20 00 80"), "69 84");
    card.faults().pinAnswerBlockedQueryAs6984 = false;
    EXPECT_EQ(send(card, "00 20 00 80"), "63 C0");
    EXPECT_EQ(card.counters().textPin, 0);
    send(card, "00 A4 02 0C 02 00 01");
    EXPECT_EQ(send(card, "00 20 00 80"), "69 86") << "not a PIN EF";
}

TEST(Emulator, CountersPersistInTheStateFile)
{
    auto state = tempFile("pins.state");
    {
        MyNumberCard card(identity("hanako"), {}, state);
        card.powerOn();
        send(card, SELECT_JPKI);
        send(card, "00 A4 02 0C 02 00 1B");
        EXPECT_EQ(send(card, verifyWith("WRONG1")), "63 C4");
        send(card, SELECT_TEXT);
        EXPECT_EQ(send(card, verifyWith("9999", "91")), "63 C2") << "VERIFY by short EF id";
    }
    auto loaded = PinCounters::load(state);
    EXPECT_EQ(loaded.signPassword, 4);
    EXPECT_EQ(loaded.textPin, 2);
    EXPECT_EQ(loaded.authPin, 3);
    MyNumberCard again(identity("hanako"), {}, state);
    again.powerOn();
    send(again, SELECT_TEXT);
    send(again, "00 A4 02 0C 02 00 11");
    EXPECT_EQ(send(again, "00 20 00 80"), "63 C2");
    EXPECT_EQ(send(again, verifyWith(again.identity().textPin)), "90 00");
    EXPECT_EQ(PinCounters::load(state).textPin, 3);
    EXPECT_EQ(PinCounters::load(tempFile("missing.state")).textPin, 3) << "defaults";
}

TEST(Emulator, ProtectedFilesNeedTheirPinAndSecurityIsClearedBySelectAndReset)
{
    auto who = identity("hanako");
    MyNumberCard card(who);
    card.powerOn();
    send(card, SELECT_TEXT);
    send(card, "00 A4 02 0C 02 00 01");
    EXPECT_EQ(send(card, "00 B0 00 00 11"), "69 82");
    EXPECT_EQ(send(card, verifyWith(who.textPin, "91")), "90 00");
    std::string number = send(card, "00 B0 00 00 00");
    EXPECT_EQ(number, "FF 10 0C " + hexOf(who.myNumber) + " FF FF 90 00") << "17 bytes for Le=00";
    EXPECT_EQ(send(card, "00 B0 00 11 01"), "90 00") << "offset == size: nothing left";
    EXPECT_EQ(send(card, "00 B0 00 12 01"), "6B 00");
    EXPECT_EQ(send(card, "00 B0 00 00"), "67 00") << "no Le";
    send(card, SELECT_TEXT); // re-selecting the AP logs out (OpenSC's logout)
    send(card, "00 A4 02 0C 02 00 01");
    EXPECT_EQ(send(card, "00 B0 00 00 11"), "69 82");
    send(card, verifyWith(who.textPin, "91"));
    card.reset();
    send(card, SELECT_TEXT);
    send(card, "00 A4 02 0C 02 00 01");
    EXPECT_EQ(send(card, "00 B0 00 00 11"), "69 82") << "reset clears the security status";
    send(card, "00 A4 02 0C 02 00 11");
    EXPECT_EQ(send(card, "00 B0 00 00 01"), "69 81") << "a PIN EF is not readable";
}

TEST(Emulator, CollationNumbersUnlockTheirFiles)
{
    auto who = identity("hanako");
    MyNumberCard card(withPersonality(who, Personality::ContactB));
    card.powerOn();
    send(card, SELECT_TEXT);
    send(card, "00 A4 02 0C 02 00 15");
    EXPECT_EQ(send(card, "00 20 00 80"), "63 CA");
    EXPECT_EQ(send(card, verifyWith(who.collationB())), "90 00");
    EXPECT_EQ(who.collationB(), "80010120304821");
    EXPECT_EQ(send(card, "00 B0 82 00 07"), "FF 20 62 DF 21 08 00 90 00") << "SFI form";
    send(card, "00 A4 02 0C 02 00 01");
    EXPECT_EQ(send(card, "00 B0 00 00 11"), "69 82") << "照合番号B does not unlock the number";
    send(card, "00 A4 02 0C 02 00 14");
    EXPECT_EQ(send(card, verifyWith(who.myNumber)), "90 00");
    EXPECT_EQ(sw(send(card, "00 B0 81 00 11")), "90 00") << "照合番号A does";

    send(card, SELECT_VISUAL);
    send(card, "00 A4 02 0C 02 00 02");
    EXPECT_EQ(send(card, "00 B0 00 00 04"), "69 82");
    EXPECT_EQ(send(card, verifyWith(who.collationB(), "92")), "90 00");
    EXPECT_EQ(send(card, "00 B0 00 00 03"), "FF 20 82 90 00");
    send(card, SELECT_JUKI);
    EXPECT_EQ(sw(send(card, "00 B2 01 0C 00")), "90 00");
    EXPECT_EQ(send(card, "00 B2 02 0C 00"), "6A 83");
}

TEST(Emulator, BasicInfoIsTheSection32Vector)
{
    auto who = identity("hanako");
    MyNumberCard card(who);
    openText(card);
    const std::string expected = "FF 20 62 DF 21 08 00 0E 00 20 00 56 00 61 "
                                 "DF 22 0F E8 A9 A6 E9 A8 93 E3 80 80 E8 8A B1 E5 AD 90 "
                                 "DF 23 33 E6 9D B1 E4 BA AC E9 83 BD E5 8D 83 E4 BB A3 E7 94 B0 "
                                 "E5 8C BA E9 9C 9E E3 81 8C E9 96 A2 E4 B8 80 E4 B8 81 E7 9B AE "
                                 "EF BC 91 E7 95 AA EF BC 91 E5 8F B7 "
                                 "DF 24 08 31 39 38 30 30 31 30 31 DF 25 01 32";
    EXPECT_EQ(toHex(readWhole(card, "00 02")), expected);

    who.longFormLength = true;
    MyNumberCard longForm(who);
    openText(longForm);
    Bytes info = readWhole(longForm, "00 02");
    EXPECT_EQ(info.size(), 103u);
    EXPECT_EQ(toHex(ByteView(info).first(16)), "FF 20 82 00 62 DF 21 08 00 10 00 22 00 58 00 63");
}

TEST(Emulator, OffsetsPointAtTheFieldsForEveryTextIdentity)
{
    for (const char* id : { "hanako", "taro", "long_address", "rare_kanji", "reiwa_baby" }) {
        SCOPED_TRACE(id);
        auto who = withPersonality(identity(id), Personality::ContactA);
        MyNumberCard card(who);
        openText(card);
        Bytes info = readWhole(card, "00 02");
        std::size_t header = info[2] == 0x82 ? 5 : 3;
        std::size_t length = info[2] == 0x82 ? (info[3] << 8 | info[4]) : info[2];
        EXPECT_EQ(header + length, info.size());
        EXPECT_EQ(info[2] == 0x82, who.longFormLength || length > 0x7F);
        ASSERT_EQ(info[header], 0xDF);
        ASSERT_EQ(info[header + 1], 0x21);
        for (int i = 0; i < 4; ++i) {
            std::size_t at = info[header + 3 + 2 * i] << 8 | info[header + 4 + 2 * i];
            ASSERT_LT(at + 1, info.size());
            EXPECT_EQ(info[at], 0xDF);
            EXPECT_EQ(info[at + 1], 0x22 + i);
        }
        std::string text(info.begin(), info.end());
        EXPECT_NE(text.find(who.name), std::string::npos);
        EXPECT_NE(text.find(who.address), std::string::npos);
        EXPECT_NE(text.find(who.birthDate + "\xDF\x25\x01" + who.sex), std::string::npos);
        if (std::string(id) == "long_address") {
            EXPECT_GT(info.size(), 256u);
            EXPECT_EQ(info[256] & 0xC0, 0x80) << "byte 256 continues a multi-byte character";
        }
        if (std::string(id) == "rare_kanji") {
            EXPECT_NE(text.find("\xF0\xA0\xAE\xB7"), std::string::npos) << "𠮷";
            EXPECT_NE(text.find("\xE8\x91\x9B\xF3\xA0\x84\x80"), std::string::npos) << "葛+IVS";
            EXPECT_NE(text.find("\xE3\x80\x93"), std::string::npos) << "〓";
        }
    }
}

TEST(Emulator, ExtendedLengthOnlyWhereAdvertised)
{
    auto who = identity("long_address");
    for (auto [personality, extended] :
        { std::pair { Personality::ContactA, true }, { Personality::ContactB, false },
            { Personality::Contactless, true }, { Personality::ContactC, false } }) {
        MyNumberCard card(withPersonality(who, personality));
        openText(card);
        send(card, "00 A4 02 0C 02 00 02");
        std::string r = send(card, "00 B0 00 00 00 00 00");
        if (extended) {
            EXPECT_EQ(payload(r).size(), 287u);
        } else {
            EXPECT_EQ(r, "67 00") << personalityName(personality);
            EXPECT_EQ(payload(send(card, "00 B0 00 00 00")).size(), 256u);
            EXPECT_EQ(payload(send(card, "00 B0 01 00 00")).size(), 31u);
        }
    }
}

TEST(Emulator, RemovalResetAndLatencyFaults)
{
    auto who = identity("hanako");
    Faults faults;
    faults.removeAfterApdus = 2;
    MyNumberCard card(who, faults);
    InProcessTransport transport(card);
    EXPECT_EQ(send(card, SELECT_TEXT), "90 00");
    EXPECT_EQ(send(card, "00 A4 02 0C 02 00 11"), "90 00");
    EXPECT_FALSE(card.removed());
    EXPECT_EQ(send(card, "00 20 00 80"), "");
    EXPECT_TRUE(card.removed());
    Bytes query { 0x00, 0x20, 0x00, 0x80 };
    auto result = transport.exchange(query);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, cardio::CardErrorCode::CardRemoved);

    Faults reset;
    reset.resetBeforeApdu = 2;
    reset.latency = std::chrono::milliseconds(15);
    MyNumberCard resetCard(who, reset);
    resetCard.powerOn();
    auto start = std::chrono::steady_clock::now();
    send(resetCard, SELECT_TEXT);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(15));
    send(resetCard, verifyWith(who.textPin, "91"));
    EXPECT_EQ(send(resetCard, "00 B0 81 00 11"), "6A 82") << "reset: no DF any more";
}

TEST(Emulator, ContentFaults)
{
    auto who = identity("hanako");
    Faults faults;
    faults.truncatedBasicInfo = true;
    faults.badCheckDigit = true;
    faults.invalidUtf8 = true;
    MyNumberCard card(who, faults);
    openText(card);
    Bytes number = readWhole(card, "00 01");
    ASSERT_EQ(number.size(), 17u);
    EXPECT_NE(number[14], who.myNumber[11]);
    Bytes info = readWhole(card, "00 02");
    EXPECT_EQ(info[2], info.size() - 3 + 16) << "outer length claims 16 bytes more";
    std::string text(info.begin(), info.end());
    EXPECT_NE(text.find("\xFF\xFE"), std::string::npos);
    send(card, "00 A4 02 0C 02 00 02");
    EXPECT_EQ(send(card, "00 B0 00 " + lc(info.size()) + " 10"), "90 00") << "nothing more";
}

TEST(Emulator, GetResponseAndExactLeFaults)
{
    auto who = identity("hanako");
    Faults faults;
    faults.useGetResponse = true;
    MyNumberCard card(who, faults);
    openText(card);
    send(card, "00 A4 02 0C 02 00 01");
    EXPECT_EQ(send(card, "00 B0 00 00 11"), "61 11");
    EXPECT_EQ(send(card, "00 C0 00 00 11"), "FF 10 0C " + hexOf(who.myNumber) + " FF FF 90 00");

    Faults exact;
    exact.demandExactLe = true;
    MyNumberCard exactCard(who, exact);
    openText(exactCard);
    send(exactCard, "00 A4 02 0C 02 00 01");
    EXPECT_EQ(send(exactCard, "00 B0 00 00 20"), "6C 11");
    EXPECT_EQ(sw(send(exactCard, "00 B0 00 00 11")), "90 00");
}

TEST(Emulator, PhoneAndJukiPersonalities)
{
    auto phoneWho = identity("phone");
    MyNumberCard phone(phoneWho);
    phone.powerOn();
    EXPECT_EQ(send(phone, SELECT_TEXT), "6A 82");
    EXPECT_EQ(send(phone, SELECT_VISUAL), "6A 82");
    EXPECT_EQ(send(phone, SELECT_JPKI), "90 00");
    send(phone, "00 A4 02 0C 02 00 06");
    EXPECT_EQ(send(phone, "00 B0 00 00 20"),
        toHex(asBytes("JPKIAPGPSETOKEN                 ")) + " 90 00");
    send(phone, "00 A4 02 0C 02 00 0A");
    EXPECT_EQ(send(phone, "00 B0 00 00 04"), "69 82") << "phone: auth cert behind the auth PIN";
    send(phone, "00 A4 02 0C 02 00 18");
    EXPECT_EQ(send(phone, verifyWith(phoneWho.authPin)), "90 00");
    send(phone, "00 A4 02 0C 02 00 0A");
    EXPECT_EQ(send(phone, "00 B0 00 00 02"), "30 82 90 00");

    MyNumberCard juki(identity("juki"));
    juki.powerOn();
    EXPECT_EQ(toHex(juki.atr()), "3B E0 00 FF 81 31 FE 45 14");
    EXPECT_EQ(send(juki, SELECT_TEXT), "6A 82");
    send(juki, SELECT_JPKI);
    send(juki, "00 A4 02 0C 02 00 06");
    EXPECT_EQ(send(juki, "00 B0 00 00 0F"), toHex(asBytes("JPKIAPICCTOKEN ")) + " 90 00");
    send(juki, "00 A4 02 0C 02 00 08");
    EXPECT_EQ(send(juki, "00 B0 00 00 00"), "8F 8F 00 90 00");
}

TEST(Emulator, AtrsOfThePersonalities)
{
    auto who = identity("hanako");
    for (auto [personality, atr] :
        { std::pair {
              Personality::ContactA, "3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B" },
            { Personality::ContactB, "3B C5 FF 81 31 FB 45 80 73 C6 01 00 00" },
            { Personality::ContactC, "3B E0 00 FF 81 31 FE 45 14" },
            { Personality::Contactless, "3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F" } }) {
        MyNumberCard card(withPersonality(who, personality));
        EXPECT_EQ(toHex(card.atr()), atr) << personalityName(personality);
    }
    MyNumberCard pupi(withPersonality(who, Personality::PupiRandom));
    std::set<std::string> seen;
    for (int i = 0; i < 4; ++i) {
        pupi.powerOn();
        Bytes atr = pupi.atr();
        ASSERT_EQ(atr.size(), 13u);
        EXPECT_EQ(toHex(ByteView(atr).first(4)), "3B 88 80 01");
        EXPECT_EQ(
            toHex(ByteView(atr).subspan(8)), toHex(Bytes { 0xB3, 0x81, 0xA1, 0x00, atr[12] }));
        std::uint8_t check = 0;
        for (std::size_t k = 1; k < atr.size(); ++k) {
            check ^= atr[k];
        }
        EXPECT_EQ(check, 0) << "TCK";
        seen.insert(toHex(atr));
    }
    EXPECT_GT(seen.size(), 1u) << "4 random bytes per insertion";
}

TEST(Emulator, SigningCertificateNeedsThePasswordAndCarriesTheAttributes)
{
    auto who = identity("rare_kanji");
    MyNumberCard card(withPersonality(who, Personality::ContactA));
    card.powerOn();
    send(card, SELECT_JPKI);
    send(card, "00 A4 02 0C 02 00 01");
    EXPECT_EQ(send(card, "00 B0 00 00 04"), "69 82");
    send(card, "00 A4 02 0C 02 00 1B");
    EXPECT_EQ(send(card, verifyWith(who.signPassword)), "90 00");
    Bytes der = readWhole(card, "00 01");
    const std::uint8_t* p = der.data();
    X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
    ASSERT_NE(cert, nullptr);
    std::string text(der.begin(), der.end());
    EXPECT_NE(text.find("\xE5\x90\x89\xE7\x94\xB0"), std::string::npos) << "吉田 substituted";
    EXPECT_NE(text.find("100100"), std::string::npos) << "substitution flags";
    X509_free(cert);
}

TEST(Emulator, ComputeDigitalSignatureIsPkcs1Verifiable)
{
    auto who = identity("hanako");
    MyNumberCard card(who);
    card.powerOn();
    send(card, SELECT_JPKI);
    Bytes authDer = readWhole(card, "00 0A");
    send(card, "00 A4 02 0C 02 00 17");
    std::string sha256Prefix = "30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20";
    std::string message = "kakanai";
    std::uint8_t digest[32];
    unsigned digestLength = 0;
    EVP_Digest(message.data(), message.size(), digest, &digestLength, EVP_sha256(), nullptr);
    std::string sign = "80 2A 00 80 33 " + sha256Prefix + " " + toHex(ByteView(digest, 32)) + " 00";
    EXPECT_EQ(send(card, sign), "69 82") << "auth PIN not verified";
    send(card, "00 A4 02 0C 02 00 18");
    send(card, verifyWith(who.authPin));
    EXPECT_EQ(send(card, sign), "69 85") << "the PIN EF is selected, not the key";
    send(card, "00 A4 02 0C 02 00 17");
    std::string r = send(card, sign);
    ASSERT_EQ(sw(r), "90 00");
    Bytes signature = payload(r);
    ASSERT_EQ(signature.size(), 256u);

    const std::uint8_t* p = authDer.data();
    X509* cert = d2i_X509(nullptr, &p, static_cast<long>(authDer.size()));
    ASSERT_NE(cert, nullptr);
    EVP_PKEY* key = X509_get_pubkey(cert);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ASSERT_EQ(EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key), 1);
    EXPECT_EQ(EVP_DigestVerify(ctx, signature.data(), signature.size(),
                  reinterpret_cast<const std::uint8_t*>(message.data()), message.size()),
        1);
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    X509_free(cert);
}

TEST(Emulator, IdentityFilesAreChecked)
{
    for (const char* id :
        { "hanako", "taro", "long_address", "rare_kanji", "reiwa_baby", "phone", "juki" }) {
        EXPECT_NO_THROW(MyNumberCard card(identity(id))) << id;
    }
    EXPECT_EQ(identity("rare_kanji").name, "𠮷田　葛\xF3\xA0\x84\x80〓美");
    EXPECT_EQ(identity("taro").birthDate, "19450815");
    auto write = [](const std::string& name, const std::string& body) {
        auto path = tempFile(name);
        std::ofstream(path) << body;
        return loadIdentity(path);
    };
    std::string valid
        = "name = \"試験　一郎\"\naddress = \"東京都架空区\"\nbirth_date = \"20000101\"\n"
          "sex = \"1\"\nmy_number = \"123456789018\"\ntext_pin = \"1234\"\n"
          "auth_pin = \"1234\"\nsign_password = \"ABC123\"\n"
          "card_expiry_year = \"2030\"\nsecurity_code = \"1234\"\n";
    auto ok = write("ok.toml", valid);
    ASSERT_TRUE(ok) << ok.error();
    EXPECT_EQ(ok->personality, Personality::ContactA);
    EXPECT_EQ(ok->pkiDir.filename(), "ok");
    auto badDigit = write("bad.toml", valid + "my_number = \"123456789012\"\n");
    ASSERT_FALSE(badDigit);
    EXPECT_NE(badDigit.error().find("duplicate"), std::string::npos);
    std::string wrongCheck = valid;
    wrongCheck.replace(wrongCheck.find("123456789018"), 12, "123456789017");
    auto check = write("check.toml", wrongCheck);
    ASSERT_FALSE(check);
    EXPECT_NE(check.error().find("check digit"), std::string::npos);
    EXPECT_EQ(check.error().find("123456789017"), std::string::npos) << "no number in messages";
    auto unknown = write("unknown.toml", valid + "colour = \"blue\"\n");
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().find(":11: unknown key colour"), std::string::npos);
    EXPECT_FALSE(write("missing.toml", "name = \"x\"\n"));
    EXPECT_FALSE(write("persona.toml", valid + "personality = \"ipad\"\n"));
    EXPECT_FALSE(loadIdentity(tempFile("absent.toml")));
}
