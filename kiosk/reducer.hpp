#pragma once
// The one place the kiosk's state changes: reduce(state, action) applies an action and returns
// the effects it asks for (searches, loads, quotes, the order). Pure: no I/O, no clock, no
// globals, so every journey's logic is tested as plain function calls (tests/kiosk/test_reducer).
// Helpers used by both the reducer and the screens live here too.

#include <string>
#include <vector>

#include "kiosk/state.hpp"

namespace kiosk {

std::vector<Effect> reduce(AppState& s, const Action& a);

// The variant matching the options chosen on the product sheet (the first variant when nothing
// is chosen; the closest one when the exact combination does not exist). nullptr: no variants.
const cc::Variant* chosen_variant(const ProductView& v);
// Whether a variant with `option` = `value` and the other chosen options exists.
bool combination_exists(const ProductView& v, const std::string& option, const std::string& value);
// Distinct values of an option across the product's variants, in first-seen order.
std::vector<std::string> option_values(const cc::Product& p, const std::string& option);

StockBand band_of(std::int64_t quantity);
// Quantity of `sku` at location `id` (0 when not listed), and whether stock is known at all.
std::int64_t quantity_at(const Stock& st, const std::string& location_id);

// Shopper-typed field checks. Return "" when valid, else the translation key of the problem.
std::string check_postcode(const std::string& v);
std::string check_phone(const std::string& v);
std::string check_email(const std::string& v);
std::string check_loyalty_card(const std::string& v);
// All checks of the form for the chosen fulfilment: field -> translation key.
std::map<std::string, std::string> validate_checkout(const Checkout& c);

// The order for the cart and checkout (prices from the cart lines, which carry the quoted unit
// prices; the channel is this kiosk and its store).
cc::OrderRequest order_request(const AppState& s);

// Seconds until a Tick has something to do (health check, sync, order retry): the frame loop
// sleeps until then when nothing else moves.
double next_due(const AppState& s, double now);
// Seconds without a touch before the idle warning, and the warning's countdown: longer for a
// shopper using speech or the keypad, plus the time they asked for.
double idle_timeout(const AppState& s);
double idle_countdown(const AppState& s);

// Staff order lookup: whether the query is an order number ("K-4F7Q-92": it has a dash) rather
// than a loyalty card.
bool staff_order_number(const std::string& query);

std::int64_t cart_total(const std::vector<CartLine>& cart);
std::int64_t cart_count(const std::vector<CartLine>& cart);

// Grid tile for a product (lowest online price, first image).
Tile tile_of(const cc::Product& p, const std::string& sku = {});

}  // namespace kiosk
