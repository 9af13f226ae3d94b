// The fleet and contribution report: GET /v1/reports/kiosks with an operator token, the /ops
// page's sign-in and cookie, `central-api report` and `operator-token`.
#include "harness.hpp"

#include "central_api/credentials.hpp"
#include "central_api/ops_page.hpp"
#include "central_api/order_access.hpp"
#include "central_api/report.hpp"
#include "central_api/secrets.hpp"

#include <doctest/doctest.h>

using testing::Harness;
using testing::json;

namespace {

json event(const std::string& type, const std::string& session, std::int64_t at, std::int64_t value = 0,
           const std::string& detail = "") {
    json data = {{"value", value}};
    if (!detail.empty()) data["detail"] = detail;
    return {{"type", type}, {"at", central_api::rfc3339_paris(at)}, {"session_id", session}, {"data", data}};
}

std::string operator_token(Harness& h) {
    auto db = h.open_db();
    return central_api::create_operator(*db, "test", h.now()).token;
}

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

// A sku with stock in a warehouse, for a delivery.
std::string warehouse_sku(Harness& h) {
    auto db = h.open_db();
    auto st = db->prepare(
        "SELECT s.sku FROM stock s JOIN variants v ON v.sku = s.sku WHERE s.quantity >= 3 AND s.location_id IN "
        "(SELECT id FROM locations WHERE kind = 'warehouse') ORDER BY s.sku LIMIT 1");
    REQUIRE(st.step());
    return st.text(0);
}

// Two kiosks' day: Paris Rivoli with a heartbeat, two sessions, three orders (pickup here with
// staff, pickup elsewhere, delivery); Lyon Part-Dieu with one session and no heartbeat.
struct Day {
    std::int64_t revenue_here = 0, revenue_elsewhere = 0, revenue_delivery = 0;
};

Day a_day(Harness& h) {
    Day d;
    auto beat = h.post("/v1/kiosks/heartbeat", json{{"version", "1.4.2"}, {"catalog_cursor", "c1"}, {"outbox_depth", 2},
                                                    {"uptime_s", 3600}, {"catalog_age_s", 30}, {"interval_s", 60},
                                                    {"last_error", "sync: timed out"}});
    REQUIRE(beat.status == 204);
    const std::int64_t now = h.now();
    json events = json::array({event("session_start", "b1-1", now), event("search", "b1-1", now, 12, "pull"),
                               event("product_view", "b1-1", now, 0, "p-1"), event("availability", "b1-1", now, 0, "sku"),
                               event("add_to_cart", "b1-1", now, 2, "sku"), event("order_placed", "b1-1", now, 4200, "pickup_here,staff"),
                               event("session_start", "b1-2", now), event("search", "b1-2", now, 0, "parapluie licorne"),
                               event("order_failed", "b1-2", now, 0, "out_of_stock"),
                               // Forty days ago: outside the default period.
                               event("session_start", "b0-9", now - 40 * 86400), event("search", "b0-9", now - 40 * 86400, 0, "ancien")});
    REQUIRE(h.post("/v1/events", json{{"events", events}}).status == 202);
    const std::string lyon = h.token_for_store("lyon-part-dieu");
    json lyon_events = json::array({event("session_start", "b2-1", now), event("search", "b2-1", now, 0, "Parapluie Licorne")});
    REQUIRE(h.post("/v1/events", json{{"events", lyon_events}}.dump(), bearer(lyon), false).status == 202);

    const std::string pin = h.pin_for("s-paris-rivoli-1");
    const std::string staff = h.post("/v1/staff/sessions", json{{"pin", pin}, {"staff_id", "s-paris-rivoli-1"}}).doc()["token"];
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 2);
    json body = testing::order_body(h, sku, 1, "paris-rivoli");
    body["channel"]["staff_id"] = "s-paris-rivoli-1";
    auto here = h.post("/v1/orders", body, {{"Idempotency-Key", "r-1"}, {"X-Staff-Session", staff}});
    REQUIRE(here.status == 201);
    d.revenue_here = here.doc()["totals"]["total"]["amount"];
    sku = testing::stock_only_at(h, "lyon-part-dieu", 2);
    auto elsewhere = h.post("/v1/orders", testing::order_body(h, sku, 2, "lyon-part-dieu"), {{"Idempotency-Key", "r-2"}});
    REQUIRE(elsewhere.status == 201);
    d.revenue_elsewhere = elsewhere.doc()["totals"]["total"]["amount"];
    auto delivery = h.post("/v1/orders", testing::order_body(h, warehouse_sku(h), 1, ""), {{"Idempotency-Key", "r-3"}});
    REQUIRE(delivery.status == 201);
    d.revenue_delivery = delivery.doc()["totals"]["total"]["amount"];
    return d;
}

// The element of report[list] whose `key` is `id`.
const json& row_in(const json& report, const char* list, const char* key, const std::string& id) {
    for (const auto& row : report[list])
        if (row[key] == id) return row;
    FAIL("no " << key << " " << id);
    static const json none;
    return none;
}
const json& kiosk_in(const json& report, const std::string& id) { return row_in(report, "kiosks", "kiosk_id", id); }
const json& store_in(const json& report, const std::string& id) { return row_in(report, "stores", "store_id", id); }

}  // namespace

TEST_CASE("GET /v1/reports/kiosks: heartbeat, sessions, orders by fulfilment, conversion, searches that found nothing") {
    Harness h;
    const Day d = a_day(h);
    const std::string op = operator_token(h);
    auto r = h.get("/v1/reports/kiosks", bearer(op), false);
    REQUIRE(r.status == 200);
    const json report = r.doc();
    CHECK(report["currency"] == "EUR");
    CHECK(report["totals"]["kiosks"] == 40);

    const json& rivoli = kiosk_in(report, h.kiosk_id);
    CHECK(rivoli["store_id"] == "paris-rivoli");
    CHECK(rivoli["store_name"].get<std::string>().find("Rivoli") != std::string::npos);
    CHECK(rivoli["last_heartbeat"].is_string());
    CHECK(rivoli["overdue"] == false);
    CHECK(rivoli["version"] == "1.4.2");
    CHECK(rivoli["outbox_depth"] == 2);
    CHECK(rivoli["catalog_age_s"] == 30);
    CHECK(rivoli["last_error"] == "sync: timed out");
    const json& p = rivoli["period"];
    CHECK(p["sessions"] == 2);  // the session of forty days ago is outside the period
    CHECK(p["sessions_with_search"] == 2);
    CHECK(p["sessions_with_order"] == 1);
    CHECK(p["conversion"] == doctest::Approx(0.5));
    CHECK(p["product_views"] == 1);
    CHECK(p["availability_checks"] == 1);
    CHECK(p["adds_to_cart"] == 2);
    CHECK(p["orders_failed"] == 1);
    CHECK(p["orders"] == 3);
    CHECK(p["revenue"] == d.revenue_here + d.revenue_elsewhere + d.revenue_delivery);
    CHECK(p["by_fulfilment"]["pickup_here"] == json{{"orders", 1}, {"revenue", d.revenue_here}});
    CHECK(p["by_fulfilment"]["pickup_elsewhere"] == json{{"orders", 1}, {"revenue", d.revenue_elsewhere}});
    CHECK(p["by_fulfilment"]["delivery"] == json{{"orders", 1}, {"revenue", d.revenue_delivery}});
    CHECK(p["staff_assisted"] == json{{"orders", 1}, {"revenue", d.revenue_here}});

    const json& lyon = kiosk_in(report, "k-lyon-part-dieu-1");
    CHECK(lyon["last_heartbeat"].is_null());
    CHECK(lyon["overdue"] == true);
    CHECK(lyon["period"]["sessions"] == 1);
    CHECK(lyon["period"]["orders"] == 0);  // the pickup in Lyon was placed from Paris

    CHECK(store_in(report, "paris-rivoli")["orders"] == 3);
    CHECK(store_in(report, "paris-rivoli")["kiosks"] == 1);
    CHECK(report["totals"]["sessions"] == 3);
    CHECK(report["totals"]["orders"] == 3);
    CHECK(report["totals"]["kiosks_overdue"] == 39);

    // Searches that found nothing, grouped whatever their case; the old one is not there.
    REQUIRE(report["zero_result_searches"].size() == 1);
    const json& miss = report["zero_result_searches"][0];
    CHECK(miss["count"] == 2);
    CHECK(miss["stores"] == json::array({"lyon-part-dieu", "paris-rivoli"}));

    // Orders per day and store, for the chart: placed from Paris Rivoli.
    REQUIRE(report["orders_per_day"].size() == 1);
    CHECK(report["orders_per_day"][0]["store_id"] == "paris-rivoli");
    CHECK(report["orders_per_day"][0]["orders"] == 3);

    // Three intervals without a heartbeat: overdue; its catalogue has aged meanwhile.
    h.advance(181);
    const json later = h.get("/v1/reports/kiosks", bearer(op), false).doc();
    CHECK(kiosk_in(later, h.kiosk_id)["overdue"] == true);
    CHECK(kiosk_in(later, h.kiosk_id)["catalog_age_s"] == 211);

    // A period starting tomorrow has nothing in it.
    const std::string tomorrow = central_api::date_paris(h.now() + 86400);
    const json empty = h.get("/v1/reports/kiosks?since=" + tomorrow, bearer(op), false).doc();
    CHECK(empty["totals"]["sessions"] == 0);
    CHECK(empty["totals"]["orders"] == 0);
    // Forty-one days back takes the old session in.
    const std::string back = central_api::date_paris(h.now() - 41 * 86400);
    CHECK(h.get("/v1/reports/kiosks?since=" + back, bearer(op), false).doc()["totals"]["sessions"] == 4);
}

TEST_CASE("GET /v1/reports/kiosks: a kiosk token is refused with 403, no token with 401, a bad date with 422") {
    Harness h;
    const std::string op = operator_token(h);
    CHECK(h.get("/v1/reports/kiosks").status == 403);  // the kiosk's own token
    CHECK(h.get("/v1/reports/kiosks", {}, false).status == 401);
    CHECK(h.get("/v1/reports/kiosks", bearer("0123456789abcdef0123456789abcdef0123456789abcdef"), false).status == 401);
    auto bad = h.get("/v1/reports/kiosks?since=2026-02-30", bearer(op), false);
    CHECK(bad.status == 422);
    CHECK(testing::names_field(bad, "since", "invalid"));
    // An operator token is not a kiosk token.
    CHECK(h.get("/v1/kiosks/me", bearer(op), false).status == 401);
    // Revoked: refused.
    {
        auto db = h.open_db();
        const auto ops = central_api::list_operators(*db);
        REQUIRE(ops.size() == 1);
        CHECK(central_api::revoke_operator(*db, ops[0].id));
    }
    CHECK(h.get("/v1/reports/kiosks", bearer(op), false).status == 401);
}

TEST_CASE("/ops: sign-in with the operator token, a session cookie, the page, sign-out") {
    Harness h;
    a_day(h);
    const std::string op = operator_token(h);
    auto first = h.get("/ops", {}, false);
    CHECK(first.status == 303);
    CHECK(first.header("Location") == "/ops/login");
    auto form = h.get("/ops/login", {}, false);
    CHECK(form.status == 200);
    CHECK(form.body.find("name=\"token\"") != std::string::npos);
    CHECK(form.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);

    const httplib::Headers as_form = {{"Content-Type", "application/x-www-form-urlencoded"}};
    auto wrong = h.post("/ops/login", "token=nope", as_form, false);
    CHECK(wrong.status == 401);
    CHECK(wrong.body.find("Unknown token") != std::string::npos);
    auto in = h.post("/ops/login", "token=" + op, as_form, false);
    REQUIRE(in.status == 303);
    CHECK(in.header("Location") == "/ops");
    const std::string set_cookie = in.header("Set-Cookie");
    CHECK(set_cookie.find("HttpOnly") != std::string::npos);
    CHECK(set_cookie.find("SameSite=Strict") != std::string::npos);
    const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
    REQUIRE(cookie.rfind("ops_session=", 0) == 0);
    {  // only its hash is stored
        auto db = h.open_db();
        auto st = db->prepare("SELECT token_hash FROM ops_sessions");
        REQUIRE(st.step());
        CHECK(st.text(0) != cookie.substr(12));
        CHECK(st.text(0).size() == 64);
    }

    auto page = h.get("/ops", {{"Cookie", "theme=dark; " + cookie}}, false);
    REQUIRE(page.status == 200);
    CHECK(page.header("Content-Type").find("text/html") != std::string::npos);
    CHECK(page.body.find("<table class=\"fleet\">") != std::string::npos);
    CHECK(page.body.find("<svg class=\"chart\"") != std::string::npos);
    CHECK(page.body.find("data-store=\"paris-rivoli\"") != std::string::npos);
    CHECK(page.body.find("parapluie licorne") != std::string::npos);
    CHECK(page.body.find("<script") == std::string::npos);
    CHECK(page.body.find("elodie") == std::string::npos);  // nothing personal

    auto out = h.post("/ops/logout", "", {{"Cookie", cookie}, {"Content-Type", "application/x-www-form-urlencoded"}}, false);
    CHECK(out.status == 303);
    CHECK(out.header("Set-Cookie").find("Max-Age=0") != std::string::npos);
    CHECK(h.get("/ops", {{"Cookie", cookie}}, false).status == 303);

    // The session lasts eight hours.
    auto again = h.post("/ops/login", "token=" + op, as_form, false);
    const std::string cookie2 = again.header("Set-Cookie").substr(0, again.header("Set-Cookie").find(';'));
    CHECK(h.get("/ops", {{"Cookie", cookie2}}, false).status == 200);
    h.advance(central_api::kOpsSessionSeconds + 1);
    CHECK(h.get("/ops", {{"Cookie", cookie2}}, false).status == 303);
}

TEST_CASE("/ops/login: a large form is refused before it is read, and guessing is slowed down") {
    Harness h;
    const httplib::Headers as_form = {{"Content-Type", "application/x-www-form-urlencoded"}};
    CHECK(h.post("/ops/login", "token=" + std::string(5000, 'a'), as_form, false).status == 413);
    int refused = 0;
    for (int i = 0; i < 25; ++i) refused += h.post("/ops/login", "token=guess" + std::to_string(i), as_form, false).status == 429;
    CHECK(refused == 5);  // 20 failures per 10 minutes
    h.advance(601);
    CHECK(h.post("/ops/login", "token=guess", as_form, false).status == 401);
}

TEST_CASE("orders chart: one stacked bar per day, a round scale, the latest 62 days") {
    const json stores = json::array({{{"store_id", "a"}, {"store_name", "Alpha"}}, {{"store_id", "b"}, {"store_name", "Beta & co"}}});
    const json days = json::array({{{"date", "2026-11-30"}, {"store_id", "a"}, {"orders", 3}, {"revenue", 100}},
                                   {{"date", "2026-11-30"}, {"store_id", "b"}, {"orders", 4}, {"revenue", 100}},
                                   {{"date", "2026-12-02"}, {"store_id", "b"}, {"orders", 1}, {"revenue", 100}},
                                   {{"date", "2026-01-01"}, {"store_id", "a"}, {"orders", 9}, {"revenue", 100}}});
    const std::string svg = central_api::orders_chart_svg(days, stores, "2026-11-29", "2026-12-03");
    auto count = [&](const std::string& what) {
        int n = 0;
        for (std::size_t at = svg.find(what); at != std::string::npos; at = svg.find(what, at + 1)) ++n;
        return n;
    };
    CHECK(count("<rect class=\"bar\"") == 3);
    CHECK(svg.find(">10</text>") != std::string::npos);  // 7 on the tallest day: scale 10
    CHECK(svg.find("Beta &amp; co") != std::string::npos);
    CHECK(svg.find("29/11") != std::string::npos);
    // A year asked for: the chart keeps the latest 62 days, so January is not drawn.
    const std::string year = central_api::orders_chart_svg(days, stores, "2026-01-01", "2026-12-03");
    CHECK(year.find("data-date=\"2026-01-01\"") == std::string::npos);
    CHECK(year.find("data-date=\"2026-11-30\"") != std::string::npos);
    const std::string none = central_api::orders_chart_svg(json::array(), stores, "2026-11-29", "2026-12-03");
    CHECK(none.find("No orders in this period") != std::string::npos);
}

TEST_CASE("report dates: YYYY-MM-DD at midnight in Paris, nothing else") {
    CHECK(central_api::parse_report_date("2026-12-03") == central_api::paris_to_unix(2026, 12, 3, 0));
    CHECK(central_api::parse_report_date("2024-02-29").has_value());
    for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-01", "yesterday", "", "2026-12-03T00:00:00Z", "1999-12-31"})
        CHECK_FALSE(central_api::parse_report_date(bad).has_value());
}

TEST_CASE("central-api operator-token and report") {
    testing::TempDir dir;
    const std::string db = dir.path + "/demo.db";
    REQUIRE(testing::run(CENTRAL_API_BINARY, {"generate", "--db", db, "--products", "50", "--fast-pin-hash"}).code == 0);
    auto made = testing::run(CENTRAL_API_BINARY, {"operator-token", "--db", db, "--label", "IT desk"});
    REQUIRE(made.code == 0);
    CHECK(made.out.size() == std::string("op-12345678 ").size() + 48 + 1);
    auto listed = testing::run(CENTRAL_API_BINARY, {"operator-token", "--db", db, "--list"});
    CHECK(listed.out.find("IT desk") != std::string::npos);
    CHECK(listed.out.find(made.out.substr(12, 48)) == std::string::npos);  // the token is never shown again

    auto as_json = testing::run(CENTRAL_API_BINARY, {"report", "--db", db, "--json"});
    REQUIRE(as_json.code == 0);
    const json r = json::parse(as_json.out);
    CHECK(r["totals"]["kiosks"] == 40);
    CHECK(r["totals"]["kiosks_overdue"] == 40);
    auto text = testing::run(CENTRAL_API_BINARY, {"report", "--db", db, "--since", "2026-01-01"});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("Per store") != std::string::npos);
    CHECK(text.out.find("k-paris-rivoli-1") != std::string::npos);
    auto bad = testing::run(CENTRAL_API_BINARY, {"report", "--db", db, "--since", "31/12/2026"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("YYYY-MM-DD") != std::string::npos);
    auto kiosk = testing::run(CENTRAL_API_BINARY, {"kiosk-token", "--db", db, "--kiosk", "k-lyon-part-dieu-2", "--store", "lyon-part-dieu"});
    CHECK(kiosk.code == 0);
    CHECK(kiosk.out.size() == 49);
    CHECK(testing::run(CENTRAL_API_BINARY, {"kiosk-token", "--db", db, "--kiosk", "k-nowhere"}).code == 1);
    CHECK(testing::run(CENTRAL_API_BINARY, {"kiosk-token", "--db", db, "--kiosk", "k-lyon-part-dieu-2", "--remove"}).code == 0);
    auto revoke = testing::run(CENTRAL_API_BINARY, {"operator-token", "--db", db, "--revoke", made.out.substr(0, 11)});
    CHECK(revoke.code == 0);
    CHECK(testing::run(CENTRAL_API_BINARY, {"operator-token", "--db", db, "--revoke", "op-nope"}).code == 1);
}

TEST_CASE("kiosk tokens: a new kiosk, a rotated token (the old one refused at once), a removed kiosk") {
    Harness h;
    std::string second, rotated;
    {
        auto db = h.open_db();
        second = central_api::set_kiosk_token(*db, "k-paris-rivoli-2", "paris-rivoli");
        rotated = central_api::set_kiosk_token(*db, h.kiosk_id, "");
        CHECK_THROWS_WITH_AS(central_api::set_kiosk_token(*db, "k-x", "atlantis"), "no store atlantis", std::runtime_error);
        CHECK_THROWS_AS(central_api::set_kiosk_token(*db, "K X", "paris-rivoli"), std::runtime_error);
        CHECK_THROWS_AS(central_api::set_kiosk_token(*db, "k-new", ""), std::runtime_error);
        auto st = db->prepare("SELECT token_hash FROM kiosks WHERE id = 'k-paris-rivoli-2'");
        REQUIRE(st.step());
        CHECK(st.text(0) == central_api::sha256_hex(second));  // only the hash is kept
    }
    CHECK(second.size() == 48);
    auto me = h.get("/v1/kiosks/me", bearer(second), false);
    REQUIRE(me.status == 200);
    CHECK(me.doc()["kiosk_id"] == "k-paris-rivoli-2");
    CHECK(me.doc()["store_id"] == "paris-rivoli");
    CHECK(h.get("/v1/kiosks/me", bearer(h.token), false).status == 401);  // the old token
    auto again = h.get("/v1/kiosks/me", bearer(rotated), false);
    CHECK(again.status == 200);
    CHECK(again.doc()["store_id"] == "paris-rivoli");  // rotation keeps the store

    const std::string op = operator_token(h);
    CHECK(store_in(h.get("/v1/reports/kiosks", bearer(op), false).doc(), "paris-rivoli")["kiosks"] == 2);
    {
        auto db = h.open_db();
        CHECK(central_api::remove_kiosk(*db, "k-paris-rivoli-2"));
        CHECK_FALSE(central_api::remove_kiosk(*db, "k-paris-rivoli-2"));
    }
    CHECK(h.get("/v1/kiosks/me", bearer(second), false).status == 401);
}

TEST_CASE("the sign-in limiter forgets addresses whose failures have left the window") {
    central_api::OrderLookups limiter(20, 600);
    for (int i = 0; i < 5000; ++i) limiter.failed("10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256), 0);
    CHECK(limiter.tracked() == 5000);  // all still inside the window: all kept
    CHECK(limiter.retry_after("10.0.0.1", 0) == 0);  // one failure each: none limited
    limiter.failed("192.0.2.1", 601);  // ten minutes later: the old ones are forgotten
    CHECK(limiter.tracked() == 1);
}
