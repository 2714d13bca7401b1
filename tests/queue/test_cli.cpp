// kakanai-queue run as a process: the submit contract, the staff flow, exit codes, no personal
// data without --reveal, audit verify after tampering.
#include "queue_fixture.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <sys/wait.h>

namespace {

using namespace kakanai::queue::testing;

class QueueCli : public ::testing::Test
{
protected:
    // Runs kakanai-queue with fixed arguments from this file; stderr is captured when asked.
    CliRun run(const std::string& arguments, const std::string& env = {}, bool withStderr = false)
    {
        const std::string command = "KAKANAI_DB=" + shellQuote((dir / "q.db").string())
            + " KAKANAI_KEY=" + (dir / "m.key").string() + " " + env + " " KAKANAI_QUEUE_CLI " "
            + arguments + (withStderr ? " 2>&1" : " 2>/dev/null");
        return runShell(command);
    }

    void SetUp() override
    {
        ASSERT_EQ(run("init-key").status, 0);
        ASSERT_EQ(run("init").status, 0);
        ASSERT_EQ(
            run("user add admin --name Admin --role admin", "KAKANAI_NEW_PASSWORD=password-admin")
                .status,
            0);
        ASSERT_EQ(run("user add rev1 --name R1 --role reviewer --as admin",
                      "KAKANAI_PASSWORD=password-admin KAKANAI_NEW_PASSWORD=password-rev1")
                      .status,
            0);
        ASSERT_EQ(run("user add sup --name S --role supervisor --as admin",
                      "KAKANAI_PASSWORD=password-admin KAKANAI_NEW_PASSWORD=password-sup")
                      .status,
            0);
        std::ofstream(dir / "form.json")
            << R"({"format":"kakanai.filled-form","format_version":1,"id":")" << ID
            << R"(","template_id":"juminhyo","template_version":2,"language":"en","kiosk":"kiosk-7","counter_group":"B","values":{"name":{"value":"山田花子","origin":"card"}}})"
            << "\n";
    }

    TempDir dir;
    const std::string ID = "7d0c9a52-3f6e-4b8e-9a41-2f0d6c1e5b77";
};

TEST_F(QueueCli, SubmitPrintsTheReceiptAndIsIdempotent)
{
    const std::string form = (dir / "form.json").string();
    const CliRun first = run("submit " + form);
    EXPECT_EQ(first.status, 0);
    EXPECT_EQ(first.out, "{\"id\":\"" + ID + "\",\"ticket\":\"B-001\"}\n");
    EXPECT_EQ(run("submit " + form).out, first.out);
    std::ofstream(dir / "bad.json") << "{\"id\": ";
    EXPECT_EQ(run("submit " + (dir / "bad.json").string()).status, 3);
    EXPECT_EQ(run("submit " + (dir / "missing.json").string()).status, 3);
    const CliRun listed = run("list --json");
    EXPECT_NE(listed.out.find("\"template_version\":2"), std::string::npos);
    EXPECT_NE(listed.out.find("\"kiosk\":\"kiosk-7\""), std::string::npos);
}

TEST_F(QueueCli, NothingPersonalWithoutReveal)
{
    ASSERT_EQ(run("submit " + (dir / "form.json").string()).status, 0);
    for (const std::string& command :
        { std::string("list"), std::string("list --json"), "show " + ID, "show --json " + ID,
            std::string("stats"), std::string("kpi --from 2000-01-01 --to 2100-01-01") }) {
        const CliRun result = run(command, "", true);
        EXPECT_EQ(result.status, 0) << command;
        EXPECT_EQ(result.out.find("山田"), std::string::npos) << command;
    }
    const CliRun revealed
        = run("show " + ID + " --reveal --user rev1", "KAKANAI_PASSWORD=password-rev1");
    EXPECT_EQ(revealed.status, 0);
    EXPECT_NE(revealed.out.find("山田花子"), std::string::npos);
    EXPECT_EQ(run("show " + ID + " --reveal", "", false).status, 2); // needs --user
}

TEST_F(QueueCli, StaffFlowAndExitCodes)
{
    ASSERT_EQ(run("submit " + (dir / "form.json").string()).status, 0);
    EXPECT_EQ(run("claim --user rev1", "KAKANAI_PASSWORD=wrong-password").status, 8);
    const CliRun claimed = run("claim --user rev1", "KAKANAI_PASSWORD=password-rev1");
    EXPECT_EQ(claimed.status, 0);
    EXPECT_NE(claimed.out.find("\"status\":\"claimed\""), std::string::npos);
    EXPECT_EQ(run("claim --user rev1", "KAKANAI_PASSWORD=password-rev1").status, 4);
    EXPECT_EQ(run("approve " + ID + " --user sup", "KAKANAI_PASSWORD=password-sup").status, 5);
    // Password from standard input works too.
    std::ofstream(dir / "password.txt") << "password-rev1\n";
    const CliRun approved
        = run("approve " + ID + " --user rev1 --reason ok < " + (dir / "password.txt").string());
    EXPECT_EQ(approved.status, 0) << approved.out;
    EXPECT_EQ(approved.out, "{\"id\":\"" + ID + "\",\"status\":\"approved\"}\n");
    EXPECT_EQ(run("export --since 2000-01-01 --format jsonl --user rev1",
                  "KAKANAI_PASSWORD=password-rev1")
                  .status,
        8);
    const CliRun exported = run(
        "export --since 2000-01-01 --format jsonl --user sup", "KAKANAI_PASSWORD=password-sup");
    EXPECT_EQ(exported.status, 0);
    EXPECT_NE(exported.out.find("\"form\":{\"format\""), std::string::npos);
    EXPECT_EQ(run("show 00000000-0000-4000-8000-000000000000").status, 4);
    EXPECT_EQ(run("frobnicate").status, 2);
    EXPECT_EQ(run("kpi --from 2000-01-01").status, 2);
    const CliRun kpi = run("kpi --from 2000-01-01 --to 2100-01-01");
    EXPECT_EQ(kpi.out.rfind("date,procedure,visits,forms,", 0), 0u);
    EXPECT_NE(kpi.out.find(",juminhyo,1,1,"), std::string::npos);
    EXPECT_NE(run("stats").out.find("estimated wait for a new ticket"), std::string::npos);
}

TEST_F(QueueCli, KeyErrorsAndAuditVerify)
{
    ASSERT_EQ(run("submit " + (dir / "form.json").string()).status, 0);
    EXPECT_EQ(run("audit verify").status, 0);
    EXPECT_EQ(run("--key " + (dir / "none.key").string() + " audit verify").status, 6);
    ASSERT_EQ(run("--key " + (dir / "other.key").string() + " init-key").status, 0);
    const CliRun wrong
        = run("--key " + (dir / "other.key").string() + " submit " + (dir / "form.json").string(),
            "", true);
    EXPECT_EQ(wrong.status, 6);
    EXPECT_NE(wrong.out.find("wrong-key"), std::string::npos);
    disableAuditGuards(dir / "q.db");
    rawQuery(dir / "q.db", "DELETE FROM audit WHERE seq = 2");
    const CliRun broken = run("audit verify", "", true);
    EXPECT_EQ(broken.status, 7);
    EXPECT_NE(broken.out.find("entry 2"), std::string::npos);
}

TEST_F(QueueCli, AuditVerifyPrintsAnAnchorThatALaterCheckUses)
{
    ASSERT_EQ(run("submit " + (dir / "form.json").string()).status, 0);
    const CliRun first = run("audit verify");
    ASSERT_EQ(first.status, 0);
    const auto at = first.out.find("anchor: ");
    ASSERT_NE(at, std::string::npos) << first.out;
    const std::string anchor = first.out.substr(at + 8, first.out.find('\n', at) - at - 8);
    ASSERT_GT(anchor.size(), 65u) << anchor;
    const CliRun again = run("audit verify --anchor " + anchor);
    EXPECT_EQ(again.status, 0);
    EXPECT_NE(again.out.find("matches"), std::string::npos) << again.out;
    EXPECT_EQ(run("audit verify --anchor 3:abc", "", true).status, 2) << "not SEQ:64 hex digits";
    const std::string seq = anchor.substr(0, anchor.find(':'));
    disableAuditGuards(dir / "q.db");
    rawQuery(dir / "q.db", "DELETE FROM audit WHERE seq >= " + seq);
    rawQuery(dir / "q.db",
        "UPDATE audit_head SET seq = (SELECT max(seq) FROM audit),"
        " mac = (SELECT mac FROM audit ORDER BY seq DESC LIMIT 1)");
    EXPECT_EQ(run("audit verify").status, 0) << "the head alone is fooled";
    const CliRun caught = run("audit verify --anchor " + anchor, "", true);
    EXPECT_EQ(caught.status, 7);
    EXPECT_NE(caught.out.find("deleted at the end"), std::string::npos) << caught.out;
}

} // namespace
