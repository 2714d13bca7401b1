// Staff users (scrypt, lockout, roles), the HMAC-chained audit log, retention purge, export,
// stats and KPI.
#include "queue_fixture.hpp"

#include <sstream>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;

class UsersAuditTest : public ::testing::Test
{
protected:
    void SetUp() override { addStaff(store); }

    std::string db(const std::string& sql) { return rawQuery(dir / "queue.db", sql); }

    TempDir dir;
    MasterKey key = generateMasterKey();
    TestClock clock;
    Store store = openStore(dir / "queue.db", key, &clock);
};

TEST_F(UsersAuditTest, PasswordsAreScryptHashesWithPerUserSalt)
{
    EXPECT_EQ(db("SELECT count(DISTINCT salt) FROM users"), db("SELECT count(*) FROM users"));
    EXPECT_EQ(db("SELECT length(hash) FROM users WHERE id = 'rev1'"), "32");
    EXPECT_EQ(
        db("SELECT " + sqlPosition("hash", "password-rev1") + " FROM users WHERE id = 'rev1'"),
        "0");
    EXPECT_EQ(
        store.bootstrapAdmin(NewUser { "x", "X", Role::Admin, secure("password-x") }).error().code,
        QueueErrorCode::InvalidState);
}

TEST_F(UsersAuditTest, LockoutAfterFiveFailures)
{
    for (int i = 0; i < LOCKOUT_FAILURES - 1; ++i) {
        EXPECT_EQ(
            store.login("rev1", secure("wrong-password")).error().code, QueueErrorCode::AuthFailed);
    }
    EXPECT_EQ(store.login("rev1", secure("wrong-password")).error().code, QueueErrorCode::Locked);
    // Even the right password is refused now, until an admin sets a new one.
    EXPECT_EQ(store.login("rev1", secure("password-rev1")).error().code, QueueErrorCode::Locked);
    EXPECT_EQ(
        db("SELECT count(*) FROM audit WHERE action = 'login-failed' AND actor = 'rev1'"), "5");
    const StaffSession admin = loginAs(store, "admin");
    ASSERT_TRUE(store.setPassword(admin, "rev1", secure("new-password-1")));
    EXPECT_TRUE(store.login("rev1", secure("new-password-1")));
    EXPECT_EQ(store.login("nobody", secure("whatever1")).error().code, QueueErrorCode::AuthFailed);
}

TEST_F(UsersAuditTest, OnlyAdminsManageUsers)
{
    const StaffSession sup = loginAs(store, "sup");
    const StaffSession admin = loginAs(store, "admin");
    const NewUser user { "rev9", "R9", Role::Reviewer, secure("password-rev9") };
    EXPECT_EQ(store.addUser(sup, user).error().code, QueueErrorCode::Forbidden);
    EXPECT_EQ(store.disableUser(sup, "rev1").error().code, QueueErrorCode::Forbidden);
    EXPECT_EQ(store.setPassword(sup, "rev1", secure("12345678x")).error().code,
        QueueErrorCode::Forbidden);
    EXPECT_TRUE(store.setPassword(sup, "sup", secure("password-sup2"))); // own password
    EXPECT_EQ(store.addUser(admin, NewUser { "short", "S", Role::Reviewer, secure("short") })
                  .error()
                  .code,
        QueueErrorCode::InvalidArgument);
    ASSERT_TRUE(store.addUser(admin, user));
    EXPECT_EQ(store.addUser(admin, user).error().code, QueueErrorCode::Duplicate);
    ASSERT_TRUE(store.disableUser(admin, "rev9"));
    EXPECT_EQ(store.login("rev9", secure("password-rev9")).error().code, QueueErrorCode::Locked);
}

TEST_F(UsersAuditTest, AuditChainVerifiesAndRecordsEveryKindOfEvent)
{
    ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(1, 1))));
    const StaffSession rev = loginAs(store, "rev1");
    ASSERT_TRUE(store.claim(rev, uuidFor(1, 1)));
    ASSERT_TRUE(store.readPayload(rev, uuidFor(1, 1)));
    ASSERT_TRUE(store.decide(rev, uuidFor(1, 1), Decision::Approve));
    EXPECT_FALSE(store.login("rev1", secure("wrong-password")));
    for (const char* action :
        { "submit", "claim", "view", "approve", "login", "login-failed", "user-add" }) {
        EXPECT_NE(
            db(std::string("SELECT count(*) FROM audit WHERE action = '") + action + "'"), "0")
            << action;
    }
    auto report = store.verifyAudit();
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->ok) << report->problem;
    EXPECT_GT(report->entries, 10);
    // The log refuses edits through SQL.
    EXPECT_NE(db("DELETE FROM audit WHERE seq = 3").find("append-only"), std::string::npos);
}

TEST_F(UsersAuditTest, DeletedAuditRowIsDetected)
{
    ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(2, 1))));
    disableAuditGuards(dir / "queue.db");
    db("DELETE FROM audit WHERE seq = 4");
    auto report = store.verifyAudit();
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->ok);
    EXPECT_EQ(report->firstBadSeq, 4);
}

TEST_F(UsersAuditTest, EditedAuditRowIsDetected)
{
    disableAuditGuards(dir / "queue.db");
    db("UPDATE audit SET actor = 'someone' WHERE seq = 2");
    auto report = store.verifyAudit();
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->ok);
    EXPECT_EQ(report->firstBadSeq, 2);
}

TEST_F(UsersAuditTest, DeletedLastAuditRowIsDetected)
{
    disableAuditGuards(dir / "queue.db");
    db("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)");
    auto report = store.verifyAudit();
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->ok);
}

// Whoever can write the database can delete the last entries and point the head at an earlier
// one: the chain alone cannot tell. An anchor kept from an earlier check can.
TEST_F(UsersAuditTest, AnAnchorCatchesEntriesDeletedAtTheEndWithTheHeadRewritten)
{
    for (unsigned i = 1; i <= 3; ++i) {
        ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(9, i))));
    }
    auto earlier = store.verifyAudit();
    ASSERT_TRUE(earlier);
    ASSERT_TRUE(earlier->ok) << earlier->problem;
    const AuditAnchor anchor = earlier->head;
    EXPECT_EQ(anchor.seq, earlier->entries);
    EXPECT_EQ(anchor.macHex.size(), 64u);
    ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(9, 4))));
    auto later = store.verifyAudit(anchor);
    ASSERT_TRUE(later);
    EXPECT_TRUE(later->ok) << "the anchored entry is still there: " << later->problem;

    const std::string keep = std::to_string(anchor.seq - 2);
    disableAuditGuards(dir / "queue.db");
    db("DELETE FROM audit WHERE seq > " + keep);
    db("UPDATE audit_head SET seq = " + keep + ", mac = (SELECT mac FROM audit WHERE seq = " + keep
        + ")");
    auto unanchored = store.verifyAudit();
    ASSERT_TRUE(unanchored);
    EXPECT_TRUE(unanchored->ok) << "the limit an anchor is for";
    auto anchored = store.verifyAudit(anchor);
    ASSERT_TRUE(anchored);
    EXPECT_FALSE(anchored->ok);
    EXPECT_EQ(anchored->firstBadSeq, anchor.seq - 1);
    EXPECT_NE(anchored->problem.find("deleted at the end"), std::string::npos) << anchored->problem;
}

TEST_F(UsersAuditTest, AnAnchorFromAnotherLogDoesNotMatch)
{
    auto report = store.verifyAudit();
    ASSERT_TRUE(report);
    AuditAnchor other = report->head;
    ASSERT_GT(other.seq, 0);
    other.macHex[0] = other.macHex[0] == '0' ? '1' : '0';
    auto checked = store.verifyAudit(other);
    ASSERT_TRUE(checked);
    EXPECT_FALSE(checked->ok);
    EXPECT_EQ(checked->firstBadSeq, other.seq);
    EXPECT_NE(checked->problem.find("differs from the anchor"), std::string::npos);
}

TEST(AuditAnchorText, ParsesWhatItFormats)
{
    const std::string hex(64, 'a');
    const auto anchor = parseAuditAnchor("42:" + std::string(64, 'A'));
    ASSERT_TRUE(anchor.has_value());
    EXPECT_EQ(anchor->seq, 42);
    EXPECT_EQ(anchor->macHex, hex) << "lowercased";
    EXPECT_EQ(formatAuditAnchor(*anchor), "42:" + hex);
    for (const std::string& bad : std::vector<std::string> { "", "42", ":" + hex, "0:" + hex,
             "-1:" + hex, "4x:" + hex, "42:" + hex.substr(1), "42:" + hex + "0",
             "42:" + hex.substr(1) + "g", "1234567890123456789:" + hex }) {
        EXPECT_FALSE(parseAuditAnchor(bad).has_value()) << bad;
    }
}

TEST_F(UsersAuditTest, PurgeLeavesATombstoneAndAnAuditEntry)
{
    Submission s = sampleSubmission(uuidFor(3, 1));
    s.myNumber = secure("123456789018");
    ASSERT_TRUE(store.submit(s));
    ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(3, 2))));
    const StaffSession rev = loginAs(store, "rev1");
    ASSERT_TRUE(store.claim(rev, uuidFor(3, 1)));
    CorrectionRequest fix { "copies", secure("1"), secure("2"), secure("電話で確認"),
        secure(R"({"copies":2})") };
    ASSERT_TRUE(store.correct(rev, uuidFor(3, 1), fix));
    ASSERT_TRUE(store.decide(rev, uuidFor(3, 1), Decision::Reject, secure("本人でない")));

    clock.advanceMs(29LL * 24 * 60 * 60 * 1000);
    EXPECT_EQ(*store.purge(), 0u);
    clock.advanceMs(2LL * 24 * 60 * 60 * 1000);
    EXPECT_EQ(*store.purge(), 1u);

    const auto tomb = store.get(uuidFor(3, 1));
    ASSERT_TRUE(tomb);
    EXPECT_EQ(tomb->status, Status::Purged);
    EXPECT_EQ(tomb->ticket, "A-001");
    EXPECT_EQ(tomb->templateId, "juminhyo");
    EXPECT_FALSE(tomb->hasMyNumber);
    EXPECT_EQ(db("SELECT count(*) FROM records WHERE id = '" + uuidFor(3, 1)
                  + "' AND payload IS NULL AND wrapped_key IS NULL AND reason IS NULL"),
        "1");
    EXPECT_EQ(db("SELECT count(*) FROM corrections WHERE old_value IS NOT NULL"), "0");
    EXPECT_EQ(db("SELECT detail FROM audit WHERE action = 'purge'"), "was rejected, kept 30 days");
    EXPECT_EQ(store.readPayload(rev, uuidFor(3, 1)).error().code, QueueErrorCode::InvalidState);
    // The waiting record is never purged.
    EXPECT_EQ(store.get(uuidFor(3, 2))->status, Status::Submitted);
    EXPECT_TRUE(store.verifyAudit()->ok);
}

TEST_F(UsersAuditTest, ExportIsForSupervisorsAndMarksRecordsExported)
{
    Submission s = sampleSubmission(uuidFor(4, 1));
    s.myNumber = secure("123456789018");
    ASSERT_TRUE(store.submit(s));
    const StaffSession rev = loginAs(store, "rev1");
    ASSERT_TRUE(store.claim(rev, uuidFor(4, 1)));
    ASSERT_TRUE(store.decide(rev, uuidFor(4, 1), Decision::Approve));
    std::ostringstream out;
    EXPECT_EQ(store.exportRecords(rev, 0, ExportFormat::Jsonl, out).error().code,
        QueueErrorCode::Forbidden);
    const StaffSession sup = loginAs(store, "sup");
    auto count = store.exportRecords(sup, 0, ExportFormat::Jsonl, out);
    ASSERT_TRUE(count) << count.error().message;
    EXPECT_EQ(*count, 1u);
    const std::string line = out.str();
    EXPECT_EQ(line.rfind("{\"id\":\"" + uuidFor(4, 1) + "\",\"ticket\":\"A-001\"", 0), 0u) << line;
    EXPECT_NE(line.find("\"my_number\":\"123456789018\""), std::string::npos);
    EXPECT_NE(line.find("\"form\":{\"format\":\"kakanai.filled-form\""), std::string::npos);
    EXPECT_EQ(store.get(uuidFor(4, 1))->status, Status::Exported);
    std::ostringstream csv;
    ASSERT_TRUE(store.exportRecords(sup, 0, ExportFormat::Csv, csv));
    EXPECT_EQ(csv.str().rfind("id,ticket,template_id", 0), 0u);
    EXPECT_NE(csv.str().find("\"{\"\"format\"\":"), std::string::npos);
    EXPECT_EQ(db("SELECT count(*) FROM audit WHERE action = 'export'"), "2");
}

TEST_F(UsersAuditTest, StatsAndKpi)
{
    for (unsigned i = 0; i < 4; ++i) {
        Submission s = sampleSubmission(uuidFor(5, i));
        s.cardReadAtMs = clock.nowMs() - 120'000; // card read two minutes before the ticket
        s.visitId = i < 2 ? "visit-1" : "visit-" + std::to_string(i);
        ASSERT_TRUE(store.submit(s));
    }
    const StaffSession rev = loginAs(store, "rev1");
    clock.advanceMs(60'000);
    ASSERT_TRUE(store.claim(rev, uuidFor(5, 0)));
    clock.advanceMs(240'000);
    ASSERT_TRUE(store.decide(rev, uuidFor(5, 0), Decision::Approve));
    ASSERT_TRUE(store.claim(rev, uuidFor(5, 1)));
    clock.advanceMs(240'000);
    ASSERT_TRUE(store.decide(rev, uuidFor(5, 1), Decision::Return));

    auto stats = store.stats();
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->counts[Status::Submitted], 2);
    EXPECT_EQ(stats->counts[Status::Approved], 1);
    EXPECT_EQ(stats->counts[Status::Returned], 1);
    EXPECT_EQ(stats->waiting, 2);
    EXPECT_EQ(stats->activeStaff, 1);
    EXPECT_EQ(*stats->medianHandlingMs, 240'000);
    EXPECT_EQ(stats->estimatedWaitMs, 2 * 240'000);
    EXPECT_EQ(*stats->medianWaitToClaimMs, (60'000 + 300'000) / 2);

    auto rows = store.kpi("2025-11-29", "2025-11-29");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].procedure, "juminhyo");
    EXPECT_EQ((*rows)[0].forms, 4);
    EXPECT_EQ((*rows)[0].visits, 3);
    EXPECT_EQ((*rows)[0].returned, 1);
    EXPECT_EQ(*(*rows)[0].medianCardToTicketMs, 120'000);
    EXPECT_EQ(store.kpi("2025-13-01", "x").error().code, QueueErrorCode::InvalidArgument);
}

} // namespace
