#pragma once
// The demo retailer, generated deterministically from a seed into a new SQLite database:
// stores and warehouses, categories, products with variants, sparse stock and replenishments,
// kiosks with tokens, staff with PINs, customers with purchase histories. Tokens and PINs are
// derived from a random key written to FILE.demo-secrets beside the database (secrets.hpp); the
// database keeps only their hashes (SHA-256 of a token, argon2id of a PIN).
// Everything but timestamps and that key is a pure function of (seed, product count).

#include "central_api/db.hpp"
#include "central_api/demo/demo_data.hpp"
#include "central_api/util.hpp"

#include <functional>
#include <string>

namespace central_api {

struct GeneratorOptions {
    std::int64_t products = 20000;
    std::uint64_t seed = 42;
    // Cheapest argon2id parameters: for tests only (a real PIN hash costs ~20 ms on purpose).
    bool fast_pin_hash = false;
    std::function<void(const std::string&)> progress;  // optional progress lines
};

struct GenerationReport {
    std::int64_t products = 0, variants = 0, stock_rows = 0, customers = 0, purchases = 0;
    double seconds = 0;
};

// Generates into `path` (which must not exist yet), and its key into `path`.demo-secrets. The data
// is written to a temporary file next to it and renamed at the end, so a failed or interrupted
// run leaves no half database.
// Throws std::runtime_error (or DbError) with a clear message on failure.
GenerationReport generate_demo(const std::string& path, const GeneratorOptions& options,
                               const Clock& clock);

// Builds product documents and their stock; shared by the generator and `mutate`.
class ProductFactory {
public:
    ProductFactory(std::uint64_t seed, std::int64_t now);
    // The product with number `index` (1-based); its EANs come from `index` too, so they are unique.
    json make(std::int64_t index) const;
    // Inserts stock rows and replenishments for every variant of `product`.
    // Returns the number of stock rows written.
    std::int64_t stock(const json& product, Stmt& put_stock, Stmt& put_incoming) const;

private:
    const CategoryDef& pick_category(Rng& rng) const;
    std::uint64_t seed_;
    std::int64_t now_;
    std::vector<const CategoryDef*> leaves_;
    std::vector<int> cumulative_;
};

std::string product_id_for(std::int64_t index);
// Shop prices in cents: they end in ,99 below 200 € and in 9,00 above.
std::int64_t shop_price(double euros);
// The PIN hash as stored (argon2id, libsodium's string format).
std::string hash_pin(const std::string& pin, bool fast);

}  // namespace central_api
