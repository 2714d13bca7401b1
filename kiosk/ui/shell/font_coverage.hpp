// Which installed font can draw a character: the cmaps of an ordered list of font faces (Noto
// Sans CJK JP first, then fallbacks), read with stb_truetype (stbtt_FindGlyphIndex). The font
// files stay in memory so the ImGui atlas can be rebuilt from them without reading them again.
//
// Errors: load() returns a message naming the file for a missing or unreadable font, or a face
// index the collection does not have. Fallback faces that are missing are skipped, not errors.
#pragma once

#include "kakanai/base/result.hpp"

#include <filesystem>
#include <memory>
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
    /** The whole font file of face `i` (for ImFontConfig) and its face index. */
    const std::vector<unsigned char>& fileData(std::size_t i) const;
    int faceIndex(std::size_t i) const;

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
