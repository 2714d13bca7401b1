// inspectCertificate and toPem with a tiny CA and leaf built here with OpenSSL's C API; the CA
// goes as PEM into a temporary trust folder. Times are fixed, so no test depends on the clock.
#include "kakanai/cardio/jpki.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <string>
#include <unistd.h>

using namespace kakanai;
using namespace kakanai::cardio;
namespace fs = std::filesystem;

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertDeleter
{
    void operator()(X509* cert) const { X509_free(cert); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertPtr = std::unique_ptr<X509, CertDeleter>;

std::chrono::system_clock::time_point utc(int year, int month, int day, int hour = 0)
{
    std::tm tm {};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    return std::chrono::system_clock::from_time_t(timegm(&tm));
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    ASSERT_NE(extension, nullptr) << value;
    X509_add_ext(cert, extension, -1);
    X509_EXTENSION_free(extension);
}

void setName(X509_NAME* name, const char* organisation, const char* common)
{
    auto add = [name](const char* field, const char* value) {
        X509_NAME_add_entry_by_txt(
            name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value), -1, -1, 0);
    };
    add("C", "JP");
    add("O", organisation);
    add("CN", common);
}

struct Issued
{
    KeyPtr key;
    CertPtr cert;
};

/** A CA (issuer == nullptr: self-signed) or a leaf, valid 2025-04-01 … 2030-03-31 23:59:59. */
Issued issue(
    const char* organisation, const char* common, const Issued* issuer, std::uint64_t serial)
{
    Issued out { KeyPtr(EVP_EC_gen("P-256")), CertPtr(X509_new()) };
    X509* cert = out.cert.get();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert), serial);
    ASN1_TIME_set_string(X509_getm_notBefore(cert), "20250401000000Z");
    ASN1_TIME_set_string(X509_getm_notAfter(cert), "20300331235959Z");
    setName(X509_get_subject_name(cert), organisation, common);
    X509_set_pubkey(cert, out.key.get());
    X509* issuerCert = issuer ? issuer->cert.get() : cert;
    X509_set_issuer_name(cert, X509_get_subject_name(issuerCert));
    if (issuer == nullptr) {
        addExtension(cert, issuerCert, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert, issuerCert, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(cert, issuerCert, NID_key_usage, "critical,digitalSignature");
    }
    addExtension(cert, issuerCert, NID_subject_key_identifier, "hash");
    X509_sign(cert, issuer ? issuer->key.get() : out.key.get(), EVP_sha256());
    return out;
}

Bytes der(const X509* cert)
{
    unsigned char* buffer = nullptr;
    int length = i2d_X509(cert, &buffer);
    Bytes out(buffer, buffer + (length > 0 ? length : 0));
    OPENSSL_free(buffer);
    return out;
}

std::string pem(const X509* cert)
{
    return toPem(der(cert));
}

void writeFile(const fs::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

class JpkiCertificate : public ::testing::Test
{
protected:
    void SetUp() override
    {
        std::string pattern = (fs::temp_directory_path() / "kakanai-jpki-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        fs::create_directory(m_dir / "trust");
        fs::create_directory(m_dir / "other");
        writeFile(m_dir / "trust" / "ca.pem", pem(m_ca.cert.get()));
        writeFile(m_dir / "other" / "ca.pem", pem(m_otherCa.cert.get()));
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path m_dir;
    Issued m_ca = issue("公的個人認証サービス（試験）", "Kakanai TEST CA", nullptr, 1);
    Issued m_otherCa = issue("Other", "Other TEST CA", nullptr, 2);
    Issued m_leaf = issue("Kakanai", "試験 leaf", &m_ca, 0x0123456789ABCDEFull);
};

} // namespace

TEST_F(JpkiCertificate, ChainVerifiesAndFieldsAreReported)
{
    writeFile(m_dir / "trust" / "README.txt", "not a certificate");
    auto report = inspectCertificate(der(m_leaf.cert.get()), m_dir / "trust", utc(2026, 1, 1));
    ASSERT_TRUE(report) << describe(report.error());
    EXPECT_TRUE(report->chainVerified) << report->chainError;
    EXPECT_TRUE(report->chainError.empty());
    // RFC 2253 order (most specific first), UTF-8 left unescaped.
    EXPECT_EQ(report->subject, "CN=試験 leaf,O=Kakanai,C=JP");
    EXPECT_EQ(report->issuer, "CN=Kakanai TEST CA,O=公的個人認証サービス（試験）,C=JP");
    EXPECT_EQ(report->serialHex, "0123456789ABCDEF");
    EXPECT_EQ(report->notBefore, "2025-04-01T00:00:00Z");
    EXPECT_EQ(report->notAfter, "2030-03-31T23:59:59Z");
    EXPECT_FALSE(report->expired);
    EXPECT_EQ(report->daysUntilExpiry, 1550); // 2026-01-01 → 2030-03-31 23:59:59
}

TEST_F(JpkiCertificate, AnchorAmongSeveralInOneFile)
{
    fs::remove(m_dir / "trust" / "ca.pem");
    writeFile(m_dir / "trust" / "bundle.pem", pem(m_otherCa.cert.get()) + pem(m_ca.cert.get()));
    auto report = inspectCertificate(der(m_leaf.cert.get()), m_dir / "trust", utc(2026, 1, 1));
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->chainVerified) << report->chainError;
}

TEST_F(JpkiCertificate, WrongAnchorIsReportedNotAnError)
{
    auto report = inspectCertificate(der(m_leaf.cert.get()), m_dir / "other", utc(2026, 1, 1));
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->chainVerified);
    EXPECT_FALSE(report->chainError.empty());
    EXPECT_NE(report->chainError.find("issuer"), std::string::npos) << report->chainError;
    EXPECT_EQ(report->subject, "CN=試験 leaf,O=Kakanai,C=JP"); // still described
}

TEST_F(JpkiCertificate, OnlyPemFilesAreAnchors)
{
    fs::remove(m_dir / "trust" / "ca.pem");
    writeFile(m_dir / "trust" / "ca.crt", pem(m_ca.cert.get()));
    auto report = inspectCertificate(der(m_leaf.cert.get()), m_dir / "trust", utc(2026, 1, 1));
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->chainVerified);
    EXPECT_NE(report->chainError.find("no trust anchors"), std::string::npos);

    auto missing = inspectCertificate(der(m_leaf.cert.get()), m_dir / "nowhere", utc(2026, 1, 1));
    ASSERT_TRUE(missing);
    EXPECT_FALSE(missing->chainVerified);
    EXPECT_NE(missing->chainError.find("no trust anchors"), std::string::npos);
}

TEST_F(JpkiCertificate, ExpiredAtTheGivenTime)
{
    auto report = inspectCertificate(der(m_leaf.cert.get()), m_dir / "trust", utc(2030, 4, 2));
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->expired);
    EXPECT_EQ(report->daysUntilExpiry, -2); // 1 day and 1 second late, rounded down
    EXPECT_FALSE(report->chainVerified);
    EXPECT_NE(report->chainError.find("expired"), std::string::npos) << report->chainError;
}

TEST_F(JpkiCertificate, LastSecondIsStillValid)
{
    auto lastDay = utc(2030, 3, 31, 12);
    auto report = inspectCertificate(der(m_leaf.cert.get()), m_dir / "trust", lastDay);
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->expired);
    EXPECT_EQ(report->daysUntilExpiry, 0);
    EXPECT_TRUE(report->chainVerified) << report->chainError;

    auto justAfter = utc(2030, 4, 1);
    report = inspectCertificate(der(m_leaf.cert.get()), m_dir / "trust", justAfter);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->expired);
    EXPECT_EQ(report->daysUntilExpiry, -1);
}

TEST_F(JpkiCertificate, NotYetValidDoesNotVerify)
{
    auto report = inspectCertificate(der(m_leaf.cert.get()), m_dir / "trust", utc(2025, 3, 1));
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->expired);
    EXPECT_FALSE(report->chainVerified);
    EXPECT_NE(report->chainError.find("not yet valid"), std::string::npos) << report->chainError;
}

TEST_F(JpkiCertificate, GarbageDerIsCertificateInvalid)
{
    Bytes garbage = { 0x30, 0x82, 0x06, 0x1F, 0xDE, 0xAD, 0xBE, 0xEF };
    auto report = inspectCertificate(garbage, m_dir / "trust");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, CardErrorCode::CertificateInvalid);

    EXPECT_FALSE(inspectCertificate(ByteView(), m_dir / "trust"));
    Bytes trailing = der(m_leaf.cert.get());
    trailing.push_back(0xFF);
    auto withTrailing = inspectCertificate(trailing, m_dir / "trust");
    ASSERT_FALSE(withTrailing);
    EXPECT_EQ(withTrailing.error().code, CardErrorCode::CertificateInvalid);
}

TEST_F(JpkiCertificate, PemRoundTrip)
{
    Bytes original = der(m_leaf.cert.get());
    std::string text = toPem(original);
    ASSERT_EQ(text.rfind("-----BEGIN CERTIFICATE-----\n", 0), 0u);
    EXPECT_NE(text.find("-----END CERTIFICATE-----\n"), std::string::npos);
    BIO* bio = BIO_new_mem_buf(text.data(), static_cast<int>(text.size()));
    CertPtr back(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(der(back.get()), original);

    EXPECT_EQ(toPem(Bytes { 0x01, 0x02 }), "");
}
