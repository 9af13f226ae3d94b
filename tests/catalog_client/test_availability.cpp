// Live stock through the cache: known after a fetch, served from the cache while fresh (no
// request, the old quantity), refetched when stale (the new quantity), Unknown (never "in
// stock") when the API fails or the data is too old. A proxy counts the server's requests.
#include "catalog_client/availability_cache.hpp"
#include "harness.hpp"
#include "tcp_proxy.hpp"

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

TEST_CASE("stock is Unknown until fetched, Known after, cached while fresh, refetched when stale, Unknown when too old") {
    testing::Harness h;
    testing::TcpProxy proxy(h.port());  // counts the requests the server receives
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 4);
    std::atomic<std::int64_t> now_ms{1'000'000};
    TransportOptions o;
    o.bearer_token = h.token;
    o.backoff_base = std::chrono::milliseconds(5);
    Transport t(o);
    CommerceApi api(t, proxy.url());
    AvailabilityCache cache(api, "paris-rivoli", std::chrono::seconds(30), std::chrono::minutes(5), [&] { return now_ms.load(); });
    auto requests = [&] { return proxy.count("GET /v1/availability"); };
    auto quantity_here = [&] {
        StockView v = cache.get(sku);
        REQUIRE(v.state == StockState::Known);
        REQUIRE(v.data.locations.size() == 1);
        return v.data.locations[0].quantity;
    };
    auto set_stock = [&](int units) {
        auto db = h.open_db();
        db->prepare("UPDATE stock SET quantity = ? WHERE sku = ? AND location_id = 'paris-rivoli'").bind(1, units).bind(2, sku).run();
    };

    CHECK(cache.get(sku).state == StockState::Unknown);
    Updates updates;
    cache.request({sku, "NO-SUCH-SKU"}, updates.callback());
    REQUIRE(updates.wait_for(1));
    CHECK(requests() == 1);
    CHECK(quantity_here() == 4);
    CHECK(cache.get("NO-SUCH-SKU").state == StockState::Known);  // known to be nowhere
    CHECK(cache.get("NO-SUCH-SKU").data.locations.empty());
    CHECK(cache.skus_here().count(sku) == 1);

    // The server's stock changes. Still fresh (29 s): no request, the cached quantity.
    set_stock(9);
    now_ms += 29'000;
    cache.request({sku}, updates.callback());
    CHECK_FALSE(cache.get(sku).refreshing);  // nothing asked (a request is marked before it leaves)
    CHECK(quantity_here() == 4);
    // Stale (31 s after the fetch): asked again, the new quantity.
    now_ms += 2'000;
    cache.request({sku}, updates.callback());
    REQUIRE(updates.wait_for(2));
    CHECK(quantity_here() == 9);
    CHECK(requests() == 2);  // the fresh request never reached the server
    {
        std::lock_guard lock(updates.m);
        CHECK(updates.n == 2);  // the fresh request called nobody back: it asked nothing
    }

    // Too old and nothing new: Unknown, never shown as in stock.
    now_ms += 6 * 60'000;
    CHECK(cache.get(sku).state == StockState::Unknown);
    CHECK(cache.skus_here().empty());
    CHECK(requests() == 2);
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
