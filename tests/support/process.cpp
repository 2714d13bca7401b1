#include "process.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace kakanai::testsupport {

namespace {

std::string errnoText(const char* what)
{
    return std::string(what) + ": " + std::strerror(errno);
}

/** An in-memory file; the child writes to it and the parent reads it back with pread. */
int makeMemFile(const char* name)
{
    return static_cast<int>(::syscall(SYS_memfd_create, name, MFD_CLOEXEC));
}

int openOutput(const std::optional<std::filesystem::path>& file, bool append, const char* memName)
{
    if (file) {
        const int mode = append ? O_APPEND : O_TRUNC;
        return ::open(file->c_str(), O_RDWR | O_CREAT | mode | O_CLOEXEC, 0644);
    }
    return makeMemFile(memName);
}

/** Reads the whole capture (memfd or O_RDWR file) without moving the child's offset. */
std::string readAll(int fd)
{
    std::string out;
    char buffer[4096];
    off_t offset = 0;
    while (fd >= 0) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
        if (n <= 0) {
            break;
        }
        out.append(buffer, static_cast<std::size_t>(n));
        offset += n;
    }
    return out;
}

/** Everything execve needs, built before fork (only async-signal-safe calls after it). */
struct ExecData
{
    std::vector<std::string> envStrings;
    std::vector<char*> argv;
    std::vector<char*> envp;
};

ExecData prepare(const ProcessOptions& options)
{
    ExecData data;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string text(*entry);
        const std::string key = text.substr(0, text.find('='));
        bool overridden = false;
        for (const auto& [name, value] : options.env) {
            overridden = overridden || name == key;
        }
        if (!overridden) {
            data.envStrings.push_back(text);
        }
    }
    for (const auto& [name, value] : options.env) {
        data.envStrings.push_back(name + "=" + value);
    }
    for (const std::string& arg : options.argv) {
        data.argv.push_back(const_cast<char*>(arg.c_str()));
    }
    data.argv.push_back(nullptr);
    for (std::string& text : data.envStrings) {
        data.envp.push_back(text.data());
    }
    data.envp.push_back(nullptr);
    return data;
}

[[noreturn]] void childMain(
    const ExecData& data, int in, int out, int err, int report, bool killWithParent, pid_t parent)
{
    if (killWithParent) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) {
            ::_exit(127);
        }
    }
    // Signals the test process blocks or ignores must not leak into the child.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig : { SIGPIPE, SIGTERM, SIGINT, SIGUSR1, SIGCHLD }) {
        ::signal(sig, SIG_DFL);
    }
    if (::dup2(in, STDIN_FILENO) < 0 || ::dup2(out, STDOUT_FILENO) < 0
        || ::dup2(err, STDERR_FILENO) < 0) {
        const int code = errno;
        (void)!::write(report, &code, sizeof code);
        ::_exit(127);
    }
    // Close every other inherited descriptor (the report pipe is close-on-exec).
    for (int fd = 3; fd < 1024; ++fd) {
        if (fd != report) {
            ::close(fd);
        }
    }
    ::execve(data.argv[0], data.argv.data(), data.envp.data());
    const int code = errno;
    (void)!::write(report, &code, sizeof code);
    ::_exit(127);
}

} // namespace

Result<std::unique_ptr<ChildProcess>, std::string> ChildProcess::start(
    const ProcessOptions& options)
{
    if (options.argv.empty()) {
        return fail(std::string("ChildProcess: empty argv"));
    }
    std::unique_ptr<ChildProcess> child(new ChildProcess());
    child->m_stdoutFd = openOutput(options.stdoutFile, options.appendToFiles, "child-stdout");
    if (child->m_stdoutFd < 0) {
        return fail(errnoText("ChildProcess: cannot open stdout capture"));
    }
    if (options.stderrToStdout) {
        child->m_stderrFd = ::dup(child->m_stdoutFd);
    } else {
        child->m_stderrFd = openOutput(options.stderrFile, options.appendToFiles, "child-stderr");
    }
    if (child->m_stderrFd < 0) {
        return fail(errnoText("ChildProcess: cannot open stderr capture"));
    }
    const int in = makeMemFile("child-stdin");
    if (in < 0) {
        return fail(errnoText("ChildProcess: memfd_create"));
    }
    if (!options.stdinText.empty()
        && ::write(in, options.stdinText.data(), options.stdinText.size())
            != static_cast<ssize_t>(options.stdinText.size())) {
        ::close(in);
        return fail(errnoText("ChildProcess: cannot write stdin"));
    }
    ::lseek(in, 0, SEEK_SET);
    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0) {
        ::close(in);
        return fail(errnoText("ChildProcess: pipe2"));
    }
    const ExecData data = prepare(options);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(in);
        ::close(report[0]);
        ::close(report[1]);
        return fail(errnoText("ChildProcess: fork"));
    }
    if (pid == 0) {
        childMain(data, in, child->m_stdoutFd, child->m_stderrFd, report[1], options.killWithParent,
            parent);
    }
    child->m_pid = pid;
    ::close(in);
    ::close(report[1]);
    int code = 0;
    ssize_t n = 0;
    do {
        n = ::read(report[0], &code, sizeof code);
    } while (n < 0 && errno == EINTR);
    ::close(report[0]);
    if (n == static_cast<ssize_t>(sizeof code)) {
        child->wait(std::chrono::milliseconds(1000));
        return fail("ChildProcess: cannot execute " + options.argv[0] + ": " + std::strerror(code));
    }
    return child;
}

ChildProcess::~ChildProcess()
{
    if (m_pid > 0 && !m_exitCode) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) { }
    }
    if (m_stdoutFd >= 0) {
        ::close(m_stdoutFd);
    }
    if (m_stderrFd >= 0) {
        ::close(m_stderrFd);
    }
}

void ChildProcess::recordStatus(int status)
{
    if (WIFEXITED(status)) {
        m_exitCode = WEXITSTATUS(status);
        m_termSignal = 0;
    } else if (WIFSIGNALED(status)) {
        m_termSignal = WTERMSIG(status);
        m_exitCode = 128 + m_termSignal;
    }
}

bool ChildProcess::running()
{
    if (m_exitCode || m_pid <= 0) {
        return false;
    }
    int status = 0;
    const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
    if (r == m_pid) {
        recordStatus(status);
        return false;
    }
    if (r < 0 && errno == ECHILD) {
        m_exitCode = -1; // reaped elsewhere; unknown status
        return false;
    }
    return true;
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::milliseconds(1);
    while (running()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return std::nullopt;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(20));
    }
    return m_exitCode;
}

void ChildProcess::kill(int sig)
{
    if (running()) {
        ::kill(m_pid, sig);
    }
}

int ChildProcess::terminate(std::chrono::milliseconds grace)
{
    kill(SIGTERM);
    if (!wait(grace)) {
        kill(SIGKILL);
        wait(std::chrono::milliseconds(10000));
    }
    return m_exitCode.value_or(-1);
}

std::string ChildProcess::stdoutText() const
{
    return readAll(m_stdoutFd);
}

std::string ChildProcess::stderrText() const
{
    return readAll(m_stderrFd);
}

} // namespace kakanai::testsupport
