// Kana and character-width utilities for names, readings (フリガナ) and typed text.
//
// Stored values keep the characters the resident or the card gave; normalizeForComparison is
// for comparing only. Width conversion covers ASCII (U+0021–U+007E ⇄ U+FF01–U+FF5E, space ⇄
// U+3000) and the JIS X 0201 kana block (half-width U+FF61–U+FF9F ⇄ katakana and 。「」、・ー゛゜),
// composing ｶﾞ → ガ and ﾊﾟ → パ; every other character passes through unchanged.
//
// Errors: furiganaFromInput returns a FuriganaError of kind
//   Empty        nothing but spaces;
//   InvalidUtf8  the bytes are not UTF-8;
//   NotKatakana  a character outside the accepted set (see isKatakanaText), with its position.
// The string-returning functions never fail: an ill-formed UTF-8 sequence becomes U+FFFD
// (call isValidUtf8 first where that matters). isKatakanaText returns false for ill-formed
// input. Nothing throws for bad input.
#pragma once

#include "kakanai/base/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace kakanai::forms {

/** True if `text` is well-formed UTF-8 (no overlongs, surrogates or truncated sequences). */
bool isValidUtf8(std::string_view text);

/**
 * NFKC with case folding (ICU NFKC_Casefold): "ＡＢＣ", "abc" and "ABC" compare equal, as do
 * "ｶﾞ" and "ガ", "㈱" and "(株)", and U+3000 and a space. Hiragana and katakana stay distinct.
 */
std::string normalizeForComparison(std::string_view utf8);

/** ASCII → full-width forms, space → U+3000, half-width katakana → katakana ("ｶﾞ" → "ガ"). */
std::string toFullWidth(std::string_view utf8);

/**
 * Full-width ASCII forms → ASCII, U+3000 → space, katakana → half-width ("ガ" → "ｶﾞ").
 * Katakana with no half-width form (ヮ ヰ ヱ ヵ ヶ ヽ ヾ) stay full-width.
 */
std::string toHalfWidth(std::string_view utf8);

/** ぁ–ゖ → ァ–ヶ (incl. ゔ → ヴ), ゝゞ → ヽヾ; everything else unchanged. */
std::string hiraganaToKatakana(std::string_view utf8);

/**
 * True if `utf8` is non-empty, contains at least one katakana letter, and contains only
 * full-width katakana letters ァ–ヶ (U+30A1–U+30F6: incl. ヴ and the small kana
 * ァィゥェォッャュョヮヵヶ), the prolonged sound mark ー, the middle dot ・ and the
 * ideographic space U+3000. Rejects hiragana, kanji, half-width kana, ASCII (incl. the
 * ASCII space), ヷヸヹヺ and the iteration marks ヽヾ.
 */
bool isKatakanaText(std::string_view utf8);

struct FuriganaError
{
    enum class Kind
    {
        Empty,
        InvalidUtf8,
        NotKatakana,
    };
    Kind kind = Kind::NotKatakana;
    /** NotKatakana: the first rejected character and its code-point index in the converted text. */
    char32_t character = 0;
    std::size_t position = 0;
    /** English, for logs; names the character class ("a kanji"), never the character itself. */
    std::string detail;
};

/**
 * Turns a typed reading into the stored フリガナ: NFC (so decomposed カ + U+3099 becomes ガ),
 * hiragana → katakana, half-width → full-width, spaces trimmed and each run of spaces made one
 * U+3000; then validates with isKatakanaText. "やまだ たろう" → "ヤマダ　タロウ".
 */
Result<std::string, FuriganaError> furiganaFromInput(std::string_view utf8);

} // namespace kakanai::forms
