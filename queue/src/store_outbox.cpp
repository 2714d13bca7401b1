// The kiosk's side of the outbox (see outbox.hpp): which records still wait for the server, the
// erasure of a record's ciphertexts once the server holds it, and the forwarding state. Runs only
// on the kiosk's SQLite file (schema.sql migration 3); on a PostgreSQL queue → InvalidState.
#include "store_impl.hpp"

namespace kakanai::queue {

using namespace detail;

namespace {

/** Records still waiting: they hold their ciphertexts and the server has not confirmed them. */
const char* const WAITING = " FROM records r WHERE r.wrapped_key IS NOT NULL AND NOT EXISTS"
                            " (SELECT 1 FROM outbox_forwarded f WHERE f.record_id = r.id)";

const char* const ORDER = " ORDER BY r.submitted_at, r.ticket_number, r.id";

void requireSqlite(Db& db)
{
    if (db.isPostgres()) {
        raise(QueueErrorCode::InvalidState,
            "the outbox is a kiosk's own SQLite file, not the PostgreSQL server");
    }
}

SealedRecord rowToSealed(const Stmt& row)
{
    SealedRecord r;
    r.id = row.text(0);
    r.templateId = row.text(1);
    r.templateVersion = static_cast<int>(row.integer(2));
    r.procedure = row.text(3);
    r.kioskId = row.text(4);
    r.language = row.text(5);
    r.counterGroup = row.text(6);
    r.visitId = row.text(7);
    r.ticket = row.text(8);
    r.ticketDay = row.text(9);
    r.submittedAtMs = row.integer(10);
    r.cardReadAtMs = row.optInteger(11);
    r.keyId = row.text(12);
    r.wrappedKey = row.blob(13);
    r.payload = row.blob(14);
    if (!row.isNull(15)) {
        r.myNumber = row.blob(15);
    }
    return r;
}

constexpr std::size_t MAX_ERROR_TEXT = 500;

} // namespace

Result<std::vector<SealedRecord>, QueueError> Store::outboxPending(std::size_t limit)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireSqlite(s.db);
        Tx tx(s.db, false);
        Stmt rows(s.db,
            std::string("SELECT r.id, r.template_id, r.template_version, r.procedure,"
                        " r.kiosk_id, r.language, r.counter_group, r.visit_id, r.ticket,"
                        " r.ticket_day, r.submitted_at, r.card_read_at, r.key_id, r.wrapped_key,"
                        " r.payload, r.my_number")
                + WAITING + ORDER + " LIMIT ?");
        rows.bind(1, limit == 0 ? std::int64_t { -1 } : static_cast<std::int64_t>(limit));
        std::vector<SealedRecord> out;
        while (rows.step()) {
            out.push_back(rowToSealed(rows));
        }
        rows.reset();
        tx.commit();
        return out;
    });
}

Result<Ok, QueueError> Store::markForwarded(const std::string& id)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireSqlite(s.db);
        s.requireKey();
        bool drained = false;
        {
            Tx tx(s.db);
            std::string ticket;
            std::string kiosk;
            {
                Stmt row(s.db,
                    "SELECT r.ticket, r.kiosk_id, EXISTS (SELECT 1 FROM outbox_forwarded f"
                    " WHERE f.record_id = r.id) FROM records r WHERE r.id = ?");
                row.bind(1, id);
                if (!row.step()) {
                    raise(QueueErrorCode::NotFound, "no record " + id);
                }
                if (row.integer(2) != 0) {
                    return Ok {}; // already done (a retry)
                }
                ticket = row.text(0);
                kiosk = row.text(1);
            }
            const std::int64_t now = s.now();
            Stmt remember(
                s.db, "INSERT INTO outbox_forwarded (record_id, forwarded_at) VALUES (?, ?)");
            remember.bind(1, id).bind(2, now).run();
            // The row stays as a tombstone: its ticket keeps counting for the day's numbering.
            Stmt erase(s.db,
                "UPDATE records SET status = 'purged', purged_at = ?1, payload = NULL,"
                " my_number = NULL, wrapped_key = NULL, key_id = NULL, reason = NULL,"
                " updated_at = ?1 WHERE id = ?2");
            erase.bind(1, now).bind(2, id).run();
            Stmt history(s.db,
                "UPDATE corrections SET old_value = NULL, new_value = NULL, reason = NULL"
                " WHERE record_id = ?");
            history.bind(1, id).run();
            s.audit("kiosk:" + kiosk, "forward", id,
                "ticket " + ticket + " is on the server; local copy erased");
            drained = s.db.queryInt(std::string("SELECT count(*)") + WAITING) == 0;
            tx.commit();
        }
        if (drained) {
            // secure_delete zeroed the freed cells; empty the WAL too, which still holds the old
            // pages (best effort: a reader may hold it, and the next drain tries again).
            try {
                s.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (const QueueException&) {
            }
        }
        return Ok {};
    });
}

Result<Ok, QueueError> Store::recordForwardAttempt(std::optional<std::string> error)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireSqlite(s.db);
        Tx tx(s.db);
        const std::int64_t now = s.now();
        if (!error) {
            Stmt ok(s.db,
                "UPDATE outbox_state SET last_attempt_at = ?1, last_success_at = ?1,"
                " consecutive_failures = 0 WHERE one = 1");
            ok.bind(1, now).run();
        } else {
            std::string text = error->empty() ? std::string("unknown error") : *error;
            if (text.size() > MAX_ERROR_TEXT) {
                text.resize(MAX_ERROR_TEXT);
            }
            Stmt failed(s.db,
                "UPDATE outbox_state SET last_attempt_at = ?1, last_error = ?2,"
                " last_error_at = ?1, consecutive_failures = consecutive_failures + 1"
                " WHERE one = 1");
            failed.bind(1, now).bind(2, text).run();
        }
        tx.commit();
        return Ok {};
    });
}

Result<OutboxStatus, QueueError> Store::outboxStatus()
{
    return guard([&] {
        Impl& s = *m_impl;
        requireSqlite(s.db);
        Tx tx(s.db, false);
        OutboxStatus status;
        status.waiting
            = static_cast<std::size_t>(s.db.queryInt(std::string("SELECT count(*)") + WAITING));
        {
            Stmt oldest(s.db,
                std::string("SELECT r.submitted_at, r.ticket") + WAITING + ORDER + " LIMIT 1");
            if (oldest.step()) {
                status.oldestWaitingAtMs = oldest.integer(0);
                status.oldestWaitingTicket = oldest.text(1);
            }
        }
        status.forwarded
            = static_cast<std::size_t>(s.db.queryInt("SELECT count(*) FROM outbox_forwarded"));
        Stmt state(s.db,
            "SELECT last_attempt_at, last_success_at, last_error, last_error_at,"
            " consecutive_failures FROM outbox_state WHERE one = 1");
        if (state.step()) {
            status.lastAttemptAtMs = state.optInteger(0);
            status.lastSuccessAtMs = state.optInteger(1);
            status.lastError = state.text(2);
            status.lastErrorAtMs = state.optInteger(3);
            status.consecutiveFailures = static_cast<int>(state.integer(4));
        }
        state.reset();
        tx.commit();
        return status;
    });
}

} // namespace kakanai::queue
