#include "card_ops.hpp"

#include "card_service.hpp"

#include "kakanai/cardio/card_reader.hpp"
#include "kakanai/cardio/era.hpp"
#include "kakanai/cardio/text_ap.hpp"

namespace kakanai::kiosk::ui {

namespace {

struct WipeOnExit
{
    SecureString& secret;
    ~WipeOnExit()
    {
        if (!secret.empty()) {
            secureZero(secret.data(), secret.size());
        }
        secret.clear();
    }
};

} // namespace

forms::CardData toCardData(cardio::CardContents& contents)
{
    forms::CardData card;
    const auto& info = contents.basicInfo;
    assignSecure(card.name, std::string_view(info.name.data(), info.name.size()));
    assignSecure(card.address, std::string_view(info.address.data(), info.address.size()));
    const std::string_view raw(info.birthDate.data(), info.birthDate.size());
    if (const auto date = cardio::parseYyyymmdd(raw)) {
        assignSecure(card.birthDate, cardio::isoDate(*date));
    } else {
        assignSecure(card.birthDate, raw); // kept verbatim: staff see what the card has
    }
    card.sex = cardio::sexName(info.sex);
    if (contents.myNumber) {
        const auto& digits = contents.myNumber->digits;
        assignSecure(card.myNumber, std::string_view(digits.data(), digits.size()));
    }
    contents.wipe();
    return card;
}

CardKind identifyCardKind(cardio::Transport& transport)
{
    cardio::ApduChannel channel(transport);
    const auto identified = cardio::identifyCard(channel);
    if (identified) {
        return CardKind::MyNumberCard;
    }
    switch (identified.error().code) {
    case cardio::CardErrorCode::JukiCard:
        return CardKind::JukiCard;
    case cardio::CardErrorCode::SmartphoneJpki:
        return CardKind::Smartphone;
    default:
        return CardKind::Other;
    }
}

Result<int, cardio::CardError> queryTriesLeft(cardio::Transport& transport)
{
    cardio::ApduChannel channel(transport);
    cardio::TextAp text(channel, false);
    if (auto selected = text.select(); !selected) {
        return selected.failure();
    }
    auto status = text.pinStatus();
    if (!status) {
        if (status.error().code == cardio::CardErrorCode::PinLocked) {
            return 0;
        }
        return status.failure();
    }
    return status->locked ? 0 : status->triesLeft;
}

Result<forms::CardData, cardio::CardError> readCard(
    cardio::Transport& transport, ReadCard::Route route, SecureString& secret)
{
    WipeOnExit wipe { secret };
    cardio::ReadRequest request;
    request.route
        = route == ReadCard::Route::Pin ? cardio::ReadRoute::Pin : cardio::ReadRoute::CollationB;
    request.secret = SecureBytes(asBytes(std::string_view(secret.data(), secret.size())));
    request.allowLastTry = false;
    cardio::ApduChannel channel(transport);
    auto outcome = cardio::readResidentCard(channel, request);
    if (!outcome) {
        return outcome.failure();
    }
    // A card value that fails validation is passed on as the card has it: validate() flags it
    // for staff (forms/card_data.hpp), the resident is not turned away.
    return toCardData(outcome->contents);
}

} // namespace kakanai::kiosk::ui
