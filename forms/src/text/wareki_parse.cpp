// parseDateInput: turns what a resident types into a Date. The input is NFKC-normalised first so
// that an IME's full-width digits, letters and punctuation ("Ｒ７．４．１") and the one-character
// era ligatures ("㍻", "㋿") need no special cases; the rest is a small tokenizer and a few
// fixed layouts, so anything ambiguous is rejected instead of guessed.
#include "kakanai/forms/wareki.hpp"
#include "text/unicode.hpp"

#include <array>
#include <vector>

namespace kakanai::forms {

namespace {

using Kind = DateParseError::Kind;

Failure<DateParseError> parseError(Kind kind, std::string detail)
{
    return fail(DateParseError { kind, std::move(detail) });
}

struct Token
{
    bool isNumber = false;
    int value = 0; // numbers
    int digits = 0; // numbers: how many digits were typed (0 for 元)
    char32_t separator = 0; // separators: '.', '/', '-', U'年', U'月', U'日'
};

constexpr int MAX_DIGITS = 9; // keeps every number within int

bool isAsciiDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}

bool isSpace(char32_t c)
{
    // NFKC already turned U+3000 and the other fixed-width spaces into U+0020.
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r';
}

bool isDashLike(char32_t c)
{
    // NFKC leaves these alone, yet people type them for "-" (ー is the IME's default for the
    // hyphen key in kana mode).
    return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x30FC || c == 0xFF70;
}

/** NFKC, no spaces, dashes folded to '-', ASCII letters upper-cased. */
std::u32string prepare(std::u32string_view input)
{
    std::u32string result;
    for (char32_t c : text::normalize(input, text::NormalForm::Nfkc)) {
        if (isSpace(c)) {
            continue;
        }
        if (isDashLike(c)) {
            c = U'-';
        } else if (c >= U'a' && c <= U'z') {
            c = c - U'a' + U'A';
        }
        result.push_back(c);
    }
    return result;
}

/** Splits the body into numbers and separators; nullopt if anything else appears. */
std::optional<std::vector<Token>> tokenize(std::u32string_view body)
{
    std::vector<Token> tokens;
    for (std::size_t i = 0; i < body.size();) {
        const char32_t c = body[i];
        if (isAsciiDigit(c)) {
            Token number { true, 0, 0, 0 };
            for (; i < body.size() && isAsciiDigit(body[i]); ++i) {
                if (++number.digits > MAX_DIGITS) {
                    return std::nullopt;
                }
                number.value = number.value * 10 + static_cast<int>(body[i] - U'0');
            }
            tokens.push_back(number);
            continue;
        }
        if (c == U'元') {
            tokens.push_back(Token { true, 1, 0, 0 });
        } else if (c == U'.' || c == U'/' || c == U'-' || c == U'年' || c == U'月' || c == U'日') {
            tokens.push_back(Token { false, 0, 0, c });
        } else {
            return std::nullopt;
        }
        ++i;
    }
    return tokens;
}

struct Fields
{
    Token year;
    Token month;
    Token day;
};

bool isSymbolSeparator(const Token& token)
{
    return !token.isNumber
        && (token.separator == U'.' || token.separator == U'/' || token.separator == U'-');
}

bool isSeparator(const Token& token, char32_t separator)
{
    return !token.isNumber && token.separator == separator;
}

/** Year, month and day from "Y.M.D", "Y/M/D", "Y-M-D" (mixed allowed) or "Y年M月D[日]". */
std::optional<Fields> matchSeparated(const std::vector<Token>& tokens)
{
    if (tokens.size() != 5 && tokens.size() != 6) {
        return std::nullopt;
    }
    if (!tokens[0].isNumber || !tokens[2].isNumber || !tokens[4].isNumber) {
        return std::nullopt;
    }
    const bool symbols = isSymbolSeparator(tokens[1]) && isSymbolSeparator(tokens[3]);
    const bool kanji = isSeparator(tokens[1], U'年') && isSeparator(tokens[3], U'月');
    const bool closed = tokens.size() == 6 && isSeparator(tokens[5], U'日');
    if (!(symbols && tokens.size() == 5) && !(kanji && (tokens.size() == 5 || closed))) {
        return std::nullopt;
    }
    return Fields { tokens[0], tokens[2], tokens[4] };
}

/** YYYYMMDD (8 digits, Western) or YYMMDD (6 digits, after an era). */
std::optional<Fields> matchCompact(const std::vector<Token>& tokens, int yearDigits)
{
    if (tokens.size() != 1 || !tokens[0].isNumber || tokens[0].digits != yearDigits + 4) {
        return std::nullopt;
    }
    const int value = tokens[0].value;
    return Fields { Token { true, value / 10000, yearDigits, 0 },
        Token { true, value / 100 % 100, 2, 0 }, Token { true, value % 100, 2, 0 } };
}

bool monthAndDayWellFormed(const Fields& fields)
{
    // 元 (digits == 0) belongs to the year only; a 3-digit month is a typo, not month 12.
    return fields.month.digits >= 1 && fields.month.digits <= 2 && fields.day.digits >= 1
        && fields.day.digits <= 2;
}

/** The era a prefix names ("R", "令和", "令"), or nullopt. */
std::optional<Era> eraFromPrefix(std::u32string_view prefix)
{
    struct Spelling
    {
        std::u32string_view letter, name, initial;
        Era era;
    };
    static constexpr std::array<Spelling, 5> SPELLINGS { {
        { U"M", U"明治", U"明", Era::Meiji },
        { U"T", U"大正", U"大", Era::Taisho },
        { U"S", U"昭和", U"昭", Era::Showa },
        { U"H", U"平成", U"平", Era::Heisei },
        { U"R", U"令和", U"令", Era::Reiwa },
    } };
    for (const Spelling& spelling : SPELLINGS) {
        if (prefix == spelling.letter || prefix == spelling.name || prefix == spelling.initial) {
            return spelling.era;
        }
    }
    return std::nullopt;
}

Result<Date, DateParseError> westernDate(const Fields& fields)
{
    if (fields.year.digits != 4 || !monthAndDayWellFormed(fields)) {
        return parseError(Kind::Malformed,
            "a Western date needs a 4-digit year, e.g. 2025-04-01; a shorter year needs an era");
    }
    const Date date { fields.year.value, fields.month.value, fields.day.value };
    if (!date.isValid()) {
        return parseError(Kind::NotARealDate, "no such day in the calendar");
    }
    if (!date.isSupported()) {
        return parseError(Kind::OutOfSupportedRange,
            "supported dates are 1873-01-01 (明治6年1月1日) to 2100-12-31");
    }
    return date;
}

} // namespace

Result<Date, DateParseError> parseDateInput(std::string_view input)
{
    const std::optional<std::u32string> decoded = text::decodeUtf8(input);
    if (!decoded) {
        return parseError(Kind::Malformed, "the text is not valid UTF-8");
    }
    const std::u32string prepared = prepare(*decoded);
    if (prepared.empty()) {
        return parseError(Kind::Empty, "no date was entered");
    }

    std::size_t bodyStart = 0;
    while (bodyStart < prepared.size() && !isAsciiDigit(prepared[bodyStart])
        && prepared[bodyStart] != U'元') {
        ++bodyStart;
    }
    const std::u32string_view prefix = std::u32string_view(prepared).substr(0, bodyStart);
    const std::optional<std::vector<Token>> tokens
        = tokenize(std::u32string_view(prepared).substr(bodyStart));
    if (!tokens) {
        return parseError(Kind::Malformed, "unexpected characters; use e.g. R7.4.1 or 2025-04-01");
    }

    const bool western = prefix.empty() || prefix == U"西暦";
    const std::optional<Era> era = western ? std::nullopt : eraFromPrefix(prefix);
    std::optional<Fields> fields = matchSeparated(*tokens);
    if (!fields) {
        fields = matchCompact(*tokens, western ? 4 : 2);
    }
    if (!fields) {
        return parseError(
            Kind::Malformed, "not a date layout; use e.g. R7.4.1, 令和7年4月1日 or 2025-04-01");
    }
    if (western) {
        return westernDate(*fields);
    }
    if (!era) {
        return parseError(Kind::UnknownEra, "known eras: M 明治, T 大正, S 昭和, H 平成, R 令和");
    }
    if (!monthAndDayWellFormed(*fields)) {
        return parseError(Kind::Malformed, "month and day take 1 or 2 digits");
    }
    return fromWareki(
        WarekiDate { *era, fields->year.value, fields->month.value, fields->day.value });
}

} // namespace kakanai::forms
