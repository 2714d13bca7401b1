// Forwarder: the kiosk outbox → server loop (see forwarder.hpp).
#include "kakanai/queue/forwarder.hpp"

#include "kakanai/queue/watcher.hpp"

#include <algorithm>
#include <random>
#include <thread>

namespace kakanai::queue {

namespace {

using Steady = std::chrono::steady_clock;
constexpr std::chrono::milliseconds STOP_CHECK { 200 };

/** "record <id> (ticket T): <message>": ids and tickets only, never personal data. */
QueueError aboutRecord(const SealedRecord& record, const QueueError& error)
{
    return QueueError { error.code,
        "record " + record.id + " (ticket " + record.ticket + "): " + error.message };
}

std::string describe(const QueueError& error)
{
    return error.message + " [" + errorName(error.code) + "]";
}

/** Sleeps up to `duration`, waking every STOP_CHECK to look at `stop`. */
void sleepUnlessStopped(std::chrono::milliseconds duration, const std::atomic<bool>& stop)
{
    const auto deadline = Steady::now() + duration;
    while (!stop.load()) {
        const auto now = Steady::now();
        if (now >= deadline) {
            return;
        }
        std::this_thread::sleep_for(std::min<Steady::duration>(STOP_CHECK, deadline - now));
    }
}

} // namespace

Forwarder::Forwarder(Store& outbox, Connect connectServer, ForwarderOptions options)
    : m_outbox(outbox)
    , m_connect(std::move(connectServer))
    , m_options(options)
{
    m_options.batch = std::max<std::size_t>(m_options.batch, 1);
    m_options.minBackoff = std::max(m_options.minBackoff, std::chrono::milliseconds(1));
    m_options.maxBackoff = std::max(m_options.maxBackoff, m_options.minBackoff);
}

bool Forwarder::forwardOne(const SealedRecord& record, ForwardReport& report)
{
    if (!m_server) {
        auto server = m_connect();
        if (!server) {
            report.error = server.error();
            return false;
        }
        m_server.emplace(std::move(server).value());
    }
    auto receipt = m_server->importSealed(record);
    if (!receipt) {
        report.error = aboutRecord(record, receipt.error());
        return false;
    }
    // The server has it durably: only now may the kiosk forget its copy.
    auto marked = m_outbox.markForwarded(record.id);
    if (!marked) {
        report.error = aboutRecord(record, marked.error());
        return false;
    }
    ++report.forwarded;
    report.alreadyOnServer += receipt->duplicate ? 1 : 0;
    return true;
}

ForwardReport Forwarder::forwardPending()
{
    ForwardReport report;
    bool attempted = false;
    for (;;) {
        auto pending = m_outbox.outboxPending(m_options.batch);
        if (!pending) {
            report.error = pending.error();
            break;
        }
        if (pending->empty()) {
            break;
        }
        attempted = true;
        bool ok = true;
        for (const SealedRecord& record : *pending) {
            if (!(ok = forwardOne(record, report))) {
                break;
            }
        }
        if (!ok) {
            break;
        }
    }
    if (report.error) {
        m_server.reset(); // reconnect at the next attempt
    }
    // An idle pass writes nothing: the outbox file changes only when there was work, so a
    // ChangeWatcher on it is not woken by the forwarder's own bookkeeping.
    if (attempted || report.error) {
        [[maybe_unused]] auto recorded = m_outbox.recordForwardAttempt(
            report.error ? std::optional<std::string>(describe(*report.error)) : std::nullopt);
    }
    return report;
}

std::chrono::milliseconds Forwarder::backoffAfter(int failures) const
{
    if (failures <= 0) {
        return std::chrono::milliseconds(0);
    }
    auto wait = m_options.minBackoff;
    for (int i = 1; i < failures && wait < m_options.maxBackoff; ++i) {
        wait *= 2;
    }
    return std::min(wait, m_options.maxBackoff);
}

void Forwarder::run(
    const std::atomic<bool>& stop, const std::function<void(const ForwardReport&)>& onPass)
{
    auto watcher = ChangeWatcher::open(m_outbox.path(), m_options.watchInterval);
    std::minstd_rand jitter(std::random_device {}());
    int failures = 0;
    while (!stop.load()) {
        const ForwardReport report = forwardPending();
        if (onPass && (report.forwarded > 0 || report.error)) {
            onPass(report);
        }
        if (report.error) {
            // ±20 % so that kiosks that lost the same server do not all come back at once.
            const auto wait = backoffAfter(++failures);
            const auto spread = std::uniform_int_distribution<long long>(80, 120)(jitter);
            sleepUnlessStopped(std::chrono::milliseconds(wait.count() * spread / 100), stop);
            continue;
        }
        failures = 0;
        const auto sweep = Steady::now() + m_options.sweepInterval;
        while (!stop.load() && Steady::now() < sweep) {
            if (!watcher) {
                // No watcher (the file could not be opened a second time): poll instead.
                std::this_thread::sleep_for(m_options.watchInterval);
                break;
            }
            const auto slice = std::min<Steady::duration>(STOP_CHECK, sweep - Steady::now());
            if (watcher->waitForChange(std::chrono::ceil<std::chrono::milliseconds>(slice))) {
                break;
            }
        }
    }
}

} // namespace kakanai::queue
