// bench/staff: the staff console with a large queue, kakanai-staff at 1600×900 under Xvfb
// (software rendering): time to open the list with 10,000 records (StaffConsole::refresh, timed
// in this process over the same file, plus the first list frame drawn by kakanai-staff; target
// ≤ 200 ms) and frame times while scrolling the list with the mouse wheel (p99 ≤ 16.7 ms), with
// where a frame's time goes: building it in ImGui, rendering it (wall and process CPU time, which
// includes llvmpipe's threads and depends little on the machine's load) and the pixels it fills.
//
// Usage: bench_staff [--quick]   (--quick: 2,000 records and 60 wheel notches instead of
//                                 10,000 and 300)
// Exits 0 without figures (saying why) when Xvfb is not installed; 1 when the setup or the
// console fails.
#include "gui_bench_support.hpp"
#include "staff_fixture.hpp"

#include "kakanai/forms/lint.hpp"
#include "kakanai/staff/console.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace kakanai;
using namespace kakanai::testsupport;
using kakanai::bench::jsonNumber;
namespace fs = std::filesystem;

namespace {

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

int main(int argc, char** argv)
{
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int records = quick ? 2000 : 10000;
    const int notches = quick ? 60 : 300;
    if (findXvfb().empty()) {
        std::printf("bench_staff: Xvfb is not installed; no figures (apt-get install xvfb)\n");
        return 0;
    }
    // The queue on tmpfs when there is one: filling it is then not bound by fsync.
    std::error_code ignored;
    if (fs::is_directory("/dev/shm", ignored)) {
        ::setenv("TMPDIR", "/dev/shm", 1);
    }
    auto created = StaffQueue::create();
    if (!created) {
        std::fprintf(stderr, "bench_staff: %s\n", created.error().c_str());
        return 1;
    }
    StaffQueue& queue = **created;
    const auto filling = std::chrono::steady_clock::now();
    for (int n = 1; n <= records; ++n) {
        if (auto receipt = queue.submit(n, n % 3 == 0 ? "koseki" : "juminhyo"); !receipt) {
            std::fprintf(stderr, "bench_staff: submit: %s\n", receipt.error().c_str());
            return 1;
        }
    }
    std::printf("bench_staff: %d records submitted in %.1f s\n", records, msSince(filling) / 1000);

    // StaffConsole::refresh over the same file, as the console does on login and on a change.
    const auto templates = forms::loadConfig({ fs::path(KAKANAI_SOURCE_DIR) / "config" }).templates;
    staff::StaffConsole console(queue.store(), templates, queue::SystemClock::instance());
    SecureString password;
    assignSecure(password, "tanaka-pass");
    if (!console.login("tanaka", password)) {
        std::fprintf(stderr, "bench_staff: login failed\n");
        return 1;
    }
    std::vector<double> refreshes;
    for (int i = 0; i < 5; ++i) {
        const auto started = std::chrono::steady_clock::now();
        if (!console.refresh()) {
            std::fprintf(stderr, "bench_staff: refresh failed\n");
            return 1;
        }
        refreshes.push_back(msSince(started));
    }
    std::sort(refreshes.begin(), refreshes.end());
    const double refreshMs = refreshes[refreshes.size() / 2];
    console.logout();

    auto display = XvfbDisplay::start("1600x900x24");
    if (!display) {
        std::printf("bench_staff: %s; no frame figures\n", display.error().c_str());
        return 0;
    }
    const fs::path stats = queue.dir() / "stats.json";
    const std::string script = "wait login\ntap login.user\ntype tanaka\ntap login.password\n"
                               "type tanaka-pass\ntap login.ok\nwait list 30\nsleep 0.3\n"
                               "scroll list.table "
        + std::to_string(notches) + "\nscreenshot scrolled\n";
    auto staff = queue.startStaff((*display)->display(), "bench", script,
        { "--stats", stats.string(), "--lock-after", "3600" });
    if (!staff) {
        std::fprintf(stderr, "bench_staff: %s\n", staff.error().c_str());
        return 1;
    }
    const auto code = (*staff)->wait(std::chrono::seconds(120));
    if (code != std::optional<int>(0)) {
        std::fprintf(
            stderr, "bench_staff: kakanai-staff failed:\n%s\n", (*staff)->stdoutText().c_str());
        return 1;
    }
    if (std::getenv("KAKANAI_BENCH_VERBOSE")) {
        std::printf("%s", (*staff)->stdoutText().c_str());
    }
    std::ifstream in(stats);
    std::stringstream json;
    json << in.rdbuf();
    const double firstListFrame = jsonNumber(json.str(), "list_first_frame_ms");
    const double p50 = jsonNumber(json.str(), "scroll_p50_ms");
    const double p99 = jsonNumber(json.str(), "scroll_p99_ms");
    const double open = refreshMs + firstListFrame;
    std::printf("bench_staff: %d records%s; stats %s", records, quick ? " (--quick)" : "",
        json.str().c_str());
    std::printf("  StaffConsole::refresh (median of 5)  %8.1f ms\n", refreshMs);
    std::printf("  first list frame in kakanai-staff    %8.1f ms\n", firstListFrame);
    std::printf("  open the list (sum)                  %8.1f ms  target <= 200   %s\n", open,
        open <= 200 ? "ok" : "MISSED");
    std::printf("  scrolling, %d frames: p50 %.2f ms, p99 %.2f ms  target p99 <= 16.7   %s\n"
                "  (%d frames over 16.7 ms)\n",
        static_cast<int>(jsonNumber(json.str(), "scroll_frames")), p50, p99,
        p99 >= 0 && p99 <= 16.7 ? "ok" : "MISSED",
        static_cast<int>(jsonNumber(json.str(), "scroll_over_16_7_ms")));
    std::printf("  of which building the ImGui frame: p99 %.2f ms; rendering it (SDL_Renderer on\n"
                "  llvmpipe + present): p50 %.2f ms, p99 %.2f ms wall, p50 %.2f ms, p99 %.2f ms\n"
                "  process CPU; %.2f million pixels filled per frame (p50)\n",
        jsonNumber(json.str(), "scroll_build_p99_ms"),
        jsonNumber(json.str(), "scroll_render_p50_ms"),
        jsonNumber(json.str(), "scroll_render_p99_ms"),
        jsonNumber(json.str(), "scroll_render_cpu_p50_ms"),
        jsonNumber(json.str(), "scroll_render_cpu_p99_ms"),
        jsonNumber(json.str(), "scroll_pixels_p50") / 1e6);
    kakanai::bench::printPresentFloor(
        KAKANAI_PRESENT_FLOOR_PATH, (*display)->display(), 1600, 900, quick ? 150 : 400);
    return 0;
}
