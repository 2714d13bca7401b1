// The kiosk outbox and its forwarder: records move oldest first, sealed, exactly once; the
// kiosk erases its copy but keeps counting the ticket; re-imports are idempotent; another key,
// a clashing ticket prefix and an unreachable server stop forwarding with a clear, visible error
// and lose nothing; run() forwards a new record within a second and backs off while the server
// is down.
//
// Each kiosk's outbox is an SQLite file (dir.path() / "kioskN.db"); the server is `dir /
// "server.db"`: an SQLite file, or a PostgreSQL database when the suite runs against the
// private cluster (see queue_fixture.hpp).
#include "kakanai/queue/forwarder.hpp"
#include "queue_fixture.hpp"

#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;
using namespace std::chrono_literals;

constexpr const char* MY_NUMBER = "123456789018"; // invented; valid check digit

/** Forwarder::run in a thread, on its own connection to the kiosk's file (as its own process
 * would be); stopped and joined at destruction. */
class BackgroundForwarder
{
public:
    BackgroundForwarder(Store outbox, Forwarder::Connect connect, ForwarderOptions options)
        : m_outbox(std::move(outbox))
        , m_forwarder(m_outbox, std::move(connect), options)
        , m_thread([this] {
            m_forwarder.run(m_stop, [this](const ForwardReport& report) {
                std::lock_guard lock(m_mutex);
                m_passes.push_back(report);
            });
        })
    {
    }
    ~BackgroundForwarder() { stop(); }

    /** Stops the loop; how long it took to return. */
    std::chrono::steady_clock::duration stop()
    {
        const auto asked = std::chrono::steady_clock::now();
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
        return std::chrono::steady_clock::now() - asked;
    }

    std::vector<ForwardReport> passes() const
    {
        std::lock_guard lock(m_mutex);
        return m_passes;
    }

private:
    Store m_outbox;
    Forwarder m_forwarder;
    std::atomic<bool> m_stop { false };
    mutable std::mutex m_mutex;
    std::vector<ForwardReport> m_passes;
    std::thread m_thread; // last: starts once everything above exists
};

class OutboxTest : public ::testing::Test
{
protected:
    TempDir dir;
    MasterKey key = generateMasterKey();
    TestClock clock { 1'764'374'400'000 }; // 2025-11-29T00:00:00Z = 09:00 JST
    std::filesystem::path serverPath = dir / "server.db";
    Store server = openStore(serverPath, key, &clock);
    Store kiosk = openKiosk("kiosk1", "K1");

    /** A kiosk's own SQLite file, counter group A tickets prefixed `prefix` ("" → "A"). */
    Store openKiosk(const std::string& name, const std::string& prefix)
    {
        return openStore(dir.path() / (name + ".db"), key, &clock, prefix);
    }

    Forwarder::Connect connectTo(const std::filesystem::path& location, const MasterKey& with)
    {
        return [this, location, with] {
            StoreOptions options;
            options.key = with;
            options.clock = &clock;
            return Store::open(location, options);
        };
    }

    Forwarder forwarderFor(Store& outbox, ForwarderOptions options = {})
    {
        return Forwarder(outbox, connectTo(serverPath, key), options);
    }

    /** Submits record (kioskNo, n) at the kiosk; returns its ticket. */
    std::string submitAt(Store& at, unsigned kioskNo, unsigned n, bool withMyNumber = false)
    {
        Submission s = sampleSubmission(uuidFor(kioskNo, n));
        s.kioskId = "kiosk-" + std::to_string(kioskNo);
        s.visitId = "visit-" + std::to_string(n);
        s.cardReadAtMs = clock.nowMs() - 30'000;
        if (withMyNumber) {
            s.myNumber = secure(MY_NUMBER);
        }
        auto receipt = at.submit(s);
        if (!receipt) {
            ADD_FAILURE() << receipt.error().message;
            return {};
        }
        return receipt->ticket;
    }

    std::string onServer(const std::string& id, const std::string& column)
    {
        return rawQuery(serverPath, "SELECT " + column + " FROM records WHERE id = '" + id + "'");
    }

    static std::string onKiosk(const Store& at, const std::string& sql)
    {
        return rawQuery(at.path(), sql);
    }
};

TEST_F(OutboxTest, ForwardsOldestFirstAndErasesTheLocalCopy)
{
    // (2, 2) and (2, 1) share one submitted_at: the ticket number, not the id, orders them.
    submitAt(kiosk, 1, 1);
    clock.advanceMs(1000);
    submitAt(kiosk, 2, 2);
    submitAt(kiosk, 2, 1);
    clock.advanceMs(1000);
    submitAt(kiosk, 1, 3, true);
    const std::vector<std::string> order
        = { uuidFor(1, 1), uuidFor(2, 2), uuidFor(2, 1), uuidFor(1, 3) };
    auto pending = kiosk.outboxPending();
    ASSERT_TRUE(pending);
    ASSERT_EQ(pending->size(), 4u);
    for (std::size_t i = 0; i < order.size(); ++i) {
        EXPECT_EQ((*pending)[i].id, order[i]);
    }
    EXPECT_EQ(kiosk.outboxPending(2)->size(), 2u);

    Forwarder forwarder = forwarderFor(kiosk);
    const ForwardReport report = forwarder.forwardPending();
    ASSERT_FALSE(report.error) << report.error->message;
    EXPECT_EQ(report.forwarded, 4u);
    EXPECT_EQ(report.alreadyOnServer, 0u);

    // The server numbers them in the kiosk's order and keeps the kiosk's tickets and times.
    const std::vector<std::string> tickets = { "K1-001", "K1-002", "K1-003", "K1-004" };
    for (std::size_t i = 0; i < order.size(); ++i) {
        EXPECT_EQ(onServer(order[i], "ticket_number"), std::to_string(i + 1));
        EXPECT_EQ(onServer(order[i], "ticket"), tickets[i]);
        EXPECT_EQ(onServer(order[i], "status"), "submitted");
    }
    const RecordInfo info = server.get(uuidFor(1, 3)).value();
    EXPECT_EQ(info.kioskId, "kiosk-1");
    EXPECT_EQ(info.visitId, "visit-3");
    EXPECT_EQ(info.ticketDay, "2025-11-29");
    EXPECT_EQ(info.submittedAtMs, clock.nowMs());
    EXPECT_EQ(info.cardReadAtMs, clock.nowMs() - 30'000);
    EXPECT_TRUE(info.hasMyNumber);
    EXPECT_EQ(info.keyId, key.id);

    // The kiosk keeps no ciphertext, only the tombstone with its ticket.
    EXPECT_EQ(onKiosk(kiosk,
                  "SELECT count(*) FROM records WHERE payload IS NULL AND my_number IS NULL"
                  " AND wrapped_key IS NULL AND key_id IS NULL AND status = 'purged'"
                  " AND purged_at IS NOT NULL"),
        "4");
    EXPECT_EQ(onKiosk(kiosk, "SELECT count(*) FROM outbox_forwarded"), "4");
    EXPECT_EQ(onKiosk(kiosk,
                  "SELECT count(*) FROM audit WHERE action = 'forward' AND actor LIKE 'kiosk:%'"),
        "4");
    EXPECT_TRUE(kiosk.outboxPending()->empty());
    const OutboxStatus status = kiosk.outboxStatus().value();
    EXPECT_EQ(status.waiting, 0u);
    EXPECT_EQ(status.forwarded, 4u);
    EXPECT_EQ(status.lastSuccessAtMs, clock.nowMs());
    EXPECT_EQ(status.consecutiveFailures, 0);
    EXPECT_TRUE(status.lastError.empty());

    // Both audit chains hold; the server's says who submitted.
    EXPECT_EQ(rawQuery(serverPath,
                  "SELECT detail FROM audit WHERE action = 'submit' AND actor = 'kiosk:kiosk-2'"
                  " AND record_id = '"
                      + uuidFor(2, 1) + "'"),
        "ticket K1-003 (forwarded)");
    EXPECT_TRUE(kiosk.verifyAudit()->ok);
    EXPECT_TRUE(server.verifyAudit()->ok);

    // Nothing left: another pass does nothing and writes nothing.
    const auto attemptedAt = status.lastAttemptAtMs;
    clock.advanceMs(5000);
    const ForwardReport idle = forwarder.forwardPending();
    EXPECT_FALSE(idle.error);
    EXPECT_EQ(idle.forwarded, 0u);
    EXPECT_EQ(kiosk.outboxStatus()->lastAttemptAtMs, attemptedAt);
}

TEST_F(OutboxTest, StaffOnTheServerOpenTheForwardedRecord)
{
    submitAt(kiosk, 1, 1, true);
    const kakanai::SecureString sent = sampleSubmission(uuidFor(1, 1)).payload;
    ASSERT_FALSE(forwarderFor(kiosk).forwardPending().error);
    addStaff(server);
    const StaffSession sup = loginAs(server, "sup");
    ASSERT_TRUE(server.claim(sup, uuidFor(1, 1)));
    auto payload = server.readPayload(sup, uuidFor(1, 1));
    ASSERT_TRUE(payload) << payload.error().message;
    EXPECT_EQ(std::string_view(*payload), std::string_view(sent));
    auto number = server.revealMyNumber(sup, uuidFor(1, 1));
    ASSERT_TRUE(number) << number.error().message;
    EXPECT_EQ(std::string_view(*number), MY_NUMBER);
}

TEST_F(OutboxTest, AForwardedTicketStillCountsAtTheKiosk)
{
    EXPECT_EQ(submitAt(kiosk, 1, 1), "K1-001");
    EXPECT_EQ(submitAt(kiosk, 1, 2), "K1-002");
    ASSERT_EQ(forwarderFor(kiosk).forwardPending().forwarded, 2u);
    EXPECT_EQ(submitAt(kiosk, 1, 3), "K1-003");
    // A resubmission of a forwarded id is still answered with its ticket, not stored again.
    auto again = kiosk.submit([&] {
        Submission s = sampleSubmission(uuidFor(1, 1));
        s.kioskId = "kiosk-1";
        s.visitId = "visit-1";
        return s;
    }());
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(again->duplicate);
    EXPECT_EQ(again->ticket, "K1-001");
    EXPECT_EQ(kiosk.outboxStatus()->waiting, 1u);
}

TEST_F(OutboxTest, ReimportIsIdempotentAndOtherContentIsDuplicate)
{
    submitAt(kiosk, 1, 1, true);
    const SealedRecord record = kiosk.outboxPending()->at(0);
    auto first = server.importSealed(record);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_FALSE(first->duplicate);
    EXPECT_EQ(first->ticket, "K1-001");
    auto again = server.importSealed(record);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(again->duplicate);
    EXPECT_EQ(again->ticket, "K1-001");

    SealedRecord edited = record;
    edited.payload.back() ^= 1;
    SealedRecord retimed = record;
    retimed.submittedAtMs += 1;
    SealedRecord withoutNumber = record;
    withoutNumber.myNumber.reset();
    for (const SealedRecord* other : { &edited, &retimed, &withoutNumber }) {
        auto conflict = server.importSealed(*other);
        ASSERT_FALSE(conflict);
        EXPECT_EQ(conflict.error().code, QueueErrorCode::Duplicate);
    }
    EXPECT_EQ(rawQuery(serverPath, "SELECT count(*) FROM records"), "1");
    EXPECT_EQ(rawQuery(serverPath, "SELECT count(*) FROM audit WHERE action = 'submit'"), "1");

    // The kiosk is told it is done even though the server had it already (a crash in between).
    const ForwardReport report = forwarderFor(kiosk).forwardPending();
    EXPECT_FALSE(report.error);
    EXPECT_EQ(report.forwarded, 1u);
    EXPECT_EQ(report.alreadyOnServer, 1u);
}

TEST_F(OutboxTest, AnotherMasterKeyOrATamperedKeyIsRefused)
{
    submitAt(kiosk, 1, 1);
    const MasterKey otherKey = generateMasterKey();
    TempDir otherDir;
    const auto otherPath = otherDir / "other.db";
    Store other = openStore(otherPath, otherKey, &clock);
    auto refused = other.importSealed(kiosk.outboxPending()->at(0));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, QueueErrorCode::WrongKey);
    EXPECT_EQ(rawQuery(otherPath, "SELECT count(*) FROM records"), "0");

    // Through the forwarder: it stops, the record stays waiting with its ciphertexts.
    Forwarder forwarder(kiosk, connectTo(otherPath, otherKey));
    const ForwardReport report = forwarder.forwardPending();
    ASSERT_TRUE(report.error);
    EXPECT_EQ(report.error->code, QueueErrorCode::WrongKey);
    EXPECT_EQ(kiosk.outboxStatus()->waiting, 1u);
    EXPECT_EQ(onKiosk(kiosk, "SELECT count(*) FROM records WHERE payload IS NOT NULL"), "1");

    SealedRecord forged = kiosk.outboxPending()->at(0);
    forged.wrappedKey[20] ^= 1;
    auto tampered = server.importSealed(forged);
    ASSERT_FALSE(tampered);
    EXPECT_EQ(tampered.error().code, QueueErrorCode::Tampered);
    EXPECT_EQ(rawQuery(serverPath, "SELECT count(*) FROM records"), "0");
}

TEST_F(OutboxTest, MalformedRecordsAreRefused)
{
    submitAt(kiosk, 1, 1);
    const SealedRecord good = kiosk.outboxPending()->at(0);
    std::vector<SealedRecord> bad(5, good);
    bad[0].id = "not-a-uuid";
    bad[1].ticket.clear();
    bad[2].ticketDay = "29/11/2025";
    bad[3].wrappedKey.resize(8);
    bad[4].kioskId = "kiosk 1; DROP TABLE records";
    for (const SealedRecord& record : bad) {
        auto refused = server.importSealed(record);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, QueueErrorCode::InvalidArgument);
    }
    EXPECT_EQ(rawQuery(serverPath, "SELECT count(*) FROM records"), "0");
}

TEST_F(OutboxTest, KiosksWithTheirOwnPrefixesShareOneServer)
{
    Store kiosk2 = openKiosk("kiosk2", "K2");
    for (unsigned n = 1; n <= 3; ++n) {
        submitAt(kiosk, 1, n);
        clock.advanceMs(10);
        submitAt(kiosk2, 2, n);
        clock.advanceMs(10);
    }
    EXPECT_EQ(forwarderFor(kiosk2).forwardPending().forwarded, 3u);
    EXPECT_EQ(forwarderFor(kiosk).forwardPending().forwarded, 3u);
    EXPECT_EQ(rawQuery(serverPath, "SELECT count(*) FROM records"), "6");
    EXPECT_EQ(rawQuery(serverPath, "SELECT count(DISTINCT ticket) FROM records"), "6");
    EXPECT_EQ(rawQuery(serverPath, "SELECT MAX(ticket_number) FROM records"), "6");
    EXPECT_EQ(onServer(uuidFor(2, 3), "ticket"), "K2-003");
    // A submission made at the server itself still gets a fresh ticket.
    auto direct = server.submit(sampleSubmission(uuidFor(9, 1)));
    ASSERT_TRUE(direct) << direct.error().message;
    EXPECT_EQ(direct->ticket, "A-007");
}

TEST_F(OutboxTest, ASharedPrefixStopsForwardingWithAClearErrorAndLosesNothing)
{
    Store first = openKiosk("first", "");
    Store second = openKiosk("second", "");
    EXPECT_EQ(submitAt(first, 1, 1), "A-001");
    clock.advanceMs(10);
    EXPECT_EQ(submitAt(second, 2, 1), "A-001");
    clock.advanceMs(10);
    EXPECT_EQ(submitAt(second, 2, 2), "A-002");
    clock.advanceMs(10);
    EXPECT_EQ(submitAt(second, 2, 3), "A-003");
    ASSERT_EQ(forwarderFor(first).forwardPending().forwarded, 1u);

    // would not clash, but they must not overtake A-001.
    const ForwardReport report = forwarderFor(second).forwardPending();
    ASSERT_TRUE(report.error);
    EXPECT_EQ(report.error->code, QueueErrorCode::Duplicate);
    EXPECT_NE(report.error->message.find("own ticket prefix"), std::string::npos)
        << report.error->message;
    EXPECT_EQ(report.forwarded, 0u);
    EXPECT_EQ(rawQuery(serverPath, "SELECT count(*) FROM records"), "1");

    const OutboxStatus status = second.outboxStatus().value();
    EXPECT_EQ(status.waiting, 3u);
    EXPECT_EQ(status.oldestWaitingTicket, "A-001");
    EXPECT_EQ(status.consecutiveFailures, 1);
    EXPECT_NE(status.lastError.find("own ticket prefix"), std::string::npos);
    EXPECT_NE(status.lastError.find(uuidFor(2, 1)), std::string::npos);
    EXPECT_FALSE(status.lastSuccessAtMs);
    EXPECT_EQ(onKiosk(second, "SELECT count(*) FROM records WHERE payload IS NOT NULL"), "3");
}

TEST_F(OutboxTest, UnreachableServerKioskKeepsIssuingTicketsThenDrainsInOrder)
{
    const auto later = dir.path() / "later";
    const auto laterPath = later / "server.db";
    Forwarder forwarder(kiosk, connectTo(laterPath, key));
    for (unsigned n = 1; n <= 3; ++n) {
        submitAt(kiosk, 1, n);
        clock.advanceMs(1000);
    }
    ForwardReport report = forwarder.forwardPending();
    ASSERT_TRUE(report.error);
    EXPECT_EQ(report.error->code, QueueErrorCode::Io);
    OutboxStatus status = kiosk.outboxStatus().value();
    EXPECT_EQ(status.waiting, 3u);
    EXPECT_EQ(status.oldestWaitingTicket, "K1-001");
    EXPECT_EQ(status.oldestWaitingAtMs, clock.nowMs() - 3000);
    EXPECT_EQ(status.consecutiveFailures, 1);
    EXPECT_FALSE(status.lastError.empty());

    // The kiosk keeps working.
    EXPECT_EQ(submitAt(kiosk, 1, 4), "K1-004");
    clock.advanceMs(1000);
    EXPECT_EQ(submitAt(kiosk, 1, 5), "K1-005");
    EXPECT_TRUE(forwarder.forwardPending().error);
    EXPECT_EQ(kiosk.outboxStatus()->consecutiveFailures, 2);
    EXPECT_EQ(kiosk.outboxStatus()->waiting, 5u);

    // The server comes back.
    std::filesystem::create_directory(later);
    {
        Store created = openStore(laterPath, key, &clock);
    }
    report = forwarder.forwardPending();
    ASSERT_FALSE(report.error) << report.error->message;
    EXPECT_EQ(report.forwarded, 5u);
    for (unsigned n = 1; n <= 5; ++n) {
        EXPECT_EQ(rawQuery(laterPath,
                      "SELECT ticket_number FROM records WHERE id = '" + uuidFor(1, n) + "'"),
            std::to_string(n));
    }
    status = kiosk.outboxStatus().value();
    EXPECT_EQ(status.waiting, 0u);
    EXPECT_EQ(status.consecutiveFailures, 0);
    EXPECT_EQ(status.lastSuccessAtMs, clock.nowMs());
    EXPECT_FALSE(status.lastError.empty()); // kept, with its time, for IT staff
}

TEST_F(OutboxTest, RunForwardsANewRecordWithinASecondAndStopsPromptly)
{
    ForwarderOptions options;
    options.minBackoff = 50ms;
    options.maxBackoff = 200ms;
    BackgroundForwarder loop(openKiosk("kiosk1", "K1"), connectTo(serverPath, key), options);
    std::this_thread::sleep_for(300ms); // the loop is idle, waiting for a change
    for (unsigned n = 1; n <= 3; ++n) {
        const auto submitted = std::chrono::steady_clock::now();
        submitAt(kiosk, 1, n);
        while (onServer(uuidFor(1, n), "ticket").empty()
            && std::chrono::steady_clock::now() - submitted < 3s) {
            std::this_thread::sleep_for(10ms);
        }
        const auto lag = std::chrono::steady_clock::now() - submitted;
        EXPECT_LT(lag, 1s) << "record " << n;
        clock.advanceMs(1000);
    }
    EXPECT_LT(loop.stop(), 500ms);
    EXPECT_EQ(kiosk.outboxStatus()->forwarded, 3u);
}

TEST_F(OutboxTest, RunBacksOffWhileTheServerIsDownAndDrainsWhenItReturns)
{
    const auto later = dir.path() / "later";
    ForwarderOptions options;
    options.minBackoff = 100ms;
    options.maxBackoff = 400ms;
    const Forwarder plain(kiosk, connectTo(later / "server.db", key), options);
    EXPECT_EQ(plain.backoffAfter(0), 0ms);
    EXPECT_EQ(plain.backoffAfter(1), 100ms);
    EXPECT_EQ(plain.backoffAfter(3), 400ms);
    EXPECT_EQ(plain.backoffAfter(50), 400ms);

    submitAt(kiosk, 1, 1);
    BackgroundForwarder loop(
        openKiosk("kiosk1", "K1"), connectTo(later / "server.db", key), options);
    std::this_thread::sleep_for(1500ms);
    // Attempts at about 0, 0.1, 0.3, 0.7, 1.1, 1.5 s: far fewer than a 100 ms poll would make.
    const int failures = kiosk.outboxStatus()->consecutiveFailures;
    EXPECT_GE(failures, 3);
    EXPECT_LE(failures, 8);

    std::filesystem::create_directory(later);
    {
        Store created = openStore(later / "server.db", key, &clock);
    }
    const auto back = std::chrono::steady_clock::now();
    while (kiosk.outboxStatus()->waiting > 0 && std::chrono::steady_clock::now() - back < 3s) {
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - back, 1s); // within one maximum backoff or so
    loop.stop();
    EXPECT_EQ(kiosk.outboxStatus()->waiting, 0u);
    const std::vector<ForwardReport> passes = loop.passes();
    ASSERT_FALSE(passes.empty());
    EXPECT_TRUE(passes.front().error);
    EXPECT_FALSE(passes.back().error);
    EXPECT_EQ(passes.back().forwarded, 1u);
}

TEST_F(OutboxTest, TheKioskFileKeepsNoCiphertextOnceForwarded)
{
    for (unsigned n = 1; n <= 3; ++n) {
        submitAt(kiosk, 1, n, true);
    }
    std::vector<Bytes> secrets;
    const auto pending = kiosk.outboxPending();
    ASSERT_TRUE(pending);
    for (const SealedRecord& record : *pending) {
        secrets.push_back(record.payload);
        secrets.push_back(*record.myNumber);
        secrets.push_back(record.wrappedKey);
    }
    auto found = [&] {
        std::string files;
        for (const char* suffix : { "", "-wal" }) {
            std::ifstream in(kiosk.path().string() + suffix, std::ios::binary);
            files.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        std::size_t count = 0;
        for (const Bytes& secret : secrets) {
            // 16 bytes from the middle of each ciphertext (past the nonce).
            count += files.find(std::string(secret.begin() + 14, secret.begin() + 30))
                != std::string::npos;
        }
        return count;
    };
    EXPECT_EQ(found(), secrets.size()); // the scan sees them while they are there
    ASSERT_EQ(forwarderFor(kiosk).forwardPending().forwarded, 3u);
    EXPECT_EQ(found(), 0u);
}

TEST_F(OutboxTest, MarkingIsIdempotentAndNeedsAKnownRecord)
{
    submitAt(kiosk, 1, 1);
    ASSERT_TRUE(kiosk.markForwarded(uuidFor(1, 1)));
    ASSERT_TRUE(kiosk.markForwarded(uuidFor(1, 1)));
    EXPECT_EQ(onKiosk(kiosk, "SELECT count(*) FROM audit WHERE action = 'forward'"), "1");
    auto unknown = kiosk.markForwarded(uuidFor(7, 7));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, QueueErrorCode::NotFound);
    if (usingPostgres()) {
        auto onServerSide = server.outboxStatus();
        ASSERT_FALSE(onServerSide);
        EXPECT_EQ(onServerSide.error().code, QueueErrorCode::InvalidState);
    }
}

} // namespace
