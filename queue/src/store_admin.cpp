// Store: retention purge, master key rotation and audit verification.
#include "crypto.hpp"
#include "store_impl.hpp"

namespace kakanai::queue {

using namespace detail;

Result<std::size_t, QueueError> Store::purge(const RetentionPolicy& policy)
{
    return guard([&] {
        Impl& s = *m_impl;
        s.requireKey();
        const std::int64_t now = s.now();
        std::size_t purged = 0;
        {
            Tx tx(s.db);
            for (const auto& [status, days] : policy.days) {
                if (status == Status::Submitted || status == Status::Claimed
                    || status == Status::Purged || days < 0) {
                    continue; // waiting records are never purged
                }
                std::vector<std::string> ids;
                Stmt due(s.db,
                    "SELECT id FROM records WHERE status = ?"
                    " AND COALESCE(finished_at, decided_at, submitted_at) <= ?");
                due.bind(1, statusName(status))
                    .bind(2, now - static_cast<std::int64_t>(days) * 24 * 60 * 60 * 1000);
                while (due.step()) {
                    ids.push_back(due.text(0));
                }
                for (const std::string& id : ids) {
                    Stmt tomb(s.db,
                        "UPDATE records SET status = 'purged', purged_at = ?1, payload = NULL,"
                        " my_number = NULL, wrapped_key = NULL, key_id = NULL, reason = NULL,"
                        " updated_at = ?1 WHERE id = ?2");
                    tomb.bind(1, now).bind(2, id).run();
                    Stmt history(s.db,
                        "UPDATE corrections SET old_value = NULL, new_value = NULL, reason = NULL"
                        " WHERE record_id = ?");
                    history.bind(1, id).run();
                    s.audit("system", "purge", id,
                        std::string("was ") + statusName(status) + ", kept " + std::to_string(days)
                            + " days");
                    ++purged;
                }
            }
            tx.commit();
        }
        if (purged > 0 && !s.db.isPostgres()) {
            // PostgreSQL: autovacuum reclaims the old row versions (which held only ciphertext).
            // SQLite: copy the purged pages (already zeroed by secure_delete) back and empty the
            // WAL.
            try {
                s.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (const QueueException&) {
                // readers hold the WAL; the next checkpoint finishes the job
            }
        }
        return purged;
    });
}

Result<std::size_t, QueueError> Store::rekey(const StaffSession& admin, const MasterKey& newKey)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireRole(admin, { Role::Admin }, "rotate keys");
        const MasterKey& oldKey = s.key();
        if (newKey.key.size() != KEY_SIZE || newKey.id == oldKey.id) {
            raise(QueueErrorCode::InvalidArgument, "the new key must be a different 32-byte key");
        }
        Tx tx(s.db);
        std::size_t count = 0;
        {
            Stmt other(
                s.db, "SELECT count(*) FROM records WHERE key_id IS NOT NULL AND key_id <> ?");
            other.bind(1, oldKey.id);
            other.step();
            if (other.integer(0) != 0) {
                raise(QueueErrorCode::WrongKey, "some records are wrapped under another key");
            }
        }
        std::vector<std::pair<std::string, Bytes>> wrapped;
        {
            Stmt rows(s.db, "SELECT id, wrapped_key FROM records WHERE key_id = ?");
            rows.bind(1, oldKey.id);
            while (rows.step()) {
                wrapped.emplace_back(rows.text(0), rows.blob(1));
            }
        }
        for (const auto& [id, blob] : wrapped) {
            auto dataKey = openGcm(oldKey.key, blob, wrapAad(id, oldKey.id));
            if (!dataKey) {
                raise(QueueErrorCode::Tampered,
                    "record " + id + ": its data key fails authentication");
            }
            Stmt update(s.db, "UPDATE records SET key_id = ?, wrapped_key = ? WHERE id = ?");
            update.bind(1, newKey.id)
                .bindBlob(2, sealGcm(newKey.key, *dataKey, wrapAad(id, newKey.id)));
            update.bind(3, id).run();
            ++count;
        }
        Stmt secretRow(s.db, "SELECT key_id, wrapped FROM secrets WHERE purpose = 'audit'");
        secretRow.step();
        auto secret = openGcm(oldKey.key, secretRow.blob(1), "kakanai.secret.audit|" + oldKey.id);
        secretRow.reset();
        if (!secret) {
            raise(QueueErrorCode::WrongKey, "the audit secret does not open with the current key");
        }
        Stmt rewrap(s.db, "UPDATE secrets SET key_id = ?, wrapped = ? WHERE purpose = 'audit'");
        rewrap.bind(1, newKey.id)
            .bindBlob(2, sealGcm(newKey.key, *secret, "kakanai.secret.audit|" + newKey.id))
            .run();
        s.audit(admin.userId(), "rekey", "",
            oldKey.id + " → " + newKey.id + ", " + std::to_string(count) + " records");
        tx.commit();
        s.options.key = newKey;
        return count;
    });
}

Result<AuditReport, QueueError> Store::verifyAudit(const std::optional<AuditAnchor>& anchor)
{
    return guard([&] {
        Impl& s = *m_impl;
        s.requireKey();
        Tx tx(s.db, false);
        AuditReport report = verifyAuditChain(s.db, s.macKey, anchor);
        tx.commit();
        return report;
    });
}

} // namespace kakanai::queue
