// Internal helpers of the address code: UTF-8 decoding, the character folding used to compare
// municipality and town names, and line/column splitting of the simple CSV files in config/data.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::forms::address {

/** Text decoded and folded for matching, remembering where each folded character ends in the
 *  original bytes (so a match can be cut out of the input verbatim). */
struct FoldedText
{
    std::u32string chars;
    std::vector<std::size_t> ends; ///< ends[i]: byte offset just after chars[i] (and its IVS)
};

/** Folds one code point for matching: ヶ→ケ, ヵ→カ, ｹ→ケ, 檮→梼, 惠→恵, 檜→桧, 竈→釜, 龍→竜, 﨑→崎,
 *  髙→高; returns 0 for a variation selector (to be skipped). */
char32_t foldChar(char32_t c) noexcept;

/** Decodes strict UTF-8 (no overlongs, surrogates or values past U+10FFFF) and folds it;
 *  std::nullopt if `text` is not valid UTF-8. */
std::optional<FoldedText> foldText(std::string_view text);

/** foldText(text).chars, or an empty string if `text` is not valid UTF-8. */
std::u32string foldName(std::string_view text);

/** Number of bytes of leading U+0020 / U+3000 spaces in `text`. */
std::size_t leadingSpaces(std::string_view text) noexcept;

/** True if `text` is `count` ASCII digits. */
bool isDigits(std::string_view text, std::size_t count) noexcept;

/** Reads a whole file; std::nullopt if it cannot be opened or read. */
std::optional<std::string> readFile(const std::filesystem::path& path);

/** Splits `text` into lines (LF or CRLF; a final line without LF counts). */
std::vector<std::string_view> splitLines(std::string_view text);

/** Splits one CSV line on commas (the data files use no quoting). */
std::vector<std::string_view> splitFields(std::string_view line);

} // namespace kakanai::forms::address
