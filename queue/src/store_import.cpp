// Store::importSealed: the town hall server's side of the kiosk outbox (see outbox.hpp). The
// sealed envelope is stored exactly as the kiosk made it — nothing is decrypted but the data
// key's wrapping, which proves the record was sealed under this server's master key. One
// writer transaction with its audit entry. Runs on SQLite and PostgreSQL alike: portable SQL
// only (`?` parameters, no engine-specific functions).
#include "crypto.hpp"
#include "sealed_record.hpp"
#include "store_impl.hpp"

namespace kakanai::queue {

using namespace detail;

namespace {

/** Duplicate unless an existing record with this id carries the same digest; its ticket then. */
std::optional<std::string> existingTicket(Db& db, const SealedRecord& record, ByteView digest)
{
    Stmt existing(db, "SELECT ticket, submission_digest FROM records WHERE id = ?");
    existing.bind(1, record.id);
    if (!existing.step()) {
        return std::nullopt;
    }
    if (!equalConstantTime(existing.blob(1), digest)) {
        raise(QueueErrorCode::Duplicate,
            "record " + record.id + " already exists on the server with other content");
    }
    return existing.text(0);
}

/** A ticket text names one visit a day: the forms of that visit (at its kiosk) share it,
 *  nobody else may. */
void requireFreeTicket(Db& db, const SealedRecord& record)
{
    Stmt taken(
        db, "SELECT id, kiosk_id, visit_id FROM records WHERE ticket_day = ? AND ticket = ?");
    taken.bind(1, record.ticketDay).bind(2, record.ticket);
    while (taken.step()) {
        if (!record.visitId.empty() && !taken.isNull(2) && taken.text(2) == record.visitId
            && taken.text(1) == record.kioskId) {
            continue; // another form of the same visit at the same kiosk
        }
        raise(QueueErrorCode::Duplicate,
            "ticket " + record.ticket + " of " + record.ticketDay
                + " is already used on the server by record " + taken.text(0) + " (kiosk "
                + taken.text(1) + "): give each kiosk its own ticket prefix");
    }
}

} // namespace

Result<Receipt, QueueError> Store::importSealed(const SealedRecord& record)
{
    return guard([&] {
        Impl& s = *m_impl;
        validateSealed(record);
        const MasterKey& master = s.key();
        const Bytes digest = sealedDigest(s.digestKey, record);
        Tx tx(s.db);
        if (auto ticket = existingTicket(s.db, record, digest)) {
            return Receipt { record.id, *ticket, true };
        }
        if (record.keyId != master.id) {
            raise(QueueErrorCode::WrongKey,
                "record " + record.id + " is wrapped under master key " + record.keyId
                    + "; this server uses " + master.id + " (give the kiosk the server's key)");
        }
        if (!openGcm(master.key, record.wrappedKey, wrapAad(record.id, record.keyId))) {
            raise(QueueErrorCode::Tampered,
                "record " + record.id + ": its data key fails authentication");
        }
        requireFreeTicket(s.db, record);
        // The server's own ticket sequence per counter group and day, behind every ticket text
        // it holds (kiosks' and its own), keeps "A-001"-style numbering of direct submissions
        // from reusing a number.
        Stmt next(s.db,
            "SELECT COALESCE(MAX(ticket_number), 0) + 1 FROM records"
            " WHERE counter_group = ? AND ticket_day = ?");
        next.bind(1, record.counterGroup).bind(2, record.ticketDay);
        next.step();
        const std::int64_t number = next.integer(0);

        Stmt insert(s.db,
            "INSERT INTO records (id, template_id, template_version, procedure, kiosk_id,"
            " language, counter_group, visit_id, status, ticket, ticket_day, ticket_number,"
            " submission_digest, key_id, wrapped_key, payload, my_number, submitted_at,"
            " card_read_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, record.id).bind(2, record.templateId).bind(3, record.templateVersion);
        insert.bind(4, record.procedure).bind(5, record.kioskId).bind(6, record.language);
        insert.bind(7, record.counterGroup).bindOrNull(8, record.visitId);
        insert.bind(9, record.ticket).bind(10, record.ticketDay).bind(11, number);
        insert.bindBlob(12, digest).bind(13, record.keyId).bindBlob(14, record.wrappedKey);
        insert.bindBlob(15, record.payload);
        if (record.myNumber) {
            insert.bindBlob(16, *record.myNumber);
        } else {
            insert.bindNull(16);
        }
        insert.bind(17, record.submittedAtMs).bind(18, record.cardReadAtMs).bind(19, s.now());
        insert.run();
        s.audit("kiosk:" + record.kioskId, "submit", record.id,
            "ticket " + record.ticket + " (forwarded)");
        tx.commit();
        return Receipt { record.id, record.ticket, false };
    });
}

} // namespace kakanai::queue
