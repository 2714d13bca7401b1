// RAII wrappers over the SQLite C API (see sqlite.hpp).
#include "sqlite.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <fcntl.h>
#include <random>
#include <sys/file.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace kakanai::queue::detail {

void throwSqlite(sqlite3* db, int rc, std::string_view what)
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

namespace {

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

} // namespace

Db::Db(const std::string& path, bool create, int busyTimeoutMs)
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

Db::Db(Db&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_cache(std::move(other.m_cache))
{
    other.m_cache.clear();
}

Db& Db::operator=(Db&& other) noexcept
{
    if (this != &other) {
        this->~Db();
        m_db = std::exchange(other.m_db, nullptr);
        m_cache = std::move(other.m_cache);
        other.m_cache.clear();
    }
    return *this;
}

Db::~Db()
{
    for (auto& [sql, pool] : m_cache) {
        for (sqlite3_stmt* stmt : pool) {
            sqlite3_finalize(stmt);
        }
    }
    m_cache.clear();
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

sqlite3_stmt* Db::acquire(const char* sql)
{
    auto it = m_cache.find(sql);
    if (it != m_cache.end() && !it->second.empty()) {
        sqlite3_stmt* stmt = it->second.back();
        it->second.pop_back();
        return stmt;
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        throwSqlite(m_db, rc, "cannot prepare a statement");
    }
    return stmt;
}

void Db::release(sqlite3_stmt* stmt) noexcept
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    try {
        m_cache[sqlite3_sql(stmt)].push_back(stmt);
    } catch (...) {
        sqlite3_finalize(stmt);
    }
}

void Db::exec(const std::string& sql)
{
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        throwSqlite(m_db, rc, "database statement failed");
    }
}

std::int64_t Db::lastInsertRowid() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Db::changes() const
{
    return sqlite3_changes(m_db);
}

std::int64_t Db::queryInt(const std::string& sql, std::int64_t fallback)
{
    Stmt stmt(*this, sql.c_str());
    return stmt.step() ? stmt.integer(0) : fallback;
}

Stmt::Stmt(Db& db, const char* sql)
    : m_owner(db)
    , m_db(db.handle())
    , m_stmt(db.acquire(sql))
{
}

Stmt::~Stmt()
{
    m_owner.release(m_stmt);
}

namespace {

void check(sqlite3* db, int rc)
{
    if (rc != SQLITE_OK) {
        throwSqlite(db, rc, "cannot bind a value");
    }
}

} // namespace

Stmt& Stmt::bind(int index, std::int64_t value)
{
    check(m_db, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Stmt& Stmt::bind(int index, std::string_view text)
{
    check(m_db,
        sqlite3_bind_text64(
            m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Stmt& Stmt::bindBlob(int index, ByteView blob)
{
    static const std::uint8_t empty = 0;
    check(m_db,
        sqlite3_bind_blob64(
            m_stmt, index, blob.empty() ? &empty : blob.data(), blob.size(), SQLITE_TRANSIENT));
    return *this;
}

Stmt& Stmt::bindNull(int index)
{
    check(m_db, sqlite3_bind_null(m_stmt, index));
    return *this;
}

Stmt& Stmt::bind(int index, const std::optional<std::int64_t>& value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Stmt& Stmt::bindOrNull(int index, std::string_view text)
{
    return text.empty() ? bindNull(index) : bind(index, text);
}

bool Stmt::step()
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

void Stmt::run()
{
    while (step()) { }
}

void Stmt::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Stmt::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Stmt::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::optional<std::int64_t> Stmt::optInteger(int column) const
{
    if (isNull(column)) {
        return std::nullopt;
    }
    return integer(column);
}

std::string Stmt::text(int column) const
{
    const auto* data = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
                : std::string();
}

Bytes Stmt::blob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    Bytes out;
    out.reserve(static_cast<std::size_t>(size));
    for (int i = 0; i < size; ++i) {
        out.push_back(data[i]);
    }
    return out;
}

SecureBytes Stmt::secureBlob(int column) const
{
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    if (!data || size == 0) {
        return {};
    }
    return SecureBytes(ByteView(data, static_cast<std::size_t>(size)));
}

Tx::Tx(Db& db, bool immediate)
    : m_db(db)
{
    m_db.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Tx::~Tx()
{
    if (!m_done) {
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Tx::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace kakanai::queue::detail
