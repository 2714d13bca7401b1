#include "event_inbox.hpp"

namespace kakanai::kiosk::ui {

void EventInbox::post(Event event)
{
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
        wake = m_wake;
    }
    if (wake) {
        wake();
    }
}

std::vector<Event> EventInbox::drain()
{
    std::lock_guard lock(m_mutex);
    std::vector<Event> events(
        std::make_move_iterator(m_events.begin()), std::make_move_iterator(m_events.end()));
    m_events.clear();
    return events;
}

void EventInbox::setWake(std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

} // namespace kakanai::kiosk::ui
