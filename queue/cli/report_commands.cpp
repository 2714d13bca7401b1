// kakanai-queue export, purge, stats, kpi.
#include "cli.hpp"

#include <iostream>

namespace kakanai::queuecli {

using namespace kakanai::queue;

int runExport(const Context& context, Args args)
{
    const auto since = takeOption(args, "--since");
    const auto format = takeOption(args, "--format");
    const auto user = takeOption(args, "--user");
    requirePositional(args, 0, "export --since T --format jsonl|csv --user U");
    if (!since || !format || !user || (*format != "jsonl" && *format != "csv")) {
        return usageError("export needs --since T --format jsonl|csv --user SUPERVISOR");
    }
    const std::int64_t sinceMs = parseLocalTime(*since, 540);
    if (sinceMs < 0) {
        return usageError("--since takes YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (Japan time)");
    }
    auto store = openStore(context, true);
    if (!store) {
        return reportError(store.error());
    }
    auto session = login(*store, *user);
    if (!session) {
        return reportError(session.error());
    }
    auto count = store->exportRecords(
        *session, sinceMs, *format == "csv" ? ExportFormat::Csv : ExportFormat::Jsonl, std::cout);
    if (!count) {
        return reportError(count.error());
    }
    std::cerr << "kakanai-queue: exported " << *count << " records\n";
    return 0;
}

int runPurge(const Context& context, Args args)
{
    RetentionPolicy policy;
    while (auto keep = takeOption(args, "--keep")) {
        const auto eq = keep->find('=');
        const auto status = parseStatus(keep->substr(0, eq));
        if (eq == std::string::npos || !status) {
            return usageError("--keep takes STATUS=DAYS");
        }
        policy.days[*status] = std::atoi(keep->c_str() + eq + 1);
    }
    requirePositional(args, 0, "purge [--keep STATUS=DAYS]...");
    auto store = openStore(context, true);
    if (!store) {
        return reportError(store.error());
    }
    auto purged = store->purge(policy);
    if (!purged) {
        return reportError(purged.error());
    }
    std::cout << "purged " << *purged << " records\n";
    return 0;
}

namespace {

std::string minutes(std::optional<std::int64_t> ms)
{
    if (!ms) {
        return "-";
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(*ms) / 60000.0);
    return text;
}

std::string seconds(std::optional<std::int64_t> ms)
{
    return ms ? std::to_string(*ms / 1000) : std::string();
}

} // namespace

int runStats(const Context& context, Args args)
{
    const bool json = takeFlag(args, "--json");
    requirePositional(args, 0, "stats [--json]");
    auto store = openStore(context, false);
    if (!store) {
        return reportError(store.error());
    }
    auto stats = store->stats();
    if (!stats) {
        return reportError(stats.error());
    }
    if (json) {
        std::cout << "{\"counts\":{";
        bool first = true;
        for (const auto& [status, count] : stats->counts) {
            std::cout << (first ? "" : ",") << "\"" << statusName(status) << "\":" << count;
            first = false;
        }
        auto value = [](std::optional<std::int64_t> ms) {
            return ms ? std::to_string(*ms / 1000) : std::string("null");
        };
        std::cout << "},\"waiting\":" << stats->waiting
                  << ",\"active_staff\":" << stats->activeStaff
                  << ",\"median_wait_to_claim_s\":" << value(stats->medianWaitToClaimMs)
                  << ",\"median_wait_to_decision_s\":" << value(stats->medianWaitToDecisionMs)
                  << ",\"median_handling_s\":" << value(stats->medianHandlingMs)
                  << ",\"estimated_wait_s\":" << stats->estimatedWaitMs / 1000 << "}\n";
        return 0;
    }
    for (const auto& [status, count] : stats->counts) {
        std::cout << statusName(status) << ": " << count << "\n";
    }
    std::cout << "median wait to claim (today): " << minutes(stats->medianWaitToClaimMs)
              << " min\nmedian wait to decision (today): " << minutes(stats->medianWaitToDecisionMs)
              << " min\nmedian handling time (today): " << minutes(stats->medianHandlingMs)
              << " min\nwaiting now: " << stats->waiting
              << " (staff at work: " << stats->activeStaff
              << ")\nestimated wait for a new ticket: " << minutes(stats->estimatedWaitMs)
              << " min\n";
    return 0;
}

int runKpi(const Context& context, Args args)
{
    const auto from = takeOption(args, "--from");
    const auto to = takeOption(args, "--to");
    requirePositional(args, 0, "kpi --from YYYY-MM-DD --to YYYY-MM-DD");
    if (!from || !to) {
        return usageError("kpi needs --from YYYY-MM-DD and --to YYYY-MM-DD");
    }
    auto store = openStore(context, false);
    if (!store) {
        return reportError(store.error());
    }
    auto rows = store->kpi(*from, *to);
    if (!rows) {
        return reportError(rows.error());
    }
    std::cout << "date,procedure,visits,forms,median_card_to_ticket_s,corrected,correction_rate,"
                 "returned,rejected,returned_rejected_rate\n";
    for (const KpiRow& row : *rows) {
        char rates[64];
        std::snprintf(rates, sizeof rates, "%.3f",
            row.forms ? static_cast<double>(row.corrected) / static_cast<double>(row.forms) : 0.0);
        char rejectRate[32];
        std::snprintf(rejectRate, sizeof rejectRate, "%.3f",
            row.forms
                ? static_cast<double>(row.returned + row.rejected) / static_cast<double>(row.forms)
                : 0.0);
        std::cout << row.day << "," << row.procedure << "," << row.visits << "," << row.forms << ","
                  << seconds(row.medianCardToTicketMs) << "," << row.corrected << "," << rates
                  << "," << row.returned << "," << row.rejected << "," << rejectRate << "\n";
    }
    return 0;
}

} // namespace kakanai::queuecli
