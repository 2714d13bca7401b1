// Concurrency: 4 submitting and 4 claiming processes on one database file for
// KAKANAI_STRESS_SECONDS (default 10; the figure is 30). No record is claimed twice,
// none is lost, and every record ends in exactly one final state.
#include "queue_fixture.hpp"
#include "stress_children.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;

int stressSeconds()
{
    const char* value = std::getenv("KAKANAI_STRESS_SECONDS");
    const int seconds = value ? std::atoi(value) : 10;
    return seconds > 0 ? seconds : 10;
}

Store openChildStore(const std::filesystem::path& db, const MasterKey& key)
{
    StoreOptions options;
    options.key = key;
    options.scrypt = cheapScrypt();
    auto store = Store::open(db, options);
    if (!store) {
        throw std::runtime_error("open: " + store.error().message);
    }
    return std::move(store).value();
}

TEST(Concurrency, FourSubmittersFourClaimersNoDoubleClaimNoneLost)
{
    TempDir dir;
    const auto db = dir / "queue.db";
    const auto stopFile = dir / "submitters-done";
    const MasterKey key = generateMasterKey();
    {
        Store store = openStore(db, key);
        addStaff(store);
    }
    const int seconds = stressSeconds();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);

    std::vector<Child> submitters;
    std::vector<Child> claimers;
    for (unsigned k = 0; k < 4; ++k) {
        submitters.push_back(spawn([&, k](int fd) {
            Store store = openChildStore(db, key);
            for (unsigned seq = 0; std::chrono::steady_clock::now() < deadline; ++seq) {
                const std::string id = uuidFor(100 + k, seq);
                auto receipt = store.submit(sampleSubmission(id, k % 2 ? "B" : "A"));
                if (!receipt) {
                    throw std::runtime_error("submit: " + receipt.error().message);
                }
                report(fd, "S " + id + " " + receipt->ticket);
                ::poll(nullptr, 0, 6); // a busy town hall, not a flood: claimers keep up
            }
        }));
    }
    for (unsigned k = 0; k < 4; ++k) {
        claimers.push_back(spawn([&, k](int fd) {
            Store store = openChildStore(db, key);
            const StaffSession me = loginAs(store, "rev" + std::to_string(k + 1));
            for (unsigned n = 0;; ++n) {
                auto next = store.claimNext(me);
                if (!next) {
                    throw std::runtime_error("claim: " + next.error().message);
                }
                if (!next->has_value()) {
                    if (std::filesystem::exists(stopFile)) {
                        return;
                    }
                    ::poll(nullptr, 0, 2);
                    continue;
                }
                const std::string id = (*next)->id;
                report(fd, "C " + id);
                const Decision decision = static_cast<Decision>((n + k) % 3);
                auto decided = store.decide(me, id, decision);
                if (!decided) {
                    throw std::runtime_error("decide: " + decided.error().message);
                }
                report(fd, std::string("D ") + id + " " + statusName(decided->status));
            }
        }));
    }

    std::vector<std::string> lines;
    auto collect = [&](std::vector<Child>& children) {
        bool any = false;
        for (Child& child : children) {
            if (child.fd < 0) {
                continue;
            }
            if (!drain(child, lines)) {
                reap(child, lines);
                EXPECT_TRUE(WIFEXITED(child.status) && WEXITSTATUS(child.status) == 0);
            } else {
                any = true;
            }
        }
        return any;
    };
    const auto hardStop = deadline + std::chrono::seconds(120);
    while (collect(submitters) && std::chrono::steady_clock::now() < hardStop) {
        ::poll(nullptr, 0, 5);
    }
    std::ofstream { stopFile } << "done\n";
    while (collect(claimers) && std::chrono::steady_clock::now() < hardStop) {
        ::poll(nullptr, 0, 5);
    }
    ASSERT_LT(std::chrono::steady_clock::now(), hardStop) << "children did not finish";

    std::set<std::string> submitted;
    std::map<std::string, int> claims;
    std::map<std::string, std::string> finals;
    std::vector<std::string> errors;
    for (const std::string& line : lines) {
        std::istringstream in(line);
        std::string kind, id, extra;
        in >> kind >> id >> extra;
        if (kind == "S") {
            submitted.insert(id);
        } else if (kind == "C") {
            ++claims[id];
        } else if (kind == "D") {
            finals[id] = extra;
        } else {
            errors.push_back(line);
        }
    }
    EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
    EXPECT_GT(submitted.size(), 100u);
    int doubleClaims = 0;
    for (const auto& [id, count] : claims) {
        doubleClaims += count > 1;
    }
    EXPECT_EQ(doubleClaims, 0);
    EXPECT_EQ(claims.size(), submitted.size()); // none lost: every submission was claimed
    EXPECT_EQ(finals.size(), submitted.size());
    EXPECT_EQ(rawQuery(db, "SELECT count(*) FROM records"), std::to_string(submitted.size()));
    EXPECT_EQ(rawQuery(db,
                  "SELECT count(*) FROM records WHERE status IN ('approved', 'returned',"
                  " 'rejected') AND claim_count = 1"),
        std::to_string(submitted.size()));
    std::map<std::string, int> perStatus;
    for (const auto& [id, status] : finals) {
        ++perStatus[status];
    }
    for (const auto& [status, count] : perStatus) {
        EXPECT_EQ(rawQuery(db, "SELECT count(*) FROM records WHERE status = '" + status + "'"),
            std::to_string(count));
    }
    if (!usingPostgres()) {
        EXPECT_EQ(rawQuery(db, "PRAGMA integrity_check"), "ok");
    }
    Store store = openStore(db, key);
    auto audit = store.verifyAudit();
    ASSERT_TRUE(audit);
    EXPECT_TRUE(audit->ok) << audit->problem;
    std::printf("concurrency test: %d s, %zu records submitted, claimed and decided\n", seconds,
        submitted.size());
}

} // namespace
