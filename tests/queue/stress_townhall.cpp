// Town-hall faults on a real PostgreSQL server of the test's own (tests/support/pg-cluster),
// which the test stops and restarts: kiosks keep issuing tickets while the server is away, and
// their outboxes drain in order when it is back, nothing lost or duplicated. Runs in the
// PostgreSQL pass only ("pg." prefix), beside the shared cluster it leaves alone.
#include "kakanai/queue/forwarder.hpp"
#include "queue_fixture.hpp"

#include <atomic>
#include <fstream>
#include <map>
#include <thread>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;
using namespace std::chrono_literals;

const std::string CLUSTER = KAKANAI_SOURCE_DIR "/tests/support/pg-cluster";

/** A PostgreSQL cluster of this test alone, stopped at destruction. */
class OwnCluster
{
public:
    OwnCluster()
    {
        // The server runs as "postgres" when the tests run as root: let it reach the folder.
        std::filesystem::permissions(dir.path(),
            std::filesystem::perms::owner_all | std::filesystem::perms::group_exec
                | std::filesystem::perms::others_exec);
        if (command("start") != 0) {
            throw std::runtime_error("pg-cluster start failed");
        }
        std::ifstream in(dir.path() / "pg" / "admin.url");
        std::string admin;
        std::getline(in, admin);
        if (rawQuery(admin, "CREATE DATABASE townhall") != "") {
            throw std::runtime_error("cannot create the database");
        }
        url = "postgresql:///townhall?" + admin.substr(admin.find('?') + 1);
    }
    ~OwnCluster() { command("stop"); }
    OwnCluster(const OwnCluster&) = delete;
    OwnCluster& operator=(const OwnCluster&) = delete;

    int command(const std::string& what)
    {
        return std::system(
            (CLUSTER + " " + what + " " + shellQuote((dir.path() / "pg").string()) + " >/dev/null")
                .c_str());
    }

    TempDir dir;
    std::string url;
};

StoreOptions optionsFor(const MasterKey& key, const std::string& prefix = {})
{
    StoreOptions options;
    options.key = key;
    options.create = true;
    options.scrypt = cheapScrypt();
    if (!prefix.empty()) {
        options.ticketPrefixes["A"] = prefix;
    }
    return options;
}

/** A kiosk: its outbox and a forwarder running on its own connection, as the service does. */
struct Kiosk
{
    Kiosk(const std::filesystem::path& file, const std::string& prefix, const std::string& server,
        const MasterKey& key)
        : outbox(open(file, key, prefix))
        , forwarderOutbox(open(file, key, prefix))
        , forwarder(
              forwarderOutbox, [server, key] { return Store::open(server, optionsFor(key)); },
              ForwarderOptions { 100ms, 1000ms, 50, 20ms, 2000ms })
        , thread([this] { forwarder.run(stop); })
    {
    }
    ~Kiosk()
    {
        stop = true;
        thread.join();
    }
    static Store open(
        const std::filesystem::path& file, const MasterKey& key, const std::string& prefix)
    {
        auto store = Store::open(file, optionsFor(key, prefix));
        if (!store) {
            throw std::runtime_error(store.error().message);
        }
        return std::move(store).value();
    }

    Store outbox;
    Store forwarderOutbox;
    Forwarder forwarder;
    std::atomic<bool> stop { false };
    std::thread thread;
};

bool waitFor(const std::function<bool()>& done, std::chrono::milliseconds limit)
{
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) {
            return true;
        }
        std::this_thread::sleep_for(50ms);
    }
    return done();
}

TEST(TownHallFaults, KiosksKeepIssuingTicketsWhileTheServerIsDownAndDrainInOrderAfter)
{
    if (!usingPostgres()) {
        GTEST_SKIP() << "PostgreSQL pass only";
    }
    OwnCluster cluster;
    const MasterKey key = generateMasterKey();
    ASSERT_TRUE(Store::open(cluster.url, optionsFor(key))); // creates the schema
    TempDir local;
    Kiosk k1(local / "k1.sqlite", "K1", cluster.url, key);
    Kiosk k2(local / "k2.sqlite", "K2", cluster.url, key);
    auto serverCount = [&] { return rawQuery(cluster.url, "SELECT count(*) FROM records"); };

    std::map<std::string, std::string> tickets; // id → ticket the resident got
    unsigned n = 0;
    auto submitFive = [&](Kiosk& kiosk, unsigned group) {
        for (int i = 0; i < 5; ++i) {
            Submission s = sampleSubmission(uuidFor(group, ++n));
            auto receipt = kiosk.outbox.submit(s);
            ASSERT_TRUE(receipt) << receipt.error().message;
            tickets[s.id] = receipt->ticket;
        }
    };
    submitFive(k1, 1);
    submitFive(k2, 2);
    ASSERT_TRUE(waitFor([&] { return serverCount() == "10"; }, 15s)) << serverCount();

    ASSERT_EQ(cluster.command("stop"), 0);
    submitFive(k1, 1); // the residents still get their tickets
    submitFive(k2, 2);
    EXPECT_EQ(tickets[uuidFor(1, 11)], "K1-006");
    EXPECT_EQ(tickets[uuidFor(2, 20)], "K2-010");
    ASSERT_TRUE(waitFor(
        [&] {
            auto status = k1.outbox.outboxStatus();
            return status && status->waiting == 5 && !status->lastError.empty();
        },
        15s))
        << "waiting " << k1.outbox.outboxStatus()->waiting << ", last error '"
        << k1.outbox.outboxStatus()->lastError << "'";
    const OutboxStatus waiting = *k1.outbox.outboxStatus();
    EXPECT_EQ(waiting.oldestWaitingTicket, "K1-006");
    EXPECT_NE(waiting.lastError.find("unreachable"), std::string::npos) << waiting.lastError;

    ASSERT_EQ(cluster.command("restart"), 0);
    // The server holds a record a moment before its kiosk marks it forwarded: wait for both.
    const auto drained = [](Kiosk& kiosk) {
        auto status = kiosk.outbox.outboxStatus();
        return status && status->waiting == 0;
    };
    ASSERT_TRUE(waitFor([&] { return serverCount() == "20" && drained(k1) && drained(k2); }, 15s))
        << serverCount() << " on the server; waiting at the kiosks "
        << k1.outbox.outboxStatus()->waiting << " and " << k2.outbox.outboxStatus()->waiting;
    // Each record once, with the ticket its resident holds; each kiosk's records arrived in
    // the order they were made.
    EXPECT_EQ(rawQuery(cluster.url, "SELECT count(DISTINCT id) FROM records"), "20");
    for (const auto& [id, ticket] : tickets) {
        EXPECT_EQ(
            rawQuery(cluster.url, "SELECT ticket FROM records WHERE id = '" + id + "'"), ticket);
    }
    for (const std::string prefix : { "K1", "K2" }) {
        EXPECT_EQ(rawQuery(cluster.url,
                      "SELECT string_agg(r.ticket, ',' ORDER BY a.seq) = string_agg(r.ticket, ','"
                      " ORDER BY r.ticket) FROM records r JOIN audit a ON a.record_id = r.id"
                      " AND a.action = 'submit' WHERE r.ticket LIKE '"
                          + prefix + "-%'"),
            "t");
    }
    auto server = Store::open(cluster.url, optionsFor(key));
    ASSERT_TRUE(server);
    EXPECT_TRUE(server->verifyAudit()->ok);
}

} // namespace
