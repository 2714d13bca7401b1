// PrintWorker: one background thread feeding a PrintSink, results through futures.
#include "kakanai/printer/print_worker.hpp"

namespace kakanai::printer {

PrintWorker::PrintWorker(PrintSink& sink)
    : m_sink(sink)
    , m_thread([this] { run(); })
{
}

PrintWorker::~PrintWorker()
{
    std::deque<Entry> abandoned;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        abandoned.swap(m_queue);
    }
    m_wake.notify_all();
    for (Entry& entry : abandoned) {
        entry.promise.set_value(fail(PrintError { PrintErrorKind::WorkerStopped, "", 0,
            "the print worker stopped before this job was printed" }));
    }
    m_thread.join();
}

std::future<PrintResult> PrintWorker::submit(PrintJob job)
{
    Entry entry { std::move(job), {} };
    std::future<PrintResult> future = entry.promise.get_future();
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(entry));
    }
    m_wake.notify_one();
    return future;
}

std::size_t PrintWorker::pending() const
{
    std::lock_guard lock(m_mutex);
    return m_queue.size() + m_busy;
}

bool PrintWorker::ready(const std::future<PrintResult>& future)
{
    return future.valid() && future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

PrintResult PrintWorker::waitFor(
    std::future<PrintResult>& future, std::chrono::milliseconds timeout)
{
    if (!future.valid() || future.wait_for(timeout) != std::future_status::ready) {
        return fail(PrintError { PrintErrorKind::Timeout, "", 0,
            "the print job did not finish within " + std::to_string(timeout.count()) + " ms" });
    }
    return future.get();
}

void PrintWorker::run()
{
    for (;;) {
        Entry entry;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping) {
                return;
            }
            entry = std::move(m_queue.front());
            m_queue.pop_front();
            ++m_busy;
        }
        PrintResult result = m_sink.print(entry.job.pdf, entry.job.options);
        {
            std::lock_guard lock(m_mutex);
            --m_busy;
        }
        entry.promise.set_value(std::move(result));
    }
}

} // namespace kakanai::printer
