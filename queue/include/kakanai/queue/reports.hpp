// Figures computed from record metadata only (never from payloads): queue statistics with an
// estimated wait for a new ticket, the KPI rows of a grant report, the audit verification
// result, and retention rules.
//
// Errors: none here; the Store functions that fill these return QueueError.
#pragma once

#include "kakanai/queue/record.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace kakanai::queue {

struct Stats
{
    std::map<Status, std::int64_t> counts; ///< every status, zero included
    std::optional<std::int64_t> medianWaitToClaimMs; ///< today's records: submission → claim
    std::optional<std::int64_t> medianWaitToDecisionMs; ///< today's: submission → decision
    std::optional<std::int64_t> medianHandlingMs; ///< today's: claim → decision
    std::int64_t waiting = 0; ///< submitted + claimed now
    std::int64_t activeStaff = 0; ///< distinct staff who decided a record in the last hour
    /** Estimated wait for a ticket taken now: waiting × handling time ÷ staff at work. */
    std::int64_t estimatedWaitMs = 0;
};

/** One CSV row of `kakanai-queue kpi`: one local day and one procedure. */
struct KpiRow
{
    std::string day;
    std::string procedure;
    std::int64_t visits = 0; ///< distinct kiosk visits (visit id, else record id)
    std::int64_t forms = 0;
    std::optional<std::int64_t> medianCardToTicketMs;
    std::int64_t corrected = 0; ///< records with at least one staff correction
    std::int64_t returned = 0;
    std::int64_t rejected = 0;
};

/**
 * One entry of the audit chain named by its sequence number and MAC, written "SEQ:HEX" (64 hex
 * digits). The database's own head record cannot reveal entries deleted at the end by someone
 * who also rewrites the head to an earlier entry; an anchor kept outside the machine (the daily
 * report, another server) can: verifying against it fails when that entry is gone or differs.
 * The MAC is not secret: without the queue's key nobody can make a chain that matches it.
 */
struct AuditAnchor
{
    std::int64_t seq = 0;
    std::string macHex; ///< lowercase, 64 digits
};

/** "SEQ:HEX". */
std::string formatAuditAnchor(const AuditAnchor& anchor);
/** nullopt unless SEQ is a positive decimal and HEX 64 hex digits (either case). */
std::optional<AuditAnchor> parseAuditAnchor(const std::string& text);

struct AuditReport
{
    bool ok = true;
    std::int64_t entries = 0;
    std::int64_t firstBadSeq = 0; ///< 0 when ok
    std::string problem; ///< e.g. "entry 12: MAC mismatch (edited or reordered)"
    AuditAnchor head; ///< the last entry (seq 0 for an empty log): keep it to anchor a later check
};

/** Days to keep a record's payload per status; statuses not listed are never purged. */
struct RetentionPolicy
{
    std::map<Status, int> days { { Status::Returned, 30 }, { Status::Rejected, 30 },
        { Status::Printed, 90 }, { Status::Exported, 90 } };
};

enum class ExportFormat
{
    Jsonl,
    Csv
};

} // namespace kakanai::queue
