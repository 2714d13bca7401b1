// One ticket covers a visit: a visit's further forms share the ticket of its first one
// (Submission::ticketOf), at the kiosk and on the server they are forwarded to, while another
// visit never gets that ticket text. Runs on SQLite and, as pg.*, on PostgreSQL.
#include "queue_fixture.hpp"

#include <gtest/gtest.h>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;

class VisitTicketTest : public ::testing::Test
{
protected:
    TempDir dir;
    MasterKey key = generateMasterKey();
    TestClock clock { 1'764'374'400'000 }; // 2025-11-29T00:00:00Z = 09:00 JST
    Store store = openStore(dir / "queue.db", key, &clock);

    /** A kiosk's own file whose group A tickets read K1-nnn. */
    Store openKiosk(const std::string& name)
    {
        return openStore(dir.path() / (name + ".db"), key, &clock, "K1");
    }

    static Submission form(unsigned n, const std::string& visit, const std::string& ticketOf = "")
    {
        Submission s = sampleSubmission(uuidFor(7, n));
        s.visitId = visit;
        s.ticketOf = ticketOf;
        return s;
    }
};

TEST_F(VisitTicketTest, AVisitsFormsShareItsFirstTicketAndTheNextVisitGetsItsOwn)
{
    auto first = store.submit(form(1, "visit-a"));
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->ticket, "A-001");
    auto second = store.submit(form(2, "visit-a", uuidFor(7, 1)));
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->ticket, "A-001");
    auto third = store.submit(form(3, "visit-a", uuidFor(7, 1)));
    ASSERT_TRUE(third);
    EXPECT_EQ(third->ticket, "A-001");
    auto next = store.submit(form(4, "visit-b"));
    ASSERT_TRUE(next);
    EXPECT_NE(next->ticket, "A-001");
    EXPECT_EQ(next->ticket, "A-002") << "the further forms use up no number";
    EXPECT_EQ(rawQuery(dir / "queue.db",
                  "SELECT ticket_number FROM records WHERE id = '" + uuidFor(7, 3) + "'"),
        "-2");

    auto retry = store.submit(form(2, "visit-a", uuidFor(7, 1)));
    ASSERT_TRUE(retry);
    EXPECT_TRUE(retry->duplicate);
    EXPECT_EQ(retry->ticket, "A-001");
    EXPECT_EQ(
        rawQuery(dir / "queue.db", "SELECT count(*) FROM records WHERE ticket = 'A-001'"), "3");
    // Staff see one ticket for the visit's three records.
    auto listed = store.list(Status::Submitted);
    ASSERT_TRUE(listed);
    int sharing = 0;
    for (const auto& info : *listed) {
        sharing += info.ticket == "A-001" && info.visitId == "visit-a";
    }
    EXPECT_EQ(sharing, 3);
}

TEST_F(VisitTicketTest, OnlyARecordOfTheSameVisitLendsItsTicket)
{
    ASSERT_TRUE(store.submit(form(1, "visit-a")));
    auto stranger = store.submit(form(2, "visit-b", uuidFor(7, 1)));
    ASSERT_FALSE(stranger);
    EXPECT_EQ(stranger.error().code, QueueErrorCode::InvalidArgument);
    auto unknown = store.submit(form(3, "visit-a", uuidFor(7, 99)));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, QueueErrorCode::NotFound);
    auto noVisit = store.submit(form(4, "", uuidFor(7, 1)));
    ASSERT_FALSE(noVisit);
    EXPECT_EQ(noVisit.error().code, QueueErrorCode::InvalidArgument);
    EXPECT_EQ(rawQuery(dir / "queue.db", "SELECT count(*) FROM records"), "1") << "nothing stored";
}

TEST_F(VisitTicketTest, AVisitPastMidnightGetsANewTicketForItsLaterForm)
{
    ASSERT_TRUE(store.submit(form(1, "visit-a")));
    clock.advanceMs(24LL * 60 * 60 * 1000); // the next day
    auto later = store.submit(form(2, "visit-a", uuidFor(7, 1)));
    ASSERT_TRUE(later) << later.error().message;
    EXPECT_EQ(later->ticket, "A-001") << "the new day's first ticket, not yesterday's";
    EXPECT_EQ(rawQuery(dir / "queue.db", "SELECT count(DISTINCT ticket_day) FROM records"), "2");
}

TEST_F(VisitTicketTest, TheServerTakesAVisitsSharedTicketButNoOtherVisits)
{
    Store kiosk = openKiosk("kiosk1");
    Submission a = form(1, "visit-a");
    a.kioskId = "kiosk-1";
    Submission b = form(2, "visit-a", uuidFor(7, 1));
    b.kioskId = "kiosk-1";
    ASSERT_TRUE(kiosk.submit(a));
    clock.advanceMs(10);
    ASSERT_TRUE(kiosk.submit(b));
    auto pending = kiosk.outboxPending();
    ASSERT_TRUE(pending);
    ASSERT_EQ(pending->size(), 2u);
    for (const auto& sealed : *pending) {
        auto imported = store.importSealed(sealed);
        ASSERT_TRUE(imported) << imported.error().message;
        EXPECT_EQ(imported->ticket, "K1-001");
    }
    // The same ticket text from another visit (a second kiosk given the same prefix, even with
    // the same visit id) is refused.
    Store twin = openKiosk("kiosk2");
    Submission z = form(3, "visit-a");
    z.kioskId = "kiosk-2";
    auto zTicket = twin.submit(z);
    ASSERT_TRUE(zTicket);
    ASSERT_EQ(zTicket->ticket, "K1-001");
    auto clash = store.importSealed(twin.outboxPending().value().front());
    ASSERT_FALSE(clash);
    EXPECT_EQ(clash.error().code, QueueErrorCode::Duplicate);
    EXPECT_NE(clash.error().message.find("own ticket prefix"), std::string::npos);
    EXPECT_EQ(
        rawQuery(dir / "queue.db", "SELECT count(*) FROM records WHERE ticket = 'K1-001'"), "2");
    // Nor does the server's own next ticket take a kiosk's text.
    StoreOptions options;
    options.key = key;
    options.clock = &clock;
    options.ticketPrefixes["A"] = "K1";
    auto sameServer = Store::open(dir / "queue.db", options);
    ASSERT_TRUE(sameServer);
    auto direct = sameServer->submit(form(4, "visit-s"));
    ASSERT_TRUE(direct) << direct.error().message;
    EXPECT_EQ(direct->ticket, "K1-003") << "the server numbers every import: 1 and 2 are taken";
}

} // namespace
