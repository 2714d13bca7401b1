// The staff console's font atlas (see staff_fonts.hpp; adapted from kiosk/ui/draw/fonts.cpp).
#include "staff_fonts.hpp"

#include <SDL.h>
#include <imgui_impl_sdlrenderer2.h>

namespace kakanai::staff::ui {

namespace {

constexpr float SIZES[] = { 15.0f, 18.0f, 26.0f, 44.0f };
constexpr char32_t BLANK = U'\u3000'; // ideographic space: drawn for a character no font has

} // namespace

StaffFonts::StaffFonts(std::shared_ptr<const kiosk::ui::FontCoverage> coverage)
    : m_coverage(std::move(coverage))
{
    for (char32_t c = 0x20; c < 0x7F; ++c) {
        m_wanted.insert(c);
    }
    // Digits and the usual punctuation in full width, the screens' own marks.
    require("…・、。「」（）　●○◯✓×←→▲▼★＊ー－０１２３４５６７８９");
}

void StaffFonts::require(std::string_view text)
{
    for (const unsigned char c : text) {
        if (c >= 0x80) { // only decode what may add characters
            for (const char32_t code : kiosk::ui::decodeUtf8(text)) {
                if (code >= 0x20 && code != 0xFFFD) {
                    m_wanted.insert(code);
                }
            }
            return;
        }
    }
}

void StaffFonts::requireTemplates(const std::vector<forms::FormTemplate>& templates)
{
    const auto add = [this](const forms::LocalizedText& text) {
        const auto it = text.find("ja");
        if (it != text.end()) {
            require(it->second);
        }
    };
    for (const auto& form : templates) {
        add(form.title);
        for (const auto& field : form.fields) {
            add(field.label);
            for (const auto& option : field.options) {
                add(option.label);
            }
        }
        for (const auto& rule : form.rules) {
            add(rule.message);
        }
    }
}

void StaffFonts::rebuild()
{
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplSDLRenderer2_DestroyFontsTexture();
    io.Fonts->Clear();
    io.Fonts->TexDesiredWidth = 4096;
    m_ranges.clear();
    m_ranges.reserve(4 * m_coverage->faceCount()); // the atlas keeps pointers into them
    std::vector<ImFontGlyphRangesBuilder> perFace(m_coverage->faceCount());
    for (const char32_t c : m_wanted) {
        const int face = m_coverage->faceFor(c);
        if (face >= 0) {
            perFace[static_cast<std::size_t>(face)].AddChar(static_cast<ImWchar>(c));
        }
    }
    perFace[0].AddChar(static_cast<ImWchar>(BLANK));
    for (int role = 0; role < 4; ++role) {
        for (std::size_t face = 0; face < m_coverage->faceCount(); ++face) {
            m_ranges.emplace_back();
            perFace[face].BuildRanges(&m_ranges.back());
            if (m_ranges.back().size() <= 1) {
                continue;
            }
            ImFontConfig config;
            config.FontDataOwnedByAtlas = false; // FontCoverage keeps the file in memory
            config.FontNo = m_coverage->faceIndex(face);
            config.MergeMode = face > 0;
            config.OversampleH = 1;
            config.OversampleV = 1;
            config.PixelSnapH = true;
            auto& data = const_cast<std::vector<unsigned char>&>(m_coverage->fileData(face));
            ImFont* font = io.Fonts->AddFontFromMemoryTTF(data.data(),
                static_cast<int>(data.size()), SIZES[role], &config, m_ranges.back().Data);
            if (face == 0) {
                m_fonts[role] = font;
            }
        }
    }
    io.Fonts->Build();
    for (ImFont* font : m_fonts) {
        if (font) {
            font->FallbackChar = static_cast<ImWchar>(BLANK);
            font->BuildLookupTable();
        }
    }
    ImGui_ImplSDLRenderer2_CreateFontsTexture();
    // Glyphs are drawn 1:1 at whole pixels (no oversampling, PixelSnapH, ImGui floors text
    // positions), so nearest sampling draws the same text as linear filtering with a quarter
    // of the texel fetches; it matters on a software rasteriser (see screen_list.cpp).
    SDL_SetTextureScaleMode(static_cast<SDL_Texture*>(io.Fonts->TexID), SDL_ScaleModeNearest);
    m_built = m_wanted;
    ++m_rebuilds;
}

} // namespace kakanai::staff::ui
