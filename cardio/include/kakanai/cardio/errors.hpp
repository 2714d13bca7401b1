// Typed card errors. Every PC/SC failure, card status word and malformed-data problem that a
// caller can act on becomes one CardError; bugs are exceptions instead.
#pragma once

#include <cstdint>
#include <string>

namespace kakanai::cardio {

enum class CardErrorCode
{
    ServiceUnavailable, ///< pcscd is not running or not reachable
    NoReader, ///< no reader is connected (or the named one is missing)
    ReaderUnavailable, ///< the reader went away (unplugged) during use
    NoCard, ///< no card in the reader (or none within the wait time)
    CardRemoved, ///< the card was removed during the operation
    CardReset, ///< another application reset the card; the AP must be re-selected
    CardSwapped, ///< a different card is now in the reader than the one this session read
    Timeout, ///< a PC/SC wait or the card did not answer in time
    Cancelled, ///< the wait was cancelled (SCardCancel)
    SharingViolation, ///< another application holds the card exclusively
    CommunicationFailed, ///< transmission failed or the card gave no valid answer
    NotMyNumberCard, ///< no 券面事項入力補助AP and no JPKI AP
    JukiCard, ///< an old 住基カード (token JPKIAPICCTOKEN)
    SmartphoneJpki, ///< smartphone JPKI (token JPKIAPGPSETOKEN / JPKIAPIOSTOKEN)
    MalformedData, ///< card data that does not parse (truncated TLV, bad UTF-8, bad fields)
    WrongPin, ///< the PIN was wrong; triesLeft says how many remain
    PinLocked, ///< the PIN is blocked (69 84 or 0 tries left)
    LastTryRefused, ///< one try remains and the caller did not allow it to be spent
    InvalidPinFormat, ///< the PIN/password does not match the card's rules (nothing was sent)
    SecurityStatusNotSatisfied, ///< 69 82: a protected file read before its PIN was verified
    FileNotFound, ///< 6A 82 on SELECT of an EF or AP
    WrongLength, ///< 67 00 (e.g. extended length not supported)
    UnexpectedStatus, ///< any other status word
    CertificateInvalid, ///< a certificate that does not parse or whose chain fails
};

struct CardError
{
    CardErrorCode code = CardErrorCode::CommunicationFailed;
    std::string detail; ///< technical detail for logs; never contains PINs or My Numbers
    int triesLeft = -1; ///< for WrongPin / LastTryRefused / PinLocked
    std::uint32_t pcscCode = 0; ///< the SCARD_* code when the error came from PC/SC
    std::uint16_t statusWord = 0; ///< the SW when the error came from the card

    static CardError make(CardErrorCode code, std::string detail = {})
    {
        CardError e;
        e.code = code;
        e.detail = std::move(detail);
        return e;
    }
};

/** Stable identifier for logs and JSON ("card_removed", "wrong_pin", ...). */
const char* codeName(CardErrorCode code);

/** One line for operators: the code name, detail, tries left, PC/SC code or SW. */
std::string describe(const CardError& error);

/** What the resident should read (Japanese), e.g. "暗証番号が違います。残り2回です。". */
std::string residentMessageJa(const CardError& error);

/** What the resident should read (English). */
std::string residentMessageEn(const CardError& error);

/** Maps a PC/SC return code (SCARD_E_*, SCARD_W_*) to a typed error. */
CardError fromPcscCode(std::uint32_t code, const char* function);

} // namespace kakanai::cardio
