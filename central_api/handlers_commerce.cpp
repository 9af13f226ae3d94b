// Commerce routes: live availability, quotes, placing orders (exactly once), reading orders.
#include "central_api/catalog.hpp"
#include "central_api/fulfilment.hpp"
#include "central_api/order_access.hpp"
#include "central_api/problem.hpp"
#include "central_api/requests.hpp"
#include "central_api/server.hpp"

#include <httplib.h>

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <set>

namespace central_api {

namespace {

json rounded_km(double km) { return std::round(km * 10) / 10; }

void availability(RequestContext& ctx) {
    if (!ctx.has_param("skus") || ctx.param("skus").empty()) throw validation_failed("skus", "missing");
    std::vector<std::string> skus;
    std::string raw = ctx.param("skus");
    for (std::size_t start = 0; start <= raw.size();) {
        std::size_t comma = raw.find(',', start);
        if (comma == std::string::npos) comma = raw.size();
        std::string sku = raw.substr(start, comma - start);
        if (sku.empty() || sku.size() > 64) throw validation_failed("skus", "invalid", "skus must be a comma-separated list of SKUs");
        if (std::find(skus.begin(), skus.end(), sku) == skus.end()) skus.push_back(sku);
        start = comma + 1;
    }
    if (skus.size() > 50) throw validation_failed("skus", "too_many", "at most 50 SKUs per call");
    auto locations = load_locations(ctx.db);
    std::string near_id = ctx.has_param("near") ? ctx.param("near") : ctx.kiosk.store_id;
    const LocationInfo* near = find_location(locations, near_id);
    if (!near) throw validation_failed("near", "unknown", "near is not a known store");

    json items = json::array(), unknown = json::array();
    auto stock = ctx.db.prepare("SELECT location_id, quantity, aisle FROM stock WHERE sku = ? AND quantity > 0");
    auto incoming = ctx.db.prepare("SELECT location_id, quantity, eta FROM incoming WHERE sku = ? ORDER BY eta");
    for (const auto& sku : skus) {
        if (!find_variant(ctx.db, sku)) {
            unknown.push_back(sku);
            continue;
        }
        json locs = json::array();
        std::int64_t online = 0;
        bool far_only = true;
        stock.bind(1, sku);
        while (stock.step()) {
            const LocationInfo* l = find_location(locations, stock.text(0));
            if (!l) continue;
            json entry = {{"store_id", l->id}, {"kind", l->kind}, {"quantity", stock.integer(1)},
                          {"distance_km", rounded_km(distance_km(near->lat, near->lon, l->lat, l->lon))}};
            if (!stock.is_null(2)) entry["aisle"] = stock.text(2);
            if (l->kind == "warehouse") {
                online += stock.integer(1);
                if (distance_km(near->lat, near->lon, l->lat, l->lon) < 350) far_only = false;
            }
            locs.push_back(std::move(entry));
        }
        stock.reset();
        std::sort(locs.begin(), locs.end(), [](const json& a, const json& b) {
            return a["distance_km"].get<double>() < b["distance_km"].get<double>();
        });
        json inc = json::array();
        incoming.bind(1, sku);
        while (incoming.step())
            inc.push_back({{"store_id", incoming.text(0)}, {"quantity", incoming.integer(1)}, {"eta", incoming.text(2)}});
        incoming.reset();
        json online_doc = {{"quantity", online}};
        if (online > 0) online_doc["delivery_days"] = {{"min", far_only ? 3 : 2}, {"max", far_only ? 5 : 4}};
        items.push_back({{"sku", sku}, {"locations", locs}, {"online", online_doc}, {"incoming", inc}});
    }
    json doc = {{"as_of", rfc3339_paris(ctx.now)}, {"near", near->id}, {"items", items}};
    if (!unknown.empty()) doc["unknown_skus"] = unknown;
    ctx.reply(200, doc);
}

std::vector<VariantInfo> resolve_variants(Db& db, const std::vector<LineRequest>& lines) {
    std::vector<VariantInfo> variants;
    FieldCheck check;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto v = find_variant(db, lines[i].sku);
        if (!v) check.add("lines[" + std::to_string(i) + "].sku", "unknown");
        else variants.push_back(std::move(*v));
    }
    check.throw_if_any();
    return variants;
}

json line_doc(const VariantInfo& v, std::int64_t quantity) {
    return {{"sku", v.sku}, {"product_id", v.product_id}, {"name", v.name}, {"options", v.options},
            {"quantity", quantity}, {"unit_price", money(v.price_online)},
            {"line_total", money(v.price_online * quantity)}};
}

json eta_doc(const Plan& plan, std::int64_t now) {
    return {{"min", date_paris(now + plan.eta_min_days * 86400)}, {"max", date_paris(now + plan.eta_max_days * 86400)}};
}

void quote(RequestContext& ctx) {
    const std::vector<LineRequest> lines = decode_quote(ctx.body).lines;
    auto variants = resolve_variants(ctx.db, lines);
    auto locations = load_locations(ctx.db);
    const LocationInfo* here = find_location(locations, ctx.kiosk.store_id);

    json out_lines = json::array();
    std::int64_t items = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out_lines.push_back(line_doc(variants[i], lines[i].quantity));
        items += variants[i].price_online * lines[i].quantity;
    }
    json options = json::array(), unavailable = json::array();
    Plan delivery = plan_delivery(ctx.db, lines, locations);
    if (delivery.possible)
        options.push_back({{"type", "delivery"}, {"price", money(delivery_price(items))}, {"eta", eta_doc(delivery, ctx.now)}});
    std::vector<std::pair<double, json>> pickups;
    for (const auto& l : locations) {
        if (l.kind != "store" || !l.pickup) continue;
        Plan p = plan_pickup(ctx.db, lines, l, locations, ctx.now);
        if (!p.possible) continue;
        double km = here ? distance_km(here->lat, here->lon, l.lat, l.lon) : 0;
        pickups.emplace_back(km, json{{"type", "pickup"}, {"store_id", l.id}, {"price", money(0)},
                                      {"ready_by", rfc3339_paris(p.ready_by)},
                                      {"source", p.transfer ? "transfer" : "shelf"},
                                      {"distance_km", rounded_km(km)}});
    }
    std::stable_sort(pickups.begin(), pickups.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& p : pickups) options.push_back(std::move(p.second));
    if (options.empty() && !delivery.short_sku.empty())
        unavailable.push_back({{"sku", delivery.short_sku}, {"available", delivery.available}});
    json doc = {{"quoted_at", rfc3339_paris(ctx.now)}, {"lines", out_lines}, {"options", options},
                {"totals", {{"items", money(items)}}}};
    if (!unavailable.empty()) doc["unavailable"] = unavailable;
    ctx.reply(200, doc);
}

std::string mask_email(const std::string& e) {
    auto at = e.find('@');
    return e.substr(0, 1) + "***" + e.substr(at);
}

std::string mask_tail(const std::string& s, std::size_t keep_head, std::size_t keep_tail) {
    std::string out = s;
    std::size_t digits_seen = 0, total = 0;
    for (char c : s) total += (c >= '0' && c <= '9');
    for (char& c : out) {
        if (c < '0' || c > '9') continue;
        if (digits_seen >= keep_head && digits_seen + keep_tail < total) c = '*';
        ++digits_seen;
    }
    return out;
}

std::string new_till_code() {
    std::string first12 = "21";
    for (int i = 0; i < 10; ++i) first12 += static_cast<char>('0' + randombytes_uniform(10));
    return first12 + std::to_string(ean13_check_digit(first12));
}

// Stores the outcome under the idempotency key and answers with it.
void finish(RequestContext& ctx, Transaction& tx, const std::string& key, const std::string& fingerprint, int status,
            const json& doc) {
    std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
    ctx.db.prepare("INSERT INTO idempotency(kiosk_id, key, body_hash, status, response, created_at) VALUES(?,?,?,?,?,?)")
        .bind(1, ctx.kiosk.kiosk_id).bind(2, key).bind(3, fingerprint).bind(4, status).bind(5, text).bind(6, ctx.now)
        .run();
    tx.commit();
    ctx.res.status = status;
    ctx.res.set_content(text, status >= 400 ? "application/problem+json" : "application/json; charset=utf-8");
}

void place_order(RequestContext& ctx) {
    const DecodedOrder o = decode_order(ctx.body, ctx.header("Idempotency-Key"));
    const std::string& key = o.idempotency_key;
    if (o.channel_kiosk != ctx.kiosk.kiosk_id) throw validation_failed("channel.kiosk_id", "mismatch", "channel.kiosk_id is not this kiosk");
    if (o.channel_store != ctx.kiosk.store_id) throw validation_failed("channel.store_id", "mismatch", "channel.store_id is not this kiosk's store");
    if (o.staff_id) {
        if (!ctx.staff) throw ApiError(403, "forbidden", "an order credited to a staff member needs their staff session");
        if (*o.staff_id != ctx.staff->staff_id) throw validation_failed("channel.staff_id", "mismatch", "channel.staff_id is not the signed-in staff member");
    }
    const std::string& fingerprint = o.fingerprint;

    std::lock_guard lock(ctx.write_mutex);
    Transaction tx(ctx.db);
    {
        auto prior = ctx.db.prepare("SELECT body_hash, status, response FROM idempotency WHERE kiosk_id = ? AND key = ?");
        prior.bind(1, ctx.kiosk.kiosk_id).bind(2, key);
        if (prior.step()) {
            if (prior.text(0) != fingerprint)
                throw ApiError(409, "idempotency_conflict", "this Idempotency-Key was used with another request body");
            int status = static_cast<int>(prior.integer(1));
            ctx.res.status = status;
            ctx.res.set_header("Idempotent-Replayed", "true");
            ctx.res.set_content(prior.text(2), status >= 400 ? "application/problem+json" : "application/json; charset=utf-8");
            return;
        }
    }
    auto variants = resolve_variants(ctx.db, o.lines);
    auto locations = load_locations(ctx.db);
    const LocationInfo* pickup_store = nullptr;
    if (o.fulfilment_type == "pickup") {
        pickup_store = find_location(locations, o.pickup_store);
        if (!pickup_store || pickup_store->kind != "store") throw validation_failed("fulfilment.store_id", "unknown");
        if (!pickup_store->pickup) throw validation_failed("fulfilment.store_id", "unsupported", "this store does not offer pickup");
    }
    if (o.loyalty_card) {
        auto st = ctx.db.prepare("SELECT 1 FROM customers WHERE card = ?");
        st.bind(1, *o.loyalty_card);
        if (!st.step()) throw validation_failed("loyalty_card", "unknown");
    }

    // Online prices are charged; a stale unit price orders nothing.
    std::int64_t items = 0;
    json lines = json::array();
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        if (o.prices[i] != variants[i].price_online) {
            finish(ctx, tx, key, fingerprint, 409,
                   problem_document(409, "price_changed", "the price of " + variants[i].sku + " has changed",
                                    {{"sku", variants[i].sku}, {"price", money(variants[i].price_online)}}));
            return;
        }
        items += variants[i].price_online * o.lines[i].quantity;
        lines.push_back(line_doc(variants[i], o.lines[i].quantity));
    }
    Plan plan = pickup_store ? plan_pickup(ctx.db, o.lines, *pickup_store, locations, ctx.now)
                             : plan_delivery(ctx.db, o.lines, locations);
    if (!plan.possible || !reserve(ctx.db, plan)) {
        std::string sku = plan.short_sku.empty() ? o.lines.front().sku : plan.short_sku;
        finish(ctx, tx, key, fingerprint, 409,
               problem_document(409, "out_of_stock", "not enough stock of " + sku + " for this fulfilment",
                                {{"sku", sku}, {"available", plan.available}}));
        return;
    }

    std::string number;
    for (int attempt = 0; attempt < 20 && number.empty(); ++attempt) {
        std::string candidate = "K-" + random_code(4) + "-" + std::to_string(10 + randombytes_uniform(90));
        auto st = ctx.db.prepare("SELECT 1 FROM orders WHERE number = ?");
        st.bind(1, candidate);
        if (!st.step()) number = candidate;
    }
    if (number.empty()) throw std::runtime_error("cannot allocate an order number");

    std::int64_t shipping = pickup_store ? 0 : delivery_price(items);
    json fulfilment = o.fulfilment;
    if (pickup_store) {
        fulfilment["ready_by"] = rfc3339_paris(plan.ready_by);
        fulfilment["source"] = plan.transfer ? "transfer" : "shelf";
    } else {
        fulfilment["eta"] = eta_doc(plan, ctx.now);
    }
    json payment = {{"method", o.payment_method}, {"amount_due", money(items + shipping)}};
    if (o.payment_method == "pay_at_till") payment["till_code"] = new_till_code();
    std::string pay_token;
    if (o.payment_method == "pay_on_phone") {
        pay_token = random_token(16);
        payment["payment_url"] = ctx.options.public_url + "/pay/" + pay_token;
    }
    json contact = json::object();
    if (o.contact.contains("email")) contact["email"] = mask_email(o.contact["email"].get<std::string>());
    if (o.contact.contains("phone")) contact["phone"] = mask_tail(o.contact["phone"].get<std::string>(), 3, 2);
    json order = {{"number", number},
                  {"status", "awaiting_payment"},
                  {"created_at", rfc3339_paris(ctx.now)},
                  {"lines", lines},
                  {"totals", {{"items", money(items)}, {"delivery", money(shipping)}, {"total", money(items + shipping)}}},
                  {"fulfilment", fulfilment},
                  {"channel", o.channel},
                  {"payment", payment},
                  {"contact", contact}};
    if (o.loyalty_card) order["loyalty_card"] = mask_tail(*o.loyalty_card, 2, 3);
    auto insert = ctx.db.prepare(
        "INSERT INTO orders(number, kiosk_id, loyalty_card, created_at, doc, contact, pay_token, channel_store, fulfil_store) "
        "VALUES(?,?,?,?,?,?,?,?,?)");
    insert.bind(1, number).bind(2, ctx.kiosk.kiosk_id).bind(3, o.loyalty_card.value_or("")).bind(4, ctx.now)
        .bind(5, order.dump()).bind(6, o.contact.dump()).bind(8, ctx.kiosk.store_id);
    if (pay_token.empty()) insert.bind_null(7);
    else insert.bind(7, pay_token);
    if (pickup_store) insert.bind(9, pickup_store->id);
    else insert.bind_null(9);
    insert.run();
    if (o.loyalty_card) {
        auto buy = ctx.db.prepare("INSERT INTO purchases(card, date, store_id, sku, product_id, name, options, quantity, amount) VALUES(?,?,?,?,?,?,?,?,?)");
        for (std::size_t i = 0; i < o.lines.size(); ++i)
            buy.bind(1, *o.loyalty_card).bind(2, date_paris(ctx.now)).bind(3, ctx.kiosk.store_id)
                .bind(4, variants[i].sku).bind(5, variants[i].product_id).bind(6, variants[i].name.dump())
                .bind(7, variants[i].options.dump()).bind(8, o.lines[i].quantity)
                .bind(9, variants[i].price_online * o.lines[i].quantity).run();
    }
    finish(ctx, tx, key, fingerprint, 201, order);
}

std::string staff_store(const RequestContext& ctx) { return ctx.staff ? ctx.staff->store_id : std::string(); }

// The stored order as this caller may see it (order_access.hpp).
std::string order_for_caller(const RequestContext& ctx, Stmt& st) {
    OrderParties parties{st.text(1), st.text(2), st.is_null(3) ? std::string() : st.text(3)};
    if (sees_whole(parties, ctx.kiosk.kiosk_id, staff_store(ctx))) return st.text(0);
    json doc = catalog_client::parse_json_or_discarded(st.text_view(0));
    if (!doc.is_object()) throw std::runtime_error("a stored order is not a JSON object");
    return masked_order(doc).dump(-1, ' ', false, json::error_handler_t::replace);
}

// Unknown numbers count against the kiosk: past the limit it may not look up orders for a while.
void order_by_number(RequestContext& ctx) {
    const std::string number = ctx.req.matches[1];
    if (auto wait = ctx.order_lookups.retry_after(ctx.kiosk.kiosk_id, ctx.now))
        throw ApiError(429, "rate_limited",
                       "too many unknown order numbers from this kiosk; retry in " + std::to_string(wait) + " s",
                       {{"retry_after_s", wait}});
    auto st = ctx.db.prepare("SELECT doc, kiosk_id, channel_store, fulfil_store FROM orders WHERE number = ?");
    st.bind(1, number);
    if (!st.step()) {
        ctx.order_lookups.failed(ctx.kiosk.kiosk_id, ctx.now);
        throw not_found("no order " + number);
    }
    ctx.reply_raw(200, order_for_caller(ctx, st));
}

void orders_by_card(RequestContext& ctx) {
    if (ctx.param("loyalty_card").empty()) throw validation_failed("loyalty_card", "missing");
    auto st = ctx.db.prepare("SELECT doc, kiosk_id, channel_store, fulfil_store FROM orders WHERE loyalty_card = ? "
                             "ORDER BY created_at DESC, rowid DESC LIMIT 200");
    st.bind(1, ctx.param("loyalty_card"));
    std::string out = "{\"orders\":[";
    for (bool first = true; st.step(); first = false) {
        if (!first) out += ',';
        out += order_for_caller(ctx, st);
    }
    ctx.reply_raw(200, out + "]}");
}

}  // namespace

void add_commerce_routes(const RouteFn& add) {
    add("GET", "/v1/availability", Access::Kiosk, availability);
    add("POST", "/v1/quotes", Access::Kiosk, quote);
    add("POST", "/v1/orders", Access::Kiosk, place_order);
    add("GET", R"(/v1/orders/([A-Za-z0-9-]{1,32}))", Access::Kiosk, order_by_number);
    add("GET", "/v1/orders", Access::Staff, orders_by_card);
}

}  // namespace central_api
