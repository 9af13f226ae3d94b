// The demo retailer: deterministic, realistic, internally consistent.
#include "central_api/catalog.hpp"
#include "central_api/demo/generator.hpp"
#include "harness.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace central_api;

namespace {
// Every product document of a database, without the generation timestamps.
std::map<std::string, json> products_of(const std::string& path) {
    Db db(path, Db::Mode::ReadOnly);
    std::map<std::string, json> out;
    auto st = db.prepare("SELECT id, doc FROM products");
    while (st.step()) {
        json doc = json::parse(st.text_view(1));
        doc.erase("created_at");
        doc.erase("updated_at");
        out[st.text(0)] = doc;
    }
    return out;
}
bool valid_ean13(const std::string& ean) {
    return ean.size() == 13 && ean.find_first_not_of("0123456789") == std::string::npos &&
           ean13_check_digit(ean.substr(0, 12)) == ean[12] - '0';
}
}  // namespace

TEST_CASE("the same seed generates the same catalogue, another seed another one") {
    testing::TempDir dir;
    GeneratorOptions options;
    options.products = 120;
    options.seed = 99;
    options.fast_pin_hash = true;
    generate_demo(dir.path + "/a.db", options, system_clock());
    generate_demo(dir.path + "/b.db", options, system_clock());
    options.seed = 100;
    generate_demo(dir.path + "/c.db", options, system_clock());
    auto a = products_of(dir.path + "/a.db"), b = products_of(dir.path + "/b.db"), c = products_of(dir.path + "/c.db");
    CHECK(a.size() == 120);
    CHECK(a == b);
    CHECK(a != c);
    CHECK_THROWS_WITH_AS(generate_demo(dir.path + "/a.db", options, system_clock()),
                         doctest::Contains("already exists"), std::runtime_error);
}

TEST_CASE("the demo retailer looks like a real one") {
    Db db(testing::template_db(), Db::Mode::ReadOnly);
    auto count = [&](const char* sql) {
        auto st = db.prepare(sql);
        st.step();
        return st.integer(0);
    };
    CHECK(count("SELECT COUNT(*) FROM locations WHERE kind = 'store'") == 40);
    CHECK(count("SELECT COUNT(*) FROM locations WHERE kind = 'warehouse'") == 2);
    CHECK(count("SELECT COUNT(*) FROM products") == 300);
    CHECK(count("SELECT COUNT(*) FROM kiosks") == 40);
    CHECK(count("SELECT COUNT(*) FROM staff") == 120);
    CHECK(count("SELECT COUNT(*) FROM customers") >= 30);
    CHECK(count("SELECT COUNT(DISTINCT store_id) FROM purchases") > 20);
    // Sparse store stock: most variants are absent from most stores.
    double variants = static_cast<double>(count("SELECT COUNT(*) FROM variants"));
    double store_rows = static_cast<double>(count("SELECT COUNT(*) FROM stock s JOIN locations l ON l.id = s.location_id WHERE l.kind = 'store'"));
    CHECK(store_rows / (variants * 40) < 0.10);
    CHECK(store_rows > 0);
    CHECK(count("SELECT COUNT(*) FROM incoming") > 0);

    // Categories: every parent exists; every product's categories exist.
    std::set<std::string> categories;
    auto cats = db.prepare("SELECT id, parent_id FROM categories");
    while (cats.step()) categories.insert(cats.text(0));
    cats.reset();
    while (cats.step())
        if (!cats.is_null(1)) CHECK(categories.count(cats.text(1)) == 1);
    CHECK(categories.count("mode") == 1);
    CHECK(categories.count("pneus") == 1);
    CHECK(categories.count("high-tech") == 1);
    // Every product sits in one of the 7 top categories, through its ancestors.
    auto tops = db.prepare("SELECT COUNT(*) FROM categories WHERE parent_id IS NULL");
    tops.step();
    CHECK(tops.integer(0) == 7);

    std::set<std::string> eans, skus;
    int differing_channel = 0, web_only = 0, accents = 0, multi_colour = 0;
    auto st = db.prepare("SELECT doc FROM products");
    while (st.step()) {
        json p = json::parse(st.text_view(0));
        for (const auto& cid : p["category_ids"]) CHECK(categories.count(cid.get<std::string>()) == 1);
        CHECK(p["name"]["fr"].is_string());
        CHECK(p["name"]["en"].is_string());
        std::string fr = p["name"]["fr"].get<std::string>() + p["description"]["fr"].get<std::string>();
        if (fr.find("\xC3") != std::string::npos) ++accents;
        auto n = p["variants"].size();
        CHECK(n >= 1);
        CHECK(n <= 12);
        CHECK(p["images"].size() >= 1);
        for (const auto& v : p["variants"]) {
            CHECK(valid_ean13(v["ean"].get<std::string>()));
            CHECK(eans.insert(v["ean"].get<std::string>()).second);
            CHECK(skus.insert(v["sku"].get<std::string>()).second);
            CHECK(v["price"]["store"]["amount"].is_number_integer());
            CHECK(v["price"]["online"]["currency"] == "EUR");
            if (v["price"]["store"] != v["price"]["online"]) ++differing_channel;
            if (v["online_only"].get<bool>()) ++web_only;
        }
        // Every variant colour has its own front picture.
        std::set<std::string> colours, fronts;
        for (const auto& v : p["variants"])
            if (v["options"].contains("color")) colours.insert(v["options"]["color"].get<std::string>());
        for (const auto& img : p["images"]) {
            std::string url = img["url"];
            if (url.size() > 6 && url.compare(url.size() - 6, 6, "/0.jpg") == 0) {
                fronts.insert(url);
                if (img.contains("color")) CHECK(colours.count(img["color"].get<std::string>()) == 1);
            }
        }
        if (!colours.empty()) CHECK(fronts.size() == colours.size());
        if (colours.size() > 1) ++multi_colour;
    }
    CHECK(differing_channel > 0);
    CHECK(web_only > 0);
    CHECK(accents > 100);
    CHECK(multi_colour > 10);  // images differ per colour
}

TEST_CASE("stores have real coordinates, opening hours and closed days") {
    Db db(testing::template_db(), Db::Mode::ReadOnly);
    auto st = db.prepare("SELECT doc FROM locations WHERE id = 'lyon-part-dieu'");
    REQUIRE(st.step());
    json lyon = json::parse(st.text_view(0));
    CHECK(lyon["location"]["lat"].get<double>() == doctest::Approx(45.76).epsilon(0.01));
    CHECK(lyon["address"]["city"] == "Lyon");
    CHECK(lyon["opening_hours"].size() >= 6);
    CHECK(lyon["closed_dates"].size() >= 3);
    CHECK(lyon["timezone"] == "Europe/Paris");
    std::set<std::string> patterns;
    auto all = db.prepare("SELECT doc FROM locations WHERE kind = 'store'");
    while (all.step()) patterns.insert(json::parse(all.text_view(0))["opening_hours"].dump());
    CHECK(patterns.size() >= 3);  // varied opening hours
}
