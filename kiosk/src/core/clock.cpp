#include "kakanai/kiosk/clock.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace kakanai::kiosk {

namespace {

std::tm localNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm local {};
    localtime_r(&now, &local);
    return local;
}

} // namespace

std::int64_t SystemClock::nowMs() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

forms::Date SystemClock::today() const
{
    const std::tm local = localNow();
    return forms::Date { local.tm_year + 1900, local.tm_mon + 1, local.tm_mday };
}

std::string SystemClock::timestamp() const
{
    const std::tm local = localNow();
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S%z", &local);
    const std::string_view text = buffer; // ...+0900 → ...+09:00 (RFC 3339)
    if (text.size() < 5) {
        return std::string(text);
    }
    return std::string(text.substr(0, text.size() - 2)) + ":"
        + std::string(text.substr(text.size() - 2));
}

std::string ManualClock::timestamp() const
{
    const std::int64_t seconds = m_ms / 1000;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d+09:00", m_today.year,
        m_today.month, m_today.day, static_cast<int>(9 + seconds / 3600 % 15),
        static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    return buffer;
}

} // namespace kakanai::kiosk
