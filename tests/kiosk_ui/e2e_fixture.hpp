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
    /** Runs the kiosk (PC/SC, queue, printer) with `script` and `extra` arguments; returns its
     *  exit code or -1. */
    int runKiosk(const std::string& script, std::string* log = nullptr,
        const std::vector<std::string>& extra = {});
    /** Starts the kiosk without waiting: `name` names its script, screenshot and var folders
     *  (m_dir/NAME.txt, NAME-shots, NAME-var; "" = script.txt, shots, var), `reader` its PC/SC
     *  reader ("" = slot 0). */
    std::unique_ptr<ChildProcess> startKiosk(const std::string& script, const std::string& name,
        const std::vector<std::string>& extra = {}, const std::string& reader = "");
    /** Waits until `file` exists or `kiosk` ended; false (with a failure) after `seconds`. */
    static bool waitForFile(const std::filesystem::path& file, ChildProcess& kiosk, int seconds);
    /** Job files of the private cupsd's spool (the documents printed), oldest first. */
    std::vector<std::filesystem::path> spooledJobs() const;
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
