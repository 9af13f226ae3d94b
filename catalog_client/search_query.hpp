#pragma once
// What a search or a listing asks for (text, filters, sort, page) and how a hit matched: plain
// data, shared by the search over the replica and the kiosk's state (which must not depend on
// SQLite).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace catalog_client {

enum class SortOrder { Relevance, PriceAscending, PriceDescending, Newest };
enum class MatchKind { Browse = 0, Fuzzy = 1, Prefix = 2, Exact = 3, Code = 4 };

struct SearchQuery {
    std::string text;
    std::string category_id, size, color, brand;
    std::optional<std::int64_t> price_min, price_max;  // online price, minor units
    bool web_only = false;
    bool available_here = false;  // needs `here`
    SortOrder sort = SortOrder::Relevance;
    int offset = 0, limit = 50;
    // Totals are counted up to max(count_limit, offset + limit + 1) matches and then marked as a
    // lower bound (SearchPage::total_is_lower_bound: "1000+"), so a short prefix on a large
    // catalogue stays cheap. 0 counts every match.
    std::int64_t count_limit = 1000;
    // With count_limit, and a catalogue larger than this, only matches among the best
    // count_window ranks are counted (the total is then a lower bound); 0: no window.
    std::int64_t count_window = 100000;
};

// When a typed query finds nothing: the words of it that do find something (empty: none does)
// and how many products they find together, and the categories its words name (else the
// departments), so the search screen is never a dead end.
struct SearchSuggestion {
    std::string text;
    std::int64_t total = 0;
    std::vector<std::string> category_ids;  // at most four
};

}  // namespace catalog_client
