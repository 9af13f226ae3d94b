#pragma once
// The commerce API's data as the kiosk uses it: plain types, no JSON (their mapping to and
// from the API's JSON is in model_json.hpp, so the kiosk's pure core does not see a parser).

#include "catalog_client/result.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace catalog_client {

struct Money {
    std::int64_t amount = 0;  // minor units (cents)
    std::string currency = "EUR";
    bool operator==(const Money& o) const { return amount == o.amount && currency == o.currency; }
};

// Text by language ("fr", "en"). text() falls back to `fallback`, then to any language.
struct LocalizedText {
    std::map<std::string, std::string> by_lang;
    const std::string& text(const std::string& lang, const std::string& fallback = "fr") const;
    bool empty() const { return by_lang.empty(); }
};

struct Image {
    std::string url;  // absolute, or relative to the API base
    int width = 0, height = 0;
    LocalizedText alt;
    std::string color;  // the variant colour it shows, when known
};

struct Variant {
    std::string sku, ean;
    std::map<std::string, std::string> options;         // "size" -> "M", "color" -> "Bleu marine"
    std::map<std::string, LocalizedText> labels;        // display labels of option values
    Money store_price, online_price;
    std::optional<Money> compare_at;
    bool online_only = false;
};

struct Product {
    std::string id, ref, brand;
    LocalizedText name, description, care;
    std::vector<std::string> category_ids;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> attributes;  // by language
    std::map<std::string, std::vector<std::string>> selling_points;                      // by language
    std::vector<std::string> badges;
    std::vector<Image> images;
    std::vector<Variant> variants;
    std::string updated_at;
};

struct Category {
    std::string id, parent_id;  // parent empty at the top
    LocalizedText name;
    int position = 0;
};

// What a listing's filters can offer: its most common sizes (in a natural order: XXS..3XL, then
// numbers), colours and brands.
struct ListingFacets {
    std::vector<std::string> sizes, colors, brands;
};

struct OpeningSlot {
    int day = 1;  // 1 = Monday ... 7 = Sunday
    int open_minute = 0, close_minute = 0;
};

struct Store {
    std::string id, kind, name;  // kind: "store" or "warehouse"
    std::string line1, postcode, city, country;
    double lat = 0, lon = 0;
    std::string timezone, phone;
    std::vector<OpeningSlot> opening_hours;
    std::vector<std::string> closed_dates;  // YYYY-MM-DD
    bool pickup = false;
};

struct Change {
    bool deleted = false;
    std::string product_id;
    std::optional<Product> product;  // for upserts
    std::string raw;  // for upserts read from a page's text: the product's JSON as the server sent it
};

struct ChangePage {
    std::vector<Change> changes;
    std::string next_cursor;
    bool has_more = false;
    std::vector<std::string> skipped;  // one line per malformed change that was left out
    // A backend without a deletion feed sends, on its last page, every product id it has: the
    // replica removes the products it holds that are not in the list.
    std::optional<std::vector<std::string>> all_ids;
    // Measured where the page was read (the network thread): its size and the time to parse it.
    std::size_t body_bytes = 0;
    double parse_seconds = 0;
};

struct KioskIdentity {
    std::string kiosk_id, store_id;
};

// A cart handed off to the shopper's phone (POST /v1/handoffs): the short link to show as a QR.
struct HandoffLink {
    std::string id, url, expires_at;
};

struct StockAt {
    std::string location_id, kind, aisle;
    std::int64_t quantity = 0;
    double distance_km = 0;
};
struct Incoming {
    std::string location_id, eta;
    std::int64_t quantity = 0;
};
struct SkuAvailability {
    std::string sku;
    std::vector<StockAt> locations;
    std::int64_t online_quantity = 0;
    int delivery_min_days = 0, delivery_max_days = 0;
    std::vector<Incoming> incoming;
};
struct Availability {
    std::string as_of;
    std::vector<SkuAvailability> items;
    std::vector<std::string> unknown_skus;
};

struct QuoteLine {
    std::string sku, product_id;
    LocalizedText name;
    std::int64_t quantity = 0;
    Money unit_price, line_total;
};
struct FulfilmentOption {
    std::string type;  // "delivery" or "pickup"
    std::string store_id, ready_by, source, eta_min, eta_max;
    Money price;
    double distance_km = 0;
};
struct Quote {
    std::vector<QuoteLine> lines;
    std::vector<FulfilmentOption> options;
    Money items_total;
};

// What the kiosk keeps of an order: never the delivery address, the contact or the loyalty
// card that the server's answer repeats (they stay on the server).
// Where and when an order is collected or delivered (never the delivery address).
struct OrderWhere {
    std::string type;      // "pickup" or "delivery" (as the server said)
    std::string store_id;  // pickup
    std::string ready_by;  // pickup: RFC 3339
    std::string eta_min, eta_max;  // delivery: dates
};
struct Order {
    std::string number, status, created_at;
    std::vector<QuoteLine> lines;
    Money total;
    OrderWhere fulfilment;
    std::string payment_method, till_code, payment_url;
};

// An order to place (POST /v1/orders), as the kiosk builds it from a cart and a checkout. The
// contact, address and loyalty card are personal: the outbox keeps them only until the order
// has ended (without_personal_data).
struct OrderLine {
    std::string sku;
    std::int64_t quantity = 0;
    Money unit_price;  // the price the shopper saw; the server refuses the order if it changed
};
enum class FulfilmentType { Delivery, Pickup };
const char* to_string(FulfilmentType type);
struct DeliveryAddress {
    std::string name, line1, line2, postcode, city, country = "FR";
};
struct OrderContact {
    std::string email, phone;  // at least one
};
enum class PaymentMethod { PayAtTill, PayOnPhone };
const char* to_string(PaymentMethod method);
struct SalesChannel {
    std::string store_id, kiosk_id, staff_id;  // staff_id: an assisted order (may be empty)
};
struct OrderRequest {
    std::vector<OrderLine> lines;
    FulfilmentType fulfilment = FulfilmentType::Pickup;
    std::string pickup_store;  // Pickup
    DeliveryAddress address;   // Delivery
    OrderContact contact;
    std::string loyalty_card;  // may be empty
    PaymentMethod payment = PaymentMethod::PayAtTill;
    SalesChannel channel;
};
// What may stay of a request once its order has ended: lines, fulfilment type and pickup
// store, payment method and channel; no address, contact or loyalty card.
OrderRequest without_personal_data(const OrderRequest& request);

// Why the server refused an order, typed from its problem document (free text left out: it
// may quote what was sent).
enum class RejectReason { OutOfStock, PriceChanged, InvalidFields, Other };
struct OrderRejection {
    RejectReason reason = RejectReason::Other;
    std::string code;           // the problem's code as the server sent it
    int http_status = 0;
    std::string sku;            // OutOfStock, PriceChanged: the line concerned
    std::int64_t available = 0; // OutOfStock: what is left
    Money new_price;            // PriceChanged: the price now
    std::vector<FieldError> field_errors;  // InvalidFields
};
OrderRejection rejection_of(const Error& error);

struct StaffSession {
    std::string token, staff_id, staff_name, expires_at;
};

struct Purchase {
    std::string date, store_id, sku, product_id;
    LocalizedText name;
    std::map<std::string, std::string> options;
    std::int64_t quantity = 0;
    Money amount;
};
struct CustomerHistory {
    std::string name, card, tier;
    std::vector<Purchase> purchases;
};

}  // namespace catalog_client
