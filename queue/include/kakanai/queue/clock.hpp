// Clock: where the queue gets the time (unix milliseconds), so tests can move it.
//
// Errors: none.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace kakanai::queue {

class Clock
{
public:
    virtual ~Clock() = default;
    /** Milliseconds since 1970-01-01T00:00:00Z. */
    virtual std::int64_t nowMs() const = 0;
};

/** The system's real-time clock. */
class SystemClock final : public Clock
{
public:
    std::int64_t nowMs() const override;
    /** A shared instance (the default of StoreOptions). */
    static const SystemClock& instance();
};

/** A clock that only moves when told to (thread-safe). */
class TestClock final : public Clock
{
public:
    explicit TestClock(std::int64_t startMs = 1'764'374'400'000) // 2025-11-29T00:00:00Z
        : m_now(startMs)
    {
    }
    std::int64_t nowMs() const override { return m_now.load(); }
    void set(std::int64_t ms) { m_now.store(ms); }
    void advanceMs(std::int64_t ms) { m_now.fetch_add(ms); }

private:
    std::atomic<std::int64_t> m_now;
};

/** The local calendar date (YYYY-MM-DD) of `ms` at a fixed UTC offset (Japan: +540 minutes). */
std::string localDate(std::int64_t ms, int utcOffsetMinutes);

/** RFC 3339 local time at the offset: "2025-11-29T10:15:00+09:00". */
std::string formatLocalTime(std::int64_t ms, int utcOffsetMinutes);

/** Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" as local time at the offset; -1 if invalid. */
std::int64_t parseLocalTime(const std::string& text, int utcOffsetMinutes);

} // namespace kakanai::queue
