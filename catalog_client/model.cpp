#include "model.hpp"

namespace catalog_client {

namespace {

constexpr std::size_t kMaxText = 20000;   // descriptions
constexpr std::size_t kMaxShort = 500;    // names, ids, codes

// Reads fields and remembers the first problem with its JSON path.
class Reader {
public:
    bool ok() const { return error_.empty(); }
    Error error() const { return Error{ErrorKind::Parse, 0, {}, error_, 0, {}}; }
    void fail(const std::string& path, const char* what) {
        if (error_.empty()) error_ = (path.empty() ? std::string("document") : path) + ": " + what;
    }

    const json* member(const json& obj, const char* key, const std::string& path, bool required) {
        if (!obj.is_object()) {
            fail(path, "not an object");
            return nullptr;
        }
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) fail(join(path, key), "missing");
            return nullptr;
        }
        return &*it;
    }
    std::string str(const json& obj, const char* key, const std::string& path, bool required = true,
                    std::size_t max = kMaxShort) {
        const json* v = member(obj, key, path, required);
        if (!v) return {};
        return clean(*v, join(path, key), max);
    }
    std::string clean(const json& v, const std::string& path, std::size_t max) {
        if (!v.is_string()) {
            fail(path, "not a string");
            return {};
        }
        const auto& s = v.get_ref<const std::string&>();
        if (s.size() > max) {
            fail(path, "too long");
            return {};
        }
        std::string out;
        out.reserve(s.size());
        for (unsigned char c : s)
            if (c >= 0x20 && c != 0x7f) out.push_back(static_cast<char>(c));
            else if (c == '\n' || c == '\t') out.push_back(' ');
        return out;
    }
    std::int64_t integer(const json& obj, const char* key, const std::string& path, bool required,
                         std::int64_t min, std::int64_t max) {
        const json* v = member(obj, key, path, required);
        if (!v) return 0;
        if (!v->is_number_integer()) {
            fail(join(path, key), "not an integer");
            return 0;
        }
        if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
            fail(join(path, key), "out of range");
            return 0;
        }
        auto n = v->get<std::int64_t>();
        if (n < min || n > max) {
            fail(join(path, key), "out of range");
            return 0;
        }
        return n;
    }
    double number(const json& obj, const char* key, const std::string& path, bool required) {
        const json* v = member(obj, key, path, required);
        if (!v) return 0;
        if (!v->is_number()) {
            fail(join(path, key), "not a number");
            return 0;
        }
        return v->get<double>();
    }
    bool boolean(const json& obj, const char* key, const std::string& path, bool required) {
        const json* v = member(obj, key, path, required);
        if (!v) return false;
        if (!v->is_boolean()) {
            fail(join(path, key), "not a boolean");
            return false;
        }
        return v->get<bool>();
    }
    Money money(const json& obj, const char* key, const std::string& path, bool required = true) {
        const json* v = member(obj, key, path, required);
        if (!v) return {};
        std::string p = join(path, key);
        Money m;
        m.amount = integer(*v, "amount", p, true, -1'000'000'000'00LL, 1'000'000'000'00LL);
        m.currency = str(*v, "currency", p, true, 8);
        return m;
    }
    LocalizedText text(const json& obj, const char* key, const std::string& path, bool required = true,
                       std::size_t max = kMaxShort) {
        LocalizedText t;
        const json* v = member(obj, key, path, required);
        if (!v) return t;
        std::string p = join(path, key);
        if (!v->is_object()) {
            fail(p, "not a localised text object");
            return t;
        }
        for (auto it = v->begin(); it != v->end(); ++it) {
            if (it.key().size() > 16) continue;  // not a language tag: ignored
            t.by_lang[it.key()] = clean(it.value(), p + "." + it.key(), max);
        }
        if (required && t.by_lang.empty()) fail(p, "empty");
        return t;
    }
    const json* array(const json& obj, const char* key, const std::string& path, bool required,
                      std::size_t max_items = 100000) {
        const json* v = member(obj, key, path, required);
        if (!v) return nullptr;
        if (!v->is_array()) {
            fail(join(path, key), "not an array");
            return nullptr;
        }
        if (v->size() > max_items) {
            fail(join(path, key), "too many items");
            return nullptr;
        }
        return v;
    }
    std::vector<std::string> strings(const json& obj, const char* key, const std::string& path,
                                     bool required, std::size_t max_items = 1000) {
        std::vector<std::string> out;
        const json* a = array(obj, key, path, required, max_items);
        if (!a) return out;
        for (std::size_t i = 0; i < a->size(); ++i) out.push_back(clean((*a)[i], index(join(path, key), i), kMaxShort));
        return out;
    }
    static std::string join(const std::string& path, const char* key) {
        return path.empty() ? std::string(key) : path + "." + key;
    }
    static std::string index(const std::string& path, std::size_t i) {
        return path + "[" + std::to_string(i) + "]";
    }

private:
    std::string error_;
};

template <class T>
Result<T> finish(Reader& r, T value) {
    if (!r.ok()) return r.error();
    return value;
}

Image read_image(Reader& r, const json& doc, const std::string& path) {
    Image img;
    img.url = r.str(doc, "url", path, true, 2048);
    img.width = static_cast<int>(r.integer(doc, "width", path, false, 0, 100000));
    img.height = static_cast<int>(r.integer(doc, "height", path, false, 0, 100000));
    img.alt = r.text(doc, "alt", path, false);
    img.color = r.str(doc, "color", path, false);
    return img;
}

Variant read_variant(Reader& r, const json& doc, const std::string& path) {
    Variant v;
    v.sku = r.str(doc, "sku", path);
    v.ean = r.str(doc, "ean", path, false, 32);
    if (const json* opts = r.member(doc, "options", path, false); opts && opts->is_object())
        for (auto it = opts->begin(); it != opts->end(); ++it)
            v.options[it.key()] = r.clean(it.value(), path + ".options." + it.key(), kMaxShort);
    if (const json* labels = r.member(doc, "labels", path, false); labels && labels->is_object())
        for (auto it = labels->begin(); it != labels->end(); ++it)
            v.labels[it.key()] = r.text(*labels, it.key().c_str(), path + ".labels", false);
    if (const json* price = r.member(doc, "price", path, true)) {
        v.store_price = r.money(*price, "store", path + ".price");
        v.online_price = r.money(*price, "online", path + ".price");
    }
    if (r.member(doc, "compare_at", path, false)) v.compare_at = r.money(doc, "compare_at", path);
    v.online_only = r.boolean(doc, "online_only", path, false);
    if (r.ok() && v.sku.empty()) r.fail(path + ".sku", "empty");
    return v;
}

Product read_product(Reader& r, const json& doc, const std::string& path) {
    Product p;
    p.id = r.str(doc, "id", path);
    if (r.ok() && p.id.empty()) r.fail(path + ".id", "empty");
    p.ref = r.str(doc, "ref", path, false);
    p.brand = r.str(doc, "brand", path, false);
    p.name = r.text(doc, "name", path);
    p.description = r.text(doc, "description", path, false, kMaxText);
    p.care = r.text(doc, "care", path, false, kMaxText);
    p.category_ids = r.strings(doc, "category_ids", path, false);
    p.badges = r.strings(doc, "badges", path, false);
    p.updated_at = r.str(doc, "updated_at", path, false, 64);
    if (const json* attrs = r.member(doc, "attributes", path, false); attrs && attrs->is_object()) {
        for (auto lang = attrs->begin(); lang != attrs->end(); ++lang) {
            if (lang.value().is_object()) {  // localised: {"fr": {"Matière": "coton"}}
                for (auto it = lang.value().begin(); it != lang.value().end(); ++it)
                    p.attributes[lang.key()].emplace_back(it.key(), r.clean(it.value(), path + ".attributes", kMaxShort));
            } else {  // plain: {"Matière": "coton"}, shown in every language
                p.attributes[""].emplace_back(lang.key(), r.clean(lang.value(), path + ".attributes", kMaxShort));
            }
        }
    }
    if (const json* points = r.member(doc, "selling_points", path, false); points && points->is_object())
        for (auto it = points->begin(); it != points->end(); ++it)
            p.selling_points[it.key()] = r.strings(*points, it.key().c_str(), path + ".selling_points", false, 50);
    if (const json* imgs = r.array(doc, "images", path, false, 200))
        for (std::size_t i = 0; i < imgs->size(); ++i) p.images.push_back(read_image(r, (*imgs)[i], Reader::index(path + ".images", i)));
    if (const json* vars = r.array(doc, "variants", path, true, 500))
        for (std::size_t i = 0; i < vars->size(); ++i) p.variants.push_back(read_variant(r, (*vars)[i], Reader::index(path + ".variants", i)));
    if (r.ok() && p.variants.empty()) r.fail(path + ".variants", "empty");
    return p;
}

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

Result<ChangePage> parse_change_page(const json& doc) {
    Reader r;
    ChangePage page;
    const json* changes = r.array(doc, "changes", "", true, 10000);
    page.next_cursor = r.str(doc, "next_cursor", "", true, 1000);
    page.has_more = r.boolean(doc, "has_more", "", true);
    if (!r.ok()) return r.error();
    if (page.next_cursor.empty()) return Error{ErrorKind::Parse, 0, {}, "next_cursor: empty", 0, {}};
    for (std::size_t i = 0; i < changes->size(); ++i) {
        Reader item;
        const json& c = (*changes)[i];
        std::string path = Reader::index("changes", i);
        std::string op = item.str(c, "op", path);
        Change change;
        if (item.ok() && op == "delete") {
            change.deleted = true;
            change.product_id = item.str(c, "product_id", path);
        } else if (item.ok() && op == "upsert") {
            if (const json* p = item.member(c, "product", path, true)) change.product = read_product(item, *p, path + ".product");
            if (change.product) change.product_id = change.product->id;
        } else if (item.ok()) {
            item.fail(path + ".op", "unknown operation");
        }
        if (item.ok() && change.product_id.empty()) item.fail(path, "no product id");
        if (item.ok()) page.changes.push_back(std::move(change));
        else page.skipped.push_back(item.error().message);
    }
    return page;
}

Result<std::vector<Category>> parse_categories(const json& doc) {
    Reader r;
    std::vector<Category> out;
    if (!doc.is_array()) return Error{ErrorKind::Parse, 0, {}, "categories: not an array", 0, {}};
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
    if (!doc.is_array()) return Error{ErrorKind::Parse, 0, {}, "stores: not an array", 0, {}};
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
    if (const json* f = r.member(doc, "fulfilment", path, true)) o.fulfilment = *f;
    if (const json* pay = r.member(doc, "payment", path, true)) {
        std::string pp = Reader::join(path, "payment");
        o.payment_method = r.str(*pay, "method", pp);
        o.till_code = r.str(*pay, "till_code", pp, false, 64);
        o.payment_url = r.str(*pay, "payment_url", pp, false, 2048);
    }
    o.raw = doc;
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

json to_json(const Product& p) {
    auto text = [](const LocalizedText& t) {
        json o = json::object();
        for (const auto& [lang, s] : t.by_lang) o[lang] = s;
        return o;
    };
    auto money = [](const Money& m) { return json{{"amount", m.amount}, {"currency", m.currency}}; };
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

}  // namespace catalog_client
