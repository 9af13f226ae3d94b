// Medusa Store API documents read into the contract's types (catalog_client/medusa_map.hpp),
// offline: the shapes deploy/medusa/README.md recorded, and what a broken or hostile backend
// could send instead. Nothing here may crash, and nothing invalid may reach the replica.
#include "catalog_client/medusa_map.hpp"

#include <doctest/doctest.h>

using namespace catalog_client;
using namespace catalog_client::medusa;

namespace {

json variant(const std::string& sku, double amount, const char* updated = "2026-12-03T19:45:19.945Z") {
    return {{"id", "variant_" + sku}, {"sku", sku}, {"barcode", "3760042000013"}, {"updated_at", updated},
            {"options", json::array({{{"value", "L"}, {"option", {{"title", "Taille"}}}},
                                     {{"value", "Écru"}, {"option", {{"title", "Couleur"}}}}})},
            {"calculated_price", {{"calculated_amount", amount}, {"original_amount", amount}, {"currency_code", "eur"}}}};
}

json product() {
    return {{"id", "prod_1"}, {"title", "Pull en maille col rond"}, {"handle", "pull"}, {"description", "50 % laine"},
            {"metadata", {{"ref", "F-PULL-ROND"}, {"brand", "Maison Demo"}}}, {"updated_at", "2026-12-03T19:45:19.419Z"},
            {"images", json::array({{{"url", "http://127.0.0.1/p.jpg"}}})},
            {"categories", json::array({{{"id", "pcat_1"}, {"name", "Femme"}}})},
            {"variants", json::array({variant("F-PULL-ROND-L-ECR", 39.99)})}};
}

json option(const std::string& id, const std::string& type, const std::string& location, const std::string& code, double amount) {
    return {{"id", id}, {"name", type == "pickup" ? "Retrait en magasin" : "Livraison"}, {"amount", amount},
            {"data", {{"location_code", code}}},
            {"service_zone", {{"fulfillment_set", {{"type", type}, {"location", {{"id", location},
                                                                               {"address", {{"company", code + " name"}, {"city", "Lyon"}, {"country_code", "fr"}}}}}}}}}};
}

json options() {
    return {{"shipping_options", json::array({option("so_wh", "shipping", "sloc_wh", "WH", 4.9), option("so_lys", "pickup", "sloc_lys", "LYS", 0),
                                              option("so_lys2", "pickup", "sloc_lys", "LYS", 0)})}};
}

}  // namespace

TEST_CASE("amounts in euros become cents, rounded, and only finite numbers in range count") {
    CHECK(cents(json(39.99)) == 3999);
    CHECK(cents(json(4.9)) == 490);
    CHECK(cents(json(33.325)) == 3333);  // Medusa's computed totals carry more decimals
    CHECK(cents(json(0)) == 0);
    CHECK_FALSE(cents(json("39.99")));
    CHECK_FALSE(cents(json(1e12)));
    CHECK_FALSE(cents(json(nullptr)));
}

TEST_CASE("a product becomes the contract's: reference, brand, options by name, EAN from the barcode, price in cents") {
    std::string latest;
    auto p = product_of(product(), latest);
    REQUIRE(p.ok());
    CHECK(p.value().ref == "F-PULL-ROND");
    CHECK(p.value().brand == "Maison Demo");
    CHECK(p.value().name.text("fr") == "Pull en maille col rond");
    CHECK(p.value().category_ids == std::vector<std::string>{"pcat_1"});
    REQUIRE(p.value().variants.size() == 1);
    const Variant& v = p.value().variants[0];
    CHECK(v.ean == "3760042000013");
    CHECK(v.options.at("size") == "L");
    CHECK(v.options.at("color") == "Écru");
    CHECK(v.online_price == Money{3999, "EUR"});
    CHECK(v.store_price == v.online_price);
    CHECK_FALSE(v.compare_at);
    CHECK(latest == "2026-12-03T19:45:19.945Z");  // the variant's time is the later

    json sale = product();
    sale["variants"][0]["calculated_price"]["original_amount"] = 49.99;
    auto reduced = product_of(sale, latest);
    REQUIRE(reduced.ok());
    CHECK(reduced.value().variants[0].compare_at == Money{4999, "EUR"});
}

TEST_CASE("variants that cannot be sold are left out; a product with none, or broken, is refused with its path") {
    std::string latest;
    json p = product();
    p["variants"].push_back(variant("", 10));           // no SKU
    json no_price = variant("NO-PRICE", 10);
    no_price.erase("calculated_price");                   // not priced in the region
    p["variants"].push_back(no_price);
    json negative = variant("NEG", -5);
    p["variants"].push_back(negative);
    auto kept = product_of(p, latest);
    REQUIRE(kept.ok());
    CHECK(kept.value().variants.size() == 1);

    json none = product();
    none["variants"] = json::array({no_price});
    auto refused = product_of(none, latest);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("prod_1") != std::string::npos);

    for (json bad : {json(nullptr), json::array(), json("x"), json{{"id", 5}}, json{{"id", "p"}, {"title", json::array()}},
                     json{{"id", "p"}, {"title", "t"}, {"variants", "many"}}}) {
        CAPTURE(bad.dump());
        CHECK_FALSE(product_of(bad, latest).ok());
    }
    json long_title = product();
    long_title["title"] = std::string(100000, 'a');
    CHECK_FALSE(product_of(long_title, latest).ok());
    json wrong_types = product();
    wrong_types["variants"][0]["options"] = json::array({{{"value", 5}, {"option", "x"}}, nullptr, 3});
    wrong_types["variants"][0]["barcode"] = json::array();
    wrong_types["images"] = json::array({nullptr, {{"url", 3}}});
    wrong_types["categories"] = "pcat";
    auto tolerated = product_of(wrong_types, latest);
    REQUIRE(tolerated.ok());  // hints only: dropped, the product stays
    CHECK(tolerated.value().variants[0].options.empty());
    CHECK(tolerated.value().images.empty());
}

TEST_CASE("the stores are the locations of the shipping options, each once; stock per store from the levels") {
    auto l = locations_of(options());
    REQUIRE(l.ok());
    REQUIRE(l.value().list.size() == 2);
    CHECK(l.value().by_store("LYS")->pickup);
    CHECK(l.value().by_store("LYS")->option_id == "so_lys");
    CHECK(l.value().delivery()->store_id == "WH");
    CHECK(l.value().delivery()->price.amount == 490);
    auto stores = parse_stores(stores_json(l.value()));
    REQUIRE(stores.ok());
    CHECK(stores.value()[1].name == "LYS name");
    CHECK(stores.value()[0].kind == "warehouse");

    json listing = {{"products", json::array({{{"id", "prod_1"}, {"title", "Pull"},
                                               {"variants", json::array({{{"id", "v1"}, {"sku", "A"},
                                                                          {"inventory_items", json::array({{{"inventory", {{"location_levels", json::array({
                                                                              {{"location_id", "sloc_lys"}, {"available_quantity", 3}},
                                                                              {{"location_id", "sloc_wh"}, {"available_quantity", 40}},
                                                                              {{"location_id", "sloc_elsewhere"}, {"available_quantity", 9}},
                                                                              {{"location_id", "sloc_lys"}, {"available_quantity", -2}}})}}}}})}}})}}})}};
    Availability a = availability_of(listing, {"A", "B"}, l.value());
    REQUIRE(a.items.size() == 1);
    CHECK(a.unknown_skus == std::vector<std::string>{"B"});
    CHECK(a.items[0].online_quantity == 40);
    REQUIRE(a.items[0].locations.size() == 2);
    CHECK(a.items[0].locations[0].quantity == 3);
    CHECK(a.items[0].locations[1].quantity == 0);  // never negative

    // Broken option lists are refused whole, with a path.
    for (json bad : {json::object(), json{{"shipping_options", "x"}}, json{{"shipping_options", json::array({json::object()})}},
                     json{{"shipping_options", json::array({{{"id", "so"}, {"service_zone", {{"fulfillment_set", 3}}}}})}}}) {
        CAPTURE(bad.dump());
        auto r = locations_of(bad);
        CHECK_FALSE(r.ok());
    }
    CHECK(availability_of(json("garbage"), {"A"}, l.value()).unknown_skus == std::vector<std::string>{"A"});
}

TEST_CASE("an order: number, state, lines in cents, pickup store from its shipping option, till code from display_id") {
    auto l = locations_of(options());
    REQUIRE(l.ok());
    json o = {{"id", "order_1"}, {"display_id", 14}, {"status", "pending"}, {"payment_status", "authorized"},
              {"currency_code", "eur"}, {"total", 39.99}, {"created_at", "2026-12-03T20:00:00.000Z"},
              {"items", json::array({{{"variant_sku", "A"}, {"product_id", "prod_1"}, {"product_title", "Pull"}, {"quantity", 1}, {"unit_price", 39.99}}})},
              {"shipping_methods", json::array({{{"shipping_option_id", "so_lys"}}})}};
    auto order = order_of(o, l.value());
    REQUIRE(order.ok());
    CHECK(order.value().number == "order_1");
    CHECK(order.value().status == "awaiting_payment");
    CHECK(order.value().total == Money{3999, "EUR"});
    CHECK(order.value().fulfilment.type == "pickup");
    CHECK(order.value().fulfilment.store_id == "LYS");
    CHECK(order.value().till_code == "14");
    CHECK(order.value().lines.at(0).line_total.amount == 3999);

    json captured = o;
    captured["payment_status"] = "captured";
    captured["shipping_methods"][0]["shipping_option_id"] = "so_wh";
    auto paid = order_of(captured, l.value());
    REQUIRE(paid.ok());
    CHECK(paid.value().status == "paid");
    CHECK(paid.value().fulfilment.type == "delivery");

    json unknown_option = o;
    unknown_option["shipping_methods"][0] = {{"shipping_option_id", "so_new"}, {"data", {{"pickup_store", "LIL"}}}};
    CHECK(order_of(unknown_option, l.value()).value().fulfilment.store_id == "LIL");

    for (const char* field : {"id", "total", "items"}) {
        json broken = o;
        broken.erase(field);
        CAPTURE(field);
        CHECK_FALSE(order_of(broken, l.value()).ok());
    }
    json bad_line = o;
    bad_line["items"][0]["unit_price"] = "free";
    CHECK_FALSE(order_of(bad_line, l.value()).ok());
}

TEST_CASE("the Date header becomes the sync cursor's time, moved back; anything else gives nothing") {
    CHECK(http_date_to_iso("Thu, 03 Dec 2026 21:04:24 GMT", -60) == "2026-12-03T21:03:24.000Z");
    CHECK(http_date_to_iso("Thu, 03 Dec 2026 21:04:24 GMT", 0) == "2026-12-03T21:04:24.000Z");
    CHECK(http_date_to_iso("", 0).empty());
    CHECK(http_date_to_iso("yesterday", 0).empty());
    CHECK(http_date_to_iso("Thu, 03 Dec 2026 21:04:24 GMT; x", 0).empty());
}
