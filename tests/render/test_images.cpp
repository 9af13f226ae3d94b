// The async image pipeline: decode + downscale, budgets, eviction, placeholders. No GL: a fake
// texture backend counts what would be uploaded. Waits on the pipeline's wake callback (a
// condition variable), never on sleeps.
#include <doctest/doctest.h>

#include <stb_image_write.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <thread>

#include "render/images.hpp"

using namespace render;

namespace {

void append(void* ctx, void* data, int size) {
    auto* v = static_cast<std::vector<std::uint8_t>*>(ctx);
    v->insert(v->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
}

std::vector<std::uint8_t> make_image(int w, int h, bool jpeg) {
    std::vector<std::uint8_t> px(static_cast<size_t>(w) * h * 3);
    for (size_t i = 0; i < px.size(); ++i) px[i] = static_cast<std::uint8_t>(i * 7);
    std::vector<std::uint8_t> out;
    if (jpeg)
        stbi_write_jpg_to_func(append, &out, w, h, 3, px.data(), 85);
    else
        stbi_write_png_to_func(append, &out, w, h, 3, px.data(), w * 3);
    return out;
}

struct FakeBackend : TextureBackend {
    std::size_t live = 0, created = 0;
    std::thread::id thread;
    std::uintptr_t next = 1;
    ImTextureID create(const std::uint8_t*, int, int) override {
        ++live;
        ++created;
        thread = std::this_thread::get_id();
        return reinterpret_cast<ImTextureID>(next++);
    }
    void destroy(ImTextureID) override { --live; }
};

// Images served from memory; records which threads read them.
struct Store {
    std::map<std::string, std::vector<std::uint8_t>> files;
    std::mutex mu;
    std::set<std::thread::id> readers;
    ImageLoader loader() {
        return [this](const std::string& src, std::vector<std::uint8_t>& bytes, std::string& err) {
            {
                std::lock_guard<std::mutex> lock(mu);
                readers.insert(std::this_thread::get_id());
            }
            auto it = files.find(src);
            if (it == files.end()) {
                err = "missing " + src;
                return false;
            }
            bytes = it->second;
            return true;
        };
    }
};

// Counts wake-ups from workers so the test can block until results arrive.
struct Waiter {
    std::mutex mu;
    std::condition_variable cv;
    int wakes = 0;
    std::function<void()> fn() {
        return [this] {
            std::lock_guard<std::mutex> lock(mu);
            ++wakes;
            cv.notify_all();
        };
    }
    // Blocks until at least `n` wake-ups happened (the timeout is a safety net, not a bar).
    bool wait_for(int n) {
        std::unique_lock<std::mutex> lock(mu);
        return cv.wait_for(lock, std::chrono::seconds(60), [&] { return wakes >= n; });
    }
};

}  // namespace

TEST_CASE("decode_image downscales to the shown size and never upscales") {
    const auto png = make_image(400, 200, false);
    DecodedImage d = decode_image(png.data(), png.size(), 100, 100);
    REQUIRE(d.ok);
    CHECK(d.width == 100);
    CHECK(d.height == 50);
    CHECK(d.source_width == 400);
    CHECK(d.rgba.size() == 100u * 50u * 4u);
    d = decode_image(png.data(), png.size(), 1000, 1000);
    CHECK(d.width == 400);
    CHECK(d.height == 200);
    const auto jpg = make_image(300, 600, true);
    d = decode_image(jpg.data(), jpg.size(), 0, 120);
    REQUIRE(d.ok);
    CHECK(d.height == 120);
    CHECK(d.width == 60);
}

TEST_CASE("a large JPEG is decoded at a reduced DCT scale, then fitted exactly") {
    const auto jpg = make_image(1600, 1200, true);
    const DecodedImage d = decode_image(jpg.data(), jpg.size(), 100, 100);
    REQUIRE(d.ok);
    CHECK(d.source_width == 1600);
    CHECK(d.source_height == 1200);
    CHECK(d.width == 100);
    CHECK(d.height == 75);
    // A truncated JPEG is an error, not a crash and not a half-grey picture: cut in its headers,
    // and cut half-way through its image data.
    for (const std::size_t cut : {std::size_t(200), jpg.size() / 2, jpg.size() - 40}) {
        CAPTURE(cut);
        const DecodedImage bad = decode_image(jpg.data(), cut, 100, 100);
        CHECK_FALSE(bad.ok);
        CHECK_FALSE(bad.error.empty());
        CHECK(bad.rgba.empty());
    }
}

TEST_CASE("decode_image refuses garbage and oversized pictures with a message") {
    const std::uint8_t junk[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    DecodedImage d = decode_image(junk, sizeof junk, 10, 10);
    CHECK_FALSE(d.ok);
    CHECK_FALSE(d.error.empty());
    const auto png = make_image(400, 200, false);
    d = decode_image(png.data(), png.size(), 10, 10, 1000);
    CHECK_FALSE(d.ok);
    CHECK(d.error.find("too large") != std::string::npos);
}

TEST_CASE("images load off the UI thread, show a placeholder meanwhile, then are ready") {
    Store store;
    store.files["a.png"] = make_image(640, 480, false);
    store.files["b.jpg"] = make_image(480, 640, true);
    FakeBackend backend;
    Waiter waiter;
    ImagePipelineConfig cfg;
    cfg.workers = 2;
    ImagePipeline p(backend, cfg, store.loader(), waiter.fn());
    CHECK(p.request("a.png", 160, 160).status == ImageStatus::Loading);
    CHECK(p.request("b.jpg", 160, 160).status == ImageStatus::Loading);
    CHECK(p.request("missing.png", 160, 160).status == ImageStatus::Loading);
    CHECK(p.busy());
    REQUIRE(waiter.wait_for(3));
    p.request("a.png", 160, 160);
    p.request("b.jpg", 160, 160);
    p.pump();
    const ImageHandle a = p.request("a.png", 160, 160);
    const ImageHandle b = p.request("b.jpg", 160, 160);
    REQUIRE(a.status == ImageStatus::Ready);
    REQUIRE(b.status == ImageStatus::Ready);
    CHECK(a.width == 160);
    CHECK(a.height == 120);
    CHECK(b.width == 120);
    CHECK(b.height == 160);
    CHECK(p.request("missing.png", 160, 160).status == ImageStatus::Failed);
    CHECK(backend.thread == std::this_thread::get_id());          // textures on the UI thread
    CHECK(store.readers.count(std::this_thread::get_id()) == 0);  // no I/O on the UI thread
    CHECK_FALSE(p.busy());
    const ImageStats s = p.stats();
    CHECK(s.textures == 2);
    CHECK(s.gpu_bytes == (160u * 120u + 120u * 160u) * 4u);
    CHECK(s.failed == 1);
}

TEST_CASE("uploads per frame stay under the frame budget") {
    Store store;
    for (int i = 0; i < 6; ++i) store.files["img" + std::to_string(i)] = make_image(64, 64, false);
    FakeBackend backend;
    Waiter waiter;
    ImagePipelineConfig cfg;
    cfg.workers = 2;
    cfg.uploads_per_frame = 2;
    ImagePipeline p(backend, cfg, store.loader(), waiter.fn());
    for (int i = 0; i < 6; ++i) p.request("img" + std::to_string(i), 64, 64);
    REQUIRE(waiter.wait_for(6));
    int frames = 0;
    while (p.busy() && frames < 10) {
        for (int i = 0; i < 6; ++i) p.request("img" + std::to_string(i), 64, 64);
        p.pump();
        CHECK(p.stats().uploads_last_frame <= 2);
        ++frames;
    }
    CHECK(frames == 3);
    CHECK(backend.live == 6);
}

TEST_CASE("the GPU byte budget is honoured by evicting the least recently used images") {
    Store store;
    for (int i = 0; i < 8; ++i) store.files["p" + std::to_string(i)] = make_image(64, 64, false);
    FakeBackend backend;
    Waiter waiter;
    ImagePipelineConfig cfg;
    cfg.workers = 1;
    cfg.gpu_budget_bytes = 3 * 64 * 64 * 4;  // three pictures
    ImagePipeline p(backend, cfg, store.loader(), waiter.fn());
    int wakes = 0;
    // Show the pictures one at a time, like scrolling through a list.
    for (int i = 0; i < 8; ++i) {
        const std::string src = "p" + std::to_string(i);
        p.request(src, 64, 64);
        REQUIRE(waiter.wait_for(++wakes));
        p.request(src, 64, 64);
        p.pump();
        CHECK(p.request(src, 64, 64).status == ImageStatus::Ready);
        CHECK(p.stats().gpu_bytes <= cfg.gpu_budget_bytes);
        CHECK(backend.live <= 3);
    }
    const ImageStats s = p.stats();
    CHECK(s.evictions == 5);
    CHECK(s.textures == 3);
    // The most recent ones survived; the first one was evicted and loads again.
    CHECK(p.request("p7", 64, 64).status == ImageStatus::Ready);
    CHECK(p.request("p0", 64, 64).status == ImageStatus::Loading);
}

TEST_CASE("images in view are never evicted; newcomers wait instead") {
    Store store;
    for (int i = 0; i < 3; ++i) store.files["v" + std::to_string(i)] = make_image(64, 64, false);
    FakeBackend backend;
    Waiter waiter;
    ImagePipelineConfig cfg;
    cfg.workers = 1;
    cfg.gpu_budget_bytes = 2 * 64 * 64 * 4;
    ImagePipeline p(backend, cfg, store.loader(), waiter.fn());
    for (int i = 0; i < 3; ++i) p.request("v" + std::to_string(i), 64, 64);
    REQUIRE(waiter.wait_for(3));
    for (int f = 0; f < 3; ++f) {
        for (int i = 0; i < 3; ++i) p.request("v" + std::to_string(i), 64, 64);
        p.pump();
        CHECK(p.stats().gpu_bytes <= cfg.gpu_budget_bytes);
    }
    CHECK(backend.live == 2);
    CHECK(p.stats().waiting_upload == 1);
    CHECK(p.stats().evictions == 0);
}

TEST_CASE("a picture scrolled past before it was shown is dropped, and can come back") {
    Store store;
    store.files["x"] = make_image(64, 64, false);
    store.files["gate"] = make_image(8, 8, false);
    // The single worker is held on "gate" until the test opens it.
    std::mutex gate_mu;
    std::condition_variable gate_cv;
    bool open = false, entered = false;
    ImageLoader base = store.loader();
    ImageLoader gated = [&](const std::string& src, std::vector<std::uint8_t>& b, std::string& e) {
        if (src == "gate") {
            std::unique_lock<std::mutex> lock(gate_mu);
            entered = true;
            gate_cv.notify_all();
            gate_cv.wait(lock, [&] { return open; });
        }
        return base(src, b, e);
    };
    FakeBackend backend;
    Waiter waiter;
    ImagePipelineConfig cfg;
    cfg.workers = 1;
    cfg.keep_frames = 2;
    ImagePipeline p(backend, cfg, gated, waiter.fn());
    p.request("gate", 8, 8);
    {
        std::unique_lock<std::mutex> lock(gate_mu);
        gate_cv.wait(lock, [&] { return entered; });
    }
    p.request("x", 64, 64);
    for (int f = 0; f < 5; ++f) p.pump();  // nobody asks for either any more
    {
        std::lock_guard<std::mutex> lock(gate_mu);
        open = true;
    }
    gate_cv.notify_all();
    REQUIRE(waiter.wait_for(2));
    p.pump();
    CHECK_FALSE(p.busy());
    CHECK(backend.created == 0);
    CHECK(p.stats().dropped == 2);  // "x" before decoding, "gate" before upload
    CHECK(p.request("x", 64, 64).status == ImageStatus::Loading);
}
