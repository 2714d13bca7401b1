// Shared by the kiosk tests: the shipped configuration, a manual clock, predictable ids, an
// invented resident's card, and helpers that drive the machine like a finger would.
#pragma once

#include "kakanai/forms/lint.hpp"
#include "kakanai/kiosk/machine.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

namespace kakanai::kiosk::testing {

inline const std::filesystem::path CONFIG = std::filesystem::path(KAKANAI_SOURCE_DIR) / "config";

inline std::shared_ptr<const UiText> uiText()
{
    static const auto text = [] {
        std::vector<std::string> tags;
        for (const auto& language : kioskLanguages()) {
            tags.push_back(language.tag);
        }
        auto loaded = UiText::load(CONFIG / "i18n", tags);
        if (!loaded) {
            ADD_FAILURE() << loaded.error();
            return std::make_shared<const UiText>();
        }
        return std::make_shared<const UiText>(std::move(*loaded));
    }();
    return text;
}

inline KioskSetup shippedSetup()
{
    const forms::ConfigSet config = forms::loadConfig({ CONFIG });
    EXPECT_TRUE(config.diagnostics.empty());
    KioskSetup setup;
    setup.kiosk = config.kiosk.value_or(forms::KioskConfig {});
    setup.templates = config.templates;
    setup.lifeEvents = config.lifeEvents.value_or(forms::LifeEvents {});
    setup.text = uiText();
    setup.languages = { "ja", "en", "ja-easy", "zh", "ko", "vi", "pt" };
    auto counter = std::make_shared<int>(0);
    setup.newId = [counter] { return "id-" + std::to_string(++*counter); };
    return setup;
}

/** 試験 花子 (invented), read with the PIN. */
inline forms::CardData hanako()
{
    forms::CardData card;
    assignSecure(card.name, "試験　花子");
    assignSecure(card.address, "福井県小浜市大手町６番３号");
    assignSecure(card.birthDate, "1980-01-01");
    card.sex = "female";
    assignSecure(card.myNumber, "123456789018");
    return card;
}

/** A machine on a manual clock, with the effects of the last event kept for inspection. */
class Kiosk
{
public:
    explicit Kiosk(KioskSetup setup = shippedSetup())
        : machine(std::move(setup), clock)
    {
    }

    std::vector<Effect>& send(const Event& event)
    {
        effects = machine.handle(event);
        return effects;
    }
    std::vector<Effect>& tap(const std::string& widget) { return send(Tap { widget }); }
    void tapAll(std::initializer_list<std::string> widgets)
    {
        for (const auto& widget : widgets) {
            tap(widget);
        }
    }
    void wait(std::int64_t ms)
    {
        clock.advanceMs(ms);
        send(Tick {});
    }
    template <class T> const T* effect() const
    {
        for (const auto& e : effects) {
            if (const auto* found = std::get_if<T>(&e)) {
                return found;
            }
        }
        return nullptr;
    }
    /** attract → language → form → card → PIN 1234 → reading → review. */
    void readCardFor(const std::string& choice, const std::string& language = "ja")
    {
        tap("lang." + language);
        tap(choice);
        send(CardInserted { CardKind::MyNumberCard });
        const auto* query = effect<QueryPinStatus>();
        ASSERT_NE(query, nullptr);
        send(PinStatus { query->attempt, 3 });
        tapAll({ "pin.1", "pin.2", "pin.3", "pin.4", "pin.ok" });
        const auto* read = effect<ReadCard>();
        ASSERT_NE(read, nullptr);
        send(ReadSucceeded { read->attempt, hanako() });
        const auto* glyphs = effect<PrepareGlyphs>();
        ASSERT_NE(glyphs, nullptr);
        send(GlyphsReady { glyphs->visitId, "" });
        ASSERT_EQ(machine.screen(), Screen::Review);
    }
    /** On a juminhyo review: answers everything the card does not give and submits. */
    void answerJuminhyoAndSubmit()
    {
        tapAll({ "option.relationship.self", "option.certificate_kind.juminhyo",
            "option.scope.whole_household", "option.purpose.pension", "field.copies", "num.1",
            "edit.ok", "field.requester_furigana", "kana.ア", "edit.ok", "field.phone" });
        send(TypeText { "0770531111" });
        tapAll({ "edit.ok", "action.next", "action.submit" });
        ASSERT_EQ(machine.screen(), Screen::Submitting);
    }
    const FieldView* field(const std::string& key) const
    {
        last = machine.view();
        for (const auto& f : last.fields) {
            if (f.key == key) {
                return &f;
            }
        }
        return nullptr;
    }

    ManualClock clock;
    KioskMachine machine;
    std::vector<Effect> effects;
    mutable ViewModel last;
};

} // namespace kakanai::kiosk::testing
