// The characters the kiosk's font atlas must hold, in two layers:
// - the base layer, kept for the kiosk's whole life: printable ASCII, the symbols the screens
//   draw, the kana (the 50音 keyboard, furigana) and era names, and everything the configuration
//   can show: UI text of the offered languages, template titles/labels/options/rules, life
//   events and the municipality's names;
// - the visit layer: characters met during the current visit that the base lacks, above all a
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
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::kiosk::ui {

class GlyphSet
{
public:
    GlyphSet();

    // The base layer.
    void prime(std::string_view text);
    void primeUiText(const UiText& text, const std::vector<std::string>& languages);
    void primeTemplates(const std::vector<forms::FormTemplate>& templates);
    void primeLifeEvents(const forms::LifeEvents& events);
    void primeKioskConfig(const forms::KioskConfig& config);

    // The visit layer (characters already in the base are not added again).
    void require(std::string_view text);
    void requireView(const ViewModel& view);
    /** Drops the visit layer (back on attract: the visit is over). */
    void forgetVisit();

    /** Base ∪ visit, sorted. */
    std::set<char32_t> characters() const;
    const std::set<char32_t>& base() const { return m_base; }
    const std::set<char32_t>& visit() const { return m_visit; }
    /** The characters of the ticket number's font (ASCII only). */
    const std::set<char32_t>& ticketCharacters() const { return m_ticket; }
    bool contains(char32_t c) const { return m_base.count(c) > 0 || m_visit.count(c) > 0; }
    std::size_t size() const { return m_base.size() + m_visit.size(); }
    std::size_t visitSize() const { return m_visit.size(); }
    /** Changes whenever characters() or ticketCharacters() change. */
    std::uint64_t generation() const { return m_generation; }
    /** Changes whenever base() or ticketCharacters() change (not the visit layer). */
    std::uint64_t baseGeneration() const { return m_baseGeneration; }

private:
    void add(std::set<char32_t>& layer, std::string_view text);

    std::set<char32_t> m_base;
    std::set<char32_t> m_visit;
    std::set<char32_t> m_ticket;
    std::uint64_t m_generation = 0;
    std::uint64_t m_baseGeneration = 0;
};

} // namespace kakanai::kiosk::ui
