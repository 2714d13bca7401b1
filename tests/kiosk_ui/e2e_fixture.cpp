// KioskEndToEnd (see e2e_fixture.hpp).
#include "e2e_fixture.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace kakanai::testsupport {

namespace fs = std::filesystem;

namespace {

const fs::path SOURCE = KAKANAI_SOURCE_DIR;
const char* const PRINT_QUEUE = "kiosk";

queue::ScryptParams cheapScrypt()
{
    return { 1u << 10, 8, 1 };
}

} // namespace

void KioskEndToEnd::SetUpTestSuite()
{
    if (::geteuid() != 0) {
        s_setupError = "needs root (pcscd sandbox, cupsd)";
        return;
    }
    auto display = XvfbDisplay::start();
    if (!display) {
        s_setupError = display.error();
        return;
    }
    s_display = std::move(*display);
    auto cups = printer::test::CupsSandbox::start();
    if (cups) {
        if (auto queue = (*cups)->addQueue(PRINT_QUEUE); queue) {
            s_cups = std::move(*cups);
        } else {
            std::fprintf(
                stderr, "no CUPS queue (%s); printing into a folder\n", queue.error().c_str());
        }
    } else {
        std::fprintf(stderr, "no cupsd (%s); printing into a folder\n", cups.error().c_str());
    }
}

void KioskEndToEnd::TearDownTestSuite()
{
    s_cups.reset();
    s_display.reset();
}

void KioskEndToEnd::SetUp()
{
    if (::geteuid() != 0) {
        GTEST_SKIP() << s_setupError;
    }
    ASSERT_TRUE(s_display) << s_setupError;
    ASSERT_TRUE(s_pcscd) << s_pcscdError;
    m_dir = fs::temp_directory_path()
        / ("kakanai-kiosk-e2e-" + std::to_string(::getpid()) + "-"
            + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "print");
    if (s_cups) {
        fs::remove(s_cups->outputOf(PRINT_QUEUE));
    }
    auto key = queue::createMasterKeyFile(m_dir / "queue.key");
    ASSERT_TRUE(key.ok()) << key.error().message;
    queue::StoreOptions options;
    options.key = *key;
    options.create = true;
    options.scrypt = cheapScrypt();
    auto store = queue::Store::open(m_dir / "queue.db", std::move(options));
    ASSERT_TRUE(store.ok()) << store.error().message;
    queue::NewUser reviewer { "reviewer", "Reviewer", queue::Role::Admin, {} };
    assignSecure(reviewer.password, "test-password-1");
    ASSERT_TRUE(store->bootstrapAdmin(reviewer).ok());
    auto admin = store->login("reviewer", reviewer.password);
    ASSERT_TRUE(admin.ok());
    queue::NewUser staff { "staff", "Staff", queue::Role::Reviewer, {} };
    assignSecure(staff.password, "test-password-2");
    ASSERT_TRUE(store->addUser(*admin, staff).ok());
}

void KioskEndToEnd::TearDown()
{
    if (m_card) {
        (void)m_card->remove();
        m_card.reset();
    }
    if (!HasFailure() && !m_dir.empty() && !std::getenv("KAKANAI_KEEP_TEST_FILES")) {
        fs::remove_all(m_dir);
    }
}

VcardProcess* KioskEndToEnd::insertCard(
    const std::string& identity, const std::vector<std::string>& extra)
{
    VcardOptions options;
    options.executable = KAKANAI_VCARD_PATH;
    options.port = s_pcscd->vpcdPort();
    options.identity = SOURCE / "config" / "identities" / (identity + ".toml");
    options.extraArgs = { "--state", (m_dir / "pin-state").string() };
    options.extraArgs.insert(options.extraArgs.end(), extra.begin(), extra.end());
    options.logFile = m_dir / "vcard.log";
    options.reader = s_pcscd->readerName();
    auto card = VcardProcess::start(options);
    if (!card) {
        ADD_FAILURE() << card.error();
        return nullptr;
    }
    m_card = std::move(card).value();
    auto ready = m_card->waitForCard(s_pcscd->readerName());
    if (!ready) {
        ADD_FAILURE() << ready.error();
        return nullptr;
    }
    return m_card.get();
}

std::unique_ptr<ChildProcess> KioskEndToEnd::startKiosk(const std::string& script,
    const std::string& name, const std::vector<std::string>& extra, const std::string& reader)
{
    // "" (runKiosk): script.txt, shots/ and var/ in the test's folder.
    const std::string prefix = name.empty() ? "" : name + "-";
    const fs::path scriptFile = m_dir / (name.empty() ? "script.txt" : name + ".txt");
    std::ofstream(scriptFile) << script;
    ProcessOptions options;
    options.argv = { KAKANAI_KIOSK_PATH, "--config", (SOURCE / "config").string(), "--script",
        scriptFile.string(), "--screenshot-dir", (m_dir / (prefix + "shots")).string(), "--var",
        (m_dir / (prefix + "var")).string(), "--reader",
        reader.empty() ? s_pcscd->readerName() : reader, "--db", (m_dir / "queue.db").string(),
        "--key", (m_dir / "queue.key").string() };
    if (s_cups) {
        options.argv.insert(options.argv.end(), { "--printer", PRINT_QUEUE });
        options.env.emplace_back("CUPS_SERVER", s_cups->server());
    } else {
        options.argv.insert(options.argv.end(), { "--print-dir", (m_dir / "print").string() });
    }
    options.argv.insert(options.argv.end(), extra.begin(), extra.end());
    options.env.emplace_back("DISPLAY", s_display->display());
    auto kiosk = ChildProcess::start(options);
    if (!kiosk) {
        ADD_FAILURE() << kiosk.error();
        return nullptr;
    }
    return std::move(*kiosk);
}

bool KioskEndToEnd::waitForFile(const fs::path& file, ChildProcess& kiosk, int seconds)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!fs::exists(file)) {
        if (!kiosk.running() || std::chrono::steady_clock::now() > until) {
            ADD_FAILURE() << file.filename() << " did not appear in " << seconds << " s";
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

int KioskEndToEnd::runKiosk(
    const std::string& script, std::string* log, const std::vector<std::string>& extra)
{
    auto kiosk = startKiosk(script, "", extra);
    if (!kiosk) {
        return -1;
    }
    const auto code = kiosk->wait(std::chrono::seconds(60));
    if (log) {
        *log = kiosk->stderrText();
    }
    if (!code) {
        ADD_FAILURE() << "the kiosk did not finish the script in 60 s";
        return -1;
    }
    return *code;
}

std::vector<fs::path> KioskEndToEnd::spooledJobs() const
{
    std::vector<fs::path> files;
    if (s_cups) {
        for (const auto& entry : fs::directory_iterator(s_cups->directory() / "spool")) {
            const std::string name = entry.path().filename().string();
            if (name.size() > 1 && name[0] == 'd' && entry.is_regular_file()) {
                files.push_back(entry.path());
            }
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

queue::Store KioskEndToEnd::openQueue()
{
    auto key = queue::loadMasterKey(m_dir / "queue.key");
    EXPECT_TRUE(key.ok());
    queue::StoreOptions options;
    if (key) {
        options.key = *key;
    }
    auto store = queue::Store::open(m_dir / "queue.db", std::move(options));
    if (!store) {
        throw std::runtime_error("cannot open the queue: " + store.error().message);
    }
    return std::move(*store);
}

std::string KioskEndToEnd::readPayload(queue::Store& store, const std::string& id)
{
    SecureString password;
    assignSecure(password, "test-password-2");
    auto staff = store.login("staff", password);
    if (!staff) {
        ADD_FAILURE() << staff.error().message;
        return {};
    }
    auto payload = store.readPayload(*staff, id);
    if (!payload) {
        ADD_FAILURE() << payload.error().message;
        return {};
    }
    return std::string(payload->data(), payload->size());
}

std::string KioskEndToEnd::pdfText(const fs::path& pdf)
{
    ProcessOptions options;
    options.argv = { "/usr/bin/pdftotext", pdf.string(), "-" };
    auto child = ChildProcess::start(options);
    if (!child || (*child)->wait(std::chrono::seconds(20)) != 0) {
        return {};
    }
    return (*child)->stdoutText();
}

std::vector<fs::path> KioskEndToEnd::printedPdfs() const
{
    std::vector<fs::path> files;
    if (s_cups) {
        // A file: queue keeps the last job only (here: the ticket, printed after the forms).
        if (fs::exists(s_cups->outputOf(PRINT_QUEUE))) {
            files.push_back(s_cups->outputOf(PRINT_QUEUE));
        }
        return files;
    }
    for (const auto& entry : fs::directory_iterator(m_dir / "print")) {
        if (entry.path().extension() == ".pdf") {
            files.push_back(entry.path());
        }
    }
    return files;
}

void KioskEndToEnd::setPinTriesLeft(int tries)
{
    std::ofstream(m_dir / "pin-state")
        << "text_pin = " << tries << "\nauth_pin = 3\nsign_password = 5\ncollation_b = 10\n";
}

int KioskEndToEnd::pinTriesLeft() const
{
    std::ifstream in(m_dir / "pin-state");
    std::string key, equals;
    int value = 0;
    while (in >> key >> equals >> value) {
        if (key == "text_pin") {
            return value;
        }
    }
    return 3; // no file yet: the card's default
}

} // namespace kakanai::testsupport
