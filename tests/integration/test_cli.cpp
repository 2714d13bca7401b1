// kakanai-card's contract (output, masking, exit codes) against a real pcscd + vpcd + emulator.
#include "fixture.hpp"

#include "kakanai/vcard/card.hpp"
#include "kakanai/vcard/identity.hpp"

namespace kakanai::testsupport {
namespace {

using namespace std::chrono_literals;

struct CliRun
{
    int exitCode = -1;
    std::string out, err;
};

vcard::Identity identity(const std::string& id)
{
    auto loaded = vcard::loadIdentity(identityFile(id));
    if (!loaded) {
        throw std::runtime_error(loaded.error());
    }
    return *loaded;
}

CliRun runCli(std::vector<std::string> args, const std::string& stdinText = {},
    std::chrono::milliseconds timeout = 30s)
{
    ProcessOptions options;
    options.argv = { KAKANAI_CARD_CLI_PATH };
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.stdinText = stdinText;
    auto child = ChildProcess::start(options);
    CliRun run;
    if (!child) {
        ADD_FAILURE() << child.error();
        return run;
    }
    auto code = (*child)->wait(timeout);
    if (!code) {
        ADD_FAILURE() << "kakanai-card did not finish";
        (*child)->terminate();
    }
    run.exitCode = (*child)->exitCode().value_or(-1);
    run.out = (*child)->stdoutText();
    run.err = (*child)->stderrText();
    return run;
}

std::string wrongPin(const vcard::Identity& who)
{
    return who.textPin == "0000" ? "1111\n" : "0000\n";
}

class CardCliTest : public SandboxTest
{
protected:
    // A fresh PIN-state file per call: the sandbox folder is shared by every test of the process.
    std::filesystem::path stateFile()
    {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        auto path = sandbox().directory()
            / ("pins-" + std::string(test->name()) + "-" + std::to_string(m_counter++));
        std::filesystem::remove(path);
        return path;
    }
    int m_counter = 0;
};

TEST_F(CardCliTest, ReadJsonForSeveralIdentities)
{
    for (const std::string id : { "hanako", "taro", "rare_kanji", "long_address", "reiwa_baby" }) {
        SCOPED_TRACE(id);
        auto who = identity(id);
        ASSERT_NE(insertCard(id), nullptr);
        CliRun run
            = runCli({ "read", "--pin-stdin", "--json", "--wait", "10" }, who.textPin + "\n");
        ASSERT_EQ(run.exitCode, 0) << run.err;
        EXPECT_NE(run.out.find("\"name\":\"" + who.name + "\""), std::string::npos) << run.out;
        EXPECT_NE(run.out.find("\"address\":\"" + who.address + "\""), std::string::npos);
        std::string iso = who.birthDate.substr(0, 4) + "-" + who.birthDate.substr(4, 2) + "-"
            + who.birthDate.substr(6, 2);
        EXPECT_NE(run.out.find("\"birth_date\":\"" + iso + "\""), std::string::npos);
        EXPECT_NE(run.out.find("\"birth_date_wareki\":\""), std::string::npos);
        EXPECT_NE(run.out.find("\"my_number\":\"********" + who.myNumber.substr(8) + "\""),
            std::string::npos);
        EXPECT_EQ(run.out.find(who.myNumber), std::string::npos) << "full My Number printed";
        EXPECT_NE(run.out.find("\"my_number_check_digit_ok\":true"), std::string::npos);
        EXPECT_NE(run.out.find("\"apdu_count\":"), std::string::npos);
        EXPECT_EQ(run.err.find(who.textPin), std::string::npos);
        removeCards();
    }
}

TEST_F(CardCliTest, WarekiAndSexForTaro)
{
    auto who = identity("taro");
    ASSERT_EQ(who.birthDate, "19450815");
    ASSERT_NE(insertCard("taro"), nullptr);
    CliRun run = runCli({ "read", "--pin-stdin", "--json", "--wait", "10" }, who.textPin + "\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("\"birth_date_wareki\":\"昭和20年8月15日\""), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("\"sex\":\"male\""), std::string::npos);
}

TEST_F(CardCliTest, RevealNumberOnlyWhenAsked)
{
    auto who = identity("hanako");
    ASSERT_NE(insertCard("hanako"), nullptr);
    CliRun run = runCli(
        { "read", "--pin-stdin", "--json", "--reveal-number", "--wait", "10" }, who.textPin + "\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("\"my_number\":\"" + who.myNumber + "\""), std::string::npos);
}

TEST_F(CardCliTest, WrongPinThenLastTryRefusedThenAllowed)
{
    auto who = identity("taro");
    auto state = stateFile();
    ASSERT_NE(insertCard("taro", { "--state", state.string() }), nullptr);
    CliRun first = runCli({ "read", "--pin-stdin", "--wait", "10" }, wrongPin(who));
    EXPECT_EQ(first.exitCode, 10);
    EXPECT_TRUE(first.out.empty()) << "nothing partial on stdout";
    EXPECT_NE(first.err.find("残り2回"), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("2 tries left"), std::string::npos);
    CliRun second = runCli({ "read", "--pin-stdin", "--wait", "10" }, wrongPin(who));
    EXPECT_EQ(second.exitCode, 10);
    EXPECT_NE(second.err.find("残り1回"), std::string::npos);

    CliRun refused = runCli({ "read", "--pin-stdin", "--wait", "10" }, who.textPin + "\n");
    EXPECT_EQ(refused.exitCode, 11);
    EXPECT_TRUE(refused.out.empty());
    EXPECT_EQ(vcard::PinCounters::load(state).textPin, 1) << "the last try must not be spent";

    CliRun allowed
        = runCli({ "read", "--pin-stdin", "--allow-last-try", "--wait", "10" }, who.textPin + "\n");
    EXPECT_EQ(allowed.exitCode, 0) << allowed.err;
    EXPECT_EQ(vcard::PinCounters::load(state).textPin, 3);
}

TEST_F(CardCliTest, LockedPinSaysGoToTheCounter)
{
    auto who = identity("hanako");
    auto state = stateFile();
    vcard::PinCounters locked;
    locked.textPin = 0;
    locked.save(state);
    ASSERT_NE(insertCard("hanako", { "--state", state.string() }), nullptr);
    CliRun run
        = runCli({ "read", "--pin-stdin", "--allow-last-try", "--wait", "10" }, who.textPin + "\n");
    EXPECT_EQ(run.exitCode, 11);
    EXPECT_NE(run.err.find("窓口"), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty());
}

TEST_F(CardCliTest, PhoneAndJukiCardsAreExplained)
{
    ASSERT_NE(insertCard("phone"), nullptr);
    CliRun phone = runCli({ "read", "--pin-stdin", "--wait", "10" }, "1234\n");
    EXPECT_EQ(phone.exitCode, 13);
    EXPECT_NE(phone.err.find("スマートフォン"), std::string::npos) << phone.err;
    removeCards();
    ASSERT_NE(insertCard("juki"), nullptr);
    CliRun juki = runCli({ "read", "--pin-stdin", "--wait", "10" }, "1234\n");
    EXPECT_EQ(juki.exitCode, 13);
    EXPECT_NE(juki.err.find("住民基本台帳カード"), std::string::npos) << juki.err;
}

TEST_F(CardCliTest, NoCardWithinWaitAndNoService)
{
    CliRun run = runCli({ "read", "--pin-stdin", "--wait", "1" }, "1234\n");
    EXPECT_EQ(run.exitCode, 14) << run.err;
    ASSERT_TRUE(sandbox().stop().ok());
    CliRun down = runCli({ "read", "--pin-stdin", "--wait", "1" }, "1234\n");
    EXPECT_EQ(down.exitCode, 14) << down.err;
    CliRun readers = runCli({ "readers" });
    EXPECT_EQ(readers.exitCode, 14);
}

TEST_F(CardCliTest, CollationBRouteNeedsNoPin)
{
    auto who = identity("hanako");
    auto state = stateFile();
    ASSERT_NE(insertCard("hanako", { "--state", state.string() }), nullptr);
    CliRun run = runCli(
        { "read", "--collation-b-stdin", "--json", "--wait", "10" }, who.collationB() + "\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("\"name\":\"" + who.name + "\""), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\"my_number\":null"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\"route\":\"collation_b\""), std::string::npos);
    EXPECT_EQ(vcard::PinCounters::load(state).textPin, 3) << "the resident's PIN was not touched";
}

TEST_F(CardCliTest, MalformedCardDataExits13WithNothingPrinted)
{
    for (const std::string fault : { "truncated-tlv", "invalid-utf8" }) {
        SCOPED_TRACE(fault);
        auto who = identity("hanako");
        ASSERT_NE(insertCard("hanako", { "--fault", fault }), nullptr);
        CliRun run
            = runCli({ "read", "--pin-stdin", "--json", "--wait", "10" }, who.textPin + "\n");
        EXPECT_EQ(run.exitCode, 13) << run.err;
        EXPECT_TRUE(run.out.empty()) << run.out;
        removeCards();
    }
}

TEST_F(CardCliTest, UsageErrors)
{
    EXPECT_EQ(runCli({}).exitCode, 2);
    EXPECT_EQ(runCli({ "frobnicate" }).exitCode, 2);
    EXPECT_EQ(runCli({ "read", "--wait", "soon" }).exitCode, 2);
    EXPECT_EQ(runCli({ "cert" }).exitCode, 2);
    // Not a terminal and no --pin-stdin: refuse rather than read a PIN from a pipe silently.
    EXPECT_EQ(runCli({ "read", "--wait", "1" }, "1234\n").exitCode, 2);
}

TEST_F(CardCliTest, RemovalAtEveryApduIndexIsCleanAndPrintsNothing)
{
    auto who = identity("long_address");
    // contact-b: short reads only, so the read is 9 APDUs (two 256-byte chunks).
    for (int index = 0; index < 9; ++index) {
        SCOPED_TRACE("removed before APDU " + std::to_string(index));
        ASSERT_NE(insertCard("long_address",
                      { "--personality", "contact-b", "--remove-after", std::to_string(index) }),
            nullptr);
        CliRun run
            = runCli({ "read", "--pin-stdin", "--json", "--wait", "10" }, who.textPin + "\n");
        EXPECT_EQ(run.exitCode, 12) << run.err;
        EXPECT_TRUE(run.out.empty()) << run.out;
        removeCards();
    }
    // And the complete read, for contrast, succeeds with 9 APDUs.
    ASSERT_NE(insertCard("long_address", { "--personality", "contact-b" }), nullptr);
    CliRun run = runCli({ "read", "--pin-stdin", "--json", "--wait", "10" }, who.textPin + "\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("\"apdu_count\":9"), std::string::npos) << run.out;
}

TEST_F(CardCliTest, TraceMasksPinAndNumber)
{
    auto who = identity("hanako");
    ASSERT_NE(insertCard("hanako"), nullptr);
    CliRun run = runCli({ "read", "--pin-stdin", "--trace", "--wait", "10" }, who.textPin + "\n");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.err.find("trace: > 00 20 00 80 04 XX XX XX XX"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find(toHex(asBytes(who.textPin))), std::string::npos);
    EXPECT_EQ(run.err.find(toHex(asBytes(who.myNumber.substr(0, 8)))), std::string::npos);
    EXPECT_EQ(run.out.find(who.myNumber), std::string::npos);
}

TEST_F(CardCliTest, ReadersPinStatusAndCertificates)
{
    auto who = identity("hanako");
    ASSERT_NE(insertCard("hanako"), nullptr);
    CliRun readers = runCli({ "readers" });
    ASSERT_EQ(readers.exitCode, 0) << readers.err;
    EXPECT_NE(readers.out.find(readerName(0) + "\tcard\t3B"), std::string::npos) << readers.out;
    EXPECT_NE(readers.out.find(readerName(1) + "\tempty"), std::string::npos);

    CliRun pins = runCli({ "pin-status", "--json", "--wait", "10" });
    ASSERT_EQ(pins.exitCode, 0) << pins.err;
    EXPECT_NE(pins.out.find("\"text_pin\":{\"tries_left\":3,\"locked\":false}"), std::string::npos)
        << pins.out;
    EXPECT_NE(pins.out.find("\"sign_password\":{\"tries_left\":5"), std::string::npos);

    CliRun auth = runCli({ "cert", "--type", "auth", "--wait", "10" });
    ASSERT_EQ(auth.exitCode, 0) << auth.err;
    EXPECT_NE(auth.out.find("chain:       verified"), std::string::npos) << auth.out;
    CliRun pem = runCli({ "cert", "--type", "auth-ca", "--pem", "--wait", "10" });
    ASSERT_EQ(pem.exitCode, 0);
    EXPECT_EQ(pem.out.rfind("-----BEGIN CERTIFICATE-----", 0), 0u);

    CliRun sign = runCli(
        { "cert", "--type", "sign", "--password-stdin", "--wait", "10" }, who.signPassword + "\n");
    ASSERT_EQ(sign.exitCode, 0) << sign.err;
    EXPECT_NE(
        sign.out.find("attributes:  name, sex, birth date, address present"), std::string::npos);
    EXPECT_EQ(sign.out.find(who.name), std::string::npos) << "attribute values are not printed";
}

TEST_F(CardCliTest, OpenScListsTheEmulatorsCertificates)
{
    // A third-party JPKI implementation must accept the emulator (OpenSC matches this ATR).
    ASSERT_NE(insertCard("hanako", { "--personality", "contact-c" }), nullptr);
    ProcessOptions options;
    options.argv = { "/usr/bin/pkcs15-tool", "--list-certificates" };
    options.stderrToStdout = true;
    auto child = ChildProcess::start(options);
    ASSERT_TRUE(child.ok()) << child.error();
    ASSERT_TRUE((*child)->wait(30s).has_value());
    std::string out = (*child)->stdoutText();
    EXPECT_EQ((*child)->exitCode(), 0) << out;
    // OpenSC's pkcs15-jpki emulation names the JPKI objects it found.
    EXPECT_NE(out.find("X.509 Certificate [User Authentication Certificate]"), std::string::npos)
        << out;
    EXPECT_NE(out.find("User Authentication Certificate CA"), std::string::npos) << out;
}

} // namespace
} // namespace kakanai::testsupport
