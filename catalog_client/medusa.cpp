#include "catalog_client/medusa.hpp"

#include "catalog_client/json_bounded.hpp"
#include "catalog_client/medusa_map.hpp"
#include "catalog_client/text_fold.hpp"

#include <algorithm>
#include <future>
#include <unordered_set>

namespace catalog_client {

using medusa::Locations;

namespace {

// What a product listing asks for: the texts, images, categories, and per variant its options,
// codes, update time and price in the region (calculated_price needs region_id).
constexpr const char* kProductFields =
    "*variants,*variants.options,*variants.calculated_price,+variants.barcode,+variants.ean,"
    "+variants.updated_at,*categories,*images,+updated_at,+metadata,+external_id";
constexpr const char* kStockFields = "id,title,variants.id,variants.sku,*variants.calculated_price,"
                                     "+variants.inventory_items.inventory.location_levels.*";
constexpr const char* kCursorFull = "medusa:full:";
constexpr const char* kCursorSince = "medusa:since:";
constexpr long kCursorOverlapS = 60;  // a delta asks again for what changed in the minute before the last pass
// Products per listing page: Medusa's product documents are verbose (about 20 KB a product with
// 8 variants), so 200 keep a page near 4 MB, well inside the sync page's answer cap.
constexpr int kMaxPage = 200;
// Pages one delta listing may take (10 000 000 products): a backend that never ends is an error.
constexpr std::size_t kMaxPages = 50000;

Error not_supported(const char* what) {
    return medusa::refusal(501, "not_supported", std::string(what) + " is not offered by the Medusa backend");
}

json quote_line(const medusa::VariantInfo& v, std::int64_t quantity) {
    const Money& price = *v.price;
    json line = {{"sku", v.sku}, {"product_id", v.product_id}, {"quantity", quantity},
                 {"unit_price", {{"amount", price.amount}, {"currency", price.currency}}},
                 {"line_total", {{"amount", price.amount * quantity}, {"currency", price.currency}}}};
    if (!v.name.empty()) line["name"] = {{"fr", v.name.text("fr")}};
    return line;
}

// A product listing's page: {"products": [...], "count": N}.
bool is_listing(const json& doc) {
    return doc.is_object() && doc.contains("products") && doc["products"].is_array() && doc.contains("count") &&
           doc["count"].is_number_unsigned();
}

// The listing's products as upserts (those that do not read: skipped, with why); `seen` (when
// given) leaves out products already taken. `latest` keeps the latest update seen.
void add_products(const json& doc, ChangePage& page, std::string& latest, std::unordered_set<std::string>* seen) {
    for (const auto& p : doc["products"]) {
        auto product = medusa::product_of(p, latest);
        if (!product.ok()) {
            page.skipped.push_back(product.error().message);
            continue;
        }
        if (seen && !seen->insert(product.value().id).second) continue;
        Change c;
        c.product_id = product.value().id;
        c.product = std::move(product.value());
        page.changes.push_back(std::move(c));
    }
}

}  // namespace

MedusaApi::MedusaApi(Transport& transport, MedusaSettings settings, OrderNotes* notes)
    : CommerceApi(transport, settings.base_url), settings_(std::move(settings)), notes_(notes) {}

MedusaApi::~MedusaApi() { shutdown(); }

void MedusaApi::shutdown() {
    std::list<Job> jobs;
    {
        std::lock_guard<std::mutex> lock(mu_);
        stopping_ = true;
        for (RequestId id : in_flight_) transport().cancel(id);
        jobs.swap(jobs_);
    }
    for (auto& j : jobs)
        if (j.thread.joinable()) j.thread.join();
}

Capabilities MedusaApi::capabilities() const {
    Capabilities c;
    c.staff = false;
    c.handoff = false;
    c.telemetry = false;
    c.incoming_stock = false;
    c.idempotency_keys = false;
    c.pay_on_phone = false;
    return c;
}

RequestId MedusaApi::run(std::function<void()> job) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = jobs_.begin(); it != jobs_.end();) {  // the jobs that ended
        if (it->done->load()) {
            it->thread.join();
            it = jobs_.erase(it);
        } else {
            ++it;
        }
    }
    auto done = std::make_shared<std::atomic<bool>>(false);
    jobs_.push_back({std::thread([job = std::move(job), done] {
                         job();
                         done->store(true);
                     }),
                     done});
    return next_job_++;
}

template <class T>
RequestId MedusaApi::run_result(std::function<Result<T>()> work, Done<T> done) {
    return run([this, work = std::move(work), done = std::move(done)] {
        bool stopping;
        {
            std::lock_guard<std::mutex> lock(mu_);
            stopping = stopping_;
        }
        done(stopping ? Result<T>(Error::of(ErrorKind::Cancelled, "the backend is shutting down")) : work());
    });
}

Result<MedusaApi::Reply> MedusaApi::call(const std::string& method, const std::string& path, const json* body,
                                         std::size_t cap, std::chrono::milliseconds timeout, bool retry) {
    HttpRequest r;
    r.method = method;
    r.url = base_url() + path;
    r.with_token = false;
    r.headers.emplace_back("x-publishable-api-key", settings_.publishable_key);
    if (body) {
        r.body = body->dump();
        r.headers.emplace_back("Content-Type", "application/json");
    }
    r.retry = retry;
    r.total_timeout = timeout;
    r.max_response_bytes = capped(cap);
    r.max_problem_bytes = capped(response_caps().problem);
    auto promise = std::make_shared<std::promise<Result<HttpResponse>>>();
    auto future = promise->get_future();
    RequestId id;
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (stopping_) return Error::of(ErrorKind::Cancelled, "the backend is shutting down");
        id = transport().submit(std::move(r), [promise](Result<HttpResponse> resp) { promise->set_value(std::move(resp)); });
        in_flight_.insert(id);
    }
    auto resp = future.get();
    {
        std::lock_guard<std::mutex> lock(mu_);
        in_flight_.erase(id);
    }
    if (!resp.ok()) return resp.error();
    Reply reply;
    reply.date = resp.value().header("date");
    if (resp.value().body.empty()) return reply;
    auto parsed = parse_json_bounded(resp.value().body);
    if (!parsed.ok()) return Error::of(ErrorKind::Parse, "Medusa's answer is not valid JSON: " + parsed.message.substr(0, 200));
    reply.doc = std::move(parsed.doc);
    return reply;
}

Result<std::string> MedusaApi::region_id() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (!region_id_.empty()) return region_id_;
    }
    auto r = call("GET", "/store/regions?limit=100&fields=id,name", nullptr, response_caps().reference, std::chrono::seconds(15));
    if (!r.ok()) return r.error();
    const json& list = r.value().doc.is_object() && r.value().doc.contains("regions") ? r.value().doc["regions"] : json();
    std::string found;
    for (std::size_t i = 0; list.is_array() && i < list.size() && found.empty(); ++i) {
        const json& region = list[i];
        if (!region.is_object() || !region.contains("id") || !region["id"].is_string()) continue;
        const std::string id = region["id"].get<std::string>();
        const std::string name = region.contains("name") && region["name"].is_string() ? region["name"].get<std::string>() : "";
        if (settings_.region.empty() || settings_.region == id || fold(settings_.region) == fold(name)) found = id;
    }
    if (found.empty())
        return Error::of(ErrorKind::Config, settings_.region.empty() ? std::string("Medusa has no region")
                                                                     : "Medusa has no region named " + settings_.region);
    std::lock_guard<std::mutex> lock(mu_);
    region_id_ = found;
    return found;
}

// The locations come from the shipping options of a cart; one probe cart is made and reused.
Result<std::shared_ptr<const Locations>> MedusaApi::locations(bool refresh) {
    std::string cart;
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (locations_ && !refresh) return locations_;
        cart = probe_cart_;
    }
    auto region = region_id();
    if (!region.ok()) return region.error();
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (cart.empty()) {
            const json body = {{"region_id", region.value()}, {"metadata", {{"kiosk_probe", true}, {"kiosk_id", settings_.kiosk_id}}}};
            auto made = call("POST", "/store/carts", &body, response_caps().small * 4, std::chrono::seconds(15), false);
            if (!made.ok()) return made.error();
            const json& c = made.value().doc;
            if (!c.is_object() || !c.contains("cart") || !c["cart"].contains("id") || !c["cart"]["id"].is_string())
                return Error::of(ErrorKind::Parse, "Medusa's new cart has no id");
            cart = c["cart"]["id"].get<std::string>();
        }
        auto options = call("GET", "/store/shipping-options?cart_id=" + url_encode(cart), nullptr, response_caps().reference,
                            std::chrono::seconds(15));
        if (!options.ok() && options.error().kind == ErrorKind::Http && options.error().http_status < 500 && attempt == 0) {
            cart.clear();  // the probe cart is gone (completed or removed): make another
            continue;
        }
        if (!options.ok()) return options.error();
        auto read = medusa::locations_of(options.value().doc);
        if (!read.ok()) return read.error();
        auto shared = std::make_shared<const Locations>(std::move(read.value()));
        std::lock_guard<std::mutex> lock(mu_);
        probe_cart_ = cart;
        locations_ = shared;
        return shared;
    }
    return Error::of(ErrorKind::Http, "Medusa lists no shipping options");
}

Result<json> MedusaApi::listing(const std::vector<std::string>& skus) {
    auto region = region_id();
    if (!region.ok()) return region.error();
    std::string path = "/store/products?limit=100&region_id=" + url_encode(region.value()) + "&fields=" + url_encode(kStockFields);
    for (const auto& sku : skus) path += "&variants%5Bsku%5D%5B%5D=" + url_encode(sku);
    auto r = call("GET", path, nullptr, response_caps().availability * 4, std::chrono::seconds(8));
    if (!r.ok()) return r.error();
    return std::move(r.value().doc);
}

RequestId MedusaApi::me(Done<KioskIdentity> done) {
    return run_result<KioskIdentity>(
        [this]() -> Result<KioskIdentity> {
            if (settings_.store_id.empty()) return Error::of(ErrorKind::Config, "medusa.store is not set: which location is this kiosk in?");
            return KioskIdentity{settings_.kiosk_id, settings_.store_id};
        },
        std::move(done));
}

RequestId MedusaApi::stores(Done<std::vector<Store>> done) {
    return run_result<std::vector<Store>>(
        [this]() -> Result<std::vector<Store>> {
            auto l = locations(true);
            if (!l.ok()) return l.error();
            return parse_stores(medusa::stores_json(*l.value()));
        },
        std::move(done));
}

RequestId MedusaApi::categories(Done<std::vector<Category>> done) {
    return run_result<std::vector<Category>>(
        [this]() -> Result<std::vector<Category>> {
            auto r = call("GET", "/store/product-categories?limit=1000&fields=id,name,handle,parent_category_id,rank", nullptr,
                          response_caps().reference, std::chrono::seconds(15));
            if (!r.ok()) return r.error();
            return medusa::categories_of(r.value().doc);
        },
        std::move(done));
}

// One page of the full sync: products in the order they were created (stable under updates).
Result<ChangePage> MedusaApi::full_page(std::size_t offset, int limit, std::string since) {
    auto region = region_id();
    if (!region.ok()) return region.error();
    const std::string path = "/store/products?order=created_at&limit=" + std::to_string(limit) + "&offset=" +
                             std::to_string(offset) + "&region_id=" + url_encode(region.value()) +
                             "&fields=" + url_encode(kProductFields);
    auto r = call("GET", path, nullptr, response_caps().sync_page, sync_timeout());
    if (!r.ok()) return r.error();
    const json& doc = r.value().doc;
    if (!is_listing(doc)) return Error::of(ErrorKind::Parse, "Medusa's product listing has no products or count");
    if (since.empty()) since = medusa::http_date_to_iso(r.value().date, -kCursorOverlapS);
    ChangePage page;
    std::string latest;
    add_products(doc, page, latest, nullptr);
    if (since.empty()) since = latest;  // no Date header: the latest change seen
    const std::size_t next = offset + doc["products"].size();
    page.has_more = !doc["products"].empty() && next < doc["count"].get<std::size_t>();
    page.next_cursor = page.has_more ? kCursorFull + std::to_string(next) + ":" + since : kCursorSince + since;
    return page;
}

// Everything that changed after `since`, and every id there is, in one page.
Result<ChangePage> MedusaApi::delta(const std::string& since, int limit) {
    auto region = region_id();
    if (!region.ok()) return region.error();
    ChangePage page;
    std::string next, latest;
    std::unordered_set<std::string> seen;
    const std::string stamp = url_encode(since);
    for (const char* filter : {"updated_at%5B%24gt%5D=", "variants%5Bupdated_at%5D%5B%24gt%5D="}) {
        for (std::size_t offset = 0, pages = 0;; ++pages) {
            if (pages == kMaxPages) return Error::of(ErrorKind::Parse, "Medusa's change listing does not end");
            const std::string path = "/store/products?order=created_at&limit=" + std::to_string(limit) + "&offset=" +
                                     std::to_string(offset) + "&" + filter + stamp + "&region_id=" + url_encode(region.value()) +
                                     "&fields=" + url_encode(kProductFields);
            auto r = call("GET", path, nullptr, response_caps().sync_page, sync_timeout());
            if (!r.ok()) return r.error();
            const json& doc = r.value().doc;
            if (!is_listing(doc)) return Error::of(ErrorKind::Parse, "Medusa's product listing has no products or count");
            if (next.empty()) next = medusa::http_date_to_iso(r.value().date, -kCursorOverlapS);
            add_products(doc, page, latest, &seen);
            offset += doc["products"].size();
            if (doc["products"].empty() || offset >= doc["count"].get<std::size_t>()) break;
        }
    }
    std::vector<std::string> ids;
    for (std::size_t offset = 0, pages = 0;; ++pages) {
        if (pages == kMaxPages) return Error::of(ErrorKind::Parse, "Medusa's id listing does not end");
        auto r = call("GET", "/store/products?fields=id&order=created_at&limit=1000&offset=" + std::to_string(offset), nullptr,
                      response_caps().sync_page, sync_timeout());
        if (!r.ok()) return r.error();
        const json& doc = r.value().doc;
        if (!is_listing(doc)) return Error::of(ErrorKind::Parse, "Medusa's id listing has no products or count");
        for (const auto& p : doc["products"])
            if (p.is_object() && p.contains("id") && p["id"].is_string()) ids.push_back(p["id"].get<std::string>());
        offset += doc["products"].size();
        if (doc["products"].empty() || offset >= doc["count"].get<std::size_t>()) break;
    }
    page.all_ids = std::move(ids);
    if (next.empty()) next = std::max(latest, since);
    page.next_cursor = kCursorSince + next;
    page.has_more = false;
    return page;
}

RequestId MedusaApi::changes(const std::string& cursor, int limit, Done<ChangePage> done) {
    return run_result<ChangePage>(
        [this, cursor, limit]() -> Result<ChangePage> {
            const int size = std::clamp(limit, 1, kMaxPage);
            if (cursor.empty()) return full_page(0, size, "");
            if (cursor.rfind(kCursorSince, 0) == 0) {
                const std::string since = cursor.substr(std::char_traits<char>::length(kCursorSince));
                if (since.size() >= 20 && since.size() <= 40) return delta(since, size);
            } else if (cursor.rfind(kCursorFull, 0) == 0) {
                const std::string rest = cursor.substr(std::char_traits<char>::length(kCursorFull));
                const std::size_t colon = rest.find(':');
                const std::string offset = rest.substr(0, colon);
                if (colon != std::string::npos && !offset.empty() && offset.size() < 10 &&
                    offset.find_first_not_of("0123456789") == std::string::npos)
                    return full_page(std::stoul(offset), size, rest.substr(colon + 1));
            }
            // Another backend's cursor, or a damaged one: start again from the beginning.
            return medusa::refusal(410, "cursor_expired", "a cursor this backend did not give: the replica starts again");
        },
        std::move(done));
}

RequestId MedusaApi::product(const std::string& id, Done<Product> done) {
    return run_result<Product>(
        [this, id]() -> Result<Product> {
            auto region = region_id();
            if (!region.ok()) return region.error();
            auto r = call("GET", "/store/products/" + url_encode(id) + "?region_id=" + url_encode(region.value()) +
                                     "&fields=" + url_encode(kProductFields),
                          nullptr, response_caps().product, std::chrono::seconds(15));
            if (!r.ok()) return r.error();
            if (!r.value().doc.is_object() || !r.value().doc.contains("product"))
                return Error::of(ErrorKind::Parse, "Medusa's product answer has no product");
            std::string latest;
            return medusa::product_of(r.value().doc["product"], latest);
        },
        std::move(done));
}

RequestId MedusaApi::availability(const std::vector<std::string>& skus, const std::string& /*near*/,
                                  Done<Availability> done) {
    return run_result<Availability>(
        [this, skus]() -> Result<Availability> {
            if (skus.empty() || skus.size() > 50) return medusa::refusal(422, "invalid", "between 1 and 50 SKUs per call");
            auto l = locations(false);
            if (!l.ok()) return l.error();
            auto products = listing(skus);
            if (!products.ok()) return products.error();
            return medusa::availability_of(products.value(), skus, *l.value());
        },
        std::move(done));
}

RequestId MedusaApi::quote(const std::vector<QuoteItem>& lines, Done<Quote> done) {
    return run_result<Quote>(
        [this, lines]() -> Result<Quote> {
            if (lines.empty() || lines.size() > 50) return medusa::refusal(422, "invalid", "between 1 and 50 lines per quote");
            auto l = locations(false);
            if (!l.ok()) return l.error();
            std::vector<std::string> skus;
            for (const auto& line : lines) skus.push_back(line.sku);
            auto products = listing(skus);
            if (!products.ok()) return products.error();
            const auto variants = medusa::variants_of(products.value(), skus);
            json out_lines = json::array();
            std::int64_t total = 0;
            std::string currency = "EUR";
            bool delivery = true;
            std::vector<bool> pickup(l.value()->list.size(), true);
            for (const auto& line : lines) {
                auto v = std::find_if(variants.begin(), variants.end(), [&](const auto& x) { return x.sku == line.sku; });
                if (v == variants.end() || !v->price) {
                    Error e = medusa::refusal(422, "unknown_sku", "no such SKU for sale here: " + line.sku);
                    e.problem.sku = line.sku;
                    return e;
                }
                out_lines.push_back(quote_line(*v, line.quantity));
                total += v->price->amount * line.quantity;
                currency = v->price->currency;
                delivery = delivery && medusa::units_online(*v, *l.value()) >= line.quantity;
                for (std::size_t k = 0; k < pickup.size(); ++k)
                    pickup[k] = pickup[k] && medusa::units_at(*v, l.value()->list[k].location_id) >= line.quantity;
            }
            json options = json::array();
            const auto* home = l.value()->delivery();
            if (delivery && home)
                options.push_back({{"type", "delivery"}, {"price", {{"amount", home->price.amount}, {"currency", currency}}}});
            for (std::size_t k = 0; k < pickup.size(); ++k) {
                const auto& at = l.value()->list[k];
                if (pickup[k] && at.pickup)
                    options.push_back({{"type", "pickup"}, {"store_id", at.store_id}, {"source", "shelf"},
                                       {"price", {{"amount", at.price.amount}, {"currency", currency}}}});
            }
            return parse_quote({{"lines", out_lines}, {"options", options}, {"totals", {{"items", {{"amount", total}, {"currency", currency}}}}}});
        },
        std::move(done));
}

RequestId MedusaApi::place_order(const std::string& idempotency_key, const OrderRequest& request,
                                 const std::string& /*staff_session*/, Done<Order> done) {
    return run_result<Order>([this, idempotency_key, request]() { return place(idempotency_key, request); }, std::move(done));
}

RequestId MedusaApi::order(const std::string& number, Done<Order> done) {
    return run_result<Order>(
        [this, number]() -> Result<Order> {
            auto l = locations(false);
            if (!l.ok()) return l.error();
            auto r = call("GET", "/store/orders/" + url_encode(number) + "?fields=*items,*shipping_methods,+display_id", nullptr,
                          response_caps().order, std::chrono::seconds(15));
            if (!r.ok()) return r.error();
            if (!r.value().doc.is_object() || !r.value().doc.contains("order"))
                return Error::of(ErrorKind::Parse, "Medusa's order answer has no order");
            return medusa::order_of(r.value().doc["order"], *l.value());
        },
        std::move(done));
}

RequestId MedusaApi::health(Done<Unit> done) {
    return run_result<Unit>(
        [this]() -> Result<Unit> {
            auto r = call("GET", "/health", nullptr, response_caps().health, std::chrono::seconds(5));
            if (!r.ok() && r.error().kind != ErrorKind::Parse) return r.error();
            return Unit{};  // 200 with a plain-text body
        },
        std::move(done));
}

RequestId MedusaApi::create_handoff(const std::vector<QuoteItem>&, Done<HandoffLink> done) {
    return run_result<HandoffLink>([] { return Result<HandoffLink>(not_supported("handing a cart off to a phone")); }, std::move(done));
}
RequestId MedusaApi::orders_by_card(const std::string&, const std::string&, Done<std::vector<Order>> done) {
    return run_result<std::vector<Order>>([] { return Result<std::vector<Order>>(not_supported("orders by loyalty card")); },
                                          std::move(done));
}
RequestId MedusaApi::open_staff_session(const std::string&, const std::string&, Done<StaffSession> done) {
    return run_result<StaffSession>([] { return Result<StaffSession>(not_supported("staff sessions")); }, std::move(done));
}
RequestId MedusaApi::close_staff_session(const std::string&, Done<Unit> done) {
    return run_result<Unit>([] { return Result<Unit>(not_supported("staff sessions")); }, std::move(done));
}
RequestId MedusaApi::customer(const std::string&, const std::string&, Done<CustomerHistory> done) {
    return run_result<CustomerHistory>([] { return Result<CustomerHistory>(not_supported("customer history")); }, std::move(done));
}
RequestId MedusaApi::send_events(const json&, Done<Unit> done) {
    return run_result<Unit>([] { return Result<Unit>(not_supported("events")); }, std::move(done));
}
RequestId MedusaApi::snapshot(Done<SnapshotManifest> done) {
    return run_result<SnapshotManifest>([] { return Result<SnapshotManifest>(not_supported("replica snapshots")); }, std::move(done));
}
RequestId MedusaApi::heartbeat(const json&, Done<Unit> done) {
    return run_result<Unit>([] { return Result<Unit>(not_supported("heartbeats")); }, std::move(done));
}

}  // namespace catalog_client
