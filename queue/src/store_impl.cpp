// Helpers shared by the Store functions (see store_impl.hpp).
#include "store_impl.hpp"

#include "crypto.hpp"

namespace kakanai::queue {

using namespace detail;

const MasterKey& Store::Impl::key() const
{
    requireKey();
    return *options.key;
}

void Store::Impl::requireKey() const
{
    if (!options.key || macKey.empty()) {
        raise(QueueErrorCode::KeyMissing, "this operation needs the master key (--key)");
    }
}

void Store::Impl::audit(const std::string& actor, const std::string& action,
    const std::string& recordId, const std::string& detail)
{
    requireKey();
    appendAudit(db, macKey, now(), AuditEvent { actor, action, recordId, detail });
}

RecordInfo Store::Impl::load(const std::string& id)
{
    Stmt row(db, (std::string("SELECT ") + RECORD_COLUMNS + " FROM records WHERE id = ?").c_str());
    row.bind(1, id);
    if (!row.step()) {
        raise(QueueErrorCode::NotFound, "no record " + id);
    }
    return rowToInfo(row);
}

SecureBytes Store::Impl::dataKey(const std::string& id)
{
    const MasterKey& master = key();
    Stmt row(db, "SELECT key_id, wrapped_key FROM records WHERE id = ?");
    row.bind(1, id);
    if (!row.step()) {
        raise(QueueErrorCode::NotFound, "no record " + id);
    }
    if (row.isNull(0)) {
        raise(QueueErrorCode::InvalidState, "record " + id + " was purged");
    }
    const std::string keyId = row.text(0);
    if (keyId != master.id) {
        raise(QueueErrorCode::WrongKey,
            "record " + id + " is wrapped under key " + keyId + ", not " + master.id);
    }
    auto plain = openGcm(master.key, row.blob(1), wrapAad(id, keyId));
    if (!plain) {
        raise(QueueErrorCode::Tampered, "record " + id + ": its data key fails authentication");
    }
    return std::move(*plain);
}

SecureBytes Store::Impl::decrypt(ByteView dataKey, ByteView sealed, const std::string& aad)
{
    auto plain = openGcm(dataKey, sealed, aad);
    if (!plain) {
        raise(QueueErrorCode::Tampered, "a ciphertext fails authentication (" + aad + ")");
    }
    return std::move(*plain);
}

namespace detail {

const char* const RECORD_COLUMNS
    = "id, template_id, template_version, procedure, kiosk_id, language, counter_group, "
      "visit_id, status, ticket, ticket_day, submitted_at, card_read_at, claimed_by, claimed_at, "
      "lease_until, claim_count, decided_by, decided_at, finished_at, purged_at, key_id, "
      "my_number IS NOT NULL, (SELECT count(*) FROM corrections c WHERE c.record_id = records.id)";

RecordInfo rowToInfo(const Stmt& row)
{
    RecordInfo info;
    info.id = row.text(0);
    info.templateId = row.text(1);
    info.templateVersion = static_cast<int>(row.integer(2));
    info.procedure = row.text(3);
    info.kioskId = row.text(4);
    info.language = row.text(5);
    info.counterGroup = row.text(6);
    info.visitId = row.text(7);
    info.status = parseStatus(row.text(8)).value_or(Status::Submitted);
    info.ticket = row.text(9);
    info.ticketDay = row.text(10);
    info.submittedAtMs = row.integer(11);
    info.cardReadAtMs = row.optInteger(12);
    info.claimedBy = row.text(13);
    info.claimedAtMs = row.optInteger(14);
    info.leaseUntilMs = row.optInteger(15);
    info.claimCount = static_cast<int>(row.integer(16));
    info.decidedBy = row.text(17);
    info.decidedAtMs = row.optInteger(18);
    info.finishedAtMs = row.optInteger(19);
    info.purgedAtMs = row.optInteger(20);
    info.keyId = row.text(21);
    info.hasMyNumber = row.integer(22) != 0;
    info.corrections = static_cast<int>(row.integer(23));
    return info;
}

void requireRole(const StaffSession& staff, std::initializer_list<Role> roles, const char* what)
{
    for (Role role : roles) {
        if (staff.role() == role) {
            return;
        }
    }
    raise(
        QueueErrorCode::Forbidden, std::string("a ") + roleName(staff.role()) + " may not " + what);
}

std::string recordAad(const std::string& column, const std::string& id)
{
    return "kakanai.record." + column + "|" + id;
}

std::string wrapAad(const std::string& id, const std::string& keyId)
{
    return "kakanai.record.key|" + id + "|" + keyId;
}

SecureString toSecureString(const SecureBytes& bytes)
{
    SecureString out;
    assignSecure(out, asText(bytes.view()));
    return out;
}

} // namespace detail

} // namespace kakanai::queue
