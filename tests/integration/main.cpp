// The integration-test main: starts ONE PcscdSandbox for the whole process before any thread
// exists (not for --gtest_list_tests, so gtest_discover_tests works without root), then runs the
// tests. Also defines the shared fixtures declared in fixture.hpp.
#include "fixture.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace kakanai::testsupport {

namespace {

std::unique_ptr<PcscdSandbox>& sandboxSlot()
{
    static std::unique_ptr<PcscdSandbox> sandbox;
    return sandbox;
}

std::string& sandboxErrorSlot()
{
    static std::string error = "the PcscdSandbox was not started (main.cpp)";
    return error;
}

} // namespace

PcscdSandbox* processSandbox()
{
    return sandboxSlot().get();
}

const std::string& processSandboxError()
{
    return sandboxErrorSlot();
}

void setProcessSandbox(std::unique_ptr<PcscdSandbox> sandbox, std::string error)
{
    sandboxSlot() = std::move(sandbox);
    if (!error.empty()) {
        sandboxErrorSlot() = std::move(error);
    }
}

std::filesystem::path sourceDir()
{
    return KAKANAI_SOURCE_DIR;
}

std::filesystem::path identityFile(const std::string& name)
{
    const std::filesystem::path dir = sourceDir() / "config" / "identities";
    if (!name.empty()) {
        return dir / (name + ".toml");
    }
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.path().extension() == ".toml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files.empty() ? dir / "missing.toml" : files.front();
}

void SandboxTest::SetUp()
{
    PcscdSandbox* box = processSandbox();
    if (box == nullptr) {
        GTEST_FAIL() << processSandboxError();
    }
    if (!box->readerPlugged()) {
        auto plugged = box->plugReader();
        ASSERT_TRUE(plugged.ok()) << plugged.error();
    } else if (!box->running()) {
        auto restarted = box->restart();
        ASSERT_TRUE(restarted.ok()) << restarted.error();
    }
}

void SandboxTest::TearDown()
{
    removeCards();
}

VcardProcess* SandboxTest::startCard(
    const std::string& identity, const std::vector<std::string>& extraArgs, int slot)
{
    VcardOptions options;
    options.executable = KAKANAI_VCARD_PATH;
    options.port = sandbox().vpcdPort() + slot;
    options.identity = identityFile(identity);
    options.extraArgs = extraArgs;
    options.logFile = sandbox().directory() / "vcard.log";
    options.reader = readerName(slot);
    auto card = VcardProcess::start(options);
    if (!card) {
        ADD_FAILURE() << card.error();
        return nullptr;
    }
    m_cards.push_back(std::move(card).value());
    return m_cards.back().get();
}

VcardProcess* SandboxTest::insertCard(
    const std::string& identity, const std::vector<std::string>& extraArgs, int slot)
{
    VcardProcess* card = startCard(identity, extraArgs, slot);
    if (card == nullptr) {
        return nullptr;
    }
    auto ready = card->waitForCard(readerName(slot));
    if (!ready) {
        ADD_FAILURE() << ready.error() << " (emulator log: " << sandbox().directory() / "vcard.log"
                      << ")";
        return nullptr;
    }
    return card;
}

void SandboxTest::removeCards()
{
    for (auto& card : m_cards) {
        auto removed = card->remove();
        EXPECT_TRUE(removed.ok()) << removed.error();
    }
    m_cards.clear();
}

cardio::ReaderMonitor::Callback EventQueue::callback()
{
    return [this](const cardio::ReaderEvent& event) {
        std::lock_guard lock(m_mutex);
        m_events.push_back(event);
        m_changed.notify_all();
    };
}

std::optional<cardio::ReaderEvent> EventQueue::waitFor(
    cardio::ReaderEvent::Kind kind, const std::string& reader, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    std::optional<cardio::ReaderEvent> found;
    m_changed.wait_for(lock, timeout, [&] {
        for (auto it = m_events.begin(); it != m_events.end(); ++it) {
            if (it->kind == kind && (reader.empty() || it->reader == reader)) {
                found = *it;
                m_events.erase(m_events.begin(), it + 1);
                return true;
            }
        }
        return false;
    });
    return found;
}

std::vector<cardio::ReaderEvent> EventQueue::snapshot()
{
    std::lock_guard lock(m_mutex);
    return { m_events.begin(), m_events.end() };
}

} // namespace kakanai::testsupport

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    using kakanai::testsupport::PcscdSandbox;
    if (!GTEST_FLAG_GET(list_tests)) {
        const auto begin = std::chrono::steady_clock::now();
        auto sandbox = PcscdSandbox::start();
        if (sandbox) {
            const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - begin);
            std::fprintf(stderr, "pcscd sandbox ready in %lld ms (vpcd port %d, log %s)\n",
                static_cast<long long>(took.count()), (*sandbox)->vpcdPort(),
                (*sandbox)->logPath().c_str());
            kakanai::testsupport::setProcessSandbox(std::move(sandbox).value());
        } else {
            std::fprintf(stderr, "%s\n", sandbox.error().c_str());
            kakanai::testsupport::setProcessSandbox(nullptr, sandbox.error());
        }
    }
    const int result = RUN_ALL_TESTS();
    kakanai::testsupport::setProcessSandbox(nullptr);
    return result;
}
