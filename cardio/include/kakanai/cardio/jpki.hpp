// 公的個人認証AP (JPKI): token label, certificates, PIN status, and decoding of the signing
// certificate's six subjectAltName attributes (mynumber-card.md §1.2, §3.6).
//
// Errors: CardError from the channel (FileNotFound when the AP is missing, WrongPin/PinLocked/
// LastTryRefused/InvalidPinFormat for the signing password, SecurityStatusNotSatisfied);
// CertificateInvalid for DER that does not parse or a chain that does not verify;
// decodeSignatureAttributes returns a message for a certificate without the attributes.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/cardio/errors.hpp"
#include "kakanai/cardio/pin.hpp"
#include "kakanai/cardio/transport.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace kakanai::cardio {

enum class CertificateType
{
    Auth,
    Sign,
    AuthCa,
    SignCa
};
const char* certificateTypeName(CertificateType type);
bool parseCertificateType(const std::string& name, CertificateType& out);

/** The six signing-certificate attributes (OIDs 1.2.392.200149.8.5.5.1–6), verbatim. */
struct SignatureAttributes
{
    SecureString name;
    SecureString nameSubstitutions; ///< one digit per character, '1' = substituted
    SecureString sex; ///< "1" male, "2" female, "3" unknown
    SecureString birthDate; ///< era digit + YYYYMMDD, e.g. "319450815"
    SecureString address;
    SecureString addressSubstitutions;
    bool anySubstituted() const;
    void wipe();
};

/** Decodes the SAN otherNames of a DER certificate. Fails if any of the six is missing. */
Result<SignatureAttributes, std::string> decodeSignatureAttributes(ByteView certificateDer);

/** What a certificate says and whether its chain verifies against the trust anchors. */
struct CertificateReport
{
    std::string subject; ///< RFC 2253 one-line form
    std::string issuer;
    std::string serialHex;
    std::string notBefore; ///< ISO 8601 UTC, e.g. 2026-01-01T00:00:00Z
    std::string notAfter;
    bool chainVerified = false;
    std::string chainError; ///< OpenSSL's reason when not verified
    bool expired = false;
    long daysUntilExpiry = 0; ///< negative when expired
};

/**
 * Parses `certificateDer` and verifies it against every PEM file in `trustAnchorDir` (each
 * file may hold several certificates) at time `now`. CertificateInvalid when the DER does not
 * parse; a chain that does not verify is reported in the result, not as an error.
 */
Result<CertificateReport, CardError> inspectCertificate(ByteView certificateDer,
    const std::filesystem::path& trustAnchorDir,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/** DER → PEM text. */
std::string toPem(ByteView certificateDer);

class JpkiAp
{
public:
    explicit JpkiAp(ApduChannel& channel)
        : m_channel(channel)
    {
    }

    /** SELECTs the JPKI AP. FileNotFound when the card has none. */
    Result<Ok, CardError> select();
    /** The token label from EF 0006 (first 32 bytes, trailing spaces removed). */
    Result<std::string, CardError> tokenLabel();
    /**
     * Reads a certificate. The signing certificate needs the 署名用パスワード (6–16 of A–Z0–9,
     * upper-cased first); the tries left are queried first and, with one try left, the password
     * is not sent unless allowLastTry. The password buffer is not kept.
     */
    Result<SecureBytes, CardError> readCertificate(
        CertificateType type, const SecureBytes* signPassword = nullptr, bool allowLastTry = false);
    Result<PinStatus, CardError> authPinStatus();
    Result<PinStatus, CardError> signPasswordStatus();

private:
    ApduChannel& m_channel;
};

/** Checks the 署名用パスワード rules: 6–16 chars of A–Z0–9 (lower case accepted, upper-cased). */
bool isValidSignPassword(const SecureBytes& password);

} // namespace kakanai::cardio
