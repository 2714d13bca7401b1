// Kana and width conversion. The half-width katakana table is our own (JIS X 0201 order) rather
// than ICU's Halfwidth-Fullwidth transliterator: it is a fixed 63-entry mapping, the tests check
// it against ICU's NFKC data, and a table keeps the sound marks' handling explicit
// (ｶﾞ → ガ, but a stray ﾞ → ゛ instead of a combining mark that would attach to anything).
#include "kakanai/forms/kana.hpp"
#include "text/unicode.hpp"

#include <unicode/uchar.h>

#include <array>

namespace kakanai::forms {

namespace {

constexpr char32_t HALF_KANA_FIRST = 0xFF61; // ｡
constexpr char32_t HALF_KANA_LAST = 0xFF9F; // ﾟ
constexpr char32_t HALF_VOICED = 0xFF9E; // ﾞ
constexpr char32_t HALF_SEMI_VOICED = 0xFF9F; // ﾟ
constexpr char32_t COMBINING_VOICED = 0x3099;
constexpr char32_t COMBINING_SEMI_VOICED = 0x309A;
constexpr char32_t IDEOGRAPHIC_SPACE = 0x3000;

// Full-width counterparts of U+FF61..U+FF9F; the last two are the spacing sound marks.
constexpr std::array<char16_t, HALF_KANA_LAST - HALF_KANA_FIRST + 1> HALF_TO_FULL { u'。', u'「',
    u'」', u'、', u'・', u'ヲ', u'ァ', u'ィ', u'ゥ', u'ェ', u'ォ', u'ャ', u'ュ', u'ョ', u'ッ',
    u'ー', u'ア', u'イ', u'ウ', u'エ', u'オ', u'カ', u'キ', u'ク', u'ケ', u'コ', u'サ', u'シ',
    u'ス', u'セ', u'ソ', u'タ', u'チ', u'ツ', u'テ', u'ト', u'ナ', u'ニ', u'ヌ', u'ネ', u'ノ',
    u'ハ', u'ヒ', u'フ', u'ヘ', u'ホ', u'マ', u'ミ', u'ム', u'メ', u'モ', u'ヤ', u'ユ', u'ヨ',
    u'ラ', u'リ', u'ル', u'レ', u'ロ', u'ワ', u'ン', u'゛', u'゜' };

bool isHalfWidthKana(char32_t c)
{
    return c >= HALF_KANA_FIRST && c <= HALF_KANA_LAST;
}

std::optional<char32_t> fullToHalfKana(char32_t c)
{
    if (c == COMBINING_VOICED) {
        return HALF_VOICED;
    }
    if (c == COMBINING_SEMI_VOICED) {
        return HALF_SEMI_VOICED;
    }
    for (std::size_t i = 0; i < HALF_TO_FULL.size(); ++i) {
        if (HALF_TO_FULL[i] == c) {
            return HALF_KANA_FIRST + static_cast<char32_t>(i);
        }
    }
    return std::nullopt;
}

std::u32string fullWidthCodePoints(std::u32string_view input)
{
    std::u32string result;
    result.reserve(input.size());
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char32_t c = input[i];
        if (c == U' ') {
            result.push_back(IDEOGRAPHIC_SPACE);
        } else if (c >= 0x21 && c <= 0x7E) {
            result.push_back(c - 0x21 + 0xFF01);
        } else if (isHalfWidthKana(c) && c != HALF_VOICED && c != HALF_SEMI_VOICED) {
            const char32_t base = HALF_TO_FULL[c - HALF_KANA_FIRST];
            const char32_t next = i + 1 < input.size() ? input[i + 1] : 0;
            // ICU's canonical composition knows exactly which kana take which mark.
            std::optional<char32_t> composed;
            if (next == HALF_VOICED || next == HALF_SEMI_VOICED) {
                composed = text::composePair(
                    base, next == HALF_VOICED ? COMBINING_VOICED : COMBINING_SEMI_VOICED);
            }
            result.push_back(composed.value_or(base));
            i += composed ? 1 : 0;
        } else if (isHalfWidthKana(c)) {
            result.push_back(HALF_TO_FULL[c - HALF_KANA_FIRST]); // a mark with nothing to join
        } else {
            result.push_back(c);
        }
    }
    return result;
}

std::u32string hiraganaToKatakanaCodePoints(std::u32string_view input)
{
    std::u32string result(input);
    for (char32_t& c : result) {
        if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E) {
            c += 0x60; // the two blocks are laid out in parallel
        }
    }
    return result;
}

bool isKatakanaLetter(char32_t c)
{
    return c >= 0x30A1 && c <= 0x30F6;
}

bool isAcceptedInKatakanaText(char32_t c)
{
    return isKatakanaLetter(c) || c == U'ー' || c == U'・' || c == IDEOGRAPHIC_SPACE;
}

/** The first rejected code point's index, or npos if all are accepted. */
std::size_t firstNonKatakana(std::u32string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!isAcceptedInKatakanaText(text[i])) {
            return i;
        }
    }
    return std::u32string_view::npos;
}

bool hasKatakanaLetter(std::u32string_view text)
{
    for (char32_t c : text) {
        if (isKatakanaLetter(c)) {
            return true;
        }
    }
    return false;
}

/** A class name for error details: logs may not carry a resident's characters. */
std::string describeCharacter(char32_t c)
{
    const auto cp = static_cast<UChar32>(c);
    if (c >= 0x3041 && c <= 0x309F) {
        return "a hiragana character";
    }
    if (isHalfWidthKana(c) || (c >= 0x30A0 && c <= 0x30FF)) {
        return "a katakana sign that names do not use";
    }
    if (u_hasBinaryProperty(cp, UCHAR_IDEOGRAPHIC)) {
        return "a kanji";
    }
    if (u_isalpha(cp)) {
        return "a letter";
    }
    if (u_isdigit(cp)) {
        return "a digit";
    }
    if (u_isUWhiteSpace(cp)) {
        return "a space other than U+3000";
    }
    return "a symbol or other character";
}

/** Trims spaces (any Unicode white space) and turns each inner run into one U+3000. */
std::u32string collapseSpaces(std::u32string_view input)
{
    std::u32string result;
    bool pendingSpace = false;
    for (char32_t c : input) {
        if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
            pendingSpace = !result.empty();
            continue;
        }
        if (pendingSpace) {
            result.push_back(IDEOGRAPHIC_SPACE);
            pendingSpace = false;
        }
        result.push_back(c);
    }
    return result;
}

} // namespace

bool isValidUtf8(std::string_view text)
{
    return text::decodeUtf8(text).has_value();
}

std::string normalizeForComparison(std::string_view utf8)
{
    return text::encodeUtf8(
        text::normalize(text::decodeUtf8Lossy(utf8), text::NormalForm::NfkcCasefold));
}

std::string toFullWidth(std::string_view utf8)
{
    return text::encodeUtf8(fullWidthCodePoints(text::decodeUtf8Lossy(utf8)));
}

std::string toHalfWidth(std::string_view utf8)
{
    std::u32string result;
    for (char32_t c : text::decodeUtf8Lossy(utf8)) {
        if (c == IDEOGRAPHIC_SPACE) {
            result.push_back(U' ');
        } else if (c >= 0xFF01 && c <= 0xFF5E) {
            result.push_back(c - 0xFF01 + 0x21);
        } else if (const std::optional<char32_t> half = fullToHalfKana(c)) {
            result.push_back(*half);
        } else if (const auto pair = text::decomposePair(c);
                   pair && fullToHalfKana(pair->first) && fullToHalfKana(pair->second)) {
            // ガ → ｶﾞ; ヸ (ヰ + ﾞ) fails the first test and stays full-width, as documented.
            result.push_back(*fullToHalfKana(pair->first));
            result.push_back(*fullToHalfKana(pair->second));
        } else {
            result.push_back(c);
        }
    }
    return text::encodeUtf8(result);
}

std::string hiraganaToKatakana(std::string_view utf8)
{
    return text::encodeUtf8(hiraganaToKatakanaCodePoints(text::decodeUtf8Lossy(utf8)));
}

bool isKatakanaText(std::string_view utf8)
{
    const std::optional<std::u32string> decoded = text::decodeUtf8(utf8);
    return decoded && hasKatakanaLetter(*decoded)
        && firstNonKatakana(*decoded) == std::u32string_view::npos;
}

Result<std::string, FuriganaError> furiganaFromInput(std::string_view utf8)
{
    using Kind = FuriganaError::Kind;
    const std::optional<std::u32string> decoded = text::decodeUtf8(utf8);
    if (!decoded) {
        return fail(FuriganaError { Kind::InvalidUtf8, 0, 0, "the text is not valid UTF-8" });
    }
    // NFC before the per-character steps so that a decomposed か + U+3099 arrives as が.
    const std::u32string composed = text::normalize(*decoded, text::NormalForm::Nfc);
    const std::u32string katakana
        = collapseSpaces(fullWidthCodePoints(hiraganaToKatakanaCodePoints(composed)));
    if (katakana.empty()) {
        return fail(FuriganaError { Kind::Empty, 0, 0, "no reading was entered" });
    }
    if (const std::size_t bad = firstNonKatakana(katakana); bad != std::u32string_view::npos) {
        return fail(FuriganaError { Kind::NotKatakana, katakana[bad], bad,
            "character " + std::to_string(bad + 1) + " is " + describeCharacter(katakana[bad])
                + "; readings are written in katakana" });
    }
    if (!hasKatakanaLetter(katakana)) {
        return fail(FuriganaError { Kind::NotKatakana, katakana.front(), 0,
            "a reading needs at least one katakana letter" });
    }
    return text::encodeUtf8(katakana);
}

} // namespace kakanai::forms
