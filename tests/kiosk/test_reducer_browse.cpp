// The reducer as a plain function: listings (pages, sorts, filters, facets) and scanning.
#include "reducer_fixture.hpp"

using namespace reducer_fixture;

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

TEST_CASE("a search that found nothing keeps what to offer instead; its suggestion searches again") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    reduce(s, act::SetSearchText{"sneakers zzqx"});
    cc::SearchSuggestion help;
    help.text = "sneakers";
    help.total = 104;
    help.category_ids = {"mode"};
    act::PageLoaded empty{ListingKind::Search, s.search.generation, 0, 0, {}};
    empty.suggestion = help;
    reduce(s, empty);
    REQUIRE(s.search.suggestion);
    CHECK(s.search.suggestion->text == "sneakers");
    CHECK(s.search.total == 0);
    const auto fx = reduce(s, act::SetSearchText{s.search.suggestion->text});
    CHECK(s.search_text == "sneakers");
    REQUIRE(find_fx<fx::RunSearch>(fx));
    CHECK(find_fx<fx::RunSearch>(fx)->query.text == "sneakers");
    // Results replace the suggestion.
    reduce(s, act::PageLoaded{ListingKind::Search, s.search.generation, 0, 104, {Tile{}}});
    CHECK_FALSE(s.search.suggestion);
}

namespace {
// The usage event of a search left, among the effects (nullptr: none).
const fx::Track* search_fx(const std::vector<Effect>& effects) {
    for (const Effect& e : effects)
        if (const auto* t = std::get_if<fx::Track>(&e); t && t->kind == "search") return t;
    return nullptr;
}
}  // namespace

TEST_CASE("a search is counted once, when the shopper leaves it") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    reduce(s, act::SetSearchText{"zorglub"});
    // Typing and results do not count yet.
    CHECK_FALSE(search_fx(reduce(s, act::PageLoaded{ListingKind::Search, s.search.generation, 0, 0, {}})));
    CHECK_FALSE(search_fx(reduce(s, act::SetSearchText{"zorglub b"})));
    reduce(s, act::PageLoaded{ListingKind::Search, s.search.generation, 0, 0, {}});
    // Leaving: the last text and what it found.
    auto fx = reduce(s, act::GoHome{});
    REQUIRE(search_fx(fx));
    CHECK(search_fx(fx)->detail == "zorglub b");
    CHECK(search_fx(fx)->value == 0);
    // Coming back to the same search and leaving again does not count it twice.
    reduce(s, act::OpenSearch{});
    CHECK(s.screen == Screen::Search);
    CHECK_FALSE(search_fx(reduce(s, act::GoHome{})));
    // A new search, left by opening a result: counted with its total.
    reduce(s, act::SetSearchText{"pull"});
    reduce(s, act::PageLoaded{ListingKind::Search, s.search.generation, 0, 120, {Tile{}}});
    fx = reduce(s, act::OpenProduct{"P0000001", ""});
    REQUIRE(search_fx(fx));
    CHECK(search_fx(fx)->value == 120);
    // Nothing typed, or no answer yet: nothing counted.
    reduce(s, act::OpenSearch{});
    reduce(s, act::SetSearchText{""});
    CHECK_FALSE(search_fx(reduce(s, act::GoHome{})));
    reduce(s, act::SetSearchText{"robe"});
    CHECK_FALSE(search_fx(reduce(s, act::GoHome{})));
    // The session ending on the search screen counts it.
    reduce(s, act::SetSearchText{"bottes"});
    reduce(s, act::PageLoaded{ListingKind::Search, s.search.generation, 0, 35, {Tile{}}});
    fx = reduce(s, act::Wipe{});
    REQUIRE(search_fx(fx));
    CHECK(search_fx(fx)->detail == "bottes");
}
