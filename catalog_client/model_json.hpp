#pragma once
// The JSON mapping of the model's types, with validation.
// Parsing never throws: a parse function returns the value or an Error of kind Parse naming the
// first bad field ("variants[2].price.online.amount: missing"). Pages of the sync feed skip a
// malformed product and report it instead of failing the whole page. Strings are UTF-8 (the
// JSON parser rejects invalid UTF-8); control characters are removed; over-long strings make
// their item invalid.

#include "catalog_client/model.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace catalog_client {

using json = nlohmann::json;

Result<Product> parse_product(const json& doc);
Result<ChangePage> parse_change_page(const json& doc);
// The same from the page's text, keeping each valid product's JSON text in Change::raw (stored
// as is by the replica: no re-serialisation).
Result<ChangePage> parse_change_page_text(std::string_view body);
Result<std::vector<Category>> parse_categories(const json& doc);
Result<std::vector<Store>> parse_stores(const json& doc);
Result<KioskIdentity> parse_identity(const json& doc);
Result<Availability> parse_availability(const json& doc);
Result<Quote> parse_quote(const json& doc);
// The link must be http(s) and at most 512 bytes (it becomes a QR code).
Result<HandoffLink> parse_handoff(const json& doc);
Result<Order> parse_order(const json& doc);
Result<StaffSession> parse_staff_session(const json& doc);
Result<CustomerHistory> parse_customer_history(const json& doc);
Result<std::vector<Order>> parse_order_list(const json& doc);
// The contract's order body: every field checked (types, lengths, enumerations, a contact).
Result<OrderRequest> parse_order_request(const json& doc);
Result<OrderRejection> parse_order_rejection(const json& doc);

// The API's shape of what the kiosk keeps, for the replica, the outbox and tools; each parses
// back with its parse_ function.
json to_json(const Product& product);
json to_json(const Category& category);
json to_json(const Store& store);
json to_json(const Order& order);
json to_json(const OrderRequest& request);    // the body POST /v1/orders takes
json to_json(const OrderRejection& rejection);

}  // namespace catalog_client
