#pragma once
// Internal to catalog_client: Medusa v2 Store API documents (deploy/medusa/README.md has the
// verified facts) read into the contract's types. Each function reads a parsed document from
// the network with the shared field reader (lengths capped, wrong types refused) and builds the
// contract's JSON, which the contract's own parse_ function then validates: one set of rules
// for both backends. No network here; tests feed recorded documents.

#include "catalog_client/model_json.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace catalog_client::medusa {

// A stock location, as the shipping options of a cart show it (the Store API has no
// /store/stock-locations). `store_id` is the code the retailer gave it in the option's data
// (`location_code`), else its Medusa id.
struct Location {
    std::string location_id, store_id, name, kind;  // kind: "store" (pickup) or "warehouse" (shipping)
    std::string option_id;                           // its shipping option
    bool pickup = false;
    Money price;                                     // of its shipping option
    std::string line1, postcode, city, country, phone;
};

struct Locations {
    std::vector<Location> list;
    const Location* by_location(const std::string& location_id) const;
    const Location* by_store(const std::string& store_id) const;
    const Location* delivery() const;  // the first shipping (not pickup) location
};

// Amounts in major units (39.99) to minor units, rounded; refuses what is not a finite number
// within ±10^9.
std::optional<std::int64_t> cents(const json& number);

// GET /store/shipping-options?cart_id= → the locations (each once: its first option).
Result<Locations> locations_of(const json& doc);
// The contract's stores (GET /v1/stores) for those locations.
json stores_json(const Locations& locations);
// GET /store/product-categories → the contract's categories.
Result<std::vector<Category>> categories_of(const json& doc);
// One product of GET /store/products (with region_id: calculated prices) → the contract's
// product, validated. `latest` becomes the later of itself and the product's and its variants'
// updated_at.
Result<Product> product_of(const json& product, std::string& latest);
// The products of a listing with location levels → availability of `skus` per location.
Availability availability_of(const json& products, const std::vector<std::string>& skus, const Locations& locations);
// GET /store/orders/{id} (or a completed cart's "order") → the contract's order.
Result<Order> order_of(const json& order, const Locations& locations);

// What a listing says of one SKU: its variant, product, name, price in the region and stock per
// location id.
struct VariantInfo {
    std::string variant_id, product_id, sku;
    LocalizedText name;
    std::optional<Money> price;
    std::vector<std::pair<std::string, std::int64_t>> levels;  // location id, available quantity
};
std::vector<VariantInfo> variants_of(const json& products, const std::vector<std::string>& skus);
// Units of a variant at one location (0 when it holds no level there), and over the warehouses
// (what can be delivered).
std::int64_t units_at(const VariantInfo& variant, const std::string& location_id);
std::int64_t units_online(const VariantInfo& variant, const Locations& locations);

// The error the contract's server would answer (an Http error with its status and problem code),
// for what the kiosk decides itself in front of Medusa: out_of_stock, price_changed, not_supported…
Error refusal(int status, const std::string& code, const std::string& message, const std::string& sku = {});

// "Wed, 03 Dec 2026 21:04:24 GMT" (an HTTP Date header) → "2026-12-03T21:04:24.000Z" moved
// `shift_s` seconds; empty when it does not read.
std::string http_date_to_iso(const std::string& http_date, long shift_s);

}  // namespace catalog_client::medusa
