#include "worker.hpp"

#include <exception>
#include <iostream>

namespace kakanai::kiosk::ui {

Worker::Worker(std::string name)
    : m_name(std::move(name))
    , m_thread([this] { run(); })
{
}

Worker::~Worker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_jobs.clear();
    }
    m_changed.notify_all();
    m_thread.join();
}

void Worker::post(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_changed.notify_all();
}

void Worker::drain()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stop || (m_jobs.empty() && !m_busy); });
}

void Worker::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_stop) {
            return;
        }
        auto job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        lock.unlock();
        try {
            job();
        } catch (const std::exception& e) {
            std::cerr << "kakanai-kiosk: " << m_name << " job failed: " << e.what() << "\n";
        }
        lock.lock();
        m_busy = false;
        m_changed.notify_all();
    }
}

} // namespace kakanai::kiosk::ui
