// Japanese era (和暦) conversion for dates read from the card: 明治 1868-01-25 (the calendar
// reform date used by the family register), 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08,
// 令和 2019-05-01; the first year of an era is written 元年.
//
// Errors: the functions return std::nullopt for a date that is not real (2023-02-29) or
// that precedes 明治.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kakanai::cardio {

struct CivilDate
{
    int year = 0;
    int month = 0;
    int day = 0;
};

/** Parses exactly 8 ASCII digits YYYYMMDD into a real calendar date. */
std::optional<CivilDate> parseYyyymmdd(std::string_view text);

/** "1945-08-15". */
std::string isoDate(const CivilDate& date);

/** "昭和20年8月15日", "令和元年5月1日". */
std::optional<std::string> formatWareki(const CivilDate& date);

/**
 * The signing certificate's birth date: era digit (1 明治 … 5 令和, 0 unknown) + YYYYMMDD.
 * Returns the date when the Gregorian part is real and the era digit matches it (or is 0).
 */
std::optional<CivilDate> parseCertificateBirthDate(std::string_view text);

} // namespace kakanai::cardio
