// The rough edges a new shopper hit (issue 13, item 5), each with a scenario: the attract loop
// starts on any touch and opens the featured product touched; a sold-out product's availability
// puts the nearest stores that have it first; the confirmation says where the code is in
// portrait; the checkout keyboard closes on a touch outside the fields and the order button stays
// in view in portrait; the "added to cart" toast does not follow the shopper to other screens.
#include <doctest/doctest.h>

#include "scenario_kit.hpp"

using namespace scenario;

namespace {

const render::Element* element(Kiosk& k, const std::string& id) { return k.app->ui().registry.find(id); }

}  // namespace

TEST_CASE("attract loop: any touch starts, a touch on the featured product opens it, Enter starts") {
    Harness h;
    {
        // A touch on empty space (bottom left, under the texts). One kiosk at a time (one UI).
        Kiosk k(h);
        CHECK(k.run(steps({{{"wait", {{"screen", "attract"}, {"visible", "attract.product"}}}, {"timeout_ms", 120000}},
                           {{"drag", {{"from", {40, 1060}}, {"to", {40, 1060}}}}},
                           {{"expect", {{"screen", "home"}}}}})));
    }
    {
    // The featured product touched opens that product.
    Kiosk k2(h);
    CHECK(k2.run(steps({{{"wait", {{"screen", "attract"}, {"visible", "attract.product"}}}, {"timeout_ms", 120000}}})));
    const render::Element* featured = element(k2, "attract.product");
    REQUIRE(featured);
    const std::string name = featured->label;
    CHECK(k2.run(steps({{{"tap", "attract.product"}},
                        {{"wait", {{"screen", "product"}, {"visible", "product.add_to_cart"}}}, {"timeout_ms", 10000}},
                        {{"expect", {{"text", name}}}}})));
    CHECK(k2.state().history.size() >= 1);  // back leads home, not to the loop
    }
    // Every control of the loop keeps its own touch: the language chip does not start.
    Kiosk k3(h);
    CHECK(k3.run(steps({{{"wait", {{"screen", "attract"}, {"visible", "attract.start"}}}, {"timeout_ms", 120000}},
                        {{"tap", "nav.language.en"}},
                        {{"expect", {{"screen", "attract"}, {"text", "Touch to start"}}}},
                        {{"audit", true}}})));
}

TEST_CASE("availability: sold out here, the nearest stores that have it come first, said in one line") {
    Harness h;
    // Stock only in a far store (Lyon) and a near one (La Défense), none in Paris Rivoli.
    const std::string sku = testing::stock_only_at(h, "lyon-part-dieu", 4);
    {
        auto db = h.open_db();
        db->prepare("INSERT INTO stock(sku, location_id, quantity) VALUES(?, 'la-defense', 2)").bind(1, sku).run();
    }
    Kiosk k(h);
    CHECK(k.run(steps({{{"tap", "attract.start"}},
                       {{"scan", ean_of(h, sku)}},
                       {{"wait", {{"screen", "product"}, {"visible", "product.availability"}}}, {"timeout_ms", 5000}},
                       {{"tap", "product.availability"}},
                       {{"wait", {{"screen", "availability"}, {"visible", "availability.nearest"}}}, {"timeout_ms", 5000}},
                       {{"screenshot", "availability-sold-out.png"}},
                       {{"audit", true}}})));
    const render::Element* nearest = element(k, "availability.nearest");
    REQUIRE(nearest);
    CHECK(nearest->label.find("La Défense") != std::string::npos);
    // The two stores that have it are the first two rows, the nearer first.
    std::vector<std::pair<float, std::string>> rows;
    for (const render::Element* e : k.app->ui().registry.with_prefix("availability.store."))
        rows.emplace_back(e->rect.y, e->id.substr(std::string("availability.store.").size()));
    std::sort(rows.begin(), rows.end());
    REQUIRE(rows.size() > 3);
    CHECK(rows[0].second == "la-defense");
    CHECK(rows[1].second == "lyon-part-dieu");
    CHECK(rows[2].second != "lyon-part-dieu");
}

TEST_CASE("portrait: the confirmation says the code is below; the checkout keyboard closes on a touch outside the fields") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 5);
    {
    Kiosk k(h, "fr", {}, 1080, 1920);
    CHECK(k.run(concat({to_checkout(ean_of(h, sku)),
                        steps({{{"tap", "checkout.pickup"}},
                               {{"tap", "checkout.pickup.store.paris-rivoli"}},
                               {{"tap", "checkout.field.email"}},
                               {{"type", "lea@example.org"}},
                               // The keyboard is open, and the order button is still in view.
                               {{"expect", {{"visible", {"osk.key.a", "checkout.place_order", "checkout.close_keyboard"}}}}}})})));
    // A touch on the form outside any field closes the keyboard (as on a phone).
    const render::Element* form = element(k, "checkout.close_keyboard");
    REQUIRE(form);
    const float x = form->rect.x + form->rect.w - 20, y = form->rect.y + form->rect.h - 20;
    CHECK(k.run(steps({{{"drag", {{"from", {x, y}}, {"to", {x, y}}}}},
                       {{"expect", {{"screen", "checkout"}, {"absent", {"osk.key.a", "checkout.close_keyboard"}}}}}})));
    CHECK(k.state().checkout.form.focused.empty());
    CHECK(k.run(concat({type_into("phone", "0612345678"),
                        steps({{{"tap", "checkout.payment.pay_at_till"}},
                               {{"screenshot", "portrait-checkout.png"}},
                               {{"tap", "checkout.place_order"}},
                               {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.how_to_pay"}}}, {"timeout_ms", 10000}}})})));
    const render::Element* how = element(k, "confirmation.how_to_pay");
    REQUIRE(how);
    CHECK(how->label.find("ci-dessous") != std::string::npos);
    }
    // In landscape the code is beside the details.
    Kiosk wide(h);
    const std::string sku2 = testing::stock_only_at(h, "paris-rivoli", 5);
    CHECK(wide.run(concat({to_checkout(ean_of(h, sku2)),
                           steps({{{"tap", "checkout.pickup"}}, {{"tap", "checkout.pickup.store.paris-rivoli"}}}), type_into("email", "lea@example.org"), type_into("phone", "0612345678"),
                           steps({{{"tap", "checkout.payment.pay_at_till"}},
                                  {{"tap", "checkout.place_order"}},
                                  {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.how_to_pay"}}}, {"timeout_ms", 10000}}})})));
    REQUIRE(element(wide, "confirmation.how_to_pay"));
    CHECK(element(wide, "confirmation.how_to_pay")->label.find("ci-contre") != std::string::npos);
}

TEST_CASE("the \"added to cart\" toast stays on the product screen") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 5);
    Kiosk k(h);
    CHECK(k.run(concat({scan_product(ean_of(h, sku)), steps({
                       {{"tap", "product.add_to_cart"}},
                       {{"expect", {{"text", "Ajouté au panier"}}}},
                       {{"tap", "nav.search"}},
                       {{"expect", {{"screen", "search"}, {"visible", "osk.key.a"}, {"no_text", "Ajouté au panier"}}}},
                       {{"tap", "nav.cart"}},
                       {{"tap", "cart.checkout"}},
                       {{"wait", {{"screen", "checkout"}, {"visible", "checkout.pickup"}}}, {"timeout_ms", 5000}},
                       {{"expect", {{"no_text", "Ajouté au panier"}}}}})})));
}
