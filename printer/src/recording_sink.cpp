// RecordingSink: the in-memory PrintSink for tests.
#include "kakanai/printer/print_sink.hpp"

#include <thread>

namespace kakanai::printer {

RecordingSink::RecordingSink(std::string printer)
    : m_printer(std::move(printer))
{
}

Result<JobOutcome, PrintError> RecordingSink::print(
    std::string_view pdf, const PrintOptions& options)
{
    std::chrono::milliseconds delay;
    {
        std::lock_guard lock(m_mutex);
        delay = m_delay;
    }
    if (delay.count() > 0) {
        std::this_thread::sleep_for(delay);
    }
    std::lock_guard lock(m_mutex);
    if (m_failure) {
        PrintError error = *m_failure;
        error.printer = m_printer;
        return fail(std::move(error));
    }
    m_jobs.push_back(Job { std::string(pdf), options });
    return JobOutcome { m_printer, static_cast<int>(m_jobs.size()), delay };
}

void RecordingSink::failWith(std::optional<PrintError> error)
{
    std::lock_guard lock(m_mutex);
    m_failure = std::move(error);
}

void RecordingSink::setDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(m_mutex);
    m_delay = delay;
}

std::vector<RecordingSink::Job> RecordingSink::jobs() const
{
    std::lock_guard lock(m_mutex);
    return m_jobs;
}

} // namespace kakanai::printer
