// bench/townhall: the town-hall issue's figures. A private, durable PostgreSQL cluster (fsync
// on; tests/support/pg-cluster) on loopback; 5 kiosk processes, each committing submissions to
// its own SQLite outbox at a steady rate while a Forwarder thread moves them to the server; 10
// staff processes claiming (claimNext) and approving, woken by LISTEN/NOTIFY. After the run:
//   - submissions per second that reached the server (and the rate offered),
//   - claim latency p50/p99 (claimNext calls that returned a record),
//   - outbox lag p50/p99: the server's audit time of a record's arrival minus the kiosk's
//     commit time (target p99 ≤ 1 s while the server is up),
// and it checks that every kiosk submission is on the server exactly once.
//
// Usage: bench_townhall [--quick] [--seconds N] [--kiosks N] [--staff N] [--rate PER_KIOSK_S]
// (--quick: 10 s). Needs root (the cluster runs as the "postgres" user) or a user who may run
// initdb. Exits 1 if a record is lost or duplicated, or (full run) the lag target is missed.
#include "kakanai/queue/forwarder.hpp"
#include "kakanai/queue/store.hpp"
#include "kakanai/queue/watcher.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace kakanai;
using namespace kakanai::queue;
using Steady = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

struct Settings
{
    int seconds = 60;
    int kiosks = 5;
    int staff = 10;
    double rate = 2.0; ///< submissions per second per kiosk
    bool quick = false;
};

std::string run(const std::string& command)
{
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        return out;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        out.append(buffer, n);
    }
    pclose(pipe);
    return out;
}

std::string quote(const std::string& text)
{
    return "'" + text + "'"; // our own paths and URLs: no quotes inside
}

std::string uuid(unsigned a, unsigned b)
{
    char text[40];
    std::snprintf(text, sizeof text, "%08x-0000-4000-8000-%012x", a, b);
    return text;
}

SecureString secure(const std::string& text)
{
    SecureString out;
    assignSecure(out, text);
    return out;
}

/** An invented filled form of about 2 KB, like a real one. */
Submission submission(int kiosk, unsigned n)
{
    Submission s;
    s.id = uuid(0x70000000u + static_cast<unsigned>(kiosk), n);
    s.templateId = "juminhyo";
    s.kioskId = "kiosk-" + std::to_string(kiosk);
    s.counterGroup = "A";
    std::string text = R"({"format":"kakanai.filled-form","format_version":1,"id":")" + s.id
        + R"(","template_id":"juminhyo","values":{)";
    for (int i = 0; i < 24; ++i) {
        text += (i ? "," : "") + std::string("\"field_") + std::to_string(i)
            + R"(":{"value":"試験の値 )" + std::to_string(i * 7919) + R"(","origin":"resident"})";
    }
    s.payload = secure(text + "}}");
    return s;
}

StoreOptions options(const MasterKey& key)
{
    StoreOptions o;
    o.key = key;
    o.create = true;
    o.scrypt = ScryptParams { 1u << 10, 8, 1 };
    return o;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

/** A kiosk: submits at `rate` until `until`, forwarding all the while; then drains. */
int kioskMain(int kiosk, const Settings& settings, const fs::path& dir, const std::string& server,
    const MasterKey& key, Steady::time_point until)
{
    StoreOptions local = options(key);
    local.ticketPrefixes["A"] = "K" + std::to_string(kiosk);
    auto outbox = Store::open(dir / ("kiosk-" + std::to_string(kiosk) + ".sqlite"), local);
    if (!outbox) {
        std::fprintf(stderr, "kiosk %d: %s\n", kiosk, outbox.error().message.c_str());
        return 2;
    }
    ForwarderOptions forwarding;
    forwarding.watchInterval = std::chrono::milliseconds(20);
    std::atomic<bool> stop { false };
    // The forwarder has its own connection to the outbox, as the real service has its process.
    auto forwarderOutbox = Store::open(dir / ("kiosk-" + std::to_string(kiosk) + ".sqlite"), local);
    if (!forwarderOutbox) {
        return 2;
    }
    Forwarder background(
        *forwarderOutbox, [&] { return Store::open(server, options(key)); }, forwarding);
    std::thread thread([&] { background.run(stop); });

    unsigned submitted = 0;
    const auto period = std::chrono::duration<double>(1.0 / settings.rate);
    auto next = Steady::now();
    while (Steady::now() < until) {
        auto receipt = outbox->submit(submission(kiosk, ++submitted));
        if (!receipt) {
            std::fprintf(stderr, "kiosk %d: %s\n", kiosk, receipt.error().message.c_str());
            --submitted;
        }
        next += std::chrono::duration_cast<Steady::duration>(period);
        std::this_thread::sleep_until(next);
    }
    const auto drainUntil = Steady::now() + std::chrono::seconds(20);
    while (Steady::now() < drainUntil) {
        auto status = outbox->outboxStatus();
        if (status && status->waiting == 0) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    stop = true;
    thread.join();
    std::ofstream(dir / ("kiosk-" + std::to_string(kiosk) + ".count")) << submitted << "\n";
    return 0;
}

/** A staff desk: claims and approves until `until`; writes its claim latencies (ms). */
int staffMain(int desk, const fs::path& dir, const std::string& server, const MasterKey& key,
    Steady::time_point until)
{
    auto store = Store::open(server, options(key));
    auto watcher = ChangeWatcher::open(server);
    if (!store || !watcher) {
        std::fprintf(stderr, "staff %d: cannot open the server\n", desk);
        return 2;
    }
    auto session
        = store->login("rev" + std::to_string(desk), secure("password-rev" + std::to_string(desk)));
    if (!session) {
        std::fprintf(stderr, "staff %d: %s\n", desk, session.error().message.c_str());
        return 2;
    }
    std::ofstream out(dir / ("staff-" + std::to_string(desk) + ".ms"));
    while (Steady::now() < until) {
        const auto start = Steady::now();
        auto claimed = store->claimNext(*session);
        const double ms = std::chrono::duration<double, std::milli>(Steady::now() - start).count();
        if (!claimed) {
            std::fprintf(stderr, "staff %d: %s\n", desk, claimed.error().message.c_str());
            continue;
        }
        if (!*claimed) {
            watcher->waitForChange(std::chrono::milliseconds(500));
            continue;
        }
        out << ms << "\n";
        auto decided = store->decide(*session, (*claimed)->id, Decision::Approve);
        if (!decided) {
            std::fprintf(stderr, "staff %d: %s\n", desk, decided.error().message.c_str());
        }
    }
    return 0;
}

std::vector<double> readNumbers(const fs::path& path)
{
    std::vector<double> values;
    std::ifstream in(path);
    double value = 0;
    while (in >> value) {
        values.push_back(value);
    }
    return values;
}

} // namespace

int main(int argc, char** argv)
{
    Settings settings;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string("0"); };
        if (arg == "--quick") {
            settings.quick = true;
            settings.seconds = 10;
        } else if (arg == "--seconds") {
            settings.seconds = std::stoi(next());
        } else if (arg == "--kiosks") {
            settings.kiosks = std::stoi(next());
        } else if (arg == "--staff") {
            settings.staff = std::stoi(next());
        } else if (arg == "--rate") {
            settings.rate = std::stod(next());
        } else {
            std::fprintf(stderr,
                "usage: bench_townhall [--quick] [--seconds N] [--kiosks N] [--staff N] [--rate "
                "R]\n");
            return 2;
        }
    }

    char pattern[] = "/tmp/kakanai-townhall-XXXXXX";
    const fs::path dir = ::mkdtemp(pattern);
    // The server runs as "postgres" when we are root: it must reach its folder (invented data).
    fs::permissions(dir, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    const std::string cluster = std::string(KAKANAI_SOURCE_DIR) + "/tests/support/pg-cluster";
    const fs::path pg = dir / "pg";
    if (std::system((cluster + " start " + quote(pg) + " --durable").c_str()) != 0) {
        std::fprintf(stderr, "bench_townhall: cannot start a PostgreSQL cluster\n");
        return 2;
    }
    std::string admin;
    std::getline(std::ifstream(pg / "admin.url"), admin);
    run("psql -q " + quote(admin) + " -c 'CREATE DATABASE townhall' 2>&1");
    const std::string server = "postgresql:///townhall?" + admin.substr(admin.find('?') + 1);

    int status = 0;
    {
        const MasterKey key = generateMasterKey();
        {
            auto store = Store::open(server, options(key));
            if (!store) {
                std::fprintf(stderr, "bench_townhall: %s\n", store.error().message.c_str());
                return 2;
            }
            (void)store->bootstrapAdmin(
                NewUser { "admin", "Admin", Role::Admin, secure("password-admin") });
            auto adminSession = store->login("admin", secure("password-admin"));
            for (int desk = 1; desk <= settings.staff; ++desk) {
                const std::string id = "rev" + std::to_string(desk);
                (void)store->addUser(*adminSession,
                    NewUser { id, "Reviewer " + id, Role::Reviewer, secure("password-" + id) });
            }
        }
        std::printf("town hall on loopback: %d kiosks at %.1f submissions/s each, %d staff desks, "
                    "%d s, PostgreSQL with fsync on\n",
            settings.kiosks, settings.rate, settings.staff, settings.seconds);
        const auto until = Steady::now() + std::chrono::seconds(settings.seconds);
        std::vector<pid_t> children;
        for (int kiosk = 1; kiosk <= settings.kiosks; ++kiosk) {
            const pid_t pid = fork();
            if (pid == 0) {
                _exit(kioskMain(kiosk, settings, dir, server, key, until));
            }
            children.push_back(pid);
        }
        for (int desk = 1; desk <= settings.staff; ++desk) {
            const pid_t pid = fork();
            if (pid == 0) {
                _exit(staffMain(desk, dir, server, key, until));
            }
            children.push_back(pid);
        }
        for (pid_t pid : children) {
            int child = 0;
            waitpid(pid, &child, 0);
            if (!WIFEXITED(child) || WEXITSTATUS(child) != 0) {
                status = 1;
            }
        }

        long submitted = 0;
        for (int kiosk = 1; kiosk <= settings.kiosks; ++kiosk) {
            const auto counts = readNumbers(dir / ("kiosk-" + std::to_string(kiosk) + ".count"));
            submitted += counts.empty() ? 0 : static_cast<long>(counts[0]);
        }
        std::vector<double> claims;
        for (int desk = 1; desk <= settings.staff; ++desk) {
            const auto values = readNumbers(dir / ("staff-" + std::to_string(desk) + ".ms"));
            claims.insert(claims.end(), values.begin(), values.end());
        }
        const std::vector<double> lags = [&] {
            std::vector<double> out;
            std::istringstream rows(run("psql -At " + quote(server)
                + " -c \"SELECT a.at - r.submitted_at FROM records r JOIN audit a"
                  " ON a.record_id = r.id AND a.action = 'submit'\""));
            double value = 0;
            while (rows >> value) {
                out.push_back(value);
            }
            return out;
        }();
        const long onServer = std::atol(
            run("psql -At " + quote(server) + " -c 'SELECT count(*) FROM records'").c_str());
        const long distinctTickets = std::atol(
            run("psql -At " + quote(server) + " -c 'SELECT count(DISTINCT ticket) FROM records'")
                .c_str());

        std::printf("submissions reaching the server: %ld in %d s = %.1f/s (offered %.1f/s)\n",
            onServer, settings.seconds, static_cast<double>(onServer) / settings.seconds,
            settings.kiosks * settings.rate);
        std::printf("claims: %zu, claimNext latency p50 %.2f ms, p99 %.2f ms\n", claims.size(),
            percentile(claims, 0.5), percentile(claims, 0.99));
        const double lagP99 = percentile(lags, 0.99);
        std::printf("outbox lag (kiosk commit → on the server): p50 %.0f ms, p99 %.0f ms, max "
                    "%.0f ms (target p99 ≤ 1000 ms)\n",
            percentile(lags, 0.5), lagP99, percentile(lags, 1.0));
        const bool complete = onServer == submitted && distinctTickets == submitted;
        std::printf("kiosks committed %ld, server holds %ld with %ld distinct tickets: %s\n",
            submitted, onServer, distinctTickets,
            complete ? "nothing lost or duplicated" : "MISMATCH");
        if (!complete || (!settings.quick && lagP99 > 1000)) {
            status = 1;
        }
    }
    std::system((cluster + " stop " + quote(pg) + " >/dev/null 2>&1").c_str());
    fs::remove_all(dir);
    return status;
}
