// The APDU side of the 公的個人認証AP (mynumber-card.md §1.2, §2.6, §2.7): token label,
// certificate reads (the signing one behind the 署名用パスワード) and PIN counters.
#include "kakanai/cardio/constants.hpp"
#include "kakanai/cardio/file_reader.hpp"
#include "kakanai/cardio/jpki.hpp"

namespace kakanai::cardio {

namespace {

constexpr std::uint32_t TOKEN_LABEL_LENGTH = 32;

std::uint16_t certificateFile(CertificateType type)
{
    switch (type) {
    case CertificateType::Auth:
        return mynumber::jpki_ef::AUTH_CERT;
    case CertificateType::Sign:
        return mynumber::jpki_ef::SIGN_CERT;
    case CertificateType::AuthCa:
        return mynumber::jpki_ef::AUTH_CA_CERT;
    case CertificateType::SignCa:
        return mynumber::jpki_ef::SIGN_CA_CERT;
    }
    return mynumber::jpki_ef::AUTH_CERT;
}

// The AP is re-selected every time: another AP may have been selected in between, and the
// empty VERIFY must reach the JPKI PIN EF, never another AP's.
Result<PinStatus, CardError> pinStatusOf(ApduChannel& channel, std::uint16_t pinEf)
{
    auto selected = selectAid(channel, mynumber::JPKI_AID);
    if (!selected) {
        return selected.failure();
    }
    auto ef = selectEf(channel, pinEf);
    if (!ef) {
        return ef.failure();
    }
    return queryPinStatus(channel);
}

bool isAsciiLetter(std::uint8_t b)
{
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
}

} // namespace

const char* certificateTypeName(CertificateType type)
{
    switch (type) {
    case CertificateType::Auth:
        return "auth";
    case CertificateType::Sign:
        return "sign";
    case CertificateType::AuthCa:
        return "auth-ca";
    case CertificateType::SignCa:
        return "sign-ca";
    }
    return "unknown";
}

bool parseCertificateType(const std::string& name, CertificateType& out)
{
    for (auto type : { CertificateType::Auth, CertificateType::Sign, CertificateType::AuthCa,
             CertificateType::SignCa }) {
        if (name == certificateTypeName(type)) {
            out = type;
            return true;
        }
    }
    return false;
}

// Besides length and alphabet, J-LIS requires at least one letter and one digit (§2.7, P8N);
// checking it here saves the resident a wasted try of only five.
bool isValidSignPassword(const SecureBytes& password)
{
    if (password.size() < static_cast<std::size_t>(mynumber::SIGN_PASSWORD_MIN)
        || password.size() > static_cast<std::size_t>(mynumber::SIGN_PASSWORD_MAX)) {
        return false;
    }
    bool letter = false;
    bool digit = false;
    for (auto b : password) {
        if (b >= '0' && b <= '9') {
            digit = true;
        } else if (isAsciiLetter(b)) {
            letter = true;
        } else {
            return false;
        }
    }
    return letter && digit;
}

Result<Ok, CardError> JpkiAp::select()
{
    return selectAid(m_channel, mynumber::JPKI_AID);
}

Result<std::string, CardError> JpkiAp::tokenLabel()
{
    auto selected = select();
    if (!selected) {
        return selected.failure();
    }
    auto ef = selectEf(m_channel, mynumber::jpki_ef::TOKEN_INFO);
    if (!ef) {
        return ef.failure();
    }
    // Only the label is needed; the rest of the 160-byte CK_TOKEN_INFO-like EF is not.
    auto bytes = readBytes(m_channel, TOKEN_LABEL_LENGTH);
    if (!bytes) {
        return bytes.failure();
    }
    std::string label(asText(bytes->view()));
    while (!label.empty() && (label.back() == ' ' || label.back() == '\0')) {
        label.pop_back();
    }
    // The label goes into logs and error texts: refuse anything but printable ASCII.
    for (char c : label) {
        if (c < 0x20 || c > 0x7E) {
            return fail(CardError::make(CardErrorCode::MalformedData, "token label is not ASCII"));
        }
    }
    return label;
}

Result<SecureBytes, CardError> JpkiAp::readCertificate(
    CertificateType type, const SecureBytes* signPassword, bool allowLastTry)
{
    // Validate before any APDU: a malformed password sent to the card would cost a try.
    SecureBytes password;
    if (type == CertificateType::Sign) {
        if (signPassword == nullptr || !isValidSignPassword(*signPassword)) {
            return fail(CardError::make(CardErrorCode::InvalidPinFormat,
                "署名用パスワード: 6–16 characters A–Z/0–9 with at least one letter and one "
                "digit"));
        }
        // Residents type lower case; the card compares upper case (readers upper-case, §2.7).
        password = *signPassword;
        for (auto& b : password) {
            if (b >= 'a' && b <= 'z') {
                b = static_cast<std::uint8_t>(b - 'a' + 'A');
            }
        }
    }
    auto selected = select();
    if (!selected) {
        return selected.failure();
    }
    if (type == CertificateType::Sign) {
        auto pinEf = selectEf(m_channel, mynumber::jpki_ef::SIGN_PIN);
        if (!pinEf) {
            return pinEf.failure();
        }
        auto verified = verifyPinSafely(m_channel, password, allowLastTry);
        password.wipe(); // not kept a moment longer than the VERIFY needs it
        if (!verified) {
            return verified.failure();
        }
    }
    auto ef = selectEf(m_channel, certificateFile(type));
    if (!ef) {
        return ef.failure();
    }
    // A certificate is one DER SEQUENCE, i.e. one TLV: readTlvFile gets it in the fewest
    // APDUs, and in one extended READ when the ATR promises extended length.
    ReadOptions options;
    options.extendedLength = atrAdvertisesExtendedLength(m_channel.transport().atr());
    return readTlvFile(m_channel, options);
}

Result<PinStatus, CardError> JpkiAp::authPinStatus()
{
    return pinStatusOf(m_channel, mynumber::jpki_ef::AUTH_PIN);
}

Result<PinStatus, CardError> JpkiAp::signPasswordStatus()
{
    return pinStatusOf(m_channel, mynumber::jpki_ef::SIGN_PIN);
}

} // namespace kakanai::cardio
