// The kiosk flow end to end through the state machine: a resident from attract to ticket, the
// PIN rules, and 照合番号B.
#include "kiosk_fixture.hpp"

namespace {

using namespace kakanai;
using namespace kakanai::kiosk;
using namespace kakanai::kiosk::testing;

std::string valueOf(const forms::FilledForm& form, const std::string& key)
{
    const auto* value = form.find(key);
    if (!value) {
        return "<none>";
    }
    if (const auto* text = std::get_if<std::string>(&value->value)) {
        return *text;
    }
    if (const auto* number = std::get_if<std::int64_t>(&value->value)) {
        return std::to_string(*number);
    }
    return "<other>";
}

// Answers whatever the form still asks for, the way a resident would (first option, "no",
// R7.4.1, digits, katakana), until "next" moves on.
void fillUntilNextForm(Kiosk& kiosk)
{
    const int startIndex = kiosk.machine.view().formIndex;
    for (int round = 0; round < 8; ++round) {
        kiosk.tap("action.next");
        const ViewModel view = kiosk.machine.view();
        if (view.screen != Screen::Review || view.formIndex != startIndex) {
            return;
        }
        for (const FieldView& field : view.fields) {
            if (field.messages.empty() || field.fromCard) {
                continue;
            }
            switch (field.input) {
            case InputKind::Choice:
            case InputKind::MultiChoice:
                kiosk.tap(field.options.at(0).id);
                break;
            case InputKind::YesNo:
                kiosk.tap("option." + field.key + ".no");
                break;
            case InputKind::Date:
                kiosk.tapAll({ "field." + field.key, "era.R", "num.7", "num.dot", "num.4",
                    "num.dot", "num.1", "edit.ok" });
                break;
            case InputKind::Integer:
                kiosk.tapAll({ "field." + field.key, "num.1", "edit.ok" });
                break;
            case InputKind::Digits:
                kiosk.tap("field." + field.key);
                kiosk.send(TypeText {
                    field.key.find("postal") != std::string::npos ? "9170078" : "0770531111" });
                kiosk.tap("edit.ok");
                break;
            case InputKind::Katakana:
                kiosk.tapAll({ "field." + field.key, "kana.ア", "edit.ok" });
                break;
            default:
                kiosk.tap("field." + field.key);
                kiosk.send(TypeText { "福井県小浜市大手町６番３号" });
                kiosk.tap("edit.ok");
                break;
            }
        }
    }
    ADD_FAILURE() << "the form did not move on";
}

TEST(KioskFlow, AResidentGetsAJuminhyoWithoutWritingTheirNameAddressOrBirthDate)
{
    Kiosk kiosk;
    EXPECT_EQ(kiosk.machine.view().screen, Screen::Attract);
    EXPECT_EQ(kiosk.machine.view().choices.size(), 7u);
    kiosk.readCardFor("form.juminhyo", "en");

    const FieldView* name = kiosk.field("requester_name");
    ASSERT_NE(name, nullptr);
    EXPECT_TRUE(name->fromCard);
    EXPECT_EQ(name->input, InputKind::ReadOnly);
    EXPECT_EQ(name->value, "試験　花子");
    EXPECT_EQ(name->label, "Name");
    EXPECT_EQ(name->labelJa, "氏名");
    EXPECT_EQ(kiosk.field("requester_birth_date")->value, "1980-01-01 (昭和55年1月1日)");

    kiosk.tapAll({ "option.relationship.self", "option.certificate_kind.juminhyo",
        "option.scope.whole_household", "option.purpose.pension" });
    kiosk.tapAll({ "field.copies", "num.2", "edit.ok" });
    kiosk.tapAll({ "field.requester_furigana", "kana.シ", "kana.ケ", "kana.ン", "edit.space",
        "kana.ハ", "kana.ナ", "kana.コ", "edit.ok" });
    kiosk.tap("field.phone");
    kiosk.send(TypeText { "0770-53-1111" });
    kiosk.tap("edit.ok");
    kiosk.tap("action.next");
    ASSERT_EQ(kiosk.machine.screen(), Screen::Confirm) << kiosk.machine.view().notice;

    kiosk.tap("action.submit");
    ASSERT_EQ(kiosk.machine.screen(), Screen::Submitting);
    const auto* submit = kiosk.effect<SubmitVisit>();
    ASSERT_NE(submit, nullptr);
    EXPECT_EQ(submit->visitId, kiosk.machine.visitId());
    ASSERT_EQ(submit->forms.size(), 1u);
    const forms::FilledForm record
        = submit->forms[0]; // a copy: effects are replaced by the next event
    EXPECT_FALSE(record.recordId.empty());
    EXPECT_NE(record.recordId, submit->visitId);
    EXPECT_EQ(record.language, "en");
    EXPECT_EQ(valueOf(record, "requester_name"), "試験　花子");
    EXPECT_EQ(record.find("requester_name")->origin, forms::ValueOrigin::Card);
    EXPECT_EQ(valueOf(record, "requester_furigana"), "シケン　ハナコ");
    EXPECT_EQ(valueOf(record, "phone"), "0770-53-1111");
    EXPECT_EQ(valueOf(record, "copies"), "2");
    EXPECT_EQ(record.find("copies")->origin, forms::ValueOrigin::Resident);

    kiosk.send(Submitted { kiosk.machine.visitId(), "A-001", 12 });
    ASSERT_EQ(kiosk.machine.screen(), Screen::Printing);
    const auto* print = kiosk.effect<PrintVisit>();
    ASSERT_NE(print, nullptr);
    EXPECT_EQ(print->ticket, "A-001");
    EXPECT_EQ(print->forms.at(0).recordId, record.recordId);
    kiosk.send(Printed { print->visitId });
    const ViewModel done = kiosk.machine.view();
    EXPECT_EQ(done.screen, Screen::Done);
    EXPECT_EQ(done.ticket, "A-001");
    EXPECT_EQ(done.waitText, "Estimated wait: about 12 minutes");

    kiosk.send(CardRemoved {});
    EXPECT_EQ(kiosk.machine.screen(), Screen::Attract);
    EXPECT_FALSE(kiosk.machine.holdsPersonalData());
    EXPECT_TRUE(kiosk.machine.view().notice.empty()); // taking the card at the end is normal
}

TEST(KioskFlow, NextIsRefusedUntilRequiredFieldsAreAnsweredWithMessagesInTheLanguage)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo", "ja");
    EXPECT_TRUE(kiosk.field("phone")->messages.empty()); // not nagged before trying
    kiosk.tap("action.next");
    EXPECT_EQ(kiosk.machine.screen(), Screen::Review);
    const ViewModel view = kiosk.machine.view();
    EXPECT_EQ(view.notice, "赤い印の項目を直してください");
    ASSERT_NE(kiosk.field("phone"), nullptr);
    ASSERT_EQ(kiosk.field("phone")->messages.size(), 1u);
    EXPECT_EQ(kiosk.field("phone")->messages[0], "入力してください。");
}

TEST(KioskFlow, AWrongPinShowsTriesLeftAndTheLastTryIsNeverSent)
{
    Kiosk kiosk;
    kiosk.tapAll({ "lang.ja", "form.juminhyo" });
    kiosk.send(CardInserted { CardKind::MyNumberCard });
    kiosk.send(PinStatus { kiosk.effect<QueryPinStatus>()->attempt, 3 });
    EXPECT_EQ(kiosk.machine.view().triesLeft, 3);
    kiosk.tapAll({ "pin.9", "pin.9", "pin.9", "pin.9", "pin.ok" });
    const auto* read = kiosk.effect<ReadCard>();
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(std::string(read->secret.data(), read->secret.size()), "9999");
    const std::uint64_t attempt = read->attempt;
    kiosk.send(ReadFailed { attempt, ReadFailed::Kind::WrongPin, 2 });
    ViewModel view = kiosk.machine.view();
    EXPECT_EQ(view.screen, Screen::Pin);
    EXPECT_EQ(view.notice, "暗証番号が違います（残り2回）");
    EXPECT_EQ(view.digitsEntered, 0);
    kiosk.tapAll({ "pin.9", "pin.9", "pin.9", "pin.8", "pin.ok" });
    kiosk.send(ReadFailed { kiosk.effect<ReadCard>()->attempt, ReadFailed::Kind::WrongPin, 1 });
    view = kiosk.machine.view();
    EXPECT_EQ(view.screen, Screen::Error);
    EXPECT_NE(view.body.find("あと1回間違えるとロック"), std::string::npos);
    EXPECT_FALSE(kiosk.machine.holdsPersonalData());
}

TEST(KioskFlow, OneTryLeftOrLockedSendsTheResidentToTheCounterBeforeAnyPin)
{
    for (const int tries : { 1, 0 }) {
        Kiosk kiosk;
        kiosk.tapAll({ "lang.ja", "form.juminhyo" });
        kiosk.send(CardInserted { CardKind::MyNumberCard });
        kiosk.send(PinStatus { kiosk.effect<QueryPinStatus>()->attempt, tries });
        EXPECT_EQ(kiosk.machine.screen(), Screen::Error) << tries;
        kiosk.tapAll({ "pin.1", "pin.2", "pin.3", "pin.4", "pin.ok" });
        EXPECT_EQ(kiosk.effect<ReadCard>(), nullptr) << tries;
    }
}

TEST(KioskFlow, OtherCardsAreExplained)
{
    Kiosk kiosk;
    kiosk.tapAll({ "lang.en", "form.koseki" });
    kiosk.send(CardInserted { CardKind::JukiCard });
    EXPECT_EQ(kiosk.machine.screen(), Screen::PresentCard);
    EXPECT_NE(kiosk.machine.view().notice.find("Basic Resident Register"), std::string::npos);
    EXPECT_EQ(kiosk.effect<QueryPinStatus>(), nullptr);
    kiosk.send(CardRemoved {});
    kiosk.send(CardInserted { CardKind::Other });
    EXPECT_EQ(kiosk.machine.view().notice, "This is not a My Number card");
    kiosk.send(CardRemoved {});
    kiosk.send(CardInserted { CardKind::MyNumberCard });
    EXPECT_NE(kiosk.effect<QueryPinStatus>(), nullptr);
}

TEST(KioskFlow, StaffTypeCollationBWhenThePinIsForgotten)
{
    Kiosk kiosk;
    kiosk.tapAll({ "lang.ja", "form.juminhyo" });
    kiosk.send(CardInserted { CardKind::MyNumberCard });
    kiosk.send(PinStatus { kiosk.effect<QueryPinStatus>()->attempt, 3 });
    kiosk.tapAll({ "pin.1", "pin.forgot" });
    EXPECT_EQ(kiosk.machine.screen(), Screen::CollationB);
    for (const char d : std::string("80010120304821")) {
        kiosk.tap(std::string("num.") + d);
    }
    EXPECT_EQ(kiosk.machine.view().digitsEntered, 14);
    kiosk.tap("num.ok");
    const auto* read = kiosk.effect<ReadCard>();
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(read->route, ReadCard::Route::CollationB);
    EXPECT_EQ(std::string(read->secret.data(), read->secret.size()), "80010120304821");
}

TEST(KioskFlow, ALifeEventAsksItsQuestionsThenReviewsEachFormWithSharedAnswersAskedOnce)
{
    Kiosk kiosk;
    kiosk.tapAll({ "lang.ja", "event.moved_in" });
    EXPECT_EQ(kiosk.machine.screen(), Screen::Questions);
    EXPECT_FALSE(kiosk.machine.view().actions.back().enabled);
    kiosk.tapAll({ "answer.from_other_town.yes", "answer.national_health_insurance.yes",
        "answer.has_children.no", "answer.register_seal.no", "action.next" });
    ASSERT_EQ(kiosk.machine.screen(), Screen::PresentCard);
    kiosk.send(CardInserted { CardKind::MyNumberCard });
    kiosk.send(PinStatus { kiosk.effect<QueryPinStatus>()->attempt, 3 });
    kiosk.tapAll({ "pin.1", "pin.2", "pin.3", "pin.4", "pin.ok" });
    kiosk.send(ReadSucceeded { kiosk.effect<ReadCard>()->attempt, hanako() });
    kiosk.send(GlyphsReady { kiosk.effect<PrepareGlyphs>()->visitId, "" });
    ViewModel view = kiosk.machine.view();
    EXPECT_EQ(view.formCount, 2); // 転入届 and 国民健康保険
    EXPECT_EQ(view.formTitle, "住民異動届");
    EXPECT_EQ(kiosk.field("previous_address")->value, "福井県小浜市大手町６番３号");
    kiosk.tap("field.phone");
    kiosk.send(TypeText { "090-1234-5678" });
    kiosk.tap("edit.ok");
    // The phone number typed on the first form is already on the second.
    fillUntilNextForm(kiosk);
    view = kiosk.machine.view();
    ASSERT_EQ(view.formIndex, 1);
    EXPECT_EQ(view.formTitle, "国民健康保険 資格取得・喪失届");
    ASSERT_NE(kiosk.field("phone"), nullptr);
    EXPECT_EQ(kiosk.field("phone")->value, "090-1234-5678");
    EXPECT_EQ(kiosk.field("kubun")->value, "加入（資格取得）");
}

} // namespace
