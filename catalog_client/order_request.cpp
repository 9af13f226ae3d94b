// Typed orders: the body the kiosk sends to POST /v1/orders and the reasons an order is refused,
// with their JSON mapping (the outbox stores both as JSON; kioskctl reads a body from a file).
#include "catalog_client/model_json.hpp"

#include "catalog_client/field_reader.hpp"

namespace catalog_client {

using namespace detail;

namespace {

constexpr std::size_t kMaxLines = 100;  // what the server takes in one order

DeliveryAddress read_address(Reader& r, const json& doc, const std::string& path) {
    DeliveryAddress a;
    a.name = r.str(doc, "name", path, true, 200);
    a.line1 = r.str(doc, "line1", path, true, 200);
    a.line2 = r.str(doc, "line2", path, false, 200);
    a.postcode = r.str(doc, "postcode", path, true, 16);
    a.city = r.str(doc, "city", path, true, 100);
    a.country = r.str(doc, "country", path, false, 2);
    if (a.country.empty()) a.country = "FR";
    return a;
}

void read_fulfilment(Reader& r, const json& doc, OrderRequest& o) {
    const json* f = r.member(doc, "fulfilment", "", true);
    if (!f) return;
    const std::string type = r.str(*f, "type", "fulfilment", true, 16);
    if (type == "pickup") {
        o.fulfilment = FulfilmentType::Pickup;
        o.pickup_store = r.str(*f, "store_id", "fulfilment");
        if (r.ok() && o.pickup_store.empty()) r.fail("fulfilment.store_id", "empty");
    } else if (type == "delivery") {
        o.fulfilment = FulfilmentType::Delivery;
        // Required by the server for a new order; absent from what the outbox keeps once ended.
        if (const json* a = r.member(*f, "address", "fulfilment", false)) o.address = read_address(r, *a, "fulfilment.address");
        else o.address.country.clear();
    } else if (r.ok()) {
        r.fail("fulfilment.type", "neither pickup nor delivery");
    }
}

RejectReason reason_of(const std::string& code) {
    if (code == "out_of_stock") return RejectReason::OutOfStock;
    if (code == "price_changed") return RejectReason::PriceChanged;
    if (code == "validation_failed") return RejectReason::InvalidFields;
    return RejectReason::Other;
}

}  // namespace

const char* to_string(FulfilmentType type) {
    return type == FulfilmentType::Delivery ? "delivery" : "pickup";
}

const char* to_string(PaymentMethod method) {
    return method == PaymentMethod::PayOnPhone ? "pay_on_phone" : "pay_at_till";
}

OrderRequest without_personal_data(const OrderRequest& request) {
    OrderRequest kept;
    kept.lines = request.lines;
    kept.fulfilment = request.fulfilment;
    kept.pickup_store = request.pickup_store;
    kept.address.country.clear();
    kept.payment = request.payment;
    kept.channel = request.channel;
    return kept;
}

json to_json(const OrderRequest& o) {
    json lines = json::array();
    for (const OrderLine& l : o.lines)
        lines.push_back({{"sku", l.sku},
                         {"quantity", l.quantity},
                         {"unit_price", {{"amount", l.unit_price.amount}, {"currency", l.unit_price.currency}}}});
    json body = {{"lines", std::move(lines)}};
    if (o.fulfilment == FulfilmentType::Pickup) {
        body["fulfilment"] = {{"type", "pickup"}, {"store_id", o.pickup_store}};
    } else if (o.address.name.empty() && o.address.line1.empty()) {
        body["fulfilment"] = {{"type", "delivery"}};  // an ended order's body: the address is gone
    } else {
        json address = {{"name", o.address.name}, {"line1", o.address.line1}, {"postcode", o.address.postcode},
                        {"city", o.address.city}, {"country", o.address.country}};
        if (!o.address.line2.empty()) address["line2"] = o.address.line2;
        body["fulfilment"] = {{"type", "delivery"}, {"address", std::move(address)}};
    }
    json contact = json::object();
    if (!o.contact.email.empty()) contact["email"] = o.contact.email;
    if (!o.contact.phone.empty()) contact["phone"] = o.contact.phone;
    body["contact"] = std::move(contact);
    if (!o.loyalty_card.empty()) body["loyalty_card"] = o.loyalty_card;
    body["payment"] = {{"method", to_string(o.payment)}};
    body["channel"] = {{"store_id", o.channel.store_id}, {"kiosk_id", o.channel.kiosk_id}};
    if (!o.channel.staff_id.empty()) body["channel"]["staff_id"] = o.channel.staff_id;
    return body;
}

Result<OrderRequest> parse_order_request(const json& doc) {
    Reader r;
    OrderRequest o;
    if (const json* lines = r.array(doc, "lines", "", true, kMaxLines)) {
        for (std::size_t i = 0; i < lines->size(); ++i) {
            const std::string path = Reader::index("lines", i);
            OrderLine l;
            l.sku = r.str((*lines)[i], "sku", path);
            l.quantity = r.integer((*lines)[i], "quantity", path, true, 1, 10000);
            l.unit_price = r.money((*lines)[i], "unit_price", path);
            o.lines.push_back(std::move(l));
        }
        if (r.ok() && o.lines.empty()) r.fail("lines", "empty");
    }
    read_fulfilment(r, doc, o);
    if (const json* c = r.member(doc, "contact", "", false)) {
        o.contact.email = r.str(*c, "email", "contact", false, 254);
        o.contact.phone = r.str(*c, "phone", "contact", false, 32);
    }
    o.loyalty_card = r.str(doc, "loyalty_card", "", false, 32);
    if (const json* p = r.member(doc, "payment", "", true)) {
        const std::string method = r.str(*p, "method", "payment", true, 32);
        if (method == "pay_on_phone") o.payment = PaymentMethod::PayOnPhone;
        else if (method == "pay_at_till") o.payment = PaymentMethod::PayAtTill;
        else if (r.ok()) r.fail("payment.method", "neither pay_at_till nor pay_on_phone");
    }
    if (const json* ch = r.member(doc, "channel", "", true)) {
        o.channel.store_id = r.str(*ch, "store_id", "channel");
        o.channel.kiosk_id = r.str(*ch, "kiosk_id", "channel");
        o.channel.staff_id = r.str(*ch, "staff_id", "channel", false);
    }
    return finish(r, std::move(o));
}

OrderRejection rejection_of(const Error& error) {
    const Problem& p = error.problem;
    OrderRejection out;
    out.http_status = error.http_status;
    out.code = !p.code.empty() ? p.code : (error.code.empty() ? std::string(to_string(error.kind)) : error.code);
    out.sku = p.sku;
    out.available = p.available.value_or(0);
    if (p.price_amount) out.new_price = Money{*p.price_amount, p.price_currency.empty() ? "EUR" : p.price_currency};
    for (const FieldError& e : p.errors)
        if (!e.field.empty()) out.field_errors.push_back(e);
    out.reason = reason_of(out.code);
    return out;
}

json to_json(const OrderRejection& rejection) {
    json out = {{"code", rejection.code}, {"http_status", rejection.http_status}};
    if (!rejection.sku.empty()) out["sku"] = rejection.sku;
    if (rejection.reason == RejectReason::OutOfStock) out["available"] = rejection.available;
    if (rejection.reason == RejectReason::PriceChanged)
        out["price"] = {{"amount", rejection.new_price.amount}, {"currency", rejection.new_price.currency}};
    if (!rejection.field_errors.empty()) {
        out["errors"] = json::array();
        for (const FieldError& e : rejection.field_errors) out["errors"].push_back({{"field", e.field}, {"code", e.code}});
    }
    return out;
}

Result<OrderRejection> parse_order_rejection(const json& doc) {
    Reader r;
    OrderRejection out;
    out.code = r.str(doc, "code", "", true, 64);
    out.http_status = static_cast<int>(r.integer(doc, "http_status", "", false, 0, 999));
    out.sku = r.str(doc, "sku", "", false);
    out.available = r.integer(doc, "available", "", false, 0, 1'000'000'000);
    if (r.member(doc, "price", "", false)) out.new_price = r.money(doc, "price", "");
    if (const json* errors = r.array(doc, "errors", "", false, 20))
        for (std::size_t i = 0; i < errors->size(); ++i) {
            const std::string path = Reader::index("errors", i);
            out.field_errors.push_back({r.str((*errors)[i], "field", path), r.str((*errors)[i], "code", path, false, 64)});
        }
    out.reason = reason_of(out.code);
    return finish(r, std::move(out));
}

}  // namespace catalog_client
