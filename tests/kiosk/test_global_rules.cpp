// Rules that hold on every screen: card removal, inactivity, reader loss, print failure, stale
// device answers, call staff, zoom, and one resident's data never reaching the next.
#include "kiosk_fixture.hpp"

#include <type_traits>

namespace {

using namespace kakanai;
using namespace kakanai::kiosk;
using namespace kakanai::kiosk::testing;

// Everything a screen could show, flattened, to search for a resident's data.
std::string everythingShown(const ViewModel& view)
{
    std::string all = view.title + view.body + view.notice + view.formTitle + view.ticket;
    for (const auto& field : view.fields) {
        all += field.label + field.value + field.help;
    }
    if (view.editor) {
        all += view.editor->text;
    }
    return all;
}

TEST(KioskRules, RemovingTheCardDuringReviewWipesEverything)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo", "en");
    kiosk.tap("field.phone");
    kiosk.send(TypeText { "0770-53-1111" });
    ASSERT_TRUE(kiosk.machine.holdsPersonalData());
    kiosk.send(CardRemoved {});
    const ViewModel view = kiosk.machine.view();
    EXPECT_EQ(view.screen, Screen::Attract);
    EXPECT_FALSE(kiosk.machine.holdsPersonalData());
    EXPECT_TRUE(kiosk.machine.visitId().empty());
    EXPECT_EQ(view.language, "ja"); // the next resident starts in the default language
    EXPECT_EQ(view.notice, "カードが離れたため、入力内容を消去しました");
    for (const char* personal : { "試験", "花子", "小浜市大手町", "0770" }) {
        EXPECT_EQ(everythingShown(view).find(personal), std::string::npos) << personal;
    }
}

TEST(KioskRules, RemovingTheCardAfterSubmittingStillGivesTheTicket)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo");
    kiosk.answerJuminhyoAndSubmit();
    const std::string visit = kiosk.machine.visitId();
    kiosk.send(CardRemoved {});
    EXPECT_EQ(kiosk.machine.screen(), Screen::Submitting);
    kiosk.send(Submitted { visit, "A-002", 5 });
    kiosk.send(Printed { visit });
    EXPECT_EQ(kiosk.machine.view().ticket, "A-002");
}

TEST(KioskRules, InactivityAsksThenWipes)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo");
    kiosk.wait(119'000);
    EXPECT_FALSE(kiosk.machine.view().stillThereSeconds);
    kiosk.wait(1'000);
    ASSERT_TRUE(kiosk.machine.view().stillThereSeconds);
    EXPECT_EQ(*kiosk.machine.view().stillThereSeconds, 30);
    kiosk.wait(10'500);
    EXPECT_EQ(*kiosk.machine.view().stillThereSeconds, 20);
    kiosk.tap("global.still_here"); // any touch dismisses it
    EXPECT_FALSE(kiosk.machine.view().stillThereSeconds);
    EXPECT_EQ(kiosk.machine.screen(), Screen::Review);
    kiosk.wait(120'000);
    kiosk.wait(30'000);
    EXPECT_EQ(kiosk.machine.screen(), Screen::Attract);
    EXPECT_FALSE(kiosk.machine.holdsPersonalData());
    EXPECT_EQ(kiosk.machine.view().notice, "操作がなかったため、入力内容を消去しました");
}

TEST(KioskRules, TheIdleTimerDoesNotRunOnAttractOrWhileReading)
{
    Kiosk kiosk;
    kiosk.wait(600'000);
    EXPECT_EQ(kiosk.machine.screen(), Screen::Attract);
    EXPECT_FALSE(kiosk.machine.view().stillThereSeconds);
}

TEST(KioskRules, ALostReaderShowsAnErrorUntilItReturns)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo");
    kiosk.send(ReaderChanged { false });
    EXPECT_EQ(kiosk.machine.screen(), Screen::Error);
    EXPECT_FALSE(kiosk.machine.holdsPersonalData());
    EXPECT_TRUE(kiosk.machine.view().actions.empty()); // nothing to do but call staff
    kiosk.wait(60'000);
    EXPECT_EQ(kiosk.machine.screen(), Screen::Error);
    kiosk.send(ReaderChanged { true });
    EXPECT_EQ(kiosk.machine.screen(), Screen::Attract);
}

TEST(KioskRules, NoReaderWhenTheCardIsNeeded)
{
    Kiosk kiosk;
    kiosk.send(ReaderChanged { false }); // unplugged while nobody is using the kiosk
    EXPECT_EQ(kiosk.machine.screen(), Screen::Error);
    kiosk.send(ReaderChanged { true });
    kiosk.readCardFor("form.juminhyo", "en");
    kiosk.tap("action.cancel");
    // Lost while the ticket is shown: the visit ends normally, the next one cannot start.
    kiosk.readCardFor("form.juminhyo", "en");
    kiosk.answerJuminhyoAndSubmit();
    const std::string visit = kiosk.machine.visitId();
    kiosk.send(Submitted { visit, "A-003", 5 });
    kiosk.send(Printed { visit });
    kiosk.send(ReaderChanged { false });
    EXPECT_EQ(kiosk.machine.screen(), Screen::Done);
    kiosk.tapAll({ "action.finish", "lang.en", "form.juminhyo" });
    EXPECT_EQ(kiosk.machine.screen(), Screen::Error);
    EXPECT_EQ(kiosk.machine.view().body, "The card reader is not available: please call staff");
}

TEST(KioskRules, AnswersForAnEarlierCardAreIgnored)
{
    Kiosk kiosk;
    kiosk.tapAll({ "lang.ja", "form.juminhyo" });
    kiosk.send(CardInserted { CardKind::MyNumberCard });
    kiosk.send(PinStatus { kiosk.effect<QueryPinStatus>()->attempt, 3 });
    kiosk.tapAll({ "pin.1", "pin.2", "pin.3", "pin.4", "pin.ok" });
    const std::uint64_t staleAttempt = kiosk.effect<ReadCard>()->attempt;
    kiosk.send(CardRemoved {}); // the first resident walks away mid-read
    EXPECT_EQ(kiosk.machine.screen(), Screen::Attract);
    kiosk.tapAll({ "lang.ja", "form.juminhyo" });
    kiosk.send(CardInserted { CardKind::MyNumberCard });
    kiosk.send(ReadSucceeded { staleAttempt, hanako() }); // arrives late
    EXPECT_EQ(kiosk.machine.screen(), Screen::PresentCard);
    EXPECT_FALSE(kiosk.machine.holdsPersonalData());
    kiosk.send(PinStatus { staleAttempt, 3 });
    EXPECT_EQ(kiosk.machine.screen(), Screen::PresentCard);
}

TEST(KioskRules, QueueAndPrinterAnswersForAnotherVisitAreIgnored)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo");
    const std::string visit = kiosk.machine.visitId();
    kiosk.send(Submitted { "another-visit", "A-999", 1 });
    kiosk.send(GlyphsReady { "another-visit", "" });
    EXPECT_EQ(kiosk.machine.screen(), Screen::Review);
    EXPECT_EQ(kiosk.machine.visitId(), visit);
}

TEST(KioskRules, CallStaffZoomAndContrastWorkEverywhereAndResetForTheNextResident)
{
    Kiosk kiosk;
    auto& effects = kiosk.tap("global.call_staff");
    ASSERT_EQ(effects.size(), 1u);
    EXPECT_TRUE(std::get<StaffIndicator>(effects[0]).on);
    kiosk.tapAll({ "global.zoom", "global.contrast", "lang.en" });
    ViewModel view = kiosk.machine.view();
    EXPECT_EQ(view.scale, 2.0);
    EXPECT_TRUE(view.highContrast);
    EXPECT_TRUE(view.staffCalled);
    EXPECT_EQ(view.globalButtons.at(0).label, "Staff are coming");
    kiosk.tap("form.juminhyo");
    kiosk.wait(120'000);
    kiosk.wait(30'000);
    const auto* off = kiosk.effect<StaffIndicator>();
    ASSERT_NE(off, nullptr);
    EXPECT_FALSE(off->on);
    view = kiosk.machine.view();
    EXPECT_EQ(view.scale, 1.0);
    EXPECT_FALSE(view.highContrast);
}

TEST(KioskRules, APrintFailureStillShowsTheTicketAndSendsToTheCounter)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo", "en");
    kiosk.answerJuminhyoAndSubmit();
    const std::string visit = kiosk.machine.visitId();
    kiosk.send(Submitted { visit, "A-007", -1 });
    kiosk.send(PrintFailed { visit, "printer stopped" });
    const ViewModel view = kiosk.machine.view();
    EXPECT_EQ(view.screen, Screen::Done);
    EXPECT_EQ(view.ticket, "A-007");
    EXPECT_NE(view.notice.find("A-007"), std::string::npos);
    EXPECT_EQ(view.waitText, "Please ask at the counter about the wait");
    kiosk.wait(20'000);
    EXPECT_EQ(kiosk.machine.screen(), Screen::Attract);
}

TEST(KioskRules, TheMyNumberIsNeverShownInFull)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.kokuho");
    const FieldView* number = kiosk.field("notifier_my_number");
    ASSERT_NE(number, nullptr);
    EXPECT_EQ(number->value, "****-****-9018");
    EXPECT_EQ(everythingShown(kiosk.machine.view()).find("12345678"), std::string::npos);
}

TEST(KioskRules, ACardValueMarkedWrongReachesStaff)
{
    Kiosk kiosk;
    kiosk.readCardFor("form.juminhyo");
    kiosk.tap("wrong.requester_address");
    EXPECT_TRUE(kiosk.field("requester_address")->flaggedForStaff);
    kiosk.tap("field.requester_address"); // a card value cannot be edited here
    EXPECT_FALSE(kiosk.machine.view().editor);
}

TEST(KioskRules, TrainingModeMarksEveryScreen)
{
    KioskSetup setup = shippedSetup();
    setup.training = true;
    Kiosk kiosk(std::move(setup));
    EXPECT_TRUE(kiosk.machine.view().training);
    EXPECT_NE(kiosk.machine.view().trainingBanner.find("見本 / SAMPLE"), std::string::npos);
}

} // namespace
