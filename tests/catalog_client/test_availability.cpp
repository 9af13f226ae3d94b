// Live stock through the cache: known after a fetch, refreshed when stale, Unknown (never "in
// stock") when the API fails or the data is too old.
#include "availability_cache.hpp"
#include "harness.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace catalog_client;

namespace {
// Counts on_update calls and lets the test wait for them (bounded, no sleeps).
struct Updates {
    std::mutex m;
    std::condition_variable cv;
    int n = 0;
    std::function<void()> callback() {
        return [this] {
            std::lock_guard lock(m);
            ++n;
            cv.notify_all();
        };
    }
    bool wait_for(int count) {
        std::unique_lock lock(m);
        return cv.wait_for(lock, std::chrono::seconds(30), [&] { return n >= count; });
    }
};
}  // namespace

TEST_CASE("stock is Unknown until fetched, Known after, Unknown again when too old or unreachable") {
    testing::Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 4);
    std::atomic<std::int64_t> now_ms{1'000'000};
    TransportOptions o;
    o.bearer_token = h.token;
    o.backoff_base = std::chrono::milliseconds(5);
    Transport t(o);
    CommerceApi api(t, h.url());
    AvailabilityCache cache(api, "paris-rivoli", std::chrono::seconds(30), std::chrono::minutes(5), [&] { return now_ms.load(); });

    CHECK(cache.get(sku).state == StockState::Unknown);
    Updates updates;
    cache.request({sku, "NO-SUCH-SKU"}, updates.callback());
    REQUIRE(updates.wait_for(1));
    StockView v = cache.get(sku);
    REQUIRE(v.state == StockState::Known);
    REQUIRE(v.data.locations.size() == 1);
    CHECK(v.data.locations[0].quantity == 4);
    CHECK(cache.get("NO-SUCH-SKU").state == StockState::Known);  // known to be nowhere
    CHECK(cache.get("NO-SUCH-SKU").data.locations.empty());
    CHECK(cache.skus_here().count(sku) == 1);

    // Fresh: no new request. Stale after 30 s: refreshed.
    cache.request({sku}, updates.callback());
    now_ms += 31'000;
    cache.request({sku}, updates.callback());
    REQUIRE(updates.wait_for(2));
    CHECK(cache.get(sku).state == StockState::Known);

    // Too old and nothing new: Unknown, never shown as in stock.
    now_ms += 6 * 60'000;
    CHECK(cache.get(sku).state == StockState::Unknown);
    CHECK(cache.skus_here().empty());
}

TEST_CASE("a failed fetch leaves the stock Unknown with the reason") {
    testing::Harness h;
    TransportOptions o;
    o.backoff_base = std::chrono::milliseconds(5);
    Transport t(o);
    CommerceApi down(t, "http://127.0.0.1:1");
    AvailabilityCache cache(down, "paris-rivoli");
    Updates updates;
    cache.request({"ANY"}, updates.callback());
    REQUIRE(updates.wait_for(1));
    StockView v = cache.get("ANY");
    CHECK(v.state == StockState::Unknown);
    CHECK_FALSE(v.error.empty());
}
