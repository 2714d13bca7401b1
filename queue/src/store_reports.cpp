// Store: metadata queries — get, list, stats with the estimated wait, KPI rows. None of them
// decrypts anything, so none needs the key or writes an audit entry.
#include "store_impl.hpp"

#include <algorithm>

namespace kakanai::queue {

using namespace detail;

namespace {

constexpr std::int64_t DEFAULT_HANDLING_MS = 5 * 60 * 1000;

std::optional<std::int64_t> median(std::vector<std::int64_t> values)
{
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::vector<std::int64_t> column(Db& db, const char* sql, const std::string& day)
{
    std::vector<std::int64_t> out;
    Stmt rows(db, sql);
    rows.bind(1, day);
    while (rows.step()) {
        out.push_back(rows.integer(0));
    }
    return out;
}

} // namespace

Result<RecordInfo, QueueError> Store::get(const std::string& id)
{
    return guard([&] { return m_impl->load(id); });
}

Result<std::vector<RecordInfo>, QueueError> Store::list(
    std::optional<Status> status, std::size_t limit)
{
    return guard([&] {
        std::vector<RecordInfo> out;
        // Four fixed statements (no untyped NULL parameter, no LIMIT -1: PostgreSQL has neither).
        Stmt rows(m_impl->db,
            std::string("SELECT ") + RECORD_COLUMNS + " FROM records"
                + (status ? " WHERE status = ?1" : " WHERE ?1 = ''") + " ORDER BY submitted_at, id"
                + (limit > 0 ? " LIMIT ?2" : ""));
        rows.bind(1, status ? statusName(*status) : "");
        if (limit > 0) {
            rows.bind(2, static_cast<std::int64_t>(limit));
        }
        while (rows.step()) {
            out.push_back(rowToInfo(rows));
        }
        return out;
    });
}

Result<Stats, QueueError> Store::stats()
{
    return guard([&] {
        Impl& s = *m_impl;
        Stats stats;
        for (int i = 0; i <= static_cast<int>(Status::Purged); ++i) {
            stats.counts[static_cast<Status>(i)] = 0;
        }
        {
            Stmt rows(s.db, "SELECT status, count(*) FROM records GROUP BY status");
            while (rows.step()) {
                if (auto status = parseStatus(rows.text(0))) {
                    stats.counts[*status] = rows.integer(1);
                }
            }
        }
        const std::int64_t now = s.now();
        const std::string today = localDate(now, s.options.utcOffsetMinutes);
        stats.medianWaitToClaimMs = median(column(s.db,
            "SELECT first_claimed_at - submitted_at FROM records"
            " WHERE ticket_day = ? AND first_claimed_at IS NOT NULL",
            today));
        stats.medianWaitToDecisionMs = median(column(s.db,
            "SELECT decided_at - submitted_at FROM records"
            " WHERE ticket_day = ? AND decided_at IS NOT NULL",
            today));
        stats.medianHandlingMs = median(column(s.db,
            "SELECT decided_at - claimed_at FROM records"
            " WHERE ticket_day = ? AND decided_at IS NOT NULL AND claimed_at IS NOT NULL",
            today));
        stats.waiting = stats.counts[Status::Submitted] + stats.counts[Status::Claimed];
        Stmt staff(s.db,
            "SELECT count(*) FROM (SELECT decided_by AS u FROM records WHERE decided_at >= ?1"
            " UNION SELECT claimed_by FROM records WHERE status = 'claimed' AND lease_until > ?2)"
            " AS active WHERE u IS NOT NULL");
        staff.bind(1, now - 60 * 60 * 1000).bind(2, now);
        staff.step();
        stats.activeStaff = staff.integer(0);
        const std::int64_t handling = stats.medianHandlingMs.value_or(DEFAULT_HANDLING_MS);
        stats.estimatedWaitMs
            = stats.waiting * handling / std::max<std::int64_t>(1, stats.activeStaff);
        return stats;
    });
}

Result<std::vector<KpiRow>, QueueError> Store::kpi(
    const std::string& fromDay, const std::string& toDay)
{
    return guard([&] {
        Impl& s = *m_impl;
        if (parseLocalTime(fromDay, 0) < 0 || parseLocalTime(toDay, 0) < 0 || fromDay.size() != 10
            || toDay.size() != 10) {
            raise(QueueErrorCode::InvalidArgument, "dates must be YYYY-MM-DD");
        }
        std::vector<KpiRow> out;
        Stmt rows(s.db,
            "SELECT ticket_day, procedure, count(DISTINCT COALESCE(visit_id, id)), count(*),"
            " sum(CASE WHEN EXISTS (SELECT 1 FROM corrections c WHERE c.record_id = records.id)"
            " THEN 1 ELSE 0 END),"
            " sum(CASE WHEN outcome = 'returned' THEN 1 ELSE 0 END),"
            " sum(CASE WHEN outcome = 'rejected' THEN 1 ELSE 0 END)"
            " FROM records WHERE ticket_day BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 1, 2");
        rows.bind(1, fromDay).bind(2, toDay);
        while (rows.step()) {
            KpiRow row;
            row.day = rows.text(0);
            row.procedure = rows.text(1);
            row.visits = rows.integer(2);
            row.forms = rows.integer(3);
            row.corrected = rows.integer(4);
            row.returned = rows.integer(5);
            row.rejected = rows.integer(6);
            out.push_back(row);
        }
        for (KpiRow& row : out) {
            std::vector<std::int64_t> waits;
            Stmt times(s.db,
                "SELECT submitted_at - card_read_at FROM records WHERE ticket_day = ?"
                " AND procedure = ? AND card_read_at IS NOT NULL");
            times.bind(1, row.day).bind(2, row.procedure);
            while (times.step()) {
                waits.push_back(times.integer(0));
            }
            row.medianCardToTicketMs = median(std::move(waits));
        }
        return out;
    });
}

} // namespace kakanai::queue
