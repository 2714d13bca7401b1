// My Number, postal code and phone number checks. Input is first reduced to ASCII digits, '-'
// and ' ' by a small explicit mapping (not NFKC: NFKC would also accept ① or ² as digits).
#include "kakanai/forms/formats.hpp"
#include "text/unicode.hpp"

#include <array>
#include <vector>

namespace kakanai::forms {

namespace {

using Kind = FieldFormatError::Kind;

Failure<FieldFormatError> formatError(Kind kind, std::string detail)
{
    return fail(FieldFormatError { kind, std::move(detail) });
}

bool isHyphenLike(char32_t c)
{
    return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D
        || c == 0x30FC || c == 0xFF70;
}

bool isSpaceLike(char32_t c)
{
    return c == U' ' || c == U'\t' || c == 0x3000;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/**
 * `input` as ASCII digits, '-' and ' ', with spaces at both ends removed. SecureString because
 * the same path carries My Numbers.
 */
Result<SecureString, FieldFormatError> simplify(std::string_view input)
{
    const std::optional<std::u32string> decoded = text::decodeUtf8(input);
    if (!decoded) {
        return formatError(Kind::InvalidCharacter, "the text is not valid UTF-8");
    }
    SecureString result;
    result.reserve(32 + decoded->size());
    for (std::size_t i = 0; i < decoded->size(); ++i) {
        const char32_t c = (*decoded)[i];
        if (c >= U'0' && c <= U'9') {
            result.push_back(static_cast<char>(c));
        } else if (c >= 0xFF10 && c <= 0xFF19) {
            result.push_back(static_cast<char>(c - 0xFF10 + U'0'));
        } else if (isHyphenLike(c)) {
            result.push_back('-');
        } else if (isSpaceLike(c)) {
            result.push_back(' ');
        } else {
            return formatError(Kind::InvalidCharacter,
                "character " + std::to_string(i + 1) + " is not a digit, hyphen or space");
        }
    }
    const std::size_t first = result.find_first_not_of(' ');
    if (first == SecureString::npos) {
        return formatError(Kind::Empty, "nothing was entered");
    }
    const std::size_t last = result.find_last_not_of(' ');
    // Shifting within the buffer keeps the digits in zeroing storage.
    result.erase(last + 1);
    result.erase(0, first);
    return result;
}

/**
 * Digit groups split at separators ('-', ' '); nullopt if a separator starts or ends the text or
 * a run of separators holds more than one hyphen ("03--1234"). "03 - 1234" is two groups.
 */
std::optional<std::vector<std::string_view>> splitGroups(std::string_view text)
{
    std::vector<std::string_view> groups;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        while (i < text.size() && isDigit(text[i])) {
            ++i;
        }
        if (i == start) {
            return std::nullopt; // leading separator
        }
        groups.push_back(text.substr(start, i - start));
        const std::size_t separatorStart = i;
        int hyphens = 0;
        while (i < text.size() && !isDigit(text[i])) {
            hyphens += text[i] == '-' ? 1 : 0;
            ++i;
        }
        if (hyphens > 1 || (i == text.size() && i != separatorStart)) {
            return std::nullopt;
        }
    }
    return groups;
}

std::string joinDigits(const std::vector<std::string_view>& groups, std::string_view separator)
{
    std::string result;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        result += (i == 0 ? std::string_view() : separator);
        result += groups[i];
    }
    return result;
}

struct PhonePrefix
{
    std::string_view prefix;
    PhoneKind kind;
    std::size_t length;
};

// Longer prefixes first: 0800 is free dial but 080 is mobile, 0120 is free dial but 012x is an
// area code, and so on. Lengths from the 総務省 電気通信番号計画.
constexpr std::array<PhonePrefix, 12> PHONE_PREFIXES { {
    { "0120", PhoneKind::FreeDial, 10 },
    { "0800", PhoneKind::FreeDial, 11 },
    { "0570", PhoneKind::Other, 10 },
    { "0180", PhoneKind::Other, 10 },
    { "0990", PhoneKind::Other, 10 },
    { "020", PhoneKind::Other, 11 },
    { "050", PhoneKind::IpPhone, 11 },
    { "060", PhoneKind::Other, 11 },
    { "070", PhoneKind::Mobile, 11 },
    { "080", PhoneKind::Mobile, 11 },
    { "090", PhoneKind::Mobile, 11 },
    { "0", PhoneKind::Landline, 10 },
} };

} // namespace

Result<SecureString, FieldFormatError> parseMyNumber(std::string_view input)
{
    Result<SecureString, FieldFormatError> simple = simplify(input);
    if (!simple) {
        return simple.failure();
    }
    const std::optional<std::vector<std::string_view>> groups = splitGroups(*simple);
    if (!groups) {
        return formatError(Kind::Malformed, "hyphens or spaces only between digits");
    }
    SecureString digits;
    digits.reserve(32); // on the heap from the start, so no copy is left in the inline buffer
    for (std::string_view group : *groups) {
        digits.append(group.data(), group.size());
    }
    if (digits.size() != 12) {
        return formatError(
            Kind::WrongLength, "a My Number has 12 digits, not " + std::to_string(digits.size()));
    }
    if (!isValidMyNumber(std::string_view(digits.data(), digits.size()))) {
        return formatError(Kind::CheckDigitMismatch, "the last digit is not the check digit");
    }
    return digits;
}

Result<std::string, FieldFormatError> parsePostalCode(std::string_view input)
{
    std::string_view rest = input;
    constexpr std::string_view POSTAL_MARK = "〒";
    constexpr std::string_view IDEOGRAPHIC_SPACE = "\u3000";
    while (rest.starts_with(' ') || rest.starts_with(IDEOGRAPHIC_SPACE)) {
        rest.remove_prefix(rest.starts_with(' ') ? 1 : IDEOGRAPHIC_SPACE.size());
    }
    if (rest.starts_with(POSTAL_MARK)) {
        rest.remove_prefix(POSTAL_MARK.size());
    }
    Result<SecureString, FieldFormatError> simple = simplify(rest);
    if (!simple) {
        return simple.failure();
    }
    const std::string text(simple->begin(), simple->end());
    std::size_t digitCount = 0;
    for (char c : text) {
        digitCount += isDigit(c) ? 1 : 0;
    }
    if (digitCount != 7) {
        return formatError(
            Kind::WrongLength, "a postal code has 7 digits, not " + std::to_string(digitCount));
    }
    if (text.size() == 7) {
        return text.substr(0, 3) + "-" + text.substr(3);
    }
    if (text.size() == 8 && text[3] == '-') {
        return text;
    }
    return formatError(Kind::Malformed, "write a postal code as 1000013 or 100-0013");
}

Result<PhoneNumber, FieldFormatError> parsePhoneNumber(std::string_view input)
{
    Result<SecureString, FieldFormatError> simple = simplify(input);
    if (!simple) {
        return simple.failure();
    }
    const std::string text(simple->begin(), simple->end());
    const std::optional<std::vector<std::string_view>> groups = splitGroups(text);
    if (!groups || groups->size() > 3) {
        return formatError(
            Kind::Malformed, "use digits with at most two hyphens between them, e.g. 03-1234-5678");
    }
    PhoneNumber phone;
    phone.digits = joinDigits(*groups, "");
    phone.display = joinDigits(*groups, "-");
    if (phone.digits.size() < 2 || phone.digits[0] != '0' || phone.digits[1] == '0'
        || phone.digits.starts_with("010")) {
        return formatError(Kind::UnknownPrefix,
            "a domestic number starts with 0 and a digit 1-9 (not 00 or 010; write +81 as 0)");
    }
    if (groups->size() > 1 && (groups->front().size() < 2 || groups->front().size() > 5)) {
        return formatError(Kind::Malformed, "the first group (area code or prefix) has 2-5 digits");
    }
    for (const PhonePrefix& prefix : PHONE_PREFIXES) {
        if (phone.digits.starts_with(prefix.prefix)) {
            if (phone.digits.size() != prefix.length) {
                return formatError(Kind::WrongLength,
                    "numbers starting " + std::string(prefix.prefix) + " have "
                        + std::to_string(prefix.length) + " digits, not "
                        + std::to_string(phone.digits.size()));
            }
            phone.kind = prefix.kind;
            break;
        }
    }
    return phone;
}

} // namespace kakanai::forms
