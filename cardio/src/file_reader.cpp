#include "kakanai/cardio/file_reader.hpp"

#include "kakanai/cardio/tlv.hpp"

#include <algorithm>
#include <cstdio>

namespace kakanai::cardio {

CardError statusError(const ResponseApdu& response, const char* what)
{
    CardError error;
    error.statusWord = response.sw();
    error.detail = what;
    if (auto tries = response.triesLeft()) {
        error.code = *tries == 0 ? CardErrorCode::PinLocked : CardErrorCode::WrongPin;
        error.triesLeft = *tries;
        return error;
    }
    switch (response.sw()) {
    case sw::AUTH_METHOD_BLOCKED:
        error.code = CardErrorCode::PinLocked;
        error.triesLeft = 0;
        break;
    case sw::SECURITY_STATUS_NOT_SATISFIED:
        error.code = CardErrorCode::SecurityStatusNotSatisfied;
        break;
    case sw::FILE_NOT_FOUND:
        error.code = CardErrorCode::FileNotFound;
        break;
    case sw::WRONG_LENGTH:
        error.code = CardErrorCode::WrongLength;
        break;
    default:
        error.code = CardErrorCode::UnexpectedStatus;
        break;
    }
    return error;
}

Result<Ok, CardError> selectAid(ApduChannel& channel, ByteView aid)
{
    auto response = channel.transmit(CommandApdu::selectAid(aid));
    if (!response) {
        return response.failure();
    }
    if (!response->isOk()) {
        return fail(statusError(*response, "SELECT AP"));
    }
    return Ok {};
}

Result<Ok, CardError> selectEf(ApduChannel& channel, std::uint16_t fileId)
{
    auto response = channel.transmit(CommandApdu::selectEf(fileId));
    if (!response) {
        return response.failure();
    }
    if (!response->isOk()) {
        char what[32];
        std::snprintf(what, sizeof what, "SELECT EF %04X", fileId);
        return fail(statusError(*response, what));
    }
    return Ok {};
}

namespace {

Result<ResponseApdu, CardError> readAt(ApduChannel& channel, std::size_t offset, std::uint32_t le,
    bool extended, ApduSensitivity sensitivity)
{
    if (offset > 0x7FFF) {
        return fail(CardError::make(
            CardErrorCode::MalformedData, "file larger than the READ BINARY offset range"));
    }
    auto offset16 = static_cast<std::uint16_t>(offset);
    CommandApdu command = extended ? CommandApdu::readBinaryExtended(offset16, le)
                                   : CommandApdu::readBinary(offset16, le);
    command.markSensitive(sensitivity);
    return channel.transmit(command);
}

// Appends READ BINARY results until `out` holds `total` bytes; a card that returns no data
// (or less than asked with the file not yet complete) means the file is shorter than its
// header says: report it instead of looping.
Result<Ok, CardError> readRemainder(ApduChannel& channel, SecureBytes& out, std::size_t total,
    bool extended, ApduSensitivity sensitivity)
{
    while (out.size() < total) {
        std::size_t want = total - out.size();
        std::uint32_t le = extended ? static_cast<std::uint32_t>(std::min<std::size_t>(want, 65536))
                                    : static_cast<std::uint32_t>(std::min<std::size_t>(want, 256));
        auto response = readAt(channel, out.size(), le, extended, sensitivity);
        if (!response) {
            return response.failure();
        }
        if (!response->isOk()) {
            if (response->sw() == sw::WRONG_P1P2_OFFSET) {
                return fail(CardError::make(
                    CardErrorCode::MalformedData, "file ends before the length in its header"));
            }
            return fail(statusError(*response, "READ BINARY"));
        }
        if (response->data().empty()) {
            return fail(CardError::make(
                CardErrorCode::MalformedData, "file ends before the length in its header"));
        }
        std::size_t take = std::min(response->data().size(), want);
        out.insert(out.end(), response->data().begin(), response->data().begin() + take);
    }
    return Ok {};
}

} // namespace

Result<SecureBytes, CardError> readTlvFile(
    ApduChannel& channel, const ReadOptions& options, bool* extendedFellBack)
{
    bool extended = options.extendedLength;
    if (extendedFellBack) {
        *extendedFellBack = false;
    }
    std::uint32_t firstLe = extended ? 65536 : std::min<std::uint32_t>(options.firstLe, 256);
    auto first = readAt(channel, 0, firstLe, extended, options.sensitivity);
    if (!first) {
        return first.failure();
    }
    if (extended && first->sw() == sw::WRONG_LENGTH) {
        // The card or reader refused extended length: fall back to short reads.
        extended = false;
        if (extendedFellBack) {
            *extendedFellBack = true;
        }
        firstLe = std::min<std::uint32_t>(options.firstLe, 256);
        first = readAt(channel, 0, firstLe, false, options.sensitivity);
        if (!first) {
            return first.failure();
        }
    }
    if (!first->isOk()) {
        return fail(statusError(*first, "READ BINARY"));
    }
    SecureBytes content = std::move(first->data());
    auto header = parseTlvHeader(content.view());
    if (!header) {
        return fail(CardError::make(CardErrorCode::MalformedData,
            std::string("file header: ") + tlvErrorName(header.error())));
    }
    std::size_t total = header->totalLength();
    if (content.size() > total) {
        content.resize(total); // filler after the TLV (e.g. FF FF on the My Number EF)
    }
    auto rest = readRemainder(channel, content, total, extended, options.sensitivity);
    if (!rest) {
        return rest.failure();
    }
    return content;
}

Result<SecureBytes, CardError> readBytes(ApduChannel& channel, std::uint32_t length)
{
    SecureBytes content;
    auto rest = readRemainder(channel, content, length, false, ApduSensitivity::None);
    if (!rest) {
        return rest.failure();
    }
    return content;
}

bool atrAdvertisesExtendedLength(ByteView atr)
{
    // Walk the ATR structure (ISO 7816-3 §8.2) to find the historical bytes.
    if (atr.size() < 2) {
        return false;
    }
    std::size_t historicalCount = atr[1] & 0x0F;
    std::size_t pos = 1;
    std::uint8_t y = atr[1] & 0xF0;
    while (true) {
        ++pos; // past T0 or TDi
        std::size_t interfaceBytes
            = ((y & 0x10) ? 1 : 0) + ((y & 0x20) ? 1 : 0) + ((y & 0x40) ? 1 : 0);
        bool hasTd = (y & 0x80) != 0;
        pos += interfaceBytes;
        if (!hasTd) {
            break;
        }
        if (pos >= atr.size()) {
            return false;
        }
        y = atr[pos] & 0xF0;
    }
    if (pos + historicalCount > atr.size() || historicalCount < 1) {
        return false;
    }
    ByteView historical = atr.subspan(pos, historicalCount);
    if (historical[0] != 0x80) {
        return false; // only the compact-TLV format (category 80) is defined here
    }
    // Compact-TLV objects: tag in the high nibble, length in the low nibble.
    for (std::size_t i = 1; i < historical.size();) {
        std::uint8_t tag = historical[i] >> 4;
        std::size_t length = historical[i] & 0x0F;
        if (i + 1 + length > historical.size()) {
            return false;
        }
        if (tag == 0x7 && length >= 3) {
            return (historical[i + 3] & 0x40) != 0; // third software function table byte, b7
        }
        i += 1 + length;
    }
    return false;
}

} // namespace kakanai::cardio
