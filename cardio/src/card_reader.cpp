#include "kakanai/cardio/card_reader.hpp"

#include "kakanai/cardio/constants.hpp"
#include "kakanai/cardio/file_reader.hpp"
#include "kakanai/cardio/jpki.hpp"

namespace kakanai::cardio {

namespace {

// Called only when the 入力補助AP is missing: the JPKI token label tells what the card is.
CardError classifyOtherCard(ApduChannel& channel)
{
    JpkiAp jpki(channel);
    auto label = jpki.tokenLabel();
    if (!label) {
        if (label.error().code == CardErrorCode::FileNotFound
            || label.error().code == CardErrorCode::UnexpectedStatus
            || label.error().code == CardErrorCode::MalformedData) {
            return CardError::make(
                CardErrorCode::NotMyNumberCard, "no 券面事項入力補助AP and no JPKI AP");
        }
        return label.error();
    }
    if (*label == mynumber::TOKEN_ANDROID || *label == mynumber::TOKEN_IOS) {
        return CardError::make(CardErrorCode::SmartphoneJpki,
            "smartphone JPKI (" + *label + "): no 券面事項入力補助AP");
    }
    if (*label == mynumber::TOKEN_JUKI_CARD) {
        return CardError::make(CardErrorCode::JukiCard, "住基カード (JPKIAPICCTOKEN)");
    }
    return CardError::make(
        CardErrorCode::NotMyNumberCard, "JPKI token " + *label + " without 券面事項入力補助AP");
}

} // namespace

Result<Ok, CardError> identifyCard(ApduChannel& channel)
{
    auto selected = selectAid(channel, mynumber::TEXT_AID);
    if (selected) {
        return Ok {};
    }
    if (selected.error().code != CardErrorCode::FileNotFound
        && selected.error().code != CardErrorCode::UnexpectedStatus) {
        return selected.failure();
    }
    return fail(classifyOtherCard(channel));
}

Result<ReadOutcome, CardError> readResidentCard(ApduChannel& channel, ReadRequest& request)
{
    struct WipeSecret
    {
        SecureBytes& secret;
        ~WipeSecret() { secret.wipe(); }
    } wipeSecret { request.secret };

    std::size_t before = channel.exchangeCount();
    auto identified = identifyCard(channel);
    if (!identified) {
        return identified.failure();
    }
    bool extended = atrAdvertisesExtendedLength(channel.transport().atr());
    TextAp text(channel, extended);
    auto contents = request.route == ReadRoute::Pin
        ? text.readWithPin(request.secret, request.allowLastTry)
        : text.readWithCollationB(request.secret, request.allowLastTry);
    if (!contents) {
        return contents.failure();
    }
    ReadOutcome outcome;
    outcome.contents = std::move(*contents);
    outcome.apduCount = channel.exchangeCount() - before;
    outcome.extendedLengthUsed = extended && !text.extendedFellBack();
    return outcome;
}

} // namespace kakanai::cardio
