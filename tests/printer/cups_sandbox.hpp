// CupsSandbox: a private cupsd for one test process — its own ServerRoot and state folders under
// /tmp, its own Unix socket (no TCP port), FileDevice Yes so that file: queues write PDFs into the
// sandbox, and a ServerBin that adds the test backend "kakanai-test:" (…/abort aborts the job,
// …/paper-out reports media-empty-error and hangs, …/stop stops the queue). Every folder is
// readable by the lp user that runs filters. Needs root (cupsd, lpadmin as admin).
//
// Errors: start() returns a message naming the step that failed (not root, cupsd did not come
// up within the timeout — with the error_log's tail). addQueue() returns lpadmin's stderr.
#pragma once

#include "kakanai/base/result.hpp"
#include "process.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kakanai::printer::test {

class CupsSandbox
{
public:
    static Result<std::unique_ptr<CupsSandbox>, std::string> start();
    ~CupsSandbox(); ///< stops cupsd and removes the folder (KAKANAI_KEEP_TEST_FILES keeps it)
    CupsSandbox(const CupsSandbox&) = delete;
    CupsSandbox& operator=(const CupsSandbox&) = delete;

    /** The Unix socket, for CupsOptions::server and CUPS_SERVER. */
    std::string server() const { return (m_dir / "cups.sock").string(); }
    std::filesystem::path directory() const { return m_dir; }
    /** file:<dir>/out/<name>.pdf — where a file: queue of that name writes. */
    std::filesystem::path outputOf(const std::string& queue) const;

    /** A queue with the Generic PDF PPD; deviceUri "" = the file: output above. */
    Result<Ok, std::string> addQueue(const std::string& name, const std::string& deviceUri = "",
        const std::vector<std::string>& extra = {});
    /** Runs a CUPS admin tool (cupsdisable, cupsenable, cupsreject, lpadmin…) on this server. */
    Result<Ok, std::string> admin(const std::string& tool, const std::vector<std::string>& args);

private:
    CupsSandbox() = default;
    std::filesystem::path m_dir;
    std::unique_ptr<testsupport::ChildProcess> m_cupsd;
};

} // namespace kakanai::printer::test
