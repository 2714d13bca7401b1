// bench/queue: the queue issue's figures.
//   1. Durable submissions per second (Store::submit: envelope encryption, ticket, audit entry,
//      one synchronous=FULL WAL commit each) and the ratio of its time to a plain SQLite insert
//      of a blob of the same size with the same settings, in the same run: target ≤ 1.5×.
//   2. Claim latency (claimNext) with 4 claimer threads, each on its own connection, claiming
//      and approving a prefilled queue: target p99 ≤ 20 ms.
//
//   The target is judged against SQLite's default 4096-byte pages; the ratio against a plain
//   insert with the queue's own 2048-byte pages is printed as well.
//
// Usage: [TMPDIR=DIR] bench_queue [--quick]   (prints the figures; a full run exits 1 if a target
// is missed, a quick run only reports; TMPDIR=/dev/shm shows the CPU cost without fsync)
#include "kakanai/queue/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace kakanai;
using namespace kakanai::queue;
using Steady = std::chrono::steady_clock;

namespace {

std::string uuid(unsigned a, unsigned b)
{
    char text[40];
    std::snprintf(text, sizeof text, "%08x-0000-4000-8000-%012x", a, b);
    return text;
}

/** An invented filled form of about 2 KB, like a real one. */
SecureString payload(const std::string& id)
{
    std::string text = R"({"format":"kakanai.filled-form","format_version":1,"id":")" + id
        + R"(","template_id":"tennyu","values":{)";
    for (int i = 0; i < 24; ++i) {
        text += (i ? "," : "") + std::string("\"field_") + std::to_string(i)
            + R"(":{"value":"試験の値 )" + std::to_string(i * 7919) + R"(","origin":"resident"})";
    }
    text += "}}";
    SecureString out;
    assignSecure(out, text);
    return out;
}

ScryptParams cheap()
{
    return ScryptParams { 1u << 10, 8, 1 };
}

Store open(const std::filesystem::path& db, const MasterKey& key)
{
    StoreOptions options;
    options.key = key;
    options.create = true;
    options.scrypt = cheap();
    auto store = Store::open(db, options);
    if (!store) {
        std::fprintf(stderr, "bench_queue: %s\n", store.error().message.c_str());
        std::exit(1);
    }
    return std::move(store).value();
}

double seconds(Steady::duration d)
{
    return std::chrono::duration<double>(d).count();
}

/**
 * A plain insert per transaction (autocommit: one durable commit each, like submit) into a table
 * with the same durability settings: WAL, synchronous=FULL, secure_delete. `pageSize` 0 keeps
 * SQLite's default (4096); the queue's files use 2048.
 */
double plainInserts(const std::filesystem::path& path, int count, std::size_t size, int pageSize)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    if (pageSize > 0) {
        sqlite3_exec(db, ("PRAGMA page_size=" + std::to_string(pageSize)).c_str(), nullptr, nullptr,
            nullptr);
    }
    sqlite3_exec(db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;"
        " CREATE TABLE plain (id TEXT PRIMARY KEY, payload BLOB NOT NULL) STRICT;",
        nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO plain (id, payload) VALUES (?, ?)", -1, &insert, nullptr);
    std::vector<unsigned char> blob(size, 0x5a);
    const auto start = Steady::now();
    for (int i = 0; i < count; ++i) {
        const std::string id = uuid(9, static_cast<unsigned>(i));
        sqlite3_bind_text(insert, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_blob(insert, 2, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE) {
            std::fprintf(stderr, "bench_queue: plain insert failed\n");
            std::exit(1);
        }
        sqlite3_reset(insert);
    }
    const double elapsed = seconds(Steady::now() - start);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return elapsed;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(values.size() * p))];
}

} // namespace

int main(int argc, char** argv)
{
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int submissions = quick ? 300 : 3000;
    const int claimable = quick ? 400 : 4000;

    // $TMPDIR chooses the disk (e.g. /dev/shm to see the CPU cost without fsync).
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/kakanai-bench-queue-XXXXXX";
    if (!::mkdtemp(pattern.data())) {
        return 1;
    }
    const std::filesystem::path dir = pattern;
    const MasterKey key = generateMasterKey();

    // 1. Submissions vs plain inserts (alternating halves so disk warm-up hits both equally).
    Store store = open(dir / "queue.db", key);
    const std::size_t payloadSize = payload(uuid(0, 0)).size();
    const int half = submissions / 2;
    double queueSeconds = 0;
    double plainSeconds = 0;
    double plainSmallPageSeconds = 0;
    for (int round = 0; round < 2; ++round) {
        // Built before the clock starts: the kiosk hands submit() a finished form, and the plain
        // inserts' blob is ready too.
        std::vector<Submission> batch(static_cast<std::size_t>(half));
        for (int i = 0; i < half; ++i) {
            Submission& s = batch[static_cast<std::size_t>(i)];
            s.id = uuid(1, static_cast<unsigned>(round * half + i));
            s.templateId = "tennyu";
            s.kioskId = "kiosk-1";
            s.payload = payload(s.id);
        }
        const auto start = Steady::now();
        for (const Submission& s : batch) {
            if (!store.submit(s)) {
                std::fprintf(stderr, "bench_queue: submit failed\n");
                return 1;
            }
        }
        queueSeconds += seconds(Steady::now() - start);
        const std::size_t sealedSize = payloadSize + 12 + 16; // nonce + tag
        plainSeconds
            += plainInserts(dir / ("plain" + std::to_string(round) + ".db"), half, sealedSize, 0);
        plainSmallPageSeconds += plainInserts(
            dir / ("plain-2k" + std::to_string(round) + ".db"), half, sealedSize, 2048);
    }
    const double perSecond = 2 * half / queueSeconds;
    const double ratio = queueSeconds / plainSeconds;

    // 2. Claim latency with 4 claimers on their own connections (the queue holds the records of
    //    part 1 too).
    for (int i = 0; i < claimable; ++i) {
        Submission s;
        s.id = uuid(2, static_cast<unsigned>(i));
        s.templateId = "juminhyo";
        s.kioskId = "kiosk-2";
        s.counterGroup = "C";
        s.payload = payload(s.id);
        (void)store.submit(s);
    }
    (void)store.bootstrapAdmin(NewUser { "admin", "Admin", Role::Admin, [] {
                                            SecureString p;
                                            assignSecure(p, "password-admin");
                                            return p;
                                        }() });
    {
        SecureString password;
        assignSecure(password, "password-admin");
        auto admin = store.login("admin", password);
        for (int t = 0; t < 4; ++t) {
            SecureString p;
            assignSecure(p, "password-rev" + std::to_string(t));
            (void)store.addUser(
                *admin, NewUser { "rev" + std::to_string(t), "Reviewer", Role::Reviewer, p });
        }
    }
    std::mutex mutex;
    std::vector<double> latencies;
    std::atomic<int> failures { 0 };
    std::vector<std::thread> threads;
    const auto claimStart = Steady::now();
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            Store mine = open(dir / "queue.db", key);
            SecureString p;
            assignSecure(p, "password-rev" + std::to_string(t));
            auto me = mine.login("rev" + std::to_string(t), p);
            if (!me) {
                ++failures;
                return;
            }
            std::vector<double> own;
            for (;;) {
                const auto start = Steady::now();
                auto next = mine.claimNext(*me);
                own.push_back(
                    std::chrono::duration<double, std::milli>(Steady::now() - start).count());
                if (!next) {
                    ++failures;
                    break;
                }
                if (!next->has_value()) {
                    own.pop_back();
                    break;
                }
                if (!mine.decide(*me, (*next)->id, Decision::Approve)) {
                    ++failures;
                }
            }
            std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), own.begin(), own.end());
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    const double claimSeconds = seconds(Steady::now() - claimStart);
    const double p50 = latencies.empty() ? 0 : percentile(latencies, 0.50);
    const double p99 = latencies.empty() ? 0 : percentile(latencies, 0.99);

    std::printf("queue: %d durable submissions (%zu-byte payload): %.0f/s; plain SQLite insert of "
                "the same size, same WAL + synchronous=FULL: %.0f/s; ratio %.2f× (target ≤ 1.5×)\n",
        2 * half, payloadSize, perSecond, 2 * half / plainSeconds, ratio);
    std::printf("queue: plain insert with the queue's 2048-byte pages: %.0f/s; ratio %.2f× "
                "(informational)\n",
        2 * half / plainSmallPageSeconds, queueSeconds / plainSmallPageSeconds);
    std::printf("queue: claim latency, 4 claimer threads on own connections, %zu claims "
                "(+ approve each) in %.2f s: p50 %.2f ms, p99 %.2f ms (target p99 ≤ 20 ms)\n",
        latencies.size(), claimSeconds, p50, p99);
    const bool met = ratio <= 1.5 && p99 <= 20.0 && failures == 0
        && latencies.size() == static_cast<std::size_t>(claimable + 2 * half);
    std::printf("queue: targets %s%s\n", met ? "met" : "MISSED",
        quick ? " (quick run: informational)" : "");
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    if (failures != 0) {
        return 1;
    }
    return met || quick ? 0 : 1;
}
