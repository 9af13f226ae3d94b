// Who may read what (issue 10, item 4): an order's personal fields are masked for every reader
// but the kiosk that placed it and staff of the channel's or the fulfilling store; failed order
// lookups are limited per kiosk; staff calls need a staff session of the kiosk's own store.
#include "harness.hpp"

#include <doctest/doctest.h>

using testing::Harness;
using testing::json;

namespace {

httplib::Headers as_kiosk(Harness& h, const std::string& store, const std::string& staff_session = {}) {
    httplib::Headers headers{{"Authorization", "Bearer " + h.token_for_store(store)}};
    if (!staff_session.empty()) headers.emplace("X-Staff-Session", staff_session);
    return headers;
}

std::string staff_session(Harness& h, const std::string& store) {
    const std::string staff_id = "s-" + store + "-1";
    auto r = h.post("/v1/staff/sessions", json{{"pin", h.pin_for(staff_id)}, {"staff_id", staff_id}},
                    as_kiosk(h, store));
    REQUIRE(r.status == 201);
    return r.doc()["token"];
}

// Strings of the order that only its authorised readers may see.
const char* const kPersonal[] = {"Crépin", "Lilas", "69003", "elodie", "example.org", "/pay/"};

void check_whole(const testing::Response& r, const json& placed) {
    REQUIRE(r.status == 200);
    json doc = r.doc();
    CHECK(doc == placed);
    CHECK_FALSE(doc.contains("masked"));
}

void check_masked(const testing::Response& r, const json& placed) {
    REQUIRE(r.status == 200);
    json doc = r.doc();
    CHECK(doc["masked"] == true);
    CHECK(doc["number"] == placed["number"]);
    CHECK(doc["status"] == placed["status"]);
    CHECK(doc["lines"] == placed["lines"]);
    CHECK(doc["totals"] == placed["totals"]);
    CHECK(doc["fulfilment"]["type"] == placed["fulfilment"]["type"]);
    CHECK(doc["payment"]["method"] == placed["payment"]["method"]);
    CHECK_FALSE(doc["payment"].contains("till_code"));
    CHECK_FALSE(doc["payment"].contains("payment_url"));
    CHECK_FALSE(doc.contains("loyalty_card"));
    for (const char* s : kPersonal) {
        CAPTURE(s);
        CHECK(r.body.find(s) == std::string::npos);
    }
}

}  // namespace

TEST_CASE("an order is whole for the kiosk that placed it and masked for another store's kiosk") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 2);
    {
        auto db = h.open_db();
        db->prepare("INSERT INTO stock(sku, location_id, quantity) VALUES(?,?,?)").bind(1, sku).bind(2, "wh-moissy-cramayel").bind(3, 10).run();
    }
    json body = testing::order_body(h, sku, 1, "");  // delivery to Élodie Crépin, 12 rue des Lilas
    body["payment"]["method"] = "pay_on_phone";
    auto placed = h.post("/v1/orders", body, {{"Idempotency-Key", "mask-1"}});
    REQUIRE(placed.status == 201);
    const json order = placed.doc();
    const std::string path = "/v1/orders/" + order["number"].get<std::string>();
    // The 201 itself carries the delivery name and the payment link: the test strings are there.
    CHECK(placed.body.find("Crépin") != std::string::npos);
    CHECK(placed.body.find("/pay/") != std::string::npos);

    check_whole(h.get(path), order);
    check_masked(h.get(path, as_kiosk(h, "marseille-terrasses")), order);
    // A staff session of an unrelated store does not unmask it either.
    std::string lyon_staff = staff_session(h, "lyon-part-dieu");
    check_masked(h.get(path, as_kiosk(h, "lyon-part-dieu", lyon_staff)), order);
    // Staff of the channel's store see it whole.
    check_whole(h.get(path, {{"X-Staff-Session", staff_session(h, "paris-rivoli")}}), order);
}

TEST_CASE("a pickup order is whole for staff of the fulfilling store, masked for its kiosk alone") {
    Harness h;
    std::string card;
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT card FROM customers LIMIT 1");
        REQUIRE(st.step());
        card = st.text(0);
    }
    std::string sku = testing::stock_only_at(h, "lyon-part-dieu", 3);
    json body = testing::order_body(h, sku, 1, "lyon-part-dieu");
    body["loyalty_card"] = card;
    auto placed = h.post("/v1/orders", body, {{"Idempotency-Key", "mask-2"}});
    REQUIRE(placed.status == 201);
    const json order = placed.doc();
    REQUIRE(order["payment"].contains("till_code"));
    const std::string path = "/v1/orders/" + order["number"].get<std::string>();

    check_masked(h.get(path, as_kiosk(h, "lyon-part-dieu")), order);  // no staff session
    const std::string lyon_staff = staff_session(h, "lyon-part-dieu");
    check_whole(h.get(path, as_kiosk(h, "lyon-part-dieu", lyon_staff)), order);

    // The same rule applies to the orders of a loyalty card.
    auto lyon = h.get("/v1/orders?loyalty_card=" + card, as_kiosk(h, "lyon-part-dieu", lyon_staff));
    REQUIRE(lyon.status == 200);
    REQUIRE(lyon.doc()["orders"].size() == 1);
    CHECK(lyon.doc()["orders"][0] == order);
    const std::string lille_staff = staff_session(h, "lille-euralille");
    auto lille = h.get("/v1/orders?loyalty_card=" + card, as_kiosk(h, "lille-euralille", lille_staff));
    REQUIRE(lille.status == 200);
    REQUIRE(lille.doc()["orders"].size() == 1);
    CHECK(lille.doc()["orders"][0]["masked"] == true);
    CHECK_FALSE(lille.doc()["orders"][0]["payment"].contains("till_code"));
    CHECK(lille.body.find("elodie") == std::string::npos);
}

TEST_CASE("failed order lookups are limited per kiosk: the N+1th unknown number is refused") {
    central_api::ServerOptions options;
    options.order_lookup_failures = 5;
    options.order_lookup_window_s = 600;
    Harness h(options);
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 2);
    auto placed = h.post("/v1/orders", testing::order_body(h, sku, 1, "paris-rivoli"), {{"Idempotency-Key", "rl-1"}});
    REQUIRE(placed.status == 201);
    const std::string known = "/v1/orders/" + placed.doc()["number"].get<std::string>();
    for (int i = 0; i < 5; ++i) {
        CHECK(h.get(known).status == 200);  // successful lookups do not count
        CHECK(h.get("/v1/orders/K-ZZZZ-" + std::to_string(10 + i)).status == 404);
    }
    auto refused = h.get("/v1/orders/K-ZZZZ-99");
    CHECK(refused.status == 429);
    CHECK(refused.doc()["code"] == "rate_limited");
    CHECK(refused.doc()["retry_after_s"].get<std::int64_t>() > 0);
    CHECK(refused.doc()["retry_after_s"].get<std::int64_t>() <= 600);
    CHECK_FALSE(refused.header("Retry-After").empty());
    CHECK(h.get(known).status == 429);  // no lookups at all while refused
    // Another kiosk is not affected.
    CHECK(h.get("/v1/orders/K-ZZZZ-99", as_kiosk(h, "lyon-part-dieu")).status == 404);
    h.advance(601);
    CHECK(h.get(known).status == 200);
    CHECK(h.get("/v1/orders/K-ZZZZ-99").status == 404);
}

TEST_CASE("staff calls need a staff session of the kiosk's own store") {
    Harness h;
    std::string card;
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT card FROM customers LIMIT 1");
        REQUIRE(st.step());
        card = st.text(0);
    }
    // Another store's PIN does not open a session on this kiosk.
    auto foreign_pin = h.post("/v1/staff/sessions", json{{"pin", h.pin_for("s-lyon-part-dieu-1")}});
    CHECK(foreign_pin.status == 401);
    auto foreign_id = h.post("/v1/staff/sessions", json{{"pin", h.pin_for("s-lyon-part-dieu-1")}, {"staff_id", "s-lyon-part-dieu-1"}});
    CHECK(foreign_id.status == 401);
    // A session opened at another store's kiosk is not accepted here, for any staff call.
    const std::string lyon_staff = staff_session(h, "lyon-part-dieu");
    for (const std::string& path : {"/v1/customers/by-card/" + card, "/v1/orders?loyalty_card=" + card}) {
        CAPTURE(path);
        CHECK(h.get(path).status == 403);
        auto r = h.get(path, {{"X-Staff-Session", lyon_staff}});
        CHECK(r.status == 403);
        CHECK(r.doc()["code"] == "forbidden");
        CHECK(h.get(path, as_kiosk(h, "lyon-part-dieu", lyon_staff)).status == 200);
    }
    CHECK(h.del("/v1/staff/sessions/current", {{"X-Staff-Session", lyon_staff}}).status == 403);
}
