// One background thread running jobs in order: the card reader gets one (APDUs of one card must
// not interleave), the queue and the printer share another. The destructor finishes the job in
// progress, drops the ones not started, and joins.
//
// Errors: a job that throws is caught and logged to stderr with the worker's name and the
// exception's message (jobs never put personal data in exceptions); the kiosk goes on.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace kakanai::kiosk::ui {

class Worker
{
public:
    explicit Worker(std::string name);
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    void post(std::function<void()> job);
    /** Blocks until every job posted so far has run (tests, shutdown). */
    void drain();

private:
    void run();

    std::string m_name;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::function<void()>> m_jobs;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace kakanai::kiosk::ui
