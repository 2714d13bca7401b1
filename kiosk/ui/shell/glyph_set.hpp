// The characters the kiosk's font atlas must hold, in three layers:
// - the base layer, kept for the kiosk's whole life: printable ASCII, the symbols the screens
//   draw, the kana (the 50音 keyboard, furigana) and era names, the language names of the
//   attract screen, and everything the configuration can show in Japanese and the default
//   language (UI text, template titles/labels/options/rules, life events, the municipality);
// - the language layer: the same texts in the resident's language when that is another one
//   (useLanguage). Hangul or simplified Chinese add hundreds of glyphs, and every glyph costs
//   four times its area at 200% zoom, so only one language's are held at a time: choosing a
//   language costs one atlas rebuild, and back on attract they are dropped again;
// - the visit layer: characters met during the current visit that the others lack, above all a
//   card's rare kanji (髙, 﨑, 𠮷). forgetVisit() drops it when the kiosk is back on attract, so
//   the atlas does not grow with every resident and keeps nothing of the last one's name.
// The ticket number's huge font gets its own small set (digits, A–Z, '-', and the ASCII of the
// tickets shown). No ImGui: the drawing code builds the atlas from characters().
//
// Errors: none; invalid UTF-8 and control characters are ignored.
#pragma once

#include "kakanai/forms/kiosk_config.hpp"
#include "kakanai/forms/life_events.hpp"
#include "kakanai/forms/template.hpp"
#include "kakanai/kiosk/ui_text.hpp"
#include "kakanai/kiosk/view_model.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::kiosk::ui {

class GlyphSet
{
public:
    GlyphSet();

    // The base layer ("ja" and, with setDefaultLanguage, the kiosk's default language) and,
    // for the other languages, what their layer will hold.
    /** Call before priming: texts in `language` go to the base (Japanese always does). */
    void setDefaultLanguage(const std::string& language);
    void prime(std::string_view text);
    void primeUiText(const UiText& text, const std::vector<std::string>& languages);
    void primeTemplates(const std::vector<forms::FormTemplate>& templates);
    void primeLifeEvents(const forms::LifeEvents& events);
    void primeKioskConfig(const forms::KioskConfig& config);

    // The language layer.
    /** Holds the primed texts of `language` (nothing for a base language or an unknown one). */
    void useLanguage(const std::string& language);
    const std::set<char32_t>& language() const { return m_language; }

    // The visit layer (characters already in the other layers are not added again).
    void require(std::string_view text);
    void requireView(const ViewModel& view);
    /** Drops the visit layer (back on attract: the visit is over). */
    void forgetVisit();

    /** Base ∪ language ∪ visit, sorted. */
    std::set<char32_t> characters() const;
    const std::set<char32_t>& base() const { return m_base; }
    const std::set<char32_t>& visit() const { return m_visit; }
    /** The characters of the ticket number's font (ASCII only). */
    const std::set<char32_t>& ticketCharacters() const { return m_ticket; }
    bool contains(char32_t c) const
    {
        return m_base.count(c) > 0 || m_language.count(c) > 0 || m_visit.count(c) > 0;
    }
    std::size_t size() const { return m_base.size() + m_language.size() + m_visit.size(); }
    std::size_t visitSize() const { return m_visit.size(); }
    /** Changes whenever characters() or ticketCharacters() change. */
    std::uint64_t generation() const { return m_generation; }
    /** Changes whenever base(), language() or ticketCharacters() change (not the visit layer:
     *  its few characters can go into spare cells; a language needs a rebuild). */
    std::uint64_t baseGeneration() const { return m_baseGeneration; }

private:
    void add(std::set<char32_t>& layer, std::string_view text);
    /** Into the base for a base language, else into that language's primed characters. */
    void primeIn(const std::string& language, std::string_view text);

    std::set<char32_t> m_base;
    std::set<std::string> m_baseLanguages { "ja" };
    std::map<std::string, std::set<char32_t>, std::less<>> m_primed; // other languages
    std::string m_languageName;
    std::set<char32_t> m_language;
    std::set<char32_t> m_visit;
    std::set<char32_t> m_ticket;
    std::uint64_t m_generation = 0;
    std::uint64_t m_baseGeneration = 0;
};

} // namespace kakanai::kiosk::ui
