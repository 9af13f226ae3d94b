// The typed API against the reference server on loopback (fresh database per test), and the
// JSON mapping against malformed and hostile documents.
#include "api.hpp"
#include "harness.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace catalog_client;

namespace {
struct Client {
    explicit Client(testing::Harness& h) : transport(options(h)), api(transport, h.url()) {}
    static TransportOptions options(testing::Harness& h) {
        TransportOptions o;
        o.bearer_token = h.token;
        return o;
    }
    Transport transport;
    CommerceApi api;
};
}  // namespace

TEST_CASE("identity, stores, categories, products and availability parse into typed values") {
    testing::Harness h;
    Client c(h);
    auto me = wait<KioskIdentity>([&](auto done) { c.api.me(done); });
    REQUIRE(me.ok());
    CHECK(me.value().store_id == "paris-rivoli");
    auto stores = wait<std::vector<Store>>([&](auto done) { c.api.stores(done); });
    REQUIRE(stores.ok());
    CHECK(stores.value().size() == 42);
    CHECK(stores.value()[0].opening_hours.size() > 0);
    auto cats = wait<std::vector<Category>>([&](auto done) { c.api.categories(done); });
    REQUIRE(cats.ok());
    CHECK(cats.value()[0].name.text("en") == "Fashion");
    auto p = wait<Product>([&](auto done) { c.api.product("P0000003", done); });
    REQUIRE(p.ok());
    CHECK(p.value().id == "P0000003");
    CHECK_FALSE(p.value().variants.empty());
    CHECK(p.value().name.text("de") == p.value().name.text("fr"));  // falls back to French
    auto missing = wait<Product>([&](auto done) { c.api.product("P9999999", done); });
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::Http);
    CHECK(missing.error().code == "not_found");
    auto avail = wait<Availability>([&](auto done) { c.api.availability({p.value().variants[0].sku}, "lyon-part-dieu", done); });
    REQUIRE(avail.ok());
    CHECK(avail.value().items.size() == 1);
    CHECK(c.api.resolve(p.value().images[0].url).rfind(h.url() + "/v1/images/", 0) == 0);
}

TEST_CASE("the sync feed pages to the end through the typed API") {
    testing::Harness h;
    Client c(h);
    std::set<std::string> ids;
    std::string cursor;
    for (int guard = 0; guard < 100; ++guard) {
        auto page = wait<ChangePage>([&](auto done) { c.api.changes(cursor, 70, done); });
        REQUIRE(page.ok());
        CHECK(page.value().skipped.empty());
        for (const auto& ch : page.value().changes) ids.insert(ch.product_id);
        cursor = page.value().next_cursor;
        if (!page.value().has_more) break;
    }
    CHECK(ids.size() == 300);
    auto gone = wait<ChangePage>([&](auto done) { c.api.changes("c1.ffff.1.1", 10, done); });
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().http_status == 410);
}

TEST_CASE("quote, order exactly once with a retried key, typed out-of-stock") {
    testing::Harness h;
    Client c(h);
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 1);
    auto q = wait<Quote>([&](auto done) { c.api.quote({{sku, 1}}, done); });
    REQUIRE(q.ok());
    REQUIRE_FALSE(q.value().options.empty());
    CHECK(q.value().options[0].store_id == "paris-rivoli");
    json body = testing::order_body(h, sku, 1, "paris-rivoli");
    auto first = wait<Order>([&](auto done) { c.api.place_order("key-1", body, "", done); });
    REQUIRE(first.ok());
    CHECK(first.value().status == "awaiting_payment");
    CHECK(first.value().till_code.size() == 13);
    auto again = wait<Order>([&](auto done) { c.api.place_order("key-1", body, "", done); });
    REQUIRE(again.ok());
    CHECK(again.value().number == first.value().number);
    auto out = wait<Order>([&](auto done) { c.api.place_order("key-2", body, "", done); });
    REQUIRE_FALSE(out.ok());
    CHECK(out.error().code == "out_of_stock");
    CHECK(out.error().problem["available"] == 0);
    auto fetched = wait<Order>([&](auto done) { c.api.order(first.value().number, done); });
    REQUIRE(fetched.ok());
    CHECK(fetched.value().total == first.value().total);
}

TEST_CASE("staff session, customer history and events through the typed API") {
    testing::Harness h;
    Client c(h);
    std::string pin, card;
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT pin FROM staff WHERE store_id = 'paris-rivoli' LIMIT 1");
        REQUIRE(st.step());
        pin = st.text(0);
        auto cs = db->prepare("SELECT card FROM purchases LIMIT 1");
        REQUIRE(cs.step());
        card = cs.text(0);
    }
    auto session = wait<StaffSession>([&](auto done) { c.api.open_staff_session(pin, "", done); });
    REQUIRE(session.ok());
    auto history = wait<CustomerHistory>([&](auto done) { c.api.customer(card, session.value().token, done); });
    REQUIRE(history.ok());
    CHECK_FALSE(history.value().purchases.empty());
    auto forbidden = wait<CustomerHistory>([&](auto done) { c.api.customer(card, "nope", done); });
    REQUIRE_FALSE(forbidden.ok());
    CHECK(forbidden.error().code == "forbidden");
    json events = json::array({{{"type", "search"}, {"at", "2026-11-23T10:00:00+01:00"}, {"session_id", "s"}}});
    CHECK(wait<Unit>([&](auto done) { c.api.send_events(events, done); }).ok());
    CHECK(wait<Unit>([&](auto done) { c.api.close_staff_session(session.value().token, done); }).ok());
}

TEST_CASE("a malformed product inside a page is skipped and reported; a malformed page is an error") {
    auto good = json::parse(R"({"id":"P1","name":{"fr":"Pull\u0007 bleu","en":"Blue jumper"},
        "variants":[{"sku":"S1","price":{"store":{"amount":100,"currency":"EUR"},"online":{"amount":90,"currency":"EUR"}}}]})");
    json no_variants = {{"id", "P2"}, {"name", {{"fr", "x"}}}};
    json wrong_type = good;
    wrong_type["id"] = "P3";
    wrong_type["variants"][0]["price"]["online"]["amount"] = "ninety";
    json huge = good;
    huge["id"] = "P4";
    huge["name"]["fr"] = std::string(100000, 'a');
    json page = {{"changes", {{{"op", "upsert"}, {"product", good}},
                              {{"op", "upsert"}, {"product", no_variants}},
                              {{"op", "upsert"}, {"product", wrong_type}},
                              {{"op", "upsert"}, {"product", huge}},
                              {{"op", "explode"}},
                              {{"op", "delete"}, {"product_id", "P9"}}}},
                 {"next_cursor", "c1.x.1.1"},
                 {"has_more", false}};
    auto parsed = parse_change_page(page);
    REQUIRE(parsed.ok());
    REQUIRE(parsed.value().changes.size() == 2);
    CHECK(parsed.value().changes[0].product->name.text("fr") == "Pull bleu");  // control character removed
    CHECK(parsed.value().changes[1].deleted);
    CHECK(parsed.value().skipped.size() == 4);
    CHECK(parsed.value().skipped[1].find("amount") != std::string::npos);

    CHECK_FALSE(parse_change_page(json{{"changes", json::array()}}).ok());
    CHECK_FALSE(parse_change_page(json{{"changes", 5}, {"next_cursor", "x"}, {"has_more", false}}).ok());
    CHECK_FALSE(parse_product(json::array()).ok());
    CHECK(parse_product(no_variants).error().message == "variants: missing");
}
