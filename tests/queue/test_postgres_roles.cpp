// The town hall's PostgreSQL queue as kiosks and staff desks reach it: over TCP with TLS and a
// verified server certificate, each kind of client with its own role (config/townhall/roles.sql).
// PostgreSQL only (skipped on the SQLite run).
#include "queue_fixture.hpp"

#include <fstream>
#include <regex>

namespace {

using namespace kakanai;
using namespace kakanai::queue;
using namespace kakanai::queue::testing;

std::string clusterFile(const std::string& name)
{
    std::ifstream in(std::filesystem::path(std::getenv("KAKANAI_TEST_POSTGRES_DIR")) / name);
    std::string text;
    std::getline(in, text);
    return text;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

class PostgresRoles : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!usingPostgres()) {
            GTEST_SKIP() << "PostgreSQL only";
        }
        owner.emplace(openStore(url, key, &clock));
        addStaff(*owner);
        ASSERT_EQ(rawQuery(url, readFile(KAKANAI_SOURCE_DIR "/config/townhall/roles.sql")), "");
        ASSERT_EQ(rawQuery(url, "ALTER ROLE kakanai_kiosk PASSWORD 'kiosk-pass-1'"), "");
        ASSERT_EQ(rawQuery(url, "ALTER ROLE kakanai_staff PASSWORD 'staff-pass-1'"), "");
        std::smatch match;
        const std::string text = url.string();
        ASSERT_TRUE(std::regex_search(text, match, std::regex("///([a-z0-9_]+)")));
        database = match[1];
    }

    /** A client's URL: TCP to localhost with TLS, verify-full against `ca` unless sslmode given. */
    std::string tcpUrl(
        const std::string& role, const std::string& password, const std::string& ssl = {}) const
    {
        const std::string ca = std::string(std::getenv("KAKANAI_TEST_POSTGRES_DIR")) + "/ca.crt";
        return "postgresql://" + role + ":" + password + "@localhost:" + clusterFile("port") + "/"
            + database + "?" + (ssl.empty() ? "sslmode=verify-full&sslrootcert=" + ca : ssl);
    }

    Store open(const std::string& location)
    {
        StoreOptions options;
        options.key = key;
        options.clock = &clock;
        options.scrypt = cheapScrypt();
        auto store = Store::open(location, options);
        if (!store) {
            throw std::runtime_error("open: " + store.error().message);
        }
        return std::move(store).value();
    }

    TempDir dir;
    std::filesystem::path url = dir / "queue.db";
    MasterKey key = generateMasterKey();
    TestClock clock;
    std::optional<Store> owner;
    std::string database;
};

TEST_F(PostgresRoles, KioskSubmitsOverVerifiedTlsButReadsNoCiphertext)
{
    const std::string kioskUrl = tcpUrl("kakanai_kiosk", "kiosk-pass-1");
    Store kiosk = open(kioskUrl);
    auto receipt = kiosk.submit(sampleSubmission(uuidFor(1, 1)));
    ASSERT_TRUE(receipt) << receipt.error().message;
    EXPECT_EQ(receipt->ticket, "A-001");
    auto retry = kiosk.submit(sampleSubmission(uuidFor(1, 1)));
    ASSERT_TRUE(retry) << retry.error().message;
    EXPECT_TRUE(retry->duplicate);
    EXPECT_EQ(rawQuery(kioskUrl, "SHOW ssl"), "on");
    EXPECT_NE(rawQuery(kioskUrl, "SELECT payload FROM records").find("permission denied"),
        std::string::npos);
    EXPECT_NE(rawQuery(kioskUrl, "SELECT my_number FROM records").find("permission denied"),
        std::string::npos);
    EXPECT_NE(
        rawQuery(kioskUrl, "DELETE FROM records").find("permission denied"), std::string::npos);
    EXPECT_NE(
        rawQuery(kioskUrl, "SELECT hash FROM users").find("permission denied"), std::string::npos);
    // The kiosk's role cannot review, whatever kakanai user it claims to be.
    auto session = kiosk.login("rev1", secure("password-rev1"));
    ASSERT_FALSE(session);
    EXPECT_EQ(session.error().code, QueueErrorCode::Forbidden);
}

TEST_F(PostgresRoles, StaffReviewsButCannotDeleteOrRewriteTheAudit)
{
    ASSERT_TRUE(owner->submit(sampleSubmission(uuidFor(1, 1))));
    const std::string staffUrl = tcpUrl("kakanai_staff", "staff-pass-1");
    Store desk = open(staffUrl);
    const StaffSession rev = loginAs(desk, "rev1");
    auto claimed = desk.claimNext(rev);
    ASSERT_TRUE(claimed && *claimed) << (claimed ? "nothing" : claimed.error().message);
    auto payload = desk.readPayload(rev, uuidFor(1, 1));
    ASSERT_TRUE(payload) << payload.error().message;
    EXPECT_EQ(*payload, sampleSubmission(uuidFor(1, 1)).payload);
    ASSERT_TRUE(desk.decide(rev, uuidFor(1, 1), Decision::Approve));
    EXPECT_NE(
        rawQuery(staffUrl, "DELETE FROM records").find("permission denied"), std::string::npos);
    EXPECT_NE(rawQuery(staffUrl, "TRUNCATE audit").find("permission denied"), std::string::npos);
    EXPECT_NE(rawQuery(staffUrl, "UPDATE audit SET actor = 'x'").find("permission denied"),
        std::string::npos);
    EXPECT_TRUE(owner->verifyAudit()->ok);
}

TEST_F(PostgresRoles, AnUnverifiedServerOrAPlainConnectionIsRefused)
{
    // A CA that did not sign the server's certificate: someone else's server.
    TempDir other;
    const std::string fakeCa = (other.path() / "ca.crt").string();
    ASSERT_EQ(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=fake"
                           " -keyout "
                  + (other.path() / "ca.key").string() + " -out " + fakeCa + " 2>/dev/null")
                              .c_str()),
        0);
    StoreOptions options;
    options.key = key;
    auto spoofed = Store::open(
        tcpUrl("kakanai_kiosk", "kiosk-pass-1", "sslmode=verify-full&sslrootcert=" + fakeCa),
        options);
    ASSERT_FALSE(spoofed);
    EXPECT_EQ(spoofed.error().code, QueueErrorCode::Io);
    EXPECT_NE(spoofed.error().message.find("certificate"), std::string::npos)
        << spoofed.error().message;
    auto plain = Store::open(tcpUrl("kakanai_kiosk", "kiosk-pass-1", "sslmode=disable"), options);
    ASSERT_FALSE(plain);
    EXPECT_EQ(plain.error().code, QueueErrorCode::Io);
    auto wrongPassword = Store::open(tcpUrl("kakanai_kiosk", "not-the-password"), options);
    ASSERT_FALSE(wrongPassword);
    EXPECT_EQ(wrongPassword.error().message.find("not-the-password"), std::string::npos);
}

} // namespace
