// The kiosk without sight (issue 13, items 1 to 3): a whole pickup order placed with a keypad and
// nothing else but the barcode scanner, with speech output saying the product, its price, the
// store and the order number, in French and in English; what speech says of prices and controls;
// Escape; the recording is real sound.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "kiosk/reducer.hpp"
#include "kiosk/speech_text.hpp"
#include "scenario_kit.hpp"

using namespace scenario;

namespace {

// One navigation key, and the frames it takes.
void key(Kiosk& k, render::NavKey nav) {
    k.app->platform().inject_nav(nav);
    for (int j = 0; j < 2; ++j) {
        k.app->frame();
        k.app->render_and_present();
    }
}

// Presses Tab until the keypad focus is on `id` (at most `max` presses).
bool focus_to(Kiosk& k, const std::string& id, int max = 400) {
    for (int i = 0; i < max; ++i) {
        const render::Element* f = k.app->keypad_focus();
        if (f && f->id == id && k.app->keypad_focus_shown()) return true;
        key(k, render::NavKey::Next);
    }
    const render::Element* f = k.app->keypad_focus();
    MESSAGE("the keypad never reached " << id << "; the focus is on " << (f ? f->id : std::string("nothing")));
    return false;
}

// Tab to `id`, then Enter.
bool press_on(Kiosk& k, const std::string& id, int max = 400) {
    return focus_to(k, id, max) && k.run(steps({{{"key", "enter"}}}), false);
}

// Types digits on the on-screen keyboard with the keypad (its number layout when needed).
bool keypad_digits(Kiosk& k, const std::string& digits) {
    for (char d : digits) {
        const std::string id = std::string("osk.key.") + d;
        if (!k.app->ui().registry.find(id) && !press_on(k, "osk.key.123")) return false;
        if (!press_on(k, id)) return false;
    }
    return true;
}

std::string said_price(std::int64_t cents) {
    std::string out = std::to_string(cents / 100) + " euros";
    if (cents % 100) {
        char c[8];
        std::snprintf(c, sizeof c, " %02d", static_cast<int>(cents % 100));
        out += c;
    }
    return out;
}

bool said(const kiosk::App& app, const std::string& needle) {
    for (const std::string& s : app.spoken())
        if (s.find(needle) != std::string::npos) return true;
    return false;
}

// Root mean square of a mono 16-bit WAV's samples, and their count.
double wav_rms(const std::string& path, std::size_t& samples) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    samples = 0;
    if (bytes.size() < 44 || std::string(bytes.data(), 4) != "RIFF" || std::string(bytes.data() + 8, 4) != "WAVE") return 0;
    double sum = 0;
    for (std::size_t i = 44; i + 1 < bytes.size(); i += 2) {
        const auto v = static_cast<std::int16_t>(static_cast<std::uint8_t>(bytes[i]) | (static_cast<std::uint8_t>(bytes[i + 1]) << 8));
        sum += static_cast<double>(v) * v;
        ++samples;
    }
    return samples ? std::sqrt(sum / static_cast<double>(samples)) : 0;
}

void keypad_pickup_order(const std::string& lang) {
    Harness h;
    const std::string sku = testing::stock_only_at(h, "paris-montparnasse", 5);
    Kiosk k(h, lang);
    // Any key starts the session; the first one turns speech on ([accessibility] speech_on_keypad).
    REQUIRE(k.run(steps({{{"key", "tab"}}, {{"wait", {{"screen", "home"}}}, {"timeout_ms", 5000}}})));
    CHECK(k.state().access.keypad);
    CHECK(k.state().access.speech);
    REQUIRE(k.run(steps({{{"scan", ean_of(h, sku)}},
                         {{"wait", {{"screen", "product"}, {"visible", "product.add_to_cart"}}}, {"timeout_ms", 5000}}})));
    REQUIRE(k.state().product.product);
    const std::string name = k.state().product.product->name.text(lang, "fr");
    const auto* v = kiosk::chosen_variant(k.state().product);
    REQUIRE(v);
    const std::string price = said_price(v->online_price.amount);
    const bool heard = k.run(steps({{{"wait", {{"spoken", name}}}, {"timeout_ms", 5000}}, {{"expect", {{"spoken", price}}}}}));
    CHECK(heard);
    // The stock here: sold out (Montparnasse has it), said once the live stock has come (waited
    // for with a bound: a loaded machine answers later than the name and price are said).
    CHECK(k.run(steps({{{"wait", {{"spoken", lang == "fr" ? "Épuisé" : "Out of stock"}}}, {"timeout_ms", 10000}}})));
    if (!heard)
        for (const std::string& s : k.app->spoken()) MESSAGE("said: " << s);

    REQUIRE(press_on(k, "product.add_to_cart"));
    CHECK(said(*k.app, lang == "fr" ? "Ajouté au panier" : "Added to"));
    REQUIRE(press_on(k, "nav.cart"));
    REQUIRE(k.run(steps({{{"wait", {{"screen", "cart"}}}, {"timeout_ms", 5000}}})));
    REQUIRE(press_on(k, "cart.checkout"));
    REQUIRE(k.run(steps({{{"wait", {{"screen", "checkout"}, {"visible", "checkout.pickup"}}}, {"timeout_ms", 5000}}})));
    REQUIRE(press_on(k, "checkout.pickup"));
    REQUIRE(k.run(steps({{{"wait", {{"visible", "checkout.pickup.store.paris-montparnasse"}}}, {"timeout_ms", 5000}}})));
    REQUIRE(press_on(k, "checkout.pickup.store.paris-montparnasse"));
    CHECK(said(*k.app, "Paris Montparnasse"));
    CHECK(k.state().checkout.pickup_store == "paris-montparnasse");
    // The phone number through the on-screen keyboard, key by key with the keypad.
    REQUIRE(press_on(k, "checkout.field.phone"));
    REQUIRE(keypad_digits(k, "0612345678"));
    CHECK(k.run(steps({{{"screenshot", "keypad-checkout-" + lang + ".png"}}})));
    REQUIRE(k.run(steps({{{"key", "escape"}}})));  // closes the keyboard
    CHECK(k.state().checkout.form.focused.empty());
    REQUIRE(press_on(k, "checkout.payment.pay_at_till"));
    REQUIRE(press_on(k, "checkout.place_order"));
    REQUIRE(k.run(steps({{{"wait", {{"screen", "confirmation"}, {"visible", "confirmation.number"}}}, {"timeout_ms", 15000}}})));
    REQUIRE(k.state().confirmation);
    const std::string number = k.state().confirmation->order.number;
    CHECK(k.run(steps({{{"wait", {{"spoken", number}}}, {"timeout_ms", 5000}},
                       {{"screenshot", "keypad-confirmation-" + lang + ".png"}}})));
    REQUIRE(count_orders(h) == 1);
    const json order = only_order(h);
    CHECK(order["fulfilment"]["store_id"] == "paris-montparnasse");
    {
        auto db = h.open_db();
        auto st = db->prepare("SELECT contact FROM orders");
        REQUIRE(st.step());
        CHECK(json::parse(st.text(0))["phone"].get<std::string>().find("612345678") != std::string::npos);
    }
    CHECK(order["payment"]["method"] == "pay_at_till");

    // The speech key turns the voice off.
    REQUIRE(k.run(steps({{{"key", "speech"}}})));
    CHECK_FALSE(k.state().access.speech);
    // What was said was sound, not silence.
    REQUIRE(k.app->drain_speech(30));
    std::size_t samples = 0;
    const double rms = wav_rms(k.dir.path + "/speech.wav", samples);
    CHECK(samples > 22050);  // more than a second of speech
    CHECK(rms > 300);
    if (const char* f = std::getenv("KIOSK_TEST_SPOKEN")) { std::ofstream o(std::string(f) + "-" + lang + ".txt"); for (const auto& s : k.app->spoken()) o << s << "\n"; }
    MESSAGE(lang << ": " << k.app->spoken().size() << " utterances, " << samples << " samples, RMS " << rms);
}

}  // namespace

TEST_CASE("speech says prices as a person reads them, and controls with their role and state") {
    CHECK(kiosk::speakable("Prix : 1\u202F299,99\u00A0€") == "Prix : 1299 euros 99");
    CHECK(kiosk::speakable("12,00 € au lieu de 15,50 €") == "12 euros au lieu de 15 euros 50");
    CHECK(kiosk::speakable("Total €1,299.99 (3 items)") == "Total 1299 euros 99 (3 items)");
    CHECK(kiosk::speakable("3 en stock, à 2 km") == "3 en stock, à 2 km");
    CHECK(kiosk::speakable("Taille 42") == "Taille 42");
    kiosk::I18n t;
    REQUIRE_FALSE(t.load(std::string(KIOSK_SOURCE_DIR) + "/assets/i18n", {"fr", "en"}));
    render::Element chip;
    chip.label = "M";
    chip.role = render::Role::Toggle;
    chip.selected = true;
    CHECK(kiosk::describe_element(chip, t, "fr") == "M, option, sélectionné");
    CHECK(kiosk::describe_element(chip, t, "en") == "M, option, selected");
    render::Element button;
    button.label = "Ajouter au panier";
    button.enabled = false;
    CHECK(kiosk::describe_element(button, t, "fr") == "Ajouter au panier, bouton, indisponible");
    render::Element field;
    field.label = "Téléphone";
    field.role = render::Role::Field;
    CHECK(kiosk::describe_element(field, t, "fr") == "Téléphone, champ de saisie, vide");
    render::Element key;
    key.id = "osk.key.space";
    key.label = " ";
    key.role = render::Role::Key;
    CHECK(kiosk::describe_element(key, t, "en") == "space, key");
    render::Element tile;
    tile.label = "Pull marin";
    tile.detail = "Armor, 29,99\u00A0€";
    tile.role = render::Role::Link;
    CHECK(kiosk::describe_element(tile, t, "fr") == "Pull marin, Armor, 29 euros 99, lien");
}

TEST_CASE("keypad and speech: a whole pickup order without touching the screen, in French") { keypad_pickup_order("fr"); }

TEST_CASE("keypad and speech: a whole pickup order without touching the screen, in English") { keypad_pickup_order("en"); }

TEST_CASE("keypad: more time on the idle warning, its countdown said; Escape closes panels; the speech toggle in the panel") {
    Harness h;
    Kiosk k(h, "fr");
    REQUIRE(k.run(steps({{{"key", "tab"}}, {{"wait", {{"screen", "home"}}}, {"timeout_ms", 5000}}})));
    // The accessibility panel by keypad: the speech toggle says it is on; Escape closes the panel.
    REQUIRE(press_on(k, "nav.accessibility"));
    CHECK(k.run(steps({{{"expect", {{"visible", "access.speech"}, {"spoken", "Accessibilité"}}}},
                       {{"screenshot", "keypad-access-panel.png"}},
                       {{"audit", true}}})));
    REQUIRE(press_on(k, "access.speech"));
    CHECK_FALSE(k.state().access.speech);
    REQUIRE(k.run(steps({{{"key", "speech"}}})));  // F2: back on
    CHECK(k.state().access.speech);
    REQUIRE(k.run(steps({{{"key", "escape"}}})));
    CHECK_FALSE(k.state().access.panel_open);
    // A keypad shopper is warned after 180 s (not 60) and has 30 s to answer (not 10).
    REQUIRE(k.run(steps({{{"advance_s", 120}}, {{"expect", {{"absent", "idle.continue"}}}}})));
    REQUIRE(k.run(steps({{{"advance_s", 61}}, {{"wait", {{"visible", {"idle.continue", "idle.more_time"}}}}, {"timeout_ms", 5000}},
                         {{"expect", {{"text", "+2 min"}, {"spoken", "Êtes-vous toujours là"}}}},
                         {{"screenshot", "keypad-idle.png"}},
                         {{"audit", true}}})));
    REQUIRE(k.run(steps({{{"advance_s", 10}}, {{"frames", 10}}, {{"expect", {{"spoken", "20 secondes"}}}}})));
    CHECK(k.state().screen == kiosk::Screen::Home);
    REQUIRE(press_on(k, "idle.more_time"));
    CHECK_FALSE(k.state().idle_warning);
    // 180 s + 120 s more before the next warning.
    REQUIRE(k.run(steps({{{"advance_s", 290}}, {{"expect", {{"absent", "idle.continue"}}}},
                         {{"advance_s", 15}}, {{"wait", {{"visible", "idle.continue"}}}, {"timeout_ms", 5000}}})));
    // Escape on the warning is "I am here".
    REQUIRE(k.run(steps({{{"key", "escape"}}, {{"expect", {{"absent", "idle.continue"}, {"screen", "home"}}}}})));
}

TEST_CASE("keypad: a department's grid walked down, the availability screen, a search typed on the keyboard (S1 S2 S5)") {
    Harness h;
    Kiosk k(h, "en");
    REQUIRE(k.run(steps({{{"key", "tab"}}, {{"wait", {{"screen", "home"}}}, {"timeout_ms", 5000}}})));
    const auto departments = k.app->ui().registry.with_prefix("home.category.");
    REQUIRE_FALSE(departments.empty());
    REQUIRE(press_on(k, departments.front()->id));
    REQUIRE(k.run(steps({{{"wait", {{"screen", "category"}, {"visible", "grid.item.0"}}}, {"timeout_ms", 5000}}})));
    // Down the grid: the focus goes row by row and the grid scrolls to keep it wholly in view.
    REQUIRE(focus_to(k, "grid.item.0"));
    for (int i = 0; i < 6; ++i) key(k, render::NavKey::Down);
    k.run(steps({{{"frames", 5}}}), false);
    const render::Element* f = k.app->keypad_focus();
    REQUIRE(f);
    REQUIRE(f->id.rfind("grid.item.", 0) == 0);
    const long index = std::strtol(f->id.c_str() + 10, nullptr, 10);
    CHECK(index >= 6);  // six rows down (at least one tile per row)
    CHECK(f->visible.h == doctest::Approx(f->rect.h));
    const render::Element* first = k.app->ui().registry.find("grid.item.0");
    CHECK((!first || first->visible.h < first->rect.h));  // scrolled past the first row
    CHECK(k.run(steps({{{"screenshot", "keypad-grid.png"}}})));
    REQUIRE(k.run(steps({{{"key", "enter"}}, {{"wait", {{"screen", "product"}}}, {"timeout_ms", 5000}}})));
    REQUIRE(k.state().product.product);
    CHECK(k.run(steps({{{"wait", {{"spoken", k.state().product.product->name.text("en", "fr")}}}, {"timeout_ms", 5000}}})));
    // S5, and Escape back to the sheet.
    REQUIRE(press_on(k, "product.availability"));
    REQUIRE(k.run(steps({{{"wait", {{"screen", "availability"}, {"spoken", "Availability in stores"}}}, {"timeout_ms", 5000}},
                         {{"key", "escape"}},
                         {{"expect", {{"screen", "product"}}}}})));
    // S2: the search screen's keyboard, key by key.
    REQUIRE(press_on(k, "nav.search"));
    REQUIRE(k.run(steps({{{"wait", {{"screen", "search"}, {"visible", "osk.key.s"}}}, {"timeout_ms", 5000}}})));
    for (const char* c : {"s", "h", "i", "r", "t"}) REQUIRE(press_on(k, std::string("osk.key.") + c));
    CHECK(k.state().search_text == "shirt");
    CHECK(said(*k.app, "t"));  // each key is echoed
    REQUIRE(k.run(steps({{{"wait", {{"visible", "grid.item.0"}}}, {"timeout_ms", 5000}}})));
    REQUIRE(press_on(k, "search.hide_keyboard"));
    REQUIRE(press_on(k, "grid.item.0"));
    REQUIRE(k.run(steps({{{"wait", {{"screen", "product"}}}, {"timeout_ms", 5000}}})));
}

