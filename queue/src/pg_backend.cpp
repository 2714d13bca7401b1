// The PostgreSQL engine behind Db/Stmt/Tx (see db.hpp), on libpq.
//
// Statements keep the Store's SQLite-style parameters (`?`, `?N`), translated to `$N`; values
// are sent with explicit types (int8, text, bytea in binary), results come back as text.
// Writers serialise on one transaction-level advisory lock, exactly as SQLite's writers do on
// the database file; a committed write sends NOTIFY kakanai_queue, which ChangeWatcher listens
// to. A lost connection is re-established at the next transaction; while the server cannot be
// reached every call fails with Io ("offline"), which callers show and retry.
#include "db.hpp"
#include "pg_common.hpp"

#include <libpq-fe.h>

#include <array>
#include <cstdlib>
#include <unordered_map>
#include <vector>

namespace kakanai::queue::detail {

namespace {

constexpr Oid INT8_OID = 20;
constexpr Oid TEXT_OID = 25;
constexpr Oid BYTEA_OID = 17;

/** `?` and `?N` → `$N` outside quotes; `count` receives the highest parameter number. */
std::string translateParameters(const char* sql, int& count)
{
    std::string out;
    int next = 0;
    count = 0;
    char quote = 0;
    for (const char* p = sql; *p; ++p) {
        const char c = *p;
        if (quote) {
            out += c;
            if (c == quote) {
                quote = 0;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            out += c;
            continue;
        }
        if (c != '?') {
            out += c;
            continue;
        }
        int number = 0;
        while (p[1] >= '0' && p[1] <= '9') {
            number = number * 10 + (p[1] - '0');
            ++p;
        }
        if (number == 0) {
            number = ++next;
        }
        count = std::max(count, number);
        out += '$';
        out += std::to_string(number);
    }
    return out;
}

bool isWrite(const std::string& sql)
{
    std::size_t i = sql.find_first_not_of(" \t\n");
    if (i == std::string::npos) {
        return false;
    }
    for (const char* verb : { "INSERT", "UPDATE", "DELETE" }) {
        if (sql.compare(i, std::char_traits<char>::length(verb), verb) == 0) {
            return true;
        }
    }
    return false;
}

class PgConnection;

class PgStatement final : public StatementBackend
{
public:
    PgStatement(PgConnection& connection, const char* sql)
        : m_connection(connection)
        , m_key(sql)
    {
        m_sql = translateParameters(sql, m_count);
        m_write = isWrite(m_sql);
        m_values.resize(static_cast<std::size_t>(m_count));
        m_types.assign(static_cast<std::size_t>(m_count), 0);
        m_formats.assign(static_cast<std::size_t>(m_count), 0);
        m_null.assign(static_cast<std::size_t>(m_count), true);
    }
    ~PgStatement() override { clearResult(); }
    PgStatement(const PgStatement&) = delete;
    PgStatement& operator=(const PgStatement&) = delete;

    std::string sqlText() const override { return m_key; }

    void bindInt(int index, std::int64_t value) override
    {
        set(index, INT8_OID, 0, std::to_string(value));
    }
    void bindText(int index, std::string_view text) override
    {
        set(index, TEXT_OID, 0, std::string(text));
    }
    void bindBlob(int index, ByteView blob) override
    {
        set(index, BYTEA_OID, 1,
            std::string(reinterpret_cast<const char*>(blob.data()), blob.size()));
    }
    void bindNull(int index) override
    {
        const auto i = slot(index);
        wipe(m_values[i]);
        m_null[i] = true;
        m_types[i] = 0;
        m_formats[i] = 0;
    }

    bool step() override;
    void reset() override
    {
        clearResult();
        for (std::size_t i = 0; i < m_values.size(); ++i) {
            wipe(m_values[i]);
            m_null[i] = true;
            m_types[i] = 0;
            m_formats[i] = 0;
        }
    }

    bool isNull(int column) const override { return PQgetisnull(m_result, m_row, column) != 0; }
    std::int64_t integer(int column) const override
    {
        const char* value = PQgetvalue(m_result, m_row, column);
        if (value[0] == 't' && value[1] == 0) {
            return 1;
        }
        if (value[0] == 'f' && value[1] == 0) {
            return 0;
        }
        return std::strtoll(value, nullptr, 10);
    }
    std::string text(int column) const override
    {
        if (isNull(column)) {
            return {};
        }
        return std::string(PQgetvalue(m_result, m_row, column),
            static_cast<std::size_t>(PQgetlength(m_result, m_row, column)));
    }
    Bytes blob(int column) const override
    {
        Bytes out;
        decodeBytea(column, [&](std::uint8_t byte) { out.push_back(byte); });
        return out;
    }
    SecureBytes secureBlob(int column) const override
    {
        SecureBytes out;
        decodeBytea(column, [&](std::uint8_t byte) { out.push_back(byte); });
        return out;
    }

private:
    std::size_t slot(int index) const
    {
        if (index < 1 || index > m_count) {
            raise(QueueErrorCode::Database, "parameter index out of range");
        }
        return static_cast<std::size_t>(index - 1);
    }
    void set(int index, Oid type, int format, std::string value)
    {
        const auto i = slot(index);
        wipe(m_values[i]);
        m_values[i] = std::move(value);
        m_null[i] = false;
        m_types[i] = type;
        m_formats[i] = format;
    }
    /** Parameters may be ciphertexts or password hashes: leave nothing behind. */
    static void wipe(std::string& value)
    {
        secureZero(value.data(), value.size());
        value.clear();
    }
    void clearResult()
    {
        if (m_result) {
            PQclear(m_result);
            m_result = nullptr;
        }
        m_row = -1;
        m_rows = 0;
        m_executed = false;
    }
    template <class Put> void decodeBytea(int column, Put put) const
    {
        if (isNull(column)) {
            return;
        }
        const char* text = PQgetvalue(m_result, m_row, column);
        const int length = PQgetlength(m_result, m_row, column);
        // bytea_output = hex (set at connection): "\x" then two hex digits per byte.
        auto nibble = [](char c) -> int { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
        for (int i = 2; i + 1 < length; i += 2) {
            put(static_cast<std::uint8_t>(nibble(text[i]) << 4 | nibble(text[i + 1])));
        }
    }

    PgConnection& m_connection;
    std::string m_key; ///< the SQL as the Store wrote it (the cache key)
    std::string m_sql;
    int m_count = 0;
    bool m_write = false;
    std::vector<std::string> m_values;
    std::vector<Oid> m_types;
    std::vector<int> m_formats;
    std::vector<bool> m_null;
    PGresult* m_result = nullptr;
    int m_row = -1;
    int m_rows = 0;
    bool m_executed = false;
};

class PgConnection final : public ConnectionBackend
{
public:
    PgConnection(const std::string& url, int busyTimeoutMs)
        : m_url(url)
        , m_busyTimeoutMs(busyTimeoutMs)
    {
        m_conn = pgConnect(m_url);
        configure();
    }
    ~PgConnection() override
    {
        m_cache.clear();
        PQfinish(m_conn);
    }
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    Dialect dialect() const override { return Dialect::Postgres; }

    void exec(const std::string& sql) override
    {
        if (!m_inTx) {
            ensureConnected();
        }
        PGresult* result = PQexec(m_conn, sql.c_str());
        const auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            throwPg(m_conn, result, "database statement failed");
        }
        PQclear(result);
    }

    std::unique_ptr<StatementBackend> acquire(const char* sql) override
    {
        if (auto pooled = m_cache.take(sql)) {
            return pooled;
        }
        return std::make_unique<PgStatement>(*this, sql);
    }

    void release(std::unique_ptr<StatementBackend> statement) noexcept override
    {
        m_cache.put(std::move(statement));
    }

    void begin(bool writer) override
    {
        ensureConnected();
        m_wrote = false;
        m_locked = false;
        const char* begin = writer ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ";
        try {
            exec(begin);
        } catch (const QueueException& e) {
            // A connection the server dropped (restart, failover) only shows when used; nothing
            // has happened yet, so reconnect once and begin again.
            if (e.error().code != QueueErrorCode::Io) {
                throw;
            }
            exec(begin); // exec reconnects first (ensureConnected), or throws Io again
        }
        m_inTx = true;
        if (writer) {
            lockWriters();
        }
    }

    void commit() override
    {
        if (m_wrote) {
            exec("NOTIFY kakanai_queue");
        }
        m_inTx = false;
        exec("COMMIT");
        m_wrote = false;
        m_locked = false;
    }

    void rollback() noexcept override
    {
        m_inTx = false;
        m_wrote = false;
        m_locked = false;
        if (PQstatus(m_conn) == CONNECTION_OK) {
            PQclear(PQexec(m_conn, "ROLLBACK"));
        }
    }

    void lockWriters() override
    {
        if (m_inTx && !m_locked) {
            exec("SELECT pg_advisory_xact_lock(" + std::to_string(WRITER_LOCK_KEY) + ")");
            m_locked = true;
        }
    }

    /** Runs a statement of `statement` (called by PgStatement::step). */
    PGresult* run(const std::string& sql, int count, const std::vector<std::string>& values,
        const std::vector<bool>& isNull, const std::vector<Oid>& types,
        const std::vector<int>& formats, bool write)
    {
        if (!m_inTx) {
            ensureConnected();
        }
        std::vector<const char*> pointers(static_cast<std::size_t>(count));
        std::vector<int> lengths(static_cast<std::size_t>(count));
        for (std::size_t i = 0; i < pointers.size(); ++i) {
            pointers[i] = isNull[i] ? nullptr : values[i].data();
            lengths[i] = static_cast<int>(values[i].size());
        }
        PGresult* result = PQexecParams(m_conn, sql.c_str(), count, types.data(), pointers.data(),
            lengths.data(), formats.data(), 0);
        if (!m_inTx && !write && PQstatus(m_conn) != CONNECTION_OK) {
            // A read on a connection the server dropped: reconnect once and read again (a
            // write is never repeated: it may have been committed before the connection died).
            PQclear(result);
            ensureConnected();
            result = PQexecParams(m_conn, sql.c_str(), count, types.data(), pointers.data(),
                lengths.data(), formats.data(), 0);
        }
        const auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            throwPg(m_conn, result, "database statement failed");
        }
        if (write) {
            if (m_inTx) {
                m_wrote = true;
            } else {
                PQclear(PQexec(m_conn, "NOTIFY kakanai_queue"));
            }
        }
        return result;
    }

private:
    void configure()
    {
        exec("SET bytea_output = 'hex'");
        exec("SET lock_timeout = " + std::to_string(m_busyTimeoutMs));
        exec("SET client_min_messages = warning");
    }

    /** Reconnects a connection the server or the network dropped (Io if still unreachable). */
    void ensureConnected()
    {
        if (PQstatus(m_conn) == CONNECTION_OK) {
            return;
        }
        PQreset(m_conn);
        if (PQstatus(m_conn) != CONNECTION_OK) {
            raise(QueueErrorCode::Io,
                std::string("the queue server is unreachable: ")
                    + firstLine(PQerrorMessage(m_conn)));
        }
        m_cache.clear();
        configure();
    }

    std::string m_url;
    int m_busyTimeoutMs;
    PGconn* m_conn = nullptr;
    bool m_inTx = false;
    bool m_wrote = false;
    bool m_locked = false;
    StatementPool m_cache; ///< statements (and their parameter buffers) kept for reuse
};

bool PgStatement::step()
{
    if (!m_executed) {
        m_result = m_connection.run(m_sql, m_count, m_values, m_null, m_types, m_formats, m_write);
        m_executed = true;
        m_rows = PQntuples(m_result);
        m_row = -1;
    }
    if (m_row + 1 >= m_rows) {
        m_row = m_rows;
        return false;
    }
    ++m_row;
    return true;
}

} // namespace

std::unique_ptr<ConnectionBackend> openPostgres(const std::string& url, int busyTimeoutMs)
{
    return std::make_unique<PgConnection>(url, busyTimeoutMs);
}

} // namespace kakanai::queue::detail
