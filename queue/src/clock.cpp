// The system clock and local dates at a fixed UTC offset (see clock.hpp).
#include "kakanai/queue/clock.hpp"

#include <chrono>
#include <cstdio>

namespace kakanai::queue {

std::int64_t SystemClock::nowMs() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

const SystemClock& SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

std::string localDate(std::int64_t ms, int utcOffsetMinutes)
{
    using namespace std::chrono;
    const auto local = sys_time<milliseconds>(milliseconds(ms)) + minutes(utcOffsetMinutes);
    const year_month_day day { floor<days>(local) };
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
        static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return text;
}

std::string formatLocalTime(std::int64_t ms, int utcOffsetMinutes)
{
    using namespace std::chrono;
    const auto local = sys_time<milliseconds>(milliseconds(ms)) + minutes(utcOffsetMinutes);
    const auto day = floor<days>(local);
    const year_month_day date { day };
    const hh_mm_ss time { floor<seconds>(local - day) };
    const int offset = utcOffsetMinutes < 0 ? -utcOffsetMinutes : utcOffsetMinutes;
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d",
        static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
        static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
        static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
        utcOffsetMinutes < 0 ? '-' : '+', offset / 60, offset % 60);
    return text;
}

std::int64_t parseLocalTime(const std::string& text, int utcOffsetMinutes)
{
    int y = 0;
    unsigned mo = 0;
    unsigned d = 0;
    int h = 0;
    int mi = 0;
    int s = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u%n", &y, &mo, &d, &consumed) != 3 || consumed != 10) {
        return -1;
    }
    if (text.size() > 10) {
        int rest = 0;
        const std::string tail = text.substr(10);
        const int fields = std::sscanf(tail.c_str(), "T%2d:%2d%n:%2d%n", &h, &mi, &rest, &s, &rest);
        if (fields < 2 || static_cast<std::size_t>(rest) != tail.size() || h > 23 || mi > 59
            || s > 60) {
            return -1;
        }
    }
    using namespace std::chrono;
    const year_month_day day { year(y), month(mo), std::chrono::day(d) };
    if (!day.ok()) {
        return -1;
    }
    const auto local = sys_days(day) + hours(h) + minutes(mi) + seconds(s);
    return duration_cast<milliseconds>((local - minutes(utcOffsetMinutes)).time_since_epoch())
        .count();
}

} // namespace kakanai::queue
