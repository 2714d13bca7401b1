// Certificate inspection and chain verification against a folder of PEM trust anchors
// (mynumber-card.md §3.6). The JPKI chains are CA → user, so the anchors are the two
// self-signed J-LIS CA certificates of each generation.
#include "kakanai/cardio/jpki.hpp"
#include "openssl_util.hpp"

#include <ctime>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <system_error>

namespace kakanai::cardio {

namespace {

std::string bioText(BIO* bio)
{
    char* data = nullptr;
    long length = BIO_get_mem_data(bio, &data);
    if (data == nullptr || length <= 0) {
        return {};
    }
    return std::string(data, static_cast<std::size_t>(length));
}

// RFC 2253 with UTF-8 left as is (no \XX escapes of non-ASCII bytes): the JPKI issuer
// alternative names and some test DNs are Japanese and should read as such.
std::string nameText(const X509_NAME* name)
{
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || name == nullptr) {
        return {};
    }
    if (X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
        ERR_clear_error();
        return {};
    }
    return bioText(bio.get());
}

std::string isoTime(const ASN1_TIME* time)
{
    std::tm tm {};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) {
        return {};
    }
    char buffer[32];
    if (std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
        return {};
    }
    return buffer;
}

std::string serialText(const ASN1_INTEGER* serial)
{
    if (serial == nullptr) {
        return {};
    }
    ByteView magnitude(
        ASN1_STRING_get0_data(serial), static_cast<std::size_t>(ASN1_STRING_length(serial)));
    std::string hex = magnitude.empty() ? std::string("00") : toHex(magnitude, false);
    // Negative serials violate RFC 5280 but exist; show the sign rather than hide it.
    return ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER ? "-" + hex : hex;
}

// Every certificate in every *.pem file of the folder becomes a trust anchor; unreadable
// files and non-certificate PEM blocks are skipped (the count tells whether any was found).
std::size_t loadAnchors(X509_STORE* store, const std::filesystem::path& dir)
{
    std::size_t count = 0;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.path().extension() != ".pem" || !entry.is_regular_file(error)) {
            continue;
        }
        ossl::BioPtr bio(BIO_new_file(entry.path().c_str(), "r"));
        if (!bio) {
            continue;
        }
        while (true) {
            ossl::X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
            if (!cert) {
                break;
            }
            if (X509_STORE_add_cert(store, cert.get()) == 1) {
                ++count;
            }
        }
    }
    ERR_clear_error(); // the end of every file reads as a "no start line" error
    return count;
}

// Whole days from `now` to notAfter, rounded down, so that any moment after notAfter is
// negative (ASN1_TIME_diff truncates towards zero).
void fillExpiry(CertificateReport& report, const X509* cert, std::time_t now)
{
    ossl::Asn1TimePtr nowTime(ASN1_TIME_set(nullptr, now));
    int days = 0;
    int seconds = 0;
    if (!nowTime || ASN1_TIME_diff(&days, &seconds, nowTime.get(), X509_get0_notAfter(cert)) != 1) {
        ERR_clear_error();
        report.expired = true; // an unreadable notAfter must not look valid
        return;
    }
    report.expired = days < 0 || seconds < 0;
    report.daysUntilExpiry = seconds < 0 ? static_cast<long>(days) - 1 : days;
}

void verifyChain(
    CertificateReport& report, X509* cert, const std::filesystem::path& trustDir, std::time_t now)
{
    ossl::StorePtr store(X509_STORE_new());
    if (!store) {
        report.chainError = "out of memory";
        return;
    }
    if (loadAnchors(store.get(), trustDir) == 0) {
        report.chainError = "no trust anchors (*.pem) in " + trustDir.string();
        return;
    }
    ossl::StoreCtxPtr context(X509_STORE_CTX_new());
    if (!context || X509_STORE_CTX_init(context.get(), store.get(), cert, nullptr) != 1) {
        ERR_clear_error();
        report.chainError = "cannot set up verification";
        return;
    }
    // The caller's clock, not the system's: tests, and re-checking at a past signing time.
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(context.get()), now);
    if (X509_verify_cert(context.get()) == 1) {
        report.chainVerified = true;
    } else {
        int code = X509_STORE_CTX_get_error(context.get());
        report.chainError = std::string(X509_verify_cert_error_string(code)) + " (depth "
            + std::to_string(X509_STORE_CTX_get_error_depth(context.get())) + ")";
    }
    ERR_clear_error();
}

} // namespace

Result<CertificateReport, CardError> inspectCertificate(ByteView certificateDer,
    const std::filesystem::path& trustAnchorDir, std::chrono::system_clock::time_point now)
{
    auto cert = ossl::parseDer(certificateDer.data(), certificateDer.size());
    if (!cert) {
        return fail(
            CardError::make(CardErrorCode::CertificateInvalid, "not a DER X.509 certificate"));
    }
    CertificateReport report;
    report.subject = nameText(X509_get_subject_name(cert.get()));
    report.issuer = nameText(X509_get_issuer_name(cert.get()));
    report.serialHex = serialText(X509_get0_serialNumber(cert.get()));
    report.notBefore = isoTime(X509_get0_notBefore(cert.get()));
    report.notAfter = isoTime(X509_get0_notAfter(cert.get()));

    std::time_t nowSeconds = std::chrono::system_clock::to_time_t(now);
    fillExpiry(report, cert.get(), nowSeconds);
    verifyChain(report, cert.get(), trustAnchorDir, nowSeconds);
    return report;
}

std::string toPem(ByteView certificateDer)
{
    auto cert = ossl::parseDer(certificateDer.data(), certificateDer.size());
    if (!cert) {
        return {};
    }
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert.get()) != 1) {
        ERR_clear_error();
        return {};
    }
    return bioText(bio.get());
}

} // namespace kakanai::cardio
