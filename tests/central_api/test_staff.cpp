// Staff sessions (PIN, lockout with a moved clock), staff-only calls.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <set>

using testing::Harness;
using testing::json;

namespace {
std::string pin_of(Harness& h, const std::string& staff_id) { return h.pin_for(staff_id); }
std::string wrong_pin(const std::string& right) { return right == "000000" ? "000001" : "000000"; }
}  // namespace

TEST_CASE("a right PIN opens a staff session; staff-only calls need it") {
    Harness h;
    std::string pin = pin_of(h, "s-paris-rivoli-2");
    auto r = h.post("/v1/staff/sessions", json{{"pin", pin}});
    REQUIRE(r.status == 201);
    json s = r.doc();
    CHECK(s["staff"]["id"] == "s-paris-rivoli-2");
    CHECK(s["staff"]["name"].is_string());
    CHECK(s["expires_at"].is_string());
    std::string session = s["token"];

    auto db = h.open_db();
    auto st = db->prepare("SELECT card FROM purchases GROUP BY card HAVING COUNT(DISTINCT store_id) >= 3 LIMIT 1");
    REQUIRE(st.step());
    std::string card = st.text(0);
    auto forbidden = h.get("/v1/customers/by-card/" + card);
    CHECK(forbidden.status == 403);
    CHECK(forbidden.doc()["code"] == "forbidden");
    auto history = h.get("/v1/customers/by-card/" + card, {{"X-Staff-Session", session}});
    REQUIRE(history.status == 200);
    json doc = history.doc();
    CHECK(doc["customer"]["card"] == card);
    CHECK(doc["customer"]["tier"].is_string());
    std::set<std::string> stores;
    for (const auto& p : doc["purchases"]) {
        stores.insert(p["store_id"].get<std::string>());
        CHECK(p["amount"]["currency"] == "EUR");
        CHECK(p["name"]["fr"].is_string());
    }
    CHECK(stores.size() >= 3);  // across the network
    CHECK(h.get("/v1/customers/by-card/0000000000000", {{"X-Staff-Session", session}}).status == 404);
    CHECK(h.get("/v1/orders?loyalty_card=" + card).status == 403);
    auto orders = h.get("/v1/orders?loyalty_card=" + card, {{"X-Staff-Session", session}});
    CHECK(orders.status == 200);
    CHECK(orders.doc()["orders"].is_array());

    // A session belongs to the kiosk that opened it, and expires.
    auto other = h.get("/v1/customers/by-card/" + card,
                       {{"Authorization", "Bearer " + h.token_for_store("lyon-part-dieu")}, {"X-Staff-Session", session}});
    CHECK(other.status == 403);
    h.advance(5 * 3600);
    CHECK(h.get("/v1/customers/by-card/" + card, {{"X-Staff-Session", session}}).status == 403);
}

TEST_CASE("staff attribution: an order credited to staff needs that staff member's session") {
    Harness h;
    std::string pin = pin_of(h, "s-paris-rivoli-1");
    std::string session = h.post("/v1/staff/sessions", json{{"pin", pin}, {"staff_id", "s-paris-rivoli-1"}}).doc()["token"];
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 2);
    json body = testing::order_body(h, sku, 1, "paris-rivoli");
    body["channel"]["staff_id"] = "s-paris-rivoli-1";
    auto r = h.post("/v1/orders", body, {{"Idempotency-Key", "staff-1"}, {"X-Staff-Session", session}});
    REQUIRE(r.status == 201);
    CHECK(r.doc()["channel"]["staff_id"] == "s-paris-rivoli-1");
    body["channel"]["staff_id"] = "s-paris-rivoli-2";
    auto wrong = h.post("/v1/orders", body, {{"Idempotency-Key", "staff-2"}, {"X-Staff-Session", session}});
    CHECK(wrong.status == 422);
    // Logging out ends the session.
    CHECK(h.del("/v1/staff/sessions/current", {{"X-Staff-Session", session}}).status == 204);
    CHECK(h.get("/v1/orders?loyalty_card=x", {{"X-Staff-Session", session}}).status == 403);
}

TEST_CASE("PIN lockout: 5 wrong PINs lock the kiosk, the delay doubles, a right PIN resets") {
    Harness h;
    std::string pin = pin_of(h, "s-paris-rivoli-1");
    std::string bad = wrong_pin(pin);
    for (int i = 0; i < 4; ++i) {
        auto r = h.post("/v1/staff/sessions", json{{"pin", bad}});
        CHECK(r.status == 401);
        CHECK(r.doc()["code"] == "unauthorized");
        CHECK(r.doc()["tries_left"] == 4 - i);  // the kiosk can say how many tries remain
    }
    auto fifth = h.post("/v1/staff/sessions", json{{"pin", bad}});
    CHECK(fifth.status == 429);
    CHECK(fifth.doc()["code"] == "staff_locked");
    CHECK(fifth.doc()["retry_after_s"] == 30);
    CHECK(fifth.header("Retry-After") == "30");
    // Even the right PIN waits out the lock.
    h.advance(10);
    auto during = h.post("/v1/staff/sessions", json{{"pin", pin}});
    CHECK(during.status == 429);
    CHECK(during.doc()["retry_after_s"] == 20);
    // Another kiosk is not locked.
    CHECK(h.post("/v1/staff/sessions", json{{"pin", "123456"}}, {{"Authorization", "Bearer " + h.token_for_store("lyon-part-dieu")}}).status == 401);
    h.advance(20);
    // After a lock, the next wrong PIN locks again.
    auto again = h.post("/v1/staff/sessions", json{{"pin", bad}});
    CHECK(again.status == 429);
    CHECK(again.doc()["retry_after_s"] == 60);
    h.advance(60);
    CHECK(h.post("/v1/staff/sessions", json{{"pin", bad}}).doc()["retry_after_s"] == 120);
    h.advance(120);
    CHECK(h.post("/v1/staff/sessions", json{{"pin", pin}}).status == 201);
    // Reset: four more wrong PINs are plain 401s again.
    for (int i = 0; i < 4; ++i) CHECK(h.post("/v1/staff/sessions", json{{"pin", bad}}).status == 401);

    auto malformed = h.post("/v1/staff/sessions", json{{"pin", "12ab"}});
    CHECK(malformed.status == 422);
    CHECK(h.post("/v1/staff/sessions", json::object()).status == 422);
}
