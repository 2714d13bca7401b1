// The card reader as the kiosk's shell sees it: presence events (reader plugged or lost, card
// inserted and identified, card removed) posted as kiosk events, and two blocking operations run
// on the card worker thread: the PIN's tries left and the read itself.
//
// Two implementations: PC/SC through kakanai::cardio (a real reader, or pcscd + vpcd + the
// kakanai-vcard emulator), and an in-process emulated card for --training and scripted demos,
// whose presence the script controls (insert-card / remove-card).
//
// Errors: operations return cardio::CardError (WrongPin with triesLeft, PinLocked,
// LastTryRefused, CardRemoved, NoCard, NotMyNumberCard, CommunicationFailed, ...); the shell maps
// them to ReadFailed. start() reports a missing pcscd or reader as ReaderChanged{false}.
#pragma once

#include "event_inbox.hpp"

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/cardio/errors.hpp"
#include "kakanai/cardio/text_ap.hpp"
#include "kakanai/forms/card_data.hpp"
#include "kakanai/kiosk/effects.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace kakanai::kiosk::ui {

class CardService
{
public:
    virtual ~CardService() = default;
    /** Starts watching; presence changes are posted to `sink` from any thread. */
    virtual void start(EventSink sink) = 0;
    /** Tries left of the 券面事項入力補助 PIN (0 = locked). Blocking. */
    virtual Result<int, cardio::CardError> pinTriesLeft() = 0;
    /** Reads the card; `secret` is zeroed before this returns. Blocking. */
    virtual Result<forms::CardData, cardio::CardError> read(
        ReadCard::Route route, SecureString& secret)
        = 0;
    /** Emulated card only: put the card on the reader / take it away. False if not supported. */
    virtual bool setCardPresent(bool present)
    {
        (void)present;
        return false;
    }
};

/** PC/SC through pcscd; `reader` empty = the first reader with a card. */
std::unique_ptr<CardService> makePcscCardService(std::string reader = {});

/** An in-process emulated My Number card of the identity in `identityFile`
 *  (config/identities/NAME.toml); the card starts off the reader. Errors: the identity's message.
 */
Result<std::unique_ptr<CardService>, std::string> makeEmulatedCardService(
    const std::filesystem::path& identityFile, const std::filesystem::path& stateFile = {});

/** The card's contents as the forms library wants them (dates ISO when valid, else verbatim). */
forms::CardData toCardData(cardio::CardContents& contents);

} // namespace kakanai::kiosk::ui
