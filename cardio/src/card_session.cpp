#include "kakanai/cardio/card_session.hpp"

namespace kakanai::cardio {

const char* wipeReasonName(WipeReason reason)
{
    switch (reason) {
    case WipeReason::CardRemoved:
        return "card_removed";
    case WipeReason::CardSwapped:
        return "card_swapped";
    case WipeReason::ReaderRemoved:
        return "reader_removed";
    case WipeReason::ServiceLost:
        return "service_lost";
    case WipeReason::SessionEnded:
        return "session_ended";
    }
    return "unknown";
}

void CardSession::store(CardContents contents)
{
    std::lock_guard lock(m_mutex);
    if (m_contents) {
        m_contents->wipe();
    }
    m_contents = std::move(contents);
}

bool CardSession::withContents(const std::function<void(const CardContents&)>& visit) const
{
    std::lock_guard lock(m_mutex);
    if (!m_contents) {
        return false;
    }
    visit(*m_contents);
    return true;
}

bool CardSession::hasContents() const
{
    std::lock_guard lock(m_mutex);
    return m_contents.has_value();
}

void CardSession::wipe(WipeReason reason)
{
    std::vector<Listener> listeners;
    {
        std::lock_guard lock(m_mutex);
        if (!m_contents) {
            return;
        }
        m_contents->wipe();
        m_contents.reset();
        listeners = m_listeners;
    }
    // Called outside the lock so a listener may query the session.
    for (auto& listener : listeners) {
        listener(reason);
    }
}

void CardSession::onReaderEvent(const ReaderEvent& event)
{
    switch (event.kind) {
    case ReaderEvent::Kind::CardRemoved:
        if (event.reader == m_reader) {
            wipe(WipeReason::CardRemoved);
        }
        break;
    case ReaderEvent::Kind::CardInserted:
        // A card appearing while we still hold data means ours was swapped unnoticed.
        if (event.reader == m_reader) {
            wipe(WipeReason::CardSwapped);
        }
        break;
    case ReaderEvent::Kind::ReaderRemoved:
        if (event.reader == m_reader) {
            wipe(WipeReason::ReaderRemoved);
        }
        break;
    case ReaderEvent::Kind::ServiceLost:
        wipe(WipeReason::ServiceLost);
        break;
    case ReaderEvent::Kind::ReaderAdded:
        break;
    }
}

void CardSession::subscribe(Listener listener)
{
    std::lock_guard lock(m_mutex);
    m_listeners.push_back(std::move(listener));
}

Result<Ok, CardError> CardSession::checkSameCard(const PcscCard& card)
{
    auto counter = card.currentEventCounter();
    if (!counter) {
        if (counter.error().code == CardErrorCode::NoCard
            || counter.error().code == CardErrorCode::CardRemoved) {
            wipe(WipeReason::CardRemoved);
        }
        return counter.failure();
    }
    if (*counter != card.eventCounterAtConnect()) {
        wipe(WipeReason::CardSwapped);
        return fail(CardError::make(
            CardErrorCode::CardSwapped, "the reader's card changed since it was read"));
    }
    return Ok {};
}

} // namespace kakanai::cardio
