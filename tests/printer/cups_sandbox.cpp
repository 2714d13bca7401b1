#include "cups_sandbox.hpp"

#include "kakanai/printer/cups_sink.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace kakanai::printer::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* PPD = "/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd";

constexpr const char* BACKEND = R"(#!/bin/sh
# kakanai-test backend: what it does is in the device URI.
if [ $# -eq 0 ]; then echo 'direct kakanai-test "Unknown" "kakanai test backend"'; exit 0; fi
case "$DEVICE_URI" in
  *abort*) echo "ERROR: kakanai test backend aborts this job" >&2; exit 1;;
  *paper-out*) echo "STATE: +media-empty-error" >&2; echo "ERROR: out of paper" >&2; sleep 60; exit 1;;
  *stop*) echo "ERROR: kakanai test backend stops the queue" >&2; exit 4;;
esac
cat > /dev/null
exit 0
)";

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream(path) << text;
}

std::string tail(const fs::path& path)
{
    std::ifstream file(path);
    std::stringstream buffer;
    buffer << file.rdbuf();
    std::string text = buffer.str();
    return text.size() > 1500 ? text.substr(text.size() - 1500) : text;
}

} // namespace

Result<std::unique_ptr<CupsSandbox>, std::string> CupsSandbox::start()
{
    if (geteuid() != 0) {
        return fail(std::string("the cupsd tests need root"));
    }
    std::unique_ptr<CupsSandbox> sandbox(new CupsSandbox());
    std::string pattern = "/tmp/kakanai-cups-XXXXXX";
    if (!mkdtemp(pattern.data())) {
        return fail(std::string("mkdtemp failed"));
    }
    const fs::path dir = pattern;
    sandbox->m_dir = dir;
    for (const char* sub : { "ppd", "state", "cache", "spool/tmp", "log", "out", "bin/backend" }) {
        fs::create_directories(dir / sub);
    }
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        fs::permissions(entry.path(), fs::perms(0755));
    }
    fs::permissions(dir, fs::perms(0755));
    for (const char* sub : { "cgi-bin", "daemon", "driver", "filter", "monitor", "notifier" }) {
        fs::create_symlink(fs::path("/usr/lib/cups") / sub, dir / "bin" / sub);
    }
    for (const auto& backend : fs::directory_iterator("/usr/lib/cups/backend")) {
        fs::create_symlink(backend.path(), dir / "bin/backend" / backend.path().filename());
    }
    writeText(dir / "bin/backend/kakanai-test", BACKEND);
    fs::permissions(dir / "bin/backend/kakanai-test", fs::perms(0755));

    const std::string d = dir.string();
    writeText(dir / "cupsd.conf",
        "Listen " + d
            + "/cups.sock\nLogLevel debug\nBrowsing No\nBrowseLocalProtocols none\n"
              "WebInterface No\nDefaultAuthType None\nJobKillDelay 1\nPreserveJobHistory Yes\n"
              "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
              "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n");
    writeText(dir / "cups-files.conf",
        "ServerRoot " + d + "\nServerBin " + d + "/bin\nStateDir " + d + "/state\nCacheDir " + d
            + "/cache\nRequestRoot " + d + "/spool\nTempDir " + d + "/spool/tmp\nErrorLog " + d
            + "/log/error_log\nAccessLog " + d + "/log/access_log\nPageLog " + d
            + "/log/page_log\nFileDevice Yes\nSystemGroup root\nUser lp\nGroup lp\nPrintcap\n");

    testsupport::ProcessOptions options;
    options.argv
        = { "/usr/sbin/cupsd", "-f", "-c", d + "/cupsd.conf", "-s", d + "/cups-files.conf" };
    options.stdoutFile = dir / "log/cupsd.out";
    options.stderrToStdout = true;
    auto cupsd = testsupport::ChildProcess::start(options);
    if (!cupsd) {
        return fail("cannot start cupsd: " + cupsd.error());
    }
    sandbox->m_cupsd = std::move(cupsd.value());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        if (fs::exists(dir / "cups.sock") && listPrinters(sandbox->server()).ok()) {
            return sandbox;
        }
        if (!sandbox->m_cupsd->running()) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return fail("cupsd did not come up; error_log:\n" + tail(dir / "log/error_log"));
}

CupsSandbox::~CupsSandbox()
{
    if (m_cupsd) {
        m_cupsd->terminate(std::chrono::milliseconds(3000));
    }
    if (!m_dir.empty() && !std::getenv("KAKANAI_KEEP_TEST_FILES")) {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }
}

fs::path CupsSandbox::outputOf(const std::string& queue) const
{
    return m_dir / "out" / (queue + ".pdf");
}

Result<Ok, std::string> CupsSandbox::admin(
    const std::string& tool, const std::vector<std::string>& args)
{
    testsupport::ProcessOptions options;
    options.argv.push_back("/usr/sbin/" + tool);
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.env = { { "CUPS_SERVER", server() } };
    auto child = testsupport::ChildProcess::start(options);
    if (!child) {
        return fail(child.error());
    }
    auto code = (*child)->wait(std::chrono::seconds(20));
    if (code != 0) {
        return fail(tool + " failed: " + (*child)->stderrText());
    }
    return Ok {};
}

Result<Ok, std::string> CupsSandbox::addQueue(
    const std::string& name, const std::string& deviceUri, const std::vector<std::string>& extra)
{
    std::vector<std::string> args { "-p", name, "-v",
        deviceUri.empty() ? "file://" + outputOf(name).string() : deviceUri, "-P", PPD, "-E" };
    args.insert(args.end(), extra.begin(), extra.end());
    return admin("lpadmin", args);
}

} // namespace kakanai::printer::test
