// A queue for the staff console's end-to-end tests and benchmark: a fresh SQLite file with a
// master key file, an admin, a reviewer (tanaka) and a supervisor (suzuki) at a low scrypt cost,
// invented residents' 住民票 requests, and kakanai-staff started on a private Xvfb display.
//
// Errors: create() and start() return a message (file, key, Store or process problems).
#pragma once

#include "process.hpp"
#include "xvfb.hpp"

#include "kakanai/queue/store.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::testsupport {

class StaffQueue
{
public:
    static Result<std::unique_ptr<StaffQueue>, std::string> create();
    ~StaffQueue(); // removes the folder

    const std::filesystem::path& dir() const { return m_dir; }
    std::filesystem::path db() const { return m_dir / "queue.db"; }
    std::filesystem::path key() const { return m_dir / "master.key"; }
    queue::Store& store() { return *m_store; }
    /** A supervisor's session for checks (corrections, audit). */
    const queue::StaffSession& supervisor() const { return *m_supervisor; }

    /** Submits invented request number `n` (UUID ...-n) from kiosk-1; returns the receipt. */
    Result<queue::Receipt, std::string> submit(int n, const std::string& templateId = "juminhyo");

    /** Starts kakanai-staff on `display` with the script text and extra arguments. */
    Result<std::unique_ptr<ChildProcess>, std::string> startStaff(const std::string& display,
        const std::string& name, const std::string& script,
        const std::vector<std::string>& extra = {});

    static std::string uuid(int n);

private:
    std::filesystem::path m_dir;
    std::optional<queue::Store> m_store;
    std::optional<queue::StaffSession> m_supervisor;
};

} // namespace kakanai::testsupport
