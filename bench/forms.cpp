// bench/forms: the forms issue's targets.
//   1. Load and lint every shipped template with kiosk.toml and life-events.toml (what
//      `kakanai-forms lint` and a kiosk start-up do): target < 50 ms for all of them.
//   2. Prefill one form from a card and validate it (what the kiosk does when the resident
//      confirms): target < 1 ms.
// The municipality and postal directories are loaded once before timing (a kiosk loads them at
// start-up); their load time is printed for information.
//
// Usage: bench_forms [--quick]   (prints the figures; exit 1 if a target is missed)
#include "kakanai/forms/lint.hpp"
#include "kakanai/forms/prefill.hpp"
#include "kakanai/forms/validate.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <vector>

using namespace kakanai;
using namespace kakanai::forms;
using Clock = std::chrono::steady_clock;

namespace {

const std::filesystem::path CONFIG = std::filesystem::path(KAKANAI_SOURCE_DIR) / "config";

struct Figures
{
    double medianMs = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

Figures measure(int runs, const std::function<void()>& once)
{
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        once();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return Figures { times[times.size() / 2],
        times[std::min(times.size() - 1, times.size() * 99 / 100)], times.back() };
}

CardData card()
{
    CardData data;
    assignSecure(data.name, "試験　花子"); // invented resident
    assignSecure(data.address, "福井県小浜市大手町６番３号");
    assignSecure(data.birthDate, "1980-01-01");
    data.sex = "female";
    return data;
}

} // namespace

int main(int argc, char** argv)
{
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int lintRuns = quick ? 5 : 50;
    const int fillRuns = quick ? 200 : 5000;

    const std::size_t templates = loadConfig({ CONFIG }).templates.size();
    std::size_t problems = 0;
    const Figures lintOnly = measure(lintRuns, [&] { problems = lint({ CONFIG }).size(); });

    const auto loadStart = Clock::now();
    auto municipalities = MunicipalityDirectory::load(CONFIG / "data");
    auto postalCodes = PostalDirectory::load(CONFIG / "data");
    const double directoryMs
        = std::chrono::duration<double, std::milli>(Clock::now() - loadStart).count();
    if (!municipalities || !postalCodes) {
        std::fprintf(stderr, "bench_forms: cannot load config/data\n");
        return 1;
    }
    const ConfigSet config = loadConfig({ CONFIG });
    const FormTemplate* form = config.findTemplate("juminhyo");
    if (!form || !config.kiosk) {
        std::fprintf(stderr, "bench_forms: juminhyo or kiosk.toml missing\n");
        return 1;
    }
    PrefillContext context;
    context.today = { 2026, 11, 29 };
    context.now = "2026-11-29T10:15:00+09:00";
    context.kiosk = &*config.kiosk;
    context.municipalities = &*municipalities;
    context.postalCodes = &*postalCodes;
    const CardData resident = card();
    std::size_t issues = 0;
    const Figures fill = measure(fillRuns, [&] {
        FilledForm filled = prefill(*form, resident, context);
        filled.values.insert_or_assign("relationship", FilledValue { std::string("self") });
        filled.values.insert_or_assign("copies", FilledValue { std::int64_t { 2 } });
        issues = validate(*form, filled).size();
    });

    std::printf(
        "forms: load+lint all %zu templates + kiosk.toml + life-events.toml: "
        "median %.2f ms, p99 %.2f ms, max %.2f ms (target < 50 ms; %zu problems; %d runs)\n",
        templates, lintOnly.medianMs, lintOnly.p99Ms, lintOnly.maxMs, problems, lintRuns);
    std::printf("forms: prefill+validate juminhyo: median %.3f ms, p99 %.3f ms, max %.3f ms "
                "(target < 1 ms; %zu issues; %d runs)\n",
        fill.medianMs, fill.p99Ms, fill.maxMs, issues, fillRuns);
    std::printf("forms: municipality + postal directories loaded once in %.1f ms\n", directoryMs);
    const bool met = lintOnly.medianMs < 50.0 && fill.medianMs < 1.0 && problems == 0;
    std::printf("forms: targets %s\n", met ? "met" : "MISSED");
    return met ? 0 : 1;
}
