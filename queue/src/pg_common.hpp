// Internal: what the PostgreSQL connection (pg_backend.cpp) and the change listener
// (pg_listen.cpp) share — connecting with kakanai's defaults and turning libpq failures into
// QueueExceptions.
//
// Errors: pgConnect throws Io when the server cannot be reached or refuses the connection (the
// message says why: refused, timeout, certificate verification, authentication); throwPg maps
// SQLSTATEs: 40001/40P01/55P03 → Busy, class 08 / 57P0x / a dropped connection → Io,
// 28xxx → AuthFailed, 42501 → Forbidden, anything else → Database. Only the primary message
// is kept: a server's DETAIL line can quote a failing row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct pg_conn;
struct pg_result;

namespace kakanai::queue::detail {

/** The key of the advisory lock the queue's writers share (ASCII "kaka"). */
inline constexpr std::int64_t WRITER_LOCK_KEY = 0x6b616b61;

/** Connects (connect_timeout 5 s unless the URL sets one); never returns a bad connection. */
pg_conn* pgConnect(const std::string& url);

/** Clears `result` and throws the QueueException for it. */
[[noreturn]] void throwPg(pg_conn* conn, pg_result* result, std::string_view what);

/** The first line of a libpq message, without its trailing newline. */
std::string firstLine(const char* message);

} // namespace kakanai::queue::detail
