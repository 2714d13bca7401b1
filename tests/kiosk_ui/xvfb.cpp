#include "xvfb.hpp"

#include <cerrno>
#include <csignal>
#include <fstream>

#include <unistd.h>

#include <filesystem>
#include <thread>

namespace kakanai::testsupport {

std::string findXvfb()
{
    for (const char* candidate : { "/usr/bin/Xvfb", "/usr/local/bin/Xvfb" }) {
        if (::access(candidate, X_OK) == 0) {
            return candidate;
        }
    }
    return {};
}

namespace {

/**
 * A display whose lock file names a process that is gone (an X server killed with its test)
 * is free: remove its lock and socket, as the X server itself would at start-up.
 */
void removeStaleDisplay(const std::string& number)
{
    const std::string lock = "/tmp/.X" + number + "-lock";
    std::ifstream in(lock);
    long pid = 0;
    if (!(in >> pid) || pid <= 0) {
        return;
    }
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) {
        return; // alive (or not ours to judge)
    }
    std::error_code ignored;
    std::filesystem::remove(lock, ignored);
    std::filesystem::remove("/tmp/.X11-unix/X" + number, ignored);
}

} // namespace

Result<std::unique_ptr<XvfbDisplay>, std::string> XvfbDisplay::start(const std::string& screen)
{
    const std::string xvfb = findXvfb();
    if (xvfb.empty()) {
        return fail(std::string("Xvfb is not installed (apt-get install xvfb)"));
    }
    namespace fs = std::filesystem;
    // Start past the usual :0–:9 and spread by pid so parallel tests rarely collide.
    const int first = 100 + static_cast<int>(::getpid() % 400);
    for (int attempt = 0; attempt < 60; ++attempt) {
        const int number = first + attempt * 7;
        const std::string n = std::to_string(number);
        std::error_code ignored;
        removeStaleDisplay(n);
        if (fs::exists("/tmp/.X" + n + "-lock", ignored)
            || fs::exists("/tmp/.X11-unix/X" + n, ignored)) {
            continue;
        }
        ProcessOptions options;
        options.argv = { xvfb, ":" + n, "-screen", "0", screen, "-nolisten", "tcp", "-noreset" };
        auto server = ChildProcess::start(options);
        if (!server) {
            return fail(server.error());
        }
        for (int i = 0; i < 200; ++i) {
            if (fs::exists("/tmp/.X11-unix/X" + n, ignored)) {
                auto display = std::unique_ptr<XvfbDisplay>(new XvfbDisplay());
                display->m_display = ":" + n;
                display->m_server = std::move(*server);
                return display;
            }
            if (!(*server)->running()) {
                break; // lost a race for this number: try the next one
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    return fail(std::string("Xvfb did not start on any free display"));
}

} // namespace kakanai::testsupport
