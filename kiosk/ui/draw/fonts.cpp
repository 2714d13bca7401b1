#include "fonts.hpp"

#include <imgui_impl_sdlrenderer2.h>

namespace kakanai::kiosk::ui {

namespace {

constexpr float SIZES[] = { 28.0f, 40.0f, 56.0f, 64.0f, 160.0f };
constexpr char32_t BLANK = U'\u3000'; // ideographic space: drawn for a character no font has

void addButtons(KioskFonts& fonts, const std::vector<Button>& buttons)
{
    for (const auto& b : buttons) {
        fonts.require(b.label);
    }
}

void addLocalized(KioskFonts& fonts, const forms::LocalizedText& text)
{
    for (const auto& [language, value] : text) {
        fonts.require(value);
    }
}

} // namespace

KioskFonts::KioskFonts(std::shared_ptr<const FontCoverage> coverage)
    : m_coverage(std::move(coverage))
{
    for (char32_t c = 0x20; c < 0x7F; ++c) {
        m_wanted.insert(c);
    }
    require("…・、。「」（）　見本●○◯✓×←→"); // drawn by the screens themselves
}

void KioskFonts::require(std::string_view text)
{
    for (const char32_t c : decodeUtf8(text)) {
        if (c >= 0x20 && c != 0xFFFD) {
            m_wanted.insert(c);
        }
    }
}

void KioskFonts::requireView(const ViewModel& view)
{
    for (const auto* text :
        { &view.title, &view.body, &view.notice, &view.formTitle, &view.ticket, &view.waitText }) {
        require(*text);
    }
    addButtons(*this, view.choices);
    addButtons(*this, view.actions);
    addButtons(*this, view.globalButtons);
    for (const auto& row : view.keypad) {
        addButtons(*this, row);
    }
    for (const auto& field : view.fields) {
        for (const auto* text : { &field.label, &field.labelJa, &field.help, &field.value }) {
            require(*text);
        }
        for (const auto& message : field.messages) {
            require(message);
        }
        addButtons(*this, field.options);
    }
    if (view.editor) {
        require(view.editor->label);
        require(view.editor->text);
        require(view.editor->message);
        for (const auto& row : view.editor->keyRows) {
            addButtons(*this, row);
        }
    }
    for (const auto& [id, text] : view.texts) {
        require(text);
    }
}

void KioskFonts::requireUiText(const UiText& text, const std::vector<std::string>& languages)
{
    for (const auto& language : kioskLanguages()) {
        require(language.name);
    }
    for (const auto& language : languages) {
        for (const auto& id : text.idsIn(language)) {
            require(text.text(language, id));
        }
    }
}

void KioskFonts::requireTemplates(const std::vector<forms::FormTemplate>& templates)
{
    for (const auto& form : templates) {
        addLocalized(*this, form.title);
        for (const auto& section : form.sections) {
            addLocalized(*this, section.title);
        }
        for (const auto& field : form.fields) {
            addLocalized(*this, field.label);
            addLocalized(*this, field.help);
            for (const auto& option : field.options) {
                addLocalized(*this, option.label);
            }
        }
        for (const auto& rule : form.rules) {
            addLocalized(*this, rule.message);
        }
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

bool KioskFonts::needsRebuild(float scale) const
{
    return scale != m_builtScale || m_wanted.size() != m_built.size();
}

void KioskFonts::rebuild(float scale)
{
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplSDLRenderer2_DestroyFontsTexture();
    io.Fonts->Clear();
    io.Fonts->TexDesiredWidth = 4096;
    m_ranges.clear();
    m_ranges.reserve(5 * m_coverage->faceCount()); // the atlas keeps pointers into them
    // One builder per face: each character comes from the first face that has it.
    std::vector<ImFontGlyphRangesBuilder> perFace(m_coverage->faceCount());
    ImFontGlyphRangesBuilder ticketChars;
    for (const char32_t c : m_wanted) {
        const int face = m_coverage->faceFor(c);
        if (face >= 0) {
            perFace[static_cast<std::size_t>(face)].AddChar(static_cast<ImWchar>(c));
        }
        if (c < 0x7F) {
            ticketChars.AddChar(static_cast<ImWchar>(c));
        }
    }
    perFace[0].AddChar(static_cast<ImWchar>(BLANK));
    for (int role = 0; role < 5; ++role) {
        const bool huge = role == static_cast<int>(FontRole::Huge);
        for (std::size_t face = 0; face < m_coverage->faceCount(); ++face) {
            m_ranges.emplace_back();
            (huge ? (face == 0 ? ticketChars : perFace[face]) : perFace[face])
                .BuildRanges(&m_ranges.back());
            if (m_ranges.back().size() <= 1 || (huge && face > 0)) {
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
                static_cast<int>(data.size()), SIZES[role] * scale, &config, m_ranges.back().Data);
            if (face == 0) {
                m_fonts[role] = font;
            }
        }
    }
    io.Fonts->Build();
    for (ImFont* font : m_fonts) {
        if (font) {
            font->FallbackChar = static_cast<ImWchar>(BLANK);
            font->BuildLookupTable(); // picks up the blank fallback instead of '?'
        }
    }
    ImGui_ImplSDLRenderer2_CreateFontsTexture();
    m_built = m_wanted;
    m_builtScale = scale;
    ++m_rebuilds;
}

} // namespace kakanai::kiosk::ui
