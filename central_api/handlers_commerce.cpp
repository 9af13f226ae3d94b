// Commerce routes: live availability, quotes, placing orders (exactly once), reading orders.
#include "catalog.hpp"
#include "fulfilment.hpp"
#include "problem.hpp"
#include "server.hpp"

#include <httplib.h>

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <set>

namespace central_api {

namespace {

json rounded_km(double km) { return std::round(km * 10) / 10; }

void availability(Ctx& ctx) {
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

// Reads and checks `lines` (shape only); duplicates and bounds are field errors.
std::vector<CartLine> read_lines(FieldCheck& check, const json& body, bool with_price,
                                 std::vector<std::int64_t>* prices) {
    std::vector<CartLine> lines;
    const json* list = check.array(body, "lines", "lines", true, 100);
    if (!list) return lines;
    if (list->empty()) check.add("lines", "missing");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& l = (*list)[i];
        std::string path = "lines[" + std::to_string(i) + "]";
        if (!l.is_object()) {
            check.add(path, "wrong_type");
            continue;
        }
        auto sku = check.string(l, "sku", path + ".sku", true, 64);
        auto qty = check.integer(l, "quantity", path + ".quantity", true, 1, 99);
        std::optional<std::int64_t> price;
        if (with_price) price = check.money(l, "unit_price", path + ".unit_price", true);
        if (sku && !seen.insert(*sku).second) check.add(path + ".sku", "duplicate");
        if (sku && qty) {
            lines.push_back({*sku, *qty});
            if (prices) prices->push_back(price.value_or(-1));
        }
    }
    return lines;
}

std::vector<VariantInfo> resolve_variants(Db& db, const std::vector<CartLine>& lines) {
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

void quote(Ctx& ctx) {
    json body = ctx.body();
    FieldCheck check;
    auto lines = read_lines(check, body, false, nullptr);
    check.throw_if_any();
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

bool valid_email(const std::string& e) {
    auto at = e.find('@');
    if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) return false;
    auto dot = e.find('.', at);
    if (dot == std::string::npos || dot == at + 1 || dot + 1 >= e.size()) return false;
    return e.find_first_of(" \t,;<>") == std::string::npos && e.back() != '.';
}

// French phone numbers: 0X XX XX XX XX or +33 X XX XX XX XX; spaces, dots and dashes allowed.
bool valid_phone(const std::string& p) {
    std::string digits;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if (c >= '0' && c <= '9') digits += c;
        else if (c == '+' && i == 0) digits += c;
        else if (c != ' ' && c != '.' && c != '-') return false;
    }
    if (digits.rfind("+33", 0) == 0) return digits.size() == 12 && digits[3] != '0';
    return digits.size() == 10 && digits[0] == '0' && digits[1] != '0';
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

struct OrderRequest {
    std::vector<CartLine> lines;
    std::vector<std::int64_t> prices;
    std::string fulfilment_type, pickup_store;
    json fulfilment, channel, contact;
    std::optional<std::string> loyalty_card, staff_id;
    std::string payment_method;
};

OrderRequest read_order(const json& body) {
    OrderRequest o;
    FieldCheck check;
    o.lines = read_lines(check, body, true, &o.prices);
    if (const json* f = check.object(body, "fulfilment", "fulfilment")) {
        o.fulfilment = *f;
        auto type = check.string(*f, "type", "fulfilment.type", true, 16);
        if (type && *type == "pickup") {
            o.fulfilment_type = *type;
            if (auto s = check.string(*f, "store_id", "fulfilment.store_id", true, 64)) o.pickup_store = *s;
            o.fulfilment = {{"type", "pickup"}, {"store_id", o.pickup_store}};
        } else if (type && *type == "delivery") {
            o.fulfilment_type = *type;
            if (const json* a = check.object(*f, "address", "fulfilment.address")) {
                const std::string p = "fulfilment.address.";
                auto name = check.string(*a, "name", p + "name", true, 100);
                auto line1 = check.string(*a, "line1", p + "line1", true, 200);
                auto line2 = check.string(*a, "line2", p + "line2", false, 200);
                auto postcode = check.string(*a, "postcode", p + "postcode", true, 16);
                auto city = check.string(*a, "city", p + "city", true, 100);
                auto country = check.string(*a, "country", p + "country", true, 2);
                if (name && name->find_first_not_of(' ') == std::string::npos) check.add(p + "name", "invalid");
                if (line1 && line1->find_first_not_of(' ') == std::string::npos) check.add(p + "line1", "invalid");
                if (city && city->find_first_not_of(' ') == std::string::npos) check.add(p + "city", "invalid");
                if (country && *country != "FR") check.add(p + "country", "unsupported");
                if (postcode && (postcode->size() != 5 || postcode->find_first_not_of("0123456789") != std::string::npos ||
                                 postcode->compare(0, 2, "00") == 0))
                    check.add(p + "postcode", "invalid");
                json address = {{"name", name.value_or("")}, {"line1", line1.value_or("")},
                                {"postcode", postcode.value_or("")}, {"city", city.value_or("")},
                                {"country", country.value_or("")}};
                if (line2) address["line2"] = *line2;
                o.fulfilment = {{"type", "delivery"}, {"address", address}};
            }
        } else if (type) {
            check.add("fulfilment.type", "invalid");
        }
    }
    if (const json* c = check.object(body, "contact", "contact")) {
        auto email = check.string(*c, "email", "contact.email", false, 254);
        auto phone = check.string(*c, "phone", "contact.phone", false, 32);
        if (email && !valid_email(*email)) check.add("contact.email", "invalid");
        if (phone && !valid_phone(*phone)) check.add("contact.phone", "invalid");
        if (!c->contains("email") && !c->contains("phone")) check.add("contact", "missing");
        o.contact = json::object();
        if (email) o.contact["email"] = *email;
        if (phone) o.contact["phone"] = *phone;
    }
    o.loyalty_card = check.string(body, "loyalty_card", "loyalty_card", false, 32);
    if (const json* pay = check.object(body, "payment", "payment")) {
        auto method = check.string(*pay, "method", "payment.method", true, 32);
        if (method && *method != "pay_at_till" && *method != "pay_on_phone") check.add("payment.method", "invalid");
        o.payment_method = method.value_or("");
    }
    if (const json* ch = check.object(body, "channel", "channel")) {
        auto store = check.string(*ch, "store_id", "channel.store_id", true, 64);
        auto kiosk = check.string(*ch, "kiosk_id", "channel.kiosk_id", true, 64);
        o.staff_id = check.string(*ch, "staff_id", "channel.staff_id", false, 64);
        o.channel = {{"store_id", store.value_or("")}, {"kiosk_id", kiosk.value_or("")}};
        if (o.staff_id) o.channel["staff_id"] = *o.staff_id;
    }
    check.throw_if_any();
    return o;
}

std::string body_fingerprint(const json& body) {
    const std::string canonical = body.dump();
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(), nullptr, 0);
    std::string hex;
    static constexpr char digits[] = "0123456789abcdef";
    for (unsigned char c : out) hex += {digits[c >> 4], digits[c & 15]};
    return hex;
}

std::string new_till_code() {
    std::string first12 = "21";
    for (int i = 0; i < 10; ++i) first12 += static_cast<char>('0' + randombytes_uniform(10));
    return first12 + std::to_string(ean13_check_digit(first12));
}

// Stores the outcome under the idempotency key and answers with it.
void finish(Ctx& ctx, Transaction& tx, const std::string& key, const std::string& fingerprint, int status,
            const json& doc) {
    std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
    ctx.db.prepare("INSERT INTO idempotency(kiosk_id, key, body_hash, status, response, created_at) VALUES(?,?,?,?,?,?)")
        .bind(1, ctx.kiosk.kiosk_id).bind(2, key).bind(3, fingerprint).bind(4, status).bind(5, text).bind(6, ctx.now)
        .run();
    tx.commit();
    ctx.res.status = status;
    ctx.res.set_content(text, status >= 400 ? "application/problem+json" : "application/json; charset=utf-8");
}

void place_order(Ctx& ctx) {
    const std::string key = ctx.header("Idempotency-Key");
    json body = ctx.body();
    if (key.empty()) throw validation_failed("Idempotency-Key", "missing", "the Idempotency-Key header is required");
    if (key.size() > 200 || key.find_first_of(" \t\r\n") != std::string::npos)
        throw validation_failed("Idempotency-Key", "invalid");
    OrderRequest o = read_order(body);
    if (o.channel["kiosk_id"] != ctx.kiosk.kiosk_id) throw validation_failed("channel.kiosk_id", "mismatch", "channel.kiosk_id is not this kiosk");
    if (o.channel["store_id"] != ctx.kiosk.store_id) throw validation_failed("channel.store_id", "mismatch", "channel.store_id is not this kiosk's store");
    if (o.staff_id) {
        if (!ctx.staff) throw ApiError(403, "forbidden", "an order credited to a staff member needs their staff session");
        if (*o.staff_id != ctx.staff->staff_id) throw validation_failed("channel.staff_id", "mismatch", "channel.staff_id is not the signed-in staff member");
    }
    const std::string fingerprint = body_fingerprint(body);

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
    if (o.contact.contains("email")) contact["email"] = mask_email(o.contact["email"]);
    if (o.contact.contains("phone")) contact["phone"] = mask_tail(o.contact["phone"], 3, 2);
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
    auto insert = ctx.db.prepare("INSERT INTO orders(number, kiosk_id, loyalty_card, created_at, doc, contact, pay_token) VALUES(?,?,?,?,?,?,?)");
    insert.bind(1, number).bind(2, ctx.kiosk.kiosk_id).bind(3, o.loyalty_card.value_or("")).bind(4, ctx.now)
        .bind(5, order.dump()).bind(6, o.contact.dump());
    if (pay_token.empty()) insert.bind_null(7);
    else insert.bind(7, pay_token);
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

}  // namespace

void add_commerce_routes(const RouteFn& add) {
    add("GET", "/v1/availability", Access::Kiosk, availability);
    add("POST", "/v1/quotes", Access::Kiosk, quote);
    add("POST", "/v1/orders", Access::Kiosk, place_order);
    add("GET", R"(/v1/orders/([A-Za-z0-9-]{1,32}))", Access::Kiosk, [](Ctx& ctx) {
        auto st = ctx.db.prepare("SELECT doc FROM orders WHERE number = ?");
        st.bind(1, std::string(ctx.req.matches[1]));
        if (!st.step()) throw not_found("no order " + std::string(ctx.req.matches[1]));
        ctx.reply_raw(200, st.text(0));
    });
    add("GET", "/v1/orders", Access::Staff, [](Ctx& ctx) {
        if (ctx.param("loyalty_card").empty()) throw validation_failed("loyalty_card", "missing");
        auto st = ctx.db.prepare("SELECT doc FROM orders WHERE loyalty_card = ? ORDER BY created_at DESC, rowid DESC LIMIT 200");
        st.bind(1, ctx.param("loyalty_card"));
        ctx.reply_raw(200, "{\"orders\":" + json_array_of_rows(st) + "}");
    });
}

}  // namespace central_api
