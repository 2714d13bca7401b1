// StaffConsole's dashboard: waiting records, today's median wait, the estimated wait and records
// per form per hour today (metadata only); and formatWait for the list.
#include "state.hpp"

#include <algorithm>

namespace kakanai::staff {

using namespace detail;

ConsoleResult<DashboardView> StaffConsole::dashboard() const
{
    const State& state = *m_state;
    if (auto ok = needSession(state); !ok) {
        return ok.failure();
    }
    auto stats = state.store->stats();
    if (!stats) {
        return fail(fromQueue(stats.error()));
    }
    auto records = state.store->list();
    if (!records) {
        return fail(fromQueue(records.error()));
    }
    DashboardView view;
    view.waiting = stats->waiting;
    view.medianWaitTodayMs = stats->medianWaitToClaimMs;
    view.estimatedWaitMs = stats->estimatedWaitMs;
    const int offsetMs = state.options.utcOffsetMinutes * 60 * 1000;
    const std::string today
        = queue::localDate(state.clock->nowMs(), state.options.utcOffsetMinutes);
    for (const auto& record : *records) {
        if (record.ticketDay != today) {
            continue;
        }
        const std::int64_t local = record.submittedAtMs + offsetMs;
        const int hour = static_cast<int>((local / 3'600'000) % 24);
        view.perFormPerHour[record.templateId][static_cast<std::size_t>(hour)] += 1;
    }
    return view;
}

std::string formatWait(std::int64_t ms)
{
    const std::int64_t minutes = std::max<std::int64_t>(0, ms) / 60'000;
    if (minutes < 60) {
        return std::to_string(minutes) + "分";
    }
    return std::to_string(minutes / 60) + "時間" + std::to_string(minutes % 60) + "分";
}

} // namespace kakanai::staff
