// kakanai-queue outbox status | forward: a kiosk's outbox (its --db file) and its forwarding to
// the town hall's server (see kakanai/queue/outbox.hpp and forwarder.hpp).
#include "cli.hpp"
#include "kakanai/queue/forwarder.hpp"
#include "kakanai/queue/json_fields.hpp"

#include <atomic>
#include <csignal>
#include <iostream>

namespace kakanai::queuecli {

using namespace kakanai::queue;

namespace {

std::atomic<bool> g_stop { false };

extern "C" void onStopSignal(int)
{
    g_stop.store(true);
}

std::string jsonTime(std::optional<std::int64_t> ms)
{
    return ms ? jsonQuote(formatTime(ms)) : std::string("null");
}

std::string jsonText(const std::string& text)
{
    return text.empty() ? std::string("null") : jsonQuote(text);
}

int printStatus(const OutboxStatus& st, std::int64_t nowMs, bool json)
{
    const bool waiting = st.oldestWaitingAtMs.has_value();
    const std::int64_t ageSeconds
        = waiting ? std::max<std::int64_t>(0, nowMs - st.oldestWaitingAtMs.value_or(0)) / 1000 : 0;
    if (json) {
        std::cout << "{\"waiting\":" << st.waiting
                  << ",\"oldest_ticket\":" << jsonText(st.oldestWaitingTicket)
                  << ",\"oldest_submitted_at\":" << jsonTime(st.oldestWaitingAtMs)
                  << ",\"oldest_age_seconds\":"
                  << (waiting ? std::to_string(ageSeconds) : std::string("null"))
                  << ",\"forwarded\":" << st.forwarded
                  << ",\"last_attempt_at\":" << jsonTime(st.lastAttemptAtMs)
                  << ",\"last_success_at\":" << jsonTime(st.lastSuccessAtMs)
                  << ",\"last_error\":" << jsonText(st.lastError)
                  << ",\"last_error_at\":" << jsonTime(st.lastErrorAtMs)
                  << ",\"consecutive_failures\":" << st.consecutiveFailures << "}" << std::endl;
        return 0;
    }
    std::cout << "waiting:       " << st.waiting;
    if (waiting) {
        std::cout << " (oldest " << st.oldestWaitingTicket << ", submitted "
                  << formatTime(st.oldestWaitingAtMs) << ", " << ageSeconds << " s ago)";
    }
    std::cout << "\nforwarded:     " << st.forwarded << "\nlast attempt:  "
              << (st.lastAttemptAtMs ? formatTime(st.lastAttemptAtMs) : "never")
              << "\nlast success:  "
              << (st.lastSuccessAtMs ? formatTime(st.lastSuccessAtMs) : "never") << "\n";
    if (!st.lastError.empty()) {
        std::cout << "last error:    " << st.lastError << " (" << formatTime(st.lastErrorAtMs)
                  << (st.consecutiveFailures > 0
                             ? ", " + std::to_string(st.consecutiveFailures) + " failures in a row"
                             : std::string(", resolved since"))
                  << ")\n";
    }
    return 0;
}

void printPass(const ForwardReport& report)
{
    if (report.forwarded > 0) {
        std::cerr << "kakanai-queue: forwarded " << report.forwarded << " records";
        if (report.alreadyOnServer > 0) {
            std::cerr << " (" << report.alreadyOnServer << " were already on the server)";
        }
        std::cerr << "\n";
    }
    if (report.error) {
        std::cerr << "kakanai-queue: forwarding stopped: " << report.error->message << " ["
                  << errorName(report.error->code) << "]; will retry\n";
    }
}

int runOutboxStatus(const Context& context, Args args)
{
    const bool json = takeFlag(args, "--json");
    requirePositional(args, 0, "outbox status [--json]");
    auto store = openStore(context, false);
    if (!store) {
        return reportError(store.error());
    }
    auto status = store->outboxStatus();
    if (!status) {
        return reportError(status.error());
    }
    return printStatus(*status, SystemClock::instance().nowMs(), json);
}

int runOutboxForward(const Context& context, Args args)
{
    const auto to = takeOption(args, "--to");
    const bool follow = takeFlag(args, "--follow");
    requirePositional(args, 0, "outbox forward --to SERVER [--follow]");
    if (!to || to->empty()) {
        return usageError("outbox forward needs --to SERVER (a queue file or postgresql://…)");
    }
    auto outbox = openStore(context, true);
    if (!outbox) {
        return reportError(outbox.error());
    }
    const Context server { *to, context.key };
    Forwarder forwarder(*outbox, [&server] { return openStore(server, true); });
    if (!follow) {
        const ForwardReport report = forwarder.forwardPending();
        std::cerr << "kakanai-queue: forwarded " << report.forwarded << " records to "
                  << shownLocation(*to) << "\n";
        return report.error ? reportError(*report.error) : 0;
    }
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    std::cerr << "kakanai-queue: forwarding to " << shownLocation(*to) << " until interrupted\n";
    forwarder.run(g_stop, printPass);
    return 0;
}

} // namespace

int runOutbox(const Context& context, Args args)
{
    if (args.empty()) {
        return usageError("outbox needs status or forward");
    }
    const std::string sub = args[0];
    args.erase(args.begin());
    if (sub == "status") {
        return runOutboxStatus(context, std::move(args));
    }
    if (sub == "forward") {
        return runOutboxForward(context, std::move(args));
    }
    return usageError("unknown outbox command " + sub);
}

} // namespace kakanai::queuecli
