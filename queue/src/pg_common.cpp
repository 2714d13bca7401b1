// Connecting to PostgreSQL and mapping its errors (see pg_common.hpp).
#include "pg_common.hpp"

#include "queue_exception.hpp"

#include <libpq-fe.h>

#include <cstring>

namespace kakanai::queue::detail {

namespace {

void ignoreNotice(void*, const char*) { }

} // namespace

std::string firstLine(const char* message)
{
    std::string text = message ? message : "";
    const auto end = text.find('\n');
    if (end != std::string::npos) {
        text.resize(end);
    }
    return text;
}

pg_conn* pgConnect(const std::string& url)
{
    // Keywords before "dbname" are defaults the URL may override (expand_dbname).
    const char* const keywords[] = { "connect_timeout", "application_name", "dbname", nullptr };
    const char* const values[] = { "5", "kakanai", url.c_str(), nullptr };
    PGconn* conn = PQconnectdbParams(keywords, values, 1);
    if (!conn) {
        raise(QueueErrorCode::Io, "cannot connect to the queue server: out of memory");
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string message = firstLine(PQerrorMessage(conn));
        PQfinish(conn);
        raise(QueueErrorCode::Io, "cannot connect to the queue server: " + message);
    }
    PQsetNoticeProcessor(conn, &ignoreNotice, nullptr);
    return conn;
}

void throwPg(pg_conn* conn, pg_result* result, std::string_view what)
{
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message(what);
    message += ": ";
    message += primary ? std::string(primary) : firstLine(PQerrorMessage(conn));
    const std::string code = state ? state : "";
    PQclear(result);

    QueueErrorCode kind = QueueErrorCode::Database;
    if (PQstatus(conn) != CONNECTION_OK || code.rfind("08", 0) == 0 || code.rfind("57P0", 0) == 0) {
        kind = QueueErrorCode::Io;
        message = "the queue server is unreachable (" + message + ")";
    } else if (code == "40001" || code == "40P01" || code == "55P03") {
        kind = QueueErrorCode::Busy;
    } else if (code.rfind("28", 0) == 0) {
        kind = QueueErrorCode::AuthFailed;
    } else if (code == "42501") {
        kind = QueueErrorCode::Forbidden;
    }
    raise(kind, message);
}

} // namespace kakanai::queue::detail
