// Protection: the master key file, envelope encryption, wrong/missing keys, tampering, rekey,
// roles and the audited My Number reveal.
#include "queue_fixture.hpp"

#include <sys/stat.h>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;

constexpr const char* MY_NUMBER = "123456789018"; // invented; valid check digit

TEST(MasterKeyFile, CreatedPrivateAndLoadable)
{
    TempDir dir;
    auto created = createMasterKeyFile(dir / "master.key");
    ASSERT_TRUE(created) << created.error().message;
    struct stat info
    {
    };
    ASSERT_EQ(::stat((dir / "master.key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(info.st_size, 48);
    auto loaded = loadMasterKey(dir / "master.key");
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->id, created->id);
    EXPECT_EQ(loaded->key, created->key);
    EXPECT_EQ(loaded->id.size(), 16u);
    // Never overwritten.
    EXPECT_EQ(createMasterKeyFile(dir / "master.key").error().code, QueueErrorCode::Io);
}

TEST(MasterKeyFile, RefusesMissingInsecureAndMalformedFiles)
{
    TempDir dir;
    EXPECT_EQ(loadMasterKey(dir / "none.key").error().code, QueueErrorCode::KeyMissing);
    ASSERT_TRUE(createMasterKeyFile(dir / "master.key"));
    ::chmod((dir / "master.key").c_str(), 0640);
    EXPECT_EQ(loadMasterKey(dir / "master.key").error().code, QueueErrorCode::KeyInsecure);
    ::chmod((dir / "master.key").c_str(), 0604);
    EXPECT_EQ(loadMasterKey(dir / "master.key").error().code, QueueErrorCode::KeyInsecure);
    {
        std::FILE* f = std::fopen((dir / "short.key").c_str(), "w");
        std::fputs("not a key", f);
        std::fclose(f);
    }
    ::chmod((dir / "short.key").c_str(), 0600);
    EXPECT_EQ(loadMasterKey(dir / "short.key").error().code, QueueErrorCode::KeyInvalid);
}

class ProtectionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        addStaff(store);
        Submission s = sampleSubmission(uuidFor(1, 1));
        s.myNumber = secure(MY_NUMBER);
        ASSERT_TRUE(store.submit(s));
    }

    TempDir dir;
    MasterKey key = generateMasterKey();
    TestClock clock;
    Store store = openStore(dir / "queue.db", key, &clock);
};

TEST_F(ProtectionTest, PayloadIsSealedPerRecordWithTheKeyIdStored)
{
    const auto db = dir / "queue.db";
    EXPECT_EQ(rawQuery(db, "SELECT key_id FROM records"), key.id);
    EXPECT_EQ(rawQuery(db, "SELECT length(wrapped_key) FROM records"), "60"); // 12 + 32 + 16
    EXPECT_EQ(rawQuery(db, "SELECT " + sqlPosition("payload", "juminhyo") + " FROM records"), "0");
    const StaffSession rev = loginAs(store, "rev1");
    auto payload = store.readPayload(rev, uuidFor(1, 1));
    ASSERT_TRUE(payload);
    EXPECT_EQ(*payload, sampleSubmission(uuidFor(1, 1)).payload);
}

TEST_F(ProtectionTest, WrongKeyIsRefusedAtOpenAndChangesNothing)
{
    const std::string before = rawQuery(dir / "queue.db", "SELECT count(*) FROM audit");
    StoreOptions options;
    options.key = generateMasterKey();
    auto opened = Store::open(dir / "queue.db", options);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, QueueErrorCode::WrongKey);
    // Same key id, other bytes (a damaged or forged key file).
    options.key = MasterKey { key.id, generateMasterKey().key };
    opened = Store::open(dir / "queue.db", options);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, QueueErrorCode::WrongKey);
    EXPECT_EQ(rawQuery(dir / "queue.db", "SELECT count(*) FROM audit"), before);
}

TEST_F(ProtectionTest, MissingKeyAllowsMetadataOnly)
{
    StoreOptions options;
    auto opened = Store::open(dir / "queue.db", options);
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->list()->size(), 1u);
    EXPECT_EQ(
        opened->submit(sampleSubmission(uuidFor(1, 2))).error().code, QueueErrorCode::KeyMissing);
    EXPECT_EQ(
        opened->login("rev1", secure("password-rev1")).error().code, QueueErrorCode::KeyMissing);
    EXPECT_EQ(opened->list()->size(), 1u);
}

TEST_F(ProtectionTest, FlippedPayloadByteIsDetected)
{
    ASSERT_TRUE(flipBlobByte(dir / "queue.db", "records", "payload", "1", 20));
    const StaffSession rev = loginAs(store, "rev1");
    auto payload = store.readPayload(rev, uuidFor(1, 1));
    ASSERT_FALSE(payload);
    EXPECT_EQ(payload.error().code, QueueErrorCode::Tampered);
    // A flipped bit in the wrapped data key is caught as well.
    ASSERT_TRUE(flipBlobByte(dir / "queue.db", "records", "wrapped_key", "1", 30));
    EXPECT_EQ(store.readPayload(rev, uuidFor(1, 1)).error().code, QueueErrorCode::Tampered);
}

TEST_F(ProtectionTest, SwappedPayloadBetweenRecordsIsDetected)
{
    ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(1, 2))));
    rawQuery(dir / "queue.db",
        "UPDATE records SET payload = (SELECT payload FROM records WHERE id = '" + uuidFor(1, 1)
            + "') WHERE id = '" + uuidFor(1, 2) + "'");
    const StaffSession rev = loginAs(store, "rev1");
    EXPECT_EQ(store.readPayload(rev, uuidFor(1, 2)).error().code, QueueErrorCode::Tampered);
}

TEST_F(ProtectionTest, OnlySupervisorsRevealTheMyNumberAndItIsAudited)
{
    const StaffSession rev = loginAs(store, "rev1");
    const StaffSession admin = loginAs(store, "admin");
    const StaffSession sup = loginAs(store, "sup");
    EXPECT_EQ(store.revealMyNumber(rev, uuidFor(1, 1)).error().code, QueueErrorCode::Forbidden);
    EXPECT_EQ(store.revealMyNumber(admin, uuidFor(1, 1)).error().code, QueueErrorCode::Forbidden);
    auto number = store.revealMyNumber(sup, uuidFor(1, 1));
    ASSERT_TRUE(number);
    EXPECT_EQ(*number, secure(MY_NUMBER));
    EXPECT_EQ(rawQuery(dir / "queue.db",
                  "SELECT actor || ' ' || action FROM audit WHERE action = 'reveal'"),
        "sup reveal");
    EXPECT_TRUE(store.get(uuidFor(1, 1))->hasMyNumber);
}

TEST_F(ProtectionTest, RekeyRewrapsEverything)
{
    const StaffSession admin = loginAs(store, "admin");
    const StaffSession rev = loginAs(store, "rev1");
    EXPECT_EQ(store.rekey(rev, generateMasterKey()).error().code, QueueErrorCode::Forbidden);
    const MasterKey next = generateMasterKey();
    auto count = store.rekey(admin, next);
    ASSERT_TRUE(count) << count.error().message;
    EXPECT_EQ(*count, 1u);
    EXPECT_EQ(rawQuery(dir / "queue.db", "SELECT key_id FROM records"), next.id);

    // The old key no longer opens the database; the new one reads everything.
    StoreOptions options;
    options.key = key;
    EXPECT_EQ(Store::open(dir / "queue.db", options).error().code, QueueErrorCode::WrongKey);
    Store reopened = openStore(dir / "queue.db", next, &clock);
    const StaffSession sup = loginAs(reopened, "sup");
    EXPECT_EQ(*reopened.revealMyNumber(sup, uuidFor(1, 1)), secure(MY_NUMBER));
    auto audit = reopened.verifyAudit();
    ASSERT_TRUE(audit);
    EXPECT_TRUE(audit->ok) << audit->problem;
}

} // namespace
