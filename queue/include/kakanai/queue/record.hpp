// The record envelope: clear, non-personal metadata plus an encrypted payload (the filled-form
// JSON text, which the queue never parses) and an optional encrypted My Number.
//
// Errors: parseStatus / parseDecision return std::nullopt for an unknown name.
#pragma once

#include "kakanai/base/secure_bytes.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kakanai::queue {

/** submitted → claimed → approved | returned | rejected → printed / exported → purged. */
enum class Status
{
    Submitted,
    Claimed,
    Approved,
    Returned,
    Rejected,
    Printed,
    Exported,
    Purged
};

const char* statusName(Status status);
std::optional<Status> parseStatus(std::string_view name);

/** What a staff member decides about a claimed record. */
enum class Decision
{
    Approve,
    Return,
    Reject
};

const char* decisionName(Decision decision); ///< "approve", "return", "reject"
std::optional<Decision> parseDecision(std::string_view name);

/** What a kiosk submits. Everything but payload and myNumber is stored in clear. */
struct Submission
{
    std::string id; ///< UUID chosen by the kiosk; a retry reuses it
    std::string templateId;
    int templateVersion = 1;
    std::string procedure; ///< e.g. "juminhyo" (defaults to templateId when empty)
    std::string kioskId;
    std::string language = "ja";
    std::string counterGroup = "A"; ///< ticket numbers count per group and day
    std::string visitId; ///< kiosk session id (several forms of one visit); may be empty
    /**
     * The id of an earlier record of the same visit whose ticket this one shares: one ticket
     * covers a visit. Empty: a ticket of its own. The earlier record must hold the same visit id
     * (else InvalidArgument) and be in the queue (else NotFound); from another day or counter
     * group it gives no ticket, and this record gets its own.
     */
    std::string ticketOf;
    std::optional<std::int64_t> cardReadAtMs; ///< when the card was read (for the KPI)
    SecureString payload; ///< the filled-form JSON text
    std::optional<SecureString> myNumber; ///< stored only when the form needs it
};

/** The answer to a submission, returned only after the commit is durable. */
struct Receipt
{
    std::string id;
    std::string ticket; ///< e.g. "A-042"
    bool duplicate = false; ///< true when this id had already been stored (a retry)
};

/** A record's metadata (never personal). */
struct RecordInfo
{
    std::string id;
    std::string templateId;
    int templateVersion = 0;
    std::string procedure;
    std::string kioskId;
    std::string language;
    std::string counterGroup;
    std::string visitId;
    Status status = Status::Submitted;
    std::string ticket;
    std::string ticketDay;
    std::int64_t submittedAtMs = 0;
    std::optional<std::int64_t> cardReadAtMs;
    std::string claimedBy;
    std::optional<std::int64_t> claimedAtMs;
    std::optional<std::int64_t> leaseUntilMs;
    int claimCount = 0;
    std::string decidedBy;
    std::optional<std::int64_t> decidedAtMs;
    std::optional<std::int64_t> finishedAtMs;
    std::optional<std::int64_t> purgedAtMs;
    std::string keyId;
    bool hasMyNumber = false;
    int corrections = 0;
};

/** A staff correction, decrypted (Store::corrections). */
struct Correction
{
    std::int64_t atMs = 0;
    std::string userId;
    std::string field;
    SecureString oldValue;
    SecureString newValue;
    SecureString reason;
};

} // namespace kakanai::queue
