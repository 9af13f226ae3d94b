#include "central_api/image_lru.hpp"

namespace central_api {

std::shared_ptr<const std::string> ImageLru::get(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
}

void ImageLru::put(const std::string& key, std::shared_ptr<const std::string> bytes) {
    if (!bytes || bytes->size() > budget_) return;
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) {
        used_ -= it->second->second->size();
        lru_.erase(it->second);
        index_.erase(it);
    }
    used_ += bytes->size();
    lru_.emplace_front(key, std::move(bytes));
    index_[key] = lru_.begin();
    while (used_ > budget_ && !lru_.empty()) {
        used_ -= lru_.back().second->size();
        index_.erase(lru_.back().first);
        lru_.pop_back();
    }
}

std::size_t ImageLru::bytes() const {
    std::lock_guard lock(mutex_);
    return used_;
}

}  // namespace central_api
