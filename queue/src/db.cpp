// The engine-neutral Db, Stmt and Tx (see db.hpp).
#include "db.hpp"

namespace kakanai::queue::detail {

bool isPostgresLocation(std::string_view location)
{
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<StatementBackend> StatementPool::take(const char* sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end() || it->second.empty()) {
        return nullptr;
    }
    auto statement = std::move(it->second.back());
    it->second.pop_back();
    return statement;
}

void StatementPool::put(std::unique_ptr<StatementBackend> statement) noexcept
{
    statement->reset();
    try {
        m_statements[statement->sqlText()].push_back(std::move(statement));
    } catch (...) {
        // dropped: the statement is finalized by its destructor
    }
}

Db::Db(const std::string& location, bool create, int busyTimeoutMs)
    : m_backend(isPostgresLocation(location) ? openPostgres(location, busyTimeoutMs)
                                             : openSqlite(location, create, busyTimeoutMs))
{
}

std::int64_t Db::queryInt(const std::string& sql, std::int64_t fallback)
{
    Stmt stmt(*this, sql.c_str());
    return stmt.step() ? stmt.integer(0) : fallback;
}

Stmt::Stmt(Db& db, const char* sql)
    : m_db(db)
    , m_statement(db.backend().acquire(sql))
{
}

Stmt::~Stmt()
{
    m_db.backend().release(std::move(m_statement));
}

Stmt& Stmt::bind(int index, std::int64_t value)
{
    m_statement->bindInt(index, value);
    return *this;
}

Stmt& Stmt::bind(int index, std::string_view text)
{
    m_statement->bindText(index, text);
    return *this;
}

Stmt& Stmt::bindBlob(int index, ByteView blob)
{
    m_statement->bindBlob(index, blob);
    return *this;
}

Stmt& Stmt::bindNull(int index)
{
    m_statement->bindNull(index);
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

void Stmt::run()
{
    while (step()) { }
}

std::optional<std::int64_t> Stmt::optInteger(int column) const
{
    if (isNull(column)) {
        return std::nullopt;
    }
    return integer(column);
}

Tx::Tx(Db& db, bool immediate)
    : m_db(db)
{
    m_db.backend().begin(immediate);
}

Tx::~Tx()
{
    if (!m_done) {
        m_db.backend().rollback();
    }
}

void Tx::commit()
{
    m_db.backend().commit();
    m_done = true;
}

} // namespace kakanai::queue::detail
