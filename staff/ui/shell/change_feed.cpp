// The change feed's worker thread (see change_feed.hpp).
#include "change_feed.hpp"

#include "kakanai/queue/watcher.hpp"

namespace kakanai::staff::ui {

Result<std::unique_ptr<ChangeFeed>, std::string> ChangeFeed::start(
    const std::filesystem::path& db, std::function<void()> wake)
{
    auto watcher = queue::ChangeWatcher::open(db, std::chrono::milliseconds(50));
    if (!watcher) {
        return fail(watcher.error().message);
    }
    auto feed = std::unique_ptr<ChangeFeed>(new ChangeFeed());
    ChangeFeed* self = feed.get();
    feed->m_thread
        = std::thread([self, wake = std::move(wake),
                          w = std::make_shared<queue::ChangeWatcher>(std::move(*watcher))]() {
              while (!self->m_stop.load()) {
                  if (w->waitForChange(std::chrono::milliseconds(250))) {
                      self->m_changed.store(true);
                      wake();
                  }
              }
          });
    return feed;
}

ChangeFeed::~ChangeFeed()
{
    m_stop.store(true);
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

} // namespace kakanai::staff::ui
