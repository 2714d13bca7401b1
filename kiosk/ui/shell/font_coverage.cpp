#include "font_coverage.hpp"

#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include "imstb_truetype.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mutex>

namespace kakanai::kiosk::ui {

namespace {

/** A whole file mapped read-only; empty when it cannot be opened or mapped. */
class MappedFile
{
public:
    explicit MappedFile(const std::filesystem::path& file)
    {
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            return;
        }
        struct stat info
        {
        };
        if (::fstat(fd, &info) == 0 && info.st_size > 0) {
            void* at = ::mmap(
                nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (at != MAP_FAILED) {
                // Glyphs are read here and there: no read-ahead and no 2 MB mappings, so only
                // the pages actually read become resident.
                ::madvise(at, static_cast<std::size_t>(info.st_size), MADV_RANDOM);
                ::madvise(at, static_cast<std::size_t>(info.st_size), MADV_NOHUGEPAGE);
                m_data = static_cast<const unsigned char*>(at);
                m_size = static_cast<std::size_t>(info.st_size);
            }
        }
        ::close(fd);
    }
    ~MappedFile()
    {
        if (m_data) {
            ::munmap(const_cast<unsigned char*>(m_data), m_size);
        }
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::span<const unsigned char> bytes() const { return { m_data, m_size }; }

private:
    const unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace

struct FontCoverage::Impl
{
    struct Loaded
    {
        explicit Loaded(const std::filesystem::path& file)
            : mapped(file)
        {
        }
        MappedFile mapped;
        int index = 0;
        stbtt_fontinfo info {};
        std::once_flag copied;
        std::vector<unsigned char> copy; // fileData()
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
        auto loaded = std::make_unique<Impl::Loaded>(face.file);
        const auto data = loaded->mapped.bytes();
        const int offset = data.empty() ? -1 : stbtt_GetFontOffsetForIndex(data.data(), face.index);
        if (offset < 0 || !stbtt_InitFont(&loaded->info, data.data(), offset)) {
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

std::span<const unsigned char> FontCoverage::bytes(std::size_t i) const
{
    return m_impl->faces.at(i)->mapped.bytes();
}

std::optional<GlyphBitmap> FontCoverage::rasterize(
    std::size_t i, char32_t codepoint, float pixelHeight) const
{
    const stbtt_fontinfo& info = m_impl->faces.at(i)->info;
    const int glyph = stbtt_FindGlyphIndex(&info, static_cast<int>(codepoint));
    if (glyph == 0) {
        return std::nullopt;
    }
    const float scale = stbtt_ScaleForPixelHeight(&info, pixelHeight);
    GlyphBitmap out;
    int advance = 0;
    int bearing = 0;
    stbtt_GetGlyphHMetrics(&info, glyph, &advance, &bearing);
    out.advance = scale * static_cast<float>(advance);
    int x1 = 0;
    int y1 = 0;
    stbtt_GetGlyphBitmapBox(&info, glyph, scale, scale, &out.x0, &out.y0, &x1, &y1);
    out.width = x1 - out.x0;
    out.height = y1 - out.y0;
    if (out.width <= 0 || out.height <= 0) {
        out.width = 0;
        out.height = 0;
        return out;
    }
    out.alpha.assign(static_cast<std::size_t>(out.width) * out.height, 0);
    stbtt_MakeGlyphBitmap(
        &info, out.alpha.data(), out.width, out.height, out.width, scale, scale, glyph);
    return out;
}

const std::vector<unsigned char>& FontCoverage::fileData(std::size_t i) const
{
    Impl::Loaded& face = *m_impl->faces.at(i);
    std::call_once(face.copied, [&face] {
        const auto data = face.mapped.bytes();
        face.copy.assign(data.begin(), data.end());
    });
    return face.copy;
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
