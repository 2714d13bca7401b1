#include "kakanai/cardio/apdu.hpp"

#include <stdexcept>

namespace kakanai::cardio {

CommandApdu::CommandApdu(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
    SecureBytes data, std::optional<std::uint32_t> le)
    : m_cla(cla)
    , m_ins(ins)
    , m_p1(p1)
    , m_p2(p2)
    , m_data(std::move(data))
    , m_le(le)
{
    if (m_data.size() > 65535) {
        throw std::invalid_argument("APDU data longer than 65535 bytes");
    }
    if (m_le && (*m_le == 0 || *m_le > 65536)) {
        throw std::invalid_argument("APDU Le outside 1..65536");
    }
    m_extended = m_data.size() > 255 || (m_le && *m_le > 256);
}

CommandApdu CommandApdu::selectAid(ByteView aid)
{
    if (aid.empty() || aid.size() > 16) {
        throw std::invalid_argument("AID must be 1..16 bytes");
    }
    return CommandApdu(0x00, 0xA4, 0x04, 0x0C, SecureBytes(aid));
}

CommandApdu CommandApdu::selectEf(std::uint16_t fileId)
{
    SecureBytes fid { static_cast<std::uint8_t>(fileId >> 8), static_cast<std::uint8_t>(fileId) };
    return CommandApdu(0x00, 0xA4, 0x02, 0x0C, std::move(fid));
}

CommandApdu CommandApdu::readBinary(std::uint16_t offset, std::uint32_t le)
{
    if (offset > 0x7FFF) {
        throw std::invalid_argument("READ BINARY offset above 0x7FFF needs the SFI/odd form");
    }
    return CommandApdu(0x00, 0xB0, static_cast<std::uint8_t>(offset >> 8),
        static_cast<std::uint8_t>(offset), {}, le);
}

CommandApdu CommandApdu::readBinaryExtended(std::uint16_t offset, std::uint32_t le)
{
    CommandApdu command = readBinary(offset, le);
    command.m_extended = true;
    return command;
}

CommandApdu CommandApdu::verify(ByteView secret)
{
    if (secret.empty()) {
        throw std::invalid_argument("VERIFY with data needs a secret; use verifyQuery()");
    }
    CommandApdu command(0x00, 0x20, 0x00, 0x80, SecureBytes(secret));
    command.m_sensitivity = ApduSensitivity::SecretData;
    return command;
}

CommandApdu CommandApdu::verifyQuery()
{
    return CommandApdu(0x00, 0x20, 0x00, 0x80);
}

CommandApdu CommandApdu::changeReferenceData(ByteView newSecret)
{
    CommandApdu command(0x00, 0x24, 0x01, 0x80, SecureBytes(newSecret));
    command.m_sensitivity = ApduSensitivity::SecretData;
    return command;
}

CommandApdu CommandApdu::getResponse(std::uint8_t le)
{
    return CommandApdu(0x00, 0xC0, 0x00, 0x00, {}, le == 0 ? 256u : le);
}

CommandApdu CommandApdu::withLe(std::uint32_t le) const
{
    CommandApdu copy(m_cla, m_ins, m_p1, m_p2, m_data, le);
    copy.m_sensitivity = m_sensitivity;
    copy.m_extended = copy.m_extended || (m_extended && le > 256);
    return copy;
}

SecureBytes CommandApdu::serialize() const
{
    SecureBytes out;
    out.reserve(4 + 3 + m_data.size() + 3);
    out.insert(out.end(), { m_cla, m_ins, m_p1, m_p2 });
    if (!m_extended) {
        if (!m_data.empty()) {
            out.push_back(static_cast<std::uint8_t>(m_data.size()));
            out.insert(out.end(), m_data.begin(), m_data.end());
        }
        if (m_le) {
            out.push_back(static_cast<std::uint8_t>(*m_le == 256 ? 0 : *m_le));
        }
        return out;
    }
    // ISO 7816-4 §5.1: extended Lc is 00 HH LL; extended Le is 00 HH LL without data, HH LL
    // after extended data; 65536 is encoded as 00 00.
    if (!m_data.empty()) {
        out.insert(out.end(),
            { 0x00, static_cast<std::uint8_t>(m_data.size() >> 8),
                static_cast<std::uint8_t>(m_data.size()) });
        out.insert(out.end(), m_data.begin(), m_data.end());
    }
    if (m_le) {
        std::uint32_t le = *m_le == 65536 ? 0 : *m_le;
        if (m_data.empty()) {
            out.push_back(0x00);
        }
        out.push_back(static_cast<std::uint8_t>(le >> 8));
        out.push_back(static_cast<std::uint8_t>(le));
    }
    return out;
}

std::string CommandApdu::traceString() const
{
    if (m_sensitivity != ApduSensitivity::SecretData || m_data.empty()) {
        SecureBytes raw = serialize();
        return toHex(raw.view());
    }
    Bytes header { m_cla, m_ins, m_p1, m_p2 };
    std::string text = toHex(header);
    text += m_extended ? " 00 ?? ??"
                       : " " + toHex(Bytes { static_cast<std::uint8_t>(m_data.size()) });
    for (std::size_t i = 0; i < m_data.size(); ++i) {
        text += " XX";
    }
    return text;
}

std::optional<ResponseApdu> ResponseApdu::parse(ByteView raw)
{
    if (raw.size() < 2) {
        return std::nullopt;
    }
    return ResponseApdu(
        SecureBytes(raw.first(raw.size() - 2)), raw[raw.size() - 2], raw[raw.size() - 1]);
}

std::string ResponseApdu::traceString(ApduSensitivity sensitivity) const
{
    std::string text;
    if (sensitivity == ApduSensitivity::MyNumberResponse) {
        // The My Number EF holds ASCII digits; keep only the last four visible, like the UI.
        std::size_t digitsSeen = 0, totalDigits = 0;
        for (auto b : m_data) {
            totalDigits += (b >= '0' && b <= '9') ? 1 : 0;
        }
        for (std::size_t i = 0; i < m_data.size(); ++i) {
            std::uint8_t b = m_data[i];
            if (!text.empty()) {
                text += ' ';
            }
            if (b >= '0' && b <= '9') {
                ++digitsSeen;
                text += digitsSeen + 4 <= totalDigits ? "**" : toHex(Bytes { b });
            } else {
                text += toHex(Bytes { b });
            }
        }
    } else {
        text = toHex(m_data.view());
    }
    if (!text.empty()) {
        text += ' ';
    }
    return text + toHex(Bytes { m_sw1, m_sw2 });
}

} // namespace kakanai::cardio
