// bench/card_read: APDU count and wall time of the kiosk's card read (My Number + 4
// information with one PIN entry), in-process and through the real pcscd + vpcd + emulator,
// with the emulator's per-APDU latency at 0 and 30 ms (a contactless card).
//
// Usage: bench_card_read [--quick]   (needs root for the private pcscd; prints a table)
#include "kakanai/cardio/card_reader.hpp"
#include "kakanai/cardio/pcsc.hpp"
#include "kakanai/vcard/card.hpp"
#include "kakanai/vcard/in_process.hpp"
#include "pcscd_sandbox.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace kakanai;
using namespace kakanai::cardio;
using Clock = std::chrono::steady_clock;

namespace {

std::filesystem::path identityFile(const std::string& id)
{
    return std::filesystem::path(KAKANAI_SOURCE_DIR) / "config" / "identities" / (id + ".toml");
}

struct Figures
{
    std::size_t apdus = 0;
    double medianMs = 0, p95Ms = 0;
    int runs = 0;
};

Figures measure(int runs, const std::function<std::size_t()>& readOnce)
{
    std::vector<double> times;
    Figures figures;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        figures.apdus = readOnce();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    figures.runs = runs;
    figures.medianMs = times[times.size() / 2];
    figures.p95Ms = times[std::min(times.size() - 1, times.size() * 95 / 100)];
    return figures;
}

void print(const char* path, const std::string& id, const char* personality, int latencyMs,
    const Figures& f)
{
    std::printf(
        "%-10s %-13s %-10s latency=%2dms  apdus=%zu  median=%9.3f ms  p95=%9.3f ms  runs=%d\n",
        path, id.c_str(), personality, latencyMs, f.apdus, f.medianMs, f.p95Ms, f.runs);
    std::fflush(stdout);
}

std::size_t readOrDie(ApduChannel& channel, const std::string& pin)
{
    ReadRequest request;
    request.secret = SecureBytes::fromString(pin);
    auto outcome = readResidentCard(channel, request);
    if (!outcome) {
        std::fprintf(stderr, "read failed: %s\n", describe(outcome.error()).c_str());
        std::exit(1);
    }
    outcome->contents.wipe();
    return outcome->apduCount;
}

struct Case
{
    std::string id;
    vcard::Personality personality;
    const char* personalityName;
};

} // namespace

int main(int argc, char** argv)
{
    bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    // The sandbox must start before any thread exists (unshare of the mount namespace).
    auto sandbox = testsupport::PcscdSandbox::start();
    if (!sandbox) {
        std::fprintf(stderr, "cannot start the private pcscd: %s\n", sandbox.error().c_str());
        return 1;
    }
    const std::vector<Case> cases = {
        { "hanako", vcard::Personality::ContactB, "contact-b" },
        { "long_address", vcard::Personality::ContactB, "contact-b" },
        { "long_address", vcard::Personality::ContactA, "contact-a" },
    };
    std::printf("# bench/card_read: one PIN entry, My Number + 基本4情報 (figures per read)\n");
    for (int latency : { 0, 30 }) {
        int runs = latency == 0 ? (quick ? 50 : 500) : (quick ? 3 : 10);
        for (const auto& c : cases) {
            auto identity = vcard::loadIdentity(identityFile(c.id));
            if (!identity) {
                std::fprintf(stderr, "%s\n", identity.error().c_str());
                return 1;
            }
            identity->personality = c.personality;
            vcard::Faults faults;
            faults.latency = std::chrono::milliseconds(latency);
            vcard::MyNumberCard card(*identity, faults);
            vcard::InProcessTransport transport(card);
            print("in-process", c.id, c.personalityName, latency, measure(runs, [&] {
                ApduChannel channel(transport);
                return readOrDie(channel, identity->textPin);
            }));
        }
    }
    for (int latency : { 0, 30 }) {
        int runs = latency == 0 ? (quick ? 20 : 100) : (quick ? 3 : 10);
        for (const auto& c : cases) {
            auto identity = vcard::loadIdentity(identityFile(c.id));
            testsupport::VcardOptions options;
            options.executable = KAKANAI_VCARD_PATH;
            options.port = (*sandbox)->vpcdPort();
            options.identity = identityFile(c.id);
            options.extraArgs
                = { "--personality", c.personalityName, "--latency-ms", std::to_string(latency) };
            auto vcard = testsupport::VcardProcess::start(options);
            if (!vcard || !(*vcard)->waitForCard((*sandbox)->readerName())) {
                std::fprintf(stderr, "emulator did not come up\n");
                return 1;
            }
            auto context = PcscContext::establish();
            if (!context) {
                std::fprintf(stderr, "%s\n", describe(context.error()).c_str());
                return 1;
            }
            auto pcscCard = (*context)->connect((*sandbox)->readerName());
            if (!pcscCard) {
                std::fprintf(stderr, "%s\n", describe(pcscCard.error()).c_str());
                return 1;
            }
            print("pcscd+vpcd", c.id, c.personalityName, latency, measure(runs, [&] {
                auto transaction = (*pcscCard)->beginTransaction();
                ApduChannel channel(**pcscCard);
                return readOrDie(channel, identity->textPin);
            }));
            pcscCard->reset();
            (void)(*vcard)->remove();
        }
    }
    return 0;
}
