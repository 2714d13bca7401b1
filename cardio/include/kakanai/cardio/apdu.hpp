// ISO/IEC 7816-4 command and response APDUs as value types.
//
// CommandApdu holds its data in SecureBytes, so a VERIFY carrying a PIN is zeroed when the
// command is destroyed. Factories cite the ISO 7816-4 section they implement.
//
// Errors: ResponseApdu::parse returns std::nullopt for fewer than 2 bytes; factories throw
// std::invalid_argument for arguments outside ISO limits (a bug in the caller).
#pragma once

#include "kakanai/base/secure_bytes.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace kakanai::cardio {

/** What the bytes of a command or its response reveal, so traces can mask them. */
enum class ApduSensitivity : std::uint8_t
{
    None,
    SecretData, ///< command data is a PIN, password or 照合番号: never shown
    MyNumberResponse, ///< response holds the 12-digit My Number: digits masked to the last 4
};

class CommandApdu
{
public:
    CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
        SecureBytes data = {}, std::optional<std::uint32_t> le = std::nullopt);

    /** §11.2.2 SELECT by DF name (P1=04), no response data (P2=0C). */
    static CommandApdu selectAid(ByteView aid);
    /** §11.2.2 SELECT EF by file identifier under the current DF (P1=02, P2=0C). */
    static CommandApdu selectEf(std::uint16_t fileId);
    /**
     * §11.3.3 READ BINARY, offset form. le is 1..65536; 256 is encoded as the short Le 00 and
     * anything above 256 forces extended length (65536 as 00 00).
     */
    static CommandApdu readBinary(std::uint16_t offset, std::uint32_t le);
    /** READ BINARY forced to extended length encoding even for le <= 256. */
    static CommandApdu readBinaryExtended(std::uint16_t offset, std::uint32_t le);
    /** §11.5.6 VERIFY of the current PIN EF (P2=80) with the secret as data. */
    static CommandApdu verify(ByteView secret);
    /** §11.5.6 VERIFY with no data: asks for the tries left without spending one. */
    static CommandApdu verifyQuery();
    /** §11.5.7 CHANGE REFERENCE DATA (P1=01: new value only, after a VERIFY). */
    static CommandApdu changeReferenceData(ByteView newSecret);
    /** §11.1 GET RESPONSE, used by the transport after 61 xx. */
    static CommandApdu getResponse(std::uint8_t le);

    std::uint8_t cla() const { return m_cla; }
    std::uint8_t ins() const { return m_ins; }
    std::uint8_t p1() const { return m_p1; }
    std::uint8_t p2() const { return m_p2; }
    const SecureBytes& data() const { return m_data; }
    std::optional<std::uint32_t> le() const { return m_le; }
    bool extended() const { return m_extended; }
    ApduSensitivity sensitivity() const { return m_sensitivity; }

    CommandApdu& markSensitive(ApduSensitivity s)
    {
        m_sensitivity = s;
        return *this;
    }
    /** The same command with another Le (used for 6C xx). */
    CommandApdu withLe(std::uint32_t le) const;

    /** The wire encoding (case 1–4, short or extended). */
    SecureBytes serialize() const;

    /** Hex for traces; secret data is replaced by "XX" per byte. */
    std::string traceString() const;

private:
    std::uint8_t m_cla, m_ins, m_p1, m_p2;
    SecureBytes m_data;
    std::optional<std::uint32_t> m_le;
    bool m_extended = false;
    ApduSensitivity m_sensitivity = ApduSensitivity::None;
};

class ResponseApdu
{
public:
    ResponseApdu() = default;
    ResponseApdu(SecureBytes data, std::uint8_t sw1, std::uint8_t sw2)
        : m_data(std::move(data))
        , m_sw1(sw1)
        , m_sw2(sw2)
    {
    }
    static std::optional<ResponseApdu> parse(ByteView raw);

    const SecureBytes& data() const { return m_data; }
    SecureBytes& data() { return m_data; }
    std::uint8_t sw1() const { return m_sw1; }
    std::uint8_t sw2() const { return m_sw2; }
    std::uint16_t sw() const { return static_cast<std::uint16_t>(m_sw1 << 8 | m_sw2); }
    bool isOk() const { return m_sw1 == 0x90 && m_sw2 == 0x00; }
    /** 63 Cx: a VERIFY answer carrying the tries left. */
    std::optional<int> triesLeft() const
    {
        if (m_sw1 == 0x63 && (m_sw2 & 0xF0) == 0xC0) {
            return m_sw2 & 0x0F;
        }
        return std::nullopt;
    }

    /** Hex for traces, masking per the command's sensitivity. */
    std::string traceString(ApduSensitivity sensitivity) const;

private:
    SecureBytes m_data;
    std::uint8_t m_sw1 = 0, m_sw2 = 0;
};

/** Status words used in this layer (ISO 7816-4 §5.1.3 and the JPKI card's behaviour). */
namespace sw {
inline constexpr std::uint16_t OK = 0x9000;
inline constexpr std::uint16_t WRONG_LENGTH = 0x6700;
inline constexpr std::uint16_t SECURITY_STATUS_NOT_SATISFIED = 0x6982;
inline constexpr std::uint16_t AUTH_METHOD_BLOCKED = 0x6984;
inline constexpr std::uint16_t FILE_NOT_FOUND = 0x6A82;
inline constexpr std::uint16_t WRONG_P1P2_OFFSET = 0x6B00;
} // namespace sw

} // namespace kakanai::cardio
