// Crash safety: child processes submit in a loop while the parent SIGKILLs them at random
// moments (≥ 200 kills). A child prints "A <id>" before each submission and "R <id> <ticket>"
// after its commit; a killed child's successor first retries its unconfirmed ids, as a kiosk
// would. Afterwards every receipted id is present exactly once with its ticket, retries never
// duplicated anything, PRAGMA integrity_check is ok and the audit chain verifies.
#include "queue_fixture.hpp"
#include "stress_children.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;

constexpr int CHILDREN = 4;
constexpr int KILLS = 220;

struct Slot
{
    Child child;
    unsigned nextSeq = 0;
    std::vector<std::string> pending; ///< attempted, not receipted
};

void childBody(int fd, const std::filesystem::path& db, const MasterKey& key, unsigned slot,
    unsigned firstSeq, const std::vector<std::string>& retries)
{
    StoreOptions options;
    options.key = key;
    auto store = Store::open(db, options);
    if (!store) {
        report(fd, "E open: " + store.error().message);
        ::_exit(1);
    }
    auto submitOne = [&](const std::string& id) {
        report(fd, "A " + id);
        auto receipt = store->submit(sampleSubmission(id, slot % 2 ? "B" : "A"));
        if (!receipt) {
            report(fd, "E submit: " + receipt.error().message);
            ::_exit(1);
        }
        report(fd, "R " + id + " " + receipt->ticket + (receipt->duplicate ? " dup" : ""));
    };
    for (const std::string& id : retries) {
        submitOne(id);
    }
    for (unsigned seq = firstSeq;; ++seq) {
        submitOne(uuidFor(slot, seq));
    }
}

TEST(CrashSafety, SigkillDuringSubmissionsLosesAndDuplicatesNothing)
{
    TempDir dir;
    const auto db = dir / "queue.db";
    const MasterKey key = generateMasterKey();
    {
        Store store = openStore(db, key);
    }
    std::mt19937 rng(12345);
    std::map<std::string, std::string> receipts; // id → ticket
    std::set<std::string> attempted;
    std::vector<std::string> errors;
    int kills = 0;
    int duplicatesAfterKill = 0;
    Slot slots[CHILDREN];

    auto handle = [&](Slot& slot, const std::vector<std::string>& lines) {
        for (const std::string& line : lines) {
            std::istringstream in(line);
            std::string kind, id, ticket, dup;
            in >> kind >> id >> ticket >> dup;
            if (kind == "A") {
                attempted.insert(id);
                if (std::find(slot.pending.begin(), slot.pending.end(), id) == slot.pending.end()) {
                    slot.pending.push_back(id);
                }
                // ids are uuidFor(slot, seq): the successor continues after the last one tried
                const auto seq = static_cast<unsigned>(std::stoul(id.substr(24), nullptr, 16));
                slot.nextSeq = std::max(slot.nextSeq, seq + 1);
            } else if (kind == "R") {
                auto [it, inserted] = receipts.emplace(id, ticket);
                if (!inserted && it->second != ticket) {
                    errors.push_back("id " + id + " got two tickets");
                }
                duplicatesAfterKill += dup == "dup";
                std::erase(slot.pending, id);
            } else {
                errors.push_back(line);
            }
        }
    };
    auto start = [&](unsigned i) {
        Slot& slot = slots[i];
        // Pending ids stay pending until a receipt arrives, even if this child dies first.
        const std::vector<std::string> retries = slot.pending;
        const unsigned first = slot.nextSeq;
        slot.child
            = spawn([&, i, retries, first](int fd) { childBody(fd, db, key, i, first, retries); });
    };

    for (unsigned i = 0; i < CHILDREN; ++i) {
        start(i);
    }
    const auto began = std::chrono::steady_clock::now();
    while (kills < KILLS && std::chrono::steady_clock::now() - began < std::chrono::seconds(45)) {
        ::poll(nullptr, 0, static_cast<int>(rng() % 25));
        const unsigned victim = rng() % CHILDREN;
        for (unsigned i = 0; i < CHILDREN; ++i) {
            std::vector<std::string> lines;
            drain(slots[i].child, lines);
            handle(slots[i], lines);
        }
        Slot& slot = slots[victim];
        ::kill(slot.child.pid, SIGKILL);
        std::vector<std::string> lines;
        reap(slot.child, lines);
        handle(slot, lines);
        ++kills;
        start(victim);
    }
    for (auto& slot : slots) {
        ::kill(slot.child.pid, SIGKILL);
        std::vector<std::string> lines;
        reap(slot.child, lines);
        handle(slot, lines);
    }
    EXPECT_GE(kills, 200);
    EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);

    // The kiosk retries what was never confirmed: no duplicates, and each gets a ticket.
    Store store = openStore(db, key);
    int retried = 0;
    for (auto& slot : slots) {
        for (const std::string& id : slot.pending) {
            const auto index = static_cast<unsigned>(&slot - slots);
            auto receipt = store.submit(sampleSubmission(id, index % 2 ? "B" : "A"));
            ASSERT_TRUE(receipt) << receipt.error().message;
            receipts.emplace(id, receipt->ticket);
            duplicatesAfterKill += receipt->duplicate;
            ++retried;
        }
    }
    for (const auto& [id, ticket] : receipts) {
        EXPECT_EQ(rawQuery(db, "SELECT count(*) FROM records WHERE id = '" + id + "'"), "1") << id;
        EXPECT_EQ(rawQuery(db, "SELECT ticket FROM records WHERE id = '" + id + "'"), ticket);
    }
    EXPECT_EQ(rawQuery(db, "SELECT count(*) FROM records"), std::to_string(attempted.size()));
    EXPECT_EQ(receipts.size(), attempted.size());
    if (!usingPostgres()) {
        EXPECT_EQ(rawQuery(db, "PRAGMA integrity_check"), "ok");
    }
    auto audit = store.verifyAudit();
    ASSERT_TRUE(audit);
    EXPECT_TRUE(audit->ok) << audit->problem;
    std::printf("crash test: %d kills, %zu records, %d unconfirmed retried at the end, %d "
                "committed-but-unreceipted found by a retry\n",
        kills, receipts.size(), retried, duplicatesAfterKill);
}

} // namespace
