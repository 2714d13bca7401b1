// LISTEN/NOTIFY for ChangeWatcher (see pg_listen.hpp).
#include "pg_listen.hpp"

#include "pg_common.hpp"
#include "queue_exception.hpp"

#include <libpq-fe.h>

#include <poll.h>
#include <thread>

namespace kakanai::queue::detail {

namespace {

void listen(PGconn* conn)
{
    PGresult* result = PQexec(conn, "LISTEN kakanai_queue");
    if (PQresultStatus(result) != PGRES_COMMAND_OK) {
        throwPg(conn, result, "cannot listen for queue changes");
    }
    PQclear(result);
}

} // namespace

PgListener::PgListener(std::string url)
    : m_url(std::move(url))
{
    m_conn = pgConnect(m_url);
    try {
        listen(m_conn);
    } catch (...) {
        PQfinish(m_conn);
        throw;
    }
}

PgListener::~PgListener()
{
    PQfinish(m_conn);
}

bool PgListener::drain()
{
    bool any = false;
    while (PGnotify* note = PQnotifies(m_conn)) {
        any = true;
        PQfreemem(note);
    }
    return any;
}

bool PgListener::reconnect()
{
    const auto now = std::chrono::steady_clock::now();
    if (now < m_nextReconnect) {
        return false;
    }
    m_nextReconnect = now + std::chrono::seconds(1);
    PQreset(m_conn);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        return false;
    }
    try {
        listen(m_conn);
    } catch (const QueueException&) {
        return false;
    }
    return true;
}

bool PgListener::wait(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (PQstatus(m_conn) != CONNECTION_OK) {
            if (reconnect()) {
                return true; // changes may have been missed while the server was away
            }
        } else {
            if (PQconsumeInput(m_conn) == 1 && drain()) {
                return true;
            }
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
            return false;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
        if (PQstatus(m_conn) != CONNECTION_OK) {
            std::this_thread::sleep_for(std::min(left, std::chrono::milliseconds(200)));
            continue;
        }
        pollfd fd { PQsocket(m_conn), POLLIN, 0 };
        ::poll(&fd, 1, static_cast<int>(std::max<std::int64_t>(1, left.count())));
    }
}

} // namespace kakanai::queue::detail
