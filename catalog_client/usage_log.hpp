#pragma once
// What the kiosk keeps of how it is used, for the retailer: events recorded on disk
// (DIR/usage.db, beside the outbox) until the central API acknowledges them (POST /v1/events),
// never personal: sessions started and ended, searches left (the redacted text and how many
// products it found; `kioskctl searches` prints those that found nothing), products viewed,
// availability checked, units added to the cart, orders placed (fulfilment, amount) or failed.
//
// Nothing personal: a search text is folded (lower case, no accents), cut to 64 bytes, and every
// run of seven or more digits (a phone or card number typed by mistake) is replaced by "#".
// Bounded: at most kMaxUsageEvents are kept, the oldest dropped first.
//
// Threads: one UsageLog per thread (its own SQLite connection). Errors: the constructor throws
// std::runtime_error when the file cannot be opened; record() returns false on a disk error
// (an event is worth less than the shopper's flow: the caller logs it and goes on).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace catalog_client {

class Db;

inline constexpr std::int64_t kMaxUsageEvents = 50000;

struct UsageEvent {
    std::int64_t id = 0;
    std::string kind;    // session_start, session_end, search, product_view, availability, add_to_cart, order_placed, order_failed
    std::int64_t at = 0;  // Unix seconds
    std::string session;  // the shopper session it happened in (a random id, nothing personal)
    std::string detail;  // search: the redacted text; product_view: the product id; availability, add_to_cart: the SKU;
                         // order_placed: the fulfilment (delivery, pickup_here, pickup_elsewhere) and ",staff" when assisted;
                         // order_failed: why (out_of_stock, price_changed, invalid, error)
    std::int64_t value = 0;  // search: products found (at least); add_to_cart: units; order_placed: cents; session_end: seconds
};

// A search text as it may be kept: folded, at most 64 bytes (whole characters), long digit runs
// replaced by "#".
std::string redact_search_text(std::string_view typed);

class UsageLog {
public:
    explicit UsageLog(const std::string& dir, std::int64_t max_events = kMaxUsageEvents);
    ~UsageLog();
    UsageLog(const UsageLog&) = delete;
    UsageLog& operator=(const UsageLog&) = delete;

    bool record_search(std::string_view typed, std::int64_t results, std::int64_t at, const std::string& session = {});
    // Any other kind: `detail` is kept as given (at most 64 bytes): callers pass ids and codes,
    // never what a shopper typed.
    bool record(std::string_view kind, std::string_view detail, std::int64_t value, std::int64_t at,
                const std::string& session = {});
    std::int64_t count();
    // Events not yet acknowledged, oldest first.
    std::vector<UsageEvent> pending(int limit);
    // The central API kept every event up to this id: they are deleted.
    void acknowledge(std::int64_t up_to_id);
    // Searches that found nothing among the kept events: text and how many times, most first.
    std::vector<std::pair<std::string, std::int64_t>> searches_without_results(int limit);

private:
    std::unique_ptr<Db> db_;
    std::int64_t max_events_;
};

}  // namespace catalog_client
