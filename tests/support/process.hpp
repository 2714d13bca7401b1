// ChildProcess: fork/exec of a helper program (pcscd, kakanai-vcard, kakanai-card) for
// integration tests and benchmarks, with captured output and RAII kill.
//
// Errors: start() returns a message when the pipe/memfd/fork fails or the program cannot be
// executed (the child reports execve's errno back over a close-on-exec pipe). wait() returns
// std::nullopt on timeout; nothing throws.
#pragma once

#include "kakanai/base/result.hpp"

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kakanai::testsupport {

struct ProcessOptions
{
    std::vector<std::string> argv; ///< argv[0] is the program path (execve, no PATH search)
    std::vector<std::pair<std::string, std::string>> env; ///< set/overridden on top of environ
    std::optional<std::filesystem::path> stdoutFile; ///< else captured in memory (memfd)
    std::optional<std::filesystem::path> stderrFile; ///< else captured in memory (memfd)
    bool stderrToStdout = false; ///< send stderr wherever stdout goes
    bool appendToFiles = false; ///< append to stdoutFile/stderrFile instead of truncating
    std::string stdinText; ///< the child's stdin (then end of file)
    /**
     * SIGKILL the child when the thread that started it exits (PR_SET_PDEATHSIG), so a crashed
     * test leaves no pcscd behind. Start long-lived children from the main thread.
     */
    bool killWithParent = true;
};

class ChildProcess
{
public:
    static Result<std::unique_ptr<ChildProcess>, std::string> start(const ProcessOptions& options);
    ~ChildProcess(); ///< SIGKILL and reap if still running; never throws
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return m_pid; }
    /** Reaps the child if it has exited; true while it runs. */
    bool running();
    /** Waits up to `timeout` for the exit; returns exitCode() or nullopt if still running. */
    std::optional<int> wait(std::chrono::milliseconds timeout);
    /** Sends `sig` (no-op once reaped). */
    void kill(int sig);
    /** SIGTERM, wait up to `grace`, then SIGKILL and reap. Returns the exit code. */
    int terminate(std::chrono::milliseconds grace = std::chrono::milliseconds(3000));

    /** Exit status, or 128 + signal number when killed; nullopt while running. */
    std::optional<int> exitCode() const { return m_exitCode; }
    /** The terminating signal, or 0 for a normal exit. */
    int termSignal() const { return m_termSignal; }

    /** What the child wrote so far (from the file or the in-memory capture). */
    std::string stdoutText() const;
    std::string stderrText() const;

private:
    ChildProcess() = default;
    void recordStatus(int status);

    pid_t m_pid = -1;
    std::optional<int> m_exitCode;
    int m_termSignal = 0;
    int m_stdoutFd = -1; ///< memfd or the output file (for reading back)
    int m_stderrFd = -1;
};

} // namespace kakanai::testsupport
