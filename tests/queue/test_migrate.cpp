// Migrations: a database at every earlier PRAGMA user_version opens, is migrated to the latest
// version, and keeps its rows; a newer database is refused and left untouched.
#include "queue_fixture.hpp"
#include "schema.hpp"

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;

/** A database migrated only up to `version`, with one record and one user where possible. */
void makeDatabaseAt(const std::filesystem::path& path, int version)
{
    detail::Db db(path.string(), true, 5000);
    detail::configureConnection(db);
    detail::migrate(db, version);
    if (version >= 1) {
        db.exec("INSERT INTO users (id, display_name, role, salt, hash, scrypt_n, scrypt_r,"
                " scrypt_p, created_at, updated_at)"
                " VALUES ('old', 'Old', 'reviewer', x'00', x'00', 1024, 8, 1, 0, 0)");
        db.exec("INSERT INTO records (id, template_id, template_version, procedure, kiosk_id,"
                " language, counter_group, status, ticket, ticket_day, ticket_number,"
                " submission_digest, submitted_at, updated_at) VALUES"
                " ('00000000-0000-4000-8000-000000000001', 'juminhyo', 1, 'juminhyo', 'k1', 'ja',"
                " 'A', 'submitted', 'A-001', '2025-11-29', 1, x'00', 1764374400000,"
                " 1764374400000)");
    }
}

TEST(Migrate, FromEveryEarlierVersion)
{
    if (usingPostgres()) {
        GTEST_SKIP() << "SQLite files only: PostgreSQL starts at its own version 1 (see below)";
    }
    ASSERT_GE(Store::schemaVersion(), 2);
    for (int version = 0; version < Store::schemaVersion(); ++version) {
        SCOPED_TRACE("from version " + std::to_string(version));
        TempDir dir;
        const auto path = dir / "queue.db";
        makeDatabaseAt(path, version);
        EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::to_string(version));

        TestClock clock;
        const MasterKey key = generateMasterKey();
        Store store = openStore(path, key, &clock);
        EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), std::to_string(Store::schemaVersion()));
        EXPECT_EQ(rawQuery(path, "PRAGMA integrity_check"), "ok");
        EXPECT_EQ(rawQuery(path, "PRAGMA foreign_key_check"), "");
        const auto records = store.list();
        ASSERT_TRUE(records);
        EXPECT_EQ(records->size(), version >= 1 ? 1u : 0u);
        if (version >= 1) {
            EXPECT_EQ((*records)[0].ticket, "A-001");
            EXPECT_EQ(store.users()->size(), 1u);
        }
        // The migrated database takes new records, and the ticket sequence continues.
        auto receipt = store.submit(sampleSubmission(uuidFor(1, 2)));
        ASSERT_TRUE(receipt) << receipt.error().message;
        EXPECT_EQ(receipt->ticket, version >= 1 ? "A-002" : "A-001");
    }
}

TEST(Migrate, MigrationsAreNumberedFromTheSchemaFile)
{
    EXPECT_EQ(detail::latestSchemaVersion(), static_cast<int>(detail::migrations().size()));
    EXPECT_NE(detail::migrations()[0].find("CREATE TABLE records"), std::string::npos);
}

TEST(Migrate, PostgresDatabaseIsCreatedOnceAndANewerOneRefused)
{
    if (!usingPostgres()) {
        GTEST_SKIP() << "PostgreSQL only";
    }
    TempDir dir;
    const auto url = dir / "queue.db";
    const MasterKey key = generateMasterKey();
    TestClock clock;
    {
        Store store = openStore(url, key, &clock);
        ASSERT_TRUE(store.submit(sampleSubmission(uuidFor(1, 1))));
    }
    Store again = openStore(url, key, &clock); // an up-to-date database is left as it is
    EXPECT_EQ(again.list()->size(), 1u);
    EXPECT_EQ(rawQuery(url, "SELECT version FROM kakanai_schema"),
        std::to_string(Store::postgresSchemaVersion()));
    const std::string future = std::to_string(Store::postgresSchemaVersion() + 1);
    rawQuery(url, "UPDATE kakanai_schema SET version = " + future);
    StoreOptions options;
    options.key = key;
    auto opened = Store::open(url, options);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, QueueErrorCode::SchemaTooNew);
    EXPECT_EQ(rawQuery(url, "SELECT version FROM kakanai_schema"), future);
    EXPECT_EQ(rawQuery(url, "SELECT count(*) FROM records"), "1");
}

TEST(Migrate, NewerDatabaseIsRefusedAndUntouched)
{
    if (usingPostgres()) {
        GTEST_SKIP() << "SQLite files only (PostgreSQL: the test above)";
    }
    TempDir dir;
    const auto path = dir / "queue.db";
    makeDatabaseAt(path, Store::schemaVersion());
    const std::string future = std::to_string(Store::schemaVersion() + 1);
    rawQuery(path, "PRAGMA user_version=" + future);
    StoreOptions options;
    options.key = generateMasterKey();
    auto opened = Store::open(path, options);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, QueueErrorCode::SchemaTooNew);
    EXPECT_EQ(rawQuery(path, "PRAGMA user_version"), future);
    EXPECT_EQ(rawQuery(path, "SELECT count(*) FROM records"), "1");
}

} // namespace
