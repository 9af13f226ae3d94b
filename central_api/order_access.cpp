#include "central_api/order_access.hpp"

namespace central_api {

bool sees_whole(const OrderParties& order, const std::string& caller_kiosk, const std::string& staff_store) {
    if (caller_kiosk == order.kiosk_id) return true;
    if (staff_store.empty()) return false;
    return staff_store == order.channel_store || (!order.fulfil_store.empty() && staff_store == order.fulfil_store);
}

json masked_order(const json& order) {
    json out = json::object();
    for (const char* key : {"number", "status", "created_at", "lines", "totals", "channel"})
        if (order.contains(key)) out[key] = order[key];
    json fulfilment = json::object();
    if (order.contains("fulfilment") && order["fulfilment"].is_object()) {
        const json& f = order["fulfilment"];
        for (const char* key : {"type", "store_id", "ready_by", "source", "eta"})
            if (f.contains(key)) fulfilment[key] = f[key];
        if (f.contains("address") && f["address"].is_object() && f["address"].contains("country"))
            fulfilment["address"] = {{"country", f["address"]["country"]}};
    }
    out["fulfilment"] = fulfilment;
    json payment = json::object();
    if (order.contains("payment") && order["payment"].is_object()) {
        const json& p = order["payment"];
        for (const char* key : {"method", "amount_due", "paid_at"})
            if (p.contains(key)) payment[key] = p[key];
    }
    out["payment"] = payment;
    out["masked"] = true;
    return out;
}

std::int64_t OrderLookups::retry_after(const std::string& kiosk_id, std::int64_t now) {
    if (max_ <= 0) return 0;
    std::lock_guard lock(mutex_);
    auto it = failures_.find(kiosk_id);
    if (it == failures_.end()) return 0;
    auto& times = it->second;
    while (!times.empty() && times.front() <= now - window_) times.pop_front();
    if (static_cast<int>(times.size()) < max_) return 0;
    return std::max<std::int64_t>(1, times.front() + window_ - now);
}

void OrderLookups::failed(const std::string& kiosk_id, std::int64_t now) {
    if (max_ <= 0) return;
    std::lock_guard lock(mutex_);
    if (failures_.size() >= kPruneAt) {
        for (auto it = failures_.begin(); it != failures_.end();) {
            if (it->second.empty() || it->second.back() <= now - window_) it = failures_.erase(it);
            else ++it;
        }
    }
    auto& times = failures_[kiosk_id];
    times.push_back(now);
    while (static_cast<int>(times.size()) > max_) times.pop_front();
}

std::size_t OrderLookups::tracked() {
    std::lock_guard lock(mutex_);
    return failures_.size();
}

}  // namespace central_api
