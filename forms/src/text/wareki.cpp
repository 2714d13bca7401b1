// 和暦 ⇄ 西暦 conversion and date formatting. Parsing typed input is in wareki_parse.cpp.
#include "kakanai/forms/wareki.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace kakanai::forms {

namespace {

struct EraInfo
{
    Era era;
    std::string_view name;
    std::string_view initial;
    char letter;
    Date start;
};

// Oldest first, indexed by the Era enum. 明治 starts on 1868-01-25 (明治元年1月1日 in the
// lunisolar calendar, the date 戸籍/住基 systems use) rather than ICU's 1868-09-08 (the day of
// the 改元 edict); the difference is outside our supported range, which starts in 1873.
constexpr std::array<EraInfo, 5> ERAS { {
    { Era::Meiji, "明治", "明", 'M', { 1868, 1, 25 } },
    { Era::Taisho, "大正", "大", 'T', { 1912, 7, 30 } },
    { Era::Showa, "昭和", "昭", 'S', { 1926, 12, 25 } },
    { Era::Heisei, "平成", "平", 'H', { 1989, 1, 8 } },
    { Era::Reiwa, "令和", "令", 'R', { 2019, 5, 1 } },
} };

const EraInfo& info(Era era)
{
    const auto index = static_cast<std::size_t>(era);
    // An out-of-range enum value can only come from a cast in our own code: a bug.
    return ERAS.at(index);
}

std::chrono::year_month_day toChrono(const Date& date)
{
    return std::chrono::year_month_day { std::chrono::year { date.year },
        std::chrono::month { static_cast<unsigned>(date.month) },
        std::chrono::day { static_cast<unsigned>(date.day) } };
}

Failure<DateParseError> dateError(DateParseError::Kind kind, std::string detail)
{
    return fail(DateParseError { kind, std::move(detail) });
}

std::string warekiText(const EraInfo& era, int eraYear, int month, int day)
{
    std::string text(era.name);
    text += eraYear == 1 ? std::string("元") : std::to_string(eraYear);
    text += "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
    return text;
}

} // namespace

bool Date::isValid() const
{
    // Range checks first: std::chrono::month/day take unsigned values and keep only 8 bits.
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
        return false;
    }
    return toChrono(*this).ok();
}

bool Date::isSupported() const
{
    return isValid() && *this >= MIN_SUPPORTED_DATE && *this <= MAX_SUPPORTED_DATE;
}

std::string_view eraName(Era era)
{
    return info(era).name;
}

std::string_view eraInitial(Era era)
{
    return info(era).initial;
}

char eraLetter(Era era)
{
    return info(era).letter;
}

Date eraStart(Era era)
{
    return info(era).start;
}

std::optional<Date> eraEnd(Era era)
{
    const auto next = static_cast<std::size_t>(era) + 1;
    if (next >= ERAS.size()) {
        return std::nullopt;
    }
    return fromDayNumber(toDayNumber(ERAS[next].start) - 1);
}

std::optional<WarekiDate> toWareki(const Date& date)
{
    if (!date.isSupported()) {
        return std::nullopt;
    }
    for (auto it = ERAS.rbegin(); it != ERAS.rend(); ++it) {
        if (date >= it->start) {
            return WarekiDate { it->era, date.year - it->start.year + 1, date.month, date.day };
        }
    }
    return std::nullopt; // unreachable: the supported range starts inside 明治
}

Result<Date, DateParseError> fromWareki(const WarekiDate& wareki)
{
    using Kind = DateParseError::Kind;
    const EraInfo& era = info(wareki.era);
    const std::optional<Date> end = eraEnd(wareki.era);
    const std::string eraText(era.name);
    if (wareki.eraYear < 1) {
        return dateError(Kind::OutsideEra, "era years start at 1 (元年)");
    }
    if (end && wareki.eraYear > end->year - era.start.year + 1) {
        return dateError(Kind::OutsideEra,
            eraText + " ended on " + isoDate(*end) + " ("
                + warekiText(era, end->year - era.start.year + 1, end->month, end->day) + ")");
    }
    // Checked before building the Gregorian year so that a huge era year cannot overflow it.
    if (wareki.eraYear > MAX_SUPPORTED_DATE.year - era.start.year + 1) {
        return dateError(Kind::OutOfSupportedRange, "dates after 2100-12-31 are not supported");
    }
    const Date date { era.start.year + wareki.eraYear - 1, wareki.month, wareki.day };
    if (!date.isValid()) {
        return dateError(Kind::NotARealDate, "no such day in the calendar");
    }
    if (date < era.start || (end && date > *end)) {
        std::string detail = eraText + " began on " + isoDate(era.start);
        if (end) {
            detail += " and ended on " + isoDate(*end);
        }
        return dateError(Kind::OutsideEra, detail);
    }
    if (!date.isSupported()) {
        return dateError(Kind::OutOfSupportedRange,
            "supported dates are 1873-01-01 (明治6年1月1日, Gregorian calendar adopted) to "
            "2100-12-31");
    }
    return date;
}

std::optional<std::string> formatWareki(const Date& date)
{
    const std::optional<WarekiDate> wareki = toWareki(date);
    if (!wareki) {
        return std::nullopt;
    }
    return warekiText(info(wareki->era), wareki->eraYear, wareki->month, wareki->day);
}

std::optional<std::string> formatWarekiShort(const Date& date)
{
    const std::optional<WarekiDate> wareki = toWareki(date);
    if (!wareki) {
        return std::nullopt;
    }
    return std::string(1, eraLetter(wareki->era)) + std::to_string(wareki->eraYear) + "."
        + std::to_string(wareki->month) + "." + std::to_string(wareki->day);
}

std::string isoDate(const Date& date)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::optional<int> ageOn(const Date& birth, const Date& on)
{
    if (!birth.isValid() || !on.isValid() || on < birth) {
        return std::nullopt;
    }
    // Comparing (month, day) pairs makes a 2/29 birthday count on 3/1 in common years: 2/28 is
    // still before it, 3/1 is after it.
    const bool beforeBirthday
        = on.month < birth.month || (on.month == birth.month && on.day < birth.day);
    return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

std::optional<Weekday> dayOfWeek(const Date& date)
{
    if (!date.isValid()) {
        return std::nullopt;
    }
    const std::chrono::weekday weekday { std::chrono::sys_days(toChrono(date)) };
    return static_cast<Weekday>(weekday.c_encoding()); // 0 = Sunday, as in our enum
}

std::string_view weekdayKanji(Weekday weekday)
{
    static constexpr std::array<std::string_view, 7> NAMES { "日", "月", "火", "水", "木", "金",
        "土" };
    return NAMES.at(static_cast<std::size_t>(weekday));
}

std::int64_t toDayNumber(const Date& date)
{
    if (!date.isValid()) {
        return 0;
    }
    return std::chrono::sys_days(toChrono(date)).time_since_epoch().count();
}

Date fromDayNumber(std::int64_t dayNumber)
{
    static const std::int64_t FIRST = toDayNumber(Date { 1, 1, 1 });
    static const std::int64_t LAST = toDayNumber(Date { 9999, 12, 31 });
    if (dayNumber < FIRST || dayNumber > LAST) {
        return Date {}; // invalid, rather than overflowing std::chrono::year
    }
    const std::chrono::year_month_day ymd { std::chrono::sys_days {
        std::chrono::days { dayNumber } } };
    return Date { static_cast<int>(ymd.year()),
        static_cast<int>(static_cast<unsigned>(ymd.month())),
        static_cast<int>(static_cast<unsigned>(ymd.day())) };
}

} // namespace kakanai::forms
