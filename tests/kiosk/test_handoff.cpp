// "Continue on my phone" (issue 13, item 4): the product sheet's QR is the retailer's web page of
// that product and variant; the cart's QR is a link the reference server made from the lines,
// whose page lists them with their prices. Nothing personal in either.
#include <doctest/doctest.h>

#include "scenario_kit.hpp"
#include "central_api/util.hpp"

using namespace scenario;

TEST_CASE("hand-off: the product's web page, and the cart's lines on a page of their own") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 5);
    std::string ref, name_fr;
    std::int64_t price = 0;
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT p.doc, v.price_online, v.name FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ?");
        st.bind(1, sku);
        REQUIRE(st.step());
        ref = json::parse(st.text(0))["ref"];
        price = st.integer(1);
        name_fr = json::parse(st.text(2))["fr"];
    }
    Kiosk k(h, "fr", [](kiosk::KioskConfig& c, const std::string&) {
        c.handoff_product_url = "https://shop.example/p/{ref}?sku={sku}";
    });
    CHECK(k.run(steps({{{"tap", "attract.start"}},
                       {{"scan", ean_of(h, sku)}},
                       {{"wait", {{"screen", "product"}, {"visible", "product.handoff"}}}, {"timeout_ms", 5000}},
                       {{"tap", "product.handoff"}},
                       {{"expect", {{"visible", {"handoff.qr", "handoff.close"}}}}},
                       {{"screenshot", "handoff-product.png"}},
                       {{"audit", true}}})));
    const render::Element* qr = k.app->ui().registry.find("handoff.qr");
    REQUIRE(qr);
    CHECK(qr->label == "https://shop.example/p/" + ref + "?sku=" + sku);
    CHECK(k.run(steps({{{"tap", "handoff.close"}},
                       {{"expect", {{"absent", "handoff.qr"}}}},
                       {{"tap", "product.add_to_cart"}},
                       {{"tap", "product.add_to_cart"}},
                       {{"tap", "nav.cart"}},
                       {{"tap", "cart.handoff"}},
                       {{"wait", {{"visible", "handoff.qr"}}}, {"timeout_ms", 10000}},
                       {{"screenshot", "handoff-cart.png"}},
                       {{"audit", true}}})));
    qr = k.app->ui().registry.find("handoff.qr");
    REQUIRE(qr);
    const std::string url = qr->label;
    REQUIRE(url.rfind(h.url() + "/h/", 0) == 0);
    // The page the phone opens: the line, two of them, at the online price.
    auto page = h.get(url.substr(h.url().size()), {}, false);
    REQUIRE(page.status == 200);
    CHECK(page.body.find(central_api::escape_html(name_fr)) != std::string::npos);
    CHECK(page.body.find("2 × " + central_api::euros_fr(price)) != std::string::npos);
    // The panel is modal: closed by its button; with the server gone, it says the link could not
    // be made, and shows no code.
    CHECK(k.run(steps({{{"tap", "handoff.close"}}, {{"expect", {{"absent", "handoff.qr"}, {"visible", "cart.handoff"}}}}})));
    h.stop_server();
    CHECK(k.run(steps({{{"tap", "cart.handoff"}},
                       {{"wait", {{"visible", "handoff.status"}, {"text", "Le lien n'a pas pu être préparé. Réessayez dans un instant."}}},
                        {"timeout_ms", 20000}},
                       {{"expect", {{"absent", "handoff.qr"}}}}})));
}
