#pragma once
// The asynchronous image pipeline: JPEG and PNG bytes are read and decoded on worker threads
// (stb_image), downscaled at decode to the size they are shown at (never upscaled), and turned
// into textures on the UI thread under a per-frame upload budget, kept in an LRU cache bounded in
// bytes. While an image is on its way the caller gets `Loading` and draws a placeholder; no frame
// ever waits on I/O or decoding. Requests not renewed for a few frames are dropped before they
// are decoded (the shopper scrolled past).
//
// Thread rules: `request`, `pump`, `stats` and the destructor on the UI thread (the one owning
// the GL context through the TextureBackend). Workers only read bytes (the loader must be thread
// safe), decode, and post results under a mutex; `wake` is called from workers.
// Errors: a source that cannot be read or decoded becomes `Failed` with a message; nothing
// throws across threads.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <imgui.h>

namespace render {

// Creates and destroys textures from RGBA8 pixels (GL in the app, a fake in tests).
class TextureBackend {
  public:
    virtual ~TextureBackend() = default;
    virtual ImTextureID create(const std::uint8_t* rgba, int width, int height) = 0;
    virtual void destroy(ImTextureID texture) = 0;
};

// Reads the encoded bytes of `source` (a file path by default). Called on worker threads.
using ImageLoader = std::function<bool(const std::string& source, std::vector<std::uint8_t>& bytes,
                                       std::string& error)>;
bool load_file(const std::string& path, std::vector<std::uint8_t>& bytes, std::string& error);

struct DecodedImage {
    bool ok = false;
    std::string error;
    int width = 0, height = 0;  // after downscaling
    int source_width = 0, source_height = 0;
    std::vector<std::uint8_t> rgba;
};
// Decodes JPEG/PNG `bytes` and fits the result inside max_w x max_h keeping the aspect ratio
// (0 = no limit on that side). Pure; any thread. Refuses images above `max_pixels`.
DecodedImage decode_image(const std::uint8_t* bytes, std::size_t size, int max_w, int max_h,
                          std::int64_t max_pixels = 40'000'000);

struct ImagePipelineConfig {
    int workers = 0;                                // 0: cores - 1 (at least 1)
    std::size_t gpu_budget_bytes = 192u << 20;      // textures kept in the LRU
    std::size_t upload_bytes_per_frame = 6u << 20;  // at least one upload per frame anyway
    int uploads_per_frame = 4;
    int keep_frames = 3;   // a request not renewed for this many frames is dropped
    int size_bucket = 32;  // requested sizes are rounded up to a multiple (cache sharing)
};

enum class ImageStatus { Loading, Ready, Failed };

struct ImageHandle {
    ImageStatus status = ImageStatus::Loading;
    ImTextureID texture = nullptr;
    int width = 0, height = 0;  // texture pixels when Ready
};

struct ImageStats {
    std::size_t gpu_bytes = 0;
    std::size_t textures = 0;
    std::size_t queued = 0;          // waiting for a worker or being decoded
    std::size_t waiting_upload = 0;  // decoded, not uploaded yet
    std::uint64_t uploads = 0, upload_bytes_last_frame = 0, uploads_last_frame = 0;
    std::uint64_t evictions = 0, decoded = 0, failed = 0, dropped = 0;
};

class ImagePipeline {
  public:
    ImagePipeline(TextureBackend& backend, ImagePipelineConfig cfg = {},
                  ImageLoader loader = load_file, std::function<void()> wake = {});
    ~ImagePipeline();
    ImagePipeline(const ImagePipeline&) = delete;
    ImagePipeline& operator=(const ImagePipeline&) = delete;

    // The image `source` fitted in max_w x max_h: ready, loading (queued now if new) or failed.
    // Call every frame the image is visible: that is what keeps it wanted and in the cache.
    ImageHandle request(const std::string& source, int max_w, int max_h);
    // Once per frame on the UI thread: takes decoded results, uploads under the budget, evicts.
    void pump();
    // Work is queued or waiting for upload: keep drawing frames (or wait for `wake`).
    bool busy() const;
    ImageStats stats() const;
    const ImagePipelineConfig& config() const { return cfg_; }

  private:
    enum class State { Queued, Decoded, Ready, Failed };
    struct Entry {
        State state = State::Queued;
        ImTextureID texture = nullptr;
        int width = 0, height = 0;
        std::size_t bytes = 0;
        std::uint64_t last_used = 0;
        std::shared_ptr<std::atomic<std::uint64_t>> wanted;  // frame of the last request
        DecodedImage pixels;                                 // Decoded: waiting for upload
        std::list<std::string>::iterator lru;
        bool in_lru = false;
    };
    struct Job {
        std::string key, source;
        int max_w = 0, max_h = 0;
        std::shared_ptr<std::atomic<std::uint64_t>> wanted;
    };
    struct Result {
        std::string key;
        DecodedImage image;
        bool dropped = false;
    };

    void worker();
    bool make_room(std::size_t bytes);
    void drop(const std::string& key);

    TextureBackend& backend_;
    ImagePipelineConfig cfg_;
    ImageLoader loader_;
    std::function<void()> wake_;
    std::unordered_map<std::string, Entry> entries_;
    std::list<std::string> lru_;            // front: most recently used textures
    std::deque<std::string> upload_queue_;  // keys in Decoded state
    std::uint64_t frame_ = 1;
    ImageStats stats_;
    std::size_t in_flight_ = 0;  // jobs queued or decoding (UI-side count)

    std::atomic<std::uint64_t> frame_shared_{1};
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::deque<Job> jobs_;
    std::vector<Result> results_;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace render
