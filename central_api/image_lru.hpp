#pragma once
// The server's bounded in-memory LRU of image bytes (key -> JPEG), shared by its threads: a
// picture the image source made once is served from here until it is evicted.
// Thread-safe. Entries larger than the whole budget are not kept.

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace central_api {

class ImageLru {
public:
    explicit ImageLru(std::size_t budget_bytes) : budget_(budget_bytes) {}
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
