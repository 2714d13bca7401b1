// Shared helpers of the queue tests: a temporary folder, a store with a key, invented
// submissions and users with a cheap scrypt cost.
//
// Errors: helpers fail the current test (gtest assertions) instead of returning errors.
#pragma once

#include "kakanai/queue/store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
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
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/** A deterministic UUID-shaped id from two numbers. */
std::string uuidFor(unsigned a, unsigned b);

/** A random v4 UUID. */
std::string randomUuid();

/** An invented, non-personal filled form (payload) for record `id`. */
Submission sampleSubmission(const std::string& id, const std::string& group = "A");

/** Fast scrypt for tests (N=2^10). */
ScryptParams cheapScrypt();

SecureString secure(const std::string& text);

/** Opens (creating) `db` with `key` and the test options. */
Store openStore(
    const std::filesystem::path& db, const MasterKey& key, const Clock* clock = nullptr);

/** Adds admin "admin", reviewers "rev1".."rev4" and supervisor "sup" (password "password-<id>"). */
void addStaff(Store& store);

StaffSession loginAs(Store& store, const std::string& userId);

/** Opens a raw SQLite connection, runs `sql`, returns the first column of the first row. */
std::string rawQuery(const std::filesystem::path& db, const std::string& sql);

/** Flips one bit of byte `offset` of a BLOB column (an attacker with file access); false if absent.
 */
bool flipBlobByte(const std::filesystem::path& db, const std::string& table,
    const std::string& column, const std::string& where, std::size_t offset);

} // namespace kakanai::queue::testing
