// Store core: open/init settings, idempotent submission, tickets, lifecycle, leases, atomic
// claims, corrections with history, the change watcher.
#include "kakanai/queue/watcher.hpp"
#include "queue_fixture.hpp"

#include <regex>
#include <thread>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;

class StoreTest : public ::testing::Test
{
protected:
    TempDir dir;
    MasterKey key = generateMasterKey();
    TestClock clock { 1'764'374'400'000 }; // 2025-11-29T00:00:00Z = 09:00 JST
    Store store = openStore(dir / "queue.db", key, &clock);
};

TEST_F(StoreTest, OpensWithDurableSettings)
{
    const auto db = dir / "queue.db";
    if (usingPostgres()) {
        EXPECT_EQ(rawQuery(db, "SELECT version FROM kakanai_schema"),
            std::to_string(Store::postgresSchemaVersion()));
        EXPECT_EQ(rawQuery(db, "SHOW default_transaction_isolation"), "read committed");
        EXPECT_EQ(rawQuery(db,
                      "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit'::regclass"
                      " AND NOT tgisinternal"),
            "2");
        return;
    }
    EXPECT_EQ(rawQuery(db, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(rawQuery(db, "PRAGMA user_version"), std::to_string(Store::schemaVersion()));
    // Every table is STRICT.
    EXPECT_EQ(rawQuery(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"), "8");
    EXPECT_EQ(rawQuery(db,
                  "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                  " AND sql LIKE '%) STRICT'"),
        "8");
    EXPECT_EQ(rawQuery(db, "PRAGMA integrity_check"), "ok");
}

TEST_F(StoreTest, MissingFileIsNotCreatedWithoutCreate)
{
    StoreOptions options;
    const std::string absent = usingPostgres()
        ? std::regex_replace((dir / "queue.db").string(), std::regex("///kq_[0-9_]+"), "///absent")
        : (dir.path() / "absent.db").string();
    auto opened = Store::open(absent, options);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, QueueErrorCode::Io);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "absent.db"));
}

TEST_F(StoreTest, SubmitAssignsDailyTicketsPerCounterGroup)
{
    auto a1 = store.submit(sampleSubmission(uuidFor(1, 1), "A"));
    auto a2 = store.submit(sampleSubmission(uuidFor(1, 2), "A"));
    auto b1 = store.submit(sampleSubmission(uuidFor(1, 3), "B"));
    ASSERT_TRUE(a1 && a2 && b1);
    EXPECT_EQ(a1->ticket, "A-001");
    EXPECT_EQ(a2->ticket, "A-002");
    EXPECT_EQ(b1->ticket, "B-001");
    EXPECT_FALSE(a1->duplicate);
    clock.advanceMs(24LL * 60 * 60 * 1000); // next day: numbering restarts
    auto next = store.submit(sampleSubmission(uuidFor(1, 4), "A"));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->ticket, "A-001");
}

TEST_F(StoreTest, TicketPrefixIsConfigurable)
{
    StoreOptions options;
    options.key = key;
    options.clock = &clock;
    options.ticketPrefixes["tax"] = "Z";
    auto other = Store::open(dir / "queue.db", options);
    ASSERT_TRUE(other);
    auto receipt = other->submit(sampleSubmission(uuidFor(2, 1), "tax"));
    ASSERT_TRUE(receipt) << receipt.error().message;
    EXPECT_EQ(receipt->ticket, "Z-001");
}

TEST_F(StoreTest, TicketDayFollowsJapanTime)
{
    clock.set(1'764'428'399'000); // 2025-11-29T14:59:59Z = 23:59:59 JST
    auto late = store.submit(sampleSubmission(uuidFor(3, 1)));
    clock.advanceMs(2000); // 00:00:01 JST on the 30th
    auto early = store.submit(sampleSubmission(uuidFor(3, 2)));
    ASSERT_TRUE(late && early);
    EXPECT_EQ(late->ticket, "A-001");
    EXPECT_EQ(early->ticket, "A-001");
    EXPECT_EQ(store.get(uuidFor(3, 2))->ticketDay, "2025-11-30");
}

TEST_F(StoreTest, ResubmissionIsIdempotent)
{
    const Submission s = sampleSubmission(uuidFor(4, 1));
    auto first = store.submit(s);
    auto again = store.submit(s);
    ASSERT_TRUE(first && again);
    EXPECT_EQ(first->ticket, again->ticket);
    EXPECT_TRUE(again->duplicate);
    EXPECT_EQ(store.list()->size(), 1u);

    Submission changed = s;
    changed.payload = secure(R"({"id":"other"})");
    auto conflict = store.submit(changed);
    ASSERT_FALSE(conflict);
    EXPECT_EQ(conflict.error().code, QueueErrorCode::Duplicate);
}

TEST_F(StoreTest, SubmitRefusesBadInput)
{
    Submission s = sampleSubmission("not-a-uuid");
    EXPECT_EQ(store.submit(s).error().code, QueueErrorCode::InvalidArgument);
    s = sampleSubmission(uuidFor(5, 1));
    s.payload = secure("[1,2]");
    EXPECT_EQ(store.submit(s).error().code, QueueErrorCode::InvalidArgument);
    s = sampleSubmission(uuidFor(5, 2));
    s.myNumber = secure("123456789012"); // wrong check digit
    EXPECT_EQ(store.submit(s).error().code, QueueErrorCode::InvalidArgument);
    s = sampleSubmission(uuidFor(5, 3));
    s.counterGroup = "A B";
    EXPECT_EQ(store.submit(s).error().code, QueueErrorCode::InvalidArgument);
    EXPECT_TRUE(store.list()->empty());
}

TEST_F(StoreTest, LifecycleWithLeases)
{
    addStaff(store);
    const StaffSession rev1 = loginAs(store, "rev1");
    const StaffSession rev2 = loginAs(store, "rev2");
    ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(6, 1))));
    ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(6, 2))));

    auto claimed = store.claimNext(rev1);
    ASSERT_TRUE(claimed && claimed->has_value());
    EXPECT_EQ((*claimed)->id, uuidFor(6, 1));
    EXPECT_EQ((*claimed)->status, Status::Claimed);
    EXPECT_EQ((*claimed)->claimedBy, "rev1");

    auto second = store.claimNext(rev2);
    ASSERT_TRUE(second && second->has_value());
    EXPECT_EQ((*second)->id, uuidFor(6, 2));
    auto none = store.claimNext(rev2);
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());

    // rev2 may not decide rev1's record, nor claim it while the lease runs.
    EXPECT_EQ(store.decide(rev2, uuidFor(6, 1), Decision::Approve).error().code,
        QueueErrorCode::NotOwner);
    EXPECT_EQ(store.claim(rev2, uuidFor(6, 1)).error().code, QueueErrorCode::NotOwner);

    // The lease expires: the record is claimable again.
    clock.advanceMs(16 * 60 * 1000);
    auto reclaimed = store.claimNext(rev2);
    ASSERT_TRUE(reclaimed && reclaimed->has_value());
    EXPECT_EQ((*reclaimed)->claimedBy, "rev2");
    EXPECT_EQ((*reclaimed)->claimCount, 2);
    EXPECT_EQ(store.decide(rev1, uuidFor(6, 1), Decision::Approve).error().code,
        QueueErrorCode::NotOwner);

    auto approved = store.decide(rev2, (*reclaimed)->id, Decision::Approve);
    ASSERT_TRUE(approved) << approved.error().message;
    EXPECT_EQ(approved->status, Status::Approved);
    EXPECT_EQ(store.decide(rev2, (*reclaimed)->id, Decision::Reject).error().code,
        QueueErrorCode::InvalidState);
    auto printed = store.markPrinted(rev2, (*reclaimed)->id);
    ASSERT_TRUE(printed);
    EXPECT_EQ(printed->status, Status::Printed);

    auto returned = store.decide(rev2, uuidFor(6, 2), Decision::Return, secure("印鑑が必要"));
    ASSERT_TRUE(returned);
    EXPECT_EQ(returned->status, Status::Returned);
    EXPECT_EQ(store.markPrinted(rev2, uuidFor(6, 2)).error().code, QueueErrorCode::InvalidState);
}

TEST_F(StoreTest, AdminsMayNotHandleRecords)
{
    addStaff(store);
    const StaffSession admin = loginAs(store, "admin");
    ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(7, 1))));
    EXPECT_EQ(store.claimNext(admin).error().code, QueueErrorCode::Forbidden);
    EXPECT_EQ(store.readPayload(admin, uuidFor(7, 1)).error().code, QueueErrorCode::Forbidden);
}

TEST_F(StoreTest, CorrectionsKeepHistory)
{
    addStaff(store);
    const StaffSession rev1 = loginAs(store, "rev1");
    ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(8, 1))));
    ASSERT_TRUE(store.claim(rev1, uuidFor(8, 1)));
    CorrectionRequest request;
    request.field = "requester_name";
    request.oldValue = secure("試験　花子");
    request.newValue = secure("試験　華子");
    request.reason = secure("本人確認書類と照合");
    request.newPayload = secure(R"({"values":{"requester_name":{"value":"試験　華子"}}})");
    auto corrected = store.correct(rev1, uuidFor(8, 1), request);
    ASSERT_TRUE(corrected) << corrected.error().message;

    auto history = store.corrections(rev1, uuidFor(8, 1));
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].userId, "rev1");
    EXPECT_EQ((*history)[0].field, "requester_name");
    EXPECT_EQ((*history)[0].oldValue, secure("試験　花子"));
    EXPECT_EQ((*history)[0].newValue, secure("試験　華子"));
    EXPECT_EQ((*history)[0].reason, secure("本人確認書類と照合"));
    EXPECT_EQ((*history)[0].atMs, clock.nowMs());
    EXPECT_EQ(*store.readPayload(rev1, uuidFor(8, 1)), request.newPayload);
    EXPECT_EQ(store.get(uuidFor(8, 1))->corrections, 1);

    // Only the claimer corrects.
    const StaffSession rev2 = loginAs(store, "rev2");
    EXPECT_EQ(store.correct(rev2, uuidFor(8, 1), request).error().code, QueueErrorCode::NotOwner);
}

TEST_F(StoreTest, ClaimsAreAtomicAcrossConnections)
{
    addStaff(store);
    for (unsigned i = 0; i < 40; ++i) {
        ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(9, i))));
    }
    std::vector<std::vector<std::string>> claimed(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            Store mine = openStore(dir / "queue.db", key, &clock);
            const StaffSession me = loginAs(mine, "rev" + std::to_string(t + 1));
            for (;;) {
                auto next = mine.claimNext(me);
                if (!next || !next->has_value()) {
                    break;
                }
                claimed[static_cast<std::size_t>(t)].push_back((*next)->id);
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    std::set<std::string> all;
    std::size_t total = 0;
    for (const auto& ids : claimed) {
        total += ids.size();
        all.insert(ids.begin(), ids.end());
    }
    EXPECT_EQ(total, 40u);
    EXPECT_EQ(all.size(), 40u);
}

TEST_F(StoreTest, WatcherSeesAnotherConnectionsRecordWithinOneSecond)
{
    auto watcher = ChangeWatcher::open(dir / "queue.db");
    ASSERT_TRUE(watcher);
    EXPECT_FALSE(watcher->waitForChange(std::chrono::milliseconds(150)));
    std::thread kiosk([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        Store other = openStore(dir / "queue.db", key, &clock);
        ASSERT_TRUE(other.submit(sampleSubmission(uuidFor(10, 1))));
    });
    const auto start = std::chrono::steady_clock::now();
    const bool changed = watcher->waitForChange(std::chrono::milliseconds(2000));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    kiosk.join();
    EXPECT_TRUE(changed);
    EXPECT_LT(elapsed, std::chrono::milliseconds(1000));
}

} // namespace
