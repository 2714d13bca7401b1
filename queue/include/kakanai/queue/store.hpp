// Store: one connection to the record queue database. Many processes (kiosks, staff consoles,
// the CLI) may each open their own Store on the same file; every change is one IMMEDIATE
// transaction, committed with synchronous=FULL before the function returns.
//
// Errors (QueueError, see error.hpp): open → Io/Database (cannot open or not a database),
// SchemaTooNew, WrongKey (the key file is not the database's), Busy. Functions that encrypt,
// decrypt or audit → KeyMissing when opened without a key. submit → Duplicate (same id, other
// content), InvalidArgument (bad id or payload not a JSON object). claim/decide/... → NotFound,
// InvalidState, NotOwner, Forbidden (role). readPayload/revealMyNumber/corrections → Tampered
// (a ciphertext fails authentication) or WrongKey (wrapped under another master key). login →
// AuthFailed, Locked. A failed call changes nothing (except the audit entry of a failed login).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/queue/clock.hpp"
#include "kakanai/queue/error.hpp"
#include "kakanai/queue/master_key.hpp"
#include "kakanai/queue/outbox.hpp"
#include "kakanai/queue/record.hpp"
#include "kakanai/queue/reports.hpp"
#include "kakanai/queue/staff.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kakanai::queue {

struct StoreOptions
{
    std::optional<MasterKey> key; ///< needed for anything that encrypts, decrypts or audits
    const Clock* clock = nullptr; ///< SystemClock when null; must outlive the Store
    bool create = false; ///< create the file if missing (else Io)
    std::map<std::string, std::string> ticketPrefixes; ///< counter group → prefix (default: group)
    int utcOffsetMinutes = 540; ///< tickets restart at local midnight (Japan)
    std::int64_t leaseMs = 15 * 60 * 1000; ///< a claim expires unless decided or extended
    int busyTimeoutMs = 10'000;
    ScryptParams scrypt; ///< for new passwords; a user's own parameters are stored with the hash
};

/** A staff correction: the console computes the corrected payload; the queue keeps history. */
struct CorrectionRequest
{
    std::string field; ///< template field key (not personal)
    SecureString oldValue;
    SecureString newValue;
    SecureString reason;
    SecureString newPayload; ///< the whole corrected filled-form JSON
};

class Store
{
public:
    /**
     * Opens a queue: an SQLite file path, or a PostgreSQL connection URI ("postgresql://…",
     * libpq syntax, e.g. with sslmode=verify-full; the database must exist, `create` is
     * ignored). A server that cannot be reached → Io.
     */
    static Result<Store, QueueError> open(
        const std::filesystem::path& path, StoreOptions options = {});
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    /** The schema version this build writes to SQLite files (PRAGMA user_version). */
    static int schemaVersion();
    /** The schema version this build writes to PostgreSQL (table kakanai_schema). */
    static int postgresSchemaVersion();
    /** true when this Store is a PostgreSQL queue (opened from a "postgresql://" location). */
    bool isPostgres() const;

    // --- kiosk -------------------------------------------------------------------------------
    /** Stores a record idempotently and assigns its ticket; returns after a durable commit. */
    Result<Receipt, QueueError> submit(const Submission& submission);

    // --- outbox (issue 8; see outbox.hpp) ----------------------------------------------------
    // Kiosk side, on the kiosk's own SQLite file (on a PostgreSQL queue: InvalidState).
    /**
     * Up to `limit` (0: all) records not yet forwarded, oldest first (submitted_at, ticket
     * number, id), as sealed envelopes copied verbatim. No key needed. Errors: Database, Busy.
     */
    Result<std::vector<SealedRecord>, QueueError> outboxPending(std::size_t limit = 0);
    /**
     * The server holds record `id` now: remembers that (outbox_forwarded) and erases the local
     * ciphertexts (status purged; ticket and metadata stay, so its ticket number is not reused),
     * audited "forward". Idempotent. Errors: NotFound, KeyMissing, Database, Busy.
     */
    Result<Ok, QueueError> markForwarded(const std::string& id);
    /** Records a forwarding attempt's outcome (nullopt: success; else a non-personal message). */
    Result<Ok, QueueError> recordForwardAttempt(std::optional<std::string> error);
    /** What waits and how forwarding went. No key needed. Errors: Database, Busy. */
    Result<OutboxStatus, QueueError> outboxStatus();
    // Server side (both engines).
    /**
     * Stores a kiosk's sealed record as it is, idempotently by id, with the kiosk's ticket text
     * and day; audited "submit" by "kiosk:<id>". Errors: Duplicate (the id with other content,
     * or the ticket text already used that day by another record: each kiosk needs its own ticket
     * prefix), WrongKey (wrapped under another master key), Tampered (the wrapped data key fails
     * authentication), InvalidArgument (malformed record), KeyMissing, Database, Busy, Io.
     */
    Result<Receipt, QueueError> importSealed(const SealedRecord& record);

    // --- staff -------------------------------------------------------------------------------
    /** Checks a password (audited); 5 failures in a row lock the account. */
    Result<StaffSession, QueueError> login(const std::string& userId, const SecureString& password);
    /** Claims the oldest waiting record (or one whose lease expired); nullopt if none. */
    Result<std::optional<RecordInfo>, QueueError> claimNext(
        const StaffSession& staff, const std::string& counterGroup = {});
    /** Claims a given record (waiting, lease expired, or already this user's). */
    Result<RecordInfo, QueueError> claim(const StaffSession& staff, const std::string& id);
    Result<RecordInfo, QueueError> extendLease(const StaffSession& staff, const std::string& id);
    /** Gives a record this user has claimed back to the waiting list (closed undecided). */
    Result<RecordInfo, QueueError> release(const StaffSession& staff, const std::string& id);
    /** approve / return / reject a record this user has claimed. */
    Result<RecordInfo, QueueError> decide(const StaffSession& staff, const std::string& id,
        Decision decision, const SecureString& reason = {});
    /** approved → printed. */
    Result<RecordInfo, QueueError> markPrinted(const StaffSession& staff, const std::string& id);
    /** The decrypted filled form (audited "view"). */
    Result<SecureString, QueueError> readPayload(const StaffSession& staff, const std::string& id);
    /** The decrypted My Number (supervisor only; audited "reveal"). NotFound if none stored. */
    Result<SecureString, QueueError> revealMyNumber(
        const StaffSession& staff, const std::string& id);
    /** Replaces the payload of a record this user has claimed and records the correction. */
    Result<Ok, QueueError> correct(
        const StaffSession& staff, const std::string& id, const CorrectionRequest& request);
    Result<std::vector<Correction>, QueueError> corrections(
        const StaffSession& staff, const std::string& id);
    /**
     * Writes approved/printed/exported records decided at or after `sinceMs` (supervisor only,
     * audited) and marks approved and printed ones exported. Returns the number written.
     */
    Result<std::size_t, QueueError> exportRecords(
        const StaffSession& staff, std::int64_t sinceMs, ExportFormat format, std::ostream& out);

    // --- metadata (no key needed) -------------------------------------------------------------
    Result<RecordInfo, QueueError> get(const std::string& id);
    Result<std::vector<RecordInfo>, QueueError> list(
        std::optional<Status> status = {}, std::size_t limit = 0);
    Result<Stats, QueueError> stats();
    /** KPI rows for local days from..to (YYYY-MM-DD, inclusive). */
    Result<std::vector<KpiRow>, QueueError> kpi(
        const std::string& fromDay, const std::string& toDay);

    // --- users and keys ------------------------------------------------------------------------
    /** Creates the first admin; InvalidState once any user exists. */
    Result<Ok, QueueError> bootstrapAdmin(const NewUser& user);
    Result<Ok, QueueError> addUser(const StaffSession& admin, const NewUser& user);
    /** An admin sets anyone's password (and unlocks); a user may set their own. */
    Result<Ok, QueueError> setPassword(
        const StaffSession& actor, const std::string& userId, const SecureString& password);
    Result<Ok, QueueError> disableUser(const StaffSession& admin, const std::string& userId);
    Result<std::vector<UserInfo>, QueueError> users();
    /** Re-wraps every data key and the audit secret under `newKey` in one transaction. */
    Result<std::size_t, QueueError> rekey(const StaffSession& admin, const MasterKey& newKey);

    // --- system --------------------------------------------------------------------------------
    /** Purges records past their retention: payload gone, tombstone and audit entry stay. */
    Result<std::size_t, QueueError> purge(const RetentionPolicy& policy = {});
    /**
     * Walks the audit chain; a deleted, edited or reordered entry makes report.ok false, and so
     * does an `anchor` (an entry recorded by an earlier check) that is missing or differs.
     */
    Result<AuditReport, QueueError> verifyAudit(const std::optional<AuditAnchor>& anchor = {});

    const std::filesystem::path& path() const;

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    static StaffSession makeSession(std::string userId, Role role);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kakanai::queue
