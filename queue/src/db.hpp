// Internal: the database connection the Store runs its SQL on, behind two engines — an SQLite
// file (the embedded default, and every kiosk's outbox) and a PostgreSQL server (the town hall's
// shared queue). The Store's code is the same for both: Db (a connection), Stmt (a statement,
// `?` or `?N` parameters on both engines) and Tx (a transaction).
//
// Transactions: an immediate Tx is a writer that no other writer runs beside — SQLite's
// BEGIN IMMEDIATE, and on PostgreSQL a transaction-level advisory lock (the audit log is one
// HMAC chain, so its appends are a single sequence anyway). A non-immediate Tx is a consistent
// read (DEFERRED / REPEATABLE READ). Writers take the lock before anything else, so two
// writers never wait on each other's rows in opposite orders (no deadlocks).
//
// Errors: every failure throws QueueException — Busy (SQLITE_BUSY/LOCKED; PostgreSQL
// serialization failure or deadlock), Io (cannot open the file; the server is unreachable or
// the connection was lost: retry later), AuthFailed (the server refused our role), Forbidden
// (the role lacks a privilege), Duplicate (a unique constraint), Database otherwise. Store
// catches it at its public boundary and returns a QueueError.
#pragma once

#include "kakanai/base/secure_bytes.hpp"
#include "queue_exception.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kakanai::queue::detail {

enum class Dialect
{
    Sqlite,
    Postgres
};

/** true for "postgresql://…" and "postgres://…" locations. */
bool isPostgresLocation(std::string_view location);

/** One statement of one engine (internal to Db and Stmt). */
class StatementBackend
{
public:
    virtual ~StatementBackend() = default;
    /** The SQL as the Store wrote it (the key of the statement pool). */
    virtual std::string sqlText() const = 0;
    virtual void bindInt(int index, std::int64_t value) = 0;
    virtual void bindText(int index, std::string_view text) = 0;
    virtual void bindBlob(int index, ByteView blob) = 0;
    virtual void bindNull(int index) = 0;
    virtual bool step() = 0;
    virtual void reset() = 0;
    virtual bool isNull(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual std::string text(int column) const = 0;
    virtual Bytes blob(int column) const = 0;
    virtual SecureBytes secureBlob(int column) const = 0;
};

/** Statements kept for reuse by their SQL text, several per text (for nested use). */
class StatementPool
{
public:
    /** A pooled statement for `sql`, or null when none is free. */
    std::unique_ptr<StatementBackend> take(const char* sql);
    /** Resets `statement` and keeps it (drops it if memory runs out). */
    void put(std::unique_ptr<StatementBackend> statement) noexcept;
    void clear() { m_statements.clear(); }

private:
    std::unordered_map<std::string, std::vector<std::unique_ptr<StatementBackend>>> m_statements;
};

/** One connection of one engine (internal to Db). */
class ConnectionBackend
{
public:
    virtual ~ConnectionBackend() = default;
    virtual Dialect dialect() const = 0;
    virtual void exec(const std::string& sql) = 0;
    virtual std::unique_ptr<StatementBackend> acquire(const char* sql) = 0;
    virtual void release(std::unique_ptr<StatementBackend> statement) noexcept = 0;
    /** `writer`: an immediate transaction that holds the writers' lock (see Tx). */
    virtual void begin(bool writer) = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    /** Takes the writers' lock if this transaction does not hold it yet (no-op on SQLite). */
    virtual void lockWriters() = 0;
};

std::unique_ptr<ConnectionBackend> openSqlite(
    const std::string& path, bool create, int busyTimeoutMs);
/** `url`: a libpq connection URI. The server must already exist (create has no meaning). */
std::unique_ptr<ConnectionBackend> openPostgres(const std::string& url, int busyTimeoutMs);

class Db
{
public:
    /** Opens a location: a PostgreSQL URI or a file path (created if `create`). */
    Db(const std::string& location, bool create, int busyTimeoutMs);
    Db(Db&&) noexcept = default;
    Db& operator=(Db&&) noexcept = default;

    Dialect dialect() const { return m_backend->dialect(); }
    bool isPostgres() const { return dialect() == Dialect::Postgres; }
    /** Runs one or more statements without parameters or results. */
    void exec(const std::string& sql) { m_backend->exec(sql); }
    /** A single integer; `fallback` if no row. */
    std::int64_t queryInt(const std::string& sql, std::int64_t fallback = 0);

    ConnectionBackend& backend() { return *m_backend; }

private:
    std::unique_ptr<ConnectionBackend> m_backend;
};

/** A statement, taken from the connection's cache and returned to it (reset) at destruction. */
class Stmt
{
public:
    Stmt(Db& db, const char* sql);
    Stmt(Db& db, const std::string& sql)
        : Stmt(db, sql.c_str())
    {
    }
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
    bool step() { return m_statement->step(); }
    /** Steps to completion (for statements without rows). */
    void run();
    void reset() { m_statement->reset(); }

    bool isNull(int column) const { return m_statement->isNull(column); }
    /** An integer column (a PostgreSQL boolean reads as 0 or 1). */
    std::int64_t integer(int column) const { return m_statement->integer(column); }
    std::optional<std::int64_t> optInteger(int column) const;
    std::string text(int column) const { return m_statement->text(column); } ///< "" for NULL
    Bytes blob(int column) const { return m_statement->blob(column); }
    SecureBytes secureBlob(int column) const { return m_statement->secureBlob(column); }

private:
    Db& m_db;
    std::unique_ptr<StatementBackend> m_statement;
};

/** A transaction; the destructor rolls back unless commit() ran. */
class Tx
{
public:
    /** `immediate`: a writer (false: a consistent read). */
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
