// The real kiosk (headless) behind a proxy that breaks one kind of call of the commerce API at a
// time: live stock, quotes, orders and the catalogue feed each get a slow (10 s) answer, a 503,
// a connection cut mid-body, malformed JSON, a 100 MB answer and hostile JSON (300 000 levels
// of nesting, invalid UTF-8, wrong types, 100 000-character strings with control characters).
// Each case checks what the shopper sees, that the kiosk keeps working, and for orders that the
// server ends with exactly one order once the API behaves again.
#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "central_api/demo/mutate.hpp"
#include "scenario_kit.hpp"

using namespace scenario;

namespace {

enum class Fault { None, Slow, Unavailable, Cut, Malformed, Huge, Deep, BadUtf8, WrongTypes, LongStrings, ResyncStalled };

const char* name_of(Fault f) {
    switch (f) {
        case Fault::None: return "none";
        case Fault::Slow: return "slow 10 s";
        case Fault::Unavailable: return "503";
        case Fault::Cut: return "cut mid-body";
        case Fault::Malformed: return "malformed";
        case Fault::Huge: return "100 MB";
        case Fault::Deep: return "nested 300 000 deep";
        case Fault::BadUtf8: return "invalid UTF-8";
        case Fault::WrongTypes: return "wrong types";
        case Fault::LongStrings: return "100 000-character strings";
        case Fault::ResyncStalled: return "cursor expired, then the full resync held up";
    }
    return "?";
}

const Fault kFaults[] = {Fault::Slow,     Fault::Unavailable, Fault::Cut,        Fault::Malformed, Fault::Huge,
                         Fault::Deep,     Fault::BadUtf8,     Fault::WrongTypes, Fault::LongStrings};

// Every string of `doc` (names, SKUs, cursors, numbers of orders...) becomes 100 000 characters
// with control characters and an ANSI escape in it.
void lengthen_strings(json& doc) {
    if (doc.is_string()) doc = std::string("\x01\x1b[31m") + std::string(100000, 'W');
    else if (doc.is_structured())
        for (auto& v : doc) lengthen_strings(v);
}

// A document with the top-level shape of `real` whose members all have the wrong type.
json wrong_types(const json& real) {
    if (!real.is_object()) return json{{"unexpected", true}};
    json out = json::object();
    for (auto it = real.begin(); it != real.end(); ++it) {
        if (it->is_string()) out[it.key()] = 42;
        else if (it->is_number()) out[it.key()] = "forty-two";
        else if (it->is_array()) out[it.key()] = json{{"not", "a list"}};
        else if (it->is_object()) out[it.key()] = json::array({1, 2, 3});
        else out[it.key()] = "?";
    }
    return out;
}

// A loopback HTTP proxy in front of the reference server. Calls whose path starts with `prefix`
// are forwarded (the server does its work: an order is committed) and their answer is replaced
// as `fault` says; everything else passes through.
class FaultProxy {
  public:
    explicit FaultProxy(int upstream) : upstream_(upstream) {
        auto handler = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
        http_.Get(".*", handler);
        http_.Post(".*", handler);
        http_.Delete(".*", handler);
        http_.set_read_timeout(30, 0);
        http_.set_write_timeout(30, 0);
        port_ = http_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);
        thread_ = std::thread([this] { http_.listen_after_bind(); });
    }
    ~FaultProxy() {
        release();
        http_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    void set(const std::string& prefix, Fault fault) {
        std::lock_guard lock(mu_);
        prefix_ = prefix;
        fault_ = fault;
        hits_ = 0;
        released_ = false;
    }
    void clear() { set("", Fault::None); }
    int hits() {
        std::lock_guard lock(mu_);
        return hits_;
    }
    // Waits (bounded) until `n` answers are being held back; false if that did not happen.
    bool wait_held(int n, std::chrono::seconds bound) {
        std::unique_lock lock(mu_);
        return cv_.wait_for(lock, bound, [&] { return held_ >= n; });
    }
    int held() {
        std::lock_guard lock(mu_);
        return held_;
    }
    // Ends a slow answer at once (the test is done with it).
    void release() {
        {
            std::lock_guard lock(mu_);
            released_ = true;
        }
        cv_.notify_all();
    }

  private:
    void serve(const httplib::Request& req, httplib::Response& res) {
        Fault fault = Fault::None;
        {
            std::lock_guard lock(mu_);
            if (fault_ != Fault::None && !prefix_.empty() && req.path.rfind(prefix_, 0) == 0) {
                fault = fault_;
                ++hits_;
            }
        }
        if (fault == Fault::ResyncStalled && req.has_param("since")) {
            // The kiosk's cursor has expired: it must resync from scratch.
            res.status = 410;
            res.set_content(R"({"type":"/problems/cursor_expired","status":410,"code":"cursor_expired","detail":"resync"})",
                            "application/problem+json");
            return;
        }
        httplib::Client up("127.0.0.1", upstream_);
        up.set_read_timeout(60, 0);
        httplib::Headers headers;
        for (const auto& [k, v] : req.headers)
            if (k == "Authorization" || k == "Idempotency-Key" || k == "X-Staff-Session") headers.emplace(k, v);
        std::string target = req.path;
        std::string query;
        for (const auto& [k, v] : req.params) query += (query.empty() ? "?" : "&") + k + "=" + httplib::detail::encode_query_param(v);
        target += query;
        httplib::Result r = req.method == "POST"     ? up.Post(target.c_str(), headers, req.body, "application/json")
                            : req.method == "DELETE" ? up.Delete(target.c_str(), headers)
                                                     : up.Get(target.c_str(), headers);
        if (!r) {
            res.status = 502;
            return;
        }
        res.status = r->status;
        const std::string type = r->get_header_value("Content-Type");
        std::string body = r->body;
        switch (fault) {
            case Fault::None: break;
            case Fault::Slow: {
                std::unique_lock lock(mu_);
                cv_.wait_for(lock, std::chrono::seconds(10), [&] { return released_; });
                break;
            }
            case Fault::ResyncStalled: {  // the full sync's first page: held until released (60 s at most)
                std::unique_lock lock(mu_);
                ++held_;
                cv_.notify_all();
                cv_.wait_for(lock, std::chrono::seconds(60), [&] { return released_; });
                --held_;
                break;
            }
            case Fault::Unavailable:
                res.status = 503;
                body = R"({"type":"/problems/internal","status":503,"code":"internal","detail":"maintenance"})";
                break;
            case Fault::Cut:
                res.set_chunked_content_provider(type, [half = body.substr(0, body.size() / 2)](std::size_t offset, httplib::DataSink& sink) {
                    if (offset > 0) return false;  // the connection drops here
                    return sink.write(half.data(), half.size());
                });
                return;
            case Fault::Malformed: body = body.substr(0, body.size() / 2); break;
            case Fault::Huge:
                res.set_chunked_content_provider(type, [](std::size_t offset, httplib::DataSink& sink) {
                    if (offset >= 100u * 1024 * 1024) {
                        sink.done();
                        return true;
                    }
                    std::string chunk(1024 * 1024, ' ');
                    if (offset == 0) chunk.replace(0, 12, "{\"items\":[1,");
                    return sink.write(chunk.data(), chunk.size());
                });
                return;
            case Fault::Deep: body = "{\"items\":" + std::string(300000, '[') + std::string(300000, ']') + "}"; break;
            case Fault::BadUtf8: {
                const std::size_t quote = body.find("\":\"");
                body.insert(quote == std::string::npos ? body.size() / 2 : quote + 3, "\xff\xfe\xc3\x28");
                break;
            }
            case Fault::WrongTypes: body = wrong_types(json::parse(body, nullptr, false)).dump(); break;
            case Fault::LongStrings: {
                json doc = json::parse(body, nullptr, false);
                lengthen_strings(doc);
                body = doc.dump();
                break;
            }
        }
        res.set_content(body, type.empty() ? "application/json" : type.c_str());
    }

    int upstream_;
    httplib::Server http_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mu_;
    std::condition_variable cv_;
    std::string prefix_;
    Fault fault_ = Fault::None;
    int hits_ = 0;
    int held_ = 0;
    bool released_ = false;
};

// A kiosk talking to the reference server through `proxy`.
struct ProxiedKiosk {
    ProxiedKiosk(Harness& h, FaultProxy& proxy)
        : kiosk(h, "fr", [&proxy](kiosk::KioskConfig& cfg, const std::string&) { cfg.client.api_url = proxy.url(); }) {}
    Kiosk kiosk;
};

// `n` distinct SKUs on the Paris Rivoli shelf (each fault reads a product never asked before).
std::vector<std::string> skus_on_shelf(Harness& h, std::size_t n) {
    std::vector<std::string> out;
    auto db = h.open_db();
    auto st = db->prepare("SELECT s.sku FROM stock s JOIN variants v ON v.sku = s.sku WHERE s.location_id = 'paris-rivoli' "
                          "AND s.quantity > 0 GROUP BY v.product_id ORDER BY s.sku LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(n));
    while (st.step()) out.push_back(st.text(0));
    REQUIRE(out.size() == n);
    return out;
}

json open_scanned(const std::string& ean) {
    return steps({{{"scan", ean}}, {{"wait", {{"screen", "product"}, {"visible", "product.add_to_cart"}}}, {"timeout_ms", 20000}}});
}

}  // namespace

TEST_CASE("live stock misbehaving: the product shows stock as unknown (never in stock) and the kiosk goes on") {
    Harness h;
    FaultProxy proxy(h.port());
    ProxiedKiosk pk(h, proxy);
    Kiosk& k = pk.kiosk;
    const auto skus = skus_on_shelf(h, std::size(kFaults) + 1);
    REQUIRE(k.run(steps({{{"tap", "attract.start"}}})));
    std::size_t i = 0;
    for (Fault f : kFaults) {
        const std::string fault = name_of(f);
        CAPTURE(fault);
        proxy.set("/v1/availability", f);
        const std::string sku = skus[i++];
        CHECK(k.run(concat({open_scanned(ean_of(h, sku)),
                            steps({{{"wait", {{"screen", "product"}, {"text", "Stock inconnu"}}}, {"timeout_ms", 30000}},
                                   {{"expect", {{"no_text", {"En stock", "Stock faible"}}}}}})})));
        CHECK(proxy.hits() >= 1);
        CHECK_FALSE(k.state().stock.at(sku).known);
        proxy.release();
    }
    // Once stock answers again, a product's stock is known (the kiosk was not left broken).
    proxy.clear();
    CHECK(k.run(concat({open_scanned(ean_of(h, skus.back())),
                        steps({{{"wait", {{"screen", "product"}, {"text", "En stock"}}}, {"timeout_ms", 30000}}})})));
}

TEST_CASE("speech: a product announced before its live stock came says the stock when it comes") {
    Harness h;
    FaultProxy proxy(h.port());
    ProxiedKiosk pk(h, proxy);
    Kiosk& k = pk.kiosk;
    const std::string sku = testing::stock_only_at(h, "paris-montparnasse", 5);  // sold out here
    const auto said = [&](const std::string& needle) {
        for (const std::string& s : k.app->spoken())
            if (s.find(needle) != std::string::npos) return true;
        return false;
    };
    // A key turns the keypad and speech on; then live stock is held back.
    REQUIRE(k.run(steps({{{"key", "tab"}}, {{"wait", {{"screen", "home"}}}, {"timeout_ms", 5000}}})));
    REQUIRE(k.state().access.speech);
    proxy.set("/v1/availability", Fault::Slow);
    // (Not settled: the kiosk stays busy while the stock is held back.)
    REQUIRE(k.run(steps({{{"scan", ean_of(h, sku)}, {"settle", false}}, {{"wait", {{"screen", "product"}, {"visible", "product.gallery"}}}, {"timeout_ms", 5000}, {"settle", false}}}), false));
    REQUIRE(k.state().product.product);
    const std::string name = k.state().product.product->name.text("fr", "fr");
    // The screen is announced without waiting more than 3 s for the stock...
    // (The script's clock is moved: time in a scripted run moves a frame at a time.)
    REQUIRE(k.run(steps({{{"advance_s", 3.5}, {"settle", false}}, {{"wait", {{"spoken", name}}}, {"timeout_ms", 3000}, {"settle", false}}}), false));
    CHECK(proxy.hits() >= 1);
    CHECK_FALSE(said("\u00c9puis\u00e9"));
    // ...and the stock is said when it comes, without the screen being announced again.
    const std::size_t before = k.app->spoken().size();
    proxy.release();
    CHECK(k.run(steps({{{"wait", {{"spoken", "\u00c9puis\u00e9"}}}, {"timeout_ms", 5000}}}), false));
    for (std::size_t i = before; i < k.app->spoken().size(); ++i) CHECK(k.app->spoken()[i].find(name) == std::string::npos);
    proxy.clear();
}

TEST_CASE("quotes misbehaving: the checkout says prices could not be checked, the basket is kept, retry works") {
    Harness h;
    FaultProxy proxy(h.port());
    ProxiedKiosk pk(h, proxy);
    Kiosk& k = pk.kiosk;
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 50);
    REQUIRE(k.run(concat({steps({{{"tap", "attract.start"}}}), open_scanned(ean_of(h, sku)),
                          steps({{{"tap", "product.add_to_cart"}}, {{"tap", "nav.cart"}}})})));
    for (Fault f : kFaults) {
        const std::string fault = name_of(f);
        CAPTURE(fault);
        proxy.set("/v1/quotes", f);
        if (f == Fault::Slow) {
            // Slow but answering within the call's timeout: the checkout waits, then shows the options.
            CHECK(k.run(steps({{{"tap", "cart.checkout"}},
                               {{"wait", {{"screen", "checkout"}, {"visible", "checkout.pickup"}}}, {"timeout_ms", 60000}}})));
        } else {
            // An API that is down (503, a cut connection) makes the checkout "unavailable for now"
            // (the kiosk retries by itself); an answer that cannot be read, "could not be checked".
            const bool down = f == Fault::Unavailable || f == Fault::Cut;
            const char* says = down ? "La commande est indisponible pour le moment"
                                    : "Les prix et les stocks n\u2019ont pas pu \u00eatre v\u00e9rifi\u00e9s";
            CHECK(k.run(steps({{{"tap", "cart.checkout"}},
                               {{"wait", {{"screen", "checkout"}, {"text", says}}}, {"timeout_ms", 60000}}})));
            CHECK(k.state().checkout.quote_error == (down ? "checkout.unavailable" : "checkout.quote_failed"));
            CHECK_FALSE(k.state().checkout.quote.has_value());  // nothing to order from: "place order" is disabled
        }
        CHECK(proxy.hits() >= 1);
        CHECK(k.state().cart.size() == 1);
        CHECK(k.run(steps({{{"tap", "nav.cart"}}, {{"expect", {{"screen", "cart"}}}}})));
    }
    proxy.clear();
    CHECK(k.run(steps({{{"tap", "cart.checkout"}},
                       {{"wait", {{"screen", "checkout"}, {"visible", "checkout.pickup"}}}, {"timeout_ms", 30000}}})));
}

TEST_CASE("order answers misbehaving after the server committed: 'we are confirming', then exactly one order") {
    Harness h;
    FaultProxy proxy(h.port());
    ProxiedKiosk pk(h, proxy);
    Kiosk& k = pk.kiosk;
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 40);
    REQUIRE(k.run(steps({{{"tap", "attract.start"}}})));
    std::int64_t expected = 0;
    for (Fault f : kFaults) {
        const std::string fault = name_of(f);
        CAPTURE(fault);
        CHECK(k.run(concat({open_scanned(ean_of(h, sku)),
                            steps({{{"tap", "product.add_to_cart"}}, {{"tap", "nav.cart"}}, {{"tap", "cart.checkout"}},
                                   {{"wait", {{"visible", "checkout.pickup"}}}, {"timeout_ms", 30000}},
                                   {{"tap", "checkout.pickup"}},
                                   {{"wait", {{"visible", "checkout.pickup.store.paris-rivoli"}}}, {"timeout_ms", 5000}},
                                   {{"tap", "checkout.pickup.store.paris-rivoli"}}}),
                            type_into("phone", "0612345678"),
                            steps({{{"tap", "checkout.payment.pay_at_till"}}})})));
        proxy.set("/v1/orders", f);
        if (f == Fault::Slow) {
            // Within the order call's timeout: "placing", then the confirmation.
            CHECK(k.run(steps({{{"tap", "checkout.place_order"}},
                               {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.number"}}}, {"timeout_ms", 60000}}})));
        } else {
            CHECK(k.run(steps({{{"tap", "checkout.place_order"}},
                               {{"wait", {{"text", "Nous confirmons votre commande"}}}, {"timeout_ms", 60000}}})));
            CHECK(proxy.hits() >= 1);
            // The server has it (the proxy forwarded the request); the kiosk does not know yet.
            CHECK(count_orders(h) == expected + 1);
            proxy.clear();
            CHECK(k.run(steps({{{"advance_s", 4}},
                               {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.number"}}}, {"timeout_ms", 60000}}})));
        }
        ++expected;
        CHECK(count_orders(h) == expected);
        proxy.clear();
        CHECK(k.run(steps({{{"tap", "confirmation.done"}}, {{"tap", "attract.start"}}})));
    }
}

TEST_CASE("the catalogue feed misbehaving: the sync fails or skips the bad products, browsing and search go on") {
    Harness h;
    FaultProxy proxy(h.port());
    ProxiedKiosk pk(h, proxy);
    Kiosk& k = pk.kiosk;
    REQUIRE(k.run(steps({{{"tap", "attract.start"}}})));
    const std::int64_t products = k.state().catalog_products;
    REQUIRE(products > 0);
    // A day of business for the next delta to carry (new, changed and deleted products).
    central_api::mutate_catalog(h.db_path(), 10, 3, [&h] { return h.now(); });
    for (Fault f : kFaults) {
        const std::string fault = name_of(f);
        CAPTURE(fault);
        proxy.set("/v1/catalog/changes", f);
        // The next periodic sync runs into the fault (the idle wipe ends the session meanwhile).
        CHECK(k.run(steps({{{"advance_s", 301}}, {{"advance_s", 11}}, {{"expect", {{"screen", "attract"}}}}})));
        CHECK(proxy.hits() >= 1);
        proxy.release();
        // A page that cannot be read changes nothing.
        CHECK(k.state().catalog_products == products);
        CHECK(k.run(steps({{{"tap", "attract.start"}},
                           {{"tap", "nav.search"}},
                           {{"type", "a"}},
                           {{"wait", {{"screen", "search"}, {"visible", "grid.item.0"}}}, {"timeout_ms", 20000}},
                           {{"tap", "grid.item.0"}},
                           {{"wait", {{"screen", "product"}, {"visible", "product.add_to_cart"}}}, {"timeout_ms", 20000}},
                           {{"tap", "nav.home"}}})));
    }
}

TEST_CASE("an order placed while a full sync is held up by a slow server is acknowledged within seconds") {
    Harness h;
    FaultProxy proxy(h.port());
    Kiosk k(h, "fr", [&proxy](kiosk::KioskConfig& cfg, const std::string&) {
        cfg.client.api_url = proxy.url();
        cfg.sync_interval_s = 20;
    });
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 5);
    REQUIRE(k.run(concat({steps({{{"tap", "attract.start"}}}), open_scanned(ean_of(h, sku)),
                          steps({{{"tap", "product.add_to_cart"}}, {{"tap", "nav.cart"}}, {{"tap", "cart.checkout"}},
                                 {{"wait", {{"visible", "checkout.pickup"}}}, {"timeout_ms", 30000}},
                                 {{"tap", "checkout.pickup"}},
                                 {{"wait", {{"visible", "checkout.pickup.store.paris-rivoli"}}}, {"timeout_ms", 5000}},
                                 {{"tap", "checkout.pickup.store.paris-rivoli"}}}),
                          type_into("phone", "0612345678"), steps({{{"tap", "checkout.payment.pay_at_till"}}})})));
    // The next periodic sync finds its cursor expired and starts over; the server holds its
    // first page back (as a large catalogue's full sync keeps the sync busy for minutes).
    proxy.set("/v1/catalog/changes", Fault::ResyncStalled);
    REQUIRE(k.run(steps({{{"advance_s", 21}, {"settle", false}}, {{"frames", 3}}})));
    REQUIRE(proxy.wait_held(1, std::chrono::seconds(30)));
    const auto placed = std::chrono::steady_clock::now();
    CHECK(k.run(steps({{{"tap", "checkout.place_order"}, {"settle", false}},
                       {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.number"}}}, {"timeout_ms", 10000}}}),
                false));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - placed).count();
    MESSAGE("confirmation awaited " << seconds << " s after the tap, the full sync held up meanwhile");
    CHECK(proxy.held() >= 1);  // the sync has not moved: the order did not wait for it
    CHECK(count_orders(h) == 1);
    CHECK(proxy.hits() >= 2);  // the expired delta, then the held page
    // Once the server answers, the full sync completes and the kiosk browses as before.
    proxy.clear();
    proxy.release();
    CHECK(k.run(steps({{{"frames", 3}}, {{"tap", "confirmation.done"}}, {{"tap", "attract.start"}},
                       {{"tap", "nav.search"}}, {{"type", "a"}},
                       {{"wait", {{"screen", "search"}, {"visible", "grid.item.0"}}}, {"timeout_ms", 30000}}})));
}
