// Quotes and orders: fulfilment options, exactly-once placement, prices, stock races.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

using testing::Harness;
using testing::json;

namespace {
std::int64_t stock_of(Harness& h, const std::string& sku, const std::string& location) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT quantity FROM stock WHERE sku = ? AND location_id = ?");
    st.bind(1, sku).bind(2, location);
    return st.step() ? st.integer(0) : 0;
}
void put_stock(Harness& h, const std::string& sku, const std::string& location, int units) {
    auto db = h.open_db();
    db->prepare("INSERT OR REPLACE INTO stock(sku, location_id, quantity) VALUES(?,?,?)").bind(1, sku).bind(2, location).bind(3, units).run();
}
}  // namespace

TEST_CASE("a quote lists delivery and every store that can fulfil, shelf before transfer") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "lyon-part-dieu", 3);
    put_stock(h, sku, "wh-saint-quentin-fallavier", 40);
    auto r = h.post("/v1/quotes", json{{"lines", {{{"sku", sku}, {"quantity", 2}}}}});
    REQUIRE(r.status == 200);
    json q = r.doc();
    CHECK(q["lines"][0]["unit_price"]["currency"] == "EUR");
    CHECK(q["totals"]["items"]["amount"] == q["lines"][0]["unit_price"]["amount"].get<std::int64_t>() * 2);
    bool delivery = false;
    std::string lyon_ready, paris_ready, lyon_source, paris_source;
    int pickups = 0;
    double last_km = -1;
    for (const auto& o : q["options"]) {
        if (o["type"] == "delivery") {
            delivery = true;
            CHECK(o["eta"]["min"].is_string());
            continue;
        }
        ++pickups;
        CHECK(o["distance_km"].get<double>() >= last_km);
        last_km = o["distance_km"].get<double>();
        if (o["store_id"] == "lyon-part-dieu") lyon_ready = o["ready_by"], lyon_source = o["source"];
        if (o["store_id"] == "paris-rivoli") paris_ready = o["ready_by"], paris_source = o["source"];
    }
    CHECK(delivery);
    CHECK(pickups > 30);  // every pickup store can be served by transfer from the warehouse
    CHECK(lyon_source == "shelf");
    CHECK(paris_source == "transfer");
    CHECK(lyon_ready < paris_ready);  // RFC 3339 in one zone compares as text

    // Without warehouse stock, only the shelf store remains, and 4 units fit nowhere.
    put_stock(h, sku, "wh-saint-quentin-fallavier", 0);
    auto only = h.post("/v1/quotes", json{{"lines", {{{"sku", sku}, {"quantity", 2}}}}}).doc();
    REQUIRE(only["options"].size() == 1);
    CHECK(only["options"][0]["store_id"] == "lyon-part-dieu");
    auto none = h.post("/v1/quotes", json{{"lines", {{{"sku", sku}, {"quantity", 4}}}}}).doc();
    CHECK(none["options"].empty());
    CHECK(none["unavailable"][0]["sku"] == sku);

    auto unknown = h.post("/v1/quotes", json{{"lines", {{{"sku", "NOPE"}, {"quantity", 1}}}}});
    CHECK(unknown.status == 422);
    CHECK(testing::names_field(unknown, "lines[0].sku", "unknown"));
    auto dup = h.post("/v1/quotes", json{{"lines", {{{"sku", sku}, {"quantity", 1}}, {{"sku", sku}, {"quantity", 1}}}}});
    CHECK(testing::names_field(dup, "lines[1].sku", "duplicate"));
    auto zero = h.post("/v1/quotes", json{{"lines", {{{"sku", sku}, {"quantity", 0}}}}});
    CHECK(testing::names_field(zero, "lines[0].quantity", "out_of_range"));
}

TEST_CASE("placing an order: 201 with number, till code, ready_by; stock reserved; lookup") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 3);
    json body = testing::order_body(h, sku, 2, "paris-rivoli");
    auto r = h.post("/v1/orders", body, {{"Idempotency-Key", "k-1"}});
    REQUIRE(r.status == 201);
    json order = r.doc();
    std::string number = order["number"];
    CHECK(number.size() == 9);
    CHECK(number.rfind("K-", 0) == 0);
    CHECK(order["status"] == "awaiting_payment");
    CHECK(order["payment"]["till_code"].get<std::string>().size() == 13);
    CHECK(order["fulfilment"]["ready_by"].is_string());
    CHECK(order["fulfilment"]["source"] == "shelf");
    CHECK(order["contact"]["email"] == "e***@example.org");
    CHECK(order["contact"]["phone"] == "06 1* ** ** 78");
    CHECK(order["channel"]["kiosk_id"] == h.kiosk_id);
    CHECK(order["lines"][0]["product_id"].is_string());
    CHECK(order["totals"]["total"]["amount"] == body["lines"][0]["unit_price"]["amount"].get<std::int64_t>() * 2);
    CHECK(stock_of(h, sku, "paris-rivoli") == 1);

    auto got = h.get("/v1/orders/" + number);
    CHECK(got.status == 200);
    CHECK(got.doc() == order);
    CHECK(h.get("/v1/orders/K-NONE-00").status == 404);
}

TEST_CASE("delivery order with pay on phone; address and contact are validated field by field") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 1);
    put_stock(h, sku, "wh-moissy-cramayel", 10);
    json body = testing::order_body(h, sku, 1, "");
    body["payment"]["method"] = "pay_on_phone";
    auto r = h.post("/v1/orders", body, {{"Idempotency-Key", "d-1"}});
    REQUIRE(r.status == 201);
    json order = r.doc();
    CHECK(order["payment"]["payment_url"].get<std::string>().rfind(h.url() + "/pay/", 0) == 0);
    CHECK(order["fulfilment"]["eta"]["min"].is_string());
    CHECK(order["fulfilment"]["address"]["city"] == "Lyon");
    CHECK(stock_of(h, sku, "wh-moissy-cramayel") == 9);

    json bad = body;
    bad["fulfilment"]["address"]["postcode"] = "6900";
    bad["fulfilment"]["address"].erase("city");
    bad["contact"] = {{"email", "not-an-email"}, {"phone", "12"}};
    bad["payment"]["method"] = "cash";
    auto v = h.post("/v1/orders", bad, {{"Idempotency-Key", "d-2"}});
    CHECK(v.status == 422);
    CHECK(testing::names_field(v, "fulfilment.address.postcode", "invalid"));
    CHECK(testing::names_field(v, "fulfilment.address.city", "missing"));
    CHECK(testing::names_field(v, "contact.email", "invalid"));
    CHECK(testing::names_field(v, "contact.phone", "invalid"));
    CHECK(testing::names_field(v, "payment.method", "invalid"));
    json no_contact = body;
    no_contact["contact"] = json::object();
    CHECK(testing::names_field(h.post("/v1/orders", no_contact, {{"Idempotency-Key", "d-3"}}), "contact", "missing"));
    auto no_key = h.post("/v1/orders", body);
    CHECK(no_key.status == 422);
    CHECK(testing::names_field(no_key, "Idempotency-Key", "missing"));
    json other_kiosk = body;
    other_kiosk["channel"]["kiosk_id"] = "k-lyon-part-dieu-1";
    CHECK(testing::names_field(h.post("/v1/orders", other_kiosk, {{"Idempotency-Key", "d-4"}}), "channel.kiosk_id", "mismatch"));
    json staff_credit = body;
    staff_credit["channel"]["staff_id"] = "s-paris-rivoli-1";
    CHECK(h.post("/v1/orders", staff_credit, {{"Idempotency-Key", "d-5"}}).status == 403);
}

TEST_CASE("idempotency: same key and body replays the same answer; another body conflicts") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 5);
    json body = testing::order_body(h, sku, 1, "paris-rivoli");
    auto first = h.post("/v1/orders", body, {{"Idempotency-Key", "same"}});
    REQUIRE(first.status == 201);
    h.advance(3 * 86400);  // days later
    auto replay = h.post("/v1/orders", body, {{"Idempotency-Key", "same"}});
    CHECK(replay.status == 201);
    CHECK(replay.body == first.body);
    CHECK(stock_of(h, sku, "paris-rivoli") == 4);  // reserved once
    json other = body;
    other["lines"][0]["quantity"] = 2;
    auto conflict = h.post("/v1/orders", other, {{"Idempotency-Key", "same"}});
    CHECK(conflict.status == 409);
    CHECK(conflict.doc()["code"] == "idempotency_conflict");
    // The key belongs to this kiosk: another kiosk may use the same string freely.
    auto db = h.open_db();
    auto count = db->prepare("SELECT COUNT(*) FROM orders");
    count.step();
    CHECK(count.integer(0) == 1);
}

TEST_CASE("contact is validated on its values: null or empty email and phone are no contact") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 2);
    const json body = testing::order_body(h, sku, 1, "paris-rivoli");
    int n = 0;
    for (const json& contact : {json{{"email", nullptr}}, json{{"phone", nullptr}},
                                json{{"email", nullptr}, {"phone", nullptr}}, json{{"email", ""}},
                                json{{"phone", ""}}, json{{"email", ""}, {"phone", "   "}},
                                json{{"email", nullptr}, {"phone", ""}}}) {
        CAPTURE(contact.dump());
        json bad = body;
        bad["contact"] = contact;
        auto r = h.post("/v1/orders", bad, {{"Idempotency-Key", "c-" + std::to_string(++n)}});
        CHECK(r.status == 422);
        CHECK(testing::names_field(r, "contact", "missing"));
    }
    CHECK(stock_of(h, sku, "paris-rivoli") == 2);
    // One usable value is enough.
    json phone_only = body;
    phone_only["contact"] = {{"email", nullptr}, {"phone", "06 12 34 56 78"}};
    CHECK(h.post("/v1/orders", phone_only, {{"Idempotency-Key", "c-ok"}}).status == 201);
}

TEST_CASE("a stale unit price orders nothing: 409 price_changed with the new price, replayed too") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 5);
    json body = testing::order_body(h, sku, 1, "paris-rivoli");
    std::int64_t real = body["lines"][0]["unit_price"]["amount"];
    body["lines"][0]["unit_price"]["amount"] = real + 100;
    auto r = h.post("/v1/orders", body, {{"Idempotency-Key", "p-1"}});
    CHECK(r.status == 409);
    CHECK(r.doc()["code"] == "price_changed");
    CHECK(r.doc()["sku"] == sku);
    CHECK(r.doc()["price"]["amount"] == real);
    CHECK(stock_of(h, sku, "paris-rivoli") == 5);
    CHECK(h.post("/v1/orders", body, {{"Idempotency-Key", "p-1"}}).body == r.body);
}

TEST_CASE("out of stock: 409 with the units available, nothing reserved") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 2);
    auto r = h.post("/v1/orders", testing::order_body(h, sku, 3, "paris-rivoli"), {{"Idempotency-Key", "o-1"}});
    CHECK(r.status == 409);
    CHECK(r.doc()["code"] == "out_of_stock");
    CHECK(r.doc()["sku"] == sku);
    CHECK(r.doc()["available"] == 2);
    CHECK(stock_of(h, sku, "paris-rivoli") == 2);
}

TEST_CASE("64 concurrent orders race for the last 5 units: exactly 5 succeed, stock ends at 0") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 5);
    json body = testing::order_body(h, sku, 1, "paris-rivoli");
    std::atomic<int> created{0}, out{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 64; ++i) {
        threads.emplace_back([&, i] {
            httplib::Client cli("127.0.0.1", h.port());
            cli.set_read_timeout(120, 0);
            auto r = cli.Post("/v1/orders", h.auth_headers({{"Idempotency-Key", "race-" + std::to_string(i)}}), body.dump(), "application/json");
            if (!r) {
                ++other;
                MESSAGE("transport error " << httplib::to_string(r.error()));
            } else if (r->status == 201) {
                ++created;
            } else if (r->status == 409 && json::parse(r->body)["code"] == "out_of_stock") {
                ++out;
            } else {
                ++other;
                MESSAGE("unexpected " << r->status << " " << r->body);
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(created == 5);
    CHECK(out == 59);
    CHECK(other == 0);
    CHECK(stock_of(h, sku, "paris-rivoli") == 0);
    auto db = h.open_db();
    auto negative = db->prepare("SELECT COUNT(*) FROM stock WHERE quantity < 0");
    negative.step();
    CHECK(negative.integer(0) == 0);
}

TEST_CASE("an order with a loyalty card joins the customer's history") {
    Harness h;
    auto db = h.open_db();
    std::string card;
    {
        auto st = db->prepare("SELECT card FROM customers LIMIT 1");
        REQUIRE(st.step());
        card = st.text(0);
    }
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 2);
    json body = testing::order_body(h, sku, 1, "paris-rivoli");
    body["loyalty_card"] = card;
    auto r = h.post("/v1/orders", body, {{"Idempotency-Key", "l-1"}});
    REQUIRE(r.status == 201);
    CHECK(r.doc()["loyalty_card"].get<std::string>().find('*') != std::string::npos);
    auto purchases = db->prepare("SELECT COUNT(*) FROM purchases WHERE card = ? AND sku = ?");
    purchases.bind(1, card).bind(2, sku);
    purchases.step();
    CHECK(purchases.integer(0) == 1);
    body["loyalty_card"] = "0000";
    auto unknown = h.post("/v1/orders", body, {{"Idempotency-Key", "l-2"}});
    CHECK(testing::names_field(unknown, "loyalty_card", "unknown"));
}

TEST_CASE("pay on phone: the payment link shows the order and marks it paid") {
    Harness h;
    std::string sku = testing::stock_only_at(h, "paris-rivoli", 1);
    json body = testing::order_body(h, sku, 1, "paris-rivoli");
    body["payment"]["method"] = "pay_on_phone";
    json order = h.post("/v1/orders", body, {{"Idempotency-Key", "pay-1"}}).doc();
    std::string url = order["payment"]["payment_url"];
    std::string path = url.substr(h.url().size());
    auto page = h.get(path, {}, false);
    CHECK(page.status == 200);
    CHECK(page.body.find(order["number"].get<std::string>()) != std::string::npos);
    CHECK(page.body.find("Payer") != std::string::npos);
    auto paid = h.post(path, std::string(), {}, false);
    CHECK(paid.status == 200);
    CHECK(h.get("/v1/orders/" + order["number"].get<std::string>()).doc()["status"] == "paid");
    CHECK(h.get("/pay/00000000000000000000000000000000", {}, false).status == 404);
}
