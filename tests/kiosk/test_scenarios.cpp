// Scenario tests: the real kiosk (headless, offscreen GL) driven by scripts against the reference
// server on loopback, one fresh server database and kiosk directory per case. Each journey of
// the product page is walked by tapping element ids, typing on the on-screen keyboard and
// scanning; the server's database is then checked (orders placed exactly once, what they hold).
#include "catalog_client/usage_log.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "scenario_kit.hpp"

using namespace scenario;

TEST_CASE("S1 S4 S5: browse a category, open a product, check availability, in French then English") {
    Harness h;
    Kiosk k(h);
    CHECK(k.run(steps({{{"expect", {{"screen", "attract"}, {"visible", {"attract.start", "nav.language.en"}}}}},
                       {{"tap", "attract.start"}},
                       {{"expect", {{"screen", "home"}, {"visible", {"home.search", "home.category.mode", "nav.cart"}}}}},
                       {{"tap", "home.category.mode"}},
                       {{"wait", {{"screen", "category"}, {"visible", "grid.item.0"}}}, {"timeout_ms", 5000}},
                       {{"tap", "filter.sort.price_up"}},
                       {{"wait", {{"screen", "category"}, {"visible", "grid.item.0"}}}, {"timeout_ms", 5000}},
                       {{"tap", "grid.item.0"}},
                       {{"wait", {{"screen", "product"}, {"visible", "product.add_to_cart"}}}, {"timeout_ms", 5000}},
                       {{"expect", {{"text", "Ajouter au panier"}}}},
                       {{"tap", "product.availability"}},
                       {{"expect", {{"screen", "availability"}, {"text", "Dans les autres magasins"}}}},
                       {{"tap", "nav.language.en"}},
                       {{"expect", {{"screen", "availability"}, {"text", "In other stores"}}}},
                       {{"tap", "nav.back"}},
                       {{"expect", {{"screen", "product"}, {"text", "Add to basket"}}}},
                       {{"audit", true}}})));
    // The category grid was sorted by price: the first page is in ascending order.
    const auto& page = k.state().category.pages.at(0);
    REQUIRE(page.size() >= 2);
    for (std::size_t i = 1; i < page.size(); ++i) CHECK(page[i - 1].price <= page[i].price);
    // Stock came from the live API: the chosen variant's stock is known.
    const kiosk::ProductView& v = k.state().product;
    REQUIRE(v.product);
    const catalog_client::Variant* var = kiosk::chosen_variant(v);
    REQUIRE(var);
    CHECK(k.state().stock.at(var->sku).known);
}

TEST_CASE("S2: search on the on-screen keyboard, accents and capitals ignored, results on every keystroke") {
    Harness h;
    // A word with an accent from a real product name of this catalogue.
    std::string word;
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT doc FROM products ORDER BY id");
        while (word.empty() && st.step()) {
            const json doc = json::parse(st.text(0));
            std::string name = doc["name"]["fr"];
            std::istringstream in(name);
            std::string token;
            while (in >> token)
                if (token.size() >= 6 && token.find("\xC3\xA9") != std::string::npos && token.find('\'') == std::string::npos) {
                    word = token;
                    break;
                }
        }
    }
    REQUIRE(!word.empty());
    const std::string typed = catalog_client::fold(word);  // "Périgord" -> "perigord"
    Kiosk k(h);
    CHECK(k.run(steps({{{"tap", "attract.start"}},
                       {{"tap", "home.search"}},
                       {{"expect", {{"screen", "search"}, {"visible", {"osk.key.a", "osk.key.backspace"}}}}},
                       {{"type", typed.substr(0, 3)}},
                       {{"wait", {{"screen", "search"}, {"visible", "grid.item.0"}}}, {"timeout_ms", 5000}}})));
    const std::int64_t after_three = k.state().search.total;
    CHECK(after_three > 0);
    CHECK(k.run(steps({{{"type", typed.substr(3)}},
                       {{"wait", {{"screen", "search"}, {"visible", "grid.item.0"}}}, {"timeout_ms", 5000}},
                       {{"expect", {{"text", word}}}}})));
    CHECK(k.state().search_text == typed);
    CHECK(k.state().search.total <= after_three);
    CHECK(k.state().search.total > 0);
    // A search that finds nothing, left for the home screen, is counted for the retailer.
    CHECK(k.run(steps({{{"type", " zorglub"}},
                       {{"wait", {{"screen", "search"}, {"visible", "search.suggestion"}}}, {"timeout_ms", 5000}},
                       {{"tap", "nav.home"}}})));
    std::vector<std::pair<std::string, std::int64_t>> misses;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (misses.empty() && std::chrono::steady_clock::now() < deadline) {  // written by the orders worker
        misses = catalog_client::UsageLog(k.dir.path + "/outbox").searches_without_results(10);
        if (misses.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE(misses.size() == 1);
    CHECK(misses[0].first == typed + " zorglub");
    CHECK(misses[0].second == 1);
}

TEST_CASE("S3 S7 S8: a scanned product, picked up in another store, paid at the till, with a printed ticket") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "la-defense", 5);
    Kiosk k(h, "fr", [](kiosk::KioskConfig& c, const std::string& dir) {
        c.printer_device = dir + "/lp0";
        std::ofstream create(c.printer_device);  // the printer's device node
    });
    CHECK(k.run(concat({to_checkout(ean_of(h, sku)),
                        steps({{{"tap", "checkout.pickup"}},
                               {{"expect", {{"visible", "checkout.pickup.store.la-defense"}, {"absent", "checkout.pickup.store.paris-rivoli"}}}},
                               {{"tap", "checkout.pickup.store.la-defense"}}}),
                        type_into("email", "marie@exemple.fr"),
                        steps({{{"tap", "checkout.payment.pay_at_till"}},
                               {{"tap", "checkout.place_order"}},
                               {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.number"}}}, {"timeout_ms", 10000}},
                               {{"expect", {{"visible", {"confirmation.till_barcode", "confirmation.tracking_qr", "confirmation.done"}}}}},
                               {{"audit", true}}})})));
    REQUIRE(count_orders(h) == 1);
    const json order = only_order(h);
    CHECK(order["fulfilment"]["type"] == "pickup");
    CHECK(order["fulfilment"]["store_id"] == "la-defense");
    CHECK(order["lines"][0]["sku"] == sku);
    CHECK(order["channel"]["store_id"] == "paris-rivoli");
    REQUIRE(k.state().confirmation);
    CHECK(k.state().confirmation->order.number == order["number"]);
    // The scan preselected the scanned variant.
    CHECK(order["payment"]["method"] == "pay_at_till");
    // The ticket: printed on tap, with the order number and the till code.
    CHECK(k.run(steps({{{"tap", "confirmation.print"}},
                       {{"wait", {{"text", "Votre ticket est imprimé"}}}, {"timeout_ms", 10000}},
                       {{"expect", {{"visible", {"confirmation.print", "confirmation.done"}}}}},
                       {{"audit", true}}})));
    std::ifstream printed(k.cfg.printer_device, std::ios::binary);
    const std::string ticket((std::istreambuf_iterator<char>(printed)), std::istreambuf_iterator<char>());
    CHECK(ticket.rfind("\x1b@", 0) == 0);
    CHECK(ticket.find(order["number"].get<std::string>()) != std::string::npos);
    CHECK(ticket.find(order["payment"]["till_code"].get<std::string>()) != std::string::npos);
    CHECK(ticket.find("suivi.example.org") != std::string::npos);
    // Finishing wipes the session.
    CHECK(k.run(steps({{{"tap", "confirmation.done"}}, {{"expect", {{"screen", "attract"}}}}})));
    CHECK(k.state().cart.empty());
    CHECK_FALSE(k.state().confirmation);
}

TEST_CASE("S7: home delivery, address errors shown and corrected, paid on the phone, in English") {
    Harness h;
    auto db = h.open_db();
    auto st = db->prepare("SELECT v.sku FROM variants v JOIN stock s ON s.sku = v.sku WHERE s.location_id LIKE 'wh-%' AND s.quantity > 5 ORDER BY v.sku LIMIT 1");
    REQUIRE(st.step());
    const std::string sku = st.text(0);
    Kiosk k(h, "en", [](kiosk::KioskConfig& c, const std::string& dir) { c.printer_device = dir + "/no-printer/lp0"; });
    CHECK(k.run(concat({to_checkout(ean_of(h, sku)),
                        steps({{{"tap", "checkout.delivery"}}}),
                        type_into("name", "Mary Smith"),
                        type_into("line1", "12 rue des Lilas"),
                        type_into("postcode", "7500"),
                        type_into("city", "Paris"),
                        type_into("phone", "0612345678"),
                        steps({{{"tap", "checkout.payment.pay_on_phone"}},
                               {{"tap", "checkout.place_order"}},
                               {{"expect", {{"screen", "checkout"}, {"text", "A French postcode has 5 digits"}}}}}),
                        type_into("postcode", "1"),
                        steps({{{"tap", "checkout.place_order"}},
                               {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.number"}}}, {"timeout_ms", 10000}},
                               {{"expect", {{"visible", {"confirmation.payment_qr"}}, {"text", "Thank you"}}}},
                               // A printer that is not there: said plainly, the order stands.
                               {{"tap", "confirmation.print"}},
                               {{"wait", {{"text", "could not be printed"}}}, {"timeout_ms", 10000}},
                               {{"expect", {{"screen", "confirmation"}, {"visible", {"confirmation.print", "confirmation.done"}}, {"text", "Print again"}}}},
                               {{"audit", true}}})})));
    REQUIRE(count_orders(h) == 1);
    const json order = only_order(h);
    CHECK(order["fulfilment"]["type"] == "delivery");
    CHECK(order["fulfilment"]["address"]["postcode"] == "75001");
    CHECK(order["payment"]["method"] == "pay_on_phone");
}

TEST_CASE("S6: a price change between cart and order is shown, accepted, and charged") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 5);
    Kiosk k(h);
    CHECK(k.run(concat({scan_product(ean_of(h, sku)), steps({{{"tap", "product.add_to_cart"}}, {{"tap", "nav.cart"}}})})));
    const std::int64_t before = k.state().cart.at(0).unit_price.amount;
    // The price changes while the shopper looks at the cart.
    set_online_price(h, sku, before + 500);
    CHECK(k.run(concat({steps({{{"tap", "cart.checkout"}},
                               {{"wait", {{"screen", "checkout"}, {"visible", "checkout.accept_changes"}}}, {"timeout_ms", 5000}},
                               {{"expect", {{"text", "Des prix ont changé"}}}},
                               {{"tap", "checkout.pickup"}},
                               {{"tap", "checkout.pickup.store.paris-rivoli"}}}),
                        type_into("phone", "0612345678"),
                        steps({{{"tap", "checkout.payment.pay_at_till"}}})})));
    // Not ordered until the shopper accepts the new price.
    CHECK_FALSE(k.run(steps({{{"tap", "checkout.place_order"}}})));
    CHECK(count_orders(h) == 0);
    // And once more after the quote: the order itself answers price_changed.
    CHECK(k.run(steps({{{"tap", "checkout.accept_changes"}}})));
    set_online_price(h, sku, before + 900);
    CHECK(k.run(steps({{{"tap", "checkout.place_order"}},
                       {{"wait", {{"visible", "checkout.accept_changes"}}}, {"timeout_ms", 10000}},
                       {{"expect", {{"text", kiosk::format_money(before + 900, "fr")}}}},
                       {{"tap", "checkout.accept_changes"}},
                       {{"tap", "checkout.place_order"}},
                       {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.number"}}}, {"timeout_ms", 10000}}})));
    REQUIRE(count_orders(h) == 1);
    CHECK(only_order(h)["lines"][0]["unit_price"]["amount"] == before + 900);
}

TEST_CASE("S7: out of stock when ordering: explained, nothing ordered, another choice offered") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "paris-montparnasse", 1);
    Kiosk k(h);
    CHECK(k.run(concat({to_checkout(ean_of(h, sku)),
                        steps({{{"tap", "checkout.pickup"}}, {{"tap", "checkout.pickup.store.paris-montparnasse"}}}),
                        type_into("email", "jean@exemple.fr"),
                        steps({{{"tap", "checkout.payment.pay_at_till"}}})})));
    set_stock(h, sku, "paris-montparnasse", 0);  // someone else bought the last one
    CHECK(k.run(steps({{{"tap", "checkout.place_order"}},
                       {{"wait", {{"screen", "checkout"}, {"visible", "checkout.other_store"}}}, {"timeout_ms", 10000}},
                       {{"expect", {{"text", "Rien n’a été commandé"}, {"visible", {"checkout.edit_cart"}}}}}})));
    CHECK(count_orders(h) == 0);
    REQUIRE(k.state().checkout.rejection.has_value());
    CHECK(k.state().checkout.rejection->reason == catalog_client::RejectReason::OutOfStock);
    // Stock comes back in: choosing again re-quotes and the order goes through.
    set_stock(h, sku, "paris-montparnasse", 3);
    CHECK(k.run(steps({{{"tap", "checkout.other_store"}},
                       {{"wait", {{"visible", "checkout.pickup.store.paris-montparnasse"}}}, {"timeout_ms", 5000}},
                       {{"tap", "checkout.pickup.store.paris-montparnasse"}},
                       {{"tap", "checkout.place_order"}},
                       {{"wait", {{"screen", "confirmation"}}}, {"timeout_ms", 10000}}})));
    CHECK(count_orders(h) == 1);
}

TEST_CASE("O5: the API goes down and comes back; browsing and search keep working; the order is placed once") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 4);
    Kiosk k(h);
    CHECK(k.run(steps({{{"tap", "attract.start"}}, {{"tap", "home.category.maison"}},
                       {{"wait", {{"visible", "grid.item.0"}}}, {"timeout_ms", 5000}}})));
    h.stop_server();
    // Offline: the banner shows, the catalogue still browses and searches, stock is unknown.
    CHECK(k.run(steps({{{"advance_s", 16}},
                       {{"wait", {{"text", "Connexion interrompue"}}}, {"timeout_ms", 8000}},
                       {{"tap", "grid.item.1"}},
                       {{"wait", {{"screen", "product"}, {"text", "Stock inconnu"}}}, {"timeout_ms", 8000}},
                       {{"tap", "nav.search"}},
                       {{"type", "pull"}},
                       {{"wait", {{"screen", "search"}, {"visible", "grid.item.0"}}}, {"timeout_ms", 5000}},
                       {{"scan", ean_of(h, sku)}},
                       {{"wait", {{"screen", "product"}, {"visible", "product.add_to_cart"}}}, {"timeout_ms", 5000}},
                       {{"tap", "product.add_to_cart"}},
                       {{"tap", "nav.cart"}},
                       {{"tap", "cart.checkout"}},
                       {{"wait", {{"screen", "checkout"}, {"text", "La commande est indisponible"}}}, {"timeout_ms", 10000}}})));
    CHECK_FALSE(k.state().online);
    // Back online: the checkout picks up by itself.
    h.start_server();
    CHECK(k.run(concat({steps({{{"advance_s", 4}},
                               {{"wait", {{"visible", "checkout.pickup"}, {"absent", "checkout.retry"}}}, {"timeout_ms", 10000}},
                               {{"tap", "checkout.pickup"}},
                               {{"wait", {{"visible", "checkout.pickup.store.paris-rivoli"}}}, {"timeout_ms", 5000}},
                               {{"tap", "checkout.pickup.store.paris-rivoli"}}}),
                        type_into("email", "ana@exemple.fr"),
                        steps({{{"tap", "checkout.payment.pay_on_phone"}}})})));
    CHECK(k.state().online);
    // The API drops again just as the order is placed: "we are confirming", then exactly one order.
    h.stop_server();
    CHECK(k.run(steps({{{"tap", "checkout.place_order"}},
                       {{"wait", {{"text", "Nous confirmons votre commande"}}}, {"timeout_ms", 30000}}})));
    CHECK(count_orders(h) == 0);
    h.start_server();
    CHECK(k.run(steps({{{"advance_s", 4}},
                       {{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.number"}}}, {"timeout_ms", 30000}}})));
    CHECK(count_orders(h) == 1);
}

TEST_CASE("S9: idle warning, then the whole session is wiped; nothing personal stays in memory or on disk") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 4);
    Kiosk k(h);
    CHECK(k.run(concat({to_checkout(ean_of(h, sku)),
                        steps({{{"tap", "nav.language.en"}}, {{"tap", "checkout.delivery"}}}),
                        type_into("name", "Zoe Unique"),
                        type_into("email", "zoe.unique@exemple.fr"),
                        steps({{{"advance_s", 61}},
                               {{"expect", {{"visible", "idle.continue"}}}},
                               {{"tap", "idle.continue"}},
                               {{"expect", {{"screen", "checkout"}, {"absent", "idle.continue"}}}},
                               {{"advance_s", 61}},
                               {{"expect", {{"visible", "idle.continue"}}}},
                               {{"advance_s", 11}},
                               {{"expect", {{"screen", "attract"}, {"absent", "idle.continue"}}}}})})));
    const kiosk::AppState& s = k.state();
    CHECK(s.cart.empty());
    CHECK(s.checkout.form.fields.empty());
    CHECK(s.search_text.empty());
    CHECK(s.language == "fr");
    CHECK_FALSE(s.product.product);
    CHECK(s.history.empty());
    for (const char* dir : {"/replica", "/outbox", "/cache"}) {
        CHECK_FALSE(on_disk(k.dir.path + dir, "Zoe Unique"));
        CHECK_FALSE(on_disk(k.dir.path + dir, "zoe.unique@exemple.fr"));
    }
    CHECK(count_orders(h) == 0);
}

TEST_CASE("S9 with an order still being confirmed: the form leaves the screen, the number follows, nothing personal stays") {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 4);
    Kiosk k(h);
    CHECK(k.run(concat({to_checkout(ean_of(h, sku)),
                        steps({{{"tap", "checkout.pickup"}},
                               {{"wait", {{"visible", "checkout.pickup.store.paris-rivoli"}}}, {"timeout_ms", 5000}},
                               {{"tap", "checkout.pickup.store.paris-rivoli"}}}),
                        type_into("email", "yann.sentinelle@exemple.fr"),
                        steps({{{"tap", "checkout.payment.pay_at_till"}}})})));
    // The API drops as the order is placed: the kiosk is confirming it when the shopper leaves.
    h.stop_server();
    CHECK(k.run(steps({{{"tap", "checkout.place_order"}},
                       {{"wait", {{"text", "Nous confirmons votre commande"}}}, {"timeout_ms", 30000}},
                       {{"expect", {{"text", "yann.sentinelle@exemple.fr"}}}},
                       {{"advance_s", 61}},
                       {{"expect", {{"visible", "idle.continue"}}}},
                       {{"advance_s", 11}},
                       {{"screenshot", "order-pending.png"}},
                       {{"expect", {{"screen", "order_pending"}, {"visible", "pending.start"},
                                    {"text", "Votre commande est en cours de confirmation"},
                                    {"no_text", {"yann.sentinelle", "exemple.fr"}}}}},
                       // However long nobody comes, the neutral panel stays while it is being confirmed.
                       {{"advance_s", 300}},
                       {{"expect", {{"screen", "order_pending"}}}}})));
    CHECK(k.state().checkout.form.fields.empty());
    CHECK(k.state().cart.empty());
    CHECK(count_orders(h) == 0);
    // The API is back: the outbox sends it (once) and the number appears on the panel.
    h.start_server();
    CHECK(k.run(steps({{{"advance_s", 4}},
                       {{"wait", {{"screen", "order_pending"}, {"text", "Commande confirm\u00e9e"}}}, {"timeout_ms", 30000}},
                       {{"expect", {{"no_text", {"yann.sentinelle", "exemple.fr"}}}}},
                       {{"screenshot", "order-pending-confirmed.png"}}})));
    REQUIRE(count_orders(h) == 1);
    const std::string number = only_order(h)["number"];
    CHECK(k.run(steps({{{"expect", {{"text", number}}}},
                       // Shown for the idle delay, then the attract loop.
                       {{"advance_s", 61}},
                       {{"advance_s", 1}},
                       {{"expect", {{"screen", "attract"}}}}})));
    for (const char* dir : {"/replica", "/outbox", "/cache"}) CHECK_FALSE(on_disk(k.dir.path + dir, "yann.sentinelle"));
}

TEST_CASE("the kiosk program: configuration errors name the key; a headless script runs and logs each step") {
    TempDir dir;
    // No token file: exit 2, the message names the key.
    auto r = testing::run(KIOSK_BINARY, {"--api", "http://127.0.0.1:9", "--headless", "--script", dir.path + "/none.json"});
    CHECK(r.code == 2);
    CHECK(r.err.find("api.token_file") != std::string::npos);
    // A bad value in the config file.
    std::ofstream(dir.path + "/bad.toml") << "[api]\nurl = \"http://127.0.0.1:9\"\ntoken_file = \"t\"\n[kiosk]\nidle_timeout_s = \"soon\"\n";
    r = testing::run(KIOSK_BINARY, {"--config", dir.path + "/bad.toml"});
    CHECK(r.code == 2);
    CHECK(r.err.find("kiosk.idle_timeout_s") != std::string::npos);
    // A script with an unknown step is refused before the app starts.
    std::ofstream(dir.path + "/token") << "x\n";
    std::ofstream(dir.path + "/bad.json") << R"({"steps":[{"fly":"home"}]})";
    r = testing::run(KIOSK_BINARY, {"--api", "http://127.0.0.1:9", "--token-file", dir.path + "/token", "--headless",
                                    "--script", dir.path + "/bad.json", "--out", dir.path + "/out"});
    CHECK(r.code == 2);
    CHECK(r.err.find("step 1") != std::string::npos);

    // A real run against the reference server: screenshots and one log line per step.
    Harness h;
    std::ofstream(dir.path + "/token2") << h.token << "\n";
    std::ofstream(dir.path + "/tour.json") << R"({"viewport":[1280,800],"steps":[
        {"wait":{"screen":"attract","visible":"attract.start"},"timeout_ms":30000},
        {"tap":"attract.start"}, {"screenshot":"home.png"}, {"expect":{"screen":"home"}},
        {"tap":"home.category.sport"}, {"expect":{"screen":"product"}}]})";
    r = testing::run(KIOSK_BINARY, {"--api", h.url(), "--token-file", dir.path + "/token2", "--replica", dir.path + "/r",
                                    "--outbox", dir.path + "/o", "--cache", dir.path + "/c", "--headless", "--script",
                                    dir.path + "/tour.json", "--out", dir.path + "/out"});
    CHECK_MESSAGE(r.code == 1, r.err);  // the last step expects the wrong screen
    CHECK(r.err.find("step 6 (expect) failed") != std::string::npos);
    CHECK(fs::file_size(dir.path + "/out/home.png") > 10000);
    std::ifstream log(dir.path + "/out/log.jsonl");
    std::string line;
    int lines = 0;
    while (std::getline(log, line)) {
        const json doc = json::parse(line);
        CHECK(doc.contains("ok"));
        ++lines;
    }
    CHECK(lines == 6);
}
