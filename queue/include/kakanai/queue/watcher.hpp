// ChangeWatcher: lets a staff console learn that another process changed the queue (a new
// record, a claim) without busy polling. On an SQLite file its own connection reads PRAGMA
// data_version on a short timer (default 100 ms), which is cheap and touches no table; on a
// PostgreSQL queue (a "postgresql://" location) it LISTENs to the NOTIFY every write sends.
//
// Errors: open → Io/Database when the file cannot be opened or the server cannot be reached;
// waitForChange never fails (a database error counts as "no change"; after a lost server
// connection comes back it reports a change, since some may have been missed).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/queue/error.hpp"

#include <chrono>
#include <filesystem>
#include <memory>

namespace kakanai::queue {

class ChangeWatcher
{
public:
    static Result<ChangeWatcher, QueueError> open(const std::filesystem::path& path,
        std::chrono::milliseconds interval = std::chrono::milliseconds(100));
    ChangeWatcher(ChangeWatcher&&) noexcept;
    ChangeWatcher& operator=(ChangeWatcher&&) noexcept;
    ~ChangeWatcher();

    /** Blocks until another connection commits, or `timeout`; true on a change. */
    bool waitForChange(std::chrono::milliseconds timeout);

    struct Impl;

private:
    explicit ChangeWatcher(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kakanai::queue
