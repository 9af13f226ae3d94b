#pragma once
// A day of business on the demo retailer: changes a share of the products (prices, texts,
// deletions, new products) and moves stock, so that delta sync, price changes and stock races
// have something to work on. Runs in one transaction: all of it happens, or none.

#include "central_api/util.hpp"

#include <string>

namespace central_api {

struct MutateReport {
    std::int64_t price_changes = 0, text_changes = 0, deletions = 0, additions = 0, stock_moves = 0;
};

// `percent` of the current product count (at least one product); deterministic for a given
// `seed` and database. Throws std::runtime_error / DbError on failure.
MutateReport mutate_catalog(const std::string& db_path, double percent, std::uint64_t seed,
                            const Clock& clock);

}  // namespace central_api
