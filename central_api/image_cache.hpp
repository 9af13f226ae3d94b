#pragma once
// A bounded in-memory LRU of rendered images (key -> bytes), shared by the server's threads.
// Thread-safe. Entries larger than the whole budget are not kept.

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace central_api {

class ImageCache {
public:
    explicit ImageCache(std::size_t budget_bytes) : budget_(budget_bytes) {}
    std::shared_ptr<const std::string> get(const std::string& key);
    void put(const std::string& key, std::shared_ptr<const std::string> bytes);
    std::size_t bytes() const;

private:
    using Entry = std::pair<std::string, std::shared_ptr<const std::string>>;
    std::size_t budget_;
    std::size_t used_ = 0;
    mutable std::mutex mutex_;
    std::list<Entry> lru_;  // most recent first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace central_api
