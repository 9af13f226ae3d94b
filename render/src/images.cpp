#include "render/images.hpp"

#include <algorithm>

namespace render {

ImagePipeline::ImagePipeline(TextureBackend& backend, ImagePipelineConfig cfg, ImageLoader loader,
                             std::function<void()> wake)
    : backend_(backend), cfg_(cfg), loader_(std::move(loader)), wake_(std::move(wake)) {
    int n = cfg_.workers;
    if (n <= 0) n = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1);
    for (int i = 0; i < n; ++i) threads_.emplace_back([this] { worker(); });
}

ImagePipeline::~ImagePipeline() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
    for (auto& [key, e] : entries_)
        if (e.texture) backend_.destroy(e.texture);
}

void ImagePipeline::worker() {
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(mu_);
            cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
            if (stop_) return;
            job = std::move(jobs_.back());  // newest first: what the shopper looks at now
            jobs_.pop_back();
        }
        Result r;
        r.key = job.key;
        const std::uint64_t now = frame_shared_.load(std::memory_order_relaxed);
        if (job.wanted->load(std::memory_order_relaxed) +
                static_cast<std::uint64_t>(cfg_.keep_frames) <
            now) {
            r.dropped = true;  // scrolled past before we got to it
        } else {
            std::vector<std::uint8_t> bytes;
            std::string error;
            if (!loader_ || !loader_(job.source, bytes, error)) {
                r.image.error = error.empty() ? "cannot read " + job.source : error;
            } else {
                r.image = decode_image(bytes.data(), bytes.size(), job.max_w, job.max_h);
            }
        }
        {
            std::lock_guard<std::mutex> lock(mu_);
            results_.push_back(std::move(r));
        }
        if (wake_) wake_();
    }
}

ImageHandle ImagePipeline::request(const std::string& source, int max_w, int max_h) {
    const int b = std::max(1, cfg_.size_bucket);
    const int bw = max_w > 0 ? (max_w + b - 1) / b * b : 0;
    const int bh = max_h > 0 ? (max_h + b - 1) / b * b : 0;
    std::string key = source;
    key += '@';
    key += std::to_string(bw);
    key += 'x';
    key += std::to_string(bh);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
        Entry e;
        e.wanted = std::make_shared<std::atomic<std::uint64_t>>(frame_);
        e.last_used = frame_;
        Job job{key, source, bw, bh, e.wanted};
        entries_.emplace(key, std::move(e));
        ++in_flight_;
        {
            std::lock_guard<std::mutex> lock(mu_);
            jobs_.push_back(std::move(job));
        }
        cv_.notify_one();
        return {};
    }
    Entry& e = it->second;
    e.last_used = frame_;
    if (e.wanted) e.wanted->store(frame_, std::memory_order_relaxed);
    switch (e.state) {
        case State::Ready:
            if (e.in_lru) lru_.splice(lru_.begin(), lru_, e.lru);
            return {ImageStatus::Ready, e.texture, e.width, e.height};
        case State::Failed:
            return {ImageStatus::Failed, nullptr, 0, 0};
        default:
            return {};
    }
}

void ImagePipeline::drop(const std::string& key) {
    auto it = entries_.find(key);
    if (it == entries_.end()) return;
    if (it->second.texture) {
        backend_.destroy(it->second.texture);
        stats_.gpu_bytes -= it->second.bytes;
    }
    if (it->second.in_lru) lru_.erase(it->second.lru);
    entries_.erase(it);
}

bool ImagePipeline::make_room(std::size_t bytes) {
    if (bytes > cfg_.gpu_budget_bytes) return false;
    while (stats_.gpu_bytes + bytes > cfg_.gpu_budget_bytes && !lru_.empty()) {
        const std::string victim = lru_.back();
        auto it = entries_.find(victim);
        if (it != entries_.end() && it->second.last_used >= frame_) return false;  // in use now
        drop(victim);
        ++stats_.evictions;
    }
    return stats_.gpu_bytes + bytes <= cfg_.gpu_budget_bytes;
}

void ImagePipeline::pump() {
    std::vector<Result> results;
    {
        std::lock_guard<std::mutex> lock(mu_);
        results.swap(results_);
    }
    for (Result& r : results) {
        --in_flight_;
        auto it = entries_.find(r.key);
        if (it == entries_.end()) continue;
        Entry& e = it->second;
        if (r.dropped) {
            ++stats_.dropped;
            entries_.erase(it);  // a later request queues it again
            continue;
        }
        if (!r.image.ok) {
            ++stats_.failed;
            e.state = State::Failed;
            continue;
        }
        ++stats_.decoded;
        e.state = State::Decoded;
        e.pixels = std::move(r.image);
        upload_queue_.push_back(r.key);
    }

    // Uploads under the per-frame budget; decoded images nobody wants any more are dropped.
    stats_.uploads_last_frame = stats_.upload_bytes_last_frame = 0;
    std::deque<std::string> deferred;
    while (!upload_queue_.empty()) {
        const std::string key = upload_queue_.front();
        upload_queue_.pop_front();
        auto it = entries_.find(key);
        if (it == entries_.end() || it->second.state != State::Decoded) continue;
        Entry& e = it->second;
        if (e.last_used + static_cast<std::uint64_t>(cfg_.keep_frames) < frame_) {
            ++stats_.dropped;
            entries_.erase(it);
            continue;
        }
        const std::size_t bytes = e.pixels.rgba.size();
        const bool over_frame =
            stats_.uploads_last_frame >= static_cast<std::uint64_t>(cfg_.uploads_per_frame) ||
            (stats_.uploads_last_frame > 0 &&
             stats_.upload_bytes_last_frame + bytes > cfg_.upload_bytes_per_frame);
        if (over_frame) {
            deferred.push_back(key);
            continue;
        }
        if (bytes > cfg_.gpu_budget_bytes) {
            e.state = State::Failed;
            e.pixels = {};
            ++stats_.failed;
            continue;
        }
        if (!make_room(bytes)) {
            deferred.push_back(key);  // the budget is full of images in view: wait
            continue;
        }
        e.texture = backend_.create(e.pixels.rgba.data(), e.pixels.width, e.pixels.height);
        e.width = e.pixels.width;
        e.height = e.pixels.height;
        e.bytes = bytes;
        e.pixels = {};
        e.state = State::Ready;
        e.wanted.reset();
        lru_.push_front(key);
        e.lru = lru_.begin();
        e.in_lru = true;
        stats_.gpu_bytes += bytes;
        ++stats_.uploads;
        ++stats_.uploads_last_frame;
        stats_.upload_bytes_last_frame += bytes;
    }
    upload_queue_.swap(deferred);
    ++frame_;
    frame_shared_.store(frame_, std::memory_order_relaxed);
}

bool ImagePipeline::busy() const {
    return in_flight_ > 0 || !upload_queue_.empty();
}

ImageStats ImagePipeline::stats() const {
    ImageStats s = stats_;
    s.textures = lru_.size();
    s.queued = in_flight_;
    s.waiting_upload = upload_queue_.size();
    return s;
}

}  // namespace render
