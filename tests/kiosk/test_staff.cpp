// Staff scenarios (T1–T4): the real kiosk, headless, against the reference server. A staff member
// unlocks the kiosk (logo held 2 s, or a badge scanned, then the PIN pad), sees the full sheet
// with exact stock and the size × colour matrix, finds a customer's purchases in other stores,
// orders for pickup credited to them, looks the order up, and locks; wrong PINs lock the kiosk
// for a while; nothing of the staff session stays once it ends.
#include <doctest/doctest.h>

#include <set>

#include "scenario_kit.hpp"

using namespace scenario;

namespace {

// Taps the PIN on the pad, then OK.
json pin_steps(const std::string& pin) {
    json out = json::array();
    for (char d : pin) out.push_back({{"tap", std::string("staff.pin.") + d}});
    out.push_back({{"tap", "staff.pin.ok"}});
    return out;
}

// From the attract loop to the staff home: the logo held, the PIN typed.
json unlock(const std::string& pin) {
    return concat({steps({{{"tap", "attract.start"}},
                          {{"long_press", "nav.logo"}},
                          {{"expect", {{"screen", "staff_pin"}, {"visible", {"staff.pin.1", "staff.pin.ok", "staff.pin.clear"}}}}}}),
                   pin_steps(pin),
                   steps({{{"wait", {{"screen", "staff_home"}, {"visible", {"staff.banner", "staff.lock"}}}}, {"timeout_ms", 10000}}})});
}

std::string staff_name(Harness& h, const std::string& id) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT name FROM staff WHERE id = ?");
    st.bind(1, id);
    REQUIRE(st.step());
    return st.text(0);
}

struct Customer {
    std::string card, name;
};
// A customer whose purchases span at least three stores, the first (newest) of them with a size.
Customer well_travelled(Harness& h) {
    auto db = h.open_db();
    auto st = db->prepare(
        "SELECT c.card, c.name FROM customers c JOIN purchases p ON p.card = c.card GROUP BY c.card "
        "HAVING COUNT(DISTINCT p.store_id) >= 3 ORDER BY c.card");
    while (st.step()) {
        Customer c{st.text(0), st.text(1)};
        auto first = db->prepare("SELECT options FROM purchases WHERE card = ? ORDER BY date DESC, rowid DESC LIMIT 1");
        first.bind(1, c.card);
        if (first.step() && json::parse(first.text(0)).contains("size")) return c;
    }
    FAIL("no customer with purchases in three stores");
    return {};
}

bool staff_gone(const kiosk::AppState& s) {
    return !s.staff.unlocked && s.staff.token.empty() && s.staff.name.empty() && !s.staff.customer.history &&
           s.staff.customer.card.empty() && s.staff.orders.results.empty() && s.staff.orders.query.empty();
}

// The leading number of a matrix cell's label ("3" or "0 · Lyon Part-Dieu : 2").
std::int64_t leading_number(const std::string& label) {
    std::size_t n = 0;
    while (n < label.size() && label[n] >= '0' && label[n] <= '9') ++n;
    REQUIRE(n > 0);
    return std::stoll(label.substr(0, n));
}

}  // namespace

TEST_CASE("T1: unlock with the PIN; the sheet's matrix and exact stock equal the server's; lock") {
    Harness h;
    const std::string pin = h.pin_for("s-paris-rivoli-1");
    const std::string name = staff_name(h, "s-paris-rivoli-1");
    // A product with sizes and colours, some of them on this store's shelf.
    std::string sku;
    {
        auto db = h.open_db();
        auto st = db->prepare(
            "SELECT v.sku FROM variants v JOIN stock s ON s.sku = v.sku AND s.location_id = 'paris-rivoli' "
            "WHERE s.quantity > 0 AND v.options LIKE '%\"size\"%' AND v.options LIKE '%\"color\"%' ORDER BY v.sku LIMIT 1");
        REQUIRE(st.step());
        sku = st.text(0);
    }
    Kiosk k(h);
    CHECK(k.run(concat({unlock(pin),
                        steps({{{"expect", {{"text", "Mode vendeur \xC2\xB7 " + name}, {"visible", "staff.home.customer"}}}},
                               {{"audit", true}},
                               {{"scan", ean_of(h, sku)}},
                               {{"wait", {{"screen", "product"}, {"visible", {"product.stock_matrix", "staff.banner", "staff.lock"}}}},
                                {"timeout_ms", 10000}},
                               {{"frames", 20}},
                               {{"audit", true}}})})));
    // Every cell of the matrix: the quantity on this store's shelf, as the server has it.
    const kiosk::ProductView& v = k.state().product;
    REQUIRE(v.product);
    int cells = 0;
    for (const auto& var : v.product->variants) {
        const std::string id = "product.stock_matrix." + var.options.at("size") + "." + var.options.at("color");
        const render::Element* e = k.app->ui().registry.find(id);
        REQUIRE_MESSAGE(e, id);
        CHECK_MESSAGE(leading_number(e->label) == testing::stock_at(h, var.sku, "paris-rivoli"), id << ": " << e->label);
        ++cells;
    }
    CHECK(cells == static_cast<int>(v.product->variants.size()));
    // A variant with a replenishment on its way: the sheet says how many, where and when.
    std::string incoming_sku, incoming_line;
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT i.sku, i.quantity, l.doc FROM incoming i JOIN locations l ON l.id = i.location_id ORDER BY i.sku LIMIT 1");
        REQUIRE(st.step());
        incoming_sku = st.text(0);
        incoming_line = std::to_string(st.integer(1)) + " \xC3\xA0 " + json::parse(st.text(2))["name"].get<std::string>() + " le ";
    }
    CHECK(k.run(steps({{{"scan", ean_of(h, incoming_sku)}},
                       {{"wait", {{"screen", "product"}, {"visible", "product.stock_matrix"}}}, {"timeout_ms", 10000}},
                       {{"frames", 20}}})));
    bool incoming_shown = false;
    for (const render::Element& e : k.app->ui().registry.all()) incoming_shown |= e.label.rfind(incoming_line, 0) == 0;
    CHECK_MESSAGE(incoming_shown, incoming_line);
    CHECK(k.run(steps({{{"scan", ean_of(h, sku)}},
                       {{"wait", {{"screen", "product"}, {"visible", "product.stock_matrix"}}}, {"timeout_ms", 10000}},
                       {{"frames", 20}}})));
    // The scanned variant's exact quantity here, as a number.
    const std::int64_t here = testing::stock_at(h, sku, "paris-rivoli");
    CHECK(k.run(steps({{{"expect", {{"text", std::to_string(here) + " en stock"}}}},
                       // The availability screen lists warehouses too, with numbers.
                       {{"tap", "product.availability"}},
                       {{"expect", {{"screen", "availability"}, {"visible", "staff.banner"}}}},
                       {{"tap", "nav.back"}},
                       {{"tap", "staff.lock"}},
                       {{"expect", {{"screen", "product"}, {"absent", {"staff.banner", "staff.lock", "product.stock_matrix"}}}}}})));
    CHECK(staff_gone(k.state()));
    // A shopper sees bands again, not numbers.
    CHECK_FALSE(k.run(steps({{{"expect", {{"text", std::to_string(here) + " en stock"}}}}})));
}

TEST_CASE("T1: wrong PINs say how many tries remain, the fifth locks with a countdown, a badge then unlocks") {
    Harness h;
    const std::string pin = h.pin_for("s-paris-rivoli-2");
    std::string wrong = pin;
    wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
    Kiosk k(h);
    json walk = steps({{{"tap", "attract.start"}}, {{"long_press", "nav.logo"}}});
    for (int i = 0; i < 4; ++i) {
        walk = concat({walk, pin_steps(wrong)});
        walk.push_back({{"wait", {{"text", "Code incorrect. Encore " + std::to_string(4 - i) + " essai(s) avant le blocage."}}},
                        {"timeout_ms", 10000}});
    }
    walk = concat({walk, pin_steps(wrong)});
    walk.push_back({{"wait", {{"text", "Trop de codes incorrects. R\xC3\xA9" "essayez dans 30 s."}}}, {"timeout_ms", 10000}});
    walk.push_back({{"audit", true}});
    CHECK(k.run(walk));
    CHECK(k.state().screen == kiosk::Screen::StaffPin);
    CHECK_FALSE(k.state().staff.unlocked);
    // The countdown moves with time; OK stays disabled while it runs.
    h.advance(10);
    CHECK(k.run(steps({{{"advance_s", 10}}, {{"expect", {{"text", "Trop de codes incorrects. R\xC3\xA9" "essayez dans 20 s."}}}}})));
    CHECK_FALSE(k.run(pin_steps(pin)));  // OK is disabled while locked: its tap fails
    CHECK_FALSE(k.state().staff.unlocked);
    // After the wait, a scanned badge opens the pad for that staff member; the right PIN unlocks.
    h.advance(25);
    CHECK(k.run(concat({steps({{{"advance_s", 25}},
                               {{"tap", "staff.pin.cancel"}},
                               {{"scan", "STAFF:s-paris-rivoli-2"}},
                               {{"expect", {{"screen", "staff_pin"}, {"text", "Badge s-paris-rivoli-2 : saisissez votre code."}}}},
                               {{"tap", "staff.pin.clear"}}}),
                        pin_steps(pin),
                        steps({{{"wait", {{"screen", "staff_home"}}}, {"timeout_ms", 10000}},
                               {{"expect", {{"text", "Mode vendeur \xC2\xB7 " + staff_name(h, "s-paris-rivoli-2")}}}}})})));
    CHECK(k.state().staff.staff_id == "s-paris-rivoli-2");
}

TEST_CASE("T1 T3: staff mode locks itself when idle, and the shopper wipe ends it; nothing stays") {
    Harness h;
    const std::string pin = h.pin_for("s-paris-rivoli-1");
    const Customer customer = well_travelled(h);
    Kiosk k(h, "fr", [](kiosk::KioskConfig& c, const std::string&) { c.staff_idle_lock_s = 30; });
    const json find_customer = steps({{{"tap", "staff.home.customer"}},
                                      {{"type", customer.card}},
                                      {{"tap", "staff.customer.search"}},
                                      {{"wait", {{"screen", "staff_customer"}, {"visible", "staff.history.0"}}}, {"timeout_ms", 10000}},
                                      {{"expect", {{"text", customer.name}}}}});
    CHECK(k.run(concat({unlock(pin), find_customer})));
    const std::string token = k.state().staff.token;
    REQUIRE(!token.empty());
    // 30 s without a touch: locked, back to the shopper's home, the customer forgotten.
    CHECK(k.run(steps({{{"advance_s", 31}},
                       {{"frames", 2}},
                       {{"expect", {{"screen", "home"}, {"absent", {"staff.banner", "staff.lock"}}}}}})));
    CHECK(staff_gone(k.state()));
    // Unlocked again and left: locked after 30 s, then the shopper's idle countdown ends the session.
    CHECK(k.run(concat({steps({{{"long_press", "nav.logo"}}}), pin_steps(pin),
                        steps({{{"wait", {{"screen", "staff_home"}}}, {"timeout_ms", 10000}}}), find_customer})));
    CHECK(k.run(steps({{{"advance_s", 31}},
                       {{"frames", 2}},
                       {{"expect", {{"screen", "home"}, {"absent", "staff.banner"}}}},
                       {{"advance_s", 30}},
                       {{"frames", 2}},
                       {{"expect", {{"visible", "idle.continue"}}}},
                       {{"advance_s", 11}},
                       {{"frames", 2}},
                       {{"expect", {{"screen", "attract"}}}}})));
    CHECK(staff_gone(k.state()));
    // Neither the staff token nor the customer is in any file of the kiosk.
    for (const char* dir : {"/replica", "/outbox", "/cache"}) {
        CHECK_FALSE(on_disk(k.dir.path + dir, token));
        CHECK_FALSE(on_disk(k.dir.path + dir, customer.name));
        CHECK_FALSE(on_disk(k.dir.path + dir, customer.card));
    }
}

TEST_CASE("T2 T3 T4: history across stores, a tap picks the same size, an assisted pickup order, looked up by number and card") {
    Harness h;
    const std::string pin = h.pin_for("s-paris-rivoli-1");
    const std::string name = staff_name(h, "s-paris-rivoli-1");
    const Customer customer = well_travelled(h);
    const std::string sku = testing::stock_only_at(h, "la-defense", 5);
    Kiosk k(h);
    CHECK(k.run(concat({unlock(pin),
                        steps({{{"tap", "staff.home.customer"}},
                               {{"type", customer.card}},
                               {{"tap", "staff.customer.search"}},
                               {{"wait", {{"screen", "staff_customer"}, {"visible", "staff.history.0"}}}, {"timeout_ms", 10000}},
                               {{"audit", true}}})})));
    // The history as the server has it: several stores, newest first.
    REQUIRE(k.state().staff.customer.history);
    const catalog_client::CustomerHistory history = *k.state().staff.customer.history;
    CHECK(history.name == customer.name);
    std::set<std::string> stores;
    for (const auto& p : history.purchases) stores.insert(p.store_id);
    CHECK(stores.size() >= 3);
    for (std::size_t i = 1; i < history.purchases.size(); ++i) CHECK(history.purchases[i - 1].date >= history.purchases[i].date);
    const catalog_client::Purchase first = history.purchases.at(0);
    CHECK(k.run(steps({{{"expect", {{"text", "Taille " + first.options.at("size")}}}},
                       {{"tap", "staff.history.0"}},
                       {{"wait", {{"screen", "product"}, {"visible", "product.add_to_cart"}}}, {"timeout_ms", 10000}}})));
    // The same size (and colour) as last time is chosen.
    CHECK(k.state().product.id == first.product_id);
    CHECK(k.state().product.chosen.at("size") == first.options.at("size"));
    if (first.options.count("color")) CHECK(k.state().product.chosen.at("color") == first.options.at("color"));

    // An assisted order for pickup in another store, with the customer's card.
    CHECK(k.run(concat({steps({{{"scan", ean_of(h, sku)}},
                               {{"wait", {{"screen", "product"}, {"visible", "product.add_to_cart"}}}, {"timeout_ms", 5000}},
                               {{"tap", "product.add_to_cart"}},
                               {{"tap", "nav.cart"}},
                               {{"tap", "cart.checkout"}},
                               {{"wait", {{"screen", "checkout"}, {"visible", "checkout.pickup"}}}, {"timeout_ms", 5000}},
                               {{"tap", "checkout.pickup"}},
                               {{"tap", "checkout.pickup.store.la-defense"}}}),
                        type_into("phone", "0612345678"),
                        type_into("loyalty_card", customer.card),
                        steps({{{"tap", "checkout.payment.pay_at_till"}},
                               {{"tap", "checkout.place_order"}},
                               {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.served_by"}}}, {"timeout_ms", 10000}},
                               {{"expect", {{"text", "Commande pass\xC3\xA9" "e avec l'aide de " + name + "."}}}},
                               {{"audit", true}}})})));
    REQUIRE(count_orders(h) == 1);
    const json order = only_order(h);
    CHECK(order["channel"]["staff_id"] == "s-paris-rivoli-1");
    CHECK(order["channel"]["store_id"] == "paris-rivoli");  // the kiosk's store is credited
    CHECK(order["fulfilment"]["store_id"] == "la-defense");
    const std::string number = order["number"];

    // The staff member stays signed in for the lookup; the customer's session is over.
    CHECK(k.run(steps({{{"tap", "confirmation.done"}},
                       {{"expect", {{"screen", "staff_home"}, {"visible", "staff.banner"}}}},
                       {{"tap", "staff.home.orders"}},
                       {{"type", number}},
                       {{"tap", "staff.orders.search"}},
                       {{"wait", {{"screen", "staff_orders"}, {"visible", "staff.orders.result.0"}}}, {"timeout_ms", 10000}},
                       {{"expect", {{"text", {number, "En attente de paiement"}}}}},
                       {{"audit", true}}})));
    CHECK(k.state().cart.empty());
    CHECK_FALSE(k.state().staff.customer.history);
    REQUIRE(k.state().staff.orders.results.size() == 1);
    CHECK(k.state().staff.orders.results[0].fulfilment.store_id == "la-defense");
    // By card: the same order among the customer's.
    CHECK(k.run(steps({{{"tap", "staff.orders.query"}},
                       {{"frames", 2}}})));
    json erase = json::array();
    for (std::size_t i = 0; i < number.size(); ++i) erase.push_back({{"tap", "osk.key.backspace"}});
    CHECK(k.run(concat({erase,
                        steps({{{"expect", {{"absent", "staff.orders.result.1"}}}},
                               {{"type", customer.card}},
                               {{"tap", "staff.orders.search"}},
                               {{"wait", {{"screen", "staff_orders"}, {"visible", "staff.orders.result.0"}}}, {"timeout_ms", 10000}},
                               {{"expect", {{"text", number}}}}})})));
    bool found = false;
    for (const auto& o : k.state().staff.orders.results) found |= o.number == number;
    CHECK(found);
    // Lock: nothing of the staff session or the customer stays, in memory or on disk.
    CHECK(k.run(steps({{{"tap", "staff.lock"}}, {{"expect", {{"screen", "home"}, {"absent", "staff.banner"}}}}})));
    CHECK(staff_gone(k.state()));
    for (const char* dir : {"/replica", "/outbox", "/cache"}) {
        CHECK_FALSE(on_disk(k.dir.path + dir, customer.name));
        CHECK_FALSE(on_disk(k.dir.path + dir, customer.card));
    }
}

TEST_CASE("T1 T3: the staff screens in English and in portrait pass the audit") {
    Harness h;
    const std::string pin = h.pin_for("s-paris-rivoli-1");
    const Customer customer = well_travelled(h);
    Kiosk k(h, "en", {}, 1080, 1920);
    CHECK(k.run(concat({steps({{{"tap", "attract.start"}}, {{"long_press", "nav.logo"}}, {{"audit", true}}}),
                        pin_steps(pin),
                        steps({{{"wait", {{"screen", "staff_home"}}}, {"timeout_ms", 10000}},
                               {{"expect", {{"text", "Hello " + staff_name(h, "s-paris-rivoli-1")}}}},
                               {{"audit", true}},
                               {{"tap", "staff.home.customer"}},
                               {{"audit", true}},
                               {{"type", customer.card}},
                               {{"tap", "staff.customer.search"}},
                               {{"wait", {{"screen", "staff_customer"}, {"visible", "staff.history.0"}}}, {"timeout_ms", 10000}},
                               {{"expect", {{"text", customer.name}}}},
                               {{"audit", true}},
                               {{"tap", "staff.history.0"}},
                               {{"wait", {{"screen", "product"}, {"visible", {"product.stock_matrix", "product.add_to_cart"}}}}, {"timeout_ms", 10000}},
                               {{"frames", 20}},
                               {{"audit", true}},
                               {{"tap", "staff.menu"}},
                               {{"tap", "staff.home.orders"}},
                               {{"audit", true}},
                               {{"type", customer.card}},
                               {{"tap", "staff.orders.search"}},
                               {{"wait", {{"screen", "staff_orders"}, {"text", "No orders for this card."}}}, {"timeout_ms", 10000}},
                               {{"audit", true}},
                               {{"tap", "staff.lock"}},
                               {{"expect", {{"screen", "home"}, {"absent", "staff.banner"}}}}})})));
}
