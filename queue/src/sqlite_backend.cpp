// The SQLite engine behind Db/Stmt/Tx (see db.hpp): prepared statements cached per connection,
// a busy handler with short random sleeps, and for writers the writers' queue (writer_lock.hpp)
// then BEGIN IMMEDIATE.
#include "db.hpp"
#include "writer_lock.hpp"

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kakanai::queue::detail {

namespace {

[[noreturn]] void throwSqlite(sqlite3* db, int rc, std::string_view what)
{
    const int primary = rc & 0xff;
    const QueueErrorCode code = (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        ? QueueErrorCode::Busy
        : QueueErrorCode::Database;
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    raise(code, message);
}

/**
 * Waits for a lock in short random sleeps (0.1-2 ms) instead of SQLite's default schedule,
 * which grows to 100 ms per sleep: with several processes writing, the default lets a waiter
 * lose every race for seconds; short random sleeps keep claim latency low and fair.
 */
int busyHandler(void* timeout, int count)
{
    using Clock = std::chrono::steady_clock;
    thread_local Clock::time_point started;
    thread_local std::minstd_rand rng { std::random_device {}() };
    const auto now = Clock::now();
    if (count == 0) {
        started = now;
    }
    const auto limit = std::chrono::milliseconds(reinterpret_cast<std::intptr_t>(timeout));
    if (now - started >= limit) {
        return 0;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(100 + rng() % 1900));
    return 1;
}

void check(sqlite3* db, int rc)
{
    if (rc != SQLITE_OK) {
        throwSqlite(db, rc, "cannot bind a value");
    }
}

class SqliteStatement final : public StatementBackend
{
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt)
        : m_db(db)
        , m_stmt(stmt)
    {
    }
    ~SqliteStatement() override { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    std::string sqlText() const override { return sqlite3_sql(m_stmt); }

    void bindInt(int index, std::int64_t value) override
    {
        check(m_db, sqlite3_bind_int64(m_stmt, index, value));
    }
    void bindText(int index, std::string_view text) override
    {
        check(m_db,
            sqlite3_bind_text64(
                m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    void bindBlob(int index, ByteView blob) override
    {
        static const std::uint8_t empty = 0;
        check(m_db,
            sqlite3_bind_blob64(
                m_stmt, index, blob.empty() ? &empty : blob.data(), blob.size(), SQLITE_TRANSIENT));
    }
    void bindNull(int index) override { check(m_db, sqlite3_bind_null(m_stmt, index)); }

    bool step() override
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc == SQLITE_DONE) {
            return false;
        }
        sqlite3_reset(m_stmt);
        throwSqlite(m_db, rc, "database step failed");
    }
    void reset() override
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    bool isNull(int column) const override
    {
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
    }
    std::int64_t integer(int column) const override { return sqlite3_column_int64(m_stmt, column); }
    std::string text(int column) const override
    {
        const auto* data = sqlite3_column_text(m_stmt, column);
        const int size = sqlite3_column_bytes(m_stmt, column);
        return data
            ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
            : std::string();
    }
    Bytes blob(int column) const override
    {
        const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
        const int size = sqlite3_column_bytes(m_stmt, column);
        return data ? Bytes(data, data + size) : Bytes();
    }
    SecureBytes secureBlob(int column) const override
    {
        const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
        const int size = sqlite3_column_bytes(m_stmt, column);
        if (!data || size == 0) {
            return {};
        }
        return SecureBytes(ByteView(data, static_cast<std::size_t>(size)));
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
};

class SqliteConnection final : public ConnectionBackend
{
public:
    SqliteConnection(const std::string& path, bool create, int busyTimeoutMs)
        : m_path(path)
        , m_busyTimeoutMs(busyTimeoutMs)
    {
        const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
        const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
        if (rc != SQLITE_OK) {
            const std::string message = std::string("cannot open the database: ")
                + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
            sqlite3_close_v2(m_db);
            m_db = nullptr;
            raise(QueueErrorCode::Io, message);
        }
        sqlite3_busy_handler(
            m_db, &busyHandler, reinterpret_cast<void*>(static_cast<std::intptr_t>(busyTimeoutMs)));
    }
    ~SqliteConnection() override
    {
        m_cache.clear(); // finalizes every cached statement before the connection closes
        sqlite3_close_v2(m_db);
    }
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Dialect dialect() const override { return Dialect::Sqlite; }

    void exec(const std::string& sql) override
    {
        const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            throwSqlite(m_db, rc, "database statement failed");
        }
    }

    std::unique_ptr<StatementBackend> acquire(const char* sql) override
    {
        if (auto pooled = m_cache.take(sql)) {
            return pooled;
        }
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) {
            throwSqlite(m_db, rc, "cannot prepare a statement");
        }
        return std::make_unique<SqliteStatement>(m_db, stmt);
    }

    void release(std::unique_ptr<StatementBackend> statement) noexcept override
    {
        m_cache.put(std::move(statement));
    }

    void begin(bool writer) override
    {
        if (!writer) {
            exec("BEGIN DEFERRED");
            return;
        }
        WriterLock* queue = writerLock();
        if (queue && !queue->lock(std::chrono::milliseconds(m_busyTimeoutMs))) {
            raise(QueueErrorCode::Busy,
                "another writer kept the database for " + std::to_string(m_busyTimeoutMs) + " ms");
        }
        try {
            exec("BEGIN IMMEDIATE");
        } catch (...) {
            unlockWriters();
            throw;
        }
    }
    void commit() override
    {
        exec("COMMIT"); // on failure the transaction stays open: Tx's rollback lets the lock go
        unlockWriters();
    }
    void rollback() noexcept override
    {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        unlockWriters();
    }
    void lockWriters() override { }

private:
    /** The writers' queue of this file, opened at the first write; null if it cannot be. */
    WriterLock* writerLock()
    {
        if (!m_triedWriterLock) {
            m_triedWriterLock = true;
            if (!m_path.empty() && m_path != ":memory:" && m_path.rfind("file:", 0) != 0) {
                m_writerLock = WriterLock::open(m_path + "-writer.lock", m_path);
            }
        }
        return m_writerLock.get();
    }
    void unlockWriters() noexcept
    {
        if (m_writerLock) {
            m_writerLock->unlock();
        }
    }

    std::string m_path;
    int m_busyTimeoutMs = 0;
    sqlite3* m_db = nullptr;
    StatementPool m_cache; ///< prepared statements kept for reuse
    std::unique_ptr<WriterLock> m_writerLock;
    bool m_triedWriterLock = false;
};

} // namespace

std::unique_ptr<ConnectionBackend> openSqlite(
    const std::string& path, bool create, int busyTimeoutMs)
{
    return std::make_unique<SqliteConnection>(path, create, busyTimeoutMs);
}

} // namespace kakanai::queue::detail
