// Search quality over a replica synced from the reference server: accents, capitals, prefixes,
// one typo, ranking, codes, filters, sorts and paging.
#include "client_fixture.hpp"
#include "search.hpp"

#include <doctest/doctest.h>

using namespace catalog_client;

TEST_CASE("folding and edit distance") {
    CHECK(fold("Crème BRÛLÉE Œuvre") == "creme brulee oeuvre");
    CHECK(words_of("  T-shirt, col V!  ") == std::vector<std::string>{"t", "shirt", "col", "v"});
    CHECK(within_one_edit("chemise", "chemise"));
    CHECK(within_one_edit("chemse", "chemise"));
    CHECK(within_one_edit("chemisse", "chemise"));
    CHECK(within_one_edit("chamise", "chemise"));
    CHECK_FALSE(within_one_edit("chmse", "chemise"));
    CHECK_FALSE(within_one_edit("abc", "xyz"));
}

namespace {
SearchQuery text(const std::string& t, int limit = 50) {
    SearchQuery q;
    q.text = t;
    q.limit = limit;
    return q;
}

struct Synced : testing::ClientFixture {
    Synced() { REQUIRE(replica.sync(api).ok()); }
};

// Every exact or prefix hit has the word in its names, brand or options.
bool all_names_contain(Replica::Reader& reader, const SearchPage& page, const std::string& folded_word) {
    for (const auto& hit : page.hits) {
        if (hit.match == MatchKind::Fuzzy) continue;  // a typo match spells it otherwise
        auto p = reader.product(hit.product_id);
        std::string text = fold(p->name.text("fr") + " " + p->name.text("en") + " " + p->brand);
        for (const auto& v : p->variants)
            for (const auto& [k, val] : v.options) text += " " + fold(val);
        if (text.find(folded_word) == std::string::npos) {
            MESSAGE("no '" << folded_word << "' in " << text);
            return false;
        }
    }
    return true;
}
}  // namespace

TEST_CASE("accents, capitals and prefixes find the same products") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    auto plain = search.run(text("creme"));
    auto accented = search.run(text("Crème"));
    auto shouting = search.run(text("CREME"));
    REQUIRE(plain.total > 0);
    CHECK(plain.total == accented.total);
    CHECK(plain.total == shouting.total);
    CHECK(plain.hits[0].match == MatchKind::Exact);
    CHECK(all_names_contain(reader, plain, "creme"));
    auto prefix = search.run(text("chemi"));
    REQUIRE(prefix.total > 0);
    CHECK(prefix.hits[0].match == MatchKind::Prefix);
    CHECK(all_names_contain(reader, prefix, "chemi"));
    CHECK(search.run(text("zzzzqqq")).total == 0);
}

TEST_CASE("one typo in a long word is tolerated and ranked after exact matches") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    auto exact = search.run(text("merinos"));
    auto typo = search.run(text("merinox"));
    REQUIRE(exact.total > 0);
    CHECK(typo.total >= exact.total);
    CHECK(typo.hits[0].match == MatchKind::Fuzzy);
    CHECK(search.run(text("mrnos")).total == 0);  // two edits: no
    CHECK(search.run(text("lin")).total > 0);
    // Exact before prefix before fuzzy, whatever the order in the index.
    auto mixed = search.run(text("pull", 500));
    for (std::size_t i = 1; i < mixed.hits.size(); ++i) CHECK(mixed.hits[i - 1].match >= mixed.hits[i].match);
}

TEST_CASE("codes: EAN, SKU and reference find their product first") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    auto p = reader.product("P0000042");
    REQUIRE(p);
    auto by_ean = search.run(text(p->variants[0].ean));
    REQUIRE_FALSE(by_ean.hits.empty());
    CHECK(by_ean.hits[0].match == MatchKind::Code);
    CHECK(by_ean.hits[0].product_id == "P0000042");
    CHECK(by_ean.hits[0].sku == p->variants[0].sku);
    auto by_ref = search.run(text(p->ref));
    REQUIRE_FALSE(by_ref.hits.empty());
    CHECK(by_ref.hits[0].product_id == "P0000042");
}

TEST_CASE("filters, sorts, availability here and paging") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    SearchQuery q;
    q.category_id = "chaussures";
    q.sort = SortOrder::PriceAscending;
    q.limit = 500;
    auto shoes = search.run(q);
    REQUIRE(shoes.total > 5);
    std::int64_t last = -1;
    for (const auto& hit : shoes.hits) {
        auto p = reader.product(hit.product_id);
        bool in_shoes = false;
        for (const auto& c : p->category_ids) in_shoes = in_shoes || c == "chaussures";
        CHECK(in_shoes);
        std::int64_t min_price = INT64_MAX;
        for (const auto& v : p->variants) min_price = std::min(min_price, v.online_price.amount);
        CHECK(min_price >= last);
        last = min_price;
    }
    q.size = "42";
    auto size42 = search.run(q);
    CHECK(size42.total > 0);
    CHECK(size42.total <= shoes.total);
    q = {};
    q.price_max = 2000;
    for (const auto& hit : search.run(q).hits) {
        auto p = reader.product(hit.product_id);
        std::int64_t min_price = INT64_MAX;
        for (const auto& v : p->variants) min_price = std::min(min_price, v.online_price.amount);
        CHECK(min_price <= 2000);
    }
    q = {};
    q.web_only = true;
    CHECK(search.run(q).total > 0);

    // Products available here come first among equals, and the filter keeps only them.
    SearchQuery browse;
    browse.category_id = "mode";
    auto all = search.run(browse);
    REQUIRE(all.hits.size() > 3);
    std::unordered_set<std::string> here = {all.hits[3].product_id};
    CHECK(search.run(browse, here).hits[0].product_id == all.hits[3].product_id);
    browse.available_here = true;
    CHECK(search.run(browse, here).total == 1);

    // Paging: two pages of 10 are the first 20.
    SearchQuery page1;
    page1.category_id = "mode";
    page1.limit = 10;
    SearchQuery page2 = page1;
    page2.offset = 10;
    SearchQuery both = page1;
    both.limit = 20;
    auto a = search.run(page1), b = search.run(page2), ab = search.run(both);
    REQUIRE(ab.hits.size() == 20);
    for (int i = 0; i < 10; ++i) {
        CHECK(a.hits[static_cast<std::size_t>(i)].product_id == ab.hits[static_cast<std::size_t>(i)].product_id);
        CHECK(b.hits[static_cast<std::size_t>(i)].product_id == ab.hits[static_cast<std::size_t>(i + 10)].product_id);
    }
}
