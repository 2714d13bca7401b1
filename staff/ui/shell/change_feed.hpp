// ChangeFeed: a worker thread that blocks in queue::ChangeWatcher::waitForChange (250 ms slices)
// and, when another connection commits (a kiosk submits, another console claims), raises a flag
// and calls the wake callback (the SDL loop pushes itself an event), so the list is refreshed
// within the watcher's 100 ms poll plus one frame.
//
// Errors: start() returns the watcher's QueueError message when the database cannot be opened.
#pragma once

#include "kakanai/base/result.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace kakanai::staff::ui {

class ChangeFeed
{
public:
    static Result<std::unique_ptr<ChangeFeed>, std::string> start(
        const std::filesystem::path& db, std::function<void()> wake);
    ~ChangeFeed(); // stops and joins the thread
    ChangeFeed(const ChangeFeed&) = delete;
    ChangeFeed& operator=(const ChangeFeed&) = delete;

    /** True once after each change (clears the flag). */
    bool takeChange() { return m_changed.exchange(false); }

private:
    ChangeFeed() = default;
    std::atomic<bool> m_changed { false };
    std::atomic<bool> m_stop { false };
    std::thread m_thread;
};

} // namespace kakanai::staff::ui
