#include "catalog_client/availability_cache.hpp"

namespace catalog_client {

AvailabilityCache::AvailabilityCache(CommerceApi& api, std::string near_store, std::chrono::milliseconds fresh_for,
                                     std::chrono::milliseconds usable_for, Clock clock)
    : api_(api), state_(std::make_shared<State>()) {
    state_->near = std::move(near_store);
    state_->fresh_for = fresh_for;
    state_->usable_for = usable_for;
    state_->clock = std::move(clock);
    if (!state_->clock)
        state_->clock = [] {
            return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                  std::chrono::steady_clock::now().time_since_epoch())
                                                  .count());
        };
}

StockView AvailabilityCache::get(const std::string& sku) {
    State& st = *state_;
    std::lock_guard lock(st.mutex);
    StockView view;
    auto it = st.entries.find(sku);
    if (it == st.entries.end()) return view;
    const Entry& e = it->second;
    view.refreshing = e.in_flight;
    view.error = e.error;
    if (e.fetched_at >= 0 && st.clock() - e.fetched_at <= st.usable_for.count()) {
        view.state = StockState::Known;
        view.data = e.data;
    }
    return view;
}

void AvailabilityCache::request(const std::vector<std::string>& skus, std::function<void()> on_update) {
    std::vector<std::string> wanted;
    {
        State& st = *state_;
        std::lock_guard lock(st.mutex);
        const std::int64_t now = st.clock();
        for (const auto& sku : skus) {
            Entry& e = st.entries[sku];
            bool fresh = e.fetched_at >= 0 && now - e.fetched_at <= st.fresh_for.count();
            if (fresh || e.in_flight) continue;
            e.in_flight = true;
            wanted.push_back(sku);
        }
    }
    for (std::size_t start = 0; start < wanted.size(); start += 50) {
        std::vector<std::string> batch(wanted.begin() + static_cast<std::ptrdiff_t>(start),
                                       wanted.begin() + static_cast<std::ptrdiff_t>(std::min(wanted.size(), start + 50)));
        api_.availability(batch, state_->near, [state = state_, batch, on_update](Result<Availability> r) {
            {
                std::lock_guard lock(state->mutex);
                const std::int64_t now = state->clock();
                for (const auto& sku : batch) {
                    Entry& e = state->entries[sku];
                    e.in_flight = false;
                    if (!r.ok()) {
                        e.error = describe(r.error());  // the old data ages out into Unknown
                        continue;
                    }
                    e.error.clear();
                    e.fetched_at = now;
                    e.data = SkuAvailability{};
                    e.data.sku = sku;  // unknown to the server: known to be nowhere
                }
                if (r.ok())
                    for (const auto& item : r.value().items)
                        if (auto it = state->entries.find(item.sku); it != state->entries.end()) it->second.data = item;
            }
            if (on_update) on_update();
        });
    }
}

std::unordered_set<std::string> AvailabilityCache::skus_here() {
    State& st = *state_;
    std::lock_guard lock(st.mutex);
    std::unordered_set<std::string> out;
    const std::int64_t now = st.clock();
    for (const auto& [sku, e] : st.entries) {
        if (e.fetched_at < 0 || now - e.fetched_at > st.usable_for.count()) continue;
        for (const auto& l : e.data.locations)
            if (l.location_id == st.near && l.quantity > 0) out.insert(sku);
    }
    return out;
}

}  // namespace catalog_client
