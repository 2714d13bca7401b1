// Shared helpers of the queue tests: a temporary folder, a store with a key, invented
// submissions and users with a cheap scrypt cost.
//
// The same tests run on both engines. With KAKANAI_TEST_POSTGRES_DIR set (a private cluster
// started by tests/support/pg-cluster), `dir / "NAME.db"` is not a file but a fresh PostgreSQL
// database (created on first use, dropped with the TempDir), and rawQuery/flipBlobByte speak to
// it; tests that check something only SQLite has (PRAGMAs, the file's bytes) ask usingPostgres().
//
// Errors: helpers fail the current test (gtest assertions) instead of returning errors.
#pragma once

#include "kakanai/queue/store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

namespace kakanai::queue::testing {

/** A fresh folder under /tmp, removed with its content at destruction. */
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    /** A file in the folder; for a name ending in ".db", the test's database (see above). */
    std::filesystem::path operator/(const std::string& name) const;

private:
    std::filesystem::path m_path;
    mutable std::map<std::string, std::string> m_databases; ///< name → PostgreSQL URL
};

/** What a command printed and how it ended. */
struct CliRun
{
    int status = -1; ///< exit status, -1 when killed by a signal
    std::string out;
};

/** Runs a shell command line (popen) and collects its standard output. */
CliRun runShell(const std::string& command);

/** true when the tests run against PostgreSQL (KAKANAI_TEST_POSTGRES_DIR is set). */
bool usingPostgres();

/** `location` quoted for a POSIX shell command line. */
std::string shellQuote(const std::string& location);

/** A deterministic UUID-shaped id from two numbers. */
std::string uuidFor(unsigned a, unsigned b);

/** A random v4 UUID. */
std::string randomUuid();

/** An invented, non-personal filled form (payload) for record `id`. */
Submission sampleSubmission(const std::string& id, const std::string& group = "A");

/** Fast scrypt for tests (N=2^10). */
ScryptParams cheapScrypt();

SecureString secure(const std::string& text);

/** Opens (creating) `db` with `key` and the test options; a `ticketPrefix` replaces counter
 *  group A's "A" in its tickets (a kiosk's K1, K2, …). */
Store openStore(const std::filesystem::path& db, const MasterKey& key, const Clock* clock = nullptr,
    const std::string& ticketPrefix = {});

/** Adds admin "admin", reviewers "rev1".."rev4" and supervisor "sup" (password "password-<id>"). */
void addStaff(Store& store);

StaffSession loginAs(Store& store, const std::string& userId);

/**
 * Opens a raw connection (SQLite file, or PostgreSQL as superuser), runs `sql`, returns the first
 * column of the first row ("error: …" on failure).
 */
std::string rawQuery(const std::filesystem::path& db, const std::string& sql);

/** SQL for "the position of `text` in the BLOB `column`, 0 if absent" on the engine in use. */
std::string sqlPosition(const std::string& column, const std::string& text);

/** Lets an attacker with database access edit the audit table (drops/disables its triggers). */
void disableAuditGuards(const std::filesystem::path& db);

/** Flips one bit of byte `offset` of a BLOB column (an attacker with file access); false if absent.
 */
bool flipBlobByte(const std::filesystem::path& db, const std::string& table,
    const std::string& column, const std::string& where, std::size_t offset);

} // namespace kakanai::queue::testing
