// Crash safety of the kiosk outbox: a kiosk process submits for a few seconds while forwarder
// processes (Forwarder::run, each on its own connections) are SIGKILLed at random moments,
// often between the server's import and the kiosk's markForwarded. A last forwarder then
// drains what is left. Afterwards the server holds exactly the kiosk's records, each once and
// in the kiosk's order, every receipted ticket is there, the kiosk keeps no ciphertext, both
// audit chains verify (one "forward" and one "submit" entry per record) and the kiosk file
// passes PRAGMA integrity_check. KAKANAI_STRESS_SECONDS lengthens it (default 5 s of kills).
#include "db.hpp"
#include "kakanai/queue/forwarder.hpp"
#include "queue_fixture.hpp"
#include "stress_children.hpp"

#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <sstream>
#include <thread>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;
using namespace std::chrono_literals;

StoreOptions kioskOptions(const MasterKey& key)
{
    StoreOptions options;
    options.key = key;
    options.ticketPrefixes["A"] = "K7";
    return options;
}

/** The kiosk: submits bursts of 20 records (about 50 a second) for `seconds`, reporting
 * "R <id> <ticket>" after each commit. A burst keeps the forwarder busy for a while, so many
 * kills land mid-transfer. */
void submitterBody(int fd, const std::filesystem::path& kiosk, const MasterKey& key, int seconds)
{
    auto store = Store::open(kiosk, kioskOptions(key));
    if (!store) {
        report(fd, "E kiosk open: " + store.error().message);
        ::_exit(1);
    }
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    for (unsigned seq = 1; std::chrono::steady_clock::now() < end; ++seq) {
        Submission s = sampleSubmission(uuidFor(7, seq));
        s.kioskId = "kiosk-7";
        auto receipt = store->submit(s);
        if (!receipt) {
            report(fd, "E submit: " + receipt.error().message);
            ::_exit(1);
        }
        report(fd, "R " + s.id + " " + receipt->ticket);
        if (seq % 20 == 0) {
            std::this_thread::sleep_for(400ms);
        }
    }
}

/** A forwarder process: runs until killed, reporting "F <forwarded> <alreadyOnServer>". */
void forwarderBody(int fd, const std::filesystem::path& kiosk, const std::filesystem::path& server,
    const MasterKey& key)
{
    auto outbox = Store::open(kiosk, kioskOptions(key));
    if (!outbox) {
        report(fd, "E outbox open: " + outbox.error().message);
        ::_exit(1);
    }
    ForwarderOptions options;
    options.minBackoff = 20ms;
    options.maxBackoff = 100ms;
    options.batch = 5;
    options.watchInterval = 20ms;
    Forwarder forwarder(
        *outbox,
        [&] {
            StoreOptions serverOptions;
            serverOptions.key = key;
            return Store::open(server, serverOptions);
        },
        options);
    const std::atomic<bool> never { false };
    forwarder.run(never, [&](const ForwardReport& pass) {
        report(
            fd, "F " + std::to_string(pass.forwarded) + " " + std::to_string(pass.alreadyOnServer));
    });
}

/** id and ticket of every record, in `order`. */
std::vector<std::pair<std::string, std::string>> records(
    const std::filesystem::path& location, const char* order)
{
    detail::Db db(location.string(), false, 5000);
    detail::Stmt rows(db, std::string("SELECT id, ticket FROM records ORDER BY ") + order);
    std::vector<std::pair<std::string, std::string>> out;
    while (rows.step()) {
        out.emplace_back(rows.text(0), rows.text(1));
    }
    return out;
}

const char* const WAITING = "SELECT count(*) FROM records r WHERE wrapped_key IS NOT NULL"
                            " AND NOT EXISTS (SELECT 1 FROM outbox_forwarded f"
                            " WHERE f.record_id = r.id)";

int stressSeconds()
{
    const char* text = std::getenv("KAKANAI_STRESS_SECONDS");
    const int seconds = text ? std::atoi(text) : 0;
    return seconds > 0 ? seconds : 5;
}

TEST(ForwarderCrash, SigkillMidTransferLosesAndDuplicatesNothing)
{
    TempDir dir;
    const auto kiosk = dir.path() / "kiosk.db"; // the kiosk's own file, always SQLite
    const auto server = dir / "server.db";
    const MasterKey key = generateMasterKey();
    {
        StoreOptions options = kioskOptions(key);
        options.create = true;
        ASSERT_TRUE(Store::open(kiosk, options));
        Store created = openStore(server, key);
    }
    const int seconds = stressSeconds();
    std::mt19937 rng(4242);
    std::map<std::string, std::string> receipts;
    std::vector<std::string> errors;
    std::size_t passesForwarded = 0;
    std::size_t foundOnServer = 0; // imported by a killed forwarder, marked by a successor
    auto handle = [&](const std::vector<std::string>& lines) {
        for (const std::string& line : lines) {
            std::istringstream in(line);
            std::string kind, a, b;
            in >> kind >> a >> b;
            if (kind == "R") {
                receipts.emplace(a, b);
            } else if (kind == "F") {
                passesForwarded += std::stoul(a);
                foundOnServer += std::stoul(b);
            } else {
                errors.push_back(line);
            }
        }
    };

    Child submitter = spawn([&](int fd) { submitterBody(fd, kiosk, key, seconds); });
    Child forwarder = spawn([&](int fd) { forwarderBody(fd, kiosk, server, key); });
    int kills = 0;
    int betweenImportAndMark = 0; // kills that left a record on the server, unmarked at the kiosk
    const auto began = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - began < std::chrono::seconds(seconds) + 500ms) {
        ::poll(nullptr, 0, 5 + static_cast<int>(rng() % 30));
        std::vector<std::string> lines;
        drain(submitter, lines);
        handle(lines);
        lines.clear();
        // Mostly kill while records wait (the forwarder is busy with them), sometimes when idle.
        if (rawQuery(kiosk, WAITING) == "0" && rng() % 4 != 0) {
            continue;
        }
        ::kill(forwarder.pid, SIGKILL);
        reap(forwarder, lines);
        handle(lines);
        ++kills;
        betweenImportAndMark += rawQuery(server, "SELECT count(*) FROM records")
            != rawQuery(kiosk, "SELECT count(*) FROM outbox_forwarded");
        forwarder = spawn([&](int fd) { forwarderBody(fd, kiosk, server, key); });
    }
    ::kill(forwarder.pid, SIGKILL);
    std::vector<std::string> lines;
    reap(forwarder, lines);
    reap(submitter, lines); // it stops by itself after `seconds`
    handle(lines);
    EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
    EXPECT_GE(kills, 50);
    EXPECT_GT(betweenImportAndMark, 0); // the interesting moment was hit

    // A last forwarder drains the rest.
    const std::string beforeDrain = rawQuery(server, "SELECT count(*) FROM records");
    auto outbox = Store::open(kiosk, kioskOptions(key));
    ASSERT_TRUE(outbox);
    Forwarder last(*outbox, [&] {
        StoreOptions options;
        options.key = key;
        return Store::open(server, options);
    });
    const ForwardReport final = last.forwardPending();
    ASSERT_FALSE(final.error) << final.error->message;
    foundOnServer += final.alreadyOnServer;

    const auto atKiosk = records(kiosk, "submitted_at, ticket_number, id");
    const auto atServer = records(server, "ticket_day, ticket_number");
    ASSERT_GT(atKiosk.size(), 100u);
    EXPECT_EQ(atServer, atKiosk); // same records, each once, same tickets, same order
    for (const auto& [id, ticket] : receipts) {
        EXPECT_NE(
            std::find(atServer.begin(), atServer.end(), std::make_pair(id, ticket)), atServer.end())
            << id;
    }
    EXPECT_EQ(outbox->outboxStatus()->waiting, 0u);
    EXPECT_EQ(outbox->outboxStatus()->forwarded, atKiosk.size());
    EXPECT_EQ(rawQuery(kiosk, "SELECT count(*) FROM records WHERE payload IS NOT NULL"), "0");
    EXPECT_EQ(rawQuery(kiosk, "SELECT count(*) FROM audit WHERE action = 'forward'"),
        std::to_string(atKiosk.size()));
    EXPECT_EQ(rawQuery(server, "SELECT count(*) FROM audit WHERE action = 'submit'"),
        std::to_string(atKiosk.size()));
    EXPECT_EQ(rawQuery(kiosk, "PRAGMA integrity_check"), "ok");
    EXPECT_TRUE(outbox->verifyAudit()->ok);
    StoreOptions serverOptions;
    serverOptions.key = key;
    auto serverStore = Store::open(server, serverOptions);
    ASSERT_TRUE(serverStore);
    EXPECT_TRUE(serverStore->verifyAudit()->ok);
    std::printf("forwarder crash test: %d kills (%d between the server's import and the kiosk's "
                "mark), %zu records (%zu receipted), %s on the server before the last drain, "
                "%zu in completed passes, %zu found already on the server by a successor\n",
        kills, betweenImportAndMark, atKiosk.size(), receipts.size(), beforeDrain.c_str(),
        passesForwarded, foundOnServer);
}

} // namespace
