// Store: claims with leases and decisions (submitted → claimed → approved | returned | rejected
// → printed). Each function is one IMMEDIATE transaction with its audit entry.
#include "crypto.hpp"
#include "store_impl.hpp"

namespace kakanai::queue {

using namespace detail;

namespace {

void requireStaff(const StaffSession& staff, const char* what)
{
    requireRole(staff, { Role::Reviewer, Role::Supervisor }, what);
}

} // namespace

Result<std::optional<RecordInfo>, QueueError> Store::claimNext(
    const StaffSession& staff, const std::string& counterGroup)
{
    return guard([&]() -> std::optional<RecordInfo> {
        Impl& s = *m_impl;
        requireStaff(staff, "claim records");
        s.requireKey();
        {
            // A cheap read first: an idle console polling an empty queue takes no write lock.
            Stmt waiting(s.db,
                "SELECT 1 FROM records WHERE (status = 'submitted' OR (status = 'claimed'"
                " AND lease_until <= ?1)) AND (?2 = '' OR counter_group = ?2) LIMIT 1");
            waiting.bind(1, s.now()).bind(2, counterGroup);
            if (!waiting.step()) {
                return std::nullopt;
            }
        }
        // One writer at a time on both engines (the audit chain is one sequence, and taking the
        // writers' lock first means no lock-order deadlock with decide/claim). On PostgreSQL
        // the row is also picked FOR UPDATE SKIP LOCKED, so a claim stays atomic even beside
        // a writer that bypasses kakanai's lock (an administrator's own SQL).
        Tx tx(s.db);
        const std::int64_t now = s.now();
        static const std::string UPDATE
            = "UPDATE records SET status = 'claimed', claimed_by = ?1, claimed_at = ?2,"
              " first_claimed_at = COALESCE(first_claimed_at, ?2), lease_until = ?2 + ?3,"
              " claim_count = claim_count + 1, updated_at = ?2 WHERE id = ";
        static const std::string POSTGRES_OLDEST
            = "(SELECT id FROM records WHERE (status = 'submitted'"
              " OR (status = 'claimed' AND lease_until <= ?2))"
              " AND (?4 = '' OR counter_group = ?4) ORDER BY submitted_at, id LIMIT 1"
              " FOR UPDATE SKIP LOCKED)";
        // SQLite turns the OR above into a collection of every waiting row and a sort: a claim
        // then held the write lock for a time that grew with the queue. Two probes that each
        // walk records_by_status in order and stop at their first match do not.
        static const std::string SQLITE_OLDEST
            = "(SELECT id FROM (SELECT id, submitted_at FROM (SELECT id, submitted_at FROM records"
              " WHERE status = 'submitted' AND (?4 = '' OR counter_group = ?4)"
              " ORDER BY submitted_at, id LIMIT 1)"
              " UNION ALL SELECT id, submitted_at FROM (SELECT id, submitted_at FROM records"
              " WHERE status = 'claimed' AND lease_until <= ?2 AND (?4 = '' OR counter_group = ?4)"
              " ORDER BY submitted_at, id LIMIT 1)) ORDER BY submitted_at, id LIMIT 1)";
        Stmt update(s.db,
            UPDATE + (s.db.isPostgres() ? POSTGRES_OLDEST : SQLITE_OLDEST)
                + " RETURNING id, claim_count");
        update.bind(1, staff.userId()).bind(2, now).bind(3, s.options.leaseMs);
        update.bind(4, counterGroup);
        if (!update.step()) {
            return std::nullopt;
        }
        const std::string id = update.text(0);
        const std::int64_t claims = update.integer(1);
        update.run();
        s.audit(staff.userId(), "claim", id, claims > 1 ? "reclaimed after lease expiry" : "");
        RecordInfo info = s.load(id);
        tx.commit();
        return info;
    });
}

Result<RecordInfo, QueueError> Store::claim(const StaffSession& staff, const std::string& id)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireStaff(staff, "claim records");
        s.requireKey();
        Tx tx(s.db);
        const RecordInfo info = s.load(id);
        const std::int64_t now = s.now();
        const bool leaseOver = info.leaseUntilMs && *info.leaseUntilMs <= now;
        if (info.status == Status::Claimed && info.claimedBy != staff.userId() && !leaseOver) {
            raise(QueueErrorCode::NotOwner, "record " + id + " is claimed by someone else");
        }
        if (info.status != Status::Submitted && info.status != Status::Claimed) {
            raise(QueueErrorCode::InvalidState,
                "record " + id + " is " + statusName(info.status) + ", not waiting");
        }
        Stmt update(s.db,
            "UPDATE records SET status = 'claimed', claimed_by = ?1, claimed_at = ?2,"
            " first_claimed_at = COALESCE(first_claimed_at, ?2), lease_until = ?2 + ?3,"
            " claim_count = claim_count + 1, updated_at = ?2 WHERE id = ?4");
        update.bind(1, staff.userId()).bind(2, now).bind(3, s.options.leaseMs).bind(4, id).run();
        s.audit(staff.userId(), "claim", id);
        RecordInfo claimed = s.load(id);
        tx.commit();
        return claimed;
    });
}

namespace {

/** Throws unless `info` is claimed by `staff` (an expired lease still counts until reclaimed). */
void requireOwner(const RecordInfo& info, const StaffSession& staff)
{
    if (info.status != Status::Claimed) {
        raise(QueueErrorCode::InvalidState,
            "record " + info.id + " is " + statusName(info.status) + ", not claimed");
    }
    if (info.claimedBy != staff.userId()) {
        raise(QueueErrorCode::NotOwner, "record " + info.id + " is claimed by someone else");
    }
}

} // namespace

Result<RecordInfo, QueueError> Store::extendLease(const StaffSession& staff, const std::string& id)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireStaff(staff, "claim records");
        Tx tx(s.db);
        requireOwner(s.load(id), staff);
        Stmt update(s.db, "UPDATE records SET lease_until = ?, updated_at = ? WHERE id = ?");
        update.bind(1, s.now() + s.options.leaseMs).bind(2, s.now()).bind(3, id).run();
        RecordInfo info = s.load(id);
        tx.commit();
        return info;
    });
}

Result<RecordInfo, QueueError> Store::decide(
    const StaffSession& staff, const std::string& id, Decision decision, const SecureString& reason)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireStaff(staff, "decide on records");
        s.requireKey();
        Tx tx(s.db);
        requireOwner(s.load(id), staff);
        static const char* const STATUS[] = { "approved", "returned", "rejected" };
        const char* status = STATUS[static_cast<int>(decision)];
        Stmt update(s.db,
            "UPDATE records SET status = ?1, outcome = ?1, decided_by = ?2, decided_at = ?3,"
            " lease_until = NULL, reason = ?4, updated_at = ?3 WHERE id = ?5");
        update.bind(1, status).bind(2, staff.userId()).bind(3, s.now()).bind(5, id);
        if (reason.empty()) {
            update.bindNull(4);
        } else {
            const SecureBytes key = s.dataKey(id);
            update.bindBlob(4,
                sealGcm(key, asBytes(std::string_view(reason.data(), reason.size())),
                    recordAad("reason", id)));
        }
        update.run();
        s.audit(staff.userId(), decisionName(decision), id,
            std::string("claimed → ") + status + (reason.empty() ? "" : " (with reason)"));
        RecordInfo info = s.load(id);
        tx.commit();
        return info;
    });
}

Result<RecordInfo, QueueError> Store::markPrinted(const StaffSession& staff, const std::string& id)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireStaff(staff, "print records");
        s.requireKey();
        Tx tx(s.db);
        const RecordInfo before = s.load(id);
        if (before.status != Status::Approved) {
            raise(QueueErrorCode::InvalidState,
                "record " + id + " is " + statusName(before.status) + ", not approved");
        }
        Stmt update(s.db,
            "UPDATE records SET status = 'printed', finished_at = ?1, updated_at = ?1"
            " WHERE id = ?2");
        update.bind(1, s.now()).bind(2, id).run();
        s.audit(staff.userId(), "print", id, "approved → printed");
        RecordInfo info = s.load(id);
        tx.commit();
        return info;
    });
}

} // namespace kakanai::queue
