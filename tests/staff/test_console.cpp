// The staff console over a real queue file: login and lock, the live list, claims and leases,
// corrections with history, decisions, roles, the audited reveal.
#include "console_fixture.hpp"

#include <sstream>

namespace {

using namespace kakanai;
using namespace kakanai::staff;
using namespace kakanai::testsupport;

TEST_F(StaffConsoleTest, LoginShowsTheListOldestFirst)
{
    submit(1);
    clock.advanceMs(60'000);
    submit(2, "koseki");
    clock.advanceMs(60'000);
    StaffConsole desk = console();
    EXPECT_EQ(desk.screen(), ConsoleScreen::Login);
    EXPECT_EQ(desk.login("tanaka", secure("wrong")).error().id, "auth-failed");
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    EXPECT_EQ(desk.screen(), ConsoleScreen::List);
    const ListView& list = desk.list();
    ASSERT_EQ(list.rows.size(), 2u);
    EXPECT_EQ(list.rows[0].id, uuid(1));
    EXPECT_TRUE(list.rows[0].oldestWaiting);
    EXPECT_FALSE(list.rows[1].oldestWaiting);
    EXPECT_EQ(list.rows[0].formTitle, "住民票の写し等交付請求書");
    EXPECT_EQ(formatWait(list.rows[0].waitingMs), "2分");
    EXPECT_EQ(list.waiting, 2u);
    desk.setFilter(ListFilter { std::nullopt, "koseki", "" });
    ASSERT_EQ(desk.list().rows.size(), 1u);
    EXPECT_EQ(desk.list().rows[0].templateId, "koseki");
    EXPECT_EQ(desk.list().templateIds, (std::vector<std::string> { "juminhyo", "koseki" }));
}

TEST_F(StaffConsoleTest, OpeningShowsOriginsChecksAndTheResidentsFlag)
{
    submit(1);
    StaffConsole desk = console();
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(desk.openNext());
    ASSERT_EQ(desk.screen(), ConsoleScreen::Record);
    const RecordView* record = desk.record();
    ASSERT_NE(record, nullptr);
    EXPECT_EQ(record->info.status, queue::Status::Claimed);
    EXPECT_EQ(record->info.claimedBy, "tanaka");
    const FieldRow* name = nullptr;
    const FieldRow* birth = nullptr;
    for (const auto& field : record->fields) {
        name = field.key == "requester_name" ? &field : name;
        birth = field.key == "requester_birth_date" ? &field : birth;
    }
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->origin, forms::ValueOrigin::Card);
    EXPECT_TRUE(name->flaggedByResident);
    ASSERT_NE(birth, nullptr);
    EXPECT_EQ(birth->value, "19800231"); // not a date: shown exactly as the card had it
    for (const auto& field : record->fields) {
        if (field.key == "relationship") {
            EXPECT_EQ(field.value, "本人"); // the option's label, not its code
            EXPECT_EQ(field.editText, "self");
        }
    }
    ASSERT_EQ(birth->issues.size(), 1u);
    EXPECT_EQ(birth->issues[0], "存在しない日付です。");
    bool cardCheck = false;
    for (const auto& check : record->checks) {
        cardCheck = cardCheck || check.find("カードの値が検証を通りません") != std::string::npos;
    }
    EXPECT_TRUE(cardCheck);
    EXPECT_FALSE(record->canReveal);
}

TEST_F(StaffConsoleTest, TwoDesksNeverGetTheSameRecord)
{
    submit(1);
    StaffConsole first = console();
    StaffConsole second = console();
    ASSERT_TRUE(first.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(second.login("sato", secure("sato-pass")));
    ASSERT_TRUE(first.openNext());
    EXPECT_EQ(second.openNext().error().id, "nothing-waiting");
    EXPECT_EQ(second.open(uuid(1)).error().id, "not-owner");
    ASSERT_TRUE(first.close()); // released at once, not after the lease
    ASSERT_TRUE(second.open(uuid(1)));
}

TEST_F(StaffConsoleTest, TheLeaseIsRenewedWhileOpenAndTheScreenLocksWhenIdle)
{
    submit(1);
    ConsoleOptions options;
    options.lockAfterMs = 20 * 60 * 1000;
    StaffConsole desk = console(options);
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(desk.openNext());
    const std::int64_t firstLease = *desk.record()->info.leaseUntilMs;
    clock.advanceMs(11 * 60 * 1000);
    desk.touch();
    desk.tick();
    EXPECT_GT(*desk.record()->info.leaseUntilMs, firstLease);
    clock.advanceMs(20 * 60 * 1000);
    desk.tick();
    EXPECT_EQ(desk.screen(), ConsoleScreen::Locked);
    EXPECT_EQ(desk.record(), nullptr); // nothing shown while locked
    EXPECT_EQ(desk.unlock(secure("nope")).error().id, "auth-failed");
    ASSERT_TRUE(desk.unlock(secure("tanaka-pass")));
    EXPECT_EQ(desk.screen(), ConsoleScreen::Record);
}

TEST_F(StaffConsoleTest, ACorrectionKeepsHistoryAndTheRecordCarriesTheStaffOrigin)
{
    submit(1);
    StaffConsole desk = console();
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(desk.openNext());
    EXPECT_EQ(desk.correct("copies", "3", "").error().id, "reason-required");
    EXPECT_EQ(desk.correct("copies", "three", "電話で確認").error().id, "bad-value");
    EXPECT_EQ(desk.correct("no_such", "1", "x").error().id, "unknown-field");
    ASSERT_TRUE(desk.correct("copies", "３", "本人に確認"));
    const RecordView* record = desk.record();
    ASSERT_EQ(record->history.size(), 1u);
    EXPECT_EQ(record->history[0].field, "copies");
    EXPECT_EQ(record->history[0].oldValue, "1");
    EXPECT_EQ(record->history[0].newValue, "3");
    EXPECT_EQ(record->history[0].reason, "本人に確認");
    EXPECT_EQ(record->history[0].userId, "tanaka");
    for (const auto& field : record->fields) {
        if (field.key == "copies") {
            EXPECT_EQ(field.value, "3");
            EXPECT_EQ(field.origin, forms::ValueOrigin::Staff);
            EXPECT_TRUE(field.corrected);
        }
    }
    // The queue holds the corrected form.
    auto admin = store->login("suzuki", secure("suzuki-pass"));
    auto payload = store->readPayload(*admin, uuid(1));
    ASSERT_TRUE(payload.ok());
    auto stored = forms::parseFilledJson(std::string_view(payload->data(), payload->size()));
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->find("copies")->value, forms::Value { std::int64_t { 3 } });
    EXPECT_EQ(stored->find("copies")->origin, forms::ValueOrigin::Staff);
}

TEST_F(StaffConsoleTest, DecisionsNeedReasonsExceptApprovalAndEndTheClaim)
{
    submit(1);
    submit(2);
    StaffConsole desk = console();
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(desk.open(uuid(1)));
    EXPECT_EQ(desk.decide(queue::Decision::Return).error().id, "reason-required");
    ASSERT_TRUE(desk.decide(queue::Decision::Return, "委任状がない"));
    EXPECT_EQ(desk.screen(), ConsoleScreen::List);
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Returned);
    ASSERT_TRUE(desk.open(uuid(2)));
    ASSERT_TRUE(desk.decide(queue::Decision::Approve));
    EXPECT_EQ(store->get(uuid(2))->status, queue::Status::Approved);
    EXPECT_EQ(desk.list().waiting, 0u);
}

TEST_F(StaffConsoleTest, OnlyASupervisorRevealsOrExportsAndTheRevealIsAudited)
{
    queue::Submission submission;
    submission.id = uuid(7);
    submission.templateId = "kokuho";
    submission.kioskId = "kiosk-1";
    forms::FilledForm form;
    form.templateId = "kokuho";
    form.templateVersion = 1;
    form.values.emplace("notifier_my_number",
        forms::FilledValue { std::string("********9018"), forms::ValueOrigin::Card });
    submission.payload = secure(forms::toJson(form));
    submission.myNumber = secure("123456789018");
    ASSERT_TRUE(store->submit(submission));

    StaffConsole reviewer = console();
    ASSERT_TRUE(reviewer.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(reviewer.open(uuid(7)));
    for (const auto& field : reviewer.record()->fields) {
        if (field.myNumber) {
            EXPECT_EQ(field.value, "****-****-9018");
        }
    }
    EXPECT_EQ(reviewer.revealMyNumber().error().id, "forbidden");
    std::ostringstream out;
    EXPECT_EQ(reviewer.exportSince(0, queue::ExportFormat::Jsonl, out).error().id, "forbidden");
    ASSERT_TRUE(reviewer.close());

    StaffConsole supervisor = console();
    ASSERT_TRUE(supervisor.login("suzuki", secure("suzuki-pass")));
    ASSERT_TRUE(supervisor.open(uuid(7)));
    ASSERT_TRUE(supervisor.revealMyNumber());
    bool shown = false;
    for (const auto& field : supervisor.record()->fields) {
        shown = shown || (field.myNumber && field.value == "123456789018");
    }
    EXPECT_TRUE(shown);
    supervisor.hideMyNumber();
    for (const auto& field : supervisor.record()->fields) {
        if (field.myNumber) {
            EXPECT_EQ(field.value, "****-****-9018");
        }
    }
    auto audit = store->verifyAudit();
    ASSERT_TRUE(audit.ok());
    EXPECT_TRUE(audit->ok);
}

TEST_F(StaffConsoleTest, TheDashboardCountsTodayPerFormAndHour)
{
    submit(1);
    submit(2);
    submit(3, "koseki");
    StaffConsole desk = console();
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    auto dashboard = desk.dashboard();
    ASSERT_TRUE(dashboard.ok());
    EXPECT_EQ(dashboard->waiting, 3);
    int juminhyo = 0;
    for (const int count : dashboard->perFormPerHour["juminhyo"]) {
        juminhyo += count;
    }
    EXPECT_EQ(juminhyo, 2);
    // TestClock starts at 2025-11-29T00:00Z = 09:00 in Japan.
    EXPECT_EQ(dashboard->perFormPerHour["koseki"][9], 1);
}

} // namespace
