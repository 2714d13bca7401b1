// Reading whole EFs with the fewest APDUs: shared by the text AP and the JPKI AP.
//
// Errors: CardError from the channel; SecurityStatusNotSatisfied (69 82), FileNotFound (6A 82),
// MalformedData when the file's TLV header is invalid or the card returns fewer bytes than the
// header announces (a truncated file is never looped on).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/cardio/apdu.hpp"
#include "kakanai/cardio/errors.hpp"
#include "kakanai/cardio/transport.hpp"

#include <cstdint>

namespace kakanai::cardio {

/** Maps a non-9000 status word to a typed error (63 Cx → WrongPin with triesLeft, ...). */
CardError statusError(const ResponseApdu& response, const char* what);

/** SELECT by AID; FileNotFound when the card lacks it. */
Result<Ok, CardError> selectAid(ApduChannel& channel, ByteView aid);
/** SELECT EF under the current DF. */
Result<Ok, CardError> selectEf(ApduChannel& channel, std::uint16_t fileId);

struct ReadOptions
{
    /** Use one extended-length READ (falls back to short reads on 67 00). */
    bool extendedLength = false;
    /** Mask the response in traces (My Number EF). */
    ApduSensitivity sensitivity = ApduSensitivity::None;
    /** For files known to be short (My Number EF: 17): first READ asks for exactly this. */
    std::uint32_t firstLe = 256;
};

/**
 * Reads the current EF, whose content is one BER-TLV, completely: the first READ (Le = 00, or
 * extended) returns the header together with the first data, and the rest follows in
 * 256-byte chunks (or one extended READ). Never spends a separate APDU on the header.
 * On return `extendedFellBack` (if given) says whether the card refused extended length.
 */
Result<SecureBytes, CardError> readTlvFile(
    ApduChannel& channel, const ReadOptions& options, bool* extendedFellBack = nullptr);

/** Reads exactly `length` bytes from offset 0 of the current EF (short reads). */
Result<SecureBytes, CardError> readBytes(ApduChannel& channel, std::uint32_t length);

/**
 * Whether the ATR's historical bytes advertise extended Lc/Le (ISO 7816-4 §8.1.1.2.7, card
 * capabilities, third software function byte bit 7), e.g. 3B DA 13 ... 73 C6 01 C0.
 */
bool atrAdvertisesExtendedLength(ByteView atr);

} // namespace kakanai::cardio
