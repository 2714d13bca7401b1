// ReaderMonitor: one thread blocked in SCardGetStatusChange(INFINITE) over every reader plus the
// PnP pseudo-reader; turns state changes into ReaderEvents.
//
// pcsc-lite 1.9.9 counts readers for the PnP entry when each call starts, so a reader plugged in
// between the listing and the next wait is only noticed at the following event.
#include "kakanai/cardio/pcsc.hpp"

#include <winscard.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace kakanai::cardio {

const char* readerEventName(ReaderEvent::Kind kind)
{
    switch (kind) {
    case ReaderEvent::Kind::ReaderAdded:
        return "reader_added";
    case ReaderEvent::Kind::ReaderRemoved:
        return "reader_removed";
    case ReaderEvent::Kind::CardInserted:
        return "card_inserted";
    case ReaderEvent::Kind::CardRemoved:
        return "card_removed";
    case ReaderEvent::Kind::ServiceLost:
        return "service_lost";
    }
    return "unknown";
}

namespace {

constexpr const char* kPnpReader = "\\\\?PnP?\\Notification";

struct Tracked
{
    std::string name;
    DWORD state = SCARD_STATE_UNAWARE; ///< last dwEventState, counter in the upper 16 bits
    bool present = false;
};

bool serviceGone(LONG rv)
{
    return rv == SCARD_E_NO_SERVICE || rv == SCARD_E_SERVICE_STOPPED || rv == SCARD_E_INVALID_HANDLE
        || rv == SCARD_F_COMM_ERROR;
}

} // namespace

struct ReaderMonitor::Impl
{
    Callback callback;
    std::unique_ptr<PcscContext> context;
    std::thread thread;
    std::atomic<bool> stopping { false };
    std::mutex mutex;
    std::condition_variable finishedChanged;
    bool finished = false;
    std::vector<Tracked> readers;

    void emit(ReaderEvent::Kind kind, const std::string& reader, Bytes atr = {})
    {
        if (!stopping.load()) {
            callback(ReaderEvent { kind, reader, std::move(atr) });
        }
    }

    void run()
    {
        loop();
        std::lock_guard lock(mutex);
        finished = true;
        finishedChanged.notify_all();
    }

    /** Re-lists readers and reports additions/removals. False when the service is gone. */
    bool sync()
    {
        auto listed = context->listReaders();
        if (!listed) {
            if (listed.error().code == CardErrorCode::ServiceUnavailable
                || serviceGone(static_cast<LONG>(listed.error().pcscCode))) {
                emit(ReaderEvent::Kind::ServiceLost, {});
                return false;
            }
            return true; // transient; the next event retries
        }
        for (auto it = readers.begin(); it != readers.end();) {
            const bool stillThere = std::any_of(listed->begin(), listed->end(),
                [&](const ReaderInfo& info) { return info.name == it->name; });
            if (stillThere) {
                ++it;
                continue;
            }
            if (it->present) {
                emit(ReaderEvent::Kind::CardRemoved, it->name);
            }
            emit(ReaderEvent::Kind::ReaderRemoved, it->name);
            it = readers.erase(it);
        }
        for (ReaderInfo& info : *listed) {
            const bool known = std::any_of(readers.begin(), readers.end(),
                [&](const Tracked& tracked) { return tracked.name == info.name; });
            if (known) {
                continue;
            }
            emit(ReaderEvent::Kind::ReaderAdded, info.name);
            if (info.cardPresent) {
                emit(ReaderEvent::Kind::CardInserted, info.name, info.atr);
            }
            readers.push_back(Tracked { info.name, SCARD_STATE_UNAWARE, info.cardPresent });
        }
        return true;
    }

    /** Compares one reader's new state with the tracked one. False when the reader vanished. */
    bool update(Tracked& tracked, const SCARD_READERSTATE& state)
    {
        const DWORD event = state.dwEventState;
        if ((event & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) != 0) {
            return false;
        }
        const bool present = (event & SCARD_STATE_PRESENT) != 0;
        const DWORD atrLength = std::min<DWORD>(state.cbAtr, MAX_ATR_SIZE);
        Bytes atr(state.rgbAtr, state.rgbAtr + (present ? atrLength : 0));
        const bool counterKnown = tracked.state != SCARD_STATE_UNAWARE;
        const bool counterMoved = counterKnown && ((tracked.state ^ event) & 0xFFFF0000) != 0;
        if (tracked.present && present && counterMoved) {
            // removed and re-inserted between two waits: report both
            emit(ReaderEvent::Kind::CardRemoved, tracked.name);
            emit(ReaderEvent::Kind::CardInserted, tracked.name, std::move(atr));
        } else if (!tracked.present && present) {
            emit(ReaderEvent::Kind::CardInserted, tracked.name, std::move(atr));
        } else if (tracked.present && !present) {
            emit(ReaderEvent::Kind::CardRemoved, tracked.name);
        }
        tracked.present = present;
        tracked.state = event & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
        return true;
    }

    void loop()
    {
        if (!sync()) {
            return;
        }
        DWORD pnpState = 0;
        int failures = 0;
        while (!stopping.load()) {
            std::vector<SCARD_READERSTATE> states(readers.size() + 1);
            for (std::size_t i = 0; i < readers.size(); ++i) {
                states[i].szReader = readers[i].name.c_str();
                states[i].dwCurrentState = readers[i].state;
            }
            states.back().szReader = kPnpReader;
            states.back().dwCurrentState = pnpState;
            const LONG rv = SCardGetStatusChange(static_cast<SCARDCONTEXT>(context->handle()),
                INFINITE, states.data(), static_cast<DWORD>(states.size()));
            if (stopping.load()) {
                return;
            }
            bool relist = false;
            if (rv == SCARD_E_CANCELLED || rv == SCARD_E_TIMEOUT) {
                continue;
            } else if (serviceGone(rv)) {
                emit(ReaderEvent::Kind::ServiceLost, {});
                return;
            } else if (rv == SCARD_E_UNKNOWN_READER) {
                relist = true;
            } else if (rv != SCARD_S_SUCCESS) {
                if (++failures > 20) {
                    emit(ReaderEvent::Kind::ServiceLost, {});
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                relist = true;
            } else {
                failures = 0;
                for (std::size_t i = 0; i < readers.size(); ++i) {
                    relist = !update(readers[i], states[i]) || relist;
                }
                pnpState = states.back().dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
                relist = relist || (states.back().dwEventState & SCARD_STATE_CHANGED) != 0;
            }
            if (relist && !sync()) {
                return;
            }
        }
    }
};

ReaderMonitor::ReaderMonitor(Callback callback)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->callback = std::move(callback);
}

ReaderMonitor::~ReaderMonitor()
{
    try {
        stop();
    } catch (...) {
        // never throw from a destructor; the thread is gone or detached by now
    }
}

Result<Ok, CardError> ReaderMonitor::start()
{
    if (m_impl->thread.joinable()) {
        return Ok {};
    }
    auto context = PcscContext::establish();
    if (!context) {
        return context.failure();
    }
    m_impl->context = std::move(context).value();
    m_impl->stopping = false;
    m_impl->finished = false;
    m_impl->readers.clear();
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->run(); });
    return Ok {};
}

void ReaderMonitor::stop()
{
    Impl& impl = *m_impl;
    if (!impl.thread.joinable()) {
        return;
    }
    impl.stopping = true;
    if (impl.thread.get_id() == std::this_thread::get_id()) {
        return; // called from the callback: the loop ends when it returns; the owner joins later
    }
    {
        // SCardCancel only interrupts a wait that is already blocked, so repeat it until the
        // thread has noticed the flag.
        std::unique_lock lock(impl.mutex);
        while (!impl.finished) {
            lock.unlock();
            impl.context->cancel();
            lock.lock();
            impl.finishedChanged.wait_for(
                lock, std::chrono::milliseconds(50), [&impl] { return impl.finished; });
        }
    }
    impl.thread.join();
    impl.context.reset();
}

} // namespace kakanai::cardio
