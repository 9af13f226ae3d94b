// The image disk cache against a loopback image server that counts its answers: served from
// disk while fresh, revalidated by ETag (304), evicted by LRU under the byte budget, one
// download for concurrent loads, the old copy when the network is down.
#include "catalog_client/image_cache.hpp"
#include "harness.hpp"

#include <httplib.h>

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <thread>

using namespace catalog_client;

namespace {
struct ImageServer {
    httplib::Server http;
    std::atomic<int> full{0}, not_modified{0};
    std::mutex m;
    std::condition_variable cv;
    bool gate_open = true;
    int port = 0;
    std::thread thread;
    ImageServer() {
        http.Get(R"(/img/(\d+)\.jpg)", [this](const httplib::Request& req, httplib::Response& res) {
            {
                std::unique_lock lock(m);
                cv.wait_for(lock, std::chrono::seconds(30), [&] { return gate_open; });
            }
            std::string n = req.matches[1];
            std::string etag = "\"v" + n + "\"";
            if (req.get_header_value("If-None-Match") == etag) {
                ++not_modified;
                res.status = 304;
                return;
            }
            ++full;
            res.set_header("ETag", etag);
            res.set_content(std::string(100 * 1024, static_cast<char>('a' + std::stoi(n) % 26)), "image/jpeg");
        });
        port = http.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { http.listen_after_bind(); });
    }
    void open(bool value) {
        {
            std::lock_guard lock(m);
            gate_open = value;
        }
        cv.notify_all();
    }
    ~ImageServer() {
        open(true);
        http.stop();
        thread.join();
    }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port); }
};
}  // namespace

TEST_CASE("fresh images come from disk, stale ones are revalidated, the budget holds") {
    ImageServer server;
    testing::TempDir dir;
    Transport t(TransportOptions{});
    CommerceApi api(t, server.base());
    std::int64_t now = 1'000'000;
    ImageCacheOptions options;
    options.budget_bytes = 250 * 1024;
    options.revalidate_after = std::chrono::seconds(3600);
    options.clock = [&] { return now; };
    ImageCache cache(dir.path, api, options);

    auto first = cache.load("/img/1.jpg");
    REQUIRE(first.ok());
    CHECK(first.value().size() == 100 * 1024);
    CHECK(cache.load("/img/1.jpg").ok());
    CHECK(server.full == 1);  // the second load came from disk

    now += 7200;
    auto again = cache.load("/img/1.jpg");
    REQUIRE(again.ok());
    CHECK(again.value() == first.value());
    CHECK(server.not_modified == 1);
    CHECK(server.full == 1);

    for (int i = 2; i <= 5; ++i) {
        ++now;
        REQUIRE(cache.load("/img/" + std::to_string(i) + ".jpg").ok());
    }
    CHECK(cache.bytes_on_disk() <= 250 * 1024);
    int before = server.full;
    CHECK(cache.load("/img/5.jpg").ok());  // the most recent stayed
    CHECK(server.full == before);
    CHECK(cache.load("/img/1.jpg").ok());  // the oldest was evicted: downloaded again
    CHECK(server.full == before + 1);
}

TEST_CASE("concurrent loads of one image share one download; offline serves the old copy") {
    ImageServer server;
    testing::TempDir dir;
    Transport t(TransportOptions{});
    CommerceApi api(t, server.base());
    std::int64_t now = 1'000'000;
    ImageCacheOptions options;
    options.clock = [&] { return now; };
    ImageCache cache(dir.path, api, options);

    server.open(false);
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            if (cache.load("/img/7.jpg").ok()) ++ok;
        });
    // Wait (bounded) until the 7 followers have joined the leader's download.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (cache.waiting("/img/7.jpg") < 7 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    CHECK(cache.waiting("/img/7.jpg") == 7);
    server.open(true);
    for (auto& th : threads) th.join();
    CHECK(ok == 8);
    CHECK(server.full == 1);

    // The server goes away; a stale copy is still shown, a missing one is an error.
    server.http.stop();
    now += 10 * 86400;
    auto old = cache.load("/img/7.jpg");
    REQUIRE(old.ok());
    CHECK(old.value().size() == 100 * 1024);
    CHECK_FALSE(cache.load("/img/8.jpg").ok());
}
