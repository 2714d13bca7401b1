// The SQLite writers' queue ("<db>-writer.lock", writer_lock.hpp): a writer that cannot get it
// in busyTimeoutMs gets Busy, a SIGKILLed holder never leaves it stuck, a wait given up does not
// keep it, and the writer that just let it go cannot jump ahead of one already waiting.
#include "db.hpp"
#include "queue_fixture.hpp"
#include "writer_lock.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;
using Steady = std::chrono::steady_clock;
using std::chrono::milliseconds;

Store openWithTimeout(const std::filesystem::path& db, const MasterKey& key, int timeoutMs)
{
    StoreOptions options;
    options.key = key;
    options.scrypt = cheapScrypt();
    options.busyTimeoutMs = timeoutMs;
    options.create = true;
    auto store = Store::open(db, options);
    EXPECT_TRUE(store) << store.error().message;
    return std::move(store).value();
}

double msSince(Steady::time_point start)
{
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

TEST(WriterLock, WriterGetsBusyAfterTheTimeoutThenTheLockOnceFree)
{
    if (usingPostgres()) {
        GTEST_SKIP() << "the sidecar lock file is SQLite's";
    }
    TempDir dir;
    const auto db = dir / "queue.db";
    const MasterKey key = generateMasterKey();
    Store store = openStore(db, key);
    Store waiter = openWithTimeout(db, key, 300);
    detail::Db holder(db.string(), false, 10'000);
    auto tx = std::make_unique<detail::Tx>(holder);
    ASSERT_TRUE(std::filesystem::exists(db.string() + "-writer.lock"));

    const auto start = Steady::now();
    auto busy = waiter.submit(sampleSubmission(uuidFor(1, 1)));
    const double waited = msSince(start);
    ASSERT_FALSE(busy);
    EXPECT_EQ(busy.error().code, QueueErrorCode::Busy);
    EXPECT_GE(waited, 250.0);
    EXPECT_LT(waited, 3000.0);

    tx.reset(); // rolls back and lets the lock go
    auto receipt = waiter.submit(sampleSubmission(uuidFor(1, 1)));
    ASSERT_TRUE(receipt) << receipt.error().message;
    EXPECT_FALSE(receipt->duplicate);
}

/** Kills and reaps a child on every path out of the test. */
struct KillOnExit
{
    pid_t pid;
    ~KillOnExit()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            int status = 0;
            ::waitpid(pid, &status, 0);
        }
    }
};

TEST(WriterLock, KilledHolderNeverLeavesItStuck)
{
    if (usingPostgres()) {
        GTEST_SKIP() << "the sidecar lock file is SQLite's";
    }
    TempDir dir;
    const auto db = dir / "queue.db";
    const MasterKey key = generateMasterKey();
    // Opened first: opening a Store also writes (the audit secret's transaction).
    Store blocked = openWithTimeout(db, key, 200);
    Store after = openWithTimeout(db, key, 5000);
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    KillOnExit child { ::fork() };
    ASSERT_GE(child.pid, 0);
    if (child.pid == 0) {
        detail::Db holder(db.string(), false, 10'000);
        detail::Tx tx(holder); // a writer in the middle of its transaction
        const char byte = 'x';
        (void)!::write(ready[1], &byte, 1);
        for (;;) {
            ::pause();
        }
    }
    ::close(ready[1]);
    char byte = 0;
    ASSERT_EQ(::read(ready[0], &byte, 1), 1);
    ::close(ready[0]);
    auto busy = blocked.submit(sampleSubmission(uuidFor(2, 1)));
    ASSERT_FALSE(busy);
    EXPECT_EQ(busy.error().code, QueueErrorCode::Busy);

    ::kill(child.pid, SIGKILL);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    child.pid = -1;
    const auto start = Steady::now();
    auto receipt = after.submit(sampleSubmission(uuidFor(2, 1)));
    ASSERT_TRUE(receipt) << receipt.error().message;
    EXPECT_LT(msSince(start), 1000.0);
    EXPECT_EQ(rawQuery(db, "PRAGMA integrity_check"), "ok");
}

TEST(WriterLock, AGivenUpWaitDoesNotKeepTheLock)
{
    TempDir dir;
    const std::string path = (dir.path() / "file-writer.lock").string();
    auto holder = detail::WriterLock::open(path, path);
    auto quitter = detail::WriterLock::open(path, path);
    auto gone = detail::WriterLock::open(path, path);
    auto third = detail::WriterLock::open(path, path);
    ASSERT_TRUE(holder && quitter && gone && third);

    ASSERT_TRUE(holder->lock(milliseconds(1000)));
    EXPECT_FALSE(quitter->lock(milliseconds(100))); // its helper keeps waiting
    EXPECT_FALSE(gone->lock(milliseconds(50)));
    gone.reset(); // closed while its helper still waits
    holder->unlock();

    const auto start = Steady::now();
    ASSERT_TRUE(third->lock(milliseconds(3000)));
    EXPECT_LT(msSince(start), 1000.0);
    third->unlock();
    ASSERT_TRUE(quitter->lock(milliseconds(3000)));
    EXPECT_FALSE(holder->lock(milliseconds(50)));
    quitter->unlock();
    EXPECT_TRUE(holder->lock(milliseconds(3000)));
    holder->unlock();
}

TEST(WriterLock, TheWriterThatLetsGoCannotJumpAheadOfAWaiter)
{
    TempDir dir;
    const std::string path = (dir.path() / "file-writer.lock").string();
    auto first = detail::WriterLock::open(path, path);
    auto second = detail::WriterLock::open(path, path);
    ASSERT_TRUE(first && second);
    ASSERT_TRUE(first->lock(milliseconds(1000)));
    bool secondGotIt = false;
    std::thread waiter([&] { secondGotIt = second->lock(milliseconds(5000)); });
    std::this_thread::sleep_for(milliseconds(200)); // second now waits in the kernel
    first->unlock();
    EXPECT_FALSE(first->lock(milliseconds(0))); // at once again: second's turn comes first
    waiter.join();
    ASSERT_TRUE(secondGotIt);
    second->unlock();
    EXPECT_TRUE(first->lock(milliseconds(3000)));
    first->unlock();
}

} // namespace
