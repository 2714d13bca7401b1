// The kiosk's clock: monotonic milliseconds for timeouts and animations, and the local civil
// date and time for forms. Behind an interface so tests jump through countdowns instantly.
//
// Errors: none; the system clock cannot fail.
#pragma once

#include "kakanai/forms/wareki.hpp"

#include <cstdint>
#include <string>

namespace kakanai::kiosk {

class Clock
{
public:
    virtual ~Clock() = default;
    /** Monotonic milliseconds (any origin). */
    virtual std::int64_t nowMs() const = 0;
    /** Today's local date. */
    virtual forms::Date today() const = 0;
    /** RFC 3339 local time with offset, e.g. "2026-11-29T10:15:00+09:00". */
    virtual std::string timestamp() const = 0;
};

/** The real clock: steady_clock and the system's local time zone. */
class SystemClock final : public Clock
{
public:
    std::int64_t nowMs() const override;
    forms::Date today() const override;
    std::string timestamp() const override;
};

/** A clock that moves only when told to (tests, scripted demos). */
class ManualClock final : public Clock
{
public:
    explicit ManualClock(forms::Date today = { 2026, 11, 29 })
        : m_today(today)
    {
    }
    std::int64_t nowMs() const override { return m_ms; }
    forms::Date today() const override { return m_today; }
    std::string timestamp() const override;
    void advanceMs(std::int64_t ms) { m_ms += ms; }

private:
    std::int64_t m_ms = 0;
    forms::Date m_today;
};

} // namespace kakanai::kiosk
