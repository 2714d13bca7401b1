// The whole "read a resident's card" flow used by the kiosk and kakanai-card: identify the
// card by the applications it answers to (never by ATR alone), then read through the text AP.
//
// Identification costs no extra APDU on the normal path: the SELECT of the 入力補助AP is the
// first command of the read anyway. Only when it fails is the JPKI token label read, to tell
// an old 住基カード or a smartphone apart from "not a My Number card".
//
// Errors: NotMyNumberCard, JukiCard, SmartphoneJpki, plus every TextAp error.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/cardio/text_ap.hpp"

namespace kakanai::cardio {

enum class ReadRoute
{
    Pin,
    CollationB
};

struct ReadRequest
{
    ReadRoute route = ReadRoute::Pin;
    SecureBytes secret; ///< PIN (4 digits) or 照合番号B (14 digits); wiped by readResidentCard
    bool allowLastTry = false;
};

struct ReadOutcome
{
    CardContents contents;
    std::size_t apduCount = 0;
    bool extendedLengthUsed = false;
};

/** What kind of card answers on `channel` (FileNotFound from the text AP is not an error). */
Result<Ok, CardError> identifyCard(ApduChannel& channel);

/** Reads the card; `request.secret` is wiped before this returns, whatever the outcome. */
Result<ReadOutcome, CardError> readResidentCard(ApduChannel& channel, ReadRequest& request);

} // namespace kakanai::cardio
