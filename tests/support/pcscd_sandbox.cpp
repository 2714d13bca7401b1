#include "pcscd_sandbox.hpp"

#include "kakanai/cardio/pcsc.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <netinet/in.h>
#include <random>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace kakanai::testsupport {

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr const char* kRunDir = "/run/pcscd";

std::string errnoText(const std::string& what)
{
    return what + ": " + std::strerror(errno);
}

bool portFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return false;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return free;
}

/** A port P with P and P+1 free, below the Linux ephemeral range (32768+). */
int pickPortPair()
{
    std::mt19937 random(std::random_device {}() ^ static_cast<unsigned>(::getpid()));
    std::uniform_int_distribution<int> range(20000, 32000);
    for (int attempt = 0; attempt < 200; ++attempt) {
        const int port = range(random) & ~1;
        if (portFree(port) && portFree(port + 1)) {
            return port;
        }
    }
    return 0;
}

} // namespace

PcscdSandbox::PcscdSandbox(PcscdSandboxOptions options)
    : m_options(std::move(options))
{
}

Result<std::unique_ptr<PcscdSandbox>, std::string> PcscdSandbox::start(PcscdSandboxOptions options)
{
    if (::geteuid() != 0) {
        return fail(
            std::string("PcscdSandbox needs root: it runs its own pcscd in a private "
                        "mount namespace (unshare(CLONE_NEWNS) and a bind mount on "
                        "/run/pcscd). Run the integration tests as root (for example "
                        "in the dev container) or skip them with `ctest -LE integration`."));
    }
    if (!fs::exists(options.pcscdPath)) {
        return fail("PcscdSandbox: pcscd not found at " + options.pcscdPath.string()
            + " (apt-get install pcscd)");
    }
    if (!fs::exists(options.vpcdDriver)) {
        return fail("PcscdSandbox: vpcd driver not found at " + options.vpcdDriver.string()
            + " (apt-get install vsmartcard-vpcd)");
    }
    if (::unshare(CLONE_NEWNS) != 0) {
        return fail(errnoText(errno == EINVAL
                ? "PcscdSandbox: unshare(CLONE_NEWNS) (start() must run before any thread exists)"
                : "PcscdSandbox: unshare(CLONE_NEWNS)"));
    }
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        return fail(errnoText("PcscdSandbox: making / private"));
    }
    std::unique_ptr<PcscdSandbox> sandbox(new PcscdSandbox(std::move(options)));
    std::string pattern = (fs::temp_directory_path() / "kakanai-pcscd-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        return fail(errnoText("PcscdSandbox: mkdtemp"));
    }
    sandbox->m_dir = pattern;
    std::error_code error;
    fs::create_directories(sandbox->m_dir / "run", error);
    fs::create_directories(kRunDir, error);
    if (error) {
        return fail("PcscdSandbox: cannot create " + std::string(kRunDir) + ": " + error.message());
    }
    const std::string runDir = (sandbox->m_dir / "run").string();
    if (::mount(runDir.c_str(), kRunDir, nullptr, MS_BIND, nullptr) != 0) {
        return fail(errnoText("PcscdSandbox: bind-mounting " + runDir + " on /run/pcscd"));
    }
    sandbox->m_mounted = true;
    const std::string socket = runDir + "/pcscd.comm";
    ::setenv("PCSCLITE_CSOCK_NAME", socket.c_str(), 1);

    std::string lastError;
    for (int attempt = 0; attempt < 3; ++attempt) {
        sandbox->m_port = pickPortPair();
        if (sandbox->m_port == 0) {
            return fail(std::string("PcscdSandbox: no free TCP port pair for vpcd"));
        }
        auto written = sandbox->writeConfig(true);
        if (!written) {
            return written.failure();
        }
        auto launched = sandbox->launch();
        if (launched) {
            return sandbox;
        }
        lastError = launched.error(); // most likely the port was taken meanwhile: try another
        (void)sandbox->stop();
    }
    return fail(lastError);
}

PcscdSandbox::~PcscdSandbox()
{
    try {
        (void)stop();
        if (m_mounted) {
            ::umount2(kRunDir, MNT_DETACH);
        }
        if (!m_dir.empty() && !m_options.keepDirectory) {
            std::error_code ignored;
            fs::remove_all(m_dir, ignored);
        }
    } catch (...) {
        // never throw from a destructor
    }
}

std::string PcscdSandbox::readerName(int slot) const
{
    return m_options.friendlyName + (slot == 0 ? " 00 00" : " 00 01");
}

bool PcscdSandbox::running()
{
    return m_pcscd && m_pcscd->running();
}

Result<Ok, std::string> PcscdSandbox::writeConfig(bool withReader)
{
    const fs::path file = m_dir / "reader.conf";
    std::ofstream out(file, std::ios::trunc);
    out << "# written by kakanai PcscdSandbox\n";
    if (withReader) {
        char port[16];
        std::snprintf(port, sizeof port, "0x%04X", m_port);
        out << "FRIENDLYNAME \"" << m_options.friendlyName << "\"\n"
            << "DEVICENAME /dev/null:" << port << "\n"
            << "LIBPATH " << m_options.vpcdDriver.string() << "\n"
            << "CHANNELID " << port << "\n";
    }
    out.close();
    if (!out) {
        return fail("PcscdSandbox: cannot write " + file.string());
    }
    m_plugged = withReader;
    return Ok {};
}

std::string PcscdSandbox::logTail() const
{
    std::ifstream in(logPath());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    constexpr std::size_t kTail = 1500;
    return text.size() > kTail ? "..." + text.substr(text.size() - kTail) : text;
}

Result<Ok, std::string> PcscdSandbox::launch()
{
    std::error_code ignored;
    fs::remove(m_dir / "run" / "pcscd.comm", ignored);
    fs::remove(m_dir / "run" / "pcscd.pid", ignored);
    ProcessOptions options;
    options.argv
        = { m_options.pcscdPath.string(), "-f", "-c", (m_dir / "reader.conf").string(), "--info" };
    options.stdoutFile = logPath();
    options.stderrToStdout = true;
    options.appendToFiles = true;
    auto child = ChildProcess::start(options);
    if (!child) {
        return child.failure();
    }
    m_pcscd = std::move(child).value();

    const auto deadline = Clock::now() + m_options.startTimeout;
    const fs::path socket = m_dir / "run" / "pcscd.comm";
    std::string lastProblem = "socket " + socket.string() + " never appeared";
    while (Clock::now() < deadline) {
        if (!m_pcscd->running()) {
            return fail("PcscdSandbox: pcscd exited with code "
                + std::to_string(m_pcscd->exitCode().value_or(-1)) + "; log " + logPath().string()
                + ":\n" + logTail());
        }
        if (fs::exists(socket)) {
            auto context = cardio::PcscContext::establish();
            if (!context) {
                lastProblem = cardio::describe(context.error());
            } else {
                auto readers = (*context)->listReaders();
                if (!readers) {
                    lastProblem = cardio::describe(readers.error());
                } else if (!m_plugged) {
                    return Ok {};
                } else {
                    for (const cardio::ReaderInfo& reader : *readers) {
                        if (reader.name == readerName(0)) {
                            return Ok {};
                        }
                    }
                    lastProblem = "reader \"" + readerName(0) + "\" not listed (port "
                        + std::to_string(m_port) + " taken?)";
                }
            }
        }
        std::this_thread::sleep_for(10ms);
    }
    return fail("PcscdSandbox: pcscd not ready within "
        + std::to_string(m_options.startTimeout.count()) + " ms: " + lastProblem + "; log "
        + logPath().string() + ":\n" + logTail());
}

Result<Ok, std::string> PcscdSandbox::stop()
{
    if (!m_pcscd) {
        return Ok {};
    }
    const int code = m_pcscd->terminate(5000ms);
    m_pcscd.reset();
    if (code != 0 && code != 128 + SIGTERM) {
        return fail("PcscdSandbox: pcscd ended with code " + std::to_string(code));
    }
    return Ok {};
}

Result<Ok, std::string> PcscdSandbox::restart()
{
    (void)stop();
    return launch();
}

Result<Ok, std::string> PcscdSandbox::unplugReader()
{
    auto written = writeConfig(false);
    if (!written) {
        return written;
    }
    return restart();
}

Result<Ok, std::string> PcscdSandbox::plugReader()
{
    auto written = writeConfig(true);
    if (!written) {
        return written;
    }
    return restart();
}

// ---------------------------------------------------------------------------------------------

Result<std::unique_ptr<VcardProcess>, std::string> VcardProcess::start(const VcardOptions& options)
{
    if (!fs::exists(options.executable)) {
        return fail("VcardProcess: emulator not found at " + options.executable.string());
    }
    ProcessOptions process;
    process.argv = { options.executable.string(), "--port", std::to_string(options.port),
        "--identity", options.identity.string() };
    process.argv.insert(process.argv.end(), options.extraArgs.begin(), options.extraArgs.end());
    process.stdoutFile = options.logFile;
    process.stderrToStdout = true;
    process.appendToFiles = true;
    auto child = ChildProcess::start(process);
    if (!child) {
        return child.failure();
    }
    std::unique_ptr<VcardProcess> vcard(new VcardProcess());
    vcard->m_process = std::move(child).value();
    vcard->m_reader = options.reader;
    return vcard;
}

VcardProcess::~VcardProcess() = default; // ChildProcess SIGKILLs a running emulator

Result<Ok, std::string> VcardProcess::waitForCard(
    const std::string& reader, std::chrono::milliseconds timeout)
{
    m_reader = reader;
    auto context = cardio::PcscContext::establish();
    if (!context) {
        return fail("VcardProcess: " + cardio::describe(context.error()));
    }
    const auto deadline = Clock::now() + timeout;
    while (true) {
        if (!m_process->running()) {
            return fail("VcardProcess: kakanai-vcard exited with code "
                + std::to_string(m_process->exitCode().value_or(-1)) + ":\n"
                + m_process->stdoutText().substr(0, 2000));
        }
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left <= 0ms) {
            return fail("VcardProcess: no card in \"" + reader + "\" within "
                + std::to_string(timeout.count()) + " ms");
        }
        auto found = (*context)->waitForCard(reader, std::min(left, 200ms));
        if (found) {
            return Ok {};
        }
        if (found.error().code != cardio::CardErrorCode::NoCard) {
            return fail("VcardProcess: " + cardio::describe(found.error()));
        }
    }
}

Result<Ok, std::string> VcardProcess::remove(std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    m_process->kill(SIGTERM);
    if (!m_process->wait(timeout)) {
        m_process->kill(SIGKILL);
        m_process->wait(5000ms);
    }
    if (m_reader.empty()) {
        return Ok {};
    }
    auto context = cardio::PcscContext::establish();
    if (!context) {
        return fail("VcardProcess: " + cardio::describe(context.error()));
    }
    while (Clock::now() < deadline) {
        auto readers = (*context)->listReaders();
        if (!readers) {
            return fail("VcardProcess: " + cardio::describe(readers.error()));
        }
        bool present = false;
        for (const cardio::ReaderInfo& info : *readers) {
            present = present || (info.name == m_reader && info.cardPresent);
        }
        if (!present) {
            return Ok {};
        }
        std::this_thread::sleep_for(20ms);
    }
    return fail("VcardProcess: \"" + m_reader + "\" still shows a card after removal");
}

} // namespace kakanai::testsupport
