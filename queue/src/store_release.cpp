// Store::release: a staff member closes a record without deciding; it goes back to the waiting
// list at once instead of waiting for its lease to expire. One IMMEDIATE transaction with its
// audit entry.
#include "store_impl.hpp"

namespace kakanai::queue {

using namespace detail;

Result<RecordInfo, QueueError> Store::release(const StaffSession& staff, const std::string& id)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireRole(staff, { Role::Reviewer, Role::Supervisor }, "release records");
        s.requireKey();
        Tx tx(s.db);
        const RecordInfo info = s.load(id);
        if (info.status != Status::Claimed) {
            raise(QueueErrorCode::InvalidState,
                "record " + id + " is " + statusName(info.status) + ", not claimed");
        }
        if (info.claimedBy != staff.userId()) {
            raise(QueueErrorCode::NotOwner, "record " + id + " is claimed by someone else");
        }
        Stmt update(s.db,
            "UPDATE records SET status = 'submitted', claimed_by = NULL, claimed_at = NULL,"
            " lease_until = NULL, updated_at = ?1 WHERE id = ?2");
        update.bind(1, s.now()).bind(2, id).run();
        s.audit(staff.userId(), "release", id);
        RecordInfo released = s.load(id);
        tx.commit();
        return released;
    });
}

} // namespace kakanai::queue
