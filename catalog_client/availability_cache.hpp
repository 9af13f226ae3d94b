#pragma once
// Live stock, cached briefly. Stock is never part of the replica: it is fetched on demand
// (at most 50 SKUs per call), kept `fresh_for` (then refreshed when asked again), and shown as
// Unknown — never as in stock — when it could not be fetched or is older than `usable_for`.
//
// Threads: every method may be called from any thread; `on_update` callbacks run on the
// network thread (post them to the UI's inbox). get() never blocks. Answers arriving after the
// cache is gone are dropped safely (the cache's state is shared with its requests).

#include "catalog_client/api.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace catalog_client {

enum class StockState { Unknown, Known };

struct StockView {
    StockState state = StockState::Unknown;
    SkuAvailability data;       // valid when Known
    std::string error;          // why it is Unknown, when a fetch failed
    bool refreshing = false;    // a fetch is in flight
};

class AvailabilityCache {
public:
    using Clock = std::function<std::int64_t()>;  // milliseconds, injectable for tests
    AvailabilityCache(CommerceApi& api, std::string near_store,
                      std::chrono::milliseconds fresh_for = std::chrono::seconds(30),
                      std::chrono::milliseconds usable_for = std::chrono::minutes(5), Clock clock = {});

    // What is known of `sku` now. Unknown if never fetched, failed, or too old.
    StockView get(const std::string& sku);
    // Fetches the SKUs that are missing or no longer fresh (in batches of 50); `on_update` is
    // called once per batch when its answer (or failure) is in.
    void request(const std::vector<std::string>& skus, std::function<void()> on_update = {});
    // SKUs known (and still usable) to be on this store's shelf; map them to their products for
    // search's "available here".
    std::unordered_set<std::string> skus_here();

private:
    struct Entry {
        SkuAvailability data;
        std::int64_t fetched_at = -1;  // ms, -1: never
        std::string error;
        bool in_flight = false;
    };
    struct State {
        std::string near;
        std::chrono::milliseconds fresh_for, usable_for;
        Clock clock;
        std::mutex mutex;
        std::unordered_map<std::string, Entry> entries;
    };
    CommerceApi& api_;
    std::shared_ptr<State> state_;
};

}  // namespace catalog_client
