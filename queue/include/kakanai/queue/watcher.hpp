// ChangeWatcher: lets a staff console learn that another process changed the queue (a new
// record, a claim) without busy polling: its own connection reads PRAGMA data_version on a
// short timer (default 100 ms), which is cheap and touches no table.
//
// Errors: open → Io/Database when the file cannot be opened; waitForChange never fails (a
// database error counts as "no change").
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
