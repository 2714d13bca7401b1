// Helpers of the stress tests: forked child processes that report one line per event through a
// pipe, and a parent that collects the lines as they arrive.
//
// Errors: spawn() throws std::runtime_error when pipe() or fork() fails; a child that hits an
// error writes "E <message>" and exits with status 1.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kakanai::queue::testing {

/** Writes one line with a single write() (atomic on a pipe for lines under PIPE_BUF). */
inline void report(int fd, const std::string& line)
{
    const std::string text = line + "\n";
    [[maybe_unused]] const ssize_t ignored = ::write(fd, text.data(), text.size());
}

struct Child
{
    pid_t pid = -1;
    int fd = -1; ///< read end of the child's report pipe
    std::string partial; ///< bytes after the last complete line
    int status = 0;
    bool alive = false;
};

/** Forks a child that runs body(writeFd) and then _exit(0) (or 1 if body throws). */
inline Child spawn(const std::function<void(int)>& body)
{
    int fds[2];
    if (::pipe(fds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        ::close(fds[0]);
        int code = 0;
        try {
            body(fds[1]);
        } catch (const std::exception& e) {
            report(fds[1], std::string("E ") + e.what());
            code = 1;
        }
        ::_exit(code);
    }
    ::close(fds[1]);
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    return Child { pid, fds[0], {}, 0, true };
}

/** Reads what the child wrote so far; complete lines go to `lines`. Returns false at EOF. */
inline bool drain(Child& child, std::vector<std::string>& lines)
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(child.fd, buffer, sizeof buffer);
        if (n > 0) {
            child.partial.append(buffer, static_cast<std::size_t>(n));
            std::size_t end = 0;
            while ((end = child.partial.find('\n')) != std::string::npos) {
                lines.push_back(child.partial.substr(0, end));
                child.partial.erase(0, end + 1);
            }
            continue;
        }
        return n != 0; // 0: EOF; -1 with EAGAIN: nothing more for now
    }
}

/** Waits for the child to end (after SIGKILL or on its own) and reads its last lines. */
inline void reap(Child& child, std::vector<std::string>& lines)
{
    if (child.alive) {
        ::waitpid(child.pid, &child.status, 0);
        child.alive = false;
    }
    while (drain(child, lines)) {
        ::poll(nullptr, 0, 1);
    }
    child.partial.clear(); // a line cut by the kill is not a receipt
    ::close(child.fd);
    child.fd = -1;
}

} // namespace kakanai::queue::testing
