// The local replica against the reference server: full sync, delta with deletions, 410 and the
// switch to a new generation with readers open (and a restart), failures that leave the
// replica in use untouched, code lookups.
#include "client_fixture.hpp"
#include "index_check.hpp"
#include "central_api/demo/mutate.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/search.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <unordered_set>

using namespace catalog_client;

namespace {
struct Fixture : testing::ClientFixture {
    std::set<std::string> server_ids() {
        std::set<std::string> ids;
        auto db = h.open_db();
        auto st = db->prepare("SELECT id FROM products");
        while (st.step()) ids.insert(st.text(0));
        return ids;
    }
    std::set<std::string> replica_ids() {
        std::set<std::string> ids;
        Db db(replica.db_path(), Db::Mode::ReadOnly);
        auto st = db.prepare("SELECT id FROM products");
        while (st.step()) ids.insert(st.text(0));
        return ids;
    }
};
}  // namespace

TEST_CASE("first sync builds the replica; codes are found by EAN, SKU and reference") {
    Fixture f;
    CHECK_FALSE(f.replica.status().exists);
    auto report = f.replica.sync(f.api, 64);
    REQUIRE(report.ok());
    CHECK(report.value().full);
    CHECK(report.value().upserts == 300);
    CHECK(report.value().pages == 5);
    auto status = f.replica.status();
    CHECK(status.exists);
    CHECK(status.products == 300);
    CHECK_FALSE(status.cursor.empty());
    CHECK(status.synced_at > 0);
    CHECK(f.replica_ids() == f.server_ids());
    CHECK_FALSE(std::filesystem::exists(f.replica.db_path() + ".new"));

    Replica::Reader reader(f.replica);
    CHECK(reader.categories().size() > 40);
    CHECK(reader.stores().size() == 42);
    auto p = reader.product("P0000010");
    REQUIRE(p);
    const Variant& v = p->variants.back();
    auto by_ean = reader.lookup_code(v.ean);
    REQUIRE(by_ean);
    CHECK(by_ean->first.id == "P0000010");
    CHECK(by_ean->second == v.sku);
    auto by_sku = reader.lookup_code(v.sku);
    REQUIRE(by_sku);
    CHECK(by_sku->second == v.sku);
    auto by_ref = reader.lookup_code(" " + p->ref + "\r\n");
    REQUIRE(by_ref);
    CHECK(by_ref->second.empty());
    CHECK_FALSE(reader.lookup_code("0000000000000"));
}

TEST_CASE("delta sync applies upserts and deletions; the replica matches the server") {
    Fixture f;
    REQUIRE(f.replica.sync(f.api).ok());
    auto mutated = central_api::mutate_catalog(f.h.db_path(), 10, 3, [&] { return f.h.now(); });
    REQUIRE(mutated.deletions > 0);
    auto report = f.replica.sync(f.api);
    REQUIRE(report.ok());
    CHECK_FALSE(report.value().full);
    CHECK(report.value().deletes == mutated.deletions);
    CHECK(report.value().upserts > 0);
    CHECK(f.replica_ids() == f.server_ids());
    // A changed price reaches the replica's document.
    auto db = f.h.open_db();
    auto st = db->prepare("SELECT id, doc FROM products ORDER BY id LIMIT 50");
    Replica::Reader reader(f.replica);
    while (st.step()) {
        auto server = parse_product(json::parse(st.text_view(1)));
        auto local = reader.product(st.text(0));
        REQUIRE(server.ok());
        REQUIRE(local);
        CHECK(local->variants[0].online_price == server.value().variants[0].online_price);
    }
}

TEST_CASE("an expired cursor (410) rebuilds the replica and swaps it in; open readers follow") {
    Fixture f;
    REQUIRE(f.replica.sync(f.api).ok());
    Replica::Reader reader(f.replica);
    CHECK(reader.product_count() == 300);
    central_api::mutate_catalog(f.h.db_path(), 5, 9, [&] { return f.h.now(); });
    f.h.advance(31 * 86400);
    auto report = f.replica.sync(f.api);
    REQUIRE(report.ok());
    CHECK(report.value().full);
    CHECK(f.replica_ids() == f.server_ids());
    CHECK(reader.product_count() == static_cast<std::int64_t>(f.server_ids().size()));
}

TEST_CASE("a failed sync leaves the replica in use untouched") {
    Fixture f;
    REQUIRE(f.replica.sync(f.api).ok());
    auto before = f.replica.status();
    // The server expires the cursor, then fails while the new replica is being built.
    central_api::mutate_catalog(f.h.db_path(), 5, 4, [&] { return f.h.now(); });
    f.h.advance(31 * 86400);
    {
        auto db = f.h.open_db();
        db->exec("DROP TABLE locations");
    }
    auto report = f.replica.sync(f.api);
    REQUIRE_FALSE(report.ok());
    auto after = f.replica.status();
    CHECK(after.cursor == before.cursor);
    CHECK(after.products == before.products);
    CHECK_FALSE(std::filesystem::exists(f.replica.db_path() + ".new"));
    Replica::Reader reader(f.replica);
    CHECK(reader.product("P0000001"));

    // With the API unreachable, the same: an error, and the replica still reads.
    Transport t{f.options()};
    CommerceApi down(t, "http://127.0.0.1:1");
    CHECK_FALSE(f.replica.sync(down).ok());
    CHECK(f.replica.status().products == before.products);
}

TEST_CASE("codes are found whatever their case") {
    Fixture f;
    REQUIRE(f.replica.sync(f.api).ok());
    Replica::Reader reader(f.replica);
    auto p = reader.product("P0000020");
    REQUIRE(p);
    std::string sku = p->variants[0].sku, ref = p->ref;
    for (auto* s : {&sku, &ref})
        for (char& c : *s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    auto by_sku = reader.lookup_code(sku);
    REQUIRE(by_sku);
    CHECK(by_sku->first.id == "P0000020");
    CHECK(by_sku->second == p->variants[0].sku);
    auto by_ref = reader.lookup_code(ref);
    REQUIRE(by_ref);
    CHECK(by_ref->first.id == "P0000020");
}

TEST_CASE("after deltas, the replica's variants and categories equal the server's (unchanged rows are kept)") {
    Fixture f;
    REQUIRE(f.replica.sync(f.api).ok());
    for (std::uint64_t seed : {11, 12, 13}) {
        central_api::mutate_catalog(f.h.db_path(), 15, seed, [&] { return f.h.now(); });
        auto report = f.replica.sync(f.api);
        REQUIRE(report.ok());
        CHECK_FALSE(report.value().full);
    }
    std::set<std::string> server_codes, replica_codes, server_categories, replica_categories;
    {
        auto db = f.h.open_db();
        auto st = db->prepare("SELECT v.sku, v.product_id, v.ean FROM variants v JOIN products p ON p.id = v.product_id");
        while (st.step()) {
            server_codes.insert(st.text(0) + "|" + st.text(1));
            const auto ean = detail::numeric_code(st.text(2));
            server_codes.insert((ean ? "#" + std::to_string(*ean) : st.text(2)) + "|" + st.text(1));
        }
        auto docs = db->prepare("SELECT doc FROM products");
        while (docs.step()) {
            auto p = parse_product(json::parse(docs.text_view(0)));
            REQUIRE(p.ok());
            for (const auto& c : p.value().category_ids) server_categories.insert(c + "|" + p.value().id);
        }
    }
    Db db(f.replica.db_path(), Db::Mode::ReadOnly);
    auto st = db.prepare("SELECT c.code, p.id FROM codes c JOIN products p ON p.rowid = c.product "
                         "UNION ALL SELECT '#' || e.code, p.id FROM eans e JOIN products p ON p.rowid = e.product");
    while (st.step()) replica_codes.insert(st.text(0) + "|" + st.text(1));
    auto cats = db.prepare("SELECT c.category_id, p.id FROM product_categories c JOIN products p ON p.rowid = c.product");
    while (cats.step()) replica_categories.insert(cats.text(0) + "|" + cats.text(1));
    CHECK(replica_codes == server_codes);
    CHECK(replica_categories == server_categories);
    // The full-text index holds each product's stored words and nothing else.
    CHECK(testing::index_differs_from_words(db) == "");
}

TEST_CASE("a full resync after 410 with readers open and reading: no error, right counts, across a restart") {
    Fixture f;
    REQUIRE(f.replica.sync(f.api).ok());
    Replica::Reader before(f.replica);  // opened on the first generation, used again at the end
    REQUIRE(before.product_count() == 300);
    // A delta leaves frames in the write-ahead log of the file in use (a reader is open).
    central_api::mutate_catalog(f.h.db_path(), 10, 21, [&] { return f.h.now(); });
    auto delta = f.replica.sync(f.api);
    REQUIRE(delta.ok());
    REQUIRE_FALSE(delta.value().full);
    CHECK(before.product_count() == static_cast<std::int64_t>(f.server_ids().size()));

    // The cursor expires; the next sync gets 410 and rebuilds while another thread reads.
    central_api::mutate_catalog(f.h.db_path(), 10, 22, [&] { return f.h.now(); });
    f.h.advance(31 * 86400);
    std::atomic<bool> synced{false};
    std::atomic<int> reads{0};
    std::string reader_error;
    Replica::Reader busy(f.replica);
    std::thread reading([&] {
        try {
            Search search(busy);
            while (!synced) {
                SearchQuery q;
                q.text = "pull";
                search.run(q);
                busy.product("P0000003");
                busy.lookup_code(busy.product("P0000004") ? busy.product("P0000004")->ref : "x");
                busy.product_count();
                ++reads;
            }
        } catch (const std::exception& e) {
            reader_error = e.what();
        }
    });
    auto report = f.replica.sync(f.api);
    synced = true;
    reading.join();
    REQUIRE(report.ok());
    CHECK(report.value().full);
    CHECK(reader_error.empty());
    CHECK(reads > 0);

    const auto ids = f.server_ids();
    const auto expected = static_cast<std::int64_t>(ids.size());
    auto check_reader = [&](Replica::Reader& reader) {
        CHECK(reader.product_count() == expected);
        Search search(reader);
        SearchQuery all;
        all.limit = 500;
        CHECK(search.run(all).total == expected);
        SearchQuery pull;
        pull.text = "pull";
        CHECK(search.run(pull).total > 0);
        auto p = reader.product(*ids.begin());
        REQUIRE(p);
        auto by_ref = reader.lookup_code(p->ref);
        REQUIRE(by_ref);
        CHECK(by_ref->first.id == p->id);
        CHECK(reader.stores().size() == 42);
    };
    check_reader(before);
    check_reader(busy);
    Replica::Reader fresh(f.replica);
    check_reader(fresh);

    // A restart: new objects on the same directory read the same, and the next delta works.
    {
        Replica again(f.dir.path + "/replica");
        Replica::Reader after_restart(again);
        check_reader(after_restart);
        central_api::mutate_catalog(f.h.db_path(), 5, 23, [&] { return f.h.now(); });
        auto next = again.sync(f.api);
        REQUIRE(next.ok());
        CHECK_FALSE(next.value().full);
        CHECK(after_restart.product_count() == static_cast<std::int64_t>(f.server_ids().size()));
    }
    Db db(f.replica.db_path(), Db::Mode::ReadOnly);
    auto integrity = db.prepare("PRAGMA integrity_check");
    REQUIRE(integrity.step());
    CHECK(integrity.text(0) == "ok");
    CHECK(f.replica_ids() == f.server_ids());
    // One generation is left: the pointer, the lock and the files of the one in use.
    const std::string current = std::filesystem::path(f.replica.db_path()).filename().string();
    CHECK(current != "catalog-1.db");
    for (const auto& entry : std::filesystem::directory_iterator(f.dir.path + "/replica")) {
        std::string name = entry.path().filename().string();
        CAPTURE(name);
        CHECK((name == "current" || name == "sync.lock" || name.rfind(current, 0) == 0));
    }
}

TEST_CASE("typed reads: a listing's facets, and the products of SKUs forgotten when the replica changes") {
    Fixture f;
    REQUIRE(f.replica.sync(f.api).ok());
    Replica::Reader reader(f.replica);
    Db own(f.replica.db_path(), Db::Mode::ReadOnly);
    auto column = [&](const std::string& sql, const std::string& bound) {
        std::set<std::string> out;
        auto st = own.prepare(sql);
        if (!bound.empty()) st.bind(1, bound);
        while (st.step()) out.insert(st.text(0));
        return out;
    };

    // The whole catalogue: values exist, letter sizes come in their natural order.
    const ListingFacets all = reader.facets("");
    CHECK_FALSE(all.sizes.empty());
    CHECK_FALSE(all.colors.empty());
    CHECK_FALSE(all.brands.empty());
    const std::vector<std::string> order = {"XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL"};
    int last = -1;
    for (const std::string& s : all.sizes) {
        const auto at = std::find(order.begin(), order.end(), s);
        if (at == order.end()) continue;
        CHECK(static_cast<int>(at - order.begin()) > last);
        last = static_cast<int>(at - order.begin());
    }

    // One category: only its products' values, and fewer brands than the whole catalogue.
    const std::string category = *column(
        "SELECT category_id FROM product_categories GROUP BY category_id ORDER BY COUNT(*) DESC LIMIT 1", "").begin();
    const ListingFacets one = reader.facets(category);
    const auto brands = column("SELECT p.brand FROM products p JOIN product_categories c ON c.product = p.rowid "
                               "WHERE c.category_id = ?1", category);
    std::set<std::string> sizes;
    for (const auto& id : column("SELECT p.id FROM products p JOIN product_categories c ON c.product = p.rowid "
                                 "WHERE c.category_id = ?1", category)) {
        auto p = reader.product(id);
        REQUIRE(p);
        for (const auto& v : p->variants)
            if (v.options.count("size")) sizes.insert(v.options.at("size"));
    }
    REQUIRE_FALSE(one.brands.empty());
    for (const std::string& b : one.brands) CHECK(brands.count(b) == 1);
    for (const std::string& s : one.sizes) CHECK(sizes.count(s) == 1);
    CHECK(column("SELECT brand FROM products", "").size() > brands.size());  // the filter matters
    CHECK(reader.facets("no-such-category").brands.empty());

    // SKUs to products: known ones map to their product, unknown ones are left out.
    auto sku_of = [&](const std::string& product) {
        auto p = reader.product(product);
        REQUIRE(p);
        REQUIRE_FALSE(p->variants.empty());
        return p->variants.front().sku;
    };
    const auto ids = f.replica_ids();
    std::vector<std::string> picked(ids.begin(), ids.end());
    std::unordered_set<std::string> skus{"NO-SUCH-SKU"};
    for (const std::string& id : picked) skus.insert(sku_of(id));
    const auto before = reader.products_of(skus);
    CHECK(before == std::unordered_set<std::string>(picked.begin(), picked.end()));

    // A delta sync deletes some of them: the same reader no longer answers with them.
    auto mutated = central_api::mutate_catalog(f.h.db_path(), 10, 30, [&] { return f.h.now(); });
    REQUIRE(mutated.deletions > 0);
    REQUIRE(f.replica.sync(f.api).ok());
    const auto now_ids = f.replica_ids();
    std::unordered_set<std::string> expected;
    for (const std::string& id : picked)
        if (now_ids.count(id)) expected.insert(id);
    const auto after = reader.products_of(skus);
    CHECK(expected.size() < picked.size());
    CHECK(after == expected);
}

TEST_CASE("a product's sizes and colours: both forms of products.options filter exactly by variant") {
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    const std::vector<Pairs> products = {
        {{"S", "Noir"}, {"M", "Noir"}, {"S", "Bleu"}, {"M", "Bleu"}},  // a grid
        {{"S", "Noir"}, {"M", "Bleu"}},                                // pairs: no M in black
        {{"", "Rouge"}},                                               // no size
        {{"42", ""}, {"43", ""}},                                      // no colour
        {},                                                            // no variants
        {{"S\x1f", "No\x1eir"}},                                       // separators in values
    };
    CHECK(detail::encode_options(products[0]).back() == '\x1f');
    CHECK(detail::encode_options(products[1]).back() == '\x1e');
    Db db(":memory:", Db::Mode::ReadWriteCreate);
    db.exec("CREATE TABLE t(o TEXT NOT NULL)");
    for (const Pairs& pairs : products) {
        const std::string options = detail::encode_options(pairs);
        db.exec("DELETE FROM t");
        db.prepare("INSERT INTO t(o) VALUES(?)").bind(1, options).run();
        std::vector<std::string> sizes, colors;
        detail::decode_options(options, sizes, colors);
        std::set<std::string> want_sizes, want_colors;
        for (const auto& [s, c] : pairs) {
            if (!detail::option_value(s).empty()) want_sizes.insert(detail::option_value(s));
            if (!detail::option_value(c).empty()) want_colors.insert(detail::option_value(c));
        }
        CHECK(std::set<std::string>(sizes.begin(), sizes.end()) == want_sizes);
        CHECK(std::set<std::string>(colors.begin(), colors.end()) == want_colors);
        for (const std::string size : {"", "S", "M", "42", "XL", "S\x1f"})
            for (const std::string color : {"", "Noir", "Bleu", "Rouge", "Noir\x1e"}) {
                std::vector<std::string> params;
                const std::string condition = detail::options_condition("o", size, color, params);
                if (size.empty() && color.empty()) {
                    CHECK(condition.empty());
                    continue;
                }
                auto st = db.prepare("SELECT count(*) FROM t WHERE " + condition);
                for (std::size_t i = 0; i < params.size(); ++i) st.bind(static_cast<int>(i) + 1, params[i]);
                REQUIRE(st.step());
                const bool expected = std::any_of(pairs.begin(), pairs.end(), [&](const auto& pair) {
                    return (size.empty() || detail::option_value(pair.first) == detail::option_value(size)) &&
                           (color.empty() || detail::option_value(pair.second) == detail::option_value(color));
                });
                INFO("options ", options, " size ", size, " color ", color);
                CHECK((st.integer(0) == 1) == expected);
            }
    }
}
