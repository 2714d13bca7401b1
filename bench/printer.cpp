// bench/printer: the printer issue's targets, after the fonts are loaded (Renderer::create,
// timed separately):
//   1. Render one filled form (juminhyo, tests/printer/data/juminhyo.json) to an A4 PDF:
//      target <= 50 ms.
//   2. Render one ticket (two forms, bilingual): target <= 10 ms.
// Also printed, not targets: the 2-page bilingual ido form, the PDF sizes, and a ticket with
// kanji never printed before in every run (the Renderer then rebuilds its subset font, see
// printer/src/subset_fonts.hpp: the cost of a resident's unusual name).
//
// Usage: bench_printer [--quick]   (prints the figures; exit 1 if a target is missed in a full
// run — a --quick run, as tools/test makes on a busy machine, only has to work)
#include "kakanai/forms/filled_json.hpp"
#include "kakanai/forms/lint.hpp"
#include "kakanai/printer/renderer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

using namespace kakanai;
using Clock = std::chrono::steady_clock;

namespace {

const std::filesystem::path SOURCE = KAKANAI_SOURCE_DIR;

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
    const auto at = [&](double q) {
        return times[std::min(times.size() - 1, static_cast<std::size_t>(q * times.size()))];
    };
    return Figures { at(0.5), at(0.99), times.back() };
}

forms::FilledForm sample(const std::string& id)
{
    std::ifstream file(SOURCE / "tests/printer/data" / (id + ".json"));
    std::stringstream text;
    text << file.rdbuf();
    auto filled = forms::parseFilledJson(text.str());
    if (!filled) {
        std::fprintf(stderr, "bench_printer: bad sample %s\n", id.c_str());
        std::exit(2);
    }
    return filled.value();
}

} // namespace

int main(int argc, char** argv)
{
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int runs = quick ? 20 : 200;
    const forms::ConfigSet config = forms::loadConfig({ SOURCE / "config" });
    const auto* juminhyo = config.findTemplate("juminhyo");
    const auto* ido = config.findTemplate("ido");
    const auto* kokuho = config.findTemplate("kokuho");
    if (!juminhyo || !ido || !kokuho || !config.kiosk) {
        std::fprintf(stderr, "bench_printer: config/ is incomplete\n");
        return 2;
    }
    const auto loadStart = Clock::now();
    auto renderer = printer::Renderer::create();
    const double loadMs
        = std::chrono::duration<double, std::milli>(Clock::now() - loadStart).count();
    if (!renderer) {
        std::fprintf(stderr, "bench_printer: %s\n", printer::describe(renderer.error()).c_str());
        return 2;
    }
    const printer::FormPrintInfo info { "", "A-012", config.kiosk->municipalityName, false };
    const auto jForm = sample("juminhyo");
    const auto iForm = sample("ido");
    printer::TicketInfo ticket { "A-013", iForm.recordId, { ido->title, kokuho->title },
        iForm.createdAt, "en", config.kiosk->municipalityName, false };

    std::size_t formBytes = 0;
    std::size_t idoBytes = 0;
    std::size_t ticketBytes = 0;
    bool ok = true;
    auto check = [&](const auto& result, std::size_t& bytes) {
        if (!result) {
            ok = false;
            return;
        }
        bytes = result->bytes.size();
    };
    // One untimed render each: the glyphs' first shaping and cairo's font caches.
    check(renderer->renderForm(*juminhyo, jForm, info), formBytes);
    check(renderer->renderTicket(ticket), ticketBytes);
    const Figures form
        = measure(runs, [&] { check(renderer->renderForm(*juminhyo, jForm, info), formBytes); });
    const Figures ticketTime
        = measure(runs, [&] { check(renderer->renderTicket(ticket), ticketBytes); });
    const Figures longForm = measure(
        quick ? 5 : 50, [&] { check(renderer->renderForm(*ido, iForm, info), idoBytes); });
    // Four kanji no earlier run used, in the municipality line: a subset rebuild per ticket.
    char32_t unseen = 0x6F00;
    printer::TicketInfo newGlyphs = ticket;
    const Figures rebuilt = measure(runs, [&] {
        std::string name;
        for (int i = 0; i < 4; ++i, ++unseen) {
            name += static_cast<char>(0xE0 | (unseen >> 12));
            name += static_cast<char>(0x80 | ((unseen >> 6) & 0x3F));
            name += static_cast<char>(0x80 | (unseen & 0x3F));
        }
        newGlyphs.municipality = { { "ja", name + "町" } };
        std::size_t bytes = 0;
        check(renderer->renderTicket(newGlyphs), bytes);
    });
    if (!ok) {
        std::fprintf(stderr, "bench_printer: a render failed\n");
        return 2;
    }
    std::printf("bench_printer (%d runs%s)\n", runs, quick ? ", --quick" : "");
    std::printf("  fonts loaded (Renderer::create):   %8.1f ms (once per process)\n", loadMs);
    std::printf("  form juminhyo, 1 page A4:  median %6.2f ms  p99 %6.2f ms  max %6.2f ms  "
                "(target <= 50 ms)  %zu bytes\n",
        form.medianMs, form.p99Ms, form.maxMs, formBytes);
    std::printf("  ticket, 2 forms, en:       median %6.2f ms  p99 %6.2f ms  max %6.2f ms  "
                "(target <= 10 ms)  %zu bytes\n",
        ticketTime.medianMs, ticketTime.p99Ms, ticketTime.maxMs, ticketBytes);
    std::printf("  form ido, 2 pages, en:     median %6.2f ms  p99 %6.2f ms  max %6.2f ms  "
                "(no target)  %zu bytes\n",
        longForm.medianMs, longForm.p99Ms, longForm.maxMs, idoBytes);
    std::printf("  ticket, 4 unseen kanji:    median %6.2f ms  p99 %6.2f ms  max %6.2f ms  "
                "(no target; subset font rebuilt every run)\n",
        rebuilt.medianMs, rebuilt.p99Ms, rebuilt.maxMs);
    const bool met = form.medianMs <= 50 && ticketTime.medianMs <= 10;
    std::printf("  targets %s\n", met ? "met" : "MISSED");
    return met || quick ? 0 : 1;
}
