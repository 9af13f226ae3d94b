#include "catalog_client/model_json.hpp"

#include "catalog_client/field_reader.hpp"
#include "catalog_client/json_bounded.hpp"

#include <charconv>
#include <cstdio>
#include <deque>
#include <memory>
#include <type_traits>

namespace catalog_client {

using namespace detail;

namespace {

QuoteLine read_line(Reader& r, const json& doc, const std::string& path) {
    QuoteLine l;
    l.sku = r.str(doc, "sku", path);
    l.product_id = r.str(doc, "product_id", path, false);
    l.name = r.text(doc, "name", path, false);
    l.quantity = r.integer(doc, "quantity", path, true, 1, 10000);
    l.unit_price = r.money(doc, "unit_price", path);
    if (r.member(doc, "line_total", path, false)) l.line_total = r.money(doc, "line_total", path);
    else l.line_total = {l.unit_price.amount * l.quantity, l.unit_price.currency};
    return l;
}

int minutes(const std::string& hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
    for (int i : {0, 1, 3, 4})
        if (hhmm[static_cast<std::size_t>(i)] < '0' || hhmm[static_cast<std::size_t>(i)] > '9') return -1;
    int m = ((hhmm[0] - '0') * 10 + (hhmm[1] - '0')) * 60 + (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    return m <= 24 * 60 ? m : -1;
}

}  // namespace

const std::string& LocalizedText::text(const std::string& lang, const std::string& fallback) const {
    static const std::string empty;
    if (auto it = by_lang.find(lang); it != by_lang.end() && !it->second.empty()) return it->second;
    if (auto it = by_lang.find(fallback); it != by_lang.end() && !it->second.empty()) return it->second;
    for (const auto& [l, t] : by_lang)
        if (!t.empty()) return t;
    return empty;
}

Result<Product> parse_product(const json& doc) {
    Reader r;
    Product p = read_product(r, doc, "");
    return finish(r, std::move(p));
}

Result<std::vector<Category>> parse_categories(const json& doc) {
    Reader r;
    std::vector<Category> out;
    if (!doc.is_array()) return Error::of(ErrorKind::Parse, "categories: not an array");
    for (std::size_t i = 0; i < doc.size() && r.ok(); ++i) {
        std::string path = Reader::index("categories", i);
        Category c;
        c.id = r.str(doc[i], "id", path);
        c.parent_id = r.str(doc[i], "parent_id", path, false);
        c.name = r.text(doc[i], "name", path);
        c.position = static_cast<int>(r.integer(doc[i], "position", path, false, -1000000, 1000000));
        out.push_back(std::move(c));
    }
    return finish(r, std::move(out));
}

Result<std::vector<Store>> parse_stores(const json& doc) {
    Reader r;
    std::vector<Store> out;
    if (!doc.is_array()) return Error::of(ErrorKind::Parse, "stores: not an array");
    for (std::size_t i = 0; i < doc.size() && r.ok(); ++i) {
        const json& d = doc[i];
        std::string path = Reader::index("stores", i);
        Store s;
        s.id = r.str(d, "id", path);
        s.kind = r.str(d, "kind", path);
        s.name = r.str(d, "name", path);
        if (const json* a = r.member(d, "address", path, false)) {
            s.line1 = r.str(*a, "line1", path + ".address", false);
            s.postcode = r.str(*a, "postcode", path + ".address", false);
            s.city = r.str(*a, "city", path + ".address", false);
            s.country = r.str(*a, "country", path + ".address", false);
        }
        if (const json* l = r.member(d, "location", path, true)) {
            s.lat = r.number(*l, "lat", path + ".location", true);
            s.lon = r.number(*l, "lon", path + ".location", true);
        }
        s.timezone = r.str(d, "timezone", path, false);
        s.phone = r.str(d, "phone", path, false);
        s.pickup = r.boolean(d, "pickup", path, false);
        s.closed_dates = r.strings(d, "closed_dates", path, false);
        if (const json* hours = r.array(d, "opening_hours", path, false, 100)) {
            for (std::size_t k = 0; k < hours->size(); ++k) {
                std::string hp = Reader::index(path + ".opening_hours", k);
                OpeningSlot slot;
                slot.day = static_cast<int>(r.integer((*hours)[k], "day", hp, true, 1, 7));
                slot.open_minute = minutes(r.str((*hours)[k], "open", hp, true, 8));
                slot.close_minute = minutes(r.str((*hours)[k], "close", hp, true, 8));
                if (r.ok() && (slot.open_minute < 0 || slot.close_minute < 0)) r.fail(hp, "bad time (HH:MM)");
                s.opening_hours.push_back(slot);
            }
        }
        out.push_back(std::move(s));
    }
    return finish(r, std::move(out));
}

Result<KioskIdentity> parse_identity(const json& doc) {
    Reader r;
    KioskIdentity k{r.str(doc, "kiosk_id", ""), r.str(doc, "store_id", "")};
    return finish(r, std::move(k));
}

Result<Availability> parse_availability(const json& doc) {
    Reader r;
    Availability a;
    a.as_of = r.str(doc, "as_of", "", false, 64);
    a.unknown_skus = r.strings(doc, "unknown_skus", "", false);
    if (const json* items = r.array(doc, "items", "", true, 1000)) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            const json& d = (*items)[i];
            std::string path = Reader::index("items", i);
            SkuAvailability s;
            s.sku = r.str(d, "sku", path);
            if (const json* locs = r.array(d, "locations", path, false, 1000))
                for (std::size_t k = 0; k < locs->size(); ++k) {
                    std::string lp = Reader::index(path + ".locations", k);
                    StockAt at;
                    at.location_id = r.str((*locs)[k], "store_id", lp);
                    at.kind = r.str((*locs)[k], "kind", lp, false);
                    at.aisle = r.str((*locs)[k], "aisle", lp, false);
                    at.quantity = r.integer((*locs)[k], "quantity", lp, true, 0, 1'000'000'000);
                    at.distance_km = r.number((*locs)[k], "distance_km", lp, false);
                    s.locations.push_back(std::move(at));
                }
            if (const json* online = r.member(d, "online", path, false)) {
                s.online_quantity = r.integer(*online, "quantity", path + ".online", false, 0, 1'000'000'000);
                if (const json* days = r.member(*online, "delivery_days", path + ".online", false)) {
                    s.delivery_min_days = static_cast<int>(r.integer(*days, "min", path + ".online.delivery_days", false, 0, 365));
                    s.delivery_max_days = static_cast<int>(r.integer(*days, "max", path + ".online.delivery_days", false, 0, 365));
                }
            }
            if (const json* inc = r.array(d, "incoming", path, false, 1000))
                for (std::size_t k = 0; k < inc->size(); ++k) {
                    std::string ip = Reader::index(path + ".incoming", k);
                    s.incoming.push_back({r.str((*inc)[k], "store_id", ip), r.str((*inc)[k], "eta", ip, false, 64),
                                          r.integer((*inc)[k], "quantity", ip, true, 0, 1'000'000'000)});
                }
            a.items.push_back(std::move(s));
        }
    }
    return finish(r, std::move(a));
}

Result<HandoffLink> parse_handoff(const json& doc) {
    Reader r;
    HandoffLink h{r.str(doc, "id", "", true, 64), r.str(doc, "url", "", true, 512), r.str(doc, "expires_at", "", false, 64)};
    if (r.ok() && h.url.rfind("https://", 0) != 0 && h.url.rfind("http://", 0) != 0) r.fail("url", "not an http(s) link");
    return finish(r, std::move(h));
}

Result<Quote> parse_quote(const json& doc) {
    Reader r;
    Quote q;
    if (const json* lines = r.array(doc, "lines", "", true, 1000))
        for (std::size_t i = 0; i < lines->size(); ++i) q.lines.push_back(read_line(r, (*lines)[i], Reader::index("lines", i)));
    if (const json* options = r.array(doc, "options", "", true, 1000))
        for (std::size_t i = 0; i < options->size(); ++i) {
            const json& d = (*options)[i];
            std::string path = Reader::index("options", i);
            FulfilmentOption o;
            o.type = r.str(d, "type", path);
            o.store_id = r.str(d, "store_id", path, o.type == "pickup");
            o.ready_by = r.str(d, "ready_by", path, false, 64);
            o.source = r.str(d, "source", path, false);
            o.price = r.money(d, "price", path, false);
            o.distance_km = r.number(d, "distance_km", path, false);
            if (const json* eta = r.member(d, "eta", path, false)) {
                o.eta_min = r.str(*eta, "min", path + ".eta", false, 64);
                o.eta_max = r.str(*eta, "max", path + ".eta", false, 64);
            }
            q.options.push_back(std::move(o));
        }
    if (const json* totals = r.member(doc, "totals", "", true)) q.items_total = r.money(*totals, "items", "totals");
    return finish(r, std::move(q));
}

namespace {
Order read_order(Reader& r, const json& doc, const std::string& path) {
    Order o;
    o.number = r.str(doc, "number", path);
    o.status = r.str(doc, "status", path);
    o.created_at = r.str(doc, "created_at", path, false, 64);
    if (const json* lines = r.array(doc, "lines", path, true, 1000))
        for (std::size_t i = 0; i < lines->size(); ++i) o.lines.push_back(read_line(r, (*lines)[i], Reader::index(Reader::join(path, "lines"), i)));
    if (const json* totals = r.member(doc, "totals", path, true)) o.total = r.money(*totals, "total", Reader::join(path, "totals"));
    if (const json* f = r.member(doc, "fulfilment", path, true)) {
        // Where and when only: the address (a name and a street) is not kept.
        const std::string fp = Reader::join(path, "fulfilment");
        o.fulfilment.type = r.str(*f, "type", fp, false, 16);
        o.fulfilment.store_id = r.str(*f, "store_id", fp, false);
        o.fulfilment.ready_by = r.str(*f, "ready_by", fp, false, 64);
        if (const json* eta = r.member(*f, "eta", fp, false)) {
            o.fulfilment.eta_min = r.str(*eta, "min", fp + ".eta", false, 64);
            o.fulfilment.eta_max = r.str(*eta, "max", fp + ".eta", false, 64);
        }
    }
    if (const json* pay = r.member(doc, "payment", path, true)) {
        std::string pp = Reader::join(path, "payment");
        o.payment_method = r.str(*pay, "method", pp);
        o.till_code = r.str(*pay, "till_code", pp, false, 64);
        o.payment_url = r.str(*pay, "payment_url", pp, false, 2048);
    }
    return o;
}
}  // namespace

Result<Order> parse_order(const json& doc) {
    Reader r;
    Order o = read_order(r, doc, "");
    return finish(r, std::move(o));
}

Result<std::vector<Order>> parse_order_list(const json& doc) {
    Reader r;
    std::vector<Order> out;
    if (const json* orders = r.array(doc, "orders", "", true, 10000))
        for (std::size_t i = 0; i < orders->size(); ++i) out.push_back(read_order(r, (*orders)[i], Reader::index("orders", i)));
    return finish(r, std::move(out));
}

Result<StaffSession> parse_staff_session(const json& doc) {
    Reader r;
    StaffSession s;
    s.token = r.str(doc, "token", "");
    s.expires_at = r.str(doc, "expires_at", "", false, 64);
    if (const json* staff = r.member(doc, "staff", "", true)) {
        s.staff_id = r.str(*staff, "id", "staff");
        s.staff_name = r.str(*staff, "name", "staff", false);
    }
    return finish(r, std::move(s));
}

Result<CustomerHistory> parse_customer_history(const json& doc) {
    Reader r;
    CustomerHistory h;
    if (const json* c = r.member(doc, "customer", "", true)) {
        h.name = r.str(*c, "name", "customer", false);
        h.card = r.str(*c, "card", "customer");
        h.tier = r.str(*c, "tier", "customer", false);
    }
    if (const json* list = r.array(doc, "purchases", "", true, 100000))
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& d = (*list)[i];
            std::string path = Reader::index("purchases", i);
            Purchase p;
            p.date = r.str(d, "date", path, true, 64);
            p.store_id = r.str(d, "store_id", path);
            p.sku = r.str(d, "sku", path);
            p.product_id = r.str(d, "product_id", path, false);
            p.name = r.text(d, "name", path, false);
            if (const json* opts = r.member(d, "options", path, false); opts && opts->is_object())
                for (auto it = opts->begin(); it != opts->end(); ++it) p.options[it.key()] = r.clean(it.value(), path + ".options", kMaxShort);
            p.quantity = r.integer(d, "quantity", path, true, 0, 100000);
            p.amount = r.money(d, "amount", path);
            h.purchases.push_back(std::move(p));
        }
    return finish(r, std::move(h));
}

namespace {
json text_json(const LocalizedText& t) {
    json o = json::object();
    for (const auto& [lang, s] : t.by_lang) o[lang] = s;
    return o;
}
json money_json(const Money& m) { return json{{"amount", m.amount}, {"currency", m.currency}}; }
std::string hhmm(int minute) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
    return buf;
}
}  // namespace

json to_json(const Product& p) {
    const auto& text = text_json;
    const auto& money = money_json;
    json images = json::array();
    for (const auto& i : p.images) {
        json img = {{"url", i.url}, {"width", i.width}, {"height", i.height}, {"alt", text(i.alt)}};
        if (!i.color.empty()) img["color"] = i.color;
        images.push_back(std::move(img));
    }
    json variants = json::array();
    for (const auto& v : p.variants) {
        json labels = json::object();
        for (const auto& [k, t] : v.labels) labels[k] = text(t);
        json jv = {{"sku", v.sku}, {"ean", v.ean}, {"options", v.options}, {"labels", labels},
                   {"price", {{"store", money(v.store_price)}, {"online", money(v.online_price)}}},
                   {"online_only", v.online_only}};
        if (v.compare_at) jv["compare_at"] = money(*v.compare_at);
        variants.push_back(std::move(jv));
    }
    json attributes = json::object();
    for (const auto& [lang, pairs] : p.attributes) {
        json o = json::object();
        for (const auto& [k, val] : pairs) o[k] = val;
        if (lang.empty()) attributes.update(o);
        else attributes[lang] = o;
    }
    return {{"id", p.id}, {"ref", p.ref}, {"brand", p.brand}, {"name", text(p.name)},
            {"description", text(p.description)}, {"care", text(p.care)}, {"category_ids", p.category_ids},
            {"attributes", attributes}, {"selling_points", p.selling_points}, {"badges", p.badges},
            {"images", images}, {"variants", variants}, {"updated_at", p.updated_at}};
}

json to_json(const Category& c) {
    json out = {{"id", c.id}, {"name", text_json(c.name)}, {"position", c.position}};
    if (!c.parent_id.empty()) out["parent_id"] = c.parent_id;
    return out;
}

json to_json(const Store& s) {
    json hours = json::array();
    for (const auto& slot : s.opening_hours)
        hours.push_back({{"day", slot.day}, {"open", hhmm(slot.open_minute)}, {"close", hhmm(slot.close_minute)}});
    return {{"id", s.id}, {"kind", s.kind}, {"name", s.name},
            {"address", {{"line1", s.line1}, {"postcode", s.postcode}, {"city", s.city}, {"country", s.country}}},
            {"location", {{"lat", s.lat}, {"lon", s.lon}}}, {"timezone", s.timezone}, {"phone", s.phone},
            {"opening_hours", hours}, {"closed_dates", s.closed_dates}, {"pickup", s.pickup}};
}

json to_json(const Order& o) {
    json lines = json::array();
    for (const auto& l : o.lines)
        lines.push_back({{"sku", l.sku}, {"product_id", l.product_id}, {"name", text_json(l.name)}, {"quantity", l.quantity},
                         {"unit_price", money_json(l.unit_price)}, {"line_total", money_json(l.line_total)}});
    json where = {{"type", o.fulfilment.type}};
    if (!o.fulfilment.store_id.empty()) where["store_id"] = o.fulfilment.store_id;
    if (!o.fulfilment.ready_by.empty()) where["ready_by"] = o.fulfilment.ready_by;
    if (!o.fulfilment.eta_min.empty() || !o.fulfilment.eta_max.empty())
        where["eta"] = {{"min", o.fulfilment.eta_min}, {"max", o.fulfilment.eta_max}};
    return {{"number", o.number}, {"status", o.status}, {"created_at", o.created_at}, {"lines", lines},
            {"totals", {{"total", money_json(o.total)}}}, {"fulfilment", std::move(where)},
            {"payment", {{"method", o.payment_method}, {"till_code", o.till_code}, {"payment_url", o.payment_url}}}};
}

}  // namespace catalog_client
