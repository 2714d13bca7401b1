// Private UTF-8 helpers shared by the Japanese text utilities (wareki, kana, formats).
// Decoding is strict (ICU's U8_NEXT: no overlongs, no surrogates); the lossy variant puts
// U+FFFD where a sequence is ill-formed, as the WHATWG decoder does.
//
// Errors: decodeUtf8 returns std::nullopt for ill-formed input; nothing here throws except
// std::bad_alloc.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kakanai::forms::text {

/** The code points of `utf8`, or nullopt if it is not well-formed UTF-8. */
std::optional<std::u32string> decodeUtf8(std::string_view utf8);

/** The code points of `utf8`, with U+FFFD for each ill-formed sequence. */
std::u32string decodeUtf8Lossy(std::string_view utf8);

void appendUtf8(std::string& out, char32_t codePoint);
std::string encodeUtf8(std::u32string_view codePoints);

/** Unicode normalisation through ICU (NFC, NFKC or NFKC_Casefold). */
enum class NormalForm
{
    Nfc,
    Nfkc,
    NfkcCasefold,
};
std::u32string normalize(std::u32string_view codePoints, NormalForm form);

/** The canonical composite of `base` + `mark` (カ + U+3099 → ガ), or nullopt if none exists. */
std::optional<char32_t> composePair(char32_t base, char32_t mark);

/** Base and combining mark of a canonical pair (ガ → カ, U+3099), or nullopt. */
std::optional<std::pair<char32_t, char32_t>> decomposePair(char32_t composite);

} // namespace kakanai::forms::text
