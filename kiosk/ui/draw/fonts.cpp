#include "fonts.hpp"

#include <chrono>
#include <cmath>

namespace kakanai::kiosk::ui {

namespace {

constexpr float SIZES[] = { 28.0f, 40.0f, 56.0f, 64.0f, 160.0f };
constexpr int SPARE_CELLS = 32; // per size (not the ticket's): a card's rare kanji
constexpr char32_t BLANK = U'\u3000'; // ideographic space: drawn for a character no font has

} // namespace

void KioskFonts::disownFontData()
{
    for (ImFontConfig& config : ImGui::GetIO().Fonts->ConfigData) {
        config.FontDataOwnedByAtlas = false;
    }
}

KioskFonts::KioskFonts(std::shared_ptr<const FontCoverage> coverage, SDL_Renderer* renderer)
    : m_coverage(std::move(coverage))
    , m_texture(renderer)
{
}

KioskFonts::~KioskFonts()
{
    if (ImGui::GetCurrentContext()) {
        disownFontData(); // the atlas must never free FontCoverage's mapping
    }
}

std::string KioskFonts::missing(std::string_view text) const
{
    std::set<char32_t> seen;
    std::string out;
    for (const char32_t c : decodeUtf8(text)) {
        if (c >= 0x20 && seen.insert(c).second && m_coverage->faceFor(c) < 0) {
            out += encodeUtf8(c);
        }
    }
    return out;
}

bool KioskFonts::needsUpdate(float scale) const
{
    if (m_rebuilds == 0 || scale != m_builtScale || m_glyphs.baseGeneration() != m_builtBase) {
        return true;
    }
    std::set<char32_t> held = m_visitBaked;
    held.insert(m_visitInCells.begin(), m_visitInCells.end());
    return held != m_glyphs.visit();
}

Result<Ok, std::string> KioskFonts::update(float scale)
{
    if (m_rebuilds == 0 || scale != m_builtScale || m_glyphs.baseGeneration() != m_builtBase) {
        return rebuild(scale);
    }
    const std::set<char32_t>& visit = m_glyphs.visit();
    std::set<char32_t> added;
    std::set<char32_t> removed;
    for (const char32_t c : visit) {
        if (!m_visitBaked.count(c) && !m_visitInCells.count(c)) {
            added.insert(c);
        }
    }
    for (const char32_t c : m_visitBaked) {
        if (!visit.count(c)) {
            return rebuild(scale); // baked in: only a rebuild takes it out
        }
    }
    for (const char32_t c : m_visitInCells) {
        if (!visit.count(c)) {
            removed.insert(c);
        }
    }
    std::string error;
    if (!updateCells(added, removed, error)) {
        return error.empty() ? rebuild(scale) : Result<Ok, std::string>(fail(error));
    }
    return Ok {};
}

bool KioskFonts::updateCells(
    const std::set<char32_t>& added, const std::set<char32_t>& removed, std::string& error)
{
    m_spare.remove(removed);
    for (const char32_t c : removed) {
        m_visitInCells.erase(c);
    }
    std::vector<std::pair<char32_t, int>> drawable; // character, face
    for (const char32_t c : added) {
        if (const int face = m_coverage->faceFor(c); face >= 0) {
            drawable.emplace_back(c, face);
        }
    }
    for (int slot = 0; slot < static_cast<int>(FontRole::Huge); ++slot) {
        if (m_spare.freeCells(slot) < static_cast<int>(drawable.size())) {
            return false;
        }
    }
    for (const auto& [c, face] : drawable) {
        for (int slot = 0; slot < static_cast<int>(FontRole::Huge); ++slot) {
            const auto glyph = m_coverage->rasterize(
                static_cast<std::size_t>(face), c, SIZES[slot] * m_builtScale);
            if (!glyph || !m_spare.add(slot, c, *glyph, m_texture, error)) {
                return false; // the caller rebuilds the whole atlas
            }
        }
        ++m_cellAdditions;
    }
    m_spare.commit();
    m_visitInCells.insert(added.begin(), added.end()); // those no font has are "held" too
    m_builtCount = m_glyphs.size();
    return true;
}

Result<Ok, std::string> KioskFonts::rebuild(float scale)
{
    const auto started = std::chrono::steady_clock::now();
    ImGuiIO& io = ImGui::GetIO();
    m_texture.destroy();
    m_spare.clear();
    disownFontData();
    io.Fonts->Clear();
    io.Fonts->TexDesiredWidth = 4096;
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    m_ranges.clear();
    m_ranges.reserve(5 * m_coverage->faceCount()); // the atlas keeps pointers into them
    // One builder per face: each character comes from the first face that has it.
    const std::set<char32_t> wanted = m_glyphs.characters();
    std::vector<ImFontGlyphRangesBuilder> perFace(m_coverage->faceCount());
    for (const char32_t c : wanted) {
        const int face = m_coverage->faceFor(c);
        if (face >= 0) {
            perFace[static_cast<std::size_t>(face)].AddChar(static_cast<ImWchar>(c));
        }
    }
    perFace[0].AddChar(static_cast<ImWchar>(BLANK));
    ImFontGlyphRangesBuilder ticketChars;
    for (const char32_t c : m_glyphs.ticketCharacters()) {
        ticketChars.AddChar(static_cast<ImWchar>(c));
    }
    for (int role = 0; role < 5; ++role) {
        const bool huge = role == static_cast<int>(FontRole::Huge);
        for (std::size_t face = 0; face < m_coverage->faceCount(); ++face) {
            if (huge && face > 0) {
                continue;
            }
            m_ranges.emplace_back();
            (huge ? ticketChars : perFace[face]).BuildRanges(&m_ranges.back());
            if (m_ranges.back().size() <= 1) {
                continue;
            }
            ImFontConfig config;
            // "Owned" only so that AddFont does not copy the 19 MB file for each of the five
            // sizes; disownFontData() clears the flag before the atlas could free the mapping.
            config.FontDataOwnedByAtlas = true;
            config.FontNo = m_coverage->faceIndex(face);
            config.MergeMode = face > 0;
            config.OversampleH = 1;
            config.OversampleV = 1;
            config.PixelSnapH = true;
            const auto data = m_coverage->bytes(face); // read only: ImGui never writes to it
            ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data.data()),
                static_cast<int>(data.size()), SIZES[role] * scale, &config, m_ranges.back().Data);
            if (face == 0) {
                m_fonts[role] = font;
            }
        }
    }
    for (int slot = 0; slot < static_cast<int>(FontRole::Huge); ++slot) {
        const int cell = static_cast<int>(std::ceil(SIZES[slot] * scale)) + 4;
        m_spare.reserve(*io.Fonts, slot, m_fonts[slot], cell, SPARE_CELLS);
    }
    io.Fonts->Build();
    m_spare.resolve(*io.Fonts);
    for (ImFont* font : m_fonts) {
        if (font) {
            font->FallbackChar = static_cast<ImWchar>(BLANK);
            font->BuildLookupTable(); // picks up the blank fallback instead of '?'
        }
    }
    unsigned char* alpha = nullptr;
    io.Fonts->GetTexDataAsAlpha8(&alpha, &m_atlasWidth, &m_atlasHeight);
    auto uploaded = m_texture.upload(alpha, m_atlasWidth, m_atlasHeight);
    io.Fonts->ClearTexData(); // the renderer has the pixels now
    m_builtBase = m_glyphs.baseGeneration();
    m_visitBaked = m_glyphs.visit();
    m_visitInCells.clear();
    m_builtScale = scale;
    m_builtCount = wanted.size();
    ++m_rebuilds;
    m_lastRebuildMs
        = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
    return uploaded;
}

} // namespace kakanai::kiosk::ui
