// The on-screen keyboards: 50音 with ゛゜ and small kana, the number pad, the era date picker.
#include "kiosk_fixture.hpp"

namespace {

using namespace kakanai;
using namespace kakanai::kiosk;
using namespace kakanai::kiosk::testing;

TEST(KioskEditor, KanaMarksComposeAndSmallKanaToggle)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo");
    kiosk.tapAll({ "field.requester_furigana", "kana.カ", "kana.dakuten", "kana.ツ", "kana.small",
        "kana.ハ", "kana.handakuten", "kana.ウ", "kana.dakuten", "kana.long", "kana.ア",
        "kana.small", "kana.small" });
    ASSERT_TRUE(kiosk.machine.view().editor);
    EXPECT_EQ(kiosk.machine.view().editor->text, "ガッパヴーア");
    kiosk.tapAll({ "kana.ナ", "kana.dakuten" }); // ナ has no voiced form: unchanged
    EXPECT_EQ(kiosk.machine.view().editor->text, "ガッパヴーアナ");
    kiosk.tapAll({ "edit.delete", "edit.delete" });
    EXPECT_EQ(kiosk.machine.view().editor->text, "ガッパヴー");
    kiosk.tap("edit.ok");
    EXPECT_EQ(kiosk.field("requester_furigana")->value, "ガッパヴー");
    EXPECT_TRUE(kiosk.field("requester_furigana")->messages.empty());
}

TEST(KioskEditor, TheEraDatePickerStoresAnIsoDateAndShowsWareki)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo");
    kiosk.tapAll({ "option.relationship.household", "field.target_birth_date", "era.H", "num.1",
        "num.2", "num.dot", "num.2", "num.dot", "num.2", "num.9", "edit.ok" });
    EXPECT_EQ(kiosk.field("target_birth_date")->value, "平成12年2月29日");
    kiosk.tap("field.target_birth_date"); // reopening shows what was stored, in the era
    EXPECT_EQ(kiosk.machine.view().editor->text, "12.2.29");
    kiosk.tapAll({ "edit.clear", "num.1", "num.3", "num.dot", "num.2", "num.dot", "num.2", "num.9",
        "edit.ok" });
    const FieldView* date = kiosk.field("target_birth_date");
    ASSERT_NE(date, nullptr);
    ASSERT_EQ(date->messages.size(), 1u); // 平成13年2月29日 does not exist
    EXPECT_EQ(date->messages[0], "存在しない日付です。");
}

TEST(KioskEditor, KeyRowsMatchTheInputKind)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo");
    kiosk.tap("field.requester_furigana");
    auto editor = *kiosk.machine.view().editor;
    EXPECT_EQ(editor.input, InputKind::Katakana);
    EXPECT_EQ(editor.keyRows.at(0).at(0).id, "kana.ア");
    EXPECT_EQ(editor.keyRows.at(9).at(2).id, "kana.ン");
    kiosk.tap("edit.cancel");
    kiosk.tap("field.phone");
    editor = *kiosk.machine.view().editor;
    EXPECT_EQ(editor.input, InputKind::Digits);
    bool hyphen = false;
    for (const auto& row : editor.keyRows) {
        for (const auto& key : row) {
            hyphen = hyphen || key.id == "num.hyphen";
            EXPECT_NE(key.id.rfind("kana.", 0), 0u);
        }
    }
    EXPECT_TRUE(hyphen);
}

TEST(KioskEditor, TypedControlCharactersAreRefused)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo");
    kiosk.tap("field.phone");
    kiosk.send(TypeText { "0770\n53" });
    EXPECT_EQ(kiosk.machine.view().editor->text, "");
}

} // namespace
