// Internal: the append-only audit log with an HMAC-SHA256 chain. Entry n's MAC covers entry
// n-1's MAC and all of entry n's fields, and audit_head holds the last sequence number and MAC,
// so a deleted, edited, inserted or reordered entry breaks the chain. Triggers refuse UPDATE and
// DELETE on the table; the chain catches whoever drops them.
//
// Errors: appendAudit throws QueueException (Database/Busy); verifyAuditChain reports a broken
// chain in AuditReport (it throws only for database failures).
#pragma once

#include "db.hpp"
#include "kakanai/queue/reports.hpp"

#include <optional>
#include <string>

namespace kakanai::queue::detail {

struct AuditEvent
{
    std::string actor; ///< a user id, "kiosk:<id>", "system" or "cli"
    std::string action; ///< submit, claim, view, reveal, correct, approve, ... login, login-failed
    std::string recordId; ///< may be empty
    std::string detail; ///< never personal: statuses, field keys, counts
};

/** Appends one entry inside the caller's transaction. */
void appendAudit(Db& db, ByteView macKey, std::int64_t atMs, const AuditEvent& event);

/** The chain, the head record, and `anchor` if given (see AuditAnchor). */
AuditReport verifyAuditChain(
    Db& db, ByteView macKey, const std::optional<AuditAnchor>& anchor = std::nullopt);

} // namespace kakanai::queue::detail
