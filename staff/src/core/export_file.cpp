// StaffConsole::exportToFolder: the export for the resident-records system as a new file (see
// console.hpp). The file holds personal data: it is created 0600 with O_EXCL under a temporary
// name, written without a user-space buffer (nothing but the queue's zeroing buffer holds the
// text), fsynced, then linked to its final name (never replacing a file) and the folder fsynced.
#include "state.hpp"

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <streambuf>
#include <sys/stat.h>
#include <unistd.h>

namespace kakanai::staff {

using namespace detail;

namespace {

/** An unbuffered streambuf over a file descriptor; remembers a failed write. */
class FdBuf : public std::streambuf
{
public:
    explicit FdBuf(int fd)
        : m_fd(fd)
    {
    }
    bool failed() const { return m_failed; }

protected:
    std::streamsize xsputn(const char* data, std::streamsize size) override
    {
        std::streamsize done = 0;
        while (done < size) {
            const ssize_t n = ::write(m_fd, data + done, static_cast<std::size_t>(size - done));
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                m_failed = true;
                return done;
            }
            done += n;
        }
        return done;
    }
    int_type overflow(int_type c) override
    {
        if (traits_type::eq_int_type(c, traits_type::eof())) {
            return traits_type::not_eof(c);
        }
        const char byte = traits_type::to_char_type(c);
        return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
    }

private:
    int m_fd;
    bool m_failed = false;
};

/** kakanai-export-YYYYMMDD-HHMMSS in local time at the offset. */
std::string baseName(std::int64_t nowMs, int utcOffsetMinutes)
{
    const std::time_t local
        = static_cast<std::time_t>(nowMs / 1000) + std::time_t { utcOffsetMinutes } * 60;
    std::tm parts {};
    ::gmtime_r(&local, &parts);
    char text[40];
    std::strftime(text, sizeof text, "kakanai-export-%Y%m%d-%H%M%S", &parts);
    return text;
}

void syncFolder(const std::filesystem::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

} // namespace

ConsoleResult<ExportFile> StaffConsole::exportToFolder(
    const std::filesystem::path& folder, const std::string& sinceDay, queue::ExportFormat format)
{
    State& state = *m_state;
    if (auto ok = needSession(state); !ok) {
        return ok.failure();
    }
    if (!canExport()) {
        return fail(consoleError("forbidden"));
    }
    const std::int64_t sinceMs = sinceDay.size() == 10
        ? queue::parseLocalTime(sinceDay, state.options.utcOffsetMinutes)
        : -1;
    if (sinceMs < 0) {
        return fail(consoleError("bad-day"));
    }
    std::error_code error;
    if (folder.empty() || !std::filesystem::is_directory(folder, error)) {
        return fail(consoleError("export-folder"));
    }
    const std::string extension = format == queue::ExportFormat::Jsonl ? ".jsonl" : ".csv";
    const std::string base = baseName(state.clock->nowMs(), state.options.utcOffsetMinutes);
    const std::filesystem::path partial = folder / ("." + base + extension + ".part");
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fail(consoleError("export-folder"));
    }
    FdBuf buffer(fd);
    std::ostream out(&buffer);
    auto written = exportSince(sinceMs, format, out);
    const bool complete = written && !buffer.failed() && out.good() && ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!written) {
        ::unlink(partial.c_str()); // nothing was marked exported
        return fail(written.error());
    }
    if (!complete || !closed) {
        ::unlink(partial.c_str());
        return fail(consoleError("export-write"));
    }
    ExportFile result;
    result.count = *written;
    if (result.count == 0) {
        ::unlink(partial.c_str());
        return result;
    }
    for (int n = 1; n < 100 && result.file.empty(); ++n) {
        const std::filesystem::path target
            = folder / (n == 1 ? base + extension : base + "-" + std::to_string(n) + extension);
        if (::link(partial.c_str(), target.c_str()) == 0) {
            result.file = target;
        } else if (errno != EEXIST) {
            break;
        }
    }
    ::unlink(partial.c_str());
    if (result.file.empty()) {
        return fail(consoleError("export-write"));
    }
    syncFolder(folder);
    return result;
}

} // namespace kakanai::staff
