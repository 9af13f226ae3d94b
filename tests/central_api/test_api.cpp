// Every read endpoint, authentication, and every kind of bad request.
#include "harness.hpp"
#include "central_api/util.hpp"

#include <stb_image.h>

#include <doctest/doctest.h>

#include <mutex>
#include <thread>

using testing::Harness;
using testing::json;

namespace {
void check_problem(const testing::Response& r, int status, const std::string& code) {
    CHECK(r.status == status);
    CHECK(r.header("Content-Type").find("application/problem+json") == 0);
    json doc = r.doc();
    REQUIRE(doc.is_object());
    CHECK(doc["status"] == status);
    CHECK(doc["code"] == code);
    CHECK(doc["title"].is_string());
    CHECK(doc["type"].is_string());
    CHECK(doc["detail"].is_string());
}
}  // namespace

TEST_CASE("health needs no token; everything else does") {
    Harness h;
    auto health = h.get("/v1/health", {}, false);
    CHECK(health.status == 200);
    CHECK(health.doc()["status"] == "ok");
    check_problem(h.get("/v1/kiosks/me", {}, false), 401, "unauthorized");
    check_problem(h.get("/v1/stores", {{"Authorization", "Bearer nope"}}), 401, "unauthorized");
    check_problem(h.get("/v1/stores", {{"Authorization", "Basic abc"}}), 401, "unauthorized");
    auto me = h.get("/v1/kiosks/me");
    CHECK(me.status == 200);
    CHECK(me.doc()["store_id"] == "paris-rivoli");
    CHECK(me.doc()["kiosk_id"] == h.kiosk_id);
}

TEST_CASE("stores and categories") {
    Harness h;
    auto stores = h.get("/v1/stores");
    REQUIRE(stores.status == 200);
    json list = stores.doc();
    REQUIRE(list.is_array());
    CHECK(list.size() == 42);
    for (const auto& s : list) {
        CHECK(s["id"].is_string());
        CHECK((s["kind"] == "store" || s["kind"] == "warehouse"));
        CHECK(s["address"]["postcode"].is_string());
        CHECK(s["location"]["lat"].is_number());
        CHECK(s["opening_hours"].is_array());
        CHECK(s["closed_dates"].is_array());
        CHECK(s["pickup"].is_boolean());
    }
    auto cats = h.get("/v1/catalog/categories").doc();
    REQUIRE(cats.is_array());
    CHECK(cats.size() > 40);
    CHECK(cats[0]["name"]["fr"] == "Mode");
    CHECK(cats[0]["parent_id"].is_null());
}

TEST_CASE("one product, fresh, and 404 for an unknown one") {
    Harness h;
    auto p = h.get("/v1/catalog/products/P0000001");
    REQUIRE(p.status == 200);
    json doc = p.doc();
    CHECK(doc["id"] == "P0000001");
    CHECK(doc["variants"].size() >= 1);
    CHECK(doc["name"]["fr"].is_string());
    check_problem(h.get("/v1/catalog/products/P9999999"), 404, "not_found");
    check_problem(h.get("/v1/no/such/path"), 404, "not_found");
}

TEST_CASE("availability: shelves sorted by distance, online stock, incoming, unknown SKUs") {
    Harness h;
    auto db = h.open_db();
    auto st = db->prepare("SELECT sku FROM stock GROUP BY sku HAVING COUNT(*) >= 3 LIMIT 2");
    std::vector<std::string> skus;
    while (st.step()) skus.push_back(st.text(0));
    REQUIRE(skus.size() == 2);
    auto r = h.get("/v1/availability?skus=" + skus[0] + "," + skus[1] + ",NOPE&near=lyon-part-dieu");
    REQUIRE(r.status == 200);
    json doc = r.doc();
    CHECK(doc["as_of"].is_string());
    CHECK(doc["items"].size() == 2);
    CHECK(doc["unknown_skus"] == json::array({"NOPE"}));
    for (const auto& item : doc["items"]) {
        double last = -1;
        for (const auto& l : item["locations"]) {
            CHECK(l["quantity"].get<int>() > 0);
            CHECK(l["distance_km"].get<double>() >= last);
            last = l["distance_km"].get<double>();
        }
        CHECK(item["online"]["quantity"].is_number_integer());
        CHECK(item["incoming"].is_array());
    }
    check_problem(h.get("/v1/availability"), 422, "validation_failed");
    std::string many;
    for (int i = 0; i < 51; ++i) many += (i ? "," : "") + std::string("S") + std::to_string(i);
    auto too_many = h.get("/v1/availability?skus=" + many);
    check_problem(too_many, 422, "validation_failed");
    CHECK(testing::names_field(too_many, "skus", "too_many"));
    auto bad_near = h.get("/v1/availability?skus=" + skus[0] + "&near=atlantide");
    CHECK(testing::names_field(bad_near, "near", "unknown"));
}

TEST_CASE("events and heartbeat") {
    Harness h;
    json batch = {{"events", {{{"type", "search"}, {"at", "2026-11-23T10:00:00+01:00"}, {"session_id", "s1"}, {"data", {{"q", "crème"}}}},
                              {{"type", "product_view"}, {"at", "2026-11-23T10:00:05+01:00"}, {"session_id", "s1"}}}}};
    auto r = h.post("/v1/events", batch);
    CHECK(r.status == 202);
    CHECK(r.doc()["accepted"] == 2);
    auto bad = h.post("/v1/events", json{{"events", {{{"type", 5}, {"at", "x"}, {"session_id", "s"}}}}});
    check_problem(bad, 422, "validation_failed");
    CHECK(testing::names_field(bad, "events[0].type", "wrong_type"));

    auto hb = h.post("/v1/kiosks/heartbeat", json{{"version", "0.1.0"}, {"catalog_cursor", nullptr}, {"outbox_depth", 0}, {"uptime_s", 12}});
    CHECK(hb.status == 204);
    auto bad_hb = h.post("/v1/kiosks/heartbeat", json{{"version", "0.1.0"}, {"outbox_depth", -1}, {"uptime_s", 1}});
    CHECK(testing::names_field(bad_hb, "outbox_depth", "out_of_range"));
    auto db = h.open_db();
    auto st = db->prepare("SELECT COUNT(*) FROM heartbeats");
    st.step();
    CHECK(st.integer(0) == 1);
}

TEST_CASE("images: JPEG, ETag and 304, bad paths are 404") {
    Harness h;
    json product = h.get("/v1/catalog/products/P0000002").doc();
    std::string url = product["images"][0]["url"];
    auto img = h.get(url + "?w=200");
    REQUIRE(img.status == 200);
    CHECK(img.header("Content-Type") == "image/jpeg");
    std::string etag = img.header("ETag");
    CHECK_FALSE(etag.empty());
    int w = 0, hh = 0, n = 0;
    unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(img.body.data()),
                                                  static_cast<int>(img.body.size()), &w, &hh, &n, 3);
    REQUIRE(pixels != nullptr);
    stbi_image_free(pixels);
    CHECK(w == 200);
    auto again = h.get(url + "?w=200", {{"If-None-Match", etag}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(h.get(url + "?w=100").header("ETag") != etag);
    check_problem(h.get("/v1/images/P0000002/unicorn/ff0000/0.jpg"), 404, "not_found");
    check_problem(h.get(url + "?w=100000"), 422, "validation_failed");
}

namespace {
// An image source that answers fixed bytes for one kind and records what the server asked for.
struct RecordingImages final : central_api::ImageSource {
    mutable std::mutex mutex;
    mutable std::vector<central_api::ImageQuery> asked;
    bool has_kind(std::string_view kind) const override { return kind == "thing"; }
    std::string jpeg(const central_api::ImageQuery& query) const override {
        std::lock_guard lock(mutex);
        asked.push_back(query);
        return "bytes of a thing";
    }
};
}  // namespace

TEST_CASE("images: the server's pictures come from its image source; without one, 404") {
    auto source = std::make_shared<RecordingImages>();
    central_api::ServerOptions options;
    options.image_source = source;
    Harness h(options);
    const std::string url = "/v1/images/P0000002/thing/0a80ff/2.jpg?w=64";
    auto img = h.get(url);
    CHECK(img.status == 200);
    CHECK(img.body == "bytes of a thing");
    CHECK(h.get(url).body == "bytes of a thing");  // the second one comes from the server's LRU
    REQUIRE(source->asked.size() == 1);
    const central_api::ImageQuery& q = source->asked[0];
    CHECK(q.product == "P0000002");
    CHECK(q.kind == "thing");
    CHECK((q.r == 0x0a && q.g == 0x80 && q.b == 0xff));
    CHECK(q.view == 2);
    CHECK(q.width == 64);
    check_problem(h.get("/v1/images/P0000002/tshirt/ff0000/0.jpg"), 404, "not_found");  // not this source's

    // The same database served by a server with no image source.
    central_api::ServerOptions bare_options;
    bare_options.db_path = h.db_path();
    bare_options.clock = [&h] { return h.now(); };
    central_api::Server bare(bare_options);
    bare.bind();
    std::thread serving([&bare] { bare.run(); });
    httplib::Client client(bare.url());
    auto res = client.Get("/v1/images/P0000002/tshirt/ff0000/0.jpg", h.auth_headers());
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->get_header_value("Content-Type").find("application/problem+json") == 0);
    json doc = json::parse(res->body, nullptr, false);
    CHECK(doc["code"] == "not_found");
    CHECK(doc["detail"].get<std::string>().find("no image source") != std::string::npos);
    CHECK(client.Get("/v1/catalog/products/P0000002", h.auth_headers())->status == 200);  // the rest is served
    bare.stop();
    serving.join();
}

TEST_CASE("malformed and hostile requests get problems, never a 500") {
    Harness h;
    check_problem(h.post("/v1/quotes", std::string("{\"lines\": [")), 400, "bad_request");
    check_problem(h.post("/v1/quotes", std::string("[1,2,3]")), 422, "validation_failed");
    check_problem(h.post("/v1/quotes", std::string("{\"lines\":[{\"sku\":\"\xff\xfe\",\"quantity\":1}]}")), 400, "bad_request");
    auto control = h.post("/v1/quotes", json{{"lines", {{{"sku", std::string("A\x01" "B")}, {"quantity", 1}}}}});
    CHECK(testing::names_field(control, "lines[0].sku", "invalid"));
    auto long_sku = h.post("/v1/quotes", json{{"lines", {{{"sku", std::string(100000, 'x')}, {"quantity", 1}}}}});
    CHECK(testing::names_field(long_sku, "lines[0].sku", "too_long"));
    auto typed = h.post("/v1/quotes", json{{"lines", {{{"sku", 12}, {"quantity", "two"}}}}});
    CHECK(testing::names_field(typed, "lines[0].sku", "wrong_type"));
    CHECK(testing::names_field(typed, "lines[0].quantity", "wrong_type"));
    auto huge_number = h.post("/v1/quotes", std::string("{\"lines\":[{\"sku\":\"x\",\"quantity\":1e400}]}"));
    CHECK(huge_number.status >= 400);
    CHECK(huge_number.status < 500);
    std::string big(1024 * 1024 + 10, ' ');
    check_problem(h.post("/v1/events", big), 413, "payload_too_large");
    std::string deep(10000, '[');
    auto nested = h.post("/v1/events", deep);
    CHECK(nested.status == 400);
}

TEST_CASE("a kiosk that sends too fast gets 429 rate_limited, other kiosks do not") {
    central_api::ServerOptions options;
    options.rate_per_s = 1;
    options.rate_burst = 3;
    Harness h(options);
    for (int i = 0; i < 3; ++i) CHECK(h.get("/v1/kiosks/me").status == 200);
    auto limited = h.get("/v1/kiosks/me");
    check_problem(limited, 429, "rate_limited");
    CHECK(limited.doc()["retry_after_s"] == 1);
    CHECK(limited.header("Retry-After") == "1");
    CHECK(h.get("/v1/kiosks/me", {{"Authorization", "Bearer " + h.token_for_store("lyon-part-dieu")}}).status == 200);
    h.advance(1);
    CHECK(h.get("/v1/kiosks/me").status == 200);
    CHECK(h.get("/v1/health", {}, false).status == 200);  // health is never limited
}

TEST_CASE("a failing database is a 503 internal problem, and the server keeps serving") {
    Harness h;
    {
        auto db = h.open_db();
        db->exec("DROP TABLE events");
    }
    json batch = {{"events", {{{"type", "search"}, {"at", "2026-11-23T10:00:00+01:00"}, {"session_id", "s1"}}}}};
    check_problem(h.post("/v1/events", batch), 503, "internal");
    CHECK(h.get("/v1/kiosks/me").status == 200);
}

TEST_CASE("hand-off: a cart's lines saved for 7 days behind a short link, a plain page on the phone") {
    Harness h;
    std::vector<std::string> skus;
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT sku FROM variants ORDER BY sku LIMIT 2");
        while (st.step()) skus.push_back(st.text(0));
    }
    REQUIRE(skus.size() == 2);
    auto made = h.post("/v1/handoffs", json{{"lines", {{{"sku", skus[0]}, {"quantity", 2}}, {{"sku", skus[1]}, {"quantity", 1}}}}});
    REQUIRE(made.status == 201);
    const std::string url = made.doc()["url"];
    const std::string id = made.doc()["id"];
    CHECK(id.size() == 10);
    CHECK(url == h.url() + "/h/" + id);
    CHECK(made.doc()["expires_at"].get<std::string>().size() == 25);
    // The page: no token needed, both lines with their names, quantities and prices, a total,
    // links to the web shop; nothing about the kiosk.
    auto page = h.get("/h/" + id, {}, false);
    REQUIRE(page.status == 200);
    CHECK(page.header("Content-Type").find("text/html") == 0);
    std::int64_t total = 0;
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT v.price_online, v.name, p.doc FROM variants v JOIN products p ON p.id = v.product_id WHERE sku = ?");
        for (std::size_t i = 0; i < 2; ++i) {
            st.bind(1, skus[i]);
            REQUIRE(st.step());
            total += st.integer(0) * (i == 0 ? 2 : 1);
            const json name = json::parse(st.text(1));
            CHECK(page.body.find(central_api::escape_html(name["fr"])) != std::string::npos);
            CHECK(page.body.find("/p/" + json::parse(st.text(2))["ref"].get<std::string>() + "?sku=" + skus[i]) != std::string::npos);
            st.reset();
        }
    }
    CHECK(page.body.find("2 × ") != std::string::npos);
    CHECK(page.body.find(central_api::euros_fr(total)) != std::string::npos);
    CHECK(page.body.find(h.kiosk_id) == std::string::npos);
    // Validation: unknown SKU, empty, too many units; a kiosk token is needed to make one.
    CHECK(testing::names_field(h.post("/v1/handoffs", json{{"lines", {{{"sku", "NOPE"}, {"quantity", 1}}}}}), "lines[0].sku", "unknown"));
    CHECK(h.post("/v1/handoffs", json{{"lines", json::array()}}).status == 422);
    CHECK(h.post("/v1/handoffs", json{{"lines", {{{"sku", skus[0]}, {"quantity", 500}}}}}).status == 422);
    CHECK(h.post("/v1/handoffs", std::string("{\"lines\":"), {}, true).status == 400);
    CHECK(h.post("/v1/handoffs", json{{"lines", {{{"sku", skus[0]}, {"quantity", 1}}}}}.dump(), {}, false).status == 401);
    // Unknown and expired links: a page saying so (404).
    CHECK(h.get("/h/2345678923", {}, false).status == 404);
    h.advance(7 * 86400 + 1);
    auto expired = h.get("/h/" + id, {}, false);
    CHECK(expired.status == 404);
    CHECK(expired.body.find("expir") != std::string::npos);
    // The next hand-off deletes the expired ones.
    REQUIRE(h.post("/v1/handoffs", json{{"lines", {{{"sku", skus[0]}, {"quantity", 1}}}}}).status == 201);
    auto db = h.open_db();
    auto st = db->prepare("SELECT COUNT(*) FROM handoffs");
    st.step();
    CHECK(st.integer(0) == 1);
}

TEST_CASE("idle kept-alive connections give their worker up when another connection waits for one") {
    // Two workers, two kiosks idle on kept-alive connections: a third kiosk is still served at
    // once, not after the 5 s keep-alive timeout (httplib holds a worker per connection).
    central_api::ServerOptions options;
    options.threads = 2;
    Harness h(options);
    std::vector<std::unique_ptr<httplib::Client>> idle;
    for (int i = 0; i < 2; ++i) {
        idle.push_back(std::make_unique<httplib::Client>("127.0.0.1", h.port()));
        idle.back()->set_keep_alive(true);
        REQUIRE(idle.back()->Get("/v1/health"));
    }
    httplib::Client third("127.0.0.1", h.port());
    third.set_connection_timeout(2, 0);
    third.set_read_timeout(2, 0);  // well below the keep-alive timeout
    auto r = third.Get("/v1/health");
    REQUIRE(r);
    CHECK(r->status == 200);
    // The idle ones reconnect by themselves on their next call.
    for (auto& c : idle) {
        auto again = c->Get("/v1/health");
        REQUIRE(again);
        CHECK(again->status == 200);
    }
}
