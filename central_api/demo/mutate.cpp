#include "central_api/demo/mutate.hpp"

#include "central_api/catalog.hpp"
#include "central_api/demo/demo_data.hpp"
#include "central_api/demo/generator.hpp"

#include <cmath>
#include <filesystem>
#include <stdexcept>

namespace central_api {

namespace {

std::optional<json> random_product(Db& db, Rng& rng, std::int64_t next_index) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        auto doc = product_document(db, product_id_for(rng.range(1, next_index - 1)));
        if (doc) return json::parse(*doc);
    }
    return std::nullopt;
}

void change_prices(json& product, Rng& rng) {
    double factor = 0.80 + rng.unit() * 0.35;
    if (std::abs(factor - 1.0) < 0.03) factor = 0.9;
    bool store_too = rng.chance(0.5);
    for (auto& v : product["variants"]) {
        auto online = v["price"]["online"]["amount"].get<std::int64_t>();
        std::int64_t changed = shop_price(static_cast<double>(online) / 100.0 * factor);
        if (changed == online) changed += 100;
        v["price"]["online"] = money(changed);
        if (store_too) v["price"]["store"] = money(changed);
    }
}

void change_texts(json& product, Rng& rng) {
    static const Text notes[] = {{"Nouvelle collection.", "New collection."},
                                 {"Édition limitée.", "Limited edition."},
                                 {"Fabrication responsable, certifiée.", "Responsibly made, certified."}};
    const Text& note = notes[rng.range(0, 2)];
    for (const char* lang : {"fr", "en"}) {
        std::string d = product["description"][lang].get<std::string>();
        auto cut = d.find(" — ");
        if (cut != std::string::npos) d.resize(cut);
        product["description"][lang] = d + " — " + (std::string(lang) == "fr" ? note.fr : note.en);
    }
}

}  // namespace

MutateReport mutate_catalog(const std::string& db_path, double percent, std::uint64_t seed,
                            const Clock& clock) {
    if (!(percent > 0 && percent <= 100)) throw std::runtime_error("--percent must be greater than 0 and at most 100");
    std::error_code ec;
    if (!std::filesystem::exists(db_path, ec)) throw std::runtime_error("database " + db_path + " does not exist");
    Db db(db_path, Db::Mode::ReadWrite);
    if (!db.meta("schema_version")) throw std::runtime_error(db_path + " is not a central-api database");
    const std::int64_t now = clock();
    MutateReport report;
    Transaction tx(db);
    auto count = db.prepare("SELECT COUNT(*) FROM products");
    count.step();
    const std::int64_t total = count.integer(0);
    std::int64_t next_index = std::stoll(db.meta("next_product_index").value_or("1"));
    const auto base_seed = static_cast<std::uint64_t>(std::stoull(db.meta("seed").value_or("42")));
    Rng rng(seed ^ static_cast<std::uint64_t>(next_index) * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(total));
    ProductFactory factory(base_seed, now);
    CatalogWriter writer(db);
    auto put_stock = db.prepare("INSERT OR REPLACE INTO stock(sku, location_id, quantity, aisle) VALUES(?,?,?,?)");
    auto put_incoming = db.prepare("INSERT INTO incoming(sku, location_id, quantity, eta) VALUES(?,?,?,?)");

    const auto n = std::max<std::int64_t>(1, std::llround(static_cast<double>(total) * percent / 100.0));
    for (std::int64_t k = 0; k < n; ++k) {
        double r = rng.unit();
        if (r >= 0.85 || total == 0) {
            json product = factory.make(next_index++);
            writer.upsert(product, now);
            factory.stock(product, put_stock, put_incoming);
            ++report.additions;
            continue;
        }
        auto product = random_product(db, rng, next_index);
        if (!product) continue;
        if (r < 0.45) {
            change_prices(*product, rng);
            ++report.price_changes;
        } else if (r < 0.70) {
            change_texts(*product, rng);
            ++report.text_changes;
        } else {
            writer.remove((*product)["id"].get<std::string>(), now);
            ++report.deletions;
            continue;
        }
        (*product)["updated_at"] = rfc3339_paris(now);
        writer.upsert(*product, now);
    }

    // Stock moves: sales empty some shelves, deliveries fill others.
    const auto& locations = demo_locations();
    auto set_stock = db.prepare("INSERT INTO stock(sku, location_id, quantity) VALUES(?,?,?) "
                                "ON CONFLICT(sku, location_id) DO UPDATE SET quantity = excluded.quantity");
    auto drop_stock = db.prepare("DELETE FROM stock WHERE sku = ? AND location_id = ?");
    for (std::int64_t k = 0; k < n * 2; ++k) {
        auto product = random_product(db, rng, next_index);
        if (!product || (*product)["variants"].empty()) continue;
        const auto& variants = (*product)["variants"];
        const auto& v = variants[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(variants.size()) - 1))];
        const auto& loc = locations[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(locations.size()) - 1))];
        if (v["online_only"].get<bool>() && loc.kind != "warehouse") continue;
        std::int64_t qty = rng.range(0, loc.kind == "warehouse" ? 100 : 8);
        if (qty == 0) drop_stock.bind(1, v["sku"].get<std::string>()).bind(2, loc.id).run();
        else set_stock.bind(1, v["sku"].get<std::string>()).bind(2, loc.id).bind(3, qty).run();
        ++report.stock_moves;
    }
    db.set_meta("next_product_index", std::to_string(next_index));
    tx.commit();
    return report;
}

}  // namespace central_api
