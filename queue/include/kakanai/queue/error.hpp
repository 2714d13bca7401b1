// QueueError: the typed failure every queue operation returns (kakanai::Result<T, QueueError>).
//
// Errors (QueueErrorCode): Database (SQLite failure, disk full, corrupt file), Busy (the database
// stayed locked past the busy timeout), SchemaTooNew (a newer kakanai wrote this database),
// NotFound, Duplicate (a record id reused with a different payload), InvalidState (e.g. approving
// a record that is not claimed), NotOwner (the record is claimed by someone else), KeyMissing,
// KeyInsecure (the key file is readable by group/other), KeyInvalid (unreadable or malformed key
// file), WrongKey (the key is not the one the database uses), Tampered (a ciphertext or the audit
// chain fails its check), AuthFailed, Locked (too many failed logins or disabled), Forbidden (the
// role may not do this), InvalidArgument, Io. Messages never contain personal data.
#pragma once

#include <string>

namespace kakanai::queue {

enum class QueueErrorCode
{
    Database,
    Busy,
    SchemaTooNew,
    NotFound,
    Duplicate,
    InvalidState,
    NotOwner,
    KeyMissing,
    KeyInsecure,
    KeyInvalid,
    WrongKey,
    Tampered,
    AuthFailed,
    Locked,
    Forbidden,
    InvalidArgument,
    Io,
};

struct QueueError
{
    QueueErrorCode code = QueueErrorCode::Database;
    std::string message;
};

/** A stable lower-case name for the code ("wrong-key", "tampered", ...). */
const char* errorName(QueueErrorCode code);

} // namespace kakanai::queue
