// Internal: the staff console's print thread. One job at a time runs ConsoleOptions::print on
// its own std::thread with copies of the form and the record, so that rendering and the wait for
// CUPS never block the UI thread. The UI thread polls take() (after a wake); the thread only
// touches its own copies and this object's mutex-guarded fields, never the queue::Store.
//
// Errors: none of its own; the job's Result is handed back by take(). The destructor waits for a
// running job (CupsSink bounds a job by its timeout).
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/staff/console.hpp"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kakanai::staff::detail {

class PrintThread
{
public:
    using Job = std::function<Result<Ok, std::string>(const std::function<void(PrintStage)>&)>;

    PrintThread() = default;
    ~PrintThread();
    PrintThread(const PrintThread&) = delete;
    PrintThread& operator=(const PrintThread&) = delete;

    /** Starts `job`; false when one is still running or not yet taken. */
    bool start(Job job, std::function<void()> wake);
    /** A job was started and its result not yet taken. */
    bool busy() const;
    PrintStage stage() const;
    /** The result once the job has ended (the thread is joined); nullopt while it runs. */
    std::optional<Result<Ok, std::string>> take();

private:
    mutable std::mutex m_mutex;
    std::thread m_thread;
    bool m_busy = false;
    PrintStage m_stage = PrintStage::Rendering;
    std::optional<Result<Ok, std::string>> m_result;
};

} // namespace kakanai::staff::detail
