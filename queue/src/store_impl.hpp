// Internal: the state behind a Store (its connection, options and the unwrapped audit secret)
// and helpers shared by the store_*.cpp files.
//
// Errors: the helpers throw QueueException (KeyMissing, NotFound, NotOwner, Forbidden,
// Tampered, WrongKey, Database, Busy); Store's public functions turn it into a QueueError.
#pragma once

#include "audit_log.hpp"
#include "db.hpp"
#include "kakanai/queue/store.hpp"
#include "queue_exception.hpp"

#include <initializer_list>

namespace kakanai::queue {

struct Store::Impl
{
    std::filesystem::path path;
    StoreOptions options;
    const Clock* clock = nullptr;
    detail::Db db;
    SecureBytes macKey; ///< audit chain (derived from the wrapped audit secret)
    SecureBytes digestKey; ///< submission digests for idempotent retries

    std::int64_t now() const { return clock->nowMs(); }
    const MasterKey& key() const;
    /** Throws KeyMissing unless the Store was opened with the master key. */
    void requireKey() const;
    void audit(const std::string& actor, const std::string& action, const std::string& recordId,
        const std::string& detail = {});
    /** The record's metadata; NotFound if absent. */
    RecordInfo load(const std::string& id);
    /** The record's unwrapped data key (WrongKey / Tampered / InvalidState if purged). */
    SecureBytes dataKey(const std::string& id);
    /** Decrypts one of the record's encrypted columns. */
    SecureBytes decrypt(ByteView dataKey, ByteView sealed, const std::string& aad);
};

namespace detail {

/** The metadata columns, in the order rowToInfo reads them. */
extern const char* const RECORD_COLUMNS;
RecordInfo rowToInfo(const Stmt& row);

void requireRole(const StaffSession& staff, std::initializer_list<Role> roles, const char* what);

/** Associated data that binds a ciphertext to its record and column. */
std::string recordAad(const std::string& column, const std::string& id);

std::string wrapAad(const std::string& id, const std::string& keyId);

SecureString toSecureString(const SecureBytes& bytes);

} // namespace detail

} // namespace kakanai::queue
