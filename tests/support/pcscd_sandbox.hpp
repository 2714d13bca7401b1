// A private pcscd for integration tests and benchmarks, with the vsmartcard vpcd virtual reader,
// and VcardProcess, which runs the kakanai-vcard emulator as the "card" in that reader.
//
// pcscd keeps its pid file in /run/pcscd, so PcscdSandbox::start() moves the whole test process
// into a private mount namespace (unshare(CLONE_NEWNS), "/" made recursively private), bind-mounts
// a temporary directory onto /run/pcscd and points PCSCLITE_CSOCK_NAME at the socket in it. The
// host's pcscd (if any) is untouched and invisible to the test process afterwards.
//
// Readers: vpcd opens two slots on TCP ports P and P+1, named "<friendlyName> 00 00" and
// "<friendlyName> 00 01"; readerName() is slot 0.
//
// Unplugging: pcsc-lite 1.9.9 (Debian's build, hotplug via libudev) ignores SIGUSR1 for
// reader.conf readers (HPReCheckSerialReaders() is empty in hotplug_libudev.c; verified: the
// reader stays listed). unplugReader()/plugReader() therefore rewrite reader.conf and RESTART
// pcscd: open PC/SC contexts see the service go away (ServiceUnavailable / ServiceLost), and a
// new context sees the reader gone or back. A running emulator loses its connection and exits.
//
// Errors: every fallible call returns a message naming the step (not root, unshare, mount, no
// free port, pcscd exited, not ready within the timeout) and, for pcscd, the log path.
#pragma once

#include "kakanai/base/result.hpp"
#include "process.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::testsupport {

struct PcscdSandboxOptions
{
    std::filesystem::path pcscdPath = "/usr/sbin/pcscd";
    std::filesystem::path vpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    std::string friendlyName = "Kakanai Virtual Reader";
    std::chrono::milliseconds startTimeout { 10000 };
    bool keepDirectory = false; ///< leave the temp dir (log, reader.conf) for debugging
};

class PcscdSandbox
{
public:
    /**
     * Sets up the namespace and starts pcscd. MUST be called while the process is still
     * single-threaded (unshare(CLONE_NEWNS) fails with EINVAL otherwise) and before any PC/SC
     * call (libpcsclite reads PCSCLITE_CSOCK_NAME once). Needs root (CAP_SYS_ADMIN).
     */
    static Result<std::unique_ptr<PcscdSandbox>, std::string> start(
        PcscdSandboxOptions options = {});
    ~PcscdSandbox(); ///< stops pcscd, unmounts /run/pcscd, removes the temp dir; never throws
    PcscdSandbox(const PcscdSandbox&) = delete;
    PcscdSandbox& operator=(const PcscdSandbox&) = delete;

    int vpcdPort() const { return m_port; }
    std::string readerName(int slot = 0) const;
    std::filesystem::path logPath() const { return m_dir / "pcscd.log"; }
    std::filesystem::path directory() const { return m_dir; }
    bool running();
    bool readerPlugged() const { return m_plugged; }

    /** SIGTERM to pcscd and wait for it (ServiceUnavailable tests). */
    Result<Ok, std::string> stop();
    /** Stops pcscd if running and starts it again with the current reader.conf. */
    Result<Ok, std::string> restart();
    /** reader.conf without the vpcd reader, then restart (see the header comment). */
    Result<Ok, std::string> unplugReader();
    /** reader.conf with the vpcd reader, then restart. */
    Result<Ok, std::string> plugReader();

private:
    explicit PcscdSandbox(PcscdSandboxOptions options);
    Result<Ok, std::string> writeConfig(bool withReader);
    Result<Ok, std::string> launch();
    std::string logTail() const;

    PcscdSandboxOptions m_options;
    std::filesystem::path m_dir;
    bool m_mounted = false;
    int m_port = 0;
    bool m_plugged = true;
    std::unique_ptr<ChildProcess> m_pcscd;
};

struct VcardOptions
{
    std::filesystem::path executable; ///< kakanai-vcard (e.g. KAKANAI_VCARD_PATH)
    int port = 0; ///< PcscdSandbox::vpcdPort() (+1 for the second slot)
    std::filesystem::path identity; ///< config/identities/<name>.toml
    std::vector<std::string> extraArgs; ///< --state, --personality, --fault ...
    std::optional<std::filesystem::path> logFile; ///< emulator stdout+stderr (else in memory)
    std::string reader; ///< PC/SC name of that slot, for remove() (waitForCard() also sets it)
};

/** A running kakanai-vcard process: "a card in the virtual reader". */
class VcardProcess
{
public:
    /** Starts the emulator; it connects to vpcd on its own (see waitForCard). */
    static Result<std::unique_ptr<VcardProcess>, std::string> start(const VcardOptions& options);
    ~VcardProcess(); ///< SIGKILL if still running; never throws

    /** Waits until PC/SC shows a card in `reader`; fails early if the emulator exits. */
    Result<Ok, std::string> waitForCard(const std::string& reader,
        std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
    /**
     * SIGTERM (card pulled out) and wait until PC/SC shows the reader empty. Uses
     * VcardOptions::reader or the last waitForCard()'s; without one it only waits for the exit.
     */
    Result<Ok, std::string> remove(
        std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
    ChildProcess& process() { return *m_process; }

private:
    VcardProcess() = default;
    std::unique_ptr<ChildProcess> m_process;
    std::string m_reader;
};

} // namespace kakanai::testsupport
