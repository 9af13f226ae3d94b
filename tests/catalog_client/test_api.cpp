// The typed API against the reference server on loopback (fresh database per test), and the
// JSON mapping against malformed and hostile documents.
#include "catalog_client/api.hpp"
#include "harness.hpp"
#include "catalog_client/json_bounded.hpp"

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
    auto typed = parse_order_request(testing::order_body(h, sku, 1, "paris-rivoli"));
    REQUIRE(typed.ok());
    const OrderRequest body = typed.value();
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
    CHECK(out.error().problem.available == 0);
    auto fetched = wait<Order>([&](auto done) { c.api.order(first.value().number, done); });
    REQUIRE(fetched.ok());
    CHECK(fetched.value().total == first.value().total);
}

TEST_CASE("staff session, customer history and events through the typed API") {
    testing::Harness h;
    Client c(h);
    std::string pin = h.pin_for("s-paris-rivoli-1"), card;
    {
        auto db = h.open_db();
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

namespace {
// Parses a page both ways: nlohmann (with the same nesting limit) then the typed reader, and
// the one-pass text parser.
void same_both_ways(const std::string& text) {
    CAPTURE(text);
    json doc = parse_json_or_discarded(text);
    auto fast = parse_change_page_text(text);
    if (doc.is_discarded()) {
        REQUIRE_FALSE(fast.ok());
        CHECK(fast.error().kind == ErrorKind::Parse);
        return;
    }
    auto slow = parse_change_page(doc);
    REQUIRE(fast.ok() == slow.ok());
    if (!slow.ok()) {
        CHECK(fast.error().message == slow.error().message);
        return;
    }
    CHECK(fast.value().next_cursor == slow.value().next_cursor);
    CHECK(fast.value().has_more == slow.value().has_more);
    CHECK(fast.value().skipped == slow.value().skipped);
    REQUIRE(fast.value().changes.size() == slow.value().changes.size());
    for (std::size_t i = 0; i < slow.value().changes.size(); ++i) {
        const auto &f = fast.value().changes[i], &s = slow.value().changes[i];
        CHECK(f.deleted == s.deleted);
        CHECK(f.product_id == s.product_id);
        REQUIRE(f.product.has_value() == s.product.has_value());
        if (!s.product) continue;
        CHECK(to_json(*f.product) == to_json(*s.product));
        // The raw text is the product as sent: it parses to the same document.
        const json* item = nullptr;
        for (const auto& c : doc["changes"])
            if (c.is_object() && c.contains("product") && c["product"].is_object() && c["product"].value("id", "") == s.product_id) item = &c["product"];
        REQUIRE(item);
        CHECK(json::parse(f.raw) == *item);
    }
}
}  // namespace

TEST_CASE("the one-pass page parser accepts and rejects what nlohmann does, and reads the same") {
    const std::string product =
        R"({"id":"P1","name":{"fr":"Cr\u00e8me \"br\u00fbl\u00e9e\" \ud83d\ude00 \/ \b\f\n\r\t","en":"x"},"brand":"Caf\u00e9 ©",)"
        R"("variants":[{"sku":"S1","ean":"37","options":{"size":"M","color":"Noir"},"labels":{"color":{"fr":"Noir","en":"Black"}},)"
        R"("price":{"store":{"amount":100,"currency":"EUR"},"online":{"amount":-0,"currency":"EUR"}},"online_only":true}],)"
        R"("images":[{"url":"/i.jpg","width":800,"height":1e2}],"category_ids":["a","b"],"attributes":{"fr":{"Mati\u00e8re":"coton"},"Plain":"x"}})";
    auto page = [](const std::string& changes, const std::string& tail = R"("next_cursor":"c1.x.1.1","has_more":true)") {
        return "{\"changes\":[" + changes + "]," + tail + "}";
    };
    same_both_ways(page(R"({"op":"upsert","product":)" + product + "}"));
    same_both_ways(page(" { \"op\" : \"upsert\" , \"product\" : " + product + " } , {\"op\":\"delete\",\"product_id\":\"P2\"}\n\t"));
    // Duplicate keys: the last wins (the first product is replaced).
    same_both_ways(page(R"({"op":"upsert","product":{"id":"P7"},"product":)" + product + "}"));
    // Items the reader skips: wrong types, huge numbers, missing parts, unknown operation.
    same_both_ways(page(R"({"op":"upsert","product":{"id":"P3","name":{"fr":"a"},"variants":[{"sku":"S","price":{"store":{"amount":1.5,"currency":"EUR"},"online":{"amount":1,"currency":"EUR"}}}]}},)"
                        R"({"op":"upsert","product":{"id":"P4","name":{"fr":"a"},"variants":[{"sku":"S","price":{"store":{"amount":99999999999999999999,"currency":"EUR"},"online":{"amount":1,"currency":"EUR"}}}]}},)"
                        R"({"op":"upsert","product":{"id":"P5","name":{"fr":"a"},"variants":[{"sku":"S","price":{"store":{"amount":18446744073709551615,"currency":"EUR"},"online":{"amount":1,"currency":"EUR"}}}]}},)"
                        R"({"op":"upsert","product":{"id":"P6","name":{"fr":"a"},"variants":[]}},{"op":"nope"},{"op":"delete"},7,null)"));
    // Broken pages: every one an error both ways.
    for (const std::string& bad :
         {page("") + "x", page("{"), std::string("{\"changes\":["), page(R"({"op":"delete","product_id":"P\x01"})"),
          page("{\"op\":\"delete\",\"product_id\":\"\xC3\x28\"}"), page("{\"op\":\"delete\",\"product_id\":\"\xED\xA0\x80\"}"),
          page("{\"op\":\"delete\",\"product_id\":\"\xC0\xAF\"}"), page("{\"op\":\"delete\",\"product_id\":\"\xF4\x90\x80\x80\"}"),
          page(R"({"op":"delete","product_id":"\ud83d"})"), page(R"({"op":"delete","product_id":"\ude00"})"),
          page(R"({"op":"delete","product_id":"\x"})"), page(R"({"op":"delete","product_id":"\u12"})"),
          page(R"({"op":"delete","product_id":01})"), page(R"({"op":"delete","product_id":1.})"),
          page(R"({"op":"delete","product_id":-})"), page(R"({"op":"delete","product_id":tru})"),
          page(R"({"op":"delete",})"), page(R"({"op":"delete" "product_id":"P"})"), page("[1,]"), page("{}", ""),
          std::string(""), std::string("   "), page("") + page("")})
        same_both_ways(bad);
    // Deep nesting: an error or a value, never a crash.
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK_FALSE(parse_change_page_text(page(R"({"op":"delete","product_id":"P","x":)" + deep + "}")).ok());
    std::string nested = std::string(200, '[') + std::string(200, ']');
    same_both_ways(page(R"({"op":"delete","product_id":"P","x":)" + nested + "}"));
    // The nesting limit is the bounded parser's (64 levels), to the level: the page and its item
    // are 3 of them.
    for (std::size_t levels : {60u, 61u, 62u}) {
        std::string inner = std::string(levels, '[') + std::string(levels, ']');
        same_both_ways(page(R"({"op":"delete","product_id":"P","x":)" + inner + "}"));
    }
    CHECK(parse_change_page_text(page(R"({"op":"delete","product_id":"P","x":)" + std::string(61, '[') + std::string(61, ']') + "}")).ok());
    CHECK_FALSE(parse_change_page_text(page(R"({"op":"delete","product_id":"P","x":)" + std::string(62, '[') + std::string(62, ']') + "}")).ok());
}
