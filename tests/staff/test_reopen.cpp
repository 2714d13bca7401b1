// An approved record whose print failed is opened again from the list (issue 7): read-only,
// without a claim, its form, origins and history shown (an audited "view"), and printed from the
// desk; a failed print leaves it approved and says so, a retry marks it printed. Records of other
// statuses open (or do not) as before, and the queue's roles still decide who may read it.
#include "print_fixture.hpp"

#include <sqlite3.h>

namespace {

using namespace kakanai;
using namespace kakanai::staff;
using namespace kakanai::testsupport;

class StaffReopenTest : public StaffPrintTest
{
protected:
    /** Audit entries of `action` by `actor` on `record`, read straight from the queue file. */
    int auditCount(const std::string& action, const std::string& actor, const std::string& record)
    {
        sqlite3* db = nullptr;
        const std::string path = queueLocation();
        int count = -1;
        if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt* stmt = nullptr;
            const char* sql = "SELECT count(*) FROM audit WHERE action = ?1 AND actor = ?2"
                              " AND record_id = ?3";
            if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
                sqlite3_bind_text(stmt, 1, action.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(stmt, 2, actor.c_str(), -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(stmt, 3, record.c_str(), -1, SQLITE_TRANSIENT);
                if (sqlite3_step(stmt) == SQLITE_ROW) {
                    count = sqlite3_column_int(stmt, 0);
                }
            }
            sqlite3_finalize(stmt);
        }
        sqlite3_close(db);
        return count;
    }

    /** tanaka claims record n, corrects its phone number and approves it (no print). */
    void approveWithACorrection(StaffConsole& desk, int n)
    {
        ASSERT_TRUE(desk.open(uuid(n)));
        ASSERT_TRUE(desk.correct("phone", "0770-53-2222", "電話番号の誤記（本人に確認）"));
        ASSERT_TRUE(desk.decide(queue::Decision::Approve));
        ASSERT_EQ(store->get(uuid(n))->status, queue::Status::Approved);
    }

    static const FieldRow* field(const RecordView& record, const std::string& key)
    {
        for (const auto& row : record.fields) {
            if (row.key == key) {
                return &row;
            }
        }
        return nullptr;
    }
};

TEST_F(StaffReopenTest, AnApprovedRecordOpensReadOnlyWithoutAClaim)
{
    submit(1);
    StaffConsole desk = console(printOptions());
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    approveWithACorrection(desk, 1);
    ASSERT_EQ(desk.screen(), ConsoleScreen::List);
    ASSERT_EQ(desk.list().rows.size(), 1u);
    EXPECT_EQ(desk.list().rows[0].status, queue::Status::Approved);
    const int viewsBefore = auditCount("view", "tanaka", uuid(1));

    ASSERT_TRUE(desk.open(uuid(1)));
    EXPECT_EQ(desk.screen(), ConsoleScreen::Record);
    const RecordView* record = desk.record();
    ASSERT_NE(record, nullptr);
    EXPECT_TRUE(record->readOnly);
    EXPECT_EQ(record->info.status, queue::Status::Approved);
    EXPECT_EQ(record->leaseLeftMs, 0);
    EXPECT_FALSE(record->canExport); // a reviewer
    // Not claimed: the queue still has it approved, with no one's claim.
    const auto stored = store->get(uuid(1));
    EXPECT_EQ(stored->status, queue::Status::Approved);
    EXPECT_FALSE(stored->leaseUntilMs);
    // The form as for a claimed record: values, origins, flags, the correction history.
    const FieldRow* name = field(*record, "requester_name");
    const FieldRow* phone = field(*record, "phone");
    ASSERT_NE(name, nullptr);
    ASSERT_NE(phone, nullptr);
    EXPECT_EQ(name->origin, forms::ValueOrigin::Card);
    EXPECT_TRUE(name->flaggedByResident);
    EXPECT_EQ(phone->value, "0770-53-2222");
    EXPECT_EQ(phone->origin, forms::ValueOrigin::Staff);
    EXPECT_TRUE(phone->corrected);
    ASSERT_EQ(record->history.size(), 1u);
    EXPECT_EQ(record->history[0].field, "phone");
    EXPECT_EQ(record->history[0].reason, "電話番号の誤記（本人に確認）");
    // Reading it was audited as a view.
    EXPECT_EQ(auditCount("view", "tanaka", uuid(1)), viewsBefore + 1);
    EXPECT_EQ(auditCount("claim", "tanaka", uuid(1)), 1) << "opening it again claimed it";

    // No editing, no decisions, no reveal: the console refuses before the queue is asked.
    EXPECT_EQ(desk.correct("phone", "0770-53-3333", "再確認").error().id, "read-only");
    EXPECT_EQ(desk.decide(queue::Decision::Approve).error().id, "read-only");
    EXPECT_EQ(desk.decide(queue::Decision::Reject, "理由").error().id, "read-only");
    EXPECT_EQ(desk.revealMyNumber().error().id, "read-only");
    EXPECT_EQ(desk.record()->history.size(), 1u);

    ASSERT_TRUE(desk.close());
    EXPECT_EQ(desk.screen(), ConsoleScreen::List);
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Approved);
    auto audit = store->verifyAudit();
    ASSERT_TRUE(audit.ok());
    EXPECT_TRUE(audit->ok) << audit->problem;
}

TEST_F(StaffReopenTest, AFailedPrintLeavesItApprovedAndARetryPrintsIt)
{
    submit(1);
    sink.failWith(printer::PrintError { printer::PrintErrorKind::PrinterStopped, "desk", 7, "" });
    StaffConsole desk = console(printOptions());
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    approveWithACorrection(desk, 1);
    ASSERT_TRUE(desk.open(uuid(1)));

    ASSERT_TRUE(desk.print(false));
    const auto failed = waitForPrint(desk);
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->state, PrintStatus::State::Failed);
    EXPECT_EQ(failed->error.id, "print-failed");
    EXPECT_FALSE(failed->error.message.empty());
    EXPECT_FALSE(failed->markedPrinted);
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Approved);
    // Still open, still read-only, still approved: ready to try again.
    ASSERT_NE(desk.record(), nullptr);
    EXPECT_TRUE(desk.record()->readOnly);
    EXPECT_EQ(desk.record()->info.status, queue::Status::Approved);

    sink.failWith(std::nullopt); // the printer is back
    ASSERT_TRUE(desk.print(true)); // the ticket alone does not make it printed
    auto done = waitForPrint(desk);
    ASSERT_TRUE(done && done->state == PrintStatus::State::Done);
    EXPECT_FALSE(done->markedPrinted);
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Approved);

    ASSERT_TRUE(desk.print(false));
    done = waitForPrint(desk);
    ASSERT_TRUE(done);
    EXPECT_EQ(done->state, PrintStatus::State::Done);
    EXPECT_TRUE(done->markedPrinted);
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Printed);
    EXPECT_EQ(desk.record()->info.status, queue::Status::Printed);
    ASSERT_EQ(sink.jobs().size(), 2u); // the failed job never reached the sink's list
    EXPECT_EQ(sink.jobs()[1].options.title, "kakanai A-001-form");
    EXPECT_EQ(auditCount("print", "tanaka", uuid(1)), 1);
    ASSERT_TRUE(desk.close());
    EXPECT_EQ(store->get(uuid(1))->status, queue::Status::Printed);
    auto audit = store->verifyAudit();
    ASSERT_TRUE(audit.ok());
    EXPECT_TRUE(audit->ok) << audit->problem;
}

TEST_F(StaffReopenTest, TheQueuesRolesStillDecideWhoMayReadIt)
{
    submit(1);
    StaffConsole reviewer = console(printOptions());
    ASSERT_TRUE(reviewer.login("tanaka", secure("tanaka-pass")));
    approveWithACorrection(reviewer, 1);

    StaffConsole supervisor = console(printOptions());
    ASSERT_TRUE(supervisor.login("suzuki", secure("suzuki-pass")));
    ASSERT_TRUE(supervisor.open(uuid(1)));
    EXPECT_TRUE(supervisor.record()->readOnly);
    EXPECT_TRUE(supervisor.record()->canExport);
    EXPECT_EQ(auditCount("view", "suzuki", uuid(1)), 1);
    // Another reviewer opens it too: nobody holds it, so nobody is refused.
    StaffConsole other = console(printOptions());
    ASSERT_TRUE(other.login("sato", secure("sato-pass")));
    ASSERT_TRUE(other.open(uuid(1)));
    EXPECT_TRUE(other.record()->readOnly);

    // An admin manages users, never residents' data.
    StaffConsole admin = console(printOptions());
    ASSERT_TRUE(admin.login("admin", secure("admin-pass")));
    EXPECT_EQ(admin.open(uuid(1)).error().id, "forbidden");
    EXPECT_EQ(admin.screen(), ConsoleScreen::List);
    EXPECT_EQ(auditCount("view", "admin", uuid(1)), 0);
}

TEST_F(StaffReopenTest, RecordsOfOtherStatusesOpenAsBefore)
{
    for (int n = 1; n <= 4; ++n) {
        submit(n);
    }
    StaffConsole desk = console(printOptions());
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    // Returned and rejected: decided, not openable (as before).
    ASSERT_TRUE(desk.open(uuid(1)));
    ASSERT_TRUE(desk.decide(queue::Decision::Return, "本人確認書類が必要"));
    ASSERT_TRUE(desk.open(uuid(2)));
    ASSERT_TRUE(desk.decide(queue::Decision::Reject, "対象外"));
    EXPECT_EQ(desk.open(uuid(1)).error().id, "invalid-state");
    EXPECT_EQ(desk.open(uuid(2)).error().id, "invalid-state");
    EXPECT_EQ(desk.screen(), ConsoleScreen::List);
    EXPECT_EQ(desk.open(uuid(99)).error().id, "not-found");

    // Printed: not openable either (only approved records are printed again).
    approveWithACorrection(desk, 3);
    ASSERT_TRUE(desk.open(uuid(3)));
    ASSERT_TRUE(desk.print(false));
    const auto done = waitForPrint(desk);
    ASSERT_TRUE(done && done->markedPrinted);
    ASSERT_TRUE(desk.close());
    EXPECT_EQ(desk.open(uuid(3)).error().id, "invalid-state");

    // Submitted: claimed and editable, as before; another desk cannot take it.
    ASSERT_TRUE(desk.open(uuid(4)));
    EXPECT_FALSE(desk.record()->readOnly);
    EXPECT_EQ(desk.record()->info.status, queue::Status::Claimed);
    EXPECT_EQ(store->get(uuid(4))->claimedBy, "tanaka");
    EXPECT_GT(desk.record()->leaseLeftMs, 0);
    StaffConsole other = console();
    ASSERT_TRUE(other.login("sato", secure("sato-pass")));
    EXPECT_EQ(other.open(uuid(4)).error().id, "not-owner");
    ASSERT_TRUE(desk.correct("copies", "2", "本人に確認"));
    ASSERT_TRUE(desk.decide(queue::Decision::Approve));
    EXPECT_EQ(store->get(uuid(4))->status, queue::Status::Approved);
}

} // namespace
