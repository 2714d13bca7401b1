// A staff desk whose town-hall queue server goes away (PostgreSQL on a private cluster that the
// test stops and restarts): the console says "offline", keeps the correction being typed, and
// saves it by itself once the server answers. Needs root (the cluster runs as "postgres") or a
// user who may run initdb; skipped when PostgreSQL's server programs are missing.
#include "console_fixture.hpp"

#include <fstream>
#include <thread>

namespace kakanai::testsupport {
namespace {

const std::string CLUSTER = KAKANAI_SOURCE_DIR "/tests/support/pg-cluster";

class StaffOffline : public StaffConsoleTest
{
protected:
    std::string queueLocation() override
    {
        // The server (user "postgres" when we are root) must reach its folder: invented data.
        fs::permissions(
            folder(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
        if (cluster("start") != 0) {
            ADD_FAILURE() << "pg-cluster start failed";
            return {};
        }
        std::ifstream in(folder() / "pg" / "admin.url");
        std::string admin;
        std::getline(in, admin);
        if (std::system(("psql -q '" + admin + "' -c 'CREATE DATABASE staff' >/dev/null").c_str())
            != 0) {
            ADD_FAILURE() << "cannot create the database";
        }
        return "postgresql:///staff?" + admin.substr(admin.find('?') + 1);
    }
    void TearDown() override
    {
        store.reset();
        cluster("stop");
        StaffConsoleTest::TearDown();
    }
    int cluster(const std::string& command)
    {
        return std::system(
            (CLUSTER + " " + command + " '" + (folder() / "pg").string() + "' >/dev/null").c_str());
    }
};

TEST_F(StaffOffline, ANetworkCutShowsOfflineKeepsTheEditAndSavesItWhenBack)
{
    submit(1);
    StaffConsole desk = console();
    ASSERT_TRUE(desk.login("tanaka", secure("tanaka-pass")));
    ASSERT_TRUE(desk.refresh());
    ASSERT_TRUE(desk.open(uuid(1)));
    EXPECT_FALSE(desk.offline());

    ASSERT_EQ(cluster("stop"), 0); // the network (or the server) is gone
    auto corrected = desk.correct("phone", "0770-53-2222", "電話で確認");
    ASSERT_FALSE(corrected);
    EXPECT_EQ(corrected.error().id, "io");
    EXPECT_NE(corrected.error().message.find("オフライン"), std::string::npos);
    EXPECT_TRUE(desk.offline());
    ASSERT_NE(desk.pendingCorrection(), nullptr);
    EXPECT_EQ(desk.pendingCorrection()->key, "phone");
    desk.tick(); // still away: stays offline, the edit still waits
    EXPECT_TRUE(desk.offline());
    ASSERT_NE(desk.pendingCorrection(), nullptr);

    ASSERT_EQ(cluster("restart"), 0);
    for (int i = 0; i < 20 && desk.offline(); ++i) {
        desk.tick(); // the real console ticks every second
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_FALSE(desk.offline());
    EXPECT_EQ(desk.pendingCorrection(), nullptr);
    auto session = store->login("suzuki", secure("suzuki-pass"));
    ASSERT_TRUE(session);
    auto history = store->corrections(*session, uuid(1));
    ASSERT_TRUE(history) << history.error().message;
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].field, "phone");
    EXPECT_EQ((*history)[0].newValue, secure("0770-53-2222"));
    EXPECT_EQ((*history)[0].userId, "tanaka");
}

} // namespace
} // namespace kakanai::testsupport
