// The staff console's print thread (see print_thread.hpp).
#include "print_thread.hpp"

namespace kakanai::staff::detail {

PrintThread::~PrintThread()
{
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool PrintThread::start(Job job, std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    if (m_busy) {
        return false;
    }
    if (m_thread.joinable()) {
        m_thread.join(); // the previous job has ended and been taken
    }
    m_busy = true;
    m_stage = PrintStage::Rendering;
    m_result.reset();
    m_thread = std::thread([this, job = std::move(job), wake = std::move(wake)] {
        const auto stage = [&](PrintStage next) {
            {
                std::lock_guard inner(m_mutex);
                m_stage = next;
            }
            if (wake) {
                wake();
            }
        };
        Result<Ok, std::string> result = job(stage);
        {
            std::lock_guard inner(m_mutex);
            m_result = std::move(result);
        }
        if (wake) {
            wake();
        }
    });
    return true;
}

bool PrintThread::busy() const
{
    std::lock_guard lock(m_mutex);
    return m_busy;
}

PrintStage PrintThread::stage() const
{
    std::lock_guard lock(m_mutex);
    return m_stage;
}

std::optional<Result<Ok, std::string>> PrintThread::take()
{
    std::optional<Result<Ok, std::string>> result;
    {
        std::lock_guard lock(m_mutex);
        if (!m_busy || !m_result) {
            return std::nullopt;
        }
        result = std::move(m_result);
        m_result.reset();
        m_busy = false;
    }
    m_thread.join(); // it has set the result: only its return is left
    return result;
}

} // namespace kakanai::staff::detail
