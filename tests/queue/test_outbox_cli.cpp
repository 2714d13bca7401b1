// kakanai-queue outbox status / forward run as processes: what waits, an unreachable server
// (exit 9, the error shown by status), forwarding once and with --follow until SIGINT, and
// nothing personal in any output.
#include "queue_fixture.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <sys/wait.h>

namespace {

using namespace kakanai::queue::testing;

class OutboxCli : public ::testing::Test
{
protected:
    /** Runs kakanai-queue on the kiosk's file (or `db`) with the test key; `prefix` wraps it. */
    CliRun run(
        const std::string& arguments, const std::string& db = {}, const std::string& prefix = {})
    {
        const std::string command = prefix + " " KAKANAI_QUEUE_CLI " --db "
            + shellQuote(db.empty() ? kioskPath.string() : db) + " --key "
            + shellQuote(keyPath.string()) + " " + arguments + " 2>&1";
        CliRun result = runShell(command);
        EXPECT_EQ(result.out.find("山田"), std::string::npos) << arguments;
        return result;
    }

    void SetUp() override
    {
        ASSERT_EQ(run("init-key").status, 0);
        ASSERT_EQ(run("init").status, 0);
        ASSERT_EQ(submit(1).status, 0);
    }

    /** Submits invented form number n at the kiosk (counter group B). */
    CliRun submit(int n)
    {
        const std::string id = uuidFor(5, static_cast<unsigned>(n));
        const auto form = dir.path() / ("form" + std::to_string(n) + ".json");
        std::ofstream(form)
            << R"({"format":"kakanai.filled-form","format_version":1,"id":")" << id
            << R"(","template_id":"juminhyo","template_version":2,"language":"ja","kiosk":"kiosk-5","counter_group":"B","values":{"name":{"value":"山田花子","origin":"card"}}})"
            << "\n";
        return run("submit " + shellQuote(form.string()));
    }

    TempDir dir;
    std::filesystem::path kioskPath = dir.path() / "kiosk.db"; // always the kiosk's own file
    std::filesystem::path keyPath = dir.path() / "m.key";
    std::string server = (dir / "server.db").string(); // a file, or PostgreSQL
};

TEST_F(OutboxCli, StatusShowsWhatWaitsAndTheLastError)
{
    const CliRun waiting = run("outbox status --json");
    EXPECT_EQ(waiting.status, 0);
    EXPECT_NE(waiting.out.find("\"waiting\":1,\"oldest_ticket\":\"B-001\""), std::string::npos)
        << waiting.out;
    EXPECT_NE(waiting.out.find("\"last_error\":null"), std::string::npos);
    EXPECT_NE(waiting.out.find("\"last_success_at\":null"), std::string::npos);

    const std::string missing = (dir.path() / "missing" / "server.db").string();
    const CliRun failed = run("outbox forward --to " + shellQuote(missing));
    EXPECT_EQ(failed.status, 9) << failed.out;
    EXPECT_NE(failed.out.find("[io]"), std::string::npos) << failed.out;
    const CliRun text = run("outbox status");
    EXPECT_EQ(text.status, 0);
    EXPECT_NE(text.out.find("waiting:       1 (oldest B-001"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("1 failures in a row"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("last success:  never"), std::string::npos) << text.out;
    EXPECT_EQ(run("outbox").status, 2);
    EXPECT_EQ(run("outbox forward").status, 2);
    EXPECT_EQ(run("outbox status --bogus").status, 2);
}

TEST_F(OutboxCli, ForwardOnceThenFollowUntilInterrupted)
{
    ASSERT_EQ(run("init", server).status, 0);
    const CliRun once = run("outbox forward --to " + shellQuote(server));
    EXPECT_EQ(once.status, 0) << once.out;
    EXPECT_NE(once.out.find("forwarded 1 records"), std::string::npos) << once.out;
    EXPECT_NE(run("list --json", server).out.find("\"ticket\":\"B-001\""), std::string::npos);
    const CliRun status = run("outbox status --json");
    EXPECT_NE(status.out.find("\"waiting\":0,"), std::string::npos) << status.out;
    EXPECT_NE(status.out.find("\"forwarded\":1,"), std::string::npos) << status.out;

    ASSERT_EQ(submit(2).status, 0);
    const CliRun follow = run("outbox forward --to " + shellQuote(server) + " --follow", {},
        "timeout --preserve-status -s INT 2");
    EXPECT_EQ(follow.status, 0) << follow.out;
    EXPECT_NE(follow.out.find("forwarded 1 records"), std::string::npos) << follow.out;
    EXPECT_NE(run("list --json", server).out.find("\"ticket\":\"B-002\""), std::string::npos);
    EXPECT_NE(run("outbox status --json").out.find("\"forwarded\":2,"), std::string::npos);
}

} // namespace
