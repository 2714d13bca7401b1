// ChangeWatcher: PRAGMA data_version on a timer (SQLite) or LISTEN/NOTIFY (PostgreSQL); see
// watcher.hpp.
#include "kakanai/queue/watcher.hpp"

#include "db.hpp"
#include "pg_listen.hpp"
#include "queue_exception.hpp"

#include <optional>
#include <thread>

namespace kakanai::queue {

using namespace detail;

struct ChangeWatcher::Impl
{
    std::unique_ptr<PgListener> listener; ///< PostgreSQL
    std::optional<Db> db; ///< SQLite
    std::chrono::milliseconds interval;
    std::int64_t lastVersion = 0;

    std::int64_t version()
    {
        try {
            return db->queryInt("PRAGMA data_version", lastVersion);
        } catch (const QueueException&) {
            return lastVersion;
        }
    }
};

Result<ChangeWatcher, QueueError> ChangeWatcher::open(
    const std::filesystem::path& path, std::chrono::milliseconds interval)
{
    return guard([&] {
        const std::string location = path.string();
        if (isPostgresLocation(location)) {
            return ChangeWatcher(std::unique_ptr<Impl>(
                new Impl { std::make_unique<PgListener>(location), std::nullopt, interval, 0 }));
        }
        auto impl
            = std::unique_ptr<Impl>(new Impl { nullptr, Db(location, false, 1000), interval, 0 });
        impl->lastVersion = impl->db->queryInt("PRAGMA data_version");
        return ChangeWatcher(std::move(impl));
    });
}

ChangeWatcher::ChangeWatcher(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}
ChangeWatcher::ChangeWatcher(ChangeWatcher&&) noexcept = default;
ChangeWatcher& ChangeWatcher::operator=(ChangeWatcher&&) noexcept = default;
ChangeWatcher::~ChangeWatcher() = default;

bool ChangeWatcher::waitForChange(std::chrono::milliseconds timeout)
{
    if (m_impl->listener) {
        return m_impl->listener->wait(timeout);
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const std::int64_t version = m_impl->version();
        if (version != m_impl->lastVersion) {
            m_impl->lastVersion = version;
            return true;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(m_impl->interval, deadline - now));
    }
}

} // namespace kakanai::queue
