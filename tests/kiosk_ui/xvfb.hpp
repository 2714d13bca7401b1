// A private X server for the kiosk's integration tests and benchmark: Xvfb on a free display
// number (no lock file, no socket), 1920×1080×24, no TCP; stopped when the object goes.
//
// Errors: start() returns a message when Xvfb is not installed, no display number is free, or
// the server's socket does not appear within 10 s.
#pragma once

#include "kakanai/base/result.hpp"
#include "process.hpp"

#include <memory>
#include <string>

namespace kakanai::testsupport {

class XvfbDisplay
{
public:
    static Result<std::unique_ptr<XvfbDisplay>, std::string> start(
        const std::string& screen = "1920x1080x24");
    /** ":93" — the value for DISPLAY. */
    const std::string& display() const { return m_display; }

private:
    std::string m_display;
    std::unique_ptr<ChildProcess> m_server;
};

/** Where Xvfb is, or "" when it is not installed. */
std::string findXvfb();

} // namespace kakanai::testsupport
