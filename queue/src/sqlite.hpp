// Internal RAII wrappers over the SQLite C API: Db (a connection), Stmt (a prepared statement)
// and Tx (BEGIN IMMEDIATE, rolled back unless committed).
//
// Errors: every failure throws QueueException (Busy for SQLITE_BUSY/LOCKED, Database otherwise);
// Store catches it at its public boundary and returns a QueueError.
#pragma once

#include "kakanai/base/secure_bytes.hpp"
#include "queue_exception.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kakanai::queue::detail {

class Db
{
public:
    /** Opens (or creates, if `create`) a database file in read-write mode. */
    Db(const std::string& path, bool create, int busyTimeoutMs);
    Db(Db&& other) noexcept;
    Db& operator=(Db&& other) noexcept;
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    ~Db();

    sqlite3* handle() const { return m_db; }
    /** Runs one or more statements without results. */
    void exec(const std::string& sql);
    std::int64_t lastInsertRowid() const;
    int changes() const;
    /** A single integer (e.g. a PRAGMA); `fallback` if no row. */
    std::int64_t queryInt(const std::string& sql, std::int64_t fallback = 0);

private:
    friend class Stmt;
    sqlite3_stmt* acquire(const char* sql);
    void release(sqlite3_stmt* stmt) noexcept;

    sqlite3* m_db = nullptr;
    /** Prepared statements kept for reuse, by SQL text (a pool, for nested use). */
    std::unordered_map<std::string, std::vector<sqlite3_stmt*>> m_cache;
};

[[noreturn]] void throwSqlite(sqlite3* db, int rc, std::string_view what);

/** A prepared statement, taken from the connection's cache and returned to it (reset). */
class Stmt
{
public:
    Stmt(Db& db, const char* sql);
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    ~Stmt();

    Stmt& bind(int index, std::int64_t value);
    Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Stmt& bind(int index, std::string_view text);
    Stmt& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Stmt& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Stmt& bindBlob(int index, ByteView blob);
    Stmt& bindNull(int index);
    Stmt& bind(int index, const std::optional<std::int64_t>& value);
    /** Binds NULL for an empty string. */
    Stmt& bindOrNull(int index, std::string_view text);

    /** true when a row is available, false when done. */
    bool step();
    /** Steps to completion (for statements without rows). */
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    std::optional<std::int64_t> optInteger(int column) const;
    std::string text(int column) const; ///< "" for NULL
    Bytes blob(int column) const;
    SecureBytes secureBlob(int column) const;

private:
    Db& m_owner;
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/**
 * BEGIN IMMEDIATE (or, for a consistent read, DEFERRED) … COMMIT; the destructor rolls back
 * unless commit() ran.
 */
class Tx
{
public:
    explicit Tx(Db& db, bool immediate = true);
    Tx(const Tx&) = delete;
    Tx& operator=(const Tx&) = delete;
    ~Tx();
    void commit();

private:
    Db& m_db;
    bool m_done = false;
};

} // namespace kakanai::queue::detail
