// Search quality over a replica synced from the reference server: accents, capitals, prefixes,
// one typo, ranking, codes, filters, sorts and paging.
#include "client_fixture.hpp"
#include "central_api/catalog.hpp"
#include "central_api/demo/mutate.hpp"
#include "catalog_client/search.hpp"
#include "catalog_client/search_terms.hpp"
#include "catalog_client/synonyms.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

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

TEST_CASE("the packed vocabulary reads back its terms and is searched like a sorted vector") {
    const std::vector<std::string> sorted = {"", "a", "ab", "abc", "b", "laine", "lainage", "pull", "ref0000001", "ref0000002"};
    std::vector<std::string> terms = sorted;
    std::sort(terms.begin(), terms.end());
    PackedTerms packed;
    for (const auto& t : terms) packed.push_back(t);
    packed.shrink_to_fit();
    REQUIRE(packed.size() == terms.size());
    for (std::size_t i = 0; i < terms.size(); ++i) CHECK(packed[i] == terms[i]);
    CHECK(std::vector<std::string>(packed.begin(), packed.end()) == terms);
    for (const std::string w : {"", "a", "ab", "abd", "lain", "laine", "pullover", "ref", "ref0000002", "zz"}) {
        CAPTURE(w);
        const auto expected = std::lower_bound(terms.begin(), terms.end(), w) - terms.begin();
        CHECK(std::lower_bound(packed.begin(), packed.end(), w) - packed.begin() == expected);
        CHECK(std::binary_search(packed.begin(), packed.end(), w) == std::binary_search(terms.begin(), terms.end(), w));
    }
    auto it = std::lower_bound(packed.begin(), packed.end(), std::string("lai"));
    CHECK(it->compare(0, 3, "lai") == 0);
    CHECK(*(it + 1) == "laine");
    packed.clear();
    CHECK(packed.empty());
    CHECK(packed.begin() == packed.end());
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

// Every exact or prefix hit has the word in its names, brand, options, attributes or the names
// of its categories.
bool all_names_contain(Replica::Reader& reader, const SearchPage& page, const std::string& folded_word) {
    std::map<std::string, std::string> category_names;
    for (const auto& c : reader.categories()) category_names[c.id] = fold(c.name.text("fr") + " " + c.name.text("en"));
    for (const auto& hit : page.hits) {
        if (hit.match == MatchKind::Fuzzy) continue;  // a typo match spells it otherwise
        auto p = reader.product(hit.product_id);
        std::string text = fold(p->name.text("fr") + " " + p->name.text("en") + " " + p->brand);
        for (const auto& v : p->variants)
            for (const auto& [k, val] : v.options) text += " " + fold(val);
        for (const auto& c : p->category_ids) text += " " + category_names[c];
        for (const auto& [lang, attrs] : p->attributes)
            for (const auto& [k, val] : attrs) text += " " + fold(val);
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
    // Each filter: every result satisfies it, and the unfiltered results hold some that do not
    // (the filter visibly removed something).
    auto has_size = [&](const std::string& id, const std::string& size) {
        auto p = reader.product(id);
        for (const auto& v : p->variants)
            if (auto it = v.options.find("size"); it != v.options.end() && it->second == size) return true;
        return false;
    };
    q.size = "42";
    auto size42 = search.run(q);
    REQUIRE(size42.total > 0);
    CHECK(size42.total < shoes.total);
    for (const auto& hit : size42.hits) CHECK(has_size(hit.product_id, "42"));
    CHECK(std::any_of(shoes.hits.begin(), shoes.hits.end(), [&](const SearchHit& h) { return !has_size(h.product_id, "42"); }));

    auto lowest_price = [&](const std::string& id) {
        auto p = reader.product(id);
        std::int64_t min_price = INT64_MAX;
        for (const auto& v : p->variants) min_price = std::min(min_price, v.online_price.amount);
        return min_price;
    };
    SearchQuery everything;
    everything.limit = 500;
    auto all_products = search.run(everything);
    REQUIRE(all_products.hits.size() == 300);
    q = everything;
    q.price_max = 2000;
    auto cheap = search.run(q);
    REQUIRE_FALSE(cheap.hits.empty());
    for (const auto& hit : cheap.hits) CHECK(lowest_price(hit.product_id) <= 2000);
    CHECK(std::any_of(all_products.hits.begin(), all_products.hits.end(), [&](const SearchHit& h) { return lowest_price(h.product_id) > 2000; }));

    auto web_only = [&](const std::string& id) {
        auto p = reader.product(id);
        return std::all_of(p->variants.begin(), p->variants.end(), [](const Variant& v) { return v.online_only; });
    };
    q = everything;
    q.web_only = true;
    auto web = search.run(q);
    REQUIRE_FALSE(web.hits.empty());
    for (const auto& hit : web.hits) CHECK(web_only(hit.product_id));
    CHECK(web.total < all_products.total);
    CHECK(std::any_of(all_products.hits.begin(), all_products.hits.end(), [&](const SearchHit& h) { return !web_only(h.product_id); }));

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

namespace {
std::int64_t rowid_of(Replica& replica, const std::string& id) {
    Db db(replica.db_path(), Db::Mode::ReadOnly);
    auto st = db.prepare("SELECT rowid FROM products WHERE id = ?");
    st.bind(1, id);
    return st.step() ? st.integer(0) : 0;
}
}  // namespace

TEST_CASE("top-k relevance: pages are slices of the whole ranking, classes then here then catalogue order") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    for (const char* typed : {"p", "pu", "pull", "pull b", "merinox", "chemi", "t shirt", "c"}) {
        CAPTURE(typed);
        SearchQuery all = text(typed, 500);
        all.count_limit = 0;
        auto whole = search.run(all);
        REQUIRE(whole.total > 0);
        CHECK_FALSE(whole.total_is_lower_bound);
        CHECK(whole.total == static_cast<std::int64_t>(whole.hits.size()));
        // Here: one product from the end of each class moves to the front of its class.
        std::unordered_set<std::string> here;
        // A class: how every word matched (exact, prefix, typo) and whether all in the name.
        auto class_of = [](const SearchHit& h) { return std::make_pair(h.match, h.in_name); };
        for (std::size_t i = 0; i + 1 < whole.hits.size(); ++i)
            if (class_of(whole.hits[i]) != class_of(whole.hits[i + 1])) here.insert(whole.hits[i].product_id);
        here.insert(whole.hits.back().product_id);
        here.insert("P9999999");  // unknown ids are ignored
        auto ranked = search.run(all, here);
        REQUIRE(ranked.hits.size() == whole.hits.size());
        for (std::size_t i = 1; i < ranked.hits.size(); ++i) {
            const auto &a = ranked.hits[i - 1], &b = ranked.hits[i];
            REQUIRE(class_of(a) >= class_of(b));
            if (class_of(a) != class_of(b)) continue;
            bool here_a = here.count(a.product_id) > 0, here_b = here.count(b.product_id) > 0;
            CHECK((here_a || !here_b));  // here first within a class
            if (here_a == here_b) CHECK(rowid_of(s.replica, a.product_id) < rowid_of(s.replica, b.product_id));
        }
        // Pages of 7 read with the same `here` are slices of the whole ranking.
        for (int offset : {0, 7, 21, 49}) {
            SearchQuery part = all;
            part.offset = offset;
            part.limit = 7;
            part.count_limit = 1000;
            auto slice = search.run(part, here);
            CHECK(slice.total == ranked.total);
            for (std::size_t i = 0; i < slice.hits.size(); ++i) {
                REQUIRE(static_cast<std::size_t>(offset) + i < ranked.hits.size());
                CHECK(slice.hits[i].product_id == ranked.hits[static_cast<std::size_t>(offset) + i].product_id);
                CHECK(class_of(slice.hits[i]) == class_of(ranked.hits[static_cast<std::size_t>(offset) + i]));
            }
        }
        // The same through the path that reads every match (a sort other than relevance falls
        // back to relevance among equal prices): the same set of products and match kinds.
        SearchQuery by_price = all;
        by_price.sort = SortOrder::PriceAscending;
        auto priced = search.run(by_price, here);
        CHECK(priced.total == ranked.total);
        std::map<std::string, std::pair<MatchKind, bool>> kinds;
        for (const auto& h : ranked.hits) kinds[h.product_id] = class_of(h);
        for (const auto& h : priced.hits) CHECK(kinds[h.product_id] == class_of(h));
    }
}

TEST_CASE("totals are counted up to a bound, then reported as a lower bound") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    SearchQuery q;  // browse everything: 300 products
    q.limit = 5;
    q.count_limit = 0;
    auto exact = search.run(q);
    CHECK(exact.total == 300);
    CHECK_FALSE(exact.total_is_lower_bound);
    q.count_limit = 40;
    auto bounded = search.run(q);
    CHECK(bounded.total == 40);
    CHECK(bounded.total_is_lower_bound);
    CHECK(bounded.hits.size() == 5);
    // Paging past the bound still says there is more than the page.
    q.offset = 100;
    auto deep = search.run(q);
    CHECK(deep.total >= 106);
    CHECK(deep.total_is_lower_bound);
    q.offset = 0;
    q.count_limit = 1000;
    CHECK(search.run(q).total == 300);
    CHECK_FALSE(search.run(q).total_is_lower_bound);
    // A word with few matches gets its exact count.
    auto merinos = search.run(text("merinos", 5));
    CHECK(merinos.total > 0);
    CHECK_FALSE(merinos.total_is_lower_bound);
}

TEST_CASE("available here with text: only those products, ranked by class") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    SearchQuery all = text("p", 500);
    auto whole = search.run(all);
    REQUIRE(whole.hits.size() > 10);
    std::unordered_set<std::string> here = {whole.hits[2].product_id, whole.hits[9].product_id, whole.hits.back().product_id};
    all.available_here = true;
    auto only = search.run(all, here);
    REQUIRE(only.total == 3);
    REQUIRE(only.hits.size() == 3);
    CHECK(only.hits[0].product_id == whole.hits[2].product_id);
    CHECK(only.hits[1].product_id == whole.hits[9].product_id);
    CHECK(only.hits[2].product_id == whole.hits.back().product_id);
}

TEST_CASE("an old replica layout gives empty results, and the next sync rebuilds it") {
    Synced s;
    {
        Db db(s.replica.db_path(), Db::Mode::ReadWrite);
        db.exec("DELETE FROM meta WHERE key = 'schema'");
    }
    Replica::Reader reader(s.replica);
    Search search(reader);
    CHECK(search.run(text("pull")).hits.empty());
    auto report = s.replica.sync(s.api);
    REQUIRE(report.ok());
    CHECK(report.value().full);
    CHECK_FALSE(search.run(text("pull")).hits.empty());
}

TEST_CASE("after a delta sync, changed and new products are found by their words, deleted ones are not") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    CHECK(search.run(text("pull")).total > 0);  // the vocabulary as it was, read
    auto cursor = [&] {
        Db db(s.replica.db_path(), Db::Mode::ReadOnly);
        return db.meta("cursor").value_or("");
    };
    const std::string before = cursor();
    auto mutated = central_api::mutate_catalog(s.h.db_path(), 20, 5, [&] { return s.h.now(); });
    REQUIRE(mutated.text_changes > 0);
    {
        // A word no product had before, in a product's French name.
        auto server = s.h.open_db();
        auto st = server->prepare("SELECT doc FROM products WHERE id = 'P0000012'");
        REQUIRE(st.step());
        json doc = json::parse(st.text_view(0));
        doc["name"]["fr"] = doc["name"]["fr"].get<std::string>() + " zéphyrine";
        central_api::CatalogWriter(*server).upsert(doc, s.h.now());
    }
    REQUIRE(s.replica.sync(s.api).ok());
    REQUIRE(cursor() != before);
    {
        // As a backend whose cursor did not move (Medusa's has one-second steps): the new words
        // must be found all the same.
        Db db(s.replica.db_path(), Db::Mode::ReadWrite);
        db.set_meta("cursor", before);
    }
    // The word, a prefix of it and a typo find it (the vocabulary was read again).
    for (const char* typed : {"zephyrine", "zephyrin", "zéphyrinne"}) {
        auto found = search.run(text(typed)).hits;
        CHECK_MESSAGE(std::any_of(found.begin(), found.end(), [](const SearchHit& h) { return h.product_id == "P0000012"; }),
                      std::string(typed));
    }
    auto db = s.h.open_db();
    std::set<std::string> live;
    {
        auto st = db->prepare("SELECT id FROM products");
        while (st.step()) live.insert(st.text(0));
    }
    SearchQuery everything;
    everything.limit = 500;
    everything.count_limit = 0;
    auto browse = search.run(everything);
    CHECK(browse.total == static_cast<std::int64_t>(live.size()));
    for (const auto& h : browse.hits) CHECK(live.count(h.product_id) == 1);
    // The most recently changed products: each found by the words of its French name.
    auto st = db->prepare("SELECT id, doc FROM products ORDER BY updated_at DESC LIMIT 25");
    while (st.step()) {
        auto p = parse_product(json::parse(st.text_view(1)));
        REQUIRE(p.ok());
        SearchQuery q = text(p.value().name.text("fr"), 500);
        q.count_limit = 0;
        bool found = false;
        for (const auto& h : search.run(q).hits) found = found || h.product_id == p.value().id;
        CHECK_MESSAGE(found, p.value().name.text("fr"));
    }
}

TEST_CASE("on a large catalogue the count only reads a window of the best ranks") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    SearchQuery q = text("p", 5);
    q.count_limit = 0;
    const auto all = search.run(q).total;
    REQUIRE(all > 40);
    q.count_limit = 1000;
    q.count_window = 100;  // as if the catalogue were much larger than the window
    auto windowed = search.run(q);
    CHECK(windowed.total_is_lower_bound);
    CHECK(windowed.total <= all);
    CHECK(windowed.total > 5);  // still more than the page, so paging goes on
    q.offset = 30;
    auto deep = search.run(q);
    CHECK(deep.total <= all);
    CHECK(deep.total > 35);
    q.offset = static_cast<int>(all) - 2;  // the last page: every class read to its end, exact
    auto last = search.run(q);
    CHECK_FALSE(last.total_is_lower_bound);
    CHECK(last.total == all);
    q.count_window = 0;
    q.offset = 0;
    CHECK(search.run(q).total == all);
}

TEST_CASE("measurements are read one way whether indexed or typed; stems join plural and singular") {
    auto q = [](const char* t) { return measured_words(t, 8, false); };
    using V = std::vector<std::string>;
    CHECK(q("smartphone 128 Go") == V{"smartphone", "128gb"});
    CHECK(q("128go") == V{"128gb"});
    CHECK(q("128 GB") == V{"128gb"});
    CHECK(q("tv 55 pouces") == V{"tv", "55in"});
    CHECK(q("55\"") == V{"55"});  // the inch mark alone: the number, which starts "55in"
    CHECK(q("55 in") == V{"55in"});
    CHECK(q("pneu 205/55 R16") == V{"pneu", "2055516"});
    CHECK(q("205 55 16") == V{"2055516"});
    CHECK(q("205/55r16") == V{"2055516"});
    CHECK(q("205/55 zr 16") == V{"2055516"});
    CHECK(q("2055516") == V{"2055516"});
    CHECK(q("205 55") == V{"205", "55"});  // still typing
    CHECK(q("42 L") == V{"42l"});
    CHECK(q("lit 160 x 200") == V{"lit", "160x200"});
    CHECK(q("160x200") == V{"160x200"});
    CHECK(q("body 3-6 mois") == V{"body", "3", "6m"});  // as the option value "3-6M" is read
    CHECK(q("6-12 months") == V{"6", "12m"});
    CHECK(q("4 ans") == V{"4a"});
    // The index keeps the parts too.
    CHECK(measured_words("205/55 R16", 20, true) == V{"205", "55", "r16", "16", "2055516"});
    CHECK(measured_words("128 Go", 20, true) == V{"128", "go", "128gb"});
    CHECK(measured_words("128GB", 20, true) == V{"128gb"});
    // Stems: French and English plural and singular meet; short words and numbers have none.
    auto meet = [](const V& a, const V& b) {
        return std::any_of(a.begin(), a.end(), [&](const std::string& s) { return std::find(b.begin(), b.end(), s) != b.end(); });
    };
    CHECK(stems_of("chaussures") == stems_of("chaussure"));
    CHECK(meet(stems_of("velos"), stems_of("velo")));  // French keeps the s of a short word; English does not
    CHECK(meet(stems_of("shoes"), stems_of("shoe")));
    CHECK_FALSE(meet(stems_of("chemise"), stems_of("chaussure")));
    CHECK(stems_of("tv").empty());
    CHECK(stems_of("2055516").empty());
    CHECK(stems_of("sd0000078").empty());  // references and measurements: no stem token
    CHECK(stems_of("128gb").empty());
    CHECK(is_marked_token(stem_token("velo")));
    CHECK(is_marked_token(category_token("mode-femme")));
    CHECK(category_token("mode-femme") != category_token("mode-homme"));
    for (const auto& w : words_of(category_token("mode") + " " + stem_token("velo")))
        CHECK_FALSE(is_marked_token(w));  // typed text never makes a token
}

namespace {
// Every product of the replica (browse order), at most 500.
std::vector<Product> all_products(Replica::Reader& reader, Search& search) {
    std::vector<Product> out;
    for (const auto& hit : search.run(text("", 500)).hits)
        if (auto p = reader.product(hit.product_id)) out.push_back(*p);
    return out;
}

bool finds(Search& search, const std::string& typed, const std::string& product_id) {
    for (const auto& hit : search.run(text(typed, 500)).hits)
        if (hit.product_id == product_id) return true;
    return false;
}
}  // namespace

TEST_CASE("what shoppers type: departments, plurals, capacities, screen sizes, tyre dimensions") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    const std::vector<Product> products = all_products(reader, search);
    REQUIRE(products.size() >= 100);
    std::map<std::string, Category> categories;
    for (const auto& c : reader.categories()) categories[c.id] = c;

    // A category's name finds its products even when their names do not say it (and the
    // singular finds what the plural names).
    int department_checks = 0;
    for (const Product& p : products) {
        if (department_checks >= 20) break;
        const std::string name = fold(p.name.text("fr") + " " + p.name.text("en"));
        for (const auto& cid : p.category_ids) {
            const std::vector<std::string> words = words_of(categories[cid].name.text("fr"));
            for (const std::string& w : words) {
                if (w.size() < 6 || name.find(w) != std::string::npos) continue;
                CHECK_MESSAGE(finds(search, w, p.id), w << " should find " << p.id << " (category " << cid << ")");
                if (w.back() == 's') CHECK_MESSAGE(finds(search, w.substr(0, w.size() - 1), p.id), "singular of " << w);
                ++department_checks;
                break;
            }
        }
    }
    CHECK(department_checks >= 10);

    // Option values with units, as people type them.
    int capacity = 0, screen = 0, tyre = 0;
    for (const Product& p : products)
        for (const auto& v : p.variants)
            for (const auto& [key, value] : v.options) {
                const std::string f = fold(value);
                std::size_t digits = 0;
                while (digits < f.size() && f[digits] >= '0' && f[digits] <= '9') ++digits;
                const std::string n = f.substr(0, digits);
                if (digits > 0 && f.substr(digits) == "gb" && capacity < 5) {
                    for (const std::string& typed : {n + " go", n + "gb", n + " GB", n + "Go"})
                        CHECK_MESSAGE(finds(search, typed, p.id), typed << " should find " << p.id);
                    ++capacity;
                } else if (digits > 0 && f.substr(digits) == "in" && screen < 5) {
                    for (const std::string& typed : {n + " pouces", n + "\"", n + " in", n + "in"})
                        CHECK_MESSAGE(finds(search, typed, p.id), typed << " should find " << p.id);
                    ++screen;
                } else if (value.size() == 10 && value[3] == '/' && value[6] == ' ' && value[7] == 'R' && tyre < 5) {
                    const std::string w = value.substr(0, 3), a = value.substr(4, 2), r = value.substr(8, 2);
                    for (const std::string& typed : {value, w + " " + a + " " + r, w + "/" + a + "r" + r, w + a + r})
                        CHECK_MESSAGE(finds(search, typed, p.id), typed << " should find " << p.id);
                    // Another rim does not, unless the product also comes in it.
                    const std::string other = w + "/" + a + " R" + (r == "16" ? "17" : "16");
                    const bool has_other = std::any_of(p.variants.begin(), p.variants.end(), [&](const Variant& o) {
                        auto it = o.options.find(key);
                        return it != o.options.end() && it->second == other;
                    });
                    CHECK(finds(search, other, p.id) == has_other);
                    ++tyre;
                }
            }
    CHECK(capacity > 0);
    CHECK(screen > 0);
    CHECK(tyre > 0);
}

TEST_CASE("synonyms: the retailer's file is read with clear errors, and applied as shoppers type") {
    Synonyms syn;
    CHECK(parse_synonyms("# comment\n\nbaskets, Sneakers , trainers\nlave-linge, washer\n", "s.txt", syn) == std::nullopt);
    CHECK(syn.groups == 2);
    using VV = std::vector<std::vector<std::string>>;
    const VV of_sneakers = syn.alternatives("sneakers", stems_of("sneakers"));
    CHECK(std::find(of_sneakers.begin(), of_sneakers.end(), std::vector<std::string>{"baskets"}) != of_sneakers.end());
    CHECK(std::find(of_sneakers.begin(), of_sneakers.end(), std::vector<std::string>{"trainers"}) != of_sneakers.end());
    // The singular finds the group too (by its stem); a phrase is found by all its words, and
    // looked up when its words are typed one after the other.
    CHECK_FALSE(syn.alternatives("sneaker", stems_of("sneaker")).empty());
    CHECK(syn.alternatives("washer", {}) == VV{{"lave", "linge"}});
    CHECK(syn.alternatives("lave", {}).empty());
    CHECK(syn.phrase_alternatives({"lave", "linge"}) == VV{{"washer"}});
    CHECK(syn.phrase_alternatives({"lave"}).empty());
    CHECK(syn.longest_phrase == 2);
    // Words that only say what follows.
    CHECK(parse_synonyms("ignore: Taille, pointure\nbaskets, sneakers\n", "s.txt", syn) == std::nullopt);
    CHECK(syn.ignored == std::unordered_set<std::string>{"taille", "pointure"});
    CHECK(syn.groups == 1);
    CHECK(syn.alternatives("chemise", stems_of("chemise")).empty());
    // Errors name the file and the line.
    Synonyms bad;
    CHECK(parse_synonyms("a, b\nbaskets\n", "s.txt", bad).value().find("s.txt:2") != std::string::npos);
    CHECK(parse_synonyms("a,, b\n", "s.txt", bad).value().find("s.txt:1: an empty entry") != std::string::npos);
    CHECK(parse_synonyms(std::string(300 * 1024, 'a'), "s.txt", bad).value().find("KiB") != std::string::npos);
    CHECK(load_synonyms("/nonexistent/synonyms.txt", bad).value().find("/nonexistent/synonyms.txt") != std::string::npos);
    // The shipped file of the demo retailer is valid.
    CHECK(load_synonyms(std::string(KIOSK_SOURCE_DIR) + "/assets/search/synonyms.txt", bad) == std::nullopt);
    CHECK(bad.groups >= 20);

    // Applied: a word nobody's product holds finds its synonyms' products, ranked as exact.
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    std::string name_word;  // a word of a product name, six letters or more
    std::string product_id;
    for (const auto& hit : search.run(text("", 50)).hits) {
        auto p = reader.product(hit.product_id);
        for (const auto& w : words_of(p->name.text("fr")))
            if (w.size() >= 6 && std::none_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                name_word = w;
                product_id = p->id;
                break;
            }
        if (!name_word.empty()) break;
    }
    REQUIRE(!name_word.empty());
    CHECK(search.run(text("zorglub")).total == 0);
    Synonyms ours;
    REQUIRE(parse_synonyms("zorglub, " + name_word + "\n", "s.txt", ours) == std::nullopt);
    search.set_synonyms(std::make_shared<const Synonyms>(ours));
    const SearchPage page = search.run(text("zorglub"), {product_id});
    REQUIRE(page.total > 0);
    CHECK(page.total == search.run(text(name_word)).total);
    CHECK(page.hits[0].match == MatchKind::Exact);
    CHECK(page.hits[0].product_id == product_id);  // here: classified through its indexed words
    search.set_synonyms(nullptr);
    CHECK(search.run(text("zorglub")).total == 0);
}

TEST_CASE("a query that finds nothing is never a dead end: the words that find something, and categories") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    std::map<std::string, Category> categories;
    for (const auto& c : reader.categories()) categories[c.id] = c;
    // A department's name and a word that finds nothing.
    std::string department, department_word;
    for (const auto& [id, c] : categories)
        if (c.parent_id.empty())
            for (const auto& w : words_of(c.name.text("fr")))
                if (w.size() >= 4 && department.empty()) {
                    department = id;
                    department_word = w;
                }
    REQUIRE(!department.empty());
    const SearchPage none = search.run(text(department_word + " zzqxw"));
    CHECK(none.total == 0);
    REQUIRE(none.suggestion);
    CHECK(none.suggestion->text == department_word);
    CHECK(none.suggestion->total == search.run(text(department_word)).total);
    CHECK(std::find(none.suggestion->category_ids.begin(), none.suggestion->category_ids.end(), department) !=
          none.suggestion->category_ids.end());
    // Nothing matches at all: no words to offer, the departments instead.
    const SearchPage nothing = search.run(text("zzqxw"));
    REQUIRE(nothing.suggestion);
    CHECK(nothing.suggestion->text.empty());
    REQUIRE_FALSE(nothing.suggestion->category_ids.empty());
    for (const auto& id : nothing.suggestion->category_ids) CHECK(categories[id].parent_id.empty());
    // Results, a later page, or no text: no suggestion.
    CHECK_FALSE(search.run(text(department_word)).suggestion);
    SearchQuery later = text("zzqxw");
    later.offset = 48;
    CHECK_FALSE(search.run(later).suggestion);
    CHECK_FALSE(search.run(text("")).suggestion);
}

namespace {
// The demo retailer's synonyms file, as the kiosk loads it.
std::shared_ptr<const Synonyms> shipped_synonyms() {
    auto synonyms = std::make_shared<Synonyms>();
    REQUIRE(load_synonyms(std::string(KIOSK_SOURCE_DIR) + "/assets/search/synonyms.txt", *synonyms) == std::nullopt);
    return synonyms;
}
}  // namespace

TEST_CASE("ranking weighs where a word was found; the variant the typed words name is the one opened") {
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    search.set_synonyms(shipped_synonyms());
    std::map<std::string, std::string> category_names;
    for (const auto& c : reader.categories()) category_names[c.id] = fold(c.name.text("fr") + " " + c.name.text("en"));
    // "coton" is in some names ("en coton bio") and in other products' composition only.
    const SearchPage page = search.run(text("coton", 500));
    REQUIRE(page.total > 0);
    bool named = false, beside = false;
    for (std::size_t i = 0; i < page.hits.size(); ++i) {
        const SearchHit& h = page.hits[i];
        if (i > 0 && page.hits[i - 1].match == h.match) CHECK((page.hits[i - 1].in_name || !h.in_name));  // name first
        auto p = reader.product(h.product_id);
        std::string in_names = fold(p->name.text("fr") + " " + p->name.text("en") + " " + p->brand);
        for (const auto& c : p->category_ids) in_names += " " + category_names[c];
        if (h.match != MatchKind::Exact) continue;
        CAPTURE(in_names);
        CHECK(h.in_name == (in_names.find("coton") != std::string::npos));
        (h.in_name ? named : beside) = true;
    }
    CHECK(named);
    CHECK(beside);

    // The variant named by the typed words: a colour and a size, a capacity, a tyre dimension.
    auto check_variants = [&](const std::string& typed, const std::map<std::string, std::string>& wanted) {
        CAPTURE(typed);
        const SearchPage found = search.run(text(typed, 50));
        REQUIRE(found.total > 0);
        int chosen = 0;
        for (const auto& h : found.hits) {
            auto p = reader.product(h.product_id);
            const std::string sku = variant_matching(*p, found);
            if (sku.empty()) continue;  // every variant of this one is as good
            ++chosen;
            for (const auto& v : p->variants)
                if (v.sku == sku)
                    for (const auto& [key, value] : wanted) CHECK(v.options.at(key) == value);
        }
        CHECK(chosen > 0);
    };
    check_variants("pull rouge taille L", {{"color", "Rouge"}, {"size", "L"}});
    check_variants("smartphone 256 go", {{"capacity", "256GB"}});
    check_variants("pneu 205 55 16", {{"size", "205/55 R16"}});
    // Words that name no option: no preference, the product opens as usual.
    const SearchPage plain = search.run(text("pull", 20));
    for (const auto& h : plain.hits) CHECK(variant_matching(*reader.product(h.product_id), plain).empty());
}

TEST_CASE("typing mistakes: swapped letters, a category name or a synonym misspelt") {
    CHECK(within_one_edit("smartphnoe", "smartphone"));
    CHECK(within_one_edit("tshrit", "tshirt"));
    CHECK_FALSE(within_one_edit("tshrti", "tshirt"));
    Synced s;
    Replica::Reader reader(s.replica);
    Search search(reader);
    search.set_synonyms(shipped_synonyms());
    auto all_in = [&](const std::string& typed, const std::vector<std::string>& categories) {
        CAPTURE(typed);
        const SearchPage page = search.run(text(typed, 50));
        REQUIRE(page.total > 0);
        CHECK(page.hits[0].match == MatchKind::Fuzzy);
        for (const auto& h : page.hits) {
            auto p = reader.product(h.product_id);
            CHECK(std::any_of(categories.begin(), categories.end(), [&](const std::string& c) {
                return std::find(p->category_ids.begin(), p->category_ids.end(), c) != p->category_ids.end();
            }));
        }
    };
    all_in("chausures", {"chaussures"});                     // a department's name, one letter missing
    all_in("tshrit", {"femme-tshirts", "homme-tshirts"});    // a synonym ("tshirt"), two letters swapped
    all_in("bascket", {"chaussures-baskets"});               // a letter too many near the start of "baskets"
    // Numbers are never corrected: another size is another product.
    CHECK(search.run(text("2055517")).total == 0);
}
