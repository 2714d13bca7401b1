// The JPKI AP against the emulator in-process: certificate reads and their APDU cost, chain
// verification against config/identities/pki/trust, the signing certificate's attributes,
// signing-password safety (nothing sent for a bad format, the last try held back) and the
// token labels of a phone and a 住基カード. Identities are invented (config/identities).
#include "card_fixture.hpp"

#include "kakanai/cardio/constants.hpp"
#include "kakanai/cardio/jpki.hpp"

#include <cctype>
#include <ctime>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>

using namespace kakanai;
using namespace kakanai::cardio;
using namespace kakanai::testing;
namespace fs = std::filesystem;

namespace {

fs::path pkiDir()
{
    return fs::path(KAKANAI_SOURCE_DIR) / "config" / "identities" / "pki";
}

Bytes fileBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Inside the validity of the generated test PKI (2025-04-01 … 2030-03-31), independent of
// the day the tests run.
std::chrono::system_clock::time_point testNow()
{
    std::tm tm {};
    tm.tm_year = 2026 - 1900;
    tm.tm_mon = 5;
    tm.tm_mday = 1;
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

vcard::Identity withPersonality(vcard::Identity identity, vcard::Personality personality)
{
    identity.personality = personality;
    return identity;
}

SecureBytes secret(const std::string& text)
{
    return SecureBytes::fromString(text);
}

std::size_t shortReads(std::size_t size)
{
    return (size + 255) / 256;
}

// Spends wrong tries until `remaining` are left.
void spendTries(JpkiAp& jpki, int from, int remaining)
{
    auto wrong = secret("WRONG1234");
    for (int left = from - 1; left >= remaining; --left) {
        auto result = jpki.readCertificate(CertificateType::Sign, &wrong, true);
        ASSERT_FALSE(result);
        ASSERT_EQ(
            result.error().code, left == 0 ? CardErrorCode::PinLocked : CardErrorCode::WrongPin)
            << describe(result.error());
        ASSERT_EQ(result.error().triesLeft, left);
    }
}

} // namespace

TEST(JpkiAp, ReadsAllFourCertificatesAndVerifiesTheChains)
{
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(withPersonality(identity, vcard::Personality::ContactB));
    JpkiAp jpki(*emulated.channel);
    auto password = secret(identity.signPassword);
    struct Case
    {
        CertificateType type;
        fs::path file;
    };
    for (const auto& [type, file] : { Case { CertificateType::Auth, identity.pkiDir / "auth.der" },
             Case { CertificateType::AuthCa, pkiDir() / "auth_ca.der" },
             Case { CertificateType::SignCa, pkiDir() / "sign_ca.der" },
             Case { CertificateType::Sign, identity.pkiDir / "sign.der" } }) {
        SCOPED_TRACE(certificateTypeName(type));
        auto der = jpki.readCertificate(type, &password);
        ASSERT_TRUE(der) << describe(der.error());
        EXPECT_EQ(Bytes(der->begin(), der->end()), fileBytes(file));
        auto report = inspectCertificate(der->view(), pkiDir() / "trust", testNow());
        ASSERT_TRUE(report) << describe(report.error());
        EXPECT_TRUE(report->chainVerified) << report->chainError;
        EXPECT_FALSE(report->expired);
        EXPECT_GT(report->daysUntilExpiry, 0);
        EXPECT_NE(report->issuer.find("O=JPKI"), std::string::npos) << report->issuer;
    }
    EXPECT_EQ(std::string(password.begin(), password.end()), identity.signPassword)
        << "the caller's buffer is the caller's to wipe";
}

TEST(JpkiAp, SignCertificateAttributesMatchTheIdentity)
{
    for (const char* id : { "hanako", "taro", "reiwa_baby", "long_address", "rare_kanji" }) {
        SCOPED_TRACE(id);
        auto identity = loadTestIdentity(id);
        EmulatedCard emulated(identity);
        JpkiAp jpki(*emulated.channel);
        auto password = secret(identity.signPassword);
        auto der = jpki.readCertificate(CertificateType::Sign, &password);
        ASSERT_TRUE(der) << describe(der.error());
        auto attributes = decodeSignatureAttributes(der->view());
        ASSERT_TRUE(attributes) << attributes.error();
        EXPECT_EQ(str(attributes->birthDate).substr(1), identity.birthDate);
        EXPECT_EQ(
            str(attributes->sex), identity.sex == "1" || identity.sex == "2" ? identity.sex : "3");
        if (std::string(id) == "rare_kanji") {
            // 𠮷 and the IVS cannot be in the certificate: substitutes, flagged with '1'.
            EXPECT_TRUE(attributes->anySubstituted());
            EXPECT_NE(str(attributes->name), identity.name);
        } else {
            EXPECT_FALSE(attributes->anySubstituted());
            EXPECT_EQ(str(attributes->name), identity.name);
            EXPECT_EQ(str(attributes->address), identity.address);
        }
        attributes->wipe();
    }
}

TEST(JpkiAp, LowerCasePasswordIsUpperCasedBeforeSending)
{
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(identity);
    JpkiAp jpki(*emulated.channel);
    std::string lower = identity.signPassword;
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    auto password = secret(lower);
    auto der = jpki.readCertificate(CertificateType::Sign, &password);
    ASSERT_TRUE(der) << describe(der.error());
    EXPECT_EQ(emulated.card->counters().signPassword, 5);
    EXPECT_EQ(std::string(password.begin(), password.end()), lower) << "the input is not modified";
}

TEST(JpkiAp, AuthCertificateApduCount)
{
    auto identity = loadTestIdentity("hanako");
    std::size_t size = fileBytes(identity.pkiDir / "auth.der").size();
    ASSERT_GT(size, 1024u);

    // Short reads only: SELECT AP, SELECT EF, then 256-byte READs (header included in the first).
    EmulatedCard contactB(withPersonality(identity, vcard::Personality::ContactB));
    auto der = JpkiAp(*contactB.channel).readCertificate(CertificateType::Auth);
    ASSERT_TRUE(der) << describe(der.error());
    EXPECT_EQ(der->size(), size);
    EXPECT_EQ(contactB.channel->exchangeCount(), 2 + shortReads(size));

    // The ATR advertises extended length: one READ for the whole certificate.
    EmulatedCard contactA(withPersonality(identity, vcard::Personality::ContactA));
    der = JpkiAp(*contactA.channel).readCertificate(CertificateType::Auth);
    ASSERT_TRUE(der) << describe(der.error());
    EXPECT_EQ(der->size(), size);
    EXPECT_EQ(contactA.channel->exchangeCount(), 3u);
}

TEST(JpkiAp, SignCertificateApduCount)
{
    auto identity = loadTestIdentity("hanako");
    std::size_t size = fileBytes(identity.pkiDir / "sign.der").size();
    EmulatedCard emulated(withPersonality(identity, vcard::Personality::ContactB));
    auto password = secret(identity.signPassword);
    auto der = JpkiAp(*emulated.channel).readCertificate(CertificateType::Sign, &password);
    ASSERT_TRUE(der) << describe(der.error());
    // SELECT AP, SELECT 001B, query VERIFY, VERIFY, SELECT 0001, READs.
    EXPECT_EQ(emulated.channel->exchangeCount(), 5 + shortReads(size));
}

TEST(JpkiAp, WrongPasswordReportsTriesLeft)
{
    auto identity = loadTestIdentity("taro");
    EmulatedCard emulated(identity);
    JpkiAp jpki(*emulated.channel);
    auto wrong = secret("WRONG1234");
    auto result = jpki.readCertificate(CertificateType::Sign, &wrong);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, CardErrorCode::WrongPin);
    EXPECT_EQ(result.error().triesLeft, 4);
    EXPECT_EQ(emulated.card->counters().signPassword, 4);
    auto status = jpki.signPasswordStatus();
    ASSERT_TRUE(status) << describe(status.error());
    EXPECT_EQ(status->triesLeft, 4);
    EXPECT_FALSE(status->locked);

    // A correct password restores the counter.
    auto password = secret(identity.signPassword);
    ASSERT_TRUE(jpki.readCertificate(CertificateType::Sign, &password));
    EXPECT_EQ(emulated.card->counters().signPassword, 5);
}

TEST(JpkiAp, LastTryIsRefusedWithoutSendingThePassword)
{
    auto identity = loadTestIdentity("taro");
    EmulatedCard emulated(identity);
    JpkiAp jpki(*emulated.channel);
    spendTries(jpki, 5, 1);
    ASSERT_EQ(emulated.card->counters().signPassword, 1);

    auto password = secret(identity.signPassword);
    std::size_t before = emulated.channel->exchangeCount();
    auto refused = jpki.readCertificate(CertificateType::Sign, &password);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, CardErrorCode::LastTryRefused);
    EXPECT_EQ(refused.error().triesLeft, 1);
    // SELECT AP, SELECT 001B and the empty VERIFY only: no VERIFY with data.
    EXPECT_EQ(emulated.channel->exchangeCount() - before, 3u);
    EXPECT_EQ(emulated.card->counters().signPassword, 1);

    auto allowed = jpki.readCertificate(CertificateType::Sign, &password, true);
    ASSERT_TRUE(allowed) << describe(allowed.error());
    EXPECT_EQ(emulated.card->counters().signPassword, 5);
}

TEST(JpkiAp, LockedPasswordIsReported)
{
    auto identity = loadTestIdentity("taro");
    EmulatedCard emulated(identity);
    JpkiAp jpki(*emulated.channel);
    spendTries(jpki, 5, 0);
    auto password = secret(identity.signPassword);
    auto result = jpki.readCertificate(CertificateType::Sign, &password, true);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, CardErrorCode::PinLocked);
    auto status = jpki.signPasswordStatus();
    ASSERT_TRUE(status);
    EXPECT_TRUE(status->locked);
}

TEST(JpkiAp, InvalidPasswordFormatSendsNothing)
{
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(identity);
    JpkiAp jpki(*emulated.channel);
    for (const char* bad :
        { "", "ABC12", "ABCDEFGH", "12345678", "PASS-1234", "ＡＢＣ１２３", "ABCDEFGH123456789" }) {
        auto password = secret(bad);
        auto result = jpki.readCertificate(CertificateType::Sign, &password);
        ASSERT_FALSE(result) << bad;
        EXPECT_EQ(result.error().code, CardErrorCode::InvalidPinFormat) << bad;
    }
    auto missing = jpki.readCertificate(CertificateType::Sign, nullptr);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, CardErrorCode::InvalidPinFormat);
    EXPECT_EQ(emulated.channel->exchangeCount(), 0u);
    EXPECT_EQ(emulated.card->counters().signPassword, 5);
}

TEST(JpkiAp, SignPasswordRules)
{
    EXPECT_TRUE(isValidSignPassword(secret("ABC123")));
    EXPECT_TRUE(isValidSignPassword(secret("abc123")));
    EXPECT_TRUE(isValidSignPassword(secret("A123456789012345")));
    EXPECT_FALSE(isValidSignPassword(secret("A1234567890123456"))); // 17
    EXPECT_FALSE(isValidSignPassword(secret("AB123"))); // 5
    EXPECT_FALSE(isValidSignPassword(secret("ABCDEF"))); // no digit
    EXPECT_FALSE(isValidSignPassword(secret("123456"))); // no letter
    EXPECT_FALSE(isValidSignPassword(secret("ABC 123")));
}

TEST(JpkiAp, PinStatusCostsNoTry)
{
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(identity);
    JpkiAp jpki(*emulated.channel);
    auto auth = jpki.authPinStatus();
    ASSERT_TRUE(auth) << describe(auth.error());
    EXPECT_EQ(auth->triesLeft, 3);
    auto sign = jpki.signPasswordStatus();
    ASSERT_TRUE(sign) << describe(sign.error());
    EXPECT_EQ(sign->triesLeft, 5);
    EXPECT_EQ(emulated.channel->exchangeCount(), 6u); // SELECT AP, SELECT EF, empty VERIFY each
    EXPECT_EQ(emulated.card->counters().authPin, 3);
    EXPECT_EQ(emulated.card->counters().signPassword, 5);
}

TEST(JpkiAp, TokenLabels)
{
    struct Case
    {
        const char* id;
        const char* label;
    };
    for (const auto& [id, label] : { Case { "hanako", mynumber::TOKEN_MYNUMBER_CARD },
             Case { "phone", mynumber::TOKEN_ANDROID },
             Case { "juki", mynumber::TOKEN_JUKI_CARD } }) {
        SCOPED_TRACE(id);
        EmulatedCard emulated(loadTestIdentity(id));
        auto token = JpkiAp(*emulated.channel).tokenLabel();
        ASSERT_TRUE(token) << describe(token.error());
        EXPECT_EQ(*token, label);
        EXPECT_EQ(emulated.channel->exchangeCount(), 3u); // SELECT AP, SELECT 0006, READ 32
    }
}

TEST(JpkiAp, PhoneAuthCertificateNeedsTheAuthPin)
{
    // Smartphone JPKI guards the auth certificate (mynumber-card.md §3.7); readCertificate has
    // no auth-PIN parameter, so the card's refusal comes back typed.
    EmulatedCard emulated(loadTestIdentity("phone"));
    auto der = JpkiAp(*emulated.channel).readCertificate(CertificateType::Auth);
    ASSERT_FALSE(der);
    EXPECT_EQ(der.error().code, CardErrorCode::SecurityStatusNotSatisfied);
}

TEST(JpkiAp, ExpiredIdentity)
{
    auto identity = loadTestIdentity("expired");
    EmulatedCard emulated(identity);
    auto der = JpkiAp(*emulated.channel).readCertificate(CertificateType::Auth);
    ASSERT_TRUE(der) << describe(der.error());
    auto report = inspectCertificate(der->view(), pkiDir() / "trust", testNow());
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->expired);
    EXPECT_LT(report->daysUntilExpiry, 0);
    EXPECT_FALSE(report->chainVerified);
}

TEST(JpkiAp, CardRemovedMidRead)
{
    vcard::Faults faults;
    faults.removeAfterApdus = 4; // SELECT, SELECT, READ, READ, then gone
    auto identity = loadTestIdentity("hanako");
    EmulatedCard emulated(withPersonality(identity, vcard::Personality::ContactB), faults);
    auto der = JpkiAp(*emulated.channel).readCertificate(CertificateType::Auth);
    ASSERT_FALSE(der);
    EXPECT_EQ(der.error().code, CardErrorCode::CardRemoved);
}

TEST(JpkiAp, CertificateTypeNamesRoundTrip)
{
    for (auto type : { CertificateType::Auth, CertificateType::Sign, CertificateType::AuthCa,
             CertificateType::SignCa }) {
        CertificateType parsed = CertificateType::Auth;
        ASSERT_TRUE(parseCertificateType(certificateTypeName(type), parsed));
        EXPECT_EQ(parsed, type);
    }
    CertificateType parsed = CertificateType::Sign;
    EXPECT_FALSE(parseCertificateType("Auth", parsed));
    EXPECT_FALSE(parseCertificateType("", parsed));
    EXPECT_EQ(parsed, CertificateType::Sign);
}
