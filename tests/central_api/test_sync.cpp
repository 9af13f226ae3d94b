// The sync feed: a full snapshot paged to the end, deltas after mutate (with deletes), 410s.
#include "central_api/catalog.hpp"
#include "central_api/demo/mutate.hpp"
#include "harness.hpp"

#include <doctest/doctest.h>

#include <map>

using testing::Harness;
using testing::json;

namespace {
struct Replica {
    std::map<std::string, json> products;
    std::string cursor;
    int pages = 0, upserts = 0, deletes = 0;
};

// Pulls pages until has_more is false, applying them like a client would.
void pull(Harness& h, Replica& r, int limit) {
    for (int guard = 0; guard < 1000; ++guard) {
        std::string path = "/v1/catalog/changes?limit=" + std::to_string(limit);
        if (!r.cursor.empty()) path += "&since=" + r.cursor;
        auto resp = h.get(path);
        REQUIRE(resp.status == 200);
        json page = resp.doc();
        REQUIRE(page["changes"].size() <= static_cast<std::size_t>(limit));
        for (const auto& c : page["changes"]) {
            if (c["op"] == "upsert") {
                r.products[c["product"]["id"]] = c["product"];
                ++r.upserts;
            } else {
                REQUIRE(c["op"] == "delete");
                r.products.erase(c["product_id"].get<std::string>());
                ++r.deletes;
            }
        }
        r.cursor = page["next_cursor"];
        ++r.pages;
        if (!page["has_more"].get<bool>()) return;
    }
    FAIL("the feed never ended");
}
}  // namespace

TEST_CASE("full sync, then the delta after mutate, with deletions, matches the server") {
    Harness h;
    Replica replica;
    pull(h, replica, 64);
    CHECK(replica.products.size() == 300);
    CHECK(replica.pages == 5);  // 300 / 64 rounded up
    CHECK(replica.deletes == 0);

    // Nothing changed: an empty page with the same position.
    Replica again = replica;
    again.upserts = 0;
    pull(h, again, 64);
    CHECK(again.upserts == 0);

    auto report = central_api::mutate_catalog(h.db_path(), 10, 5, [&] { return h.now(); });
    CHECK(report.deletions + report.price_changes + report.text_changes + report.additions >= 25);
    replica.upserts = replica.deletes = replica.pages = 0;
    pull(h, replica, 1000);
    CHECK(replica.pages == 1);
    CHECK(replica.deletes == report.deletions);
    CHECK(replica.upserts <= report.price_changes + report.text_changes + report.additions);
    CHECK(replica.upserts > 0);

    // The replica now equals the server's catalogue, document for document.
    auto db = h.open_db();
    auto st = db->prepare("SELECT id, doc FROM products");
    std::size_t n = 0;
    while (st.step()) {
        ++n;
        auto it = replica.products.find(st.text(0));
        REQUIRE(it != replica.products.end());
        CHECK(it->second == json::parse(st.text_view(1)));
    }
    CHECK(n == replica.products.size());
}

TEST_CASE("a price change reaches the feed and the order check") {
    Harness h;
    Replica before;
    pull(h, before, 1000);
    central_api::mutate_catalog(h.db_path(), 30, 11, [&] { return h.now(); });
    Replica after = before;
    after.upserts = 0;
    pull(h, after, 1000);
    REQUIRE(after.upserts > 0);

    // A variant whose online price the feed now carries differently, still sold in store.
    std::string sku;
    std::int64_t old_price = 0, new_price = 0;
    int changed = 0;
    for (const auto& [id, product] : after.products) {
        auto was = before.products.find(id);
        if (was == before.products.end()) continue;
        for (const auto& v : product["variants"]) {
            for (const auto& w : was->second["variants"]) {
                if (w["sku"] != v["sku"]) continue;
                std::int64_t o = w["price"]["online"]["amount"], n = v["price"]["online"]["amount"];
                if (o == n) continue;
                ++changed;
                if (sku.empty() && !v.value("online_only", false)) sku = v["sku"], old_price = o, new_price = n;
            }
        }
    }
    REQUIRE(!sku.empty());
    MESSAGE(changed << " variants changed their online price; checking " << sku);
    // The feed carries the price the server charges.
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT price_online FROM variants WHERE sku = ?");
        st.bind(1, sku);
        REQUIRE(st.step());
        CHECK(st.integer(0) == new_price);
    }
    auto quote = h.post("/v1/quotes", json{{"lines", {{{"sku", sku}, {"quantity", 1}}}}});
    REQUIRE(quote.status == 200);
    CHECK(quote.doc()["lines"][0]["unit_price"]["amount"] == new_price);

    // An order at the old price is refused with the new one; at the new price it goes through.
    {
        auto db = h.open_db();
        db->prepare("INSERT OR REPLACE INTO stock(sku, location_id, quantity) VALUES(?,?,?)").bind(1, sku).bind(2, "paris-rivoli").bind(3, 5).run();
    }
    json order = testing::order_body(h, sku, 1, "paris-rivoli");
    order["lines"][0]["unit_price"] = {{"amount", old_price}, {"currency", "EUR"}};
    auto stale = h.post("/v1/orders", order, {{"Idempotency-Key", "price-old"}});
    CHECK(stale.status == 409);
    CHECK(stale.doc()["code"] == "price_changed");
    CHECK(stale.doc()["sku"] == sku);
    CHECK(stale.doc()["price"]["amount"] == new_price);
    order["lines"][0]["unit_price"]["amount"] = new_price;
    auto fresh = h.post("/v1/orders", order, {{"Idempotency-Key", "price-new"}});
    CHECK(fresh.status == 201);
    CHECK(fresh.doc()["lines"][0]["unit_price"]["amount"] == new_price);
}

TEST_CASE("cursors: malformed is 422; expired, compacted or from another database is 410") {
    Harness h;
    auto first = h.get("/v1/catalog/changes?limit=10").doc();
    std::string cursor = first["next_cursor"];
    CHECK(h.get("/v1/catalog/changes?since=" + cursor).status == 200);
    auto bad = h.get("/v1/catalog/changes?since=garbage");
    CHECK(bad.status == 422);
    CHECK(bad.doc()["errors"][0]["field"] == "since");
    CHECK(h.get("/v1/catalog/changes?limit=0").status == 422);
    CHECK(h.get("/v1/catalog/changes?limit=abc").status == 422);
    CHECK(h.get("/v1/catalog/changes?limit=5000").doc()["changes"].size() == 300);  // capped at 1000

    auto foreign = central_api::decode_cursor(cursor);
    foreign->epoch = "ffffffffffff";
    auto other_db = h.get("/v1/catalog/changes?since=" + central_api::encode_cursor(*foreign));
    CHECK(other_db.status == 410);
    CHECK(other_db.doc()["code"] == "cursor_expired");

    h.advance(8 * 86400);  // still valid after a week
    CHECK(h.get("/v1/catalog/changes?since=" + cursor).status == 200);
    h.advance(23 * 86400);  // 31 days: past the retention
    CHECK(h.get("/v1/catalog/changes?since=" + cursor).status == 410);
}
