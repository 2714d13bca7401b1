// 和暦 conversion, typed-date parsing, age and weekday; plus an exhaustive comparison of every
// supported day with ICU's Japanese calendar.
#include "kakanai/forms/wareki.hpp"

#include <gtest/gtest.h>
#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <chrono>
#include <iostream>
#include <memory>

using namespace kakanai::forms;
using Kind = DateParseError::Kind;

namespace {

std::string wareki(Date date)
{
    return formatWareki(date).value_or("<none>");
}

/** The parsed date, or a description of the error kind for readable failures. */
std::string parsed(std::string_view input)
{
    const auto result = parseDateInput(input);
    return result ? isoDate(*result)
                  : "error " + std::to_string(static_cast<int>(result.error().kind));
}

Kind errorOf(std::string_view input)
{
    const auto result = parseDateInput(input);
    EXPECT_FALSE(result.ok()) << input << " parsed as " << isoDate(*result);
    return result ? Kind::Malformed : result.error().kind;
}

} // namespace

TEST(Date, ValidityAndOrdering)
{
    EXPECT_TRUE((Date { 2024, 2, 29 }).isValid());
    EXPECT_FALSE((Date { 2025, 2, 29 }).isValid());
    EXPECT_FALSE((Date { 1900, 2, 29 }).isValid());
    EXPECT_TRUE((Date { 2000, 2, 29 }).isValid());
    EXPECT_FALSE((Date { 2025, 4, 31 }).isValid());
    EXPECT_FALSE((Date { 2025, 13, 1 }).isValid());
    EXPECT_FALSE((Date { 2025, 0, 1 }).isValid());
    EXPECT_FALSE((Date { 2025, 257, 1 }).isValid()); // would wrap to 1 in std::chrono::month
    EXPECT_FALSE(Date {}.isValid());
    EXPECT_TRUE((Date { 1873, 1, 1 }).isSupported());
    EXPECT_FALSE((Date { 1872, 12, 31 }).isSupported());
    EXPECT_TRUE((Date { 2100, 12, 31 }).isSupported());
    EXPECT_FALSE((Date { 2101, 1, 1 }).isSupported());
    EXPECT_LT((Date { 2019, 4, 30 }), (Date { 2019, 5, 1 }));
    EXPECT_LT((Date { 2018, 12, 31 }), (Date { 2019, 1, 1 }));
    EXPECT_EQ((Date { 2019, 5, 1 }), (Date { 2019, 5, 1 }));
}

TEST(Wareki, EraBoundaries)
{
    EXPECT_EQ(wareki({ 2019, 5, 1 }), "令和元年5月1日");
    EXPECT_EQ(wareki({ 2019, 4, 30 }), "平成31年4月30日");
    EXPECT_EQ(wareki({ 1989, 1, 7 }), "昭和64年1月7日");
    EXPECT_EQ(wareki({ 1989, 1, 8 }), "平成元年1月8日");
    EXPECT_EQ(wareki({ 1926, 12, 24 }), "大正15年12月24日");
    EXPECT_EQ(wareki({ 1926, 12, 25 }), "昭和元年12月25日");
    EXPECT_EQ(wareki({ 1912, 7, 29 }), "明治45年7月29日");
    EXPECT_EQ(wareki({ 1912, 7, 30 }), "大正元年7月30日");
    EXPECT_EQ(wareki({ 1873, 1, 1 }), "明治6年1月1日");
    EXPECT_EQ(wareki({ 2025, 4, 1 }), "令和7年4月1日");
    EXPECT_EQ(wareki({ 2100, 12, 31 }), "令和82年12月31日");
    EXPECT_EQ(formatWareki({ 1872, 12, 31 }), std::nullopt);
    EXPECT_EQ(formatWareki({ 2101, 1, 1 }), std::nullopt);
    EXPECT_EQ(formatWareki({ 2025, 2, 29 }), std::nullopt);
}

TEST(Wareki, ShortFormAndIso)
{
    EXPECT_EQ(formatWarekiShort({ 2025, 4, 1 }), "R7.4.1");
    EXPECT_EQ(formatWarekiShort({ 2019, 5, 1 }), "R1.5.1");
    EXPECT_EQ(formatWarekiShort({ 1989, 1, 7 }), "S64.1.7");
    EXPECT_EQ(formatWarekiShort({ 1900, 1, 1 }), "M33.1.1");
    EXPECT_EQ(formatWarekiShort({ 1920, 1, 1 }), "T9.1.1");
    EXPECT_EQ(formatWarekiShort({ 2000, 2, 29 }), "H12.2.29");
    EXPECT_EQ(isoDate({ 2025, 4, 1 }), "2025-04-01");
    EXPECT_EQ(isoDate({ 1873, 12, 31 }), "1873-12-31");
}

TEST(Wareki, EraTable)
{
    EXPECT_EQ(eraName(Era::Reiwa), "令和");
    EXPECT_EQ(eraInitial(Era::Showa), "昭");
    EXPECT_EQ(eraLetter(Era::Heisei), 'H');
    EXPECT_EQ(eraStart(Era::Taisho), (Date { 1912, 7, 30 }));
    EXPECT_EQ(eraEnd(Era::Heisei), (Date { 2019, 4, 30 }));
    EXPECT_EQ(eraEnd(Era::Meiji), (Date { 1912, 7, 29 }));
    EXPECT_EQ(eraEnd(Era::Reiwa), std::nullopt);
    EXPECT_EQ(toWareki({ 2019, 5, 1 }), (WarekiDate { Era::Reiwa, 1, 5, 1 }));
    const auto heisei = fromWareki({ Era::Heisei, 31, 4, 30 });
    ASSERT_TRUE(heisei);
    EXPECT_EQ(*heisei, (Date { 2019, 4, 30 }));
}

TEST(ParseDateInput, AcceptedLayouts)
{
    EXPECT_EQ(parsed("R7.4.1"), "2025-04-01");
    EXPECT_EQ(parsed("r7/4/1"), "2025-04-01");
    EXPECT_EQ(parsed("令和7年4月1日"), "2025-04-01");
    EXPECT_EQ(parsed("令和元年5月1日"), "2019-05-01");
    EXPECT_EQ(parsed("H12/2/29"), "2000-02-29");
    EXPECT_EQ(parsed("S64.1.7"), "1989-01-07");
    EXPECT_EQ(parsed("平成31年4月30日"), "2019-04-30");
    EXPECT_EQ(parsed("令和７年４月１日"), "2025-04-01");
    EXPECT_EQ(parsed("Ｒ７．４．１"), "2025-04-01");
    EXPECT_EQ(parsed("2025-04-01"), "2025-04-01");
    EXPECT_EQ(parsed("2025/4/1"), "2025-04-01");
    EXPECT_EQ(parsed("2025.4.1"), "2025-04-01");
    EXPECT_EQ(parsed("20250401"), "2025-04-01");
    EXPECT_EQ(parsed("2025年4月1日"), "2025-04-01");
    EXPECT_EQ(parsed("西暦2025年4月1日"), "2025-04-01");
    EXPECT_EQ(parsed("２０２５－０４－０１"), "2025-04-01");
    EXPECT_EQ(parsed("2025ー04ー01"), "2025-04-01"); // ー from the IME's hyphen key
    EXPECT_EQ(parsed(" 令和 7年 4月 1日 "), "2025-04-01");
    EXPECT_EQ(parsed("令和7年4月1"), "2025-04-01");
    EXPECT_EQ(parsed("R07.04.01"), "2025-04-01");
    EXPECT_EQ(parsed("R070401"), "2025-04-01");
    EXPECT_EQ(parsed("H120229"), "2000-02-29");
    EXPECT_EQ(parsed("R元.5.1"), "2019-05-01");
    EXPECT_EQ(parsed("R1.5.1"), "2019-05-01");
    EXPECT_EQ(parsed("平7.4.1"), "1995-04-01");
    EXPECT_EQ(parsed("㍻31年4月30日"), "2019-04-30");
    EXPECT_EQ(parsed("㋿元年5月1日"), "2019-05-01");
    EXPECT_EQ(parsed("m6.1.1"), "1873-01-01");
    EXPECT_EQ(parsed("T15.12.24"), "1926-12-24");
    EXPECT_EQ(parsed("大正元年7月30日"), "1912-07-30");
    EXPECT_EQ(parsed("明治45年7月29日"), "1912-07-29");
    EXPECT_EQ(parsed("昭和元年12月25日"), "1926-12-25");
    EXPECT_EQ(parsed("2100-12-31"), "2100-12-31");
}

TEST(ParseDateInput, ErrorKinds)
{
    EXPECT_EQ(errorOf(""), Kind::Empty);
    EXPECT_EQ(errorOf(" 　 "), Kind::Empty);
    EXPECT_EQ(errorOf("X7.4.1"), Kind::UnknownEra);
    EXPECT_EQ(errorOf("慶応3年1月1日"), Kind::UnknownEra);
    EXPECT_EQ(errorOf("平成32年1月1日"), Kind::OutsideEra);
    EXPECT_EQ(errorOf("昭和65年1月1日"), Kind::OutsideEra);
    EXPECT_EQ(errorOf("平成31年5月1日"), Kind::OutsideEra);
    EXPECT_EQ(errorOf("H31.5.1"), Kind::OutsideEra);
    EXPECT_EQ(errorOf("平成元年1月7日"), Kind::OutsideEra);
    EXPECT_EQ(errorOf("令和元年4月30日"), Kind::OutsideEra);
    EXPECT_EQ(errorOf("R0.5.1"), Kind::OutsideEra);
    EXPECT_EQ(errorOf("大正15年12月25日"), Kind::OutsideEra);
    EXPECT_EQ(errorOf("H13/2/29"), Kind::NotARealDate);
    EXPECT_EQ(errorOf("2025-04-31"), Kind::NotARealDate);
    EXPECT_EQ(errorOf("2025-13-01"), Kind::NotARealDate);
    EXPECT_EQ(errorOf("R7.2.29"), Kind::NotARealDate);
    EXPECT_EQ(errorOf("R7.4.0"), Kind::NotARealDate);
    EXPECT_EQ(errorOf("1872-12-31"), Kind::OutOfSupportedRange);
    EXPECT_EQ(errorOf("明治5年12月2日"), Kind::OutOfSupportedRange);
    EXPECT_EQ(errorOf("2101-01-01"), Kind::OutOfSupportedRange);
    EXPECT_EQ(errorOf("令和83年1月1日"), Kind::OutOfSupportedRange);
    EXPECT_EQ(errorOf("R999999999.1.1"), Kind::OutOfSupportedRange);
    EXPECT_EQ(errorOf("7.4.1"), Kind::Malformed); // no era
    EXPECT_EQ(errorOf("25/4/1"), Kind::Malformed);
    EXPECT_EQ(errorOf("R7.4"), Kind::Malformed);
    EXPECT_EQ(errorOf("令和7年4月"), Kind::Malformed);
    EXPECT_EQ(errorOf("R7.4.1日"), Kind::Malformed);
    EXPECT_EQ(errorOf("R7.元.1"), Kind::Malformed);
    EXPECT_EQ(errorOf("R7.004.1"), Kind::Malformed);
    EXPECT_EQ(errorOf("2025041"), Kind::Malformed);
    EXPECT_EQ(errorOf("R7.4.1 12:00"), Kind::Malformed);
    EXPECT_EQ(errorOf("R1234567890.1.1"), Kind::Malformed);
    EXPECT_EQ(errorOf("abc"), Kind::Malformed);
    EXPECT_EQ(errorOf("\xff\xfe"), Kind::Malformed);
}

TEST(ParseDateInput, ErrorDetailDoesNotEchoTheInput)
{
    const auto result = parseDateInput("平成32年1月1日");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().detail, "平成 ended on 2019-04-30 (平成31年4月30日)");
}

TEST(Age, CompletedYears)
{
    EXPECT_EQ(ageOn({ 2000, 4, 2 }, { 2025, 4, 1 }), 24);
    EXPECT_EQ(ageOn({ 2000, 4, 1 }, { 2025, 4, 1 }), 25);
    EXPECT_EQ(ageOn({ 2025, 4, 1 }, { 2025, 4, 1 }), 0);
    EXPECT_EQ(ageOn({ 2000, 2, 29 }, { 2025, 2, 28 }), 24);
    EXPECT_EQ(ageOn({ 2000, 2, 29 }, { 2025, 3, 1 }), 25);
    EXPECT_EQ(ageOn({ 2000, 2, 29 }, { 2024, 2, 28 }), 23);
    EXPECT_EQ(ageOn({ 2000, 2, 29 }, { 2024, 2, 29 }), 24);
    EXPECT_EQ(ageOn({ 2025, 4, 2 }, { 2025, 4, 1 }), std::nullopt);
    EXPECT_EQ(ageOn({ 2025, 2, 30 }, { 2026, 4, 1 }), std::nullopt);
}

TEST(Weekday, KnownDays)
{
    EXPECT_EQ(dayOfWeek({ 2025, 4, 1 }), Weekday::Tuesday);
    EXPECT_EQ(dayOfWeek({ 1989, 1, 8 }), Weekday::Sunday);
    EXPECT_EQ(dayOfWeek({ 1873, 1, 1 }), Weekday::Wednesday);
    EXPECT_EQ(dayOfWeek({ 2025, 2, 29 }), std::nullopt);
    EXPECT_EQ(weekdayKanji(Weekday::Tuesday), "火");
    EXPECT_EQ(weekdayKanji(Weekday::Sunday), "日");
}

TEST(DayNumber, RoundTripsAndRejectsOverflow)
{
    EXPECT_EQ(toDayNumber({ 1970, 1, 1 }), 0);
    EXPECT_EQ(toDayNumber({ 1969, 12, 31 }), -1);
    EXPECT_EQ(fromDayNumber(toDayNumber({ 2024, 2, 29 }) + 1), (Date { 2024, 3, 1 }));
    EXPECT_EQ(toDayNumber({ 2025, 2, 29 }), 0);
    EXPECT_FALSE(fromDayNumber(INT64_MAX).isValid());
    EXPECT_FALSE(fromDayNumber(INT64_MIN).isValid());
}

// Every day from 1873-01-01 to 2100-12-31: our era, era year, month and day against ICU's
// Japanese calendar, our weekday against ICU's, and formatWareki / formatWarekiShort output
// parsed back to the same day.
TEST(WarekiExhaustive, EveryDayAgreesWithIcuAndRoundTrips)
{
    const auto started = std::chrono::steady_clock::now();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
    std::unique_ptr<icu::Calendar> japanese(
        icu::Calendar::createInstance(*utc, icu::Locale("ja_JP@calendar=japanese"), status));
    icu::GregorianCalendar gregorian(*utc, status);
    icu::DateFormatSymbols symbols(icu::Locale("ja@calendar=japanese"), "japanese", status);
    ASSERT_TRUE(U_SUCCESS(status)) << u_errorName(status);
    ASSERT_STREQ(japanese->getType(), "japanese");

    // ICU 72 numbers the modern eras 232 (明治) to 236 (令和); check the names rather than trust
    // it.
    constexpr int ICU_MEIJI = 232;
    int32_t eraCount = 0;
    const icu::UnicodeString* eraNames = symbols.getEras(eraCount);
    ASSERT_GE(eraCount, ICU_MEIJI + 5);
    for (int i = 0; i < 5; ++i) {
        std::string name;
        eraNames[ICU_MEIJI + i].toUTF8String(name);
        EXPECT_EQ(name, eraName(static_cast<Era>(i)));
    }

    gregorian.clear();
    gregorian.set(MIN_SUPPORTED_DATE.year, UCAL_JANUARY, 1, 12, 0, 0); // noon: no edge effects
    UDate instant = gregorian.getTime(status);
    int days = 0;
    int mismatches = 0;
    std::string examples;
    const auto report = [&](const Date& date, const std::string& what) {
        if (++mismatches <= 10) {
            examples += isoDate(date) + ": " + what + "\n";
        }
    };
    for (Date date = MIN_SUPPORTED_DATE; date <= MAX_SUPPORTED_DATE;
         date = fromDayNumber(toDayNumber(date) + 1), instant += U_MILLIS_PER_DAY) {
        ++days;
        gregorian.setTime(instant, status);
        japanese->setTime(instant, status);
        const Date icuGregorian { gregorian.get(UCAL_EXTENDED_YEAR, status),
            gregorian.get(UCAL_MONTH, status) + 1, gregorian.get(UCAL_DATE, status) };
        const int icuEra = japanese->get(UCAL_ERA, status);
        const WarekiDate icuWareki { static_cast<Era>(icuEra - ICU_MEIJI),
            japanese->get(UCAL_YEAR, status), japanese->get(UCAL_MONTH, status) + 1,
            japanese->get(UCAL_DATE, status) };
        const int icuWeekday = japanese->get(UCAL_DAY_OF_WEEK, status) - UCAL_SUNDAY;
        if (U_FAILURE(status)) {
            FAIL() << "ICU: " << u_errorName(status) << " on " << isoDate(date);
        }
        if (icuGregorian != date) {
            report(date, "ICU Gregorian says " + isoDate(icuGregorian));
        }
        if (icuEra < ICU_MEIJI || icuEra > ICU_MEIJI + 4 || toWareki(date) != icuWareki) {
            report(date,
                "ICU era " + std::to_string(icuEra) + " year " + std::to_string(icuWareki.eraYear)
                    + ", ours " + wareki(date));
        }
        if (dayOfWeek(date) != static_cast<Weekday>(icuWeekday)) {
            report(date, "weekday differs from ICU");
        }
        const auto full = parseDateInput(wareki(date));
        const auto brief = parseDateInput(formatWarekiShort(date).value_or(""));
        if (!full || *full != date || !brief || *brief != date) {
            report(date, "round trip failed for " + wareki(date));
        }
    }
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
    EXPECT_EQ(days, toDayNumber(MAX_SUPPORTED_DATE) - toDayNumber(MIN_SUPPORTED_DATE) + 1);
    EXPECT_EQ(days, 83275);
    EXPECT_EQ(mismatches, 0) << examples;
    RecordProperty("days", days);
    std::cout << "[ exhaustive ] " << days << " days compared with ICU " << U_ICU_VERSION << " in "
              << elapsed.count() << " s\n";
}
