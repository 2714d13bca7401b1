// The writers' queue on "<db>-writer.lock" (see writer_lock.hpp).
#include "writer_lock.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

namespace kakanai::queue::detail {

namespace {

constexpr off_t GATE = 0;
constexpr off_t MAIN = 1;

/** One byte of the file, locked (F_WRLCK) or released (F_UNLCK); `wait` blocks. */
bool setLock(int fd, off_t byte, short type, bool wait)
{
    struct flock range = {};
    range.l_type = type;
    range.l_whence = SEEK_SET;
    range.l_start = byte;
    range.l_len = 1;
    for (;;) {
        if (::fcntl(fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &range) == 0) {
            return true;
        }
        if (errno != EINTR) {
            return false;
        }
    }
}

} // namespace

struct WriterLock::Shared
{
    int fd = -1;
    std::mutex mutex;
    std::condition_variable changed;
    bool held = false; ///< this connection holds MAIN
    bool pending = false; ///< the helper is waiting for MAIN (through the gate)
    bool wanted = false; ///< a caller waits for the pending request
    bool closing = false; ///< the connection is gone: the helper ends after its wait
    bool helper = false; ///< the helper thread exists

    ~Shared() { ::close(fd); }

    /** The helper thread: performs the blocking waits that lock() hands it. */
    static void run(std::shared_ptr<Shared> self)
    {
        std::unique_lock guard(self->mutex);
        for (;;) {
            self->changed.wait(guard, [&] { return self->pending || self->closing; });
            if (!self->pending) {
                return;
            }
            guard.unlock();
            // Errors other than EINTR (never expected on a local file) end the wait as if the
            // lock were granted: SQLite's own lock still keeps writers apart.
            setLock(self->fd, GATE, F_WRLCK, true);
            setLock(self->fd, MAIN, F_WRLCK, true);
            setLock(self->fd, GATE, F_UNLCK, false);
            guard.lock();
            self->pending = false;
            if (self->wanted && !self->closing) {
                self->held = true;
            } else {
                setLock(self->fd, MAIN, F_UNLCK, false); // the caller gave up meanwhile
            }
            self->changed.notify_all();
        }
    }
};

std::unique_ptr<WriterLock> WriterLock::open(const std::string& path, const std::string& likePath)
{
    struct stat like = {};
    const mode_t mode = ::stat(likePath.c_str(), &like) == 0 ? (like.st_mode & 0666) : 0600;
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, mode);
    if (fd < 0) {
        return nullptr;
    }
    auto shared = std::make_shared<Shared>();
    shared->fd = fd;
    return std::unique_ptr<WriterLock>(new WriterLock(std::move(shared)));
}

WriterLock::WriterLock(std::shared_ptr<Shared> shared)
    : m_shared(std::move(shared))
{
}

WriterLock::~WriterLock()
{
    unlock();
    std::lock_guard guard(m_shared->mutex);
    m_shared->closing = true;
    m_shared->changed.notify_all();
    // A helper still blocked in fcntl() keeps the state alive and ends once it gets the lock.
}

bool WriterLock::lock(std::chrono::milliseconds timeout)
{
    Shared& s = *m_shared;
    std::unique_lock guard(s.mutex);
    if (s.held) {
        return true;
    }
    if (!s.pending) {
        // Uncontended: both bytes at once, no thread involved.
        if (setLock(s.fd, GATE, F_WRLCK, false)) {
            const bool main = setLock(s.fd, MAIN, F_WRLCK, false);
            setLock(s.fd, GATE, F_UNLCK, false);
            if (main) {
                s.held = true;
                return true;
            }
        }
        if (!s.helper) {
            try {
                std::thread(&Shared::run, m_shared).detach();
            } catch (const std::system_error&) {
                return true; // no thread to wait on: SQLite's own lock keeps writers apart
            }
            s.helper = true;
        }
        s.pending = true;
        s.changed.notify_all();
    }
    s.wanted = true;
    const bool granted = s.changed.wait_for(guard, timeout, [&] { return s.held; });
    s.wanted = false;
    return granted;
}

void WriterLock::unlock() noexcept
{
    Shared& s = *m_shared;
    std::lock_guard guard(s.mutex);
    if (s.held) {
        setLock(s.fd, MAIN, F_UNLCK, false);
        s.held = false;
    }
}

} // namespace kakanai::queue::detail
