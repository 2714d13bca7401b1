// The UI thread's inbox: worker threads (card reads, the queue, the printer, the reader monitor)
// post kiosk events here; the UI thread drains them between frames and feeds them to the state
// machine. Posting also calls a wake-up hook (the SDL loop pushes a user event) so that a kiosk
// idling in SDL_WaitEventTimeout reacts at once.
//
// Errors: none; post() and drain() never fail (allocation failure aside).
#pragma once

#include "kakanai/kiosk/events.hpp"

#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace kakanai::kiosk::ui {

class EventInbox
{
public:
    /** Thread-safe. */
    void post(Event event);
    /** Everything posted so far, in order; called by the UI thread. */
    std::vector<Event> drain();
    /** Called after each post, on the posting thread (must be thread-safe). */
    void setWake(std::function<void()> wake);

private:
    std::mutex m_mutex;
    std::deque<Event> m_events;
    std::function<void()> m_wake;
};

/** What services get to report results: EventInbox::post bound to one inbox. */
using EventSink = std::function<void(Event)>;

} // namespace kakanai::kiosk::ui
