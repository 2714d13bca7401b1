// Dates for counter forms: 和暦 (Japanese era) ⇄ 西暦 (Gregorian) conversion, formatting, and
// parsing of what a resident types ("R7.4.1", "令和7年4月1日", "2025-04-01", "20250401").
//
// Supported range: 1873-01-01 (明治6年1月1日, the day Japan adopted the Gregorian calendar;
// earlier 明治 dates were lunisolar and cannot be converted day-for-day) to 2100-12-31.
// Era start dates: 明治 1868-01-25 (as used by 戸籍/住民基本台帳 systems), 大正 1912-07-30,
// 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01. The first year of an era is written 元年
// in full forms ("令和元年5月1日") and 1 in short forms ("R1.5.1").
//
// Errors: parseDateInput and fromWareki return a DateParseError whose kind is one of
//   Empty               nothing but spaces was typed;
//   Malformed           not a date layout we recognise (including "7.4.1" with no era);
//   UnknownEra          an era prefix other than M/T/S/H/R, 明治…令和, 明大昭平令 (e.g. 慶応);
//   OutsideEra          the era did not cover the date (平成32年, 昭和65年, 平成31年5月1日,
//                       平成元年1月7日, 令和0年);
//   NotARealDate        no such calendar day (H13/2/29, 2025-04-31, month 13);
//   OutOfSupportedRange a real date outside 1873-01-01..2100-12-31 (明治5年, 令和83年).
// The other functions return std::nullopt for dates that are not valid or not supported.
// Nothing throws for bad input. Error details never repeat the input (it may be a birth date).
#pragma once

#include "kakanai/base/result.hpp"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kakanai::forms {

/** A proleptic-Gregorian calendar day. Ordering is chronological (year, then month, then day). */
struct Date
{
    int year = 0;
    int month = 0;
    int day = 0;

    /** A real calendar day with a year in 1..9999 (2024-02-29 yes, 2025-02-29 no). */
    bool isValid() const;
    /** isValid() and within MIN_SUPPORTED_DATE..MAX_SUPPORTED_DATE. */
    bool isSupported() const;

    friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

inline constexpr Date MIN_SUPPORTED_DATE { 1873, 1, 1 };
inline constexpr Date MAX_SUPPORTED_DATE { 2100, 12, 31 };

enum class Era
{
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
};

/** "令和". */
std::string_view eraName(Era era);
/** "令": the single kanji printed in the 明・大・昭・平・令 boxes of paper forms. */
std::string_view eraInitial(Era era);
/** 'R': the letter used in short dates such as "R7.4.1". */
char eraLetter(Era era);
/** The first day of the era (令和 → 2019-05-01). */
Date eraStart(Era era);
/** The last day of the era (平成 → 2019-04-30), or nullopt for the current era, 令和. */
std::optional<Date> eraEnd(Era era);

/** A date as an era, a year of that era (1 = 元年), a month and a day. */
struct WarekiDate
{
    Era era = Era::Reiwa;
    int eraYear = 0;
    int month = 0;
    int day = 0;

    friend constexpr bool operator==(const WarekiDate&, const WarekiDate&) = default;
};

/** 2019-05-01 → {Reiwa, 1, 5, 1}; nullopt unless date.isSupported(). */
std::optional<WarekiDate> toWareki(const Date& date);

struct DateParseError
{
    enum class Kind
    {
        Empty,
        Malformed,
        UnknownEra,
        OutsideEra,
        NotARealDate,
        OutOfSupportedRange,
    };
    Kind kind = Kind::Malformed;
    /** English, for logs and staff screens; the kiosk chooses resident text from `kind`. */
    std::string detail;
};

/** {Heisei, 31, 4, 30} → 2019-04-30; errors as listed at the top of this file. */
Result<Date, DateParseError> fromWareki(const WarekiDate& wareki);

/** "令和7年4月1日", "令和元年5月1日"; nullopt unless date.isSupported(). */
std::optional<std::string> formatWareki(const Date& date);

/** "R7.4.1", "R1.5.1" (no 元 and no zero padding); nullopt unless date.isSupported(). */
std::optional<std::string> formatWarekiShort(const Date& date);

/** "2025-04-01" (zero-padded fields; meaningful only for a valid date). */
std::string isoDate(const Date& date);

/**
 * Parses a typed date. Accepted, after NFKC (so full-width digits and letters, "㍻" and "㋿"
 * work) and with spaces ignored:
 *   era + year + separators: "R7.4.1", "r7/4/1", "H12-2-29", "令和7年4月1日", "令和元年5月1日",
 *       "平7.4.1" (era as letter M/T/S/H/R in either case, full name, or single kanji; year as
 *       digits or 元; separators . / - or 年 月 with an optional final 日);
 *   era letter or name + 6 digits YYMMDD: "R070401", "H120229";
 *   Western: "2025-04-01", "2025/4/1", "2025.4.1", "2025年4月1日", "西暦2025年4月1日",
 *       "20250401" (the year must have 4 digits).
 * Dash look-alikes (‐ – — ― − ー) count as "-". Errors as listed at the top of this file.
 */
Result<Date, DateParseError> parseDateInput(std::string_view input);

/**
 * Completed years on `on` for someone born on `birth`, or nullopt if either date is invalid or
 * `on` is before `birth`. The age increases on the birthday; someone born on 2/29 becomes a year
 * older on 3/1 in common years. (年齢計算ニ関スル法律 counts the year as complete at the end
 * of the previous day, which matters only for legal deadlines such as school entry; the forms
 * this kiosk fills ask for "age on the day", e.g. 印鑑登録 from age 15.)
 */
std::optional<int> ageOn(const Date& birth, const Date& on);

enum class Weekday
{
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
};

/** The day of the week, or nullopt for an invalid date. */
std::optional<Weekday> dayOfWeek(const Date& date);
/** "日", "月", "火", "水", "木", "金", "土" (as printed in "令和7年4月1日(火)"). */
std::string_view weekdayKanji(Weekday weekday);

/**
 * Days since 1970-01-01 (negative before) of a valid date, for date arithmetic such as 14-day
 * deadlines; an invalid date gives 0.
 */
std::int64_t toDayNumber(const Date& date);
/** The inverse of toDayNumber; a day outside years 1..9999 gives Date {} (invalid). */
Date fromDayNumber(std::int64_t dayNumber);

} // namespace kakanai::forms
