#pragma once
// Who may read an order whole, what everyone else sees, and how many unknown order numbers a
// kiosk may try.
// Personal or secret in an order: the delivery name and address, the contact (already masked),
// the loyalty card (already masked), and the payment's till code and payment link (each lets
// someone act on the order). They are shown only to the kiosk that placed the order, and to a
// staff session of the order's channel store or of its fulfilling store (the pickup store); a
// staff session always belongs to the calling kiosk's own store. Every other kiosk of the
// retailer gets masked_order(): number, status, dates, lines, totals, the fulfilment without the
// address (its country only), the channel and the payment method and amount.
// Thread rules: the functions are pure; OrderLookups is thread-safe.

#include "central_api/util.hpp"

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace central_api {

struct OrderParties {
    std::string kiosk_id;       // the kiosk that placed it
    std::string channel_store;  // the store it was placed in
    std::string fulfil_store;   // the pickup store; empty for a delivery
};

// `staff_store` is the store of the caller's staff session, empty without one.
bool sees_whole(const OrderParties& order, const std::string& caller_kiosk, const std::string& staff_store);

// The order as shown to a kiosk that may not see it whole; carries "masked": true.
json masked_order(const json& order);

// Failed lookups (unknown order numbers) per kiosk, over a sliding window: once a kiosk has
// `max_failures` in the last `window_s` seconds it may not look up orders until the oldest of
// them leaves the window (429 rate_limited). Successful lookups do not count. Also used for
// /ops sign-in failures, keyed by remote address: callers whose failures have all left the
// window are forgotten once more than kPruneAt are tracked, so many addresses cannot grow it.
class OrderLookups {
public:
    OrderLookups(int max_failures, std::int64_t window_s) : max_(max_failures), window_(window_s) {}
    // Seconds the kiosk must wait before its next lookup; 0 when it may look up now.
    std::int64_t retry_after(const std::string& kiosk_id, std::int64_t now);
    void failed(const std::string& kiosk_id, std::int64_t now);
    std::size_t tracked();  // callers with failures kept

    static constexpr std::size_t kPruneAt = 4096;

private:
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<std::int64_t>> failures_;
    int max_;
    std::int64_t window_;
};

}  // namespace central_api
