// Holds what was read from one resident's card for as long as that card stays in the reader.
// When the card is removed, the reader disappears, pcscd stops, or another card is found in
// the reader, every byte is wiped (zeroed) and subscribers are told — so one resident's data
// can never be shown to the next one.
//
// Thread safety: all members may be called from any thread (the ReaderMonitor callback runs
// on the monitor thread).
//
// Errors: checkSameCard returns CardSwapped (after wiping) when the reader's event counter
// moved since the card was connected, i.e. the card was taken out and a card put back.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/cardio/errors.hpp"
#include "kakanai/cardio/pcsc.hpp"
#include "kakanai/cardio/text_ap.hpp"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::cardio {

enum class WipeReason
{
    CardRemoved,
    CardSwapped,
    ReaderRemoved,
    ServiceLost,
    SessionEnded
};
const char* wipeReasonName(WipeReason reason);

class CardSession
{
public:
    using Listener = std::function<void(WipeReason)>;

    explicit CardSession(std::string readerName)
        : m_reader(std::move(readerName))
    {
    }
    ~CardSession() { wipe(WipeReason::SessionEnded); }
    CardSession(const CardSession&) = delete;
    CardSession& operator=(const CardSession&) = delete;

    const std::string& readerName() const { return m_reader; }

    /** Takes ownership of freshly read contents (replacing and wiping any earlier ones). */
    void store(CardContents contents);

    /** Calls `visit` with the contents under the lock; false (visit not called) when wiped. */
    bool withContents(const std::function<void(const CardContents&)>& visit) const;

    bool hasContents() const;

    /** Wipes the contents and notifies the listeners (once per stored contents). */
    void wipe(WipeReason reason);

    /** Feed ReaderMonitor events here; events for other readers are ignored. */
    void onReaderEvent(const ReaderEvent& event);

    /** Registers a listener called after each wipe (on the wiping thread). */
    void subscribe(Listener listener);

    /**
     * Compares the reader's event counter with the one at connect: a different value means the
     * card was removed (and maybe another one inserted) since — wipes and returns CardSwapped.
     */
    Result<Ok, CardError> checkSameCard(const PcscCard& card);

private:
    std::string m_reader;
    mutable std::mutex m_mutex;
    std::optional<CardContents> m_contents;
    std::vector<Listener> m_listeners;
};

} // namespace kakanai::cardio
