// 券面事項入力補助AP: reads the My Number and the basic 4 information with the resident's
// 4-digit PIN, or the 4 information alone with 照合番号B (staff-assisted route).
//
// The PIN route uses the minimum number of APDUs (mynumber-card.md §2.6, §4.3): SELECT AP
// (which also identifies the card), SELECT PIN EF, VERIFY (query), VERIFY, SELECT 0001, READ,
// SELECT 0002, READ (+1 READ per further 256 bytes; one extended READ where the ATR advertises
// extended length).
//
// Errors: FileNotFound when the AP is missing (see card_reader.hpp for identification),
// InvalidPinFormat (nothing sent), WrongPin (triesLeft), PinLocked, LastTryRefused,
// MalformedData, and channel errors (CardRemoved, CardReset, CommunicationFailed...).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/cardio/basic_info.hpp"
#include "kakanai/cardio/my_number.hpp"
#include "kakanai/cardio/pin.hpp"
#include "kakanai/cardio/transport.hpp"

#include <optional>

namespace kakanai::cardio {

/** Everything read from the text AP; wipe() zeroes it (card removed, session over). */
struct CardContents
{
    std::optional<MyNumber> myNumber; ///< absent on the 照合番号B route
    BasicInfo basicInfo;
    void wipe();
};

class TextAp
{
public:
    /** extendedLength: use one extended READ for the 4 information (ATR-advertised). */
    TextAp(ApduChannel& channel, bool extendedLength)
        : m_channel(channel)
        , m_extended(extendedLength)
    {
    }

    /** SELECT the AP. FileNotFound if the card has none. */
    Result<Ok, CardError> select();

    /**
     * After select(): VERIFY the PIN safely, then read My Number and the 4 information.
     * `pin` must be 4 ASCII digits.
     */
    Result<CardContents, CardError> readWithPin(const SecureBytes& pin, bool allowLastTry);

    /** After select(): VERIFY 照合番号B (14 digits) and read the 4 information only. */
    Result<CardContents, CardError> readWithCollationB(
        const SecureBytes& collationB, bool allowLastTry);

    /** After select(): tries left of the PIN (costs no try). */
    Result<PinStatus, CardError> pinStatus();

    /** Whether the last 4-information read fell back from extended to short reads. */
    bool extendedFellBack() const { return m_fellBack; }

private:
    Result<Ok, CardError> verifyOn(
        std::uint16_t pinEf, const SecureBytes& secret, bool allowLastTry);
    Result<BasicInfo, CardError> readBasicInfo();

    ApduChannel& m_channel;
    bool m_extended;
    bool m_fellBack = false;
};

} // namespace kakanai::cardio
