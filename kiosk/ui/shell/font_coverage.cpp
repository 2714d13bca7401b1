#include "font_coverage.hpp"

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include "imstb_truetype.h"

#include <fstream>
#include <iterator>

namespace kakanai::kiosk::ui {

struct FontCoverage::Impl
{
    struct Loaded
    {
        std::vector<unsigned char> data;
        int index = 0;
        stbtt_fontinfo info {};
    };
    std::vector<std::unique_ptr<Loaded>> faces;
};

std::vector<FontFace> defaultFontFaces()
{
    return {
        { "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0 }, // 0 = Noto Sans CJK JP
        { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0 },
    };
}

FontCoverage::FontCoverage(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

FontCoverage::~FontCoverage() = default;

Result<std::shared_ptr<const FontCoverage>, std::string> FontCoverage::load(
    const std::vector<FontFace>& faces)
{
    auto impl = std::make_unique<Impl>();
    for (std::size_t i = 0; i < faces.size(); ++i) {
        const FontFace& face = faces[i];
        auto loaded = std::make_unique<Impl::Loaded>();
        std::ifstream in(face.file, std::ios::binary);
        if (in) {
            loaded->data.assign(std::istreambuf_iterator<char>(in), {});
        }
        const int offset = loaded->data.empty()
            ? -1
            : stbtt_GetFontOffsetForIndex(loaded->data.data(), face.index);
        if (offset < 0 || !stbtt_InitFont(&loaded->info, loaded->data.data(), offset)) {
            if (i == 0) {
                return fail("cannot load font " + face.file.string() + " (face "
                    + std::to_string(face.index) + "); install fonts-noto-cjk");
            }
            continue; // a fallback that is not installed
        }
        loaded->index = face.index;
        impl->faces.push_back(std::move(loaded));
    }
    return std::shared_ptr<const FontCoverage>(new FontCoverage(std::move(impl)));
}

int FontCoverage::faceFor(char32_t codepoint) const
{
    for (std::size_t i = 0; i < m_impl->faces.size(); ++i) {
        if (stbtt_FindGlyphIndex(&m_impl->faces[i]->info, static_cast<int>(codepoint)) != 0) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::size_t FontCoverage::faceCount() const
{
    return m_impl->faces.size();
}

const std::vector<unsigned char>& FontCoverage::fileData(std::size_t i) const
{
    return m_impl->faces.at(i)->data;
}

int FontCoverage::faceIndex(std::size_t i) const
{
    return m_impl->faces.at(i)->index;
}

std::u32string decodeUtf8(std::string_view text)
{
    std::u32string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        int length = byte < 0x80  ? 1
            : (byte >> 5) == 0x6  ? 2
            : (byte >> 4) == 0xE  ? 3
            : (byte >> 3) == 0x1E ? 4
                                  : 0;
        char32_t cp = length == 1 ? byte
            : length == 2         ? byte & 0x1F
            : length == 3         ? byte & 0x0F
                                  : byte & 0x07;
        bool valid = length > 0 && i + length <= text.size();
        for (int k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            valid = (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3F);
        }
        if (!valid || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(length);
    }
    return out;
}

std::string encodeUtf8(char32_t cp)
{
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

} // namespace kakanai::kiosk::ui
