#pragma once
// Where a cart can come from: the stock rules behind quotes and orders.
// A pickup is served from the store's shelf when it holds every unit of a line, otherwise by a
// transfer from a warehouse (a later ready_by); a delivery ships from one warehouse per line.
// Functions read the caller's connection; reserve() must run inside the caller's transaction.

#include "central_api/db.hpp"
#include "central_api/util.hpp"

#include <optional>
#include <string>
#include <vector>

namespace central_api {

struct LocationInfo {
    std::string id, kind;
    double lat = 0, lon = 0;
    bool pickup = false;
    json doc;
};
std::vector<LocationInfo> load_locations(Db& db);
const LocationInfo* find_location(const std::vector<LocationInfo>& all, const std::string& id);

struct VariantInfo {
    std::string sku, product_id;
    json name, options;
    std::int64_t price_online = 0, price_store = 0;
    bool online_only = false;
};
std::optional<VariantInfo> find_variant(Db& db, const std::string& sku);

struct LineRequest {
    std::string sku;
    std::int64_t quantity = 0;
};

struct Allocation {
    std::string sku, location_id;
    std::int64_t quantity = 0;
};

struct Plan {
    bool possible = false;
    bool transfer = false;             // pickup: some line comes from a warehouse
    std::vector<Allocation> allocations;
    std::int64_t ready_by = 0;         // pickup: unix time
    int eta_min_days = 0, eta_max_days = 0;  // delivery
    std::string short_sku;             // when impossible: the first line that cannot be served
    std::int64_t available = 0;        // ... and how many units of it could be
};

Plan plan_pickup(Db& db, const std::vector<LineRequest>& lines, const LocationInfo& store,
                 const std::vector<LocationInfo>& all, std::int64_t now);
Plan plan_delivery(Db& db, const std::vector<LineRequest>& lines, const std::vector<LocationInfo>& all);

// Takes the planned units out of stock; false (and nothing taken) if any is no longer there.
// Must run inside a transaction (uses a savepoint).
bool reserve(Db& db, const Plan& plan);

// Delivery price for an items total: free from 50 €, else 4,99 €.
std::int64_t delivery_price(std::int64_t items_total);

// The earliest time at or after `t` when the store is open (opening hours, closed dates),
// looking at most 21 days ahead; nullopt if it never opens in that window.
std::optional<std::int64_t> next_open(const json& store_doc, std::int64_t t);
bool is_open(const json& store_doc, std::int64_t t);

}  // namespace central_api
