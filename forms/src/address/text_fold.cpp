#include "address/text_fold.hpp"

#include <fstream>

namespace kakanai::forms::address {

namespace {

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0U) == 0x80U;
}

// Decodes one code point at `pos`; returns its length in bytes, or 0 if invalid.
std::size_t decodeOne(std::string_view text, std::size_t pos, char32_t& out)
{
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead < 0x80U) {
        out = lead;
        return 1;
    } else if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        value = lead & 0x1FU;
        minimum = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        value = lead & 0x0FU;
        minimum = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        value = lead & 0x07U;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (text.size() - pos < length) {
        return 0;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if (!isContinuation(byte)) {
            return 0;
        }
        value = (value << 6U) | (byte & 0x3FU);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return 0;
    }
    out = value;
    return length;
}

} // namespace

char32_t foldChar(char32_t c) noexcept
{
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) {
        return 0;
    }
    switch (c) {
    case U'\u30F6': // ヶ
    case U'\uFF79': // ｹ
        return U'\u30B1'; // ケ
    case U'\u30F5': // ヵ
        return U'\u30AB'; // カ
    case U'\u6AAE': // 檮
        return U'\u68BC'; // 梼
    case U'\u60E0': // 惠
        return U'\u6075'; // 恵
    case U'\u6A9C': // 檜
        return U'\u6867'; // 桧
    case U'\u7AC8': // 竈
        return U'\u91DC'; // 釜
    case U'\u9F8D': // 龍
        return U'\u7ADC'; // 竜
    case U'\uFA11': // 﨑
        return U'\u5D0E'; // 崎
    case U'\u9AD9': // 髙
        return U'\u9AD8'; // 高
    default:
        return c;
    }
}

std::optional<FoldedText> foldText(std::string_view text)
{
    FoldedText folded;
    folded.chars.reserve(text.size() / 3 + 1);
    folded.ends.reserve(text.size() / 3 + 1);
    std::size_t pos = 0;
    while (pos < text.size()) {
        char32_t c = 0;
        const std::size_t length = decodeOne(text, pos, c);
        if (length == 0) {
            return std::nullopt;
        }
        pos += length;
        const char32_t f = foldChar(c);
        if (f == 0) {
            if (!folded.ends.empty()) {
                folded.ends.back() = pos; // the selector belongs to the character before it
            }
            continue;
        }
        folded.chars.push_back(f);
        folded.ends.push_back(pos);
    }
    return folded;
}

std::u32string foldName(std::string_view text)
{
    auto folded = foldText(text);
    return folded ? std::move(folded->chars) : std::u32string {};
}

std::size_t leadingSpaces(std::string_view text) noexcept
{
    static constexpr std::string_view ideographicSpace = "\xE3\x80\x80"; // U+3000
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text[pos] == ' ') {
            ++pos;
        } else if (text.substr(pos, 3) == ideographicSpace) {
            pos += 3;
        } else {
            break;
        }
    }
    return pos;
}

bool isDigits(std::string_view text, std::size_t count) noexcept
{
    if (text.size() != count) {
        return false;
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

std::optional<std::string> readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) {
        return std::nullopt;
    }
    in.seekg(0, std::ios::beg);
    std::string content(static_cast<std::size_t>(size), '\0');
    if (!in.read(content.data(), size)) {
        return std::nullopt;
    }
    return content;
}

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        start = next;
    }
    return lines;
}

std::vector<std::string_view> splitFields(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = line.find(',', start);
        if (comma == std::string_view::npos) {
            fields.push_back(line.substr(start));
            return fields;
        }
        fields.push_back(line.substr(start, comma - start));
        start = comma + 1;
    }
}

} // namespace kakanai::forms::address
