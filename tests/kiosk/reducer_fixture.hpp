#pragma once
// Shared by the reducer's unit tests (test_reducer_*.cpp): states to start from, builders of
// products and carts, and small helpers to find effects. Header-only, one copy per test file.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/reducer.hpp"

namespace reducer_fixture {

using namespace kiosk;

// ---- helpers ----

template <class T>
inline const T* find_fx(const std::vector<Effect>& fx) {
    for (const Effect& e : fx)
        if (const T* p = std::get_if<T>(&e)) return p;
    return nullptr;
}

template <class T>
inline std::size_t count_fx(const std::vector<Effect>& fx) {
    return static_cast<std::size_t>(
        std::count_if(fx.begin(), fx.end(), [](const Effect& e) { return std::holds_alternative<T>(e); }));
}

// Effects of a Tick other than the periodic work (health checks, syncs, order retries, heartbeats).
inline std::size_t session_fx(const std::vector<Effect>& fx) {
    return static_cast<std::size_t>(std::count_if(fx.begin(), fx.end(), [](const Effect& e) {
        return !std::holds_alternative<fx::CheckHealth>(e) && !std::holds_alternative<fx::SyncCatalog>(e) &&
               !std::holds_alternative<fx::RetryOrder>(e) && !std::holds_alternative<fx::SendHeartbeat>(e);
    }));
}

inline cc::Money eur(std::int64_t amount) {
    cc::Money m;
    m.amount = amount;
    m.currency = "EUR";
    return m;
}

inline cc::LocalizedText text(const std::string& fr, const std::string& en) {
    cc::LocalizedText t;
    t.by_lang["fr"] = fr;
    t.by_lang["en"] = en;
    return t;
}

inline cc::Variant variant(const std::string& sku, const std::string& size, const std::string& colour,
                    std::int64_t online, std::int64_t store) {
    cc::Variant v;
    v.sku = sku;
    v.ean = "376000" + sku;
    if (!size.empty()) v.options["size"] = size;
    if (!colour.empty()) v.options["color"] = colour;
    v.online_price = eur(online);
    v.store_price = eur(store);
    return v;
}

// A shirt in sizes S, M, L and colours Bleu, Rouge where S-Bleu and L-Rouge do not exist.
inline cc::Product shirt() {
    cc::Product p;
    p.id = "P-SHIRT";
    p.ref = "REF-1";
    p.brand = "Atelier";
    p.name = text("Chemise oxford", "Oxford shirt");
    p.variants.push_back(variant("SH-S-ROUGE", "S", "Rouge", 3990, 3990));
    p.variants.push_back(variant("SH-M-BLEU", "M", "Bleu", 3990, 4490));
    p.variants.push_back(variant("SH-M-ROUGE", "M", "Rouge", 3990, 3990));
    p.variants.push_back(variant("SH-L-BLEU", "L", "Bleu", 4290, 4290));
    cc::Image red, blue;
    red.url = "http://img/rouge.jpg";
    red.color = "Rouge";
    blue.url = "http://img/bleu.jpg";
    blue.color = "Bleu";
    p.images = {red, blue};
    return p;
}

inline cc::Product mug() {
    cc::Product p;
    p.id = "P-MUG";
    p.brand = "Terre";
    p.name = text("Mug", "Mug");
    p.variants.push_back(variant("MUG-1", "", "", 1200, 1500));
    return p;
}

inline AppState fresh_state() {
    AppState s;
    s.kiosk_id = "kiosk-7";
    s.store_id = "lyon-part-dieu";
    cc::Category c;
    c.id = "mode";
    c.name = text("Mode", "Fashion");
    s.categories.push_back(c);
    cc::Store st;
    st.id = "lyon-part-dieu";
    st.name = "Lyon Part-Dieu";
    st.timezone = "Europe/Paris";
    st.pickup = true;
    s.stores.push_back(st);
    s.catalog_products = 20000;
    s.replica_ready = true;
    return s;
}

// Opens `p` on the product sheet (optionally preselecting `sku`) and delivers it.
inline void open_product(AppState& s, const cc::Product& p, const std::string& sku = {}) {
    reduce(s, act::OpenProduct{p.id, sku});
    reduce(s, act::ProductLoaded{s.product.request, p});
}

// A state with the shirt (M Bleu) in the cart, on its product sheet (home behind it).
inline AppState with_cart() {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    open_product(s, shirt(), "SH-M-BLEU");
    reduce(s, act::AddToCart{});
    return s;
}

// Fills a valid delivery checkout form.
inline void fill_delivery(AppState& s) {
    reduce(s, act::SetFulfilment{Fulfilment::Delivery});
    reduce(s, act::SetField{"name", "Marie Dupont"});
    reduce(s, act::SetField{"line1", "12 rue des Lilas"});
    reduce(s, act::SetField{"postcode", "75011"});
    reduce(s, act::SetField{"city", "Paris"});
    reduce(s, act::SetField{"email", "marie@exemple.fr"});
    reduce(s, act::SetPayment{Payment::PayAtTill});
}

// The cart quoted at its own prices, with delivery and a pickup at the kiosk's store.
inline cc::Quote quote_of(const AppState& s) {
    cc::Quote q;
    for (const CartLine& l : s.cart) {
        cc::QuoteLine ql;
        ql.sku = l.sku;
        ql.product_id = l.product_id;
        ql.name = l.name;
        ql.quantity = l.quantity;
        ql.unit_price = l.unit_price;
        ql.line_total = eur(l.unit_price.amount * l.quantity);
        q.lines.push_back(ql);
    }
    cc::FulfilmentOption d;
    d.type = "delivery";
    d.price = eur(0);
    cc::FulfilmentOption p;
    p.type = "pickup";
    p.store_id = "lyon-part-dieu";
    q.options = {d, p};
    q.items_total = eur(cart_total(s.cart));
    return q;
}

// From a cart to an editable checkout: start it and deliver a quote at the same prices.
inline void quoted_checkout(AppState& s) {
    reduce(s, act::StartCheckout{});
    REQUIRE(s.checkout.phase == OrderPhase::Quoting);
    reduce(s, act::QuoteDone{s.checkout.quote_request, quote_of(s), ""});
    REQUIRE(s.checkout.phase == OrderPhase::Editing);
}

// A checkout whose order has been submitted (phase Placing).
inline AppState placing() {
    AppState s = with_cart();
    quoted_checkout(s);
    fill_delivery(s);
    const auto fx = reduce(s, act::PlaceOrder{});
    REQUIRE(find_fx<fx::SubmitOrder>(fx) != nullptr);
    REQUIRE(s.checkout.phase == OrderPhase::Placing);
    return s;
}

// The request id of the order in flight (0: none).
inline std::uint64_t in_flight(const AppState& s) { return s.order_in_flight ? s.order_in_flight->request : 0; }

inline cc::OrderRejection rejection(const std::string& code, const std::string& sku, std::int64_t available = 0,
                             std::int64_t new_price = 0) {
    cc::OrderRejection r;
    r.code = code;
    r.reason = code == "out_of_stock"        ? cc::RejectReason::OutOfStock
               : code == "price_changed"     ? cc::RejectReason::PriceChanged
               : code == "validation_failed" ? cc::RejectReason::InvalidFields
                                             : cc::RejectReason::Other;
    r.http_status = code == "validation_failed" ? 422 : 409;
    r.sku = sku;
    r.available = available;
    r.new_price = {new_price, "EUR"};
    return r;
}

inline cc::Order order_number(const std::string& number) {
    cc::Order o;
    o.number = number;
    o.status = "placed";
    o.total = eur(3990);
    o.payment_method = "pay_at_till";
    return o;
}

// Everything personal a session can hold is gone; what the kiosk knows of itself stays.
inline void check_personal_data_gone(const AppState& s);
inline void check_wiped(const AppState& s) {
    CHECK(s.screen == Screen::Attract);
    CHECK_FALSE(s.order_after_wipe.has_value());
    check_personal_data_gone(s);
}
inline void check_personal_data_gone(const AppState& s) {
    CHECK(s.history.empty());
    CHECK(s.cart.empty());
    CHECK(s.checkout.form.fields.empty());
    CHECK(s.checkout.form.errors.empty());
    CHECK(s.checkout.form.focused.empty());
    CHECK(s.checkout.fulfilment == Fulfilment::None);
    CHECK(s.checkout.pickup_store.empty());
    CHECK(s.checkout.payment == Payment::None);
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK(s.checkout.price_changes.empty());
    CHECK_FALSE(s.checkout.quote.has_value());
    CHECK(s.search_text.empty());
    CHECK(s.search.query.text.empty());
    CHECK(s.search.pages.empty());
    CHECK(s.category_id.empty());
    CHECK(s.category.pages.empty());
    CHECK_FALSE(s.confirmation.has_value());
    CHECK(s.product.id.empty());
    CHECK_FALSE(s.product.product.has_value());
    CHECK(s.product.chosen.empty());
    CHECK(s.product.scanned_sku.empty());
    CHECK(s.notice.empty());
    CHECK(s.selected_store.empty());
    CHECK(s.language == s.settings.default_language);
    CHECK_FALSE(s.idle_warning);
    CHECK_FALSE(s.access.large_text);
    CHECK_FALSE(s.access.high_contrast);
    CHECK_FALSE(s.access.reach);
    // Not personal: who and where the kiosk is, and the catalogue.
    CHECK(s.kiosk_id == "kiosk-7");
    CHECK(s.store_id == "lyon-part-dieu");
    REQUIRE(s.categories.size() == 1);
    CHECK(s.categories[0].id == "mode");
    REQUIRE(s.stores.size() == 1);
    CHECK(s.stores[0].id == "lyon-part-dieu");
    CHECK(s.catalog_products == 20000);
    CHECK(s.replica_ready);
}

// A session full of personal data: language, search, product, cart, typed checkout, access.
inline AppState busy_session() {
    AppState s = with_cart();
    reduce(s, act::SetLanguage{"en"});
    reduce(s, act::SetAccess{true, true, true});
    reduce(s, act::SetSearchText{"chemise"});
    reduce(s, act::OpenCategory{"mode"});
    open_product(s, shirt(), "SH-L-BLEU");
    reduce(s, act::SelectStore{"lyon-part-dieu"});
    quoted_checkout(s);
    fill_delivery(s);
    reduce(s, act::SetField{"phone", "06 12 34 56 78"});
    reduce(s, act::SetField{"loyalty_card", "12345678"});
    reduce(s, act::FocusField{"phone"});
    return s;
}


}  // namespace reducer_fixture
