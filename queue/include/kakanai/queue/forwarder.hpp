// Forwarder: moves a kiosk's outbox (its own SQLite Store) to the town hall's server Store, the
// oldest record first, as sealed envelopes (see outbox.hpp). For each record: the server imports
// it (idempotent by record id), then the kiosk marks it forwarded and erases its local copy. A
// crash between the two is harmless: the next attempt finds the record on the server
// (Receipt::duplicate) and only marks it. Forwarding stops at the first failure, so the server
// never receives a record before an older one; the next attempt starts again from the oldest.
//
// The server connection is opened lazily by `connectServer` and dropped after any failure (the
// next attempt reconnects). Every attempt that had something to forward is recorded in the
// outbox (Store::recordForwardAttempt), which `kakanai-queue outbox status` shows.
//
// Errors: forwardPending reports the first failure in ForwardReport::error: the server's open
// errors (Io when unreachable, WrongKey, SchemaTooNew, ...) and importSealed's (Duplicate when
// two kiosks share a ticket prefix, WrongKey, Tampered, Busy, Database), or the outbox's own
// (Database, Busy, KeyMissing). run never fails: it retries with backoff until stopped.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/queue/error.hpp"
#include "kakanai/queue/store.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>

namespace kakanai::queue {

struct ForwarderOptions
{
    std::chrono::milliseconds minBackoff { 500 }; ///< wait after a first failure
    std::chrono::milliseconds maxBackoff { 30'000 }; ///< the wait doubles up to this
    std::size_t batch = 50; ///< records read from the outbox at a time
    /** How often run() looks at the outbox file for a new record (bounds the outbox lag). */
    std::chrono::milliseconds watchInterval { 100 };
    /** run() also looks again after this long without a change seen (a safety net). */
    std::chrono::milliseconds sweepInterval { 5'000 };
};

/** The outcome of one forwardPending() pass. */
struct ForwardReport
{
    std::size_t forwarded = 0; ///< records now on the server whose local copy was erased
    std::size_t alreadyOnServer = 0; ///< of those, records the server already had (a retry)
    std::optional<QueueError> error; ///< the failure that stopped the pass
};

class Forwarder
{
public:
    using Connect = std::function<Result<Store, QueueError>()>;

    /** `outbox` must outlive the Forwarder; `connectServer` opens the server Store. */
    Forwarder(Store& outbox, Connect connectServer, ForwarderOptions options = {});

    /** Forwards everything waiting, in order, until the outbox is empty or something fails. */
    ForwardReport forwardPending();

    /**
     * Forwards, then waits for a new record in the outbox (or the backoff after a failure),
     * until `stop` becomes true; returns within about 200 ms of it. `onPass` (if set) sees each
     * pass that forwarded something or failed.
     */
    void run(const std::atomic<bool>& stop,
        const std::function<void(const ForwardReport&)>& onPass = {});

    /** The wait before the next attempt after `failures` consecutive failures (no jitter). */
    std::chrono::milliseconds backoffAfter(int failures) const;

private:
    /** One record to the server and its local erasure; false (with report.error) on failure. */
    bool forwardOne(const SealedRecord& record, ForwardReport& report);

    Store& m_outbox;
    Connect m_connect;
    ForwarderOptions m_options;
    std::optional<Store> m_server;
};

} // namespace kakanai::queue
