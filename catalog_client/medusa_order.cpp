// MedusaApi's orders: the kiosk's own checks, then cart → shipping method → payment
// collection → complete, exactly once through the cart noted in the outbox (medusa.hpp).
#include "catalog_client/medusa.hpp"

#include "catalog_client/medusa_map.hpp"
#include "catalog_client/text_fold.hpp"

#include <algorithm>

namespace catalog_client {

namespace {

Error field_refused(const std::string& field, const std::string& message) {
    Error e = medusa::refusal(422, "invalid", message);
    e.problem.errors.push_back({field, "unsupported"});
    return e;
}

// "Jeanne Martin" → first "Jeanne", last "Martin" (Medusa's address has the two).
std::pair<std::string, std::string> split_name(const std::string& name) {
    const std::size_t space = name.find(' ');
    if (space == std::string::npos) return {name, ""};
    return {name.substr(0, space), name.substr(space + 1)};
}

std::string cart_id_of(const json& doc) {
    if (doc.is_object() && doc.contains("cart") && doc["cart"].is_object() && doc["cart"].contains("id") && doc["cart"]["id"].is_string())
        return doc["cart"]["id"].get<std::string>();
    return {};
}

}  // namespace

Result<Order> MedusaApi::complete(const std::string& cart_id) {
    auto l = locations(false);
    if (!l.ok()) return l.error();
    // Retried by the transport on a lost answer: completing a completed cart returns its order.
    auto r = call("POST", "/store/carts/" + url_encode(cart_id) + "/complete", nullptr, response_caps().order, order_timeout(), true);
    if (!r.ok()) {
        const Error& e = r.error();
        // Medusa checks stock against every location again and refuses with 400 when it is gone.
        if (e.kind == ErrorKind::Http && e.http_status == 400) return medusa::refusal(409, "out_of_stock", "Medusa refused the order: " + e.message);
        if (e.kind == ErrorKind::Http && e.http_status == 404) return medusa::refusal(409, "order_refused", "Medusa no longer has the cart " + cart_id);
        return e;
    }
    const json& doc = r.value().doc;
    if (doc.is_object() && doc.value("type", "") == "order" && doc.contains("order")) return medusa::order_of(doc["order"], *l.value());
    return medusa::refusal(409, "out_of_stock", "Medusa did not complete the cart (its stock or payment refused it)");
}

Result<Order> MedusaApi::place(const std::string& key, const OrderRequest& request) {
    // An attempt that got as far as completing: complete that cart again, never another.
    std::string noted = notes_ ? notes_->order_note(key) : std::string();
    if (!notes_) {
        std::lock_guard<std::mutex> lock(mu_);
        if (auto it = carts_.find(key); it != carts_.end()) noted = it->second;
    }
    if (!noted.empty()) return complete(noted);

    if (request.payment == PaymentMethod::PayOnPhone)
        return field_refused("payment.method", "the Medusa backend takes payment at the till only");
    if (request.lines.empty()) return field_refused("lines", "an order needs at least one line");
    auto l = locations(false);
    if (!l.ok()) return l.error();
    const medusa::Location* where = request.fulfilment == FulfilmentType::Pickup ? l.value()->by_store(request.pickup_store)
                                                                                  : l.value()->delivery();
    if (!where || (request.fulfilment == FulfilmentType::Pickup && !where->pickup))
        return field_refused("fulfilment.store_id", "no pickup at " + request.pickup_store);
    auto region = region_id();
    if (!region.ok()) return region.error();

    // The kiosk's own checks: the price the shopper saw, and the stock where the order is served
    // (Medusa would take it from whichever location has some).
    std::vector<std::string> skus;
    for (const auto& line : request.lines) skus.push_back(line.sku);
    auto products = listing(skus);
    if (!products.ok()) return products.error();
    const auto variants = medusa::variants_of(products.value(), skus);
    json items = json::array();
    for (const auto& line : request.lines) {
        auto v = std::find_if(variants.begin(), variants.end(), [&](const auto& x) { return x.sku == line.sku; });
        if (v == variants.end() || !v->price) return medusa::refusal(409, "out_of_stock", "no longer for sale: " + line.sku, line.sku);
        if (v->price->amount != line.unit_price.amount) {
            Error e = medusa::refusal(409, "price_changed", "the price of " + line.sku + " changed", line.sku);
            e.problem.price_amount = v->price->amount;
            e.problem.price_currency = v->price->currency;
            return e;
        }
        const std::int64_t here = where->pickup ? medusa::units_at(*v, where->location_id) : medusa::units_online(*v, *l.value());
        if (here < line.quantity) {
            Error e = medusa::refusal(409, "out_of_stock", "not enough " + line.sku + " where the order is served", line.sku);
            e.problem.available = here;
            return e;
        }
        items.push_back({{"variant_id", v->variant_id}, {"quantity", line.quantity}});
    }

    json address = {{"country_code", "fr"}};
    if (request.fulfilment == FulfilmentType::Delivery) {
        const auto [first, last] = split_name(request.address.name);
        std::string country = request.address.country;
        std::transform(country.begin(), country.end(), country.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        address = {{"first_name", first}, {"last_name", last}, {"address_1", request.address.line1},
                   {"address_2", request.address.line2}, {"postal_code", request.address.postcode},
                   {"city", request.address.city}, {"country_code", country}};
    }
    if (!request.contact.phone.empty()) address["phone"] = request.contact.phone;
    json cart = {{"region_id", region.value()}, {"items", items}, {"shipping_address", address},
                 {"metadata", {{"kiosk_id", request.channel.kiosk_id}, {"store_id", request.channel.store_id},
                               {"staff_id", request.channel.staff_id}, {"idempotency_key", key}}}};
    if (!request.contact.email.empty()) cart["email"] = request.contact.email;
    const auto step_timeout = std::chrono::seconds(20);
    auto made = call("POST", "/store/carts", &cart, response_caps().order, step_timeout, false);
    if (!made.ok()) return made.error();
    const std::string cart_id = cart_id_of(made.value().doc);
    if (cart_id.empty()) return Error::of(ErrorKind::Parse, "Medusa's new cart has no id");

    const json method = {{"option_id", where->option_id}, {"data", {{"pickup_store", where->pickup ? where->store_id : ""}}}};
    auto shipped = call("POST", "/store/carts/" + url_encode(cart_id) + "/shipping-methods", &method, response_caps().order, step_timeout, false);
    if (!shipped.ok()) return shipped.error();
    const json collection_body = {{"cart_id", cart_id}};
    auto collection = call("POST", "/store/payment-collections", &collection_body, response_caps().order, step_timeout, false);
    if (!collection.ok()) return collection.error();
    const json& c = collection.value().doc;
    if (!c.is_object() || !c.contains("payment_collection") || !c["payment_collection"].contains("id") ||
        !c["payment_collection"]["id"].is_string())
        return Error::of(ErrorKind::Parse, "Medusa's payment collection has no id");
    const json session = {{"provider_id", "pp_system_default"}};
    auto paid = call("POST", "/store/payment-collections/" + url_encode(c["payment_collection"]["id"].get<std::string>()) + "/payment-sessions",
                     &session, response_caps().order, step_timeout, false);
    if (!paid.ok()) return paid.error();

    // Noted before the first complete: from here on, every attempt completes this cart.
    if (notes_) {
        if (!notes_->set_order_note(key, cart_id)) return Error::of(ErrorKind::Storage, "cannot note the cart in the outbox");
    } else {
        std::lock_guard<std::mutex> lock(mu_);
        carts_[key] = cart_id;
    }
    return complete(cart_id);
}

}  // namespace catalog_client
