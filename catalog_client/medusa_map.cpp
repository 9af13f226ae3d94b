#include "catalog_client/medusa_map.hpp"

#include "catalog_client/field_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <set>

namespace catalog_client::medusa {

using detail::Reader;

namespace {

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A string member, or empty when it is absent, null or not a string (optional fields of
// documents we only take hints from).
std::string optional_str(Reader& r, const json& obj, const char* key, const std::string& path) {
    if (!obj.is_object()) return {};
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return {};
    return r.clean(*it, Reader::join(path, key), detail::kMaxShort);
}

const json* object_at(const json& obj, const char* key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it != obj.end() && it->is_object() ? &*it : nullptr;
}

const json* array_at(const json& obj, const char* key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it != obj.end() && it->is_array() ? &*it : nullptr;
}

json money_json(std::int64_t amount, const std::string& currency) { return {{"amount", amount}, {"currency", currency}}; }

// The contract's option keys for the usual option titles; others keep their title, lower case.
std::string option_key(const std::string& title) {
    const std::string t = lower(title);
    if (t == "taille" || t == "size" || t == "pointure") return "size";
    if (t == "couleur" || t == "color" || t == "colour" || t == "coloris") return "color";
    return t;
}

void keep_latest(std::string& latest, const std::string& candidate) {
    // RFC 3339 in UTC, as Medusa writes it: later is greater.
    if (candidate > latest) latest = candidate;
}

// The region's price of a variant (calculated_price, present when the listing names a region).
std::optional<Money> variant_price(const json& variant, std::optional<Money>* original) {
    const json* calc = object_at(variant, "calculated_price");
    if (!calc) return std::nullopt;
    auto it = calc->find("calculated_amount");
    if (it == calc->end()) return std::nullopt;
    auto amount = cents(*it);
    auto cur = calc->find("currency_code");
    if (!amount || *amount < 0 || cur == calc->end() || !cur->is_string() || cur->get_ref<const std::string&>().size() > 8)
        return std::nullopt;
    Money m{*amount, upper(cur->get<std::string>())};
    if (original) {
        auto orig = calc->find("original_amount");
        if (orig != calc->end())
            if (auto o = cents(*orig); o && *o > m.amount) *original = Money{*o, m.currency};
    }
    return m;
}

// available_quantity per location of a variant's (first) inventory item.
std::vector<std::pair<std::string, std::int64_t>> variant_levels(Reader& r, const json& variant, const std::string& path) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    const json* items = array_at(variant, "inventory_items");
    if (!items || items->empty()) return out;
    const json* inventory = object_at((*items)[0], "inventory");
    const json* levels = inventory ? array_at(*inventory, "location_levels") : nullptr;
    if (!levels) return out;
    for (std::size_t i = 0; i < levels->size() && i < 1000; ++i) {
        const json& level = (*levels)[i];
        std::string lp = Reader::index(path + ".location_levels", i);
        std::string location = r.str(level, "location_id", lp);
        double available = r.number(level, "available_quantity", lp, false);
        if (!r.ok()) break;
        if (!std::isfinite(available)) continue;
        out.emplace_back(location, static_cast<std::int64_t>(std::clamp(available, 0.0, 1e9)));
    }
    return out;
}

}  // namespace

const Location* Locations::by_location(const std::string& location_id) const {
    for (const auto& l : list)
        if (l.location_id == location_id) return &l;
    return nullptr;
}

const Location* Locations::by_store(const std::string& store_id) const {
    for (const auto& l : list)
        if (l.store_id == store_id) return &l;
    return nullptr;
}

const Location* Locations::delivery() const {
    for (const auto& l : list)
        if (!l.pickup) return &l;
    return nullptr;
}

std::optional<std::int64_t> cents(const json& number) {
    if (!number.is_number()) return std::nullopt;
    const double x = number.get<double>();
    if (!std::isfinite(x) || std::fabs(x) > 1e9) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(x * 100.0));
}

Result<Locations> locations_of(const json& doc) {
    Reader r;
    Locations out;
    const json* options = r.array(doc, "shipping_options", "", true, 1000);
    for (std::size_t i = 0; options && i < options->size() && r.ok(); ++i) {
        const json& o = (*options)[i];
        const std::string path = Reader::index("shipping_options", i);
        Location l;
        l.option_id = r.str(o, "id", path);
        const json* zone = r.member(o, "service_zone", path, true);
        const json* set = zone ? r.member(*zone, "fulfillment_set", path + ".service_zone", true) : nullptr;
        const std::string sp = path + ".service_zone.fulfillment_set";
        const json* where = set ? r.member(*set, "location", sp, true) : nullptr;
        if (!r.ok()) break;
        const std::string type = r.str(*set, "type", sp);
        l.location_id = r.str(*where, "id", sp + ".location");
        auto amount = o.contains("amount") ? cents(o["amount"]) : std::optional<std::int64_t>(0);
        if (!amount || *amount < 0) r.fail(path + ".amount", "not an amount");
        if (!r.ok()) break;
        if (out.by_location(l.location_id)) continue;  // one entry per location: its first option
        l.pickup = type == "pickup";
        l.kind = l.pickup ? "store" : "warehouse";
        l.price = Money{*amount, "EUR"};
        const json* data = object_at(o, "data");
        l.store_id = data ? optional_str(r, *data, "location_code", path + ".data") : std::string();
        if (l.store_id.empty()) l.store_id = l.location_id;
        if (const json* address = object_at(*where, "address")) {
            const std::string ap = sp + ".location.address";
            l.name = optional_str(r, *address, "company", ap);
            l.line1 = optional_str(r, *address, "address_1", ap);
            l.postcode = optional_str(r, *address, "postal_code", ap);
            l.city = optional_str(r, *address, "city", ap);
            l.country = upper(optional_str(r, *address, "country_code", ap));
            l.phone = optional_str(r, *address, "phone", ap);
        }
        if (l.name.empty() && data) l.name = optional_str(r, *data, "location_name", path + ".data");
        if (l.name.empty()) l.name = l.city.empty() ? l.store_id : l.city;
        out.list.push_back(std::move(l));
    }
    if (!r.ok()) return r.error();
    return out;
}

json stores_json(const Locations& locations) {
    json out = json::array();
    for (const auto& l : locations.list) {
        // The Store API gives no coordinates: distances are unknown (0).
        out.push_back({{"id", l.store_id}, {"kind", l.kind}, {"name", l.name},
                       {"address", {{"line1", l.line1}, {"postcode", l.postcode}, {"city", l.city}, {"country", l.country}}},
                       {"location", {{"lat", 0.0}, {"lon", 0.0}}}, {"phone", l.phone}, {"pickup", l.pickup}});
    }
    return out;
}

Result<std::vector<Category>> categories_of(const json& doc) {
    Reader r;
    json out = json::array();
    const json* list = r.array(doc, "product_categories", "", true, 100000);
    for (std::size_t i = 0; list && i < list->size() && r.ok(); ++i) {
        const json& c = (*list)[i];
        const std::string path = Reader::index("product_categories", i);
        json cat = {{"id", r.str(c, "id", path)}, {"name", {{"fr", r.str(c, "name", path)}}},
                    {"position", r.integer(c, "rank", path, false, -1000000, 1000000)}};
        std::string parent = optional_str(r, c, "parent_category_id", path);
        if (!parent.empty()) cat["parent_id"] = parent;
        out.push_back(std::move(cat));
    }
    if (!r.ok()) return r.error();
    return parse_categories(out);
}

Result<Product> product_of(const json& p, std::string& latest) {
    Reader r;
    const std::string id = r.str(p, "id", "product");
    const std::string path = "product " + id;
    const std::string title = r.str(p, "title", path);
    std::string ref;
    if (const json* meta = object_at(p, "metadata")) ref = optional_str(r, *meta, "ref", path + ".metadata");
    if (ref.empty()) ref = optional_str(r, p, "external_id", path);
    if (ref.empty()) ref = optional_str(r, p, "handle", path);
    std::string brand;
    if (const json* meta = object_at(p, "metadata")) brand = optional_str(r, *meta, "brand", path + ".metadata");
    json doc = {{"id", id}, {"ref", ref}, {"brand", brand}, {"name", {{"fr", title}}}};
    if (p.contains("description") && p["description"].is_string())
        doc["description"] = {{"fr", r.clean(p["description"], path + ".description", detail::kMaxText)}};
    std::string updated = optional_str(r, p, "updated_at", path);
    keep_latest(latest, updated);
    json categories = json::array();
    if (const json* cats = array_at(p, "categories"))
        for (std::size_t i = 0; i < cats->size() && i < 100; ++i) {
            std::string c = optional_str(r, (*cats)[i], "id", path + ".categories");
            if (!c.empty()) categories.push_back(c);
        }
    doc["category_ids"] = categories;
    json images = json::array();
    if (const json* imgs = array_at(p, "images"))
        for (std::size_t i = 0; i < imgs->size() && i < 50; ++i) {
            std::string url = optional_str(r, (*imgs)[i], "url", path + ".images");
            if (!url.empty()) images.push_back({{"url", url}});
        }
    if (images.empty()) {
        std::string thumb = optional_str(r, p, "thumbnail", path);
        if (!thumb.empty()) images.push_back({{"url", thumb}});
    }
    doc["images"] = images;
    json variants = json::array();
    const json* vars = r.array(p, "variants", path, true, 500);
    for (std::size_t i = 0; vars && i < vars->size() && r.ok(); ++i) {
        const json& v = (*vars)[i];
        const std::string vp = Reader::index(path + ".variants", i);
        std::string sku = optional_str(r, v, "sku", vp);
        std::optional<Money> original;
        auto price = variant_price(v, &original);
        if (sku.empty() || !price) continue;  // without a SKU or a price in the region, not sellable here
        std::string ean = optional_str(r, v, "ean", vp);
        if (ean.empty()) ean = optional_str(r, v, "barcode", vp);
        if (ean.size() > 32) ean.clear();
        json options = json::object();
        if (const json* opts = array_at(v, "options"))
            for (std::size_t k = 0; k < opts->size() && k < 20; ++k) {
                const json& o = (*opts)[k];
                std::string value = optional_str(r, o, "value", vp + ".options");
                const json* option = object_at(o, "option");
                std::string title_of = option ? optional_str(r, *option, "title", vp + ".options") : std::string();
                if (!value.empty() && !title_of.empty()) options[option_key(title_of)] = value;
            }
        keep_latest(latest, optional_str(r, v, "updated_at", vp));
        json jv = {{"sku", sku}, {"ean", ean}, {"options", options},
                   {"price", {{"store", money_json(price->amount, price->currency)}, {"online", money_json(price->amount, price->currency)}}}};
        if (original) jv["compare_at"] = money_json(original->amount, original->currency);
        variants.push_back(std::move(jv));
    }
    if (!r.ok()) return r.error();
    if (variants.empty()) return Error::of(ErrorKind::Parse, path + ": no variant with a SKU and a price in the region");
    doc["variants"] = variants;
    doc["updated_at"] = updated;
    return parse_product(doc);
}

std::vector<VariantInfo> variants_of(const json& products, const std::vector<std::string>& skus) {
    Reader r;
    std::vector<VariantInfo> out;
    const std::set<std::string> wanted(skus.begin(), skus.end());
    const json* list = array_at(products, "products");
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        const json& p = (*list)[i];
        const std::string path = Reader::index("products", i);
        const json* vars = array_at(p, "variants");
        for (std::size_t k = 0; vars && k < vars->size(); ++k) {
            const json& v = (*vars)[k];
            const std::string vp = Reader::index(path + ".variants", k);
            VariantInfo info;
            info.sku = optional_str(r, v, "sku", vp);
            if (!wanted.count(info.sku)) continue;
            info.variant_id = optional_str(r, v, "id", vp);
            info.product_id = optional_str(r, p, "id", path);
            std::string title = optional_str(r, p, "title", path);
            if (!title.empty()) info.name.by_lang["fr"] = title;
            info.price = variant_price(v, nullptr);
            Reader levels;
            info.levels = variant_levels(levels, v, vp);
            if (!info.variant_id.empty()) out.push_back(std::move(info));
        }
    }
    return out;
}

std::int64_t units_at(const VariantInfo& variant, const std::string& location_id) {
    for (const auto& [location, quantity] : variant.levels)
        if (location == location_id) return quantity;
    return 0;
}

std::int64_t units_online(const VariantInfo& variant, const Locations& locations) {
    std::int64_t sum = 0;
    for (const auto& [location, quantity] : variant.levels)
        if (const Location* l = locations.by_location(location); l && !l->pickup) sum += quantity;
    return sum;
}

Availability availability_of(const json& products, const std::vector<std::string>& skus, const Locations& locations) {
    Availability out;
    const auto variants = variants_of(products, skus);
    for (const auto& sku : skus) {
        auto it = std::find_if(variants.begin(), variants.end(), [&](const VariantInfo& v) { return v.sku == sku; });
        if (it == variants.end()) {
            out.unknown_skus.push_back(sku);
            continue;
        }
        SkuAvailability a;
        a.sku = sku;
        for (const auto& [location_id, quantity] : it->levels) {
            const Location* l = locations.by_location(location_id);
            if (!l) continue;  // not a location of this sales channel's shipping options
            if (l->pickup) a.locations.push_back({l->store_id, l->kind, "", quantity, 0});
            else a.online_quantity += quantity;
        }
        out.items.push_back(std::move(a));
    }
    return out;
}

Result<Order> order_of(const json& o, const Locations& locations) {
    Reader r;
    const std::string id = r.str(o, "id", "order");
    const std::string status = optional_str(r, o, "status", "order");
    const std::string payment = optional_str(r, o, "payment_status", "order");
    const std::string fulfilled = optional_str(r, o, "fulfillment_status", "order");
    std::string currency = upper(optional_str(r, o, "currency_code", "order"));
    if (currency.empty()) currency = "EUR";
    auto total = o.contains("total") ? cents(o["total"]) : std::nullopt;
    if (!total) r.fail("order.total", "not an amount");
    if (!r.ok()) return r.error();
    std::string state = "awaiting_payment";
    if (status == "canceled") state = "cancelled";
    else if (fulfilled == "delivered") state = "delivered";
    else if (fulfilled == "shipped" || fulfilled == "partially_shipped") state = "shipped";
    else if (status == "completed") state = "collected";
    else if (payment == "captured" || payment == "partially_captured") state = "paid";
    json doc = {{"number", id}, {"status", state}, {"created_at", optional_str(r, o, "created_at", "order")},
                {"totals", {{"total", money_json(*total, currency)}}}};
    json lines = json::array();
    const json* items = r.array(o, "items", "order", true, 1000);
    for (std::size_t i = 0; items && i < items->size() && r.ok(); ++i) {
        const json& it = (*items)[i];
        const std::string ip = Reader::index("order.items", i);
        auto unit = it.contains("unit_price") ? cents(it["unit_price"]) : std::nullopt;
        if (!unit) {
            r.fail(ip + ".unit_price", "not an amount");
            break;
        }
        const std::int64_t quantity = r.integer(it, "quantity", ip, true, 1, 10000);
        std::string name = optional_str(r, it, "product_title", ip);
        if (name.empty()) name = optional_str(r, it, "title", ip);
        if (!r.ok()) break;
        json line = {{"sku", optional_str(r, it, "variant_sku", ip)}, {"product_id", optional_str(r, it, "product_id", ip)},
                     {"quantity", quantity}, {"unit_price", money_json(*unit, currency)},
                     {"line_total", money_json(*unit * quantity, currency)}};
        if (!name.empty()) line["name"] = {{"fr", name}};
        lines.push_back(std::move(line));
    }
    if (!r.ok()) return r.error();
    doc["lines"] = lines;
    json where = {{"type", "delivery"}};
    if (const json* methods = array_at(o, "shipping_methods"); methods && !methods->empty()) {
        const std::string option = optional_str(r, (*methods)[0], "shipping_option_id", "order.shipping_methods[0]");
        for (const auto& l : locations.list)
            if (l.option_id == option && l.pickup) where = {{"type", "pickup"}, {"store_id", l.store_id}};
        // A method whose option we do not know (a restart before the stores were read): what the
        // kiosk wrote in its data.
        if (where["type"] == "delivery")
            if (const json* data = object_at((*methods)[0], "data")) {
                std::string store = optional_str(r, *data, "pickup_store", "order.shipping_methods[0].data");
                if (!store.empty()) where = {{"type", "pickup"}, {"store_id", store}};
            }
    }
    doc["fulfilment"] = where;
    json pay = {{"method", "pay_at_till"}};
    if (o.contains("display_id") && o["display_id"].is_number_integer()) pay["till_code"] = std::to_string(o["display_id"].get<std::int64_t>());
    doc["payment"] = pay;
    return parse_order(doc);
}

Error refusal(int status, const std::string& code, const std::string& message, const std::string& sku) {
    Error e = Error::of(ErrorKind::Http, message);
    e.http_status = status;
    e.code = code;
    e.problem.code = code;
    e.problem.sku = sku;
    return e;
}

std::string http_date_to_iso(const std::string& http_date, long shift_s) {
    std::tm tm{};
    const char* end = strptime(http_date.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (!end || *end != '\0') return {};
    const std::time_t t = timegm(&tm) + shift_s;
    std::tm out{};
    gmtime_r(&t, &out);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &out);
    return buf;
}

}  // namespace catalog_client::medusa
