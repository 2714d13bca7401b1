// Template model and loaders: the shipped templates, field types, prefill sources, the 転入
// trap, kiosk.toml and life events, and diagnostics for bad input (never exceptions).
#include "kakanai/forms/kiosk_config.hpp"
#include "kakanai/forms/life_events.hpp"
#include "kakanai/forms/template.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace {

using namespace kakanai::forms;
namespace fs = std::filesystem;

const fs::path CONFIG = fs::path(KAKANAI_SOURCE_DIR) / "config";

FormTemplate shipped(const std::string& id)
{
    auto load = loadTemplateFile(CONFIG / "forms" / (id + ".toml"));
    for (const auto& d : load.diagnostics) {
        ADD_FAILURE() << d.format();
    }
    return load.form.value_or(FormTemplate {});
}

std::vector<std::string> ids(const Diagnostics& diagnostics)
{
    std::vector<std::string> out;
    for (const auto& d : diagnostics) {
        out.push_back(d.id);
    }
    return out;
}

TEST(Template, ShippedTemplatesLoad)
{
    for (const char* id : { "juminhyo", "ido", "inkan", "kokuho", "koseki" }) {
        const FormTemplate form = shipped(id);
        EXPECT_EQ(form.id, id);
        EXPECT_EQ(form.version, 1);
        EXPECT_FALSE(form.fields.empty());
        for (const char* language : { "ja", "en", "ja-easy" }) {
            EXPECT_TRUE(form.title.contains(language)) << id << " " << language;
        }
    }
}

// Every text a resident can see in a shipped template or life event exists in every language the
// kiosk offers (supportedLanguages: ja, ja-easy, en, zh, ko, vi, pt), so nobody falls back to
// English; and the zh / ko / vi / pt texts are translations, not copies of the English.
void expectEveryLanguage(const LocalizedText& text, const std::string& where, bool optional = false)
{
    if (optional && text.empty()) {
        return;
    }
    for (const auto& language : supportedLanguages()) {
        const auto found = text.find(language);
        EXPECT_TRUE(found != text.end() && !found->second.empty())
            << where << " lacks " << language;
    }
    const auto en = text.find("en");
    for (const char* language : { "zh", "ko", "vi", "pt" }) {
        const auto found = text.find(language);
        if (en != text.end() && found != text.end()) {
            EXPECT_NE(found->second, en->second) << where << ": " << language << " is the English";
        }
    }
}

TEST(Template, EveryShippedTextExistsInEveryKioskLanguage)
{
    ASSERT_EQ(supportedLanguages().size(), 7u);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(CONFIG / "forms")) {
        if (entry.path().extension() == ".toml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    EXPECT_GE(files.size(), 5u);
    for (const auto& file : files) {
        const FormTemplate form = shipped(file.stem().string());
        const std::string id = form.id;
        expectEveryLanguage(form.title, id + " title");
        for (const auto& section : form.sections) {
            expectEveryLanguage(section.title, id + " section " + section.id);
        }
        for (const auto& field : form.fields) {
            const std::string where = id + " field " + field.key;
            expectEveryLanguage(field.label, where + " label");
            expectEveryLanguage(field.help, where + " help", true);
            for (const auto& option : field.options) {
                expectEveryLanguage(option.label, where + " option " + option.value);
            }
        }
        for (const auto& rule : form.rules) {
            expectEveryLanguage(rule.message, id + " rule " + rule.id);
        }
    }

    auto load = loadLifeEventsFile(CONFIG / "life-events.toml");
    EXPECT_TRUE(load.diagnostics.empty());
    EXPECT_FALSE(load.lifeEvents.events.empty());
    for (const auto& event : load.lifeEvents.events) {
        const std::string where = "life event " + event.id;
        expectEveryLanguage(event.title, where + " title");
        expectEveryLanguage(event.description, where + " description", true);
        for (const auto& question : event.questions) {
            expectEveryLanguage(question.text, where + " question " + question.key);
            expectEveryLanguage(question.help, where + " question " + question.key + " help", true);
        }
    }
}

TEST(Template, TennyuMapsTheCardAddressToThePreviousAddress)
{
    // forms.md §5.0: during 転入/転居 the card holds the OLD address.
    const FormTemplate ido = shipped("ido");
    const Field* previous = ido.findField("previous_address");
    ASSERT_NE(previous, nullptr);
    EXPECT_EQ(previous->prefill, PrefillSource::CardAddress);
    const Field* fresh = ido.findField("new_address");
    ASSERT_NE(fresh, nullptr);
    EXPECT_EQ(fresh->prefill, PrefillSource::None);
    for (const char* kind : { "tennyu", "tenkyo" }) {
        const ValueMap answers { { "move_kind", std::string(kind) } };
        for (const auto& field : ido.fields) {
            if (field.prefill == PrefillSource::CardAddress && field.when.evaluate(answers)) {
                EXPECT_EQ(field.key, "previous_address") << kind;
            }
        }
        EXPECT_TRUE(previous->when.evaluate(answers));
    }
    const ValueMap tenshutsu { { "move_kind", std::string("tenshutsu") } };
    EXPECT_FALSE(previous->when.evaluate(tenshutsu));
    EXPECT_TRUE(ido.findField("current_address")->when.evaluate(tenshutsu));
}

TEST(Template, OnlyKokuhoStoresTheMyNumber)
{
    for (const char* id : { "juminhyo", "ido", "inkan", "kokuho", "koseki" }) {
        const FormTemplate form = shipped(id);
        bool stores = false;
        for (const auto& field : form.fields) {
            stores = stores || (field.type == FieldType::MyNumber && field.store);
            if (field.prefill == PrefillSource::CardMyNumber) {
                EXPECT_EQ(field.type, FieldType::MyNumber);
            }
        }
        EXPECT_EQ(stores, std::string(id) == "kokuho") << id;
    }
}

TEST(Template, RulesUseTheExpressionLanguage)
{
    const FormTemplate inkan = shipped("inkan");
    const Rule* age = nullptr;
    for (const auto& rule : inkan.rules) {
        age = rule.id == "age_15" ? &rule : age;
    }
    ASSERT_NE(age, nullptr);
    EXPECT_EQ(age->severity, Severity::Stop);
    EXPECT_TRUE(age->when.evaluate({ { "card.age", std::int64_t { 14 } } }));
    EXPECT_FALSE(age->when.evaluate({ { "card.age", std::int64_t { 15 } } }));

    const FormTemplate juminhyo = shipped("juminhyo");
    const Rule& agent = juminhyo.rules.at(0);
    EXPECT_EQ(agent.id, "agent_needs_power_of_attorney");
    EXPECT_TRUE(agent.when.evaluate({ { "relationship", std::string("agent") } }));
    EXPECT_FALSE(agent.when.evaluate(
        { { "relationship", std::string("agent") }, { "power_of_attorney", true } }));
}

TEST(Template, SharedAnswers)
{
    EXPECT_EQ(shipped("juminhyo").findField("phone")->shared, "phone");
    EXPECT_EQ(shipped("ido").findField("notifier_furigana")->shared, "furigana");
    EXPECT_EQ(shipped("kokuho").findField("notifier_new_address")->shared, "new_address");
}

TEST(Template, EveryFieldTypeAndSourceHasAName)
{
    for (const char* name : { "text", "katakana", "date", "choice", "multi_choice", "integer",
             "yes_no", "postal_code", "phone", "address", "my_number" }) {
        auto type = fieldTypeFromName(name);
        ASSERT_TRUE(type) << name;
        EXPECT_EQ(fieldTypeName(*type), name);
    }
    for (const char* name : { "card.name", "card.address", "card.birth_date", "card.sex",
             "card.my_number", "card.age", "card.address.prefecture", "card.address.municipality",
             "card.postal_code", "kiosk.municipality", "today" }) {
        auto source = prefillSourceFromName(name);
        ASSERT_TRUE(source) << name;
        EXPECT_EQ(prefillSourceName(*source), name);
    }
    EXPECT_FALSE(fieldTypeFromName("string"));
    EXPECT_FALSE(prefillSourceFromName("card.furigana"));
    EXPECT_TRUE(prefillFits(PrefillSource::CardBirthDate, FieldType::Date));
    EXPECT_FALSE(prefillFits(PrefillSource::CardMyNumber, FieldType::Text));
}

TEST(Template, BadInputGivesDiagnosticsNotExceptions)
{
    EXPECT_EQ(ids(loadTemplate("id = ", "x.toml").diagnostics),
        std::vector<std::string> { "toml.syntax" });
    EXPECT_EQ(ids(loadTemplate("\xff\xfe", "x.toml").diagnostics),
        std::vector<std::string> { "toml.syntax" });
    auto empty = loadTemplate("", "x.toml");
    ASSERT_TRUE(empty.form);
    EXPECT_EQ(ids(empty.diagnostics),
        (std::vector<std::string> { "template.missing-key", "template.missing-key",
            "template.missing-key", "template.missing-key" }));
    auto wrong = loadTemplate("id = 3\nversion = \"1\"\ntitle = \"x\"\nsections = 4\n", "x.toml");
    EXPECT_EQ(wrong.diagnostics.size(), 4u);
    auto unreadable = loadTemplateFile(CONFIG / "forms" / "no-such.toml");
    EXPECT_FALSE(unreadable.form);
    EXPECT_EQ(ids(unreadable.diagnostics), std::vector<std::string> { "file.unreadable" });
}

TEST(Template, FieldDetails)
{
    const char* text = R"(id = "t"
version = 2
title = { ja = "t" }
[[sections]]
id = "s"
title = { ja = "s" }
[[sections.fields]]
key = "card_no"
type = "text"
required = true
validation = { min_length = 12, max_length = 12, pattern = "[A-Z]{2}[0-9]{8}[A-Z]{2}" }
print = { order = 3, width = 12 }
help = { ja = "在留カード" }
[[sections.fields]]
key = "born"
type = "date"
display = "western"
[[sections.fields]]
key = "bad"
type = "text"
validation = { pattern = "([a-z" }
)";
    auto load = loadTemplate(text, "t.toml");
    ASSERT_TRUE(load.form);
    const Field* card = load.form->findField("card_no");
    ASSERT_NE(card, nullptr);
    EXPECT_TRUE(card->required);
    EXPECT_EQ(card->validation.maxLength, 12);
    EXPECT_EQ(card->print.order, 3);
    EXPECT_EQ(card->print.width, 12);
    EXPECT_EQ(card->help.at("ja"), "在留カード");
    EXPECT_EQ(load.form->findField("born")->dateDisplay, DateDisplay::Western);
    // No field has a label; bad's pattern does not compile.
    EXPECT_EQ(ids(load.diagnostics),
        (std::vector<std::string> { "template.missing-key", "template.missing-key",
            "template.missing-key", "template.bad-pattern" }));
    EXPECT_EQ(load.diagnostics[3].line, 21);
}

TEST(KioskConfig, ShippedKioskToml)
{
    auto load = loadKioskConfigFile(CONFIG / "kiosk.toml");
    EXPECT_TRUE(load.diagnostics.empty());
    EXPECT_EQ(load.config.municipalityName.at("ja"), "小浜市");
    // The shipped kiosk offers all seven languages (every template text exists in each).
    EXPECT_EQ(load.config.languages,
        (std::vector<std::string> { "ja", "ja-easy", "en", "zh", "ko", "vi", "pt" }));
}

TEST(KioskConfig, MunicipalityCodeCheckDigit)
{
    EXPECT_TRUE(isValidMunicipalityCode("182044")); // 小浜市
    EXPECT_TRUE(isValidMunicipalityCode("131016")); // 千代田区
    EXPECT_TRUE(isValidMunicipalityCode("011002")); // 札幌市
    EXPECT_FALSE(isValidMunicipalityCode("182045"));
    EXPECT_FALSE(isValidMunicipalityCode("18204"));
    EXPECT_FALSE(isValidMunicipalityCode("18204a"));
    auto load = loadKioskConfig("[municipality]\nname = { ja = \"x\" }\ncode = \"182045\"\n"
                                "[languages]\noffered = [\"en\", \"xx\"]\n",
        "kiosk.toml");
    EXPECT_EQ(ids(load.diagnostics),
        (std::vector<std::string> { "kiosk.bad-code", "kiosk.unknown-language",
            "kiosk.missing-japanese", "kiosk.missing-japanese" }));
}

TEST(LifeEvents, FormsDependOnTheAnswers)
{
    auto load = loadLifeEventsFile(CONFIG / "life-events.toml");
    EXPECT_TRUE(load.diagnostics.empty());
    const LifeEvent* movedIn = nullptr;
    for (const auto& event : load.lifeEvents.events) {
        movedIn = event.id == "moved_in" ? &event : movedIn;
    }
    ASSERT_NE(movedIn, nullptr);
    auto forms = movedIn->formsFor({ { "from_other_town", true },
        { "national_health_insurance", true }, { "register_seal", false } });
    ASSERT_EQ(forms.size(), 2u);
    EXPECT_EQ(forms[0]->formId, "ido");
    EXPECT_EQ(std::get<std::string>(forms[0]->preset.at("move_kind")), "tennyu");
    EXPECT_EQ(forms[1]->formId, "kokuho");
    forms = movedIn->formsFor({ { "from_other_town", false } });
    ASSERT_EQ(forms.size(), 1u);
    EXPECT_EQ(std::get<std::string>(forms[0]->preset.at("move_kind")), "tenkyo");
    std::vector<std::string> events;
    for (const auto& event : load.lifeEvents.events) {
        events.push_back(event.id);
    }
    EXPECT_EQ(events,
        (std::vector<std::string> { "moved_in", "moving_out", "birth", "death", "certificate" }));
}

} // namespace
