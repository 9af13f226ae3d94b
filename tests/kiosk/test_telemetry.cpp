// The kiosk's heartbeat and usage events (issue 14, item 3) against the reference server: what a
// session did reaches the central side, nothing personal with it; a kiosk that was offline sends
// what it kept once the API is back.
#include <doctest/doctest.h>

#include "catalog_client/usage_log.hpp"
#include "scenario_kit.hpp"

using namespace scenario;

namespace {

std::vector<json> stored_events(Harness& h) {
    std::vector<json> out;
    auto db = h.open_db();
    auto st = db->prepare("SELECT doc FROM events ORDER BY rowid");
    while (st.step()) out.push_back(json::parse(st.text(0)));
    return out;
}

std::size_t count_type(const std::vector<json>& events, const std::string& type) {
    std::size_t n = 0;
    for (const json& e : events) n += e["type"] == type;
    return n;
}

}  // namespace

TEST_CASE("telemetry: the heartbeat and a session's events reach the server, nothing personal; kept while offline") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "la-defense", 5);
    Kiosk k(h, "fr", [](kiosk::KioskConfig& c, const std::string&) { c.heartbeat_interval_s = 5; });
    const std::string email = "telemetrie.marie@exemple.fr";
    REQUIRE(k.run(concat({to_checkout(ean_of(h, sku)),
                          steps({{{"tap", "checkout.pickup"}}, {{"tap", "checkout.pickup.store.la-defense"}}}),
                          type_into("email", email),
                          steps({{{"tap", "checkout.payment.pay_at_till"}},
                                 {{"tap", "checkout.place_order"}},
                                 {{"wait", {{"screen", "confirmation"}}}, {"timeout_ms", 10000}},
                                 {{"advance_s", 6}}, {{"frames", 3}}})})));
    const json order = only_order(h);
    // The heartbeat: this kiosk, its version, catalogue and outbox.
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT kiosk_id, doc FROM heartbeats");
        REQUIRE(st.step());
        CHECK(st.text(0) == k.state().kiosk_id);
        const json hb = json::parse(st.text(1));
        CHECK(hb["version"] == "0.1.0");
        CHECK(hb["outbox_depth"] == 0);
        CHECK(hb["catalog_cursor"].is_string());
        CHECK(hb["catalog_age_s"].get<std::int64_t>() >= 0);
        CHECK(hb["uptime_s"].get<std::int64_t>() >= 0);
    }
    // The fleet report, as an operator reads it: this kiosk, its heartbeat, one session, the order.
    {
        const auto r = testing::run(CENTRAL_API_BINARY, {"report", "--db", h.db_path(), "--json"});
        REQUIRE_MESSAGE(r.code == 0, r.err);
        const json report = json::parse(r.out);
        json mine;
        for (const json& kiosk : report["kiosks"])
            if (kiosk["kiosk_id"] == k.state().kiosk_id) mine = kiosk;
        REQUIRE(mine.is_object());
        // (Not "overdue": the server's clock here stands still while the program's runs on;
        // central_api.report tests overdue with a clock it moves.)
        CHECK(mine["last_heartbeat"].is_string());
        CHECK(mine["version"] == "0.1.0");
        const json& p = mine["period"];
        CHECK(p["sessions"] == 1);
        CHECK(p["orders"] == 1);
        CHECK(p["revenue"] == order["totals"]["total"]["amount"]);
        CHECK(p["by_fulfilment"]["pickup_elsewhere"]["orders"] == 1);
        CHECK(p["conversion"] == doctest::Approx(1.0));
    }
    std::vector<json> events = stored_events(h);
    CHECK(count_type(events, "session_start") == 1);
    CHECK(count_type(events, "product_view") == 1);
    CHECK(count_type(events, "add_to_cart") == 1);
    REQUIRE(count_type(events, "order_placed") == 1);
    for (const json& e : events) {
        CHECK(e["session_id"].get<std::string>().size() > 10);
        CHECK(e["at"].get<std::string>().size() == 20);  // 2026-12-03T16:40:00Z
        if (e["type"] == "order_placed") {
            CHECK(e["data"]["detail"] == "pickup_elsewhere");
            CHECK(e["data"]["value"] == order["totals"]["total"]["amount"]);
        }
        CHECK(e.dump().find("marie") == std::string::npos);  // nothing the shopper typed
    }
    CHECK(catalog_client::UsageLog(k.dir.path + "/outbox").count() == 0);  // acknowledged, gone

    // Offline: the session's end and a new session are kept on the kiosk...
    h.stop_server();
    REQUIRE(k.run(steps({{{"tap", "confirmation.done"}}, {{"tap", "attract.start"}}, {{"advance_s", 6}}, {{"frames", 3}}})));
    CHECK(catalog_client::UsageLog(k.dir.path + "/outbox").count() >= 2);
    CHECK(stored_events(h).size() == events.size());
    // ...and sent once the API is back.
    h.start_server();
    REQUIRE(k.run(steps({{{"advance_s", 6}}, {{"frames", 3}}})));
    events = stored_events(h);
    CHECK(count_type(events, "session_end") == 1);
    CHECK(count_type(events, "session_start") == 2);
    CHECK(catalog_client::UsageLog(k.dir.path + "/outbox").count() == 0);
}
