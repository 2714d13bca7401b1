// The end-to-end fixture of the kiosk: kakanai-kiosk under a private Xvfb, reading a
// kakanai-vcard card through the process's private pcscd + vpcd (PC/SC, not the in-process
// emulator), submitting to a real SQLite queue (created with its key for every test) and printing
// PDFs on a private cupsd's file: queue (or into a folder when cupsd cannot start).
//
// Errors: helpers record gtest failures and return -1 / nullptr / empty values; a missing
// pcscd sandbox, Xvfb or root makes every test fail with the reason (skip when not root).
// KAKANAI_KEEP_TEST_FILES=1 keeps each test's folder (screenshots, queue, vcard log).
#pragma once

#include "cups_sandbox.hpp"
#include "pcscd_sandbox.hpp"
#include "xvfb.hpp"

#include "kakanai/queue/store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kakanai::testsupport {

class KioskEndToEnd : public ::testing::Test
{
public:
    static inline std::unique_ptr<PcscdSandbox> s_pcscd;
    static inline std::string s_pcscdError = "the pcscd sandbox was not started";

protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    void SetUp() override;
    void TearDown() override;

    /** Inserts a card of config/identities/`identity`.toml with the PIN state file `state`. */
    VcardProcess* insertCard(const std::string& identity, const std::vector<std::string>& extra);
    /** Runs the kiosk (PC/SC, queue, printer) with `script`; returns its exit code or -1. */
    int runKiosk(const std::string& script, std::string* log = nullptr);
    /** The queue with the test's key and a reviewer session (for readPayload). */
    queue::Store openQueue();
    std::string readPayload(queue::Store& store, const std::string& id);
    /** pdftotext of a PDF file ("" on failure). */
    static std::string pdfText(const std::filesystem::path& pdf);
    /** Every PDF printed so far: cupsd's file: output, or the --print-dir files. */
    std::vector<std::filesystem::path> printedPdfs() const;
    /** Writes the card's PIN state file with this many tries left for the 入力補助 PIN. */
    void setPinTriesLeft(int tries);
    int pinTriesLeft() const;

    static inline std::unique_ptr<XvfbDisplay> s_display;
    static inline std::unique_ptr<printer::test::CupsSandbox> s_cups;
    static inline std::string s_setupError;
    std::filesystem::path m_dir;
    std::unique_ptr<VcardProcess> m_card;
};

} // namespace kakanai::testsupport
