// The versioned filled-form JSON: round trip, stable text, and clear errors for bad input.
#include "forms_fixture.hpp"

#include "kakanai/forms/filled_json.hpp"

namespace {

using namespace kakanai::forms;

FilledForm sample()
{
    FilledForm form;
    form.recordId = "7d0c9a52-3f6e-4b8e-9a41-2f0d6c1e5b77";
    form.templateId = "juminhyo";
    form.templateVersion = 2;
    form.language = "en";
    form.kioskId = "kiosk-1";
    form.createdAt = "2026-11-29T10:15:00+09:00";
    form.updatedAt = "2026-11-29T10:17:12+09:00";
    form.values.emplace("name", FilledValue { std::string("試験　花子"), ValueOrigin::Card });
    form.values.emplace("age", FilledValue { std::int64_t { 46 }, ValueOrigin::Derived });
    form.values.emplace("copies", FilledValue { std::int64_t { 2 }, ValueOrigin::Resident });
    form.values.emplace("agree", FilledValue { false, ValueOrigin::Staff });
    form.values.emplace("purpose",
        FilledValue { std::vector<std::string> { "bank", "other" }, ValueOrigin::Resident });
    form.sources.emplace("card.age", std::int64_t { 46 });
    form.sources.emplace("today", std::string("2026-11-29"));
    form.residentFlags = { "name" };
    return form;
}

TEST(FilledJson, RoundTripsEveryValueKindAndOrigin)
{
    const FilledForm original = sample();
    const std::string text = toJson(original);
    auto parsed = parseFilledJson(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail;
    EXPECT_EQ(parsed->recordId, original.recordId);
    EXPECT_EQ(parsed->templateId, "juminhyo");
    EXPECT_EQ(parsed->templateVersion, 2);
    EXPECT_EQ(parsed->language, "en");
    EXPECT_EQ(parsed->kioskId, "kiosk-1");
    EXPECT_EQ(parsed->createdAt, original.createdAt);
    EXPECT_EQ(parsed->updatedAt, original.updatedAt);
    ASSERT_EQ(parsed->values.size(), original.values.size());
    for (const auto& [key, value] : original.values) {
        ASSERT_NE(parsed->find(key), nullptr) << key;
        EXPECT_EQ(parsed->find(key)->value, value.value) << key;
        EXPECT_EQ(parsed->find(key)->origin, value.origin) << key;
    }
    EXPECT_EQ(parsed->sources, original.sources);
    EXPECT_EQ(parsed->residentFlags, original.residentFlags);
    EXPECT_EQ(toJson(*parsed), text); // stable text: equal forms give equal JSON
}

TEST(FilledJson, TheTextHasTheDocumentedShape)
{
    const std::string text = toJson(sample());
    EXPECT_EQ(
        text.rfind(R"({"format":"kakanai.filled-form","format_version":1,"id":"7d0c)", 0), 0u);
    EXPECT_NE(text.find(R"("copies":{"value":2,"origin":"resident"})"), std::string::npos);
    EXPECT_NE(text.find(R"("purpose":{"value":["bank","other"],"origin":"resident"})"),
        std::string::npos);
    EXPECT_NE(text.find(R"("name":{"value":"試験　花子","origin":"card"})"), std::string::npos);
    EXPECT_NE(text.find(R"("agree":{"value":false,"origin":"staff"})"), std::string::npos);
}

TEST(FilledJson, UnansweredValuesAreLeftOut)
{
    FilledForm form = sample();
    form.values.emplace("empty", FilledValue {});
    form.values.emplace("none", FilledValue { std::vector<std::string> {} });
    const std::string text = toJson(form);
    EXPECT_EQ(text.find("\"empty\""), std::string::npos);
    EXPECT_EQ(text.find("\"none\""), std::string::npos);
}

TEST(FilledJson, ErrorsHaveIdsAndNeverRepeatValues)
{
    const struct
    {
        const char* json;
        const char* id;
    } cases[] = {
        { "{", "json.syntax" },
        { "[]", "json.not-object" },
        { R"({"format":"other","format_version":1})", "json.wrong-format" },
        { R"({"format":"kakanai.filled-form","format_version":2,"template_id":"t",
            "template_version":1,"values":{}})",
            "json.unsupported-version" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_version":1,
            "values":{}})",
            "json.missing-key" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_id":"t",
            "values":{}})",
            "json.missing-key" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_id":7,
            "template_version":1,"values":{}})",
            "json.wrong-type" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_id":"t",
            "template_version":1,"values":{"a":{"value":"秘密の住所","origin":"robot"}}})",
            "json.bad-origin" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_id":"t",
            "template_version":1,"values":{"a":{"value":1.5,"origin":"card"}}})",
            "json.bad-value" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_id":"t",
            "template_version":1,"values":{"a":{"value":["x",{"y":1}],"origin":"card"}}})",
            "json.bad-value" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_id":"t",
            "template_version":1,"values":{"a":{"value":null,"origin":"card"}}})",
            "json.bad-value" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_id":"t",
            "template_version":1,"values":{"a":{"origin":"card"}}})",
            "json.missing-key" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_id":"t",
            "template_version":1,"values":{"a":{"value":1}}})",
            "json.missing-key" },
        { R"({"format":"kakanai.filled-form","format_version":1,"template_id":"t",
            "template_version":1,"values":{"a":{"value":18446744073709551615,"origin":"card"}}})",
            "json.bad-value" },
    };
    for (const auto& c : cases) {
        auto parsed = parseFilledJson(c.json);
        ASSERT_FALSE(parsed.ok()) << c.json;
        EXPECT_EQ(parsed.error().id, c.id) << c.json;
        EXPECT_EQ(parsed.error().detail.find("秘密"), std::string::npos);
    }
}

TEST(FilledJson, UnknownTopLevelKeysAreIgnored)
{
    auto parsed = parseFilledJson(R"({"format":"kakanai.filled-form","format_version":1,
        "template_id":"t","template_version":1,"values":{},"added_later":{"x":1}})");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->language, "ja");
}

} // namespace
