// Which installed font can draw a character: the cmaps of an ordered list of font faces (Noto
// Sans CJK JP first, then fallbacks), read with stb_truetype (stbtt_FindGlyphIndex). The font
// files stay mapped read-only (mmap) so the ImGui atlas can be rebuilt from them without reading
// them again; only the pages actually read (cmap, the glyphs drawn) become resident, not the
// whole 19 MB collection.
//
// Errors: load() returns a message naming the file for a missing or unreadable font, or a face
// index the collection does not have. Fallback faces that are missing are skipped, not errors.
#pragma once

#include "kakanai/base/result.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::kiosk::ui {

struct FontFace
{
    std::filesystem::path file;
    int index = 0; // face index in a .ttc collection
};

/** Noto Sans CJK JP (fonts-noto-cjk), then DejaVu Sans (Vietnamese and other Latin). */
std::vector<FontFace> defaultFontFaces();

/** One glyph rendered as ImGui's atlas builder renders it (stb_truetype, no oversampling). */
struct GlyphBitmap
{
    int width = 0; // pixels; 0 for a blank glyph (space)
    int height = 0;
    int x0 = 0; // the bitmap's offset from the pen position (y0: from the baseline, up < 0)
    int y0 = 0;
    float advance = 0; // unrounded
    std::vector<unsigned char> alpha; // width × height coverage, rows top to bottom
};

class FontCoverage
{
public:
    /** The first face is required; the others are used if present. */
    static Result<std::shared_ptr<const FontCoverage>, std::string> load(
        const std::vector<FontFace>& faces);
    ~FontCoverage();

    /** The index of the first face that has `codepoint`, or -1. */
    int faceFor(char32_t codepoint) const;
    std::size_t faceCount() const;
    /** The whole font file of face `i`, mapped read-only (for ImFontConfig), and its index. */
    std::span<const unsigned char> bytes(std::size_t i) const;
    int faceIndex(std::size_t i) const;
    /** `codepoint` from face `i` at `pixelHeight` (stbtt_ScaleForPixelHeight, as ImGui);
     *  nullopt when that face has no such glyph. */
    std::optional<GlyphBitmap> rasterize(
        std::size_t i, char32_t codepoint, float pixelHeight) const;
    /** A heap copy of bytes(i), made on first use (for callers that need a vector). */
    const std::vector<unsigned char>& fileData(std::size_t i) const;

    struct Impl;

private:
    explicit FontCoverage(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/** The code points of UTF-8 text (invalid bytes become U+FFFD). */
std::u32string decodeUtf8(std::string_view text);
/** UTF-8 of one code point. */
std::string encodeUtf8(char32_t codepoint);

} // namespace kakanai::kiosk::ui
