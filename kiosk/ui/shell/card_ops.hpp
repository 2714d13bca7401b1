// The card operations both card services run on a connected Transport: identify the card kind,
// query the PIN's tries left, read the 4 information (and My Number on the PIN route).
//
// Errors: cardio::CardError as returned by cardio (identifyCard, TextAp, readResidentCard).
// 4 information that fail validation are returned as the card has them (staff check them).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/cardio/transport.hpp"
#include "kakanai/forms/card_data.hpp"
#include "kakanai/kiosk/effects.hpp"
#include "kakanai/kiosk/events.hpp"

namespace kakanai::kiosk::ui {

/** What kind of card is on `transport` (a failed identification other than a known kind is
 *  CardKind::Other). */
CardKind identifyCardKind(cardio::Transport& transport);

Result<int, cardio::CardError> queryTriesLeft(cardio::Transport& transport);

/** `secret` is zeroed before this returns, whatever the outcome. Never sends the last try. */
Result<forms::CardData, cardio::CardError> readCard(
    cardio::Transport& transport, ReadCard::Route route, SecureString& secret);

} // namespace kakanai::kiosk::ui
