// validate(): each field type's checks, required and hidden fields, rules, card values flagged
// for staff, and the message texts in every language.
#include "forms_fixture.hpp"

#include "kakanai/forms/validate.hpp"

#include <algorithm>
#include <set>

namespace {

using namespace kakanai::forms;
using namespace kakanai::forms::testing;

const FormTemplate& typed()
{
    static const FormTemplate form = inlineTemplate(R"(
[[sections.fields]]
key = "text"
type = "text"
validation = { min_length = 2, max_length = 5 }
label = { ja = "文", en = "Text" }
[[sections.fields]]
key = "code"
type = "text"
validation = { pattern = "[A-Z]{2}[0-9]{4}" }
label = { ja = "記号", en = "Code" }
[[sections.fields]]
key = "kana"
type = "katakana"
label = { ja = "フリガナ", en = "Kana" }
[[sections.fields]]
key = "date"
type = "date"
label = { ja = "日付", en = "Date" }
[[sections.fields]]
key = "choice"
type = "choice"
label = { ja = "選択", en = "Choice" }
options = [
  { value = "a", label = { ja = "あ", en = "A" } },
  { value = "b", label = { ja = "い", en = "B" } },
]
[[sections.fields]]
key = "multi"
type = "multi_choice"
validation = { min = 1, max = 2 }
label = { ja = "複数", en = "Multi" }
options = [
  { value = "x", label = { ja = "x", en = "x" } },
  { value = "y", label = { ja = "y", en = "y" } },
  { value = "z", label = { ja = "z", en = "z" } },
]
[[sections.fields]]
key = "count"
type = "integer"
validation = { min = 1, max = 10 }
label = { ja = "通数", en = "Copies" }
[[sections.fields]]
key = "agree"
type = "yes_no"
label = { ja = "同意", en = "Agree" }
[[sections.fields]]
key = "postal"
type = "postal_code"
label = { ja = "郵便番号", en = "Postal" }
[[sections.fields]]
key = "phone"
type = "phone"
label = { ja = "電話", en = "Phone" }
[[sections.fields]]
key = "number"
type = "my_number"
store = true
label = { ja = "個人番号", en = "My Number" }
[[sections.fields]]
key = "address"
type = "address"
label = { ja = "住所", en = "Address" }
)");
    return form;
}

// The message ids validate() gives for one field holding `value` (typed in at the kiosk).
std::vector<std::string> idsFor(
    const std::string& key, Value value, ValueOrigin origin = ValueOrigin::Resident)
{
    FilledForm filled;
    filled.values.emplace(key, FilledValue { std::move(value), origin });
    std::vector<std::string> ids;
    for (const auto& issue : validate(typed(), filled)) {
        EXPECT_EQ(issue.field, key);
        ids.push_back(issue.messageId);
    }
    return ids;
}

using Ids = std::vector<std::string>;

TEST(Validate, TextLengthInCodePointsAndPattern)
{
    EXPECT_EQ(idsFor("text", std::string("あいう")), Ids {});
    EXPECT_EQ(idsFor("text", std::string("あ")), Ids { "field.too-short" });
    EXPECT_EQ(idsFor("text", std::string("あいうえおか")), Ids { "field.too-long" });
    EXPECT_EQ(idsFor("text", std::string("a\tb")), Ids { "field.invalid-text" });
    EXPECT_EQ(idsFor("text", std::string("\xE3\x81")), Ids { "field.invalid-text" });
    EXPECT_EQ(idsFor("code", std::string("AB1234")), Ids {});
    EXPECT_EQ(idsFor("code", std::string("AB12345")), Ids { "field.pattern" });
    EXPECT_EQ(idsFor("code", std::string("xAB1234")), Ids { "field.pattern" });
}

TEST(Validate, KatakanaDateAndChoice)
{
    EXPECT_EQ(idsFor("kana", std::string("ヤマダ　ハナコ")), Ids {});
    EXPECT_EQ(idsFor("kana", std::string("やまだ")), Ids { "katakana.invalid" });
    EXPECT_EQ(idsFor("date", std::string("2025-04-01")), Ids {});
    EXPECT_EQ(idsFor("date", std::string("R7.4.1")), Ids {});
    EXPECT_EQ(idsFor("date", std::string("someday")), Ids { "date.malformed" });
    EXPECT_EQ(idsFor("date", std::string("X7.4.1")), Ids { "date.unknown-era" });
    EXPECT_EQ(idsFor("date", std::string("平成32年1月1日")), Ids { "date.outside-era" });
    EXPECT_EQ(idsFor("date", std::string("2025-02-29")), Ids { "date.not-a-real-date" });
    EXPECT_EQ(idsFor("date", std::string("1850-01-01")), Ids { "date.out-of-range" });
    EXPECT_EQ(idsFor("choice", std::string("a")), Ids {});
    EXPECT_EQ(idsFor("choice", std::string("c")), Ids { "choice.unknown-option" });
}

TEST(Validate, MultiChoiceIntegerAndYesNo)
{
    using List = std::vector<std::string>;
    EXPECT_EQ(idsFor("multi", List { "x", "z" }), Ids {});
    EXPECT_EQ(idsFor("multi", List { "x", "y", "z" }), Ids { "choice.too-many" });
    EXPECT_EQ(idsFor("multi", List { "x", "x" }), Ids { "choice.unknown-option" });
    EXPECT_EQ(idsFor("multi", List { "w" }), Ids { "choice.unknown-option" });
    EXPECT_EQ(idsFor("count", std::int64_t { 10 }), Ids {});
    EXPECT_EQ(idsFor("count", std::int64_t { 0 }), Ids { "integer.below-min" });
    EXPECT_EQ(idsFor("count", std::int64_t { 11 }), Ids { "integer.above-max" });
    EXPECT_EQ(idsFor("agree", false), Ids {});
}

TEST(Validate, MultiChoiceMinimumCountsOnlyWhenAnswered)
{
    // An empty selection is unanswered: not required, so no issue; too-few needs a minimum of 2.
    EXPECT_EQ(idsFor("multi", std::vector<std::string> {}), Ids {});
}

TEST(Validate, PostalPhoneAndMyNumber)
{
    EXPECT_EQ(idsFor("postal", std::string("917-0078")), Ids {});
    EXPECT_EQ(idsFor("postal", std::string("917-007")), Ids { "postal.malformed" });
    EXPECT_EQ(idsFor("phone", std::string("0770-53-1111")), Ids {});
    EXPECT_EQ(idsFor("phone", std::string("0770-53-111")), Ids { "phone.wrong-length" });
    EXPECT_EQ(idsFor("phone", std::string("+81-770-53-1111")), Ids { "phone.malformed" });
    EXPECT_EQ(idsFor("phone", std::string("1770531111")), Ids { "phone.unknown-prefix" });
    EXPECT_EQ(idsFor("number", std::string("123456789018")), Ids {});
    EXPECT_EQ(idsFor("number", std::string("123456789012")), Ids { "my_number.check-digit" });
    EXPECT_EQ(idsFor("number", std::string("12345678901")), Ids { "my_number.wrong-length" });
    EXPECT_EQ(idsFor("number", std::string("********9018")), Ids { "my_number.malformed" });
}

TEST(Validate, AWrongValueTypeIsAnIssueNotACrash)
{
    EXPECT_EQ(idsFor("text", std::int64_t { 3 }), Ids { "field.wrong-type" });
    EXPECT_EQ(idsFor("count", std::string("3")), Ids { "field.wrong-type" });
    EXPECT_EQ(idsFor("agree", std::string("yes")), Ids { "field.wrong-type" });
    EXPECT_EQ(idsFor("multi", std::string("x")), Ids { "field.wrong-type" });
    EXPECT_EQ(idsFor("date", true), Ids { "field.wrong-type" });
}

TEST(Validate, ResidentMistakesStopCardValuesAreFlaggedForStaff)
{
    FilledForm filled;
    filled.values.emplace("date", FilledValue { std::string("1980-02-31"), ValueOrigin::Card });
    filled.values.emplace("count", FilledValue { std::int64_t { 0 }, ValueOrigin::Resident });
    const auto issues = validate(typed(), filled);
    ASSERT_EQ(issues.size(), 2u);
    EXPECT_EQ(issues[0].field, "date");
    EXPECT_TRUE(issues[0].forStaff);
    EXPECT_EQ(issues[0].severity, Severity::Warn);
    EXPECT_EQ(issues[0].origin, ValueOrigin::Card);
    EXPECT_EQ(issues[1].field, "count");
    EXPECT_FALSE(issues[1].forStaff);
    EXPECT_EQ(issues[1].severity, Severity::Stop);
    EXPECT_FALSE(canSubmit(issues));
    // The card value is reported, not repaired.
    EXPECT_EQ(filled.find("date")->value, Value { std::string("1980-02-31") });
    filled.values.erase("count");
    EXPECT_TRUE(canSubmit(validate(typed(), filled)));
}

const FormTemplate& conditional()
{
    static const FormTemplate form = inlineTemplate(R"(
[[sections.fields]]
key = "relationship"
type = "choice"
required = true
label = { ja = "関係", en = "Relationship" }
options = [
  { value = "self", label = { ja = "本人", en = "Self" } },
  { value = "agent", label = { ja = "代理人", en = "Agent" } },
]
[[sections.fields]]
key = "power_of_attorney"
type = "yes_no"
required = true
when = 'relationship == "agent"'
label = { ja = "委任状", en = "Power of attorney" }
[[sections.fields]]
key = "note"
type = "text"
when = 'relationship == "agent"'
validation = { max_length = 3 }
label = { ja = "備考", en = "Note" }

[[rules]]
id = "needs_poa"
when = 'relationship == "agent" and not power_of_attorney'
severity = "stop"
message = { ja = "委任状が必要です。", en = "A power of attorney is needed." }

[[rules]]
id = "minor"
when = "card.age < 15"
severity = "warn"
message = { ja = "15歳未満です。", en = "Under 15." }
)");
    return form;
}

TEST(Validate, RequiredOnlyWhenShownAndHiddenValuesIgnored)
{
    FilledForm filled;
    auto issues = validate(conditional(), filled);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "relationship");
    EXPECT_EQ(issues[0].messageId, "field.required");

    filled.values.emplace("relationship", FilledValue { std::string("self") });
    filled.values.emplace("note", FilledValue { std::string("far too long") }); // hidden
    EXPECT_TRUE(validate(conditional(), filled).empty());
    const FilledForm submitted = visibleValues(conditional(), filled);
    EXPECT_EQ(submitted.find("note"), nullptr);
    EXPECT_NE(submitted.find("relationship"), nullptr);
}

TEST(Validate, RulesFireWithTheirSeverityAndTemplateText)
{
    FilledForm filled;
    filled.values.emplace("relationship", FilledValue { std::string("agent") });
    filled.values.emplace("power_of_attorney", FilledValue { false });
    filled.sources.emplace("card.age", std::int64_t { 14 });
    const auto issues = validate(conditional(), filled);
    ASSERT_EQ(issues.size(), 2u);
    EXPECT_EQ(issues[0].rule, "needs_poa");
    EXPECT_EQ(issues[0].messageId, "rule.needs_poa");
    EXPECT_EQ(issues[0].severity, Severity::Stop);
    EXPECT_EQ(issueText(issues[0], conditional(), "ja"), "委任状が必要です。");
    EXPECT_EQ(issueText(issues[0], conditional(), "en"), "A power of attorney is needed.");
    EXPECT_EQ(issueText(issues[0], conditional(), "ja-easy"), "委任状が必要です。");
    EXPECT_EQ(issueText(issues[0], conditional(), "vi"), "A power of attorney is needed.");
    EXPECT_EQ(issues[1].rule, "minor");
    EXPECT_EQ(issues[1].severity, Severity::Warn);

    filled.values.insert_or_assign("power_of_attorney", FilledValue { true });
    filled.sources.insert_or_assign("card.age", std::int64_t { 15 });
    EXPECT_TRUE(validate(conditional(), filled).empty());
}

TEST(Validate, InkanRefusesUnder15FromTheCardAge)
{
    const FormTemplate inkan = shippedTemplate("inkan");
    CardData card = hanakoCard();
    assignSecure(card.birthDate, "2012-06-01");
    const FilledForm filled = prefill(inkan, card, contextOn({ 2026, 11, 29 }));
    bool refused = false;
    for (const auto& issue : validate(inkan, filled)) {
        refused = refused || (issue.rule == "age_15" && issue.severity == Severity::Stop);
    }
    EXPECT_TRUE(refused);
}

TEST(Messages, EveryIdHasATextInEveryLanguage)
{
    const auto ids = messageIds();
    EXPECT_GE(ids.size(), 24u);
    for (const auto& id : ids) {
        std::set<std::string> texts;
        for (const char* language : { "ja", "ja-easy", "en", "zh", "ko", "vi", "pt" }) {
            const std::string text = messageText(id, language, { { "min", "2" }, { "max", "5" } });
            EXPECT_FALSE(text.empty()) << id << " " << language;
            EXPECT_NE(text, id) << id << " " << language;
            EXPECT_EQ(text.find('{'), std::string::npos) << id << " " << language;
            texts.insert(text);
        }
        EXPECT_GE(texts.size(), 6u) << id << ": languages should not share texts";
    }
}

TEST(Messages, ValidateOnlyUsesKnownIds)
{
    const auto known = messageIds();
    FilledForm filled;
    for (const Field& field : typed().fields) {
        filled.values.emplace(field.key, FilledValue { std::int64_t { -1 } });
    }
    filled.values.insert_or_assign("count", FilledValue { std::string("wrong") });
    for (const auto& issue : validate(typed(), filled)) {
        EXPECT_NE(std::find(known.begin(), known.end(), issue.messageId), known.end())
            << issue.messageId;
    }
}

TEST(Messages, ParametersAndFallbacks)
{
    EXPECT_EQ(
        messageText("field.too-long", "ja", { { "max", "60" } }), "60文字以内で入力してください。");
    EXPECT_EQ(messageText("field.too-long", "en", { { "max", "60" } }),
        "Please enter at most 60 characters.");
    EXPECT_EQ(messageText("field.required", "fr"), "Please fill this in.");
    EXPECT_EQ(messageText("no.such-id", "ja"), "no.such-id");
}

} // namespace
