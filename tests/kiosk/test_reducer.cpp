// The kiosk reducer as a plain function: every journey's logic without a window or a server.
// Each case builds an AppState, feeds actions through reduce() and looks at the state and the
// effects it asked for.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/reducer.hpp"

namespace {

using namespace kiosk;

// ---- helpers ----

template <class T>
const T* find_fx(const std::vector<Effect>& fx) {
    for (const Effect& e : fx)
        if (const T* p = std::get_if<T>(&e)) return p;
    return nullptr;
}

template <class T>
std::size_t count_fx(const std::vector<Effect>& fx) {
    return static_cast<std::size_t>(
        std::count_if(fx.begin(), fx.end(), [](const Effect& e) { return std::holds_alternative<T>(e); }));
}

// Effects of a Tick other than the periodic work (health checks, syncs, order retries).
std::size_t session_fx(const std::vector<Effect>& fx) {
    return static_cast<std::size_t>(std::count_if(fx.begin(), fx.end(), [](const Effect& e) {
        return !std::holds_alternative<fx::CheckHealth>(e) && !std::holds_alternative<fx::SyncCatalog>(e) &&
               !std::holds_alternative<fx::RetryOrder>(e);
    }));
}

cc::Money eur(std::int64_t amount) {
    cc::Money m;
    m.amount = amount;
    m.currency = "EUR";
    return m;
}

cc::LocalizedText text(const std::string& fr, const std::string& en) {
    cc::LocalizedText t;
    t.by_lang["fr"] = fr;
    t.by_lang["en"] = en;
    return t;
}

cc::Variant variant(const std::string& sku, const std::string& size, const std::string& colour,
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
cc::Product shirt() {
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

cc::Product mug() {
    cc::Product p;
    p.id = "P-MUG";
    p.brand = "Terre";
    p.name = text("Mug", "Mug");
    p.variants.push_back(variant("MUG-1", "", "", 1200, 1500));
    return p;
}

AppState fresh_state() {
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
void open_product(AppState& s, const cc::Product& p, const std::string& sku = {}) {
    reduce(s, act::OpenProduct{p.id, sku});
    reduce(s, act::ProductLoaded{s.product.request, p});
}

// A state with the shirt (M Bleu) in the cart, on its product sheet (home behind it).
AppState with_cart() {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    open_product(s, shirt(), "SH-M-BLEU");
    reduce(s, act::AddToCart{});
    return s;
}

// Fills a valid delivery checkout form.
void fill_delivery(AppState& s) {
    reduce(s, act::SetFulfilment{Fulfilment::Delivery});
    reduce(s, act::SetField{"name", "Marie Dupont"});
    reduce(s, act::SetField{"line1", "12 rue des Lilas"});
    reduce(s, act::SetField{"postcode", "75011"});
    reduce(s, act::SetField{"city", "Paris"});
    reduce(s, act::SetField{"email", "marie@exemple.fr"});
    reduce(s, act::SetPayment{Payment::PayAtTill});
}

// The cart quoted at its own prices, with delivery and a pickup at the kiosk's store.
cc::Quote quote_of(const AppState& s) {
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
void quoted_checkout(AppState& s) {
    reduce(s, act::StartCheckout{});
    REQUIRE(s.checkout.phase == OrderPhase::Quoting);
    reduce(s, act::QuoteDone{s.checkout.quote_request, quote_of(s), ""});
    REQUIRE(s.checkout.phase == OrderPhase::Editing);
}

// A checkout whose order has been submitted (phase Placing).
AppState placing() {
    AppState s = with_cart();
    quoted_checkout(s);
    fill_delivery(s);
    const auto fx = reduce(s, act::PlaceOrder{});
    REQUIRE(find_fx<fx::SubmitOrder>(fx) != nullptr);
    REQUIRE(s.checkout.phase == OrderPhase::Placing);
    return s;
}

// The request id of the order in flight (0: none).
std::uint64_t in_flight(const AppState& s) { return s.order_in_flight ? s.order_in_flight->request : 0; }

cc::OrderRejection rejection(const std::string& code, const std::string& sku, std::int64_t available = 0,
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

cc::Order order_number(const std::string& number) {
    cc::Order o;
    o.number = number;
    o.status = "placed";
    o.total = eur(3990);
    o.payment_method = "pay_at_till";
    return o;
}

// Everything personal a session can hold is gone; what the kiosk knows of itself stays.
void check_personal_data_gone(const AppState& s);
void check_wiped(const AppState& s) {
    CHECK(s.screen == Screen::Attract);
    CHECK_FALSE(s.order_after_wipe.has_value());
    check_personal_data_gone(s);
}
void check_personal_data_gone(const AppState& s) {
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
AppState busy_session() {
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

}  // namespace

// ---- navigation ----

TEST_CASE("Start goes home with an empty history; GoHome and Back follow the history") {
    AppState s = fresh_state();
    CHECK(s.screen == Screen::Attract);
    reduce(s, act::GoHome{});
    CHECK(s.screen == Screen::Attract);  // the attract loop is left only by Start
    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Attract);

    reduce(s, act::Start{});
    CHECK(s.screen == Screen::Home);
    CHECK(s.history.empty());

    reduce(s, act::OpenCategory{"mode"});
    reduce(s, act::OpenProduct{"P-SHIRT", ""});
    reduce(s, act::Show{Screen::Availability});
    CHECK(s.screen == Screen::Availability);
    CHECK(s.history == std::vector<Screen>{Screen::Home, Screen::Category, Screen::Product});

    reduce(s, act::Show{Screen::Availability});  // the same screen again is not a step
    CHECK(s.history.size() == 3);

    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Product);
    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Category);
    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Home);
    CHECK(s.history.empty());
    reduce(s, act::Back{});  // nothing left: stays home
    CHECK(s.screen == Screen::Home);

    reduce(s, act::Show{Screen::Cart});
    reduce(s, act::Show{Screen::Search});
    CHECK_FALSE(s.history.empty());
    reduce(s, act::GoHome{});
    CHECK(s.screen == Screen::Home);
    CHECK(s.history.empty());

    reduce(s, act::Show{Screen::Cart});
    reduce(s, act::Start{});  // Start always begins a clean journey
    CHECK(s.screen == Screen::Home);
    CHECK(s.history.empty());
}

TEST_CASE("the history stays bounded") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    for (int i = 0; i < 100; ++i) {
        reduce(s, act::Show{Screen::Search});
        reduce(s, act::Show{Screen::Cart});
    }
    CHECK(s.history.size() <= 32);
}

TEST_CASE("Back and GoHome leave the checkout's focused field") {
    AppState s = with_cart();
    quoted_checkout(s);
    reduce(s, act::FocusField{"email"});
    CHECK(s.checkout.form.focused == "email");
    reduce(s, act::Back{});
    CHECK(s.checkout.form.focused.empty());
    CHECK(s.screen == Screen::Product);
    reduce(s, act::Show{Screen::Checkout});
    reduce(s, act::FocusField{"phone"});
    reduce(s, act::GoHome{});
    CHECK(s.checkout.form.focused.empty());
}

TEST_CASE("SetLanguage accepts only the configured languages") {
    AppState s = fresh_state();
    CHECK(s.language == "fr");
    reduce(s, act::SetLanguage{"en"});
    CHECK(s.language == "en");
    reduce(s, act::SetLanguage{"de"});
    CHECK(s.language == "en");
    reduce(s, act::SetLanguage{""});
    CHECK(s.language == "en");
    reduce(s, act::SetLanguage{"fr"});
    CHECK(s.language == "fr");

    s.settings.languages = {"fr"};
    reduce(s, act::SetLanguage{"en"});
    CHECK(s.language == "fr");
}

TEST_CASE("SetAccess asks for a new look only when text size or contrast change") {
    AppState s = fresh_state();
    auto fx = reduce(s, act::SetAccess{true, false, false});
    CHECK(s.access.reach);
    CHECK(count_fx<fx::ApplyLook>(fx) == 0);

    fx = reduce(s, act::SetAccess{true, true, false});
    CHECK(s.access.large_text);
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);

    fx = reduce(s, act::SetAccess{true, true, false});  // no change at all
    CHECK(fx.empty());

    fx = reduce(s, act::SetAccess{true, true, true});
    CHECK(s.access.high_contrast);
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);

    fx = reduce(s, act::SetAccess{false, true, true});  // reach only
    CHECK_FALSE(s.access.reach);
    CHECK(count_fx<fx::ApplyLook>(fx) == 0);

    fx = reduce(s, act::SetAccess{false, false, false});
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);

    reduce(s, act::ToggleAccessPanel{true});
    CHECK(s.access.panel_open);
    reduce(s, act::ToggleAccessPanel{false});
    CHECK_FALSE(s.access.panel_open);
}

TEST_CASE("CatalogLoaded keeps categories and stores and loads the featured listing") {
    AppState s;
    cc::Category c;
    c.id = "maison";
    cc::Store st;
    st.id = "paris-opera";
    auto fx = reduce(s, act::CatalogLoaded{{c}, {st}, 0});
    CHECK_FALSE(s.replica_ready);
    CHECK(fx.empty());
    fx = reduce(s, act::CatalogLoaded{{c}, {st}, 42});
    CHECK(s.replica_ready);
    CHECK(s.categories.size() == 1);
    CHECK(s.stores.size() == 1);
    const auto* run = find_fx<fx::RunSearch>(fx);
    REQUIRE(run != nullptr);
    CHECK(run->listing == ListingKind::Featured);
    CHECK(run->query.sort == cc::SortOrder::Newest);
    CHECK(run->generation == s.featured.generation);

    reduce(s, act::Identity{"kiosk-1", "paris-opera"});
    CHECK(s.kiosk_id == "kiosk-1");
    CHECK(s.store_id == "paris-opera");
}

// ---- listings ----

TEST_CASE("OpenCategory asks for the first page and the facets of the category, under a new generation") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    const std::uint64_t before = s.category.generation;
    auto fx = reduce(s, act::OpenCategory{"mode-femme"});
    CHECK(s.screen == Screen::Category);
    CHECK(s.category_id == "mode-femme");
    CHECK(s.category.generation == before + 1);
    CHECK(s.category.total == -1);
    CHECK(s.category.scroll_to_top);

    REQUIRE(count_fx<fx::RunSearch>(fx) == 1);
    REQUIRE(count_fx<fx::LoadFacets>(fx) == 1);
    const auto* run = find_fx<fx::RunSearch>(fx);
    CHECK(run->listing == ListingKind::Category);
    CHECK(run->generation == s.category.generation);
    CHECK(run->page == 0);
    CHECK(run->query.category_id == "mode-femme");
    CHECK(run->query.offset == 0);
    CHECK(run->query.limit == kPageSize);
    const auto* facets = find_fx<fx::LoadFacets>(fx);
    CHECK(facets->listing == ListingKind::Category);
    CHECK(facets->generation == s.category.generation);
    CHECK(facets->query.category_id == "mode-femme");

    // Another category: a new generation, filters of the previous one forgotten, sort kept.
    reduce(s, act::SetSort{ListingKind::Category, cc::SortOrder::PriceAscending});
    reduce(s, act::ToggleFilter{ListingKind::Category, "size", "M"});
    CHECK(s.category.query.size == "M");
    const std::uint64_t second = s.category.generation;
    fx = reduce(s, act::OpenCategory{"maison"});
    CHECK(s.category.generation == second + 1);
    CHECK(s.category.query.category_id == "maison");
    CHECK(s.category.query.size.empty());
    CHECK(s.category.query.sort == cc::SortOrder::PriceAscending);
    CHECK(find_fx<fx::RunSearch>(fx)->query.category_id == "maison");
}

TEST_CASE("pages and facets of an old generation are dropped") {
    AppState s = fresh_state();
    reduce(s, act::OpenCategory{"mode"});
    const std::uint64_t old = s.category.generation;
    reduce(s, act::OpenCategory{"maison"});
    const std::uint64_t now = s.category.generation;
    REQUIRE(now != old);

    Tile t;
    t.product_id = "P-OLD";
    reduce(s, act::PageLoaded{ListingKind::Category, old, 0, 500, {t}});
    CHECK(s.category.pages.empty());
    CHECK(s.category.total == -1);
    cc::ListingFacets f;
    f.sizes = {"S"};
    reduce(s, act::FacetsLoaded{ListingKind::Category, old, f});
    CHECK(s.category.facets.sizes.empty());

    t.product_id = "P-NEW";
    reduce(s, act::PageLoaded{ListingKind::Category, now, 0, 60, {t}});
    REQUIRE(s.category.pages.count(0) == 1);
    CHECK(s.category.pages[0].front().product_id == "P-NEW");
    CHECK(s.category.total == 60);
    reduce(s, act::FacetsLoaded{ListingKind::Category, now, f});
    CHECK(s.category.facets.sizes == std::vector<std::string>{"S"});

    // A page for the search listing does not land in the category listing.
    reduce(s, act::PageLoaded{ListingKind::Search, s.search.generation, 0, 3, {t}});
    CHECK(s.category.total == 60);
    CHECK(s.search.total == 3);
}

TEST_CASE("NeedPage asks for each page once, never past the total, never for an old generation") {
    AppState s = fresh_state();
    reduce(s, act::OpenCategory{"mode"});
    const std::uint64_t g = s.category.generation;

    auto fx = reduce(s, act::NeedPage{ListingKind::Category, g, 0});  // asked by OpenCategory already
    CHECK(fx.empty());

    fx = reduce(s, act::NeedPage{ListingKind::Category, g, 1});
    const auto* run = find_fx<fx::RunSearch>(fx);
    REQUIRE(run != nullptr);
    CHECK(run->page == 1);
    CHECK(run->generation == g);
    CHECK(run->query.offset == kPageSize);
    CHECK(run->query.limit == kPageSize);
    CHECK(run->query.category_id == "mode");

    fx = reduce(s, act::NeedPage{ListingKind::Category, g, 1});  // already asked
    CHECK(fx.empty());

    reduce(s, act::PageLoaded{ListingKind::Category, g, 0, 60, {}});
    fx = reduce(s, act::NeedPage{ListingKind::Category, g, 2});  // 96 >= 60: no such page
    CHECK(fx.empty());
    fx = reduce(s, act::NeedPage{ListingKind::Category, g, -1});
    CHECK(fx.empty());
    fx = reduce(s, act::NeedPage{ListingKind::Category, g - 1, 3});
    CHECK(fx.empty());

    // Exactly kPageSize results: there is no second page.
    reduce(s, act::OpenCategory{"maison"});
    const std::uint64_t g2 = s.category.generation;
    reduce(s, act::PageLoaded{ListingKind::Category, g2, 0, kPageSize, {}});
    CHECK(reduce(s, act::NeedPage{ListingKind::Category, g2, 1}).empty());
}

TEST_CASE("sorts and filters re-query the listing") {
    AppState s = fresh_state();
    reduce(s, act::OpenCategory{"mode"});
    std::uint64_t g = s.category.generation;

    CHECK(reduce(s, act::SetSort{ListingKind::Category, cc::SortOrder::Relevance}).empty());  // unchanged
    auto fx = reduce(s, act::SetSort{ListingKind::Category, cc::SortOrder::PriceDescending});
    CHECK(s.category.generation == g + 1);
    REQUIRE(find_fx<fx::RunSearch>(fx) != nullptr);
    CHECK(find_fx<fx::RunSearch>(fx)->query.sort == cc::SortOrder::PriceDescending);
    CHECK(find_fx<fx::LoadFacets>(fx) == nullptr);

    fx = reduce(s, act::ToggleFilter{ListingKind::Category, "color", "Bleu"});
    CHECK(s.category.query.color == "Bleu");
    CHECK(find_fx<fx::RunSearch>(fx)->query.color == "Bleu");
    reduce(s, act::ToggleFilter{ListingKind::Category, "color", "Bleu"});
    CHECK(s.category.query.color.empty());

    reduce(s, act::ToggleFilter{ListingKind::Category, "available_here", ""});
    CHECK(s.category.query.available_here);
    reduce(s, act::ToggleFilter{ListingKind::Category, "web_only", ""});
    CHECK(s.category.query.web_only);

    reduce(s, act::ToggleFilter{ListingKind::Category, "price", "2000-5000"});
    CHECK(s.category.query.price_min == std::optional<std::int64_t>(2000));
    CHECK(s.category.query.price_max == std::optional<std::int64_t>(5000));
    reduce(s, act::ToggleFilter{ListingKind::Category, "price", "30000-"});
    CHECK(s.category.query.price_min == std::optional<std::int64_t>(30000));
    CHECK_FALSE(s.category.query.price_max.has_value());
    reduce(s, act::ToggleFilter{ListingKind::Category, "price", "30000-"});
    CHECK_FALSE(s.category.query.price_min.has_value());
    g = s.category.generation;
    CHECK(reduce(s, act::ToggleFilter{ListingKind::Category, "price", "abc-def"}).empty());
    CHECK(reduce(s, act::ToggleFilter{ListingKind::Category, "nonsense", "x"}).empty());
    CHECK(s.category.generation == g);

    reduce(s, act::ToggleFilter{ListingKind::Category, "brand", "Atelier"});
    reduce(s, act::ToggleFilter{ListingKind::Category, "clear", ""});
    CHECK(s.category.query.brand.empty());
    CHECK_FALSE(s.category.query.available_here);
    CHECK_FALSE(s.category.query.web_only);
    CHECK(s.category.query.category_id == "mode");
    CHECK(s.category.query.sort == cc::SortOrder::PriceDescending);
}

TEST_CASE("SetSearchText runs the search on every keystroke; empty text clears the results") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    auto fx = reduce(s, act::OpenSearch{});
    CHECK(s.screen == Screen::Search);
    CHECK(fx.empty());

    const std::uint64_t g = s.search.generation;
    fx = reduce(s, act::SetSearchText{"che"});
    CHECK(s.search_text == "che");
    CHECK(s.search.generation == g + 1);
    const auto* run = find_fx<fx::RunSearch>(fx);
    REQUIRE(run != nullptr);
    CHECK(run->listing == ListingKind::Search);
    CHECK(run->query.text == "che");
    CHECK(run->page == 0);
    CHECK(run->generation == s.search.generation);

    fx = reduce(s, act::SetSearchText{"chem"});
    REQUIRE(find_fx<fx::RunSearch>(fx) != nullptr);
    CHECK(find_fx<fx::RunSearch>(fx)->query.text == "chem");
    reduce(s, act::PageLoaded{ListingKind::Search, s.search.generation, 0, 12, {Tile{}}});
    CHECK(s.search.total == 12);

    const std::uint64_t before_clear = s.search.generation;
    fx = reduce(s, act::SetSearchText{""});
    CHECK(fx.empty());
    CHECK(s.search_text.empty());
    CHECK(s.search.pages.empty());
    CHECK(s.search.total == -1);
    CHECK(s.search.generation == before_clear + 1);  // a late page of "chem" is dropped
    reduce(s, act::PageLoaded{ListingKind::Search, before_clear, 0, 12, {Tile{}}});
    CHECK(s.search.pages.empty());

    fx = reduce(s, act::SetSearchText{"   "});  // blanks only: nothing to search
    CHECK(fx.empty());

    // Typing from another screen opens the search screen; the text is bounded.
    reduce(s, act::GoHome{});
    reduce(s, act::SetSearchText{std::string(500, 'a')});
    CHECK(s.screen == Screen::Search);
    CHECK(s.search_text.size() == 200);
}

// ---- scanning ----

TEST_CASE("Scanned looks the code up, except on the checkout screen where it is a loyalty card") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    auto fx = reduce(s, act::Scanned{"3760000000017"});
    const auto* lookup = find_fx<fx::Lookup>(fx);
    REQUIRE(lookup != nullptr);
    CHECK(lookup->code == "3760000000017");

    CHECK(reduce(s, act::Scanned{""}).empty());
    CHECK(reduce(s, act::Scanned{std::string(65, '1')}).empty());

    // Attract loop: a scan works too.
    AppState a = fresh_state();
    CHECK(find_fx<fx::Lookup>(reduce(a, act::Scanned{"3760000000017"})) != nullptr);

    AppState c = with_cart();
    quoted_checkout(c);
    c.checkout.form.errors["loyalty_card"] = "error.loyalty_card";
    fx = reduce(c, act::Scanned{"2900012345678"});
    CHECK(fx.empty());
    CHECK(c.checkout.form.fields["loyalty_card"] == "2900012345678");
    CHECK(c.checkout.form.errors.count("loyalty_card") == 0);
    CHECK(c.screen == Screen::Checkout);
}

TEST_CASE("LookupDone: unknown code shows a notice; a known one opens the product") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    s.last_input = 12.5;
    auto fx = reduce(s, act::LookupDone{"0000", std::nullopt, ""});
    CHECK(fx.empty());
    CHECK(s.notice == "scan.not_found");
    CHECK(s.notice_at == doctest::Approx(12.5));
    CHECK(s.screen == Screen::Home);

    fx = reduce(s, act::LookupDone{"3760SH-L-BLEU", std::string("P-SHIRT"), "SH-L-BLEU"});
    const auto* load = find_fx<fx::LoadProduct>(fx);
    REQUIRE(load != nullptr);
    CHECK(load->id == "P-SHIRT");
    CHECK(load->request == s.product.request);
    CHECK(s.product.scanned_sku == "SH-L-BLEU");
    CHECK(s.screen == Screen::Product);

    // From the attract loop, a scan lands on the product with home behind it.
    AppState a = fresh_state();
    reduce(a, act::LookupDone{"3760SH-L-BLEU", std::string("P-SHIRT"), "SH-L-BLEU"});
    CHECK(a.screen == Screen::Product);
    reduce(a, act::Back{});
    CHECK(a.screen == Screen::Home);
}

// ---- product sheet ----

TEST_CASE("OpenProduct / ProductLoaded preselect the scanned SKU's options and fetch the stock") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    auto fx = reduce(s, act::OpenProduct{"P-SHIRT", "SH-L-BLEU"});
    const auto* load = find_fx<fx::LoadProduct>(fx);
    REQUIRE(load != nullptr);
    CHECK(load->id == "P-SHIRT");
    CHECK(s.screen == Screen::Product);
    CHECK_FALSE(s.product.product.has_value());

    fx = reduce(s, act::ProductLoaded{load->request, shirt()});
    REQUIRE(s.product.product.has_value());
    CHECK(s.product.chosen.at("size") == "L");
    CHECK(s.product.chosen.at("color") == "Bleu");
    REQUIRE(chosen_variant(s.product) != nullptr);
    CHECK(chosen_variant(s.product)->sku == "SH-L-BLEU");
    const auto* stock = find_fx<fx::FetchStock>(fx);
    REQUIRE(stock != nullptr);
    CHECK(stock->skus == std::vector<std::string>{"SH-S-ROUGE", "SH-M-BLEU", "SH-M-ROUGE", "SH-L-BLEU"});
    CHECK(s.stock["SH-M-ROUGE"].loading);

    // No scanned SKU: the first variant.
    reduce(s, act::OpenProduct{"P-SHIRT", ""});
    reduce(s, act::ProductLoaded{s.product.request, shirt()});
    CHECK(chosen_variant(s.product)->sku == "SH-S-ROUGE");
    CHECK(s.product.chosen.at("size") == "S");

    // A SKU that is not the product's: the first variant as well.
    reduce(s, act::OpenProduct{"P-SHIRT", "NOT-THERE"});
    reduce(s, act::ProductLoaded{s.product.request, shirt()});
    CHECK(chosen_variant(s.product)->sku == "SH-S-ROUGE");

    // Missing from the replica.
    reduce(s, act::OpenProduct{"P-GONE", ""});
    fx = reduce(s, act::ProductLoaded{s.product.request, std::nullopt});
    CHECK(s.product.missing);
    CHECK(fx.empty());
}

TEST_CASE("a ProductLoaded for a product the shopper already left is dropped") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    reduce(s, act::OpenProduct{"P-SHIRT", ""});
    const std::uint64_t first = s.product.request;
    reduce(s, act::OpenProduct{"P-MUG", ""});
    REQUIRE(s.product.request != first);

    auto fx = reduce(s, act::ProductLoaded{first, shirt()});
    CHECK(fx.empty());
    CHECK_FALSE(s.product.product.has_value());
    CHECK(s.product.id == "P-MUG");

    reduce(s, act::ProductLoaded{s.product.request, mug()});
    REQUIRE(s.product.product.has_value());
    CHECK(s.product.product->id == "P-MUG");
}

TEST_CASE("chosen_variant, combination_exists and option_values on sizes and colours with holes") {
    const cc::Product p = shirt();
    CHECK(option_values(p, "size") == std::vector<std::string>{"S", "M", "L"});
    CHECK(option_values(p, "color") == std::vector<std::string>{"Rouge", "Bleu"});
    CHECK(option_values(p, "capacity").empty());
    CHECK(option_values(mug(), "size").empty());

    ProductView v;
    CHECK(chosen_variant(v) == nullptr);  // nothing loaded
    CHECK_FALSE(combination_exists(v, "size", "S"));
    v.product = cc::Product{};
    CHECK(chosen_variant(v) == nullptr);  // no variants
    v.product = p;
    REQUIRE(chosen_variant(v) != nullptr);
    CHECK(chosen_variant(v)->sku == "SH-S-ROUGE");  // nothing chosen: the first

    v.chosen = {{"size", "M"}, {"color", "Bleu"}};
    CHECK(chosen_variant(v)->sku == "SH-M-BLEU");
    v.chosen = {{"size", "M"}, {"color", "Rouge"}};
    CHECK(chosen_variant(v)->sku == "SH-M-ROUGE");

    // M Bleu chosen: which chips lead to an existing variant.
    v.chosen = {{"size", "M"}, {"color", "Bleu"}};
    CHECK_FALSE(combination_exists(v, "size", "S"));  // no S in Bleu
    CHECK(combination_exists(v, "size", "M"));
    CHECK(combination_exists(v, "size", "L"));
    CHECK(combination_exists(v, "color", "Rouge"));  // M Rouge exists
    CHECK(combination_exists(v, "color", "Bleu"));
    CHECK_FALSE(combination_exists(v, "color", "Vert"));
    CHECK_FALSE(combination_exists(v, "size", "XL"));

    v.chosen = {{"size", "L"}, {"color", "Bleu"}};
    CHECK_FALSE(combination_exists(v, "color", "Rouge"));  // no L in Rouge
    v.chosen = {{"size", "S"}, {"color", "Rouge"}};
    CHECK_FALSE(combination_exists(v, "color", "Bleu"));
    CHECK_FALSE(combination_exists(v, "size", "L"));
    CHECK(combination_exists(v, "size", "M"));

    // An impossible combination: the closest variant still has one of the chosen values.
    v.chosen = {{"size", "L"}, {"color", "Rouge"}};
    const cc::Variant* closest = chosen_variant(v);
    REQUIRE(closest != nullptr);
    CHECK((closest->options.at("size") == "L" || closest->options.at("color") == "Rouge"));
}

TEST_CASE("ChooseOption keeps an existing combination and otherwise follows the closest existing variant") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    CHECK(reduce(s, act::ChooseOption{"size", "M"}).empty());  // no product yet: nothing to choose
    CHECK(s.product.chosen.empty());

    open_product(s, shirt(), "SH-M-BLEU");

    // M Bleu -> L: L Bleu exists, colour kept.
    reduce(s, act::ChooseOption{"size", "L"});
    CHECK(s.product.chosen.at("size") == "L");
    CHECK(s.product.chosen.at("color") == "Bleu");
    CHECK(chosen_variant(s.product)->sku == "SH-L-BLEU");

    // L Bleu -> Rouge: no L in Rouge; the colour the shopper tapped wins and the size follows.
    reduce(s, act::ChooseOption{"color", "Rouge"});
    CHECK(s.product.chosen.at("color") == "Rouge");
    REQUIRE(chosen_variant(s.product) != nullptr);
    CHECK(chosen_variant(s.product)->options.at("color") == "Rouge");
    CHECK(chosen_variant(s.product)->options == s.product.chosen);  // an existing variant

    // M Rouge -> M Bleu: exists.
    reduce(s, act::ChooseOption{"size", "M"});
    reduce(s, act::ChooseOption{"color", "Bleu"});
    CHECK(chosen_variant(s.product)->sku == "SH-M-BLEU");
}

TEST_CASE("ChooseOption: a size that does not exist in the chosen colour switches to the colour that has it") {
    // The product sheet promises: "a combination that does not exist is still tappable: it
    // switches to the closest variant that has this value (the other options follow)".
    AppState s = fresh_state();
    reduce(s, act::Start{});
    open_product(s, shirt(), "SH-M-BLEU");

    reduce(s, act::ChooseOption{"size", "S"});  // S exists only in Rouge
    CHECK(s.product.chosen.at("size") == "S");
    CHECK(s.product.chosen.at("color") == "Rouge");
    REQUIRE(chosen_variant(s.product) != nullptr);
    CHECK(chosen_variant(s.product)->sku == "SH-S-ROUGE");
}

TEST_CASE("options other than size and colour (a phone's capacity) are chosen the same way") {
    cc::Product phone;
    phone.id = "P-PHONE";
    phone.name = text("Smartphone", "Smartphone");
    for (const char* colour : {"Noir", "Blanc"})
        for (const char* cap : {"128GB", "256GB"}) {
            cc::Variant v = variant(std::string("PH-") + cap + "-" + colour, "", colour, 49900, 49900);
            v.options["capacity"] = cap;
            phone.variants.push_back(v);
        }
    phone.variants.pop_back();  // no 256GB in white
    CHECK(option_values(phone, "capacity") == std::vector<std::string>{"128GB", "256GB"});

    AppState s = fresh_state();
    reduce(s, act::Start{});
    open_product(s, phone, "PH-128GB-Blanc");
    CHECK(s.product.chosen.at("capacity") == "128GB");
    CHECK_FALSE(combination_exists(s.product, "capacity", "256GB"));
    reduce(s, act::ChooseOption{"color", "Noir"});
    CHECK(combination_exists(s.product, "capacity", "256GB"));
    reduce(s, act::ChooseOption{"capacity", "256GB"});
    REQUIRE(chosen_variant(s.product) != nullptr);
    CHECK(chosen_variant(s.product)->sku == "PH-256GB-Noir");
    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 1);
    CHECK(s.cart[0].options.at("capacity") == "256GB");
}

TEST_CASE("StockUpdate and SelectStore") {
    AppState s = fresh_state();
    Stock st;
    st.known = true;
    st.data.sku = "SH-M-BLEU";
    cc::StockAt here;
    here.location_id = "lyon-part-dieu";
    here.quantity = 2;
    st.data.locations.push_back(here);
    reduce(s, act::StockUpdate{{{"SH-M-BLEU", st}}});
    REQUIRE(s.stock.count("SH-M-BLEU") == 1);
    CHECK(s.stock["SH-M-BLEU"].known);
    CHECK(quantity_at(s.stock["SH-M-BLEU"], "lyon-part-dieu") == 2);
    CHECK(quantity_at(s.stock["SH-M-BLEU"], "paris-opera") == 0);
    CHECK(band_of(0) == StockBand::Out);
    CHECK(band_of(-1) == StockBand::Out);
    CHECK(band_of(1) == StockBand::Low);
    CHECK(band_of(2) == StockBand::Low);
    CHECK(band_of(3) == StockBand::InStock);

    reduce(s, act::SelectStore{"paris-opera"});
    CHECK(s.selected_store == "paris-opera");
    reduce(s, act::SelectStore{"paris-opera"});  // the same again folds it
    CHECK(s.selected_store.empty());
}

// ---- cart ----

TEST_CASE("AddToCart adds the chosen variant at its online price and merges the same SKU") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    CHECK(reduce(s, act::AddToCart{}).empty());  // no product: nothing to add
    CHECK(s.cart.empty());

    open_product(s, shirt(), "SH-M-BLEU");
    s.last_input = 3.0;
    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 1);
    const CartLine& l = s.cart[0];
    CHECK(l.sku == "SH-M-BLEU");
    CHECK(l.product_id == "P-SHIRT");
    CHECK(l.brand == "Atelier");
    CHECK(l.name.text("en") == "Oxford shirt");
    CHECK(l.unit_price.amount == 3990);   // online price...
    CHECK(l.store_price.amount == 4490);  // ...not the shelf price
    CHECK(l.quantity == 1);
    CHECK(l.options.at("color") == "Bleu");
    CHECK(l.image == "http://img/bleu.jpg");  // the image of the chosen colour
    CHECK(s.notice == "cart.added");
    CHECK(s.notice_at == doctest::Approx(3.0));

    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 1);
    CHECK(s.cart[0].quantity == 2);

    reduce(s, act::ChooseOption{"color", "Rouge"});
    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 2);
    CHECK(s.cart[1].sku == "SH-M-ROUGE");
    CHECK(s.cart[1].image == "http://img/rouge.jpg");
    CHECK(cart_count(s.cart) == 3);
    CHECK(cart_total(s.cart) == 3 * 3990);

    for (int i = 0; i < 200; ++i) reduce(s, act::AddToCart{});
    CHECK(s.cart[1].quantity == 99);
}

TEST_CASE("SetQuantity changes a line, 0 removes it; RemoveLine; out-of-range lines are ignored") {
    AppState s = with_cart();
    open_product(s, mug());
    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 2);

    reduce(s, act::SetQuantity{1, 4});
    CHECK(s.cart[1].quantity == 4);
    CHECK(cart_total(s.cart) == 3990 + 4 * 1200);
    reduce(s, act::SetQuantity{1, 1000});
    CHECK(s.cart[1].quantity == 99);
    reduce(s, act::SetQuantity{5, 3});
    reduce(s, act::SetQuantity{-1, 3});
    CHECK(s.cart.size() == 2);

    reduce(s, act::SetQuantity{0, 0});
    REQUIRE(s.cart.size() == 1);
    CHECK(s.cart[0].sku == "MUG-1");
    reduce(s, act::SetQuantity{0, -2});
    CHECK(s.cart.empty());

    open_product(s, mug());
    reduce(s, act::AddToCart{});
    reduce(s, act::RemoveLine{3});
    CHECK(s.cart.size() == 1);
    reduce(s, act::RemoveLine{0});
    CHECK(s.cart.empty());
}

TEST_CASE("tile_of shows the lowest online price and the first image") {
    const cc::Product p = shirt();
    Tile t = tile_of(p);
    CHECK(t.product_id == "P-SHIRT");
    CHECK(t.price == 3990);
    CHECK(t.image == "http://img/rouge.jpg");
    t = tile_of(p, "SH-L-BLEU");
    CHECK(t.sku == "SH-L-BLEU");
    CHECK(t.price == 4290);
}

// ---- checkout ----

TEST_CASE("StartCheckout asks for a quote of the cart's lines") {
    AppState empty = fresh_state();
    reduce(empty, act::Start{});
    CHECK(reduce(empty, act::StartCheckout{}).empty());
    CHECK(empty.screen == Screen::Home);

    AppState s = with_cart();
    reduce(s, act::AddToCart{});
    reduce(s, act::Show{Screen::Cart});
    auto fx = reduce(s, act::StartCheckout{});
    CHECK(s.screen == Screen::Checkout);
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    const auto* q = find_fx<fx::RequestQuote>(fx);
    REQUIRE(q != nullptr);
    CHECK(q->request == s.checkout.quote_request);
    REQUIRE(q->lines.size() == 1);
    CHECK(q->lines[0].first == "SH-M-BLEU");
    CHECK(q->lines[0].second == 2);

    // A stale quote (another request) changes nothing.
    reduce(s, act::QuoteDone{s.checkout.quote_request + 100, quote_of(s), ""});
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    CHECK_FALSE(s.checkout.quote.has_value());

    reduce(s, act::QuoteDone{s.checkout.quote_request, quote_of(s), ""});
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK(s.checkout.quote.has_value());
    CHECK(s.checkout.price_changes.empty());
}

TEST_CASE("a failed quote makes ordering unavailable, with the reason") {
    AppState s = with_cart();
    reduce(s, act::StartCheckout{});
    reduce(s, act::QuoteDone{s.checkout.quote_request, std::nullopt, ""});
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
    CHECK(s.checkout.quote_error == "checkout.unavailable");

    reduce(s, act::StartCheckout{});
    reduce(s, act::QuoteDone{s.checkout.quote_request, std::nullopt, "checkout.quote_failed"});
    CHECK(s.checkout.quote_error == "checkout.quote_failed");

    // "Retry" asks for a fresh quote.
    auto fx = reduce(s, act::ChangeFulfilmentAfterRejection{});
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    CHECK(find_fx<fx::RequestQuote>(fx) != nullptr);
}

TEST_CASE("a quote with changed prices lists them; PlaceOrder waits until they are accepted") {
    AppState s = with_cart();
    reduce(s, act::StartCheckout{});
    cc::Quote q = quote_of(s);
    q.lines[0].unit_price = eur(3490);
    reduce(s, act::QuoteDone{s.checkout.quote_request, q, ""});
    CHECK(s.checkout.phase == OrderPhase::Editing);
    REQUIRE(s.checkout.price_changes.size() == 1);
    const PriceChange& pc = s.checkout.price_changes[0];
    CHECK(pc.sku == "SH-M-BLEU");
    CHECK(pc.before == 3990);
    CHECK(pc.after == 3490);
    CHECK(pc.name.text("fr") == "Chemise oxford");
    CHECK(s.cart[0].unit_price.amount == 3490);  // the cart shows the price that will be charged

    fill_delivery(s);
    auto fx = reduce(s, act::PlaceOrder{});
    CHECK(fx.empty());
    CHECK(s.checkout.phase == OrderPhase::Editing);

    reduce(s, act::AcceptPriceChanges{});
    CHECK(s.checkout.price_changes.empty());
    fx = reduce(s, act::PlaceOrder{});
    const auto* submit = find_fx<fx::SubmitOrder>(fx);
    REQUIRE(submit != nullptr);
    CHECK(submit->order.lines[0].unit_price.amount == 3490);
    CHECK(s.checkout.phase == OrderPhase::Placing);
}

TEST_CASE("a pickup store the new quote no longer offers is dropped") {
    AppState s = with_cart();
    quoted_checkout(s);
    reduce(s, act::SetFulfilment{Fulfilment::Pickup});
    reduce(s, act::ChoosePickupStore{"lyon-part-dieu"});
    reduce(s, act::StartCheckout{});
    cc::Quote q = quote_of(s);
    q.options.pop_back();  // no pickup any more
    reduce(s, act::QuoteDone{s.checkout.quote_request, q, ""});
    CHECK(s.checkout.pickup_store.empty());
    CHECK(s.checkout.fulfilment == Fulfilment::Pickup);

    reduce(s, act::ChoosePickupStore{"lyon-part-dieu"});
    reduce(s, act::StartCheckout{});
    reduce(s, act::QuoteDone{s.checkout.quote_request, quote_of(s), ""});
    CHECK(s.checkout.pickup_store == "lyon-part-dieu");
}

TEST_CASE("field checks") {
    CHECK(check_postcode("75011") == "");
    CHECK(check_postcode(" 69003 ") == "");
    CHECK(check_postcode("") == "error.field.required");
    CHECK(check_postcode("   ") == "error.field.required");
    CHECK(check_postcode("7500") == "error.postcode");
    CHECK(check_postcode("750011") == "error.postcode");
    CHECK(check_postcode("7501A") == "error.postcode");
    CHECK(check_postcode("00123") == "error.postcode");

    CHECK(check_phone("0612345678") == "");
    CHECK(check_phone("06 12 34 56 78") == "");
    CHECK(check_phone("06.12.34.56.78") == "");
    CHECK(check_phone("+33 6 12 34 56 78") == "");
    CHECK(check_phone("12345") == "error.phone");
    CHECK(check_phone("0012345678") == "error.phone");
    CHECK(check_phone("+33 06 12 34 56 78") == "error.phone");
    CHECK(check_phone("06 12 34 56 7a") == "error.phone");
    CHECK(check_phone("06+12345678") == "error.phone");

    CHECK(check_email("marie@exemple.fr") == "");
    CHECK(check_email(" marie.dupont@mail.example.com ") == "");
    CHECK(check_email("a@b") == "error.email");
    CHECK(check_email("a@b.") == "error.email");
    CHECK(check_email("@b.fr") == "error.email");
    CHECK(check_email("a@@b.fr") == "error.email");
    CHECK(check_email("a@.fr") == "error.email");
    CHECK(check_email("marie dupont@exemple.fr") == "error.email");
    CHECK(check_email("marie") == "error.email");

    CHECK(check_loyalty_card("") == "");
    CHECK(check_loyalty_card("12345678") == "");
    CHECK(check_loyalty_card("12345678901234567890") == "");
    CHECK(check_loyalty_card("1234567") == "error.loyalty_card");
    CHECK(check_loyalty_card("123456789012345678901") == "error.loyalty_card");
    CHECK(check_loyalty_card("1234-5678") == "error.loyalty_card");
}

TEST_CASE("validate_checkout names each problem, and each correction clears it") {
    Checkout c;
    auto e = validate_checkout(c);
    CHECK(e.at("fulfilment") == "error.choose_fulfilment");
    CHECK(e.at("email") == "error.contact_required");  // no contact at all
    CHECK(e.at("payment") == "error.choose_payment");
    CHECK(e.count("pickup_store") == 0);
    CHECK(e.count("postcode") == 0);

    c.fulfilment = Fulfilment::Pickup;
    e = validate_checkout(c);
    CHECK(e.count("fulfilment") == 0);
    CHECK(e.at("pickup_store") == "error.choose_store");
    c.pickup_store = "lyon-part-dieu";
    c.payment = Payment::PayOnPhone;
    c.form.fields["phone"] = "12345";
    e = validate_checkout(c);
    CHECK(e.at("phone") == "error.phone");
    CHECK(e.count("email") == 0);  // a phone was given: contact is there, only malformed
    c.form.fields["phone"] = "06 12 34 56 78";
    CHECK(validate_checkout(c).empty());

    c.form.fields["email"] = "a@b";
    CHECK(validate_checkout(c).at("email") == "error.email");
    c.form.fields["email"] = "a@b.fr";
    CHECK(validate_checkout(c).empty());

    c.form.fields["loyalty_card"] = "123";
    CHECK(validate_checkout(c).at("loyalty_card") == "error.loyalty_card");
    c.form.fields["loyalty_card"] = "123456789";
    CHECK(validate_checkout(c).empty());

    // Delivery needs the address.
    c.fulfilment = Fulfilment::Delivery;
    e = validate_checkout(c);
    CHECK(e.at("name") == "error.field.required");
    CHECK(e.at("line1") == "error.field.required");
    CHECK(e.at("city") == "error.field.required");
    CHECK(e.at("postcode") == "error.field.required");
    CHECK(e.count("line2") == 0);  // optional
    CHECK(e.count("pickup_store") == 0);
    c.form.fields["name"] = "Marie Dupont";
    c.form.fields["line1"] = "12 rue des Lilas";
    c.form.fields["city"] = "Paris";
    c.form.fields["postcode"] = "7500";
    e = validate_checkout(c);
    REQUIRE(e.size() == 1);
    CHECK(e.at("postcode") == "error.postcode");
    c.form.fields["postcode"] = "75001";
    CHECK(validate_checkout(c).empty());

    // Blanks are not a value.
    c.form.fields["name"] = "   ";
    CHECK(validate_checkout(c).at("name") == "error.field.required");
    c.form.fields["name"] = "Marie Dupont";

    c.form.fields["email"] = "";
    c.form.fields["phone"] = " ";
    CHECK(validate_checkout(c).at("email") == "error.contact_required");
}

TEST_CASE("PlaceOrder shows the form's errors; typing a field clears its error") {
    AppState s = with_cart();
    quoted_checkout(s);
    auto fx = reduce(s, act::PlaceOrder{});
    CHECK(fx.empty());
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK(s.checkout.form.errors.count("fulfilment") == 1);
    CHECK(s.checkout.form.errors.count("payment") == 1);
    CHECK(s.checkout.form.errors.at("email") == "error.contact_required");

    reduce(s, act::SetFulfilment{Fulfilment::Delivery});
    CHECK(s.checkout.form.errors.count("fulfilment") == 0);
    reduce(s, act::SetPayment{Payment::PayAtTill});
    CHECK(s.checkout.form.errors.count("payment") == 0);
    reduce(s, act::SetField{"phone", "06 12 34 56 78"});
    CHECK(s.checkout.form.errors.count("email") == 0);  // contact given by phone

    reduce(s, act::SetField{"postcode", "7500"});
    reduce(s, act::PlaceOrder{});
    CHECK(s.checkout.form.errors.at("postcode") == "error.postcode");
    reduce(s, act::SetField{"postcode", "75011"});
    CHECK(s.checkout.form.errors.count("postcode") == 0);

    reduce(s, act::SetField{"password", "hunter2"});  // not a form field
    CHECK(s.checkout.form.fields.count("password") == 0);
    reduce(s, act::SetField{"city", std::string(300, 'x')});
    CHECK(s.checkout.form.fields.at("city").size() == 120);
}

TEST_CASE("PlaceOrder while offline makes ordering unavailable; back online the checkout re-quotes") {
    AppState s = with_cart();
    quoted_checkout(s);
    fill_delivery(s);
    reduce(s, act::Online{false});
    auto fx = reduce(s, act::PlaceOrder{});
    CHECK(fx.empty());
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
    CHECK(s.cart.size() == 1);  // the cart is kept

    const std::uint64_t old_quote = s.checkout.quote_request;
    fx = reduce(s, act::Online{true});
    CHECK(s.online);
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    const auto* q = find_fx<fx::RequestQuote>(fx);
    REQUIRE(q != nullptr);
    CHECK(q->request != old_quote);
    CHECK(q->request == s.checkout.quote_request);

    reduce(s, act::QuoteDone{s.checkout.quote_request, quote_of(s), ""});
    fx = reduce(s, act::PlaceOrder{});
    CHECK(find_fx<fx::SubmitOrder>(fx) != nullptr);
}

TEST_CASE("coming back online elsewhere than the checkout does not quote") {
    AppState s = with_cart();
    quoted_checkout(s);
    fill_delivery(s);
    reduce(s, act::Online{false});
    reduce(s, act::PlaceOrder{});
    REQUIRE(s.checkout.phase == OrderPhase::Unavailable);
    reduce(s, act::Show{Screen::Cart});
    CHECK(reduce(s, act::Online{true}).empty());
    CHECK(reduce(s, act::Online{true}).empty());  // already online
}

TEST_CASE("PlaceOrder submits the contract's order body") {
    SUBCASE("delivery, email and phone, loyalty card, pay at the till") {
        AppState s = with_cart();
        reduce(s, act::AddToCart{});
        open_product(s, mug());
        reduce(s, act::AddToCart{});
        quoted_checkout(s);
        fill_delivery(s);
        reduce(s, act::SetField{"line2", "  Bâtiment B  "});
        reduce(s, act::SetField{"phone", "06 12 34 56 78"});
        reduce(s, act::SetField{"loyalty_card", " 12345678 "});
        reduce(s, act::SetField{"email", " marie@exemple.fr "});
        auto fx = reduce(s, act::PlaceOrder{});
        const auto* submit = find_fx<fx::SubmitOrder>(fx);
        REQUIRE(submit != nullptr);
        CHECK(submit->request == in_flight(s));
        CHECK(s.checkout.phase == OrderPhase::Placing);
        cc::json b = cc::to_json(submit->order);  // the contract's body, as the outbox sends it

        REQUIRE(b["lines"].is_array());
        REQUIRE(b["lines"].size() == 2);
        CHECK(b["lines"][0]["sku"] == "SH-M-BLEU");
        CHECK(b["lines"][0]["quantity"] == 2);
        CHECK(b["lines"][0]["unit_price"]["amount"] == 3990);
        CHECK(b["lines"][0]["unit_price"]["currency"] == "EUR");
        CHECK(b["lines"][1]["sku"] == "MUG-1");
        CHECK(b["lines"][1]["quantity"] == 1);
        CHECK(b["lines"][1]["unit_price"]["amount"] == 1200);

        CHECK(b["fulfilment"]["type"] == "delivery");
        cc::json addr = b["fulfilment"]["address"];
        CHECK(addr["name"] == "Marie Dupont");
        CHECK(addr["line1"] == "12 rue des Lilas");
        CHECK(addr["line2"] == "Bâtiment B");
        CHECK(addr["postcode"] == "75011");
        CHECK(addr["city"] == "Paris");
        CHECK(addr["country"] == "FR");
        CHECK_FALSE(b["fulfilment"].contains("store_id"));

        CHECK(b["contact"]["email"] == "marie@exemple.fr");
        CHECK(b["contact"]["phone"] == "06 12 34 56 78");
        CHECK(b["loyalty_card"] == "12345678");
        CHECK(b["payment"]["method"] == "pay_at_till");
        CHECK(b["channel"]["store_id"] == "lyon-part-dieu");
        CHECK(b["channel"]["kiosk_id"] == "kiosk-7");

        // A second tap while the order is on its way sends nothing more.
        CHECK(reduce(s, act::PlaceOrder{}).empty());
    }
    SUBCASE("pickup, phone only, no loyalty card, pay on the phone") {
        AppState s = with_cart();
        quoted_checkout(s);
        reduce(s, act::SetFulfilment{Fulfilment::Pickup});
        reduce(s, act::ChoosePickupStore{"lyon-part-dieu"});
        reduce(s, act::SetField{"phone", "0612345678"});
        reduce(s, act::SetPayment{Payment::PayOnPhone});
        auto fx = reduce(s, act::PlaceOrder{});
        const auto* submit = find_fx<fx::SubmitOrder>(fx);
        REQUIRE(submit != nullptr);
        cc::json b = cc::to_json(submit->order);  // the contract's body, as the outbox sends it
        CHECK(b["fulfilment"]["type"] == "pickup");
        CHECK(b["fulfilment"]["store_id"] == "lyon-part-dieu");
        CHECK_FALSE(b["fulfilment"].contains("address"));
        CHECK(b["contact"]["phone"] == "0612345678");
        CHECK_FALSE(b["contact"].contains("email"));
        CHECK_FALSE(b.contains("loyalty_card"));
        CHECK(b["payment"]["method"] == "pay_on_phone");
        REQUIRE(b["lines"].size() == 1);
        CHECK(b["lines"][0]["quantity"] == 1);
    }
    SUBCASE("delivery without a second address line leaves it out") {
        AppState s = with_cart();
        quoted_checkout(s);
        fill_delivery(s);
        cc::json b = cc::to_json(order_request(s));
        CHECK_FALSE(b["fulfilment"]["address"].contains("line2"));
        CHECK_FALSE(b["contact"].contains("phone"));
        CHECK_FALSE(b.contains("loyalty_card"));
    }
}

TEST_CASE("PlaceOrder is refused with an empty cart or while a quote is on its way") {
    AppState s = with_cart();
    reduce(s, act::StartCheckout{});
    fill_delivery(s);
    CHECK(reduce(s, act::PlaceOrder{}).empty());  // quoting
    CHECK(s.checkout.phase == OrderPhase::Quoting);

    AppState e = fresh_state();
    fill_delivery(e);
    CHECK(reduce(e, act::PlaceOrder{}).empty());
}

TEST_CASE("OrderUpdate: pending, then acknowledged") {
    AppState s = placing();
    const std::uint64_t req = in_flight(s);

    act::OrderUpdate pending;
    pending.request = req;
    pending.outbox_id = 7;
    pending.kind = act::OrderUpdate::Kind::Pending;
    pending.error = "timeout";
    reduce(s, pending);
    CHECK(s.checkout.phase == OrderPhase::Confirming);
    REQUIRE(s.order_in_flight.has_value());
    CHECK(s.order_in_flight->outbox_id == 7);

    act::OrderUpdate ack;
    ack.request = req;
    ack.outbox_id = 7;
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("ML-2026-000123");
    reduce(s, ack);
    CHECK(s.screen == Screen::Confirmation);
    REQUIRE(s.confirmation.has_value());
    CHECK(s.confirmation->order.number == "ML-2026-000123");
    CHECK(s.confirmation->fulfilment == Fulfilment::Delivery);
    CHECK(s.confirmation->payment == Payment::PayAtTill);
    CHECK(s.cart.empty());
    CHECK(s.history.empty());
    CHECK(s.checkout.form.fields.empty());
    CHECK(s.checkout.fulfilment == Fulfilment::None);
    CHECK(s.checkout.payment == Payment::None);
    CHECK(s.checkout.phase == OrderPhase::Editing);

    // Back from the confirmation goes home, not to the emptied checkout.
    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Home);
}

TEST_CASE("OrderUpdate: a failure to record the order makes ordering unavailable") {
    AppState s = placing();
    act::OrderUpdate failed;
    failed.request = in_flight(s);
    failed.kind = act::OrderUpdate::Kind::Failed;
    failed.error = "disk full";
    reduce(s, failed);
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
    CHECK(s.checkout.last_error == "disk full");
    CHECK(s.cart.size() == 1);
}

TEST_CASE("OrderUpdate: rejected out of stock, then another fulfilment") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("out_of_stock", "SH-M-BLEU", 0);
    reduce(s, r);
    CHECK(s.checkout.phase == OrderPhase::Rejected);
    REQUIRE(s.checkout.rejection.has_value());
    CHECK(s.checkout.rejection->reason == cc::RejectReason::OutOfStock);
    CHECK(s.checkout.rejection->sku == "SH-M-BLEU");
    CHECK(s.checkout.rejection->available == 0);
    CHECK(s.cart.size() == 1);
    CHECK(s.screen == Screen::Checkout);

    reduce(s, act::SetFulfilment{Fulfilment::Pickup});
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK_FALSE(s.checkout.rejection.has_value());
}

TEST_CASE("OrderUpdate: rejected out of stock, retry with a fresh quote") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("out_of_stock", "SH-M-BLEU", 1);
    reduce(s, r);
    auto fx = reduce(s, act::ChangeFulfilmentAfterRejection{});
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    CHECK_FALSE(s.checkout.rejection.has_value());
    CHECK(find_fx<fx::RequestQuote>(fx) != nullptr);
    // Only after a rejection or while unavailable.
    CHECK(reduce(s, act::ChangeFulfilmentAfterRejection{}).empty());
}

TEST_CASE("OrderUpdate: rejected for a changed price applies the new price and shows it") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("price_changed", "SH-M-BLEU", 0, 4590);
    reduce(s, r);
    CHECK(s.checkout.phase == OrderPhase::Rejected);
    REQUIRE(s.checkout.rejection.has_value());
    CHECK(s.checkout.rejection->new_price.amount == 4590);
    REQUIRE(s.cart.size() == 1);
    CHECK(s.cart[0].unit_price.amount == 4590);
    REQUIRE(s.checkout.price_changes.size() == 1);
    CHECK(s.checkout.price_changes[0].sku == "SH-M-BLEU");
    CHECK(s.checkout.price_changes[0].before == 3990);
    CHECK(s.checkout.price_changes[0].after == 4590);

    CHECK(reduce(s, act::PlaceOrder{}).empty());  // not before the shopper accepts
    reduce(s, act::AcceptPriceChanges{});
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK_FALSE(s.checkout.rejection.has_value());
    auto fx = reduce(s, act::PlaceOrder{});
    const auto* submit = find_fx<fx::SubmitOrder>(fx);
    REQUIRE(submit != nullptr);
    CHECK(submit->order.lines[0].unit_price.amount == 4590);
}

TEST_CASE("OrderUpdate: validation_failed maps the field errors onto the form") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("validation_failed", "");
    r.rejection->field_errors = {{"fulfilment.address.postcode", "invalid"}};
    reduce(s, r);
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK(s.checkout.form.errors.at("postcode") == "error.field.invalid");
    CHECK(s.checkout.form.errors.size() == 1);

    // Correcting it clears the error and the order can go again.
    reduce(s, act::SetField{"postcode", "75012"});
    CHECK(s.checkout.form.errors.count("postcode") == 0);
    CHECK(find_fx<fx::SubmitOrder>(reduce(s, act::PlaceOrder{})) != nullptr);
}

TEST_CASE("OrderUpdate: validation_failed with several fields and an unknown loyalty card") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("validation_failed", "");
    r.rejection->field_errors = {{"contact.email", "invalid"}, {"loyalty_card", "unknown"}};
    reduce(s, r);
    CHECK(s.checkout.form.errors.at("email") == "error.field.invalid");
    CHECK(s.checkout.form.errors.at("loyalty_card") == "error.field.unknown");
    CHECK(s.checkout.form.errors.size() == 2);
}

TEST_CASE("an OrderUpdate for another request is ignored") {
    AppState s = placing();
    act::OrderUpdate ack;
    ack.request = in_flight(s) + 1;
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("ML-OTHER");
    reduce(s, ack);
    CHECK(s.screen == Screen::Checkout);
    CHECK_FALSE(s.confirmation.has_value());
    CHECK(s.cart.size() == 1);
    CHECK(s.checkout.phase == OrderPhase::Placing);

    act::OrderUpdate rej;
    rej.request = 0;
    rej.kind = act::OrderUpdate::Kind::Rejected;
    rej.rejection = rejection("price_changed", "SH-M-BLEU", 0, 1);
    reduce(s, rej);
    CHECK(s.checkout.phase == OrderPhase::Placing);
    CHECK(s.cart[0].unit_price.amount == 3990);
}

// ---- session lifecycle ----

TEST_CASE("idle: a warning after idle_timeout, continue clears it, the countdown wipes everything personal") {
    AppState s = busy_session();
    s.settings.idle_timeout_s = 60;
    s.settings.idle_countdown_s = 10;
    reduce(s, act::Input{100.0});

    CHECK(session_fx(reduce(s, act::Tick{159.0})) == 0);
    CHECK_FALSE(s.idle_warning);
    reduce(s, act::Tick{160.0});
    CHECK(s.idle_warning);
    CHECK(s.idle_warning_at == doctest::Approx(160.0));

    // A touch alone does not dismiss it; "continue" does.
    reduce(s, act::Input{161.0});
    CHECK(s.idle_warning);
    reduce(s, act::IdleContinue{162.0});
    CHECK_FALSE(s.idle_warning);
    CHECK(s.last_input == doctest::Approx(162.0));
    reduce(s, act::Tick{200.0});
    CHECK_FALSE(s.idle_warning);
    CHECK(s.cart.size() == 1);

    reduce(s, act::Tick{222.0});
    CHECK(s.idle_warning);
    CHECK(reduce(s, act::Tick{231.0}).empty());
    CHECK(s.cart.size() == 1);
    const std::uint64_t session = s.session;
    auto fx = reduce(s, act::Tick{232.0});
    CHECK(count_fx<fx::ResetSession>(fx) == 1);
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);
    CHECK(s.session == session + 1);
    check_wiped(s);

    // On the attract loop nothing more happens.
    CHECK(session_fx(reduce(s, act::Tick{10000.0})) == 0);
    CHECK_FALSE(s.idle_warning);
}

TEST_CASE("idle while the order is being confirmed: the form leaves memory, a neutral panel follows the order") {
    AppState s = placing();
    s.settings.idle_timeout_s = 60;
    s.settings.idle_countdown_s = 10;
    const std::uint64_t order = in_flight(s);
    reduce(s, act::Input{0.0});
    act::OrderUpdate pending;
    pending.request = order;
    pending.kind = act::OrderUpdate::Kind::Pending;
    reduce(s, pending);
    REQUIRE(s.checkout.phase == OrderPhase::Confirming);
    REQUIRE_FALSE(s.checkout.form.fields.empty());

    // The shopper walked away: the warning comes as for any session, then the countdown wipes.
    reduce(s, act::Tick{61.0});
    CHECK(s.idle_warning);
    const auto fx = reduce(s, act::Tick{72.0});
    CHECK(count_fx<fx::ResetSession>(fx) == 1);
    CHECK(s.screen == Screen::OrderPending);
    REQUIRE(s.order_after_wipe.has_value());
    CHECK(s.order_after_wipe->phase == OrderAfterWipe::Phase::Confirming);
    CHECK(in_flight(s) == order);  // still followed: one record of the order, nothing personal in it
    check_personal_data_gone(s);

    // While it is being confirmed, the panel stays however long nobody touches it.
    CHECK(session_fx(reduce(s, act::Tick{5000.0})) == 0);
    CHECK(s.screen == Screen::OrderPending);

    // The order is confirmed later: its number appears; the rest of the answer is not kept.
    act::OrderUpdate ack;
    ack.request = order;
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("K-4F7Q-92");
    reduce(s, ack);
    REQUIRE(s.order_after_wipe.has_value());
    CHECK(s.order_after_wipe->phase == OrderAfterWipe::Phase::Confirmed);
    CHECK(s.order_after_wipe->number == "K-4F7Q-92");
    CHECK_FALSE(s.confirmation.has_value());
    CHECK(s.screen == Screen::OrderPending);
    // Shown for a while (the idle delay from when it appeared), then back to the attract loop.
    reduce(s, act::Tick{5001.0});
    CHECK(s.screen == Screen::OrderPending);
    reduce(s, act::Tick{5060.0});
    CHECK(s.screen == Screen::OrderPending);
    reduce(s, act::Tick{5062.0});
    check_wiped(s);
}

TEST_CASE("idle while the order is being placed: a rejection after the wipe says so without details") {
    AppState s = placing();
    s.settings.idle_timeout_s = 60;
    s.settings.idle_countdown_s = 10;
    const std::uint64_t order = in_flight(s);
    reduce(s, act::Input{0.0});
    reduce(s, act::Tick{61.0});
    reduce(s, act::Tick{72.0});
    REQUIRE(s.screen == Screen::OrderPending);
    act::OrderUpdate rej;
    rej.request = order;
    rej.kind = act::OrderUpdate::Kind::Rejected;
    rej.rejection = rejection("out_of_stock", "A1");
    reduce(s, rej);
    REQUIRE(s.order_after_wipe.has_value());
    CHECK(s.order_after_wipe->phase == OrderAfterWipe::Phase::Failed);
    CHECK_FALSE(s.checkout.rejection.has_value());
    check_personal_data_gone(s);

    // An update of another request changes nothing.
    act::OrderUpdate other = rej;
    other.request = order + 100;
    other.kind = act::OrderUpdate::Kind::Acknowledged;
    other.order = order_number("K-ZZZZ-11");
    reduce(s, other);
    CHECK(s.order_after_wipe->phase == OrderAfterWipe::Phase::Failed);

    // A new shopper starts: the panel and the following end.
    reduce(s, act::Start{});
    CHECK(s.screen == Screen::Home);
    CHECK_FALSE(s.order_after_wipe.has_value());
}

TEST_CASE("finish and clear everything while the order is being confirmed: the same neutral panel") {
    AppState s = placing();
    act::OrderUpdate pending;
    pending.request = in_flight(s);
    pending.kind = act::OrderUpdate::Kind::Pending;
    reduce(s, pending);
    reduce(s, act::Wipe{});
    CHECK(s.screen == Screen::OrderPending);
    REQUIRE(s.order_after_wipe.has_value());
    check_personal_data_gone(s);
    // A scan by the next shopper opens a product: the panel is left for good.
    reduce(s, act::LookupDone{"3760001", std::string("P1"), "A1"});
    CHECK(s.screen == Screen::Product);
    CHECK_FALSE(s.order_after_wipe.has_value());
}

TEST_CASE("a failed price re-check leaves no earlier quote to order from") {
    AppState s = with_cart();
    quoted_checkout(s);
    fill_delivery(s);
    REQUIRE(s.checkout.quote.has_value());
    // Back to the cart and to the checkout again: the new check fails.
    reduce(s, act::Show{Screen::Cart});
    reduce(s, act::StartCheckout{});
    CHECK_FALSE(s.checkout.quote.has_value());
    reduce(s, act::QuoteDone{s.checkout.quote_request, std::nullopt, "checkout.quote_failed"});
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
    CHECK_FALSE(s.checkout.quote.has_value());
    CHECK(find_fx<fx::SubmitOrder>(reduce(s, act::PlaceOrder{})) == nullptr);
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
}

TEST_CASE("Wipe clears the session at once") {
    AppState s = busy_session();
    const std::uint64_t g = s.search.generation;
    auto fx = reduce(s, act::Wipe{});
    CHECK(count_fx<fx::ResetSession>(fx) == 1);
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);
    check_wiped(s);
    // Late results of the wiped session are dropped.
    reduce(s, act::PageLoaded{ListingKind::Search, g, 0, 5, {Tile{}}});
    CHECK(s.search.pages.empty());
    CHECK(s.search.total == -1);
}

TEST_CASE("Wipe keeps the configured default language") {
    AppState s = fresh_state();
    s.settings.default_language = "en";
    s.language = "en";
    reduce(s, act::SetLanguage{"fr"});
    reduce(s, act::Wipe{});
    CHECK(s.language == "en");
}

TEST_CASE("ConfirmationDone clears the confirmation and everything personal") {
    AppState s = placing();
    reduce(s, act::SetLanguage{"en"});
    reduce(s, act::SetSearchText{"mug"});
    reduce(s, act::Show{Screen::Checkout});
    act::OrderUpdate ack;
    ack.request = in_flight(s);
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("ML-2026-000124");
    reduce(s, ack);
    REQUIRE(s.screen == Screen::Confirmation);
    REQUIRE(s.confirmation.has_value());

    auto fx = reduce(s, act::ConfirmationDone{});
    CHECK(count_fx<fx::ResetSession>(fx) == 1);
    check_wiped(s);
}

TEST_CASE("the printed ticket: only with a printer, for the order on screen, one at a time, its outcome kept") {
    AppState s = placing();
    act::OrderUpdate ack;
    ack.request = in_flight(s);
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("ML-2026-000125");
    reduce(s, ack);
    REQUIRE(s.confirmation.has_value());
    Ticket t;
    t.order_number = "ML-2026-000125";
    t.lines = {{TicketLine::Kind::Text, "Merci", {}}};

    // No printer configured: nothing is sent.
    CHECK(reduce(s, act::PrintTicket{t}).empty());
    CHECK(s.confirmation->print == PrintPhase::Idle);

    s.settings.printer = true;
    Ticket other = t;
    other.order_number = "ML-2026-000001";
    CHECK(reduce(s, act::PrintTicket{other}).empty());  // not the order on screen
    auto fx = reduce(s, act::PrintTicket{t});
    REQUIRE(count_fx<fx::Print>(fx) == 1);
    CHECK(find_fx<fx::Print>(fx)->ticket.order_number == "ML-2026-000125");
    CHECK(s.confirmation->print == PrintPhase::Printing);
    CHECK(reduce(s, act::PrintTicket{t}).empty());  // a second tap while printing

    reduce(s, act::TicketPrinted{"ML-2026-000001", true});  // another order's answer
    CHECK(s.confirmation->print == PrintPhase::Printing);
    reduce(s, act::TicketPrinted{"ML-2026-000125", false});
    CHECK(s.confirmation->print == PrintPhase::Failed);
    CHECK(count_fx<fx::Print>(reduce(s, act::PrintTicket{t})) == 1);  // try again
    reduce(s, act::TicketPrinted{"ML-2026-000125", true});
    CHECK(s.confirmation->print == PrintPhase::Printed);

    // An answer arriving after the session ended changes nothing.
    reduce(s, act::ConfirmationDone{});
    reduce(s, act::TicketPrinted{"ML-2026-000125", true});
    CHECK_FALSE(s.confirmation.has_value());
}

// ---- periodic work, decided by the reducer ----

TEST_CASE("Tick schedules health checks one at a time, faster while offline, and the periodic sync") {
    AppState s = fresh_state();
    s.settings.sync_interval_s = 300;
    auto fx = reduce(s, act::Tick{1.0});
    CHECK(count_fx<fx::CheckHealth>(fx) == 1);  // at once
    CHECK(count_fx<fx::SyncCatalog>(fx) == 0);
    CHECK(s.schedule.health_in_flight);
    // Not again while the answer is awaited, however late it is.
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{40.0})) == 0);
    reduce(s, act::HealthChecked{true});
    CHECK_FALSE(s.schedule.health_in_flight);
    CHECK(s.online);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{41.0})) == 1);  // overdue (due at 16)
    reduce(s, act::HealthChecked{true});
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{55.0})) == 0);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{56.0})) == 1);  // every 15 s online
    CHECK(next_due(s, 56.0) == doctest::Approx(15.0));

    // Gone offline: the next check comes 2 s later, then every 3 s.
    reduce(s, act::HealthChecked{false});
    CHECK_FALSE(s.online);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{57.9})) == 0);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{58.0})) == 1);
    reduce(s, act::HealthChecked{false});
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{60.9})) == 0);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{61.0})) == 1);
    reduce(s, act::HealthChecked{false});
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{64.0})) == 1);

    // Another call finding the API down brings the next check forward (2 s, not 15).
    reduce(s, act::HealthChecked{true});
    CHECK(s.online);
    reduce(s, act::Tick{75.0});
    reduce(s, act::Online{false});
    CHECK(s.schedule.next_health == doctest::Approx(77.0));

    // The sync: one interval after the first Tick, then every interval.
    CHECK(count_fx<fx::SyncCatalog>(reduce(s, act::Tick{300.0})) == 0);
    CHECK(count_fx<fx::SyncCatalog>(reduce(s, act::Tick{301.0})) == 1);
    CHECK(count_fx<fx::SyncCatalog>(reduce(s, act::Tick{302.0})) == 0);
    CHECK(count_fx<fx::SyncCatalog>(reduce(s, act::Tick{601.5})) == 1);
}

TEST_CASE("the schedule and the order in flight survive a session wipe") {
    AppState s = placing();
    reduce(s, act::Tick{1.0});
    act::OrderUpdate pending;
    pending.request = in_flight(s);
    pending.outbox_id = 9;
    pending.kind = act::OrderUpdate::Kind::Pending;
    reduce(s, pending);
    const Schedule before = s.schedule;
    reduce(s, act::Wipe{});
    CHECK(s.schedule.next_sync == doctest::Approx(before.next_sync));
    CHECK(s.schedule.health_in_flight == before.health_in_flight);
    REQUIRE(s.order_in_flight.has_value());
    CHECK(s.order_in_flight->outbox_id == 9);
    // Retried from Tick every 3 s while online, one attempt at a time.
    reduce(s, act::HealthChecked{true});
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{2.0})) == 0);
    const auto fx = reduce(s, act::Tick{5.5});
    REQUIRE(count_fx<fx::RetryOrder>(fx) == 1);
    CHECK(find_fx<fx::RetryOrder>(fx)->outbox_id == 9);
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{20.0})) == 0);  // the attempt has not reported
    reduce(s, pending);  // reported at 20: the next attempt 3 s later
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{21.0})) == 0);
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{23.5})) == 1);
    // Not while the API is unreachable.
    reduce(s, pending);
    reduce(s, act::Online{false});
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{60.0})) == 0);
}

TEST_CASE("the store identity: SetStore once when it changes, not again for the same store") {
    AppState s;
    auto fx = reduce(s, act::Identity{"kiosk-1", "paris-rivoli"});
    REQUIRE(count_fx<fx::SetStore>(fx) == 1);
    CHECK(find_fx<fx::SetStore>(fx)->store_id == "paris-rivoli");
    CHECK(s.store_id == "paris-rivoli");
    CHECK(reduce(s, act::Identity{"kiosk-1", "paris-rivoli"}).empty());
    CHECK(count_fx<fx::SetStore>(reduce(s, act::Identity{"kiosk-1", "lyon-part-dieu"})) == 1);
}
