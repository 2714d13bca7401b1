// The kiosk's outbox (issue 8). A kiosk commits every submission to its own SQLite Store first
// (that file is the outbox), so a resident gets a ticket even when the network or the town
// hall's server is down; a Forwarder (forwarder.hpp) then moves the records, oldest first, to the
// server Store. What travels is the sealed envelope exactly as the kiosk stored it: the data key
// wrapped under the master key, the payload and My Number ciphertexts, and the clear metadata —
// nothing is decrypted on the way, so neither the network nor the database server ever sees
// personal data in clear.
//
// The Store functions that use these types are in store.hpp ("outbox" section):
// outboxPending, markForwarded, recordForwardAttempt and outboxStatus (kiosk side, SQLite only:
// InvalidState on a PostgreSQL queue), importSealed (server side, both engines).
//
// Errors: none here (plain data).
#pragma once

#include "kakanai/base/secure_bytes.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace kakanai::queue {

/** A record as the kiosk sealed it: clear metadata plus ciphertexts copied verbatim. */
struct SealedRecord
{
    std::string id; ///< the kiosk's UUID (the server keeps it)
    std::string templateId;
    int templateVersion = 1;
    std::string procedure;
    std::string kioskId;
    std::string language;
    std::string counterGroup;
    std::string visitId; ///< may be empty
    std::string ticket; ///< the kiosk's ticket text, e.g. "K1-042" (the server keeps it)
    std::string ticketDay; ///< the kiosk's local date of the ticket (YYYY-MM-DD)
    std::int64_t submittedAtMs = 0; ///< when the kiosk committed it
    std::optional<std::int64_t> cardReadAtMs;
    std::string keyId; ///< the master key that wraps `wrappedKey`
    Bytes wrappedKey; ///< AES-256-GCM of the record's data key under the master key
    Bytes payload; ///< AES-256-GCM of the filled-form JSON under the data key
    std::optional<Bytes> myNumber; ///< AES-256-GCM of the My Number, when the form stores it
};

/** What a kiosk's outbox holds and how forwarding went (never personal). */
struct OutboxStatus
{
    std::size_t waiting = 0; ///< records not yet on the server
    std::optional<std::int64_t> oldestWaitingAtMs; ///< submitted_at of the oldest waiting record
    std::string oldestWaitingTicket; ///< "" when nothing waits
    std::size_t forwarded = 0; ///< records the server confirmed (their local copy is erased)
    std::optional<std::int64_t> lastAttemptAtMs;
    std::optional<std::int64_t> lastSuccessAtMs;
    std::string lastError; ///< the last failure's message ("" if none yet); kept after a success
    std::optional<std::int64_t> lastErrorAtMs;
    int consecutiveFailures = 0; ///< 0 once an attempt succeeds
};

} // namespace kakanai::queue
