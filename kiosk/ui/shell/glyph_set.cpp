#include "glyph_set.hpp"

#include "font_coverage.hpp"
#include "view_text.hpp"

namespace kakanai::kiosk::ui {

namespace {

// Drawn by the screens themselves, whatever the language.
constexpr std::string_view DRAWN = "…・、。「」（）　見本●○◯✓×←→";
// The era picker and the 50音 keyboard's extra keys.
constexpr std::string_view EDITOR = "令和平成昭和大正明治西暦゛゜小ー";
// Full-width digits, as in card addresses (１番１号).
constexpr std::string_view FULL_WIDTH_DIGITS = "０１２３４５６７８９";
constexpr std::string_view TICKET = "0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ ";

bool drawable(char32_t c)
{
    return c >= 0x20 && c != 0x7F && c != 0xFFFD;
}

template <typename Add> void addLocalized(const forms::LocalizedText& text, Add add)
{
    for (const auto& [language, value] : text) {
        add(language, value);
    }
}

} // namespace

GlyphSet::GlyphSet()
{
    for (char32_t c = 0x20; c < 0x7F; ++c) {
        m_base.insert(c);
    }
    for (char32_t c = U'ぁ'; c <= U'ゖ'; ++c) { // hiragana
        m_base.insert(c);
    }
    for (char32_t c = U'ァ'; c <= U'ヺ'; ++c) { // katakana
        m_base.insert(c);
    }
    prime(DRAWN);
    prime(EDITOR);
    prime(FULL_WIDTH_DIGITS);
    for (const char32_t c : decodeUtf8(TICKET)) {
        m_ticket.insert(c);
    }
}

void GlyphSet::add(std::set<char32_t>& layer, std::string_view text)
{
    for (const char32_t c : decodeUtf8(text)) {
        if (drawable(c) && !contains(c)) {
            layer.insert(c);
            ++m_generation;
            if (&layer == &m_base) {
                ++m_baseGeneration;
            }
        }
    }
}

void GlyphSet::prime(std::string_view text)
{
    add(m_base, text);
}

void GlyphSet::setDefaultLanguage(const std::string& language)
{
    m_baseLanguages.insert(language);
}

void GlyphSet::primeIn(const std::string& language, std::string_view text)
{
    if (m_baseLanguages.count(language) > 0) {
        prime(text);
        return;
    }
    std::set<char32_t>& primed = m_primed[language];
    for (const char32_t c : decodeUtf8(text)) {
        if (drawable(c)) {
            primed.insert(c);
        }
    }
}

void GlyphSet::primeUiText(const UiText& text, const std::vector<std::string>& languages)
{
    for (const auto& language : kioskLanguages()) {
        prime(language.name); // the attract screen shows them all
    }
    for (const auto& language : languages) {
        for (const auto& id : text.idsIn(language)) {
            primeIn(language, text.text(language, id));
        }
    }
}

void GlyphSet::primeTemplates(const std::vector<forms::FormTemplate>& templates)
{
    const auto add = [this](const std::string& language, const std::string& value) {
        primeIn(language, value);
    };
    for (const auto& form : templates) {
        addLocalized(form.title, add);
        for (const auto& section : form.sections) {
            addLocalized(section.title, add);
        }
        for (const auto& field : form.fields) {
            addLocalized(field.label, add);
            addLocalized(field.help, add);
            for (const auto& option : field.options) {
                addLocalized(option.label, add);
            }
        }
        for (const auto& rule : form.rules) {
            addLocalized(rule.message, add);
        }
    }
}

void GlyphSet::primeLifeEvents(const forms::LifeEvents& events)
{
    const auto add = [this](const std::string& language, const std::string& value) {
        primeIn(language, value);
    };
    for (const auto& event : events.events) {
        addLocalized(event.title, add);
        addLocalized(event.description, add);
        for (const auto& question : event.questions) {
            addLocalized(question.text, add);
            addLocalized(question.help, add);
        }
    }
}

void GlyphSet::primeKioskConfig(const forms::KioskConfig& config)
{
    const auto add = [this](const std::string& language, const std::string& value) {
        primeIn(language, value);
    };
    addLocalized(config.municipalityName, add);
    addLocalized(config.prefectureName, add);
}

void GlyphSet::useLanguage(const std::string& language)
{
    if (language == m_languageName) {
        return;
    }
    m_languageName = language;
    std::set<char32_t> layer;
    if (const auto primed = m_primed.find(language); primed != m_primed.end()) {
        for (const char32_t c : primed->second) {
            if (m_base.count(c) == 0) {
                layer.insert(c);
            }
        }
    }
    if (layer != m_language) {
        m_language = std::move(layer);
        ++m_generation;
        ++m_baseGeneration;
    }
}

void GlyphSet::require(std::string_view text)
{
    add(m_visit, text);
}

void GlyphSet::requireView(const ViewModel& view)
{
    require(viewText(view));
    for (const char32_t c : decodeUtf8(view.ticket)) {
        if (c < 0x7F && drawable(c) && m_ticket.insert(c).second) {
            ++m_generation;
            ++m_baseGeneration;
        }
    }
}

void GlyphSet::forgetVisit()
{
    if (!m_visit.empty()) {
        m_visit.clear();
        ++m_generation;
    }
}

std::set<char32_t> GlyphSet::characters() const
{
    std::set<char32_t> all = m_base;
    all.insert(m_language.begin(), m_language.end());
    all.insert(m_visit.begin(), m_visit.end());
    return all;
}

} // namespace kakanai::kiosk::ui
