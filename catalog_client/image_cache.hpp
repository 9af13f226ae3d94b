#pragma once
// Product images on disk: DIR/images/<hash>.img with an SQLite index. Bounded by a byte budget
// with least-recently-used eviction; an entry older than `revalidate_after` is revalidated with
// its ETag (If-None-Match -> 304 keeps the file); when the network fails, a cached copy is
// served however old. Concurrent loads of one URL share one download.
//
// Threads: load() blocks on disk and network, so call it from image worker threads, never from
// the UI thread. Every method is thread-safe.

#include "catalog_client/api.hpp"
#include "catalog_client/sqlite.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace catalog_client {

struct ImageCacheOptions {
    std::size_t budget_bytes = 512u * 1024 * 1024;
    std::chrono::seconds revalidate_after{24 * 3600};
    std::size_t max_image_bytes = 16u * 1024 * 1024;
    std::function<std::int64_t()> clock;  // unix seconds; injectable for tests
};

class ImageCache {
public:
    // Opens (or creates) DIR/images. Throws std::runtime_error when it cannot.
    ImageCache(const std::string& dir, CommerceApi& api, ImageCacheOptions options = {});
    ~ImageCache();

    // The image bytes for `url` (absolute, or relative to the API base).
    Result<std::string> load(const std::string& url);
    std::size_t bytes_on_disk();
    // How many callers wait on the download of `url` now (diagnostics and tests).
    int waiting(const std::string& url);

private:
    struct Flight {
        bool done = false;
        Result<std::string> result{Error{}};
        int waiters = 0;
    };
    Result<std::string> fetch(const std::string& absolute);
    void evict();

    std::string dir_;
    CommerceApi& api_;
    ImageCacheOptions options_;
    std::mutex db_mutex_;
    std::unique_ptr<Db> db_;
    std::mutex flights_mutex_;
    std::condition_variable flights_done_;
    std::map<std::string, std::shared_ptr<Flight>> flights_;
};

}  // namespace catalog_client
