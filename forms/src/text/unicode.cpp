#include "text/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <stdexcept>

namespace kakanai::forms::text {

namespace {

const icu::Normalizer2& normalizer(NormalForm form)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = nullptr;
    switch (form) {
    case NormalForm::Nfc:
        instance = icu::Normalizer2::getNFCInstance(status);
        break;
    case NormalForm::Nfkc:
        instance = icu::Normalizer2::getNFKCInstance(status);
        break;
    case NormalForm::NfkcCasefold:
        instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
        break;
    }
    // The normalisation data is built into libicudata; failing to load it is a broken install,
    // not bad input, hence an exception.
    if (U_FAILURE(status) || instance == nullptr) {
        throw std::runtime_error(std::string("ICU normalizer unavailable: ") + u_errorName(status));
    }
    return *instance;
}

icu::UnicodeString toIcu(std::u32string_view codePoints)
{
    icu::UnicodeString result;
    for (char32_t c : codePoints) {
        result.append(static_cast<UChar32>(c));
    }
    return result;
}

} // namespace

std::optional<std::u32string> decodeUtf8(std::string_view utf8)
{
    std::u32string result;
    result.reserve(utf8.size());
    if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) {
        return std::nullopt; // beyond ICU's int32_t indexes; no form field is this long
    }
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) {
            return std::nullopt;
        }
        result.push_back(static_cast<char32_t>(c));
    }
    return result;
}

std::u32string decodeUtf8Lossy(std::string_view utf8)
{
    std::u32string result;
    result.reserve(utf8.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    // Views longer than 2 GiB are cut short rather than overflowing ICU's int32_t indexes.
    const auto length = static_cast<int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX));
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT_OR_FFFD(bytes, i, length, c);
        result.push_back(static_cast<char32_t>(c));
    }
    return result;
}

void appendUtf8(std::string& out, char32_t codePoint)
{
    if (codePoint < 0x80) {
        out.push_back(static_cast<char>(codePoint));
    } else if (codePoint < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (codePoint >> 6)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (codePoint >> 12)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (codePoint >> 18)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    }
}

std::string encodeUtf8(std::u32string_view codePoints)
{
    std::string result;
    result.reserve(codePoints.size() * 3);
    for (char32_t c : codePoints) {
        appendUtf8(result, c);
    }
    return result;
}

std::u32string normalize(std::u32string_view codePoints, NormalForm form)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = normalizer(form).normalize(toIcu(codePoints), status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU normalize failed: ") + u_errorName(status));
    }
    std::u32string result;
    result.reserve(static_cast<std::size_t>(normalized.length()));
    for (int32_t i = 0; i < normalized.length(); i = normalized.moveIndex32(i, 1)) {
        result.push_back(static_cast<char32_t>(normalized.char32At(i)));
    }
    return result;
}

std::optional<char32_t> composePair(char32_t base, char32_t mark)
{
    const UChar32 composite
        = normalizer(NormalForm::Nfc)
              .composePair(static_cast<UChar32>(base), static_cast<UChar32>(mark));
    if (composite < 0) {
        return std::nullopt;
    }
    return static_cast<char32_t>(composite);
}

std::optional<std::pair<char32_t, char32_t>> decomposePair(char32_t composite)
{
    icu::UnicodeString parts;
    if (!normalizer(NormalForm::Nfc).getRawDecomposition(static_cast<UChar32>(composite), parts)
        || parts.countChar32() != 2) {
        return std::nullopt;
    }
    const UChar32 base = parts.char32At(0);
    const UChar32 mark = parts.char32At(parts.moveIndex32(0, 1));
    return std::pair { static_cast<char32_t>(base), static_cast<char32_t>(mark) };
}

} // namespace kakanai::forms::text
