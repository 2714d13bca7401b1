// Internal: LISTEN kakanai_queue on a connection of its own, for ChangeWatcher on a PostgreSQL
// queue (every committed write sends NOTIFY kakanai_queue, see pg_backend.cpp).
//
// Errors: the constructor throws QueueException Io when the server cannot be reached; wait()
// never throws: a lost connection counts as "no change" and is re-established on a later wait
// (then wait() reports a change, since notifications may have been missed meanwhile).
#pragma once

#include <chrono>
#include <string>

struct pg_conn;

namespace kakanai::queue::detail {

class PgListener
{
public:
    explicit PgListener(std::string url);
    ~PgListener();
    PgListener(const PgListener&) = delete;
    PgListener& operator=(const PgListener&) = delete;

    /** Blocks until a notification arrives or `timeout` passes; true on a notification. */
    bool wait(std::chrono::milliseconds timeout);

private:
    bool drain();
    bool reconnect();

    std::string m_url;
    pg_conn* m_conn = nullptr;
    std::chrono::steady_clock::time_point m_nextReconnect {};
};

} // namespace kakanai::queue::detail
