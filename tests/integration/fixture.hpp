// Shared fixtures for the integration tests: the process-wide PcscdSandbox started by main.cpp,
// a SandboxTest base that restores it before every test and inserts emulated cards, and a
// thread-safe ReaderEvent queue for ReaderMonitor tests.
//
// Errors: helpers report problems as gtest failures (ADD_FAILURE) and return nullptr/nullopt;
// SandboxTest::SetUp fails the test with the sandbox's message when pcscd could not start.
#pragma once

#include "kakanai/cardio/pcsc.hpp"
#include "pcscd_sandbox.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::testsupport {

/** The sandbox main.cpp started, or nullptr (then processSandboxError() says why). */
PcscdSandbox* processSandbox();
const std::string& processSandboxError();
/** Called by main.cpp only: installs (or with nullptr, destroys) the process-wide sandbox. */
void setProcessSandbox(std::unique_ptr<PcscdSandbox> sandbox, std::string error = {});

/** The repository root (compile definition KAKANAI_SOURCE_DIR). */
std::filesystem::path sourceDir();
/** config/identities/<name>.toml; an empty name picks the first identity file by name. */
std::filesystem::path identityFile(const std::string& name = {});

class SandboxTest : public ::testing::Test
{
protected:
    /** Fails when there is no sandbox; restarts pcscd / re-plugs the reader if a test left it so.
     */
    void SetUp() override;
    /** Removes every card this test inserted and waits until the readers are empty. */
    void TearDown() override;

    PcscdSandbox& sandbox() { return *processSandbox(); }
    std::string readerName(int slot = 0) const { return processSandbox()->readerName(slot); }

    /**
     * Starts kakanai-vcard for `identity` in `slot` and waits (10 s) until PC/SC shows the card.
     * Returns nullptr after recording a failure. Use with ASSERT_NE(..., nullptr).
     */
    VcardProcess* insertCard(const std::string& identity = {},
        const std::vector<std::string>& extraArgs = {}, int slot = 0);
    /** Starts the emulator without waiting for pcscd to notice it. */
    VcardProcess* startCard(const std::string& identity = {},
        const std::vector<std::string>& extraArgs = {}, int slot = 0);
    /** Removes (SIGTERM) every inserted card and waits until PC/SC shows the readers empty. */
    void removeCards();

    std::vector<std::unique_ptr<VcardProcess>> m_cards;
};

/** Collects ReaderEvents from the monitor thread; the test thread waits for them. */
class EventQueue
{
public:
    cardio::ReaderMonitor::Callback callback();
    /** Waits for the first queued event matching `kind` (and `reader` if not empty), removing
     * it and everything before it. */
    std::optional<cardio::ReaderEvent> waitFor(cardio::ReaderEvent::Kind kind,
        const std::string& reader = {},
        std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
    std::vector<cardio::ReaderEvent> snapshot();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<cardio::ReaderEvent> m_events;
};

} // namespace kakanai::testsupport
