// Store: reading the encrypted payload and My Number (audited), staff corrections with history.
#include "crypto.hpp"
#include "kakanai/queue/json_fields.hpp"
#include "store_impl.hpp"

namespace kakanai::queue {

using namespace detail;

namespace {

ByteView textBytes(const SecureString& text)
{
    return asBytes(std::string_view(text.data(), text.size()));
}

std::string correctionAad(const std::string& part, const std::string& id, const std::string& field)
{
    return recordAad("correction." + part, id) + "|" + field;
}

} // namespace

Result<SecureString, QueueError> Store::readPayload(
    const StaffSession& staff, const std::string& id)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireRole(staff, { Role::Reviewer, Role::Supervisor }, "view records");
        Tx tx(s.db);
        const SecureBytes key = s.dataKey(id);
        Stmt row(s.db, "SELECT payload FROM records WHERE id = ?");
        row.bind(1, id);
        row.step();
        const SecureBytes plain = s.decrypt(key, row.secureBlob(0), recordAad("payload", id));
        s.audit(staff.userId(), "view", id);
        tx.commit();
        return toSecureString(plain);
    });
}

Result<SecureString, QueueError> Store::revealMyNumber(
    const StaffSession& staff, const std::string& id)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireRole(staff, { Role::Supervisor }, "reveal a My Number");
        Tx tx(s.db);
        const SecureBytes key = s.dataKey(id);
        Stmt row(s.db, "SELECT my_number FROM records WHERE id = ?");
        row.bind(1, id);
        row.step();
        if (row.isNull(0)) {
            raise(QueueErrorCode::NotFound, "record " + id + " holds no My Number");
        }
        const SecureBytes plain = s.decrypt(key, row.secureBlob(0), recordAad("my_number", id));
        s.audit(staff.userId(), "reveal", id, "my_number");
        tx.commit();
        return toSecureString(plain);
    });
}

Result<Ok, QueueError> Store::correct(
    const StaffSession& staff, const std::string& id, const CorrectionRequest& request)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireRole(staff, { Role::Reviewer, Role::Supervisor }, "correct records");
        if (request.field.empty() || request.field.size() > 128) {
            raise(QueueErrorCode::InvalidArgument, "the corrected field needs a key");
        }
        if (!scanJsonObject(
                std::string_view(request.newPayload.data(), request.newPayload.size()))) {
            raise(QueueErrorCode::InvalidArgument, "the corrected payload must be one JSON object");
        }
        Tx tx(s.db);
        const RecordInfo info = s.load(id);
        if (info.status != Status::Claimed || info.claimedBy != staff.userId()) {
            raise(info.status == Status::Claimed ? QueueErrorCode::NotOwner
                                                 : QueueErrorCode::InvalidState,
                "record " + id + " must be claimed by you to be corrected");
        }
        const SecureBytes key = s.dataKey(id);
        const std::int64_t now = s.now();
        Stmt insert(s.db,
            "INSERT INTO corrections (record_id, at, user_id, field, old_value, new_value, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, id).bind(2, now).bind(3, staff.userId()).bind(4, request.field);
        insert.bindBlob(
            5, sealGcm(key, textBytes(request.oldValue), correctionAad("old", id, request.field)));
        insert.bindBlob(
            6, sealGcm(key, textBytes(request.newValue), correctionAad("new", id, request.field)));
        insert.bindBlob(
            7, sealGcm(key, textBytes(request.reason), correctionAad("reason", id, request.field)));
        insert.run();
        Stmt update(s.db, "UPDATE records SET payload = ?, updated_at = ? WHERE id = ?");
        update.bindBlob(1, sealGcm(key, textBytes(request.newPayload), recordAad("payload", id)));
        update.bind(2, now).bind(3, id).run();
        s.audit(staff.userId(), "correct", id, "field " + request.field);
        tx.commit();
        return Ok {};
    });
}

Result<std::vector<Correction>, QueueError> Store::corrections(
    const StaffSession& staff, const std::string& id)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireRole(staff, { Role::Reviewer, Role::Supervisor }, "view records");
        Tx tx(s.db);
        const SecureBytes key = s.dataKey(id);
        std::vector<Correction> out;
        Stmt rows(s.db,
            "SELECT at, user_id, field, old_value, new_value, reason FROM corrections"
            " WHERE record_id = ? ORDER BY seq");
        rows.bind(1, id);
        while (rows.step()) {
            Correction c;
            c.atMs = rows.integer(0);
            c.userId = rows.text(1);
            c.field = rows.text(2);
            c.oldValue = toSecureString(
                s.decrypt(key, rows.secureBlob(3), correctionAad("old", id, c.field)));
            c.newValue = toSecureString(
                s.decrypt(key, rows.secureBlob(4), correctionAad("new", id, c.field)));
            c.reason = toSecureString(
                s.decrypt(key, rows.secureBlob(5), correctionAad("reason", id, c.field)));
            out.push_back(std::move(c));
        }
        s.audit(staff.userId(), "view-corrections", id);
        tx.commit();
        return out;
    });
}

} // namespace kakanai::queue
