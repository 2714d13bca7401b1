#include "kakanai/cardio/era.hpp"

#include <cstdio>

namespace kakanai::cardio {

namespace {

struct Era
{
    const char* name;
    CivilDate start;
    int digit; // the signing certificate's era code
};

// Newest first. Start dates: 令和 2019-05-01, 平成 1989-01-08, 昭和 1926-12-25,
// 大正 1912-07-30, 明治 1868-01-25 (as used by 戸籍/住民基本台帳 systems).
constexpr Era ERAS[] = {
    { "令和", { 2019, 5, 1 }, 5 },
    { "平成", { 1989, 1, 8 }, 4 },
    { "昭和", { 1926, 12, 25 }, 3 },
    { "大正", { 1912, 7, 30 }, 2 },
    { "明治", { 1868, 1, 25 }, 1 },
};

int compare(const CivilDate& a, const CivilDate& b)
{
    if (a.year != b.year) {
        return a.year < b.year ? -1 : 1;
    }
    if (a.month != b.month) {
        return a.month < b.month ? -1 : 1;
    }
    if (a.day != b.day) {
        return a.day < b.day ? -1 : 1;
    }
    return 0;
}

const Era* eraOf(const CivilDate& date)
{
    for (const Era& era : ERAS) {
        if (compare(date, era.start) >= 0) {
            return &era;
        }
    }
    return nullptr;
}

bool isLeap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int DAYS[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 2 && isLeap(year) ? 29 : DAYS[month - 1];
}

} // namespace

std::optional<CivilDate> parseYyyymmdd(std::string_view text)
{
    if (text.size() != 8) {
        return std::nullopt;
    }
    int digits[8];
    for (int i = 0; i < 8; ++i) {
        if (text[static_cast<std::size_t>(i)] < '0' || text[static_cast<std::size_t>(i)] > '9') {
            return std::nullopt;
        }
        digits[i] = text[static_cast<std::size_t>(i)] - '0';
    }
    CivilDate date { digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
        digits[4] * 10 + digits[5], digits[6] * 10 + digits[7] };
    if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1
        || date.day > daysInMonth(date.year, date.month)) {
        return std::nullopt;
    }
    return date;
}

std::string isoDate(const CivilDate& date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::optional<std::string> formatWareki(const CivilDate& date)
{
    const Era* era = eraOf(date);
    if (era == nullptr) {
        return std::nullopt;
    }
    int year = date.year - era->start.year + 1;
    std::string text = era->name;
    text += year == 1 ? "元" : std::to_string(year);
    text += "年" + std::to_string(date.month) + "月" + std::to_string(date.day) + "日";
    return text;
}

std::optional<CivilDate> parseCertificateBirthDate(std::string_view text)
{
    if (text.size() != 9 || text[0] < '0' || text[0] > '5') {
        return std::nullopt;
    }
    auto date = parseYyyymmdd(text.substr(1));
    if (!date) {
        return std::nullopt;
    }
    int digit = text[0] - '0';
    if (digit == 0) {
        return date;
    }
    const Era* era = eraOf(*date);
    if (era == nullptr || era->digit != digit) {
        return std::nullopt;
    }
    return date;
}

} // namespace kakanai::cardio
