// decodeSignatureAttributes on certificates built here with OpenSSL's C API: the six JPKI
// subjectAltName otherNames (mynumber-card.md §3.6), verbatim UTF-8 including a non-BMP kanji,
// and every way a certificate can fail the shape checks. All values are invented.
#include "kakanai/cardio/jpki.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <string>
#include <vector>

using namespace kakanai;
using namespace kakanai::cardio;

namespace {

struct OtherName
{
    std::string oid;
    std::string value;
    int type = V_ASN1_UTF8STRING;
};

const std::string OID_PREFIX = "1.2.392.200149.8.5.5.";
const std::string NAME = "\xF0\xA0\xAE\xB7野\xE3\x80\x80花子"; // 𠮷 (U+20BB7), full-width space
const std::string ADDRESS = "東京都架空区試験町一丁目２番３号";

std::vector<OtherName> validNames()
{
    return {
        { OID_PREFIX + "1", NAME },
        { OID_PREFIX + "2", "10000" },
        { OID_PREFIX + "3", "2" },
        { OID_PREFIX + "4", "319800101" },
        { OID_PREFIX + "5", ADDRESS },
        { OID_PREFIX + "6", "0000000000000000" },
    };
}

std::string str(const SecureString& s)
{
    return std::string(s.data(), s.size());
}

struct KeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertDeleter
{
    void operator()(X509* cert) const { X509_free(cert); }
};

// One EC key for every certificate of this file: key generation dominates the test time.
EVP_PKEY* testKey()
{
    static std::unique_ptr<EVP_PKEY, KeyDeleter> key(EVP_EC_gen("P-256"));
    return key.get();
}

GENERAL_NAME* otherName(const OtherName& entry)
{
    ASN1_STRING* text = ASN1_STRING_type_new(entry.type);
    ASN1_STRING_set(text, entry.value.data(), static_cast<int>(entry.value.size()));
    ASN1_TYPE* value = ASN1_TYPE_new();
    ASN1_TYPE_set(value, entry.type, text);
    GENERAL_NAME* name = GENERAL_NAME_new();
    GENERAL_NAME_set0_othername(name, OBJ_txt2obj(entry.oid.c_str(), 1), value);
    return name;
}

/** A self-signed certificate whose SAN holds `names` (plus `extraDns` as a dNSName). */
Bytes makeCertificate(
    const std::vector<OtherName>& names, bool withSan = true, const std::string& extraDns = {})
{
    std::unique_ptr<X509, CertDeleter> cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 42);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_NAME* subject = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(
        subject, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("t"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), subject);
    X509_set_pubkey(cert.get(), testKey());
    if (withSan) {
        GENERAL_NAMES* san = sk_GENERAL_NAME_new_null();
        if (!extraDns.empty()) {
            GENERAL_NAME* dns = GENERAL_NAME_new();
            ASN1_IA5STRING* text = ASN1_IA5STRING_new();
            ASN1_STRING_set(text, extraDns.data(), static_cast<int>(extraDns.size()));
            GENERAL_NAME_set0_value(dns, GEN_DNS, text);
            sk_GENERAL_NAME_push(san, dns);
        }
        for (const auto& entry : names) {
            sk_GENERAL_NAME_push(san, otherName(entry));
        }
        X509_add1_ext_i2d(cert.get(), NID_subject_alt_name, san, 0, X509V3_ADD_DEFAULT);
        GENERAL_NAMES_free(san);
    }
    X509_sign(cert.get(), testKey(), EVP_sha256());
    unsigned char* der = nullptr;
    int length = i2d_X509(cert.get(), &der);
    EXPECT_GT(length, 0);
    Bytes out(der, der + length);
    OPENSSL_free(der);
    return out;
}

Bytes withValue(int index, const std::string& value, int type = V_ASN1_UTF8STRING)
{
    auto names = validNames();
    names[static_cast<std::size_t>(index - 1)].value = value;
    names[static_cast<std::size_t>(index - 1)].type = type;
    return makeCertificate(names);
}

} // namespace

TEST(JpkiSan, DecodesAllSixVerbatim)
{
    auto der = makeCertificate(validNames(), true, "example.invalid");
    auto attributes = decodeSignatureAttributes(der);
    ASSERT_TRUE(attributes) << attributes.error();
    EXPECT_EQ(str(attributes->name), NAME); // the 4-byte UTF-8 of 𠮷 and U+3000 untouched
    EXPECT_EQ(str(attributes->nameSubstitutions), "10000");
    EXPECT_EQ(str(attributes->sex), "2");
    EXPECT_EQ(str(attributes->birthDate), "319800101");
    EXPECT_EQ(str(attributes->address), ADDRESS);
    EXPECT_EQ(str(attributes->addressSubstitutions), "0000000000000000");
    EXPECT_TRUE(attributes->anySubstituted());
}

TEST(JpkiSan, IgnoresUnrelatedOtherNamesInAnyOrder)
{
    auto names = validNames();
    std::reverse(names.begin(), names.end());
    names.insert(names.begin() + 2, { "1.2.392.200149.8.5.5.7", "something else" });
    names.push_back({ "1.2.392.200149.8.5.5.10", "not ours", V_ASN1_IA5STRING });
    auto attributes = decodeSignatureAttributes(makeCertificate(names));
    ASSERT_TRUE(attributes) << attributes.error();
    EXPECT_EQ(str(attributes->name), NAME);
    EXPECT_EQ(str(attributes->sex), "2");
}

TEST(JpkiSan, EachMissingAttributeIsNamed)
{
    for (std::size_t missing = 0; missing < 6; ++missing) {
        auto names = validNames();
        names.erase(names.begin() + static_cast<long>(missing));
        auto attributes = decodeSignatureAttributes(makeCertificate(names));
        ASSERT_FALSE(attributes) << "attribute " << missing + 1;
        EXPECT_NE(attributes.error().find(
                      "missing attribute " + OID_PREFIX + std::to_string(missing + 1)),
            std::string::npos)
            << attributes.error();
    }
}

TEST(JpkiSan, NoSubjectAltName)
{
    auto attributes = decodeSignatureAttributes(makeCertificate({}, false));
    ASSERT_FALSE(attributes);
    EXPECT_NE(attributes.error().find("no subjectAltName"), std::string::npos);
}

TEST(JpkiSan, SexMustBeOneTwoOrThree)
{
    for (const char* sex : { "1", "2", "3" }) {
        EXPECT_TRUE(decodeSignatureAttributes(withValue(3, sex))) << sex;
    }
    for (const char* sex : { "0", "9", "12", "", "F" }) {
        auto attributes = decodeSignatureAttributes(withValue(3, sex));
        ASSERT_FALSE(attributes) << sex;
        EXPECT_NE(attributes.error().find("sex"), std::string::npos);
    }
}

TEST(JpkiSan, EraDigitZeroToFive)
{
    for (const char* birth :
        { "019450815", "119000101", "219200101", "319450815", "420000229", "520190501" }) {
        EXPECT_TRUE(decodeSignatureAttributes(withValue(4, birth))) << birth;
    }
    for (const char* birth :
        { "619450815", "919450815", "31945081", "3194508150", "3194508AB", "X19450815", "" }) {
        auto attributes = decodeSignatureAttributes(withValue(4, birth));
        ASSERT_FALSE(attributes) << birth;
        EXPECT_NE(attributes.error().find("birth date"), std::string::npos);
    }
}

TEST(JpkiSan, SubstitutionFlagsOnlyZeroAndOne)
{
    EXPECT_FALSE(decodeSignatureAttributes(withValue(2, "00200")));
    EXPECT_FALSE(decodeSignatureAttributes(withValue(6, "0000 0000")));
    EXPECT_TRUE(decodeSignatureAttributes(withValue(6, "0101")));
}

TEST(JpkiSan, ValueMustBeUtf8String)
{
    for (int type : { V_ASN1_PRINTABLESTRING, V_ASN1_IA5STRING, V_ASN1_OCTET_STRING }) {
        auto attributes = decodeSignatureAttributes(withValue(3, "2", type));
        ASSERT_FALSE(attributes) << type;
        EXPECT_NE(attributes.error().find(OID_PREFIX + "3 is not a UTF8String"), std::string::npos)
            << attributes.error();
    }
}

TEST(JpkiSan, InvalidUtf8IsRefused)
{
    // A UTF8String tag around Shift_JIS bytes (試験) or a lone continuation byte.
    for (const std::string& bad :
        { std::string("\x8E\x8E\x8C\xB1"), std::string("a\x80"), std::string("\xED\xA0\x80") }) {
        auto attributes = decodeSignatureAttributes(withValue(1, bad));
        ASSERT_FALSE(attributes);
        EXPECT_NE(attributes.error().find("UTF-8"), std::string::npos);
    }
}

TEST(JpkiSan, DuplicateAttributeIsRefused)
{
    auto names = validNames();
    names.push_back({ OID_PREFIX + "1", "試験　別名" });
    auto attributes = decodeSignatureAttributes(makeCertificate(names));
    ASSERT_FALSE(attributes);
    EXPECT_NE(attributes.error().find("twice"), std::string::npos);
}

TEST(JpkiSan, ErrorsNeverQuoteTheValues)
{
    auto attributes = decodeSignatureAttributes(withValue(3, "9"));
    ASSERT_FALSE(attributes);
    auto names = validNames();
    names[3].value = "619450815";
    auto badBirth = decodeSignatureAttributes(makeCertificate(names));
    ASSERT_FALSE(badBirth);
    for (const auto& message : { attributes.error(), badBirth.error() }) {
        EXPECT_EQ(message.find("花子"), std::string::npos);
        EXPECT_EQ(message.find("東京都"), std::string::npos);
        EXPECT_EQ(message.find("1945"), std::string::npos);
    }
}

TEST(JpkiSan, MalformedDerNeverParses)
{
    auto der = makeCertificate(validNames());
    EXPECT_FALSE(decodeSignatureAttributes(ByteView()));
    Bytes garbage = { 0x30, 0x82, 0x06, 0x1F, 0x01, 0x02 };
    EXPECT_FALSE(decodeSignatureAttributes(garbage));
    // Every truncation: the declared length runs past the input, which must not be read.
    for (std::size_t length = 1; length < der.size(); length += 97) {
        auto truncated = std::make_unique<std::uint8_t[]>(length);
        std::copy_n(der.begin(), length, truncated.get());
        EXPECT_FALSE(decodeSignatureAttributes(ByteView(truncated.get(), length))) << length;
    }
    Bytes trailing = der;
    trailing.push_back(0x00);
    EXPECT_FALSE(decodeSignatureAttributes(trailing));
}

TEST(JpkiSan, AnySubstituted)
{
    SignatureAttributes attributes;
    assignSecure(attributes.nameSubstitutions, "00000");
    assignSecure(attributes.addressSubstitutions, "0000000000");
    EXPECT_FALSE(attributes.anySubstituted());
    assignSecure(attributes.addressSubstitutions, "0000001000");
    EXPECT_TRUE(attributes.anySubstituted());
    assignSecure(attributes.addressSubstitutions, "");
    assignSecure(attributes.nameSubstitutions, "00001");
    EXPECT_TRUE(attributes.anySubstituted());
}

TEST(JpkiSan, WipeEmptiesEverything)
{
    auto attributes = decodeSignatureAttributes(makeCertificate(validNames()));
    ASSERT_TRUE(attributes);
    attributes->wipe();
    for (const SecureString* s :
        { &attributes->name, &attributes->nameSubstitutions, &attributes->sex,
            &attributes->birthDate, &attributes->address, &attributes->addressSubstitutions }) {
        EXPECT_TRUE(s->empty());
        // The heap buffer stays allocated; what is left in it must be zeros.
        for (std::size_t i = 0; i < s->capacity(); ++i) {
            ASSERT_EQ(s->data()[i], '\0');
        }
    }
    EXPECT_FALSE(attributes->anySubstituted());
}
