// prefill(): every source, origins, the stale card address during a move, the My Number only
// where stored, shared answers and presets; parseCardJson().
#include "forms_fixture.hpp"

#include "kakanai/forms/address.hpp"
#include "kakanai/forms/kiosk_config.hpp"

namespace {

using namespace kakanai::forms;
using namespace kakanai::forms::testing;

std::string stringOf(const FilledForm& form, const std::string& key)
{
    const FilledValue* value = form.find(key);
    if (!value || !std::holds_alternative<std::string>(value->value)) {
        return "<none>";
    }
    return std::get<std::string>(value->value);
}

struct Directories
{
    MunicipalityDirectory municipalities;
    PostalDirectory postalCodes;
};

const Directories& directories()
{
    static const Directories loaded {
        MunicipalityDirectory::load(CONFIG / "data").value(),
        PostalDirectory::load(CONFIG / "data").value(),
    };
    return loaded;
}

const FormTemplate& everySource()
{
    static const FormTemplate form = inlineTemplate(R"(
[[sections.fields]]
key = "name"
type = "text"
prefill = "card.name"
label = { ja = "氏名", en = "Name" }
[[sections.fields]]
key = "address"
type = "address"
prefill = "card.address"
label = { ja = "住所", en = "Address" }
[[sections.fields]]
key = "birth"
type = "date"
prefill = "card.birth_date"
label = { ja = "生年月日", en = "Birth" }
[[sections.fields]]
key = "sex"
type = "choice"
prefill = "card.sex"
label = { ja = "性別", en = "Sex" }
options = [
  { value = "male", label = { ja = "男", en = "Male" } },
  { value = "female", label = { ja = "女", en = "Female" } },
  { value = "not_applicable", label = { ja = "適用不能", en = "N/A" } },
]
[[sections.fields]]
key = "number"
type = "my_number"
prefill = "card.my_number"
store = true
label = { ja = "個人番号", en = "My Number" }
[[sections.fields]]
key = "age"
type = "integer"
prefill = "card.age"
label = { ja = "年齢", en = "Age" }
[[sections.fields]]
key = "prefecture"
type = "text"
prefill = "card.address.prefecture"
label = { ja = "都道府県", en = "Prefecture" }
[[sections.fields]]
key = "municipality"
type = "text"
prefill = "card.address.municipality"
label = { ja = "市区町村", en = "Municipality" }
[[sections.fields]]
key = "postal"
type = "postal_code"
prefill = "card.postal_code"
label = { ja = "郵便番号", en = "Postal code" }
[[sections.fields]]
key = "town"
type = "text"
prefill = "kiosk.municipality"
label = { ja = "市町村", en = "Town" }
[[sections.fields]]
key = "date"
type = "date"
prefill = "today"
label = { ja = "日付", en = "Date" }
[[sections.fields]]
key = "phone"
type = "phone"
shared = true
label = { ja = "電話", en = "Phone" }
[[sections.fields]]
key = "purpose"
type = "text"
label = { ja = "目的", en = "Purpose" }
)");
    return form;
}

PrefillContext fullContext(const KioskConfig& kiosk)
{
    PrefillContext context = contextOn({ 2026, 11, 29 });
    context.kiosk = &kiosk;
    context.municipalities = &directories().municipalities;
    context.postalCodes = &directories().postalCodes;
    return context;
}

TEST(Prefill, EverySourceWithItsOrigin)
{
    const KioskConfig kiosk = loadKioskConfigFile(CONFIG / "kiosk.toml").config;
    const FilledForm filled = prefill(everySource(), hanakoCard(), fullContext(kiosk));
    EXPECT_EQ(filled.templateId, "t");
    EXPECT_EQ(filled.templateVersion, 3);
    EXPECT_EQ(filled.kioskId, "kiosk-1");
    EXPECT_EQ(filled.createdAt, "2026-11-29T10:15:00+09:00");

    const struct
    {
        const char* key;
        const char* value;
        ValueOrigin origin;
    } expected[] = {
        { "name", "試験　花子", ValueOrigin::Card },
        { "address", "福井県小浜市大手町６番３号", ValueOrigin::Card },
        { "birth", "1980-01-01", ValueOrigin::Card },
        { "sex", "female", ValueOrigin::Card },
        { "number", "123456789018", ValueOrigin::Card },
        { "prefecture", "福井県", ValueOrigin::Derived },
        { "municipality", "小浜市", ValueOrigin::Derived },
        { "postal", "917-0078", ValueOrigin::Derived },
        { "town", "小浜市", ValueOrigin::Derived },
        { "date", "2026-11-29", ValueOrigin::Derived },
    };
    for (const auto& e : expected) {
        EXPECT_EQ(stringOf(filled, e.key), e.value) << e.key;
        ASSERT_NE(filled.find(e.key), nullptr) << e.key;
        EXPECT_EQ(filled.find(e.key)->origin, e.origin) << e.key;
    }
    ASSERT_NE(filled.find("age"), nullptr);
    EXPECT_EQ(filled.find("age")->value, Value { std::int64_t { 46 } });
    EXPECT_EQ(filled.find("age")->origin, ValueOrigin::Derived);
    EXPECT_EQ(filled.find("phone"), nullptr);
    EXPECT_EQ(filled.find("purpose"), nullptr);
}

TEST(Prefill, ConditionSourcesNeverHoldTheNameAddressOrNumber)
{
    const KioskConfig kiosk = loadKioskConfigFile(CONFIG / "kiosk.toml").config;
    const FilledForm filled = prefill(everySource(), hanakoCard(), fullContext(kiosk));
    EXPECT_EQ(filled.sources.at("card.age"), Value { std::int64_t { 46 } });
    EXPECT_EQ(filled.sources.at("today"), Value { std::string("2026-11-29") });
    EXPECT_EQ(filled.sources.at("card.address.prefecture"), Value { std::string("福井県") });
    for (const char* key :
        { "card.name", "card.address", "card.birth_date", "card.my_number", "card.postal_code" }) {
        EXPECT_FALSE(filled.sources.contains(key)) << key;
    }
}

TEST(Prefill, AgeCountsTheBirthday)
{
    PrefillContext context = contextOn({ 2026, 12, 31 });
    CardData card = hanakoCard();
    assignSecure(card.birthDate, "2011-12-31");
    EXPECT_EQ(
        sourceValue(PrefillSource::CardAge, card, context).value, Value { std::int64_t { 15 } });
    context.today = { 2026, 12, 30 };
    EXPECT_EQ(
        sourceValue(PrefillSource::CardAge, card, context).value, Value { std::int64_t { 14 } });
}

TEST(Prefill, DerivedValuesThatCannotBeKnownStayEmpty)
{
    const KioskConfig kiosk = loadKioskConfigFile(CONFIG / "kiosk.toml").config;
    CardData card = hanakoCard();
    assignSecure(card.address, "架空県どこか市1-2-3"); // no such prefecture
    assignSecure(card.birthDate, "19800231"); // no such day: no age
    const FilledForm filled = prefill(everySource(), card, fullContext(kiosk));
    EXPECT_EQ(stringOf(filled, "address"), "架空県どこか市1-2-3"); // the card value, as is
    EXPECT_EQ(stringOf(filled, "birth"), "19800231");
    for (const char* key : { "prefecture", "municipality", "postal", "age" }) {
        EXPECT_EQ(filled.find(key), nullptr) << key;
    }
    EXPECT_FALSE(filled.sources.contains("card.age"));
}

TEST(Prefill, NoDirectoriesNoKioskMeansNoDerivedAddressParts)
{
    const FilledForm filled = prefill(everySource(), hanakoCard(), contextOn({ 2026, 11, 29 }));
    for (const char* key : { "prefecture", "municipality", "postal", "town" }) {
        EXPECT_EQ(filled.find(key), nullptr) << key;
    }
    EXPECT_EQ(stringOf(filled, "date"), "2026-11-29");
}

TEST(Prefill, APostalCodeOnlyWhenTheDataGivesOne)
{
    PrefillContext context = contextOn({ 2026, 11, 29 });
    context.municipalities = &directories().municipalities;
    context.postalCodes = &directories().postalCodes;
    CardData card = hanakoCard();
    assignSecure(card.address, "東京都千代田区霞が関一丁目１番１号");
    EXPECT_EQ(sourceValue(PrefillSource::CardPostalCode, card, context).value,
        Value { std::string("100-0013") });
    // 新潟市北区東栄町 has two postal codes (950-3323, 950-3104): never guess between them.
    assignSecure(card.address, "新潟県新潟市北区東栄町一丁目１番１号");
    EXPECT_EQ(sourceValue(PrefillSource::CardPostalCode, card, context).value, Value {});
}

TEST(Prefill, MyNumberOnlyWhereTheTemplateStoresIt)
{
    const FormTemplate form = inlineTemplate(R"(
[[sections.fields]]
key = "shown_only"
type = "my_number"
prefill = "card.my_number"
label = { ja = "個人番号", en = "My Number" }
)");
    const FilledForm filled = prefill(form, hanakoCard(), contextOn({ 2026, 11, 29 }));
    EXPECT_EQ(filled.find("shown_only"), nullptr);
}

TEST(Prefill, TheStaleCardAddressIsThePreviousAddressDuringAMove)
{
    const FormTemplate ido = shippedTemplate("ido");
    const ValueMap preset { { "move_kind", std::string("tennyu") } };
    PrefillContext context = contextOn({ 2026, 11, 29 });
    context.preset = &preset;
    const FilledForm filled = prefill(ido, hanakoCard(), context);
    EXPECT_EQ(stringOf(filled, "previous_address"), "福井県小浜市大手町６番３号");
    EXPECT_EQ(filled.find("new_address"), nullptr);
    EXPECT_EQ(stringOf(filled, "move_kind"), "tennyu");
    EXPECT_EQ(filled.find("move_kind")->origin, ValueOrigin::Resident);
}

TEST(Prefill, SharedAnswersComeAfterTheCardAndBeforePresets)
{
    const ValueMap shared { { "phone", std::string("0770-53-1111") },
        { "purpose", std::string("not a shared key of this form") } };
    const ValueMap preset { { "phone", std::string("090-0000-0000") },
        { "purpose", std::string("bank") }, { "name", std::string("ignored: card wins") } };
    PrefillContext context = contextOn({ 2026, 11, 29 });
    context.sharedAnswers = &shared;
    context.preset = &preset;
    const FilledForm filled = prefill(everySource(), hanakoCard(), context);
    EXPECT_EQ(stringOf(filled, "phone"), "0770-53-1111");
    EXPECT_EQ(stringOf(filled, "purpose"), "bank");
    EXPECT_EQ(stringOf(filled, "name"), "試験　花子");
    EXPECT_EQ(filled.find("name")->origin, ValueOrigin::Card);
}

TEST(CardJson, ReadsWhatKakanaiCardPrints)
{
    auto card = parseCardJson(R"({"name":"試験　花子","address":"福井県小浜市大手町６番３号",
        "birth_date":"1980-01-01","birth_date_wareki":"昭和55年1月1日","birth_date_raw":"19800101",
        "sex":"female","my_number":"123456789018","my_number_check_digit_ok":true,
        "route":"pin","extended_length":false,"apdu_count":8})");
    ASSERT_TRUE(card.ok());
    EXPECT_EQ(std::string_view(card->name.data(), card->name.size()), "試験　花子");
    EXPECT_EQ(std::string_view(card->birthDate.data(), card->birthDate.size()), "1980-01-01");
    EXPECT_EQ(card->sex, "female");
    EXPECT_EQ(std::string_view(card->myNumber.data(), card->myNumber.size()), "123456789018");
}

TEST(CardJson, AnInvalidCardDateIsKeptVerbatim)
{
    auto card = parseCardJson(R"({"name":"x","birth_date":"","birth_date_raw":"19800231",
        "my_number":null})");
    ASSERT_TRUE(card.ok());
    EXPECT_EQ(std::string_view(card->birthDate.data(), card->birthDate.size()), "19800231");
    EXPECT_TRUE(card->myNumber.empty());
}

TEST(CardJson, BadInputIsAnErrorThatNamesNoValue)
{
    EXPECT_EQ(parseCardJson("{").error().kind, CardJsonError::Kind::NotJson);
    EXPECT_EQ(parseCardJson("[1]").error().kind, CardJsonError::Kind::NotAnObject);
    const auto wrong = parseCardJson(R"({"name":"試験","address":12345})");
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().kind, CardJsonError::Kind::WrongType);
    EXPECT_NE(wrong.error().detail.find("address"), std::string::npos);
    EXPECT_EQ(wrong.error().detail.find("12345"), std::string::npos);
}

} // namespace
