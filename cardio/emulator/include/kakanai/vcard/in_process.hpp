// An in-process Transport onto an emulated card, for unit tests and the in-process benchmark.
//
// Errors: exchange returns CardErrorCode::CardRemoved once the card's removal fault fired.
#pragma once

#include "kakanai/cardio/transport.hpp"
#include "kakanai/vcard/card.hpp"

namespace kakanai::vcard {

class InProcessTransport : public cardio::Transport
{
public:
    explicit InProcessTransport(MyNumberCard& card)
        : m_card(card)
    {
        m_card.powerOn();
    }
    Result<SecureBytes, cardio::CardError> exchange(ByteView command) override;
    Bytes atr() const override { return m_card.atr(); }

private:
    MyNumberCard& m_card;
};

} // namespace kakanai::vcard
