#include "search.hpp"

#include <algorithm>
#include <unordered_map>
#include <variant>

namespace catalog_client {

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
            continue;
        }
        if (i + 1 < s.size() && (c == 0xC3 || c == 0xC5)) {
            auto n = static_cast<unsigned char>(s[i + 1]);
            const char* mapped = nullptr;
            if (c == 0xC3) {
                unsigned char low = static_cast<unsigned char>(n | 0x20);  // upper -> lower (À..Þ -> à..þ)
                switch (low) {
                    case 0xA0: case 0xA1: case 0xA2: case 0xA3: case 0xA4: case 0xA5: mapped = "a"; break;
                    case 0xA6: mapped = "ae"; break;
                    case 0xA7: mapped = "c"; break;
                    case 0xA8: case 0xA9: case 0xAA: case 0xAB: mapped = "e"; break;
                    case 0xAC: case 0xAD: case 0xAE: case 0xAF: mapped = "i"; break;
                    case 0xB1: mapped = "n"; break;
                    case 0xB2: case 0xB3: case 0xB4: case 0xB5: case 0xB6: case 0xB8: mapped = "o"; break;
                    case 0xB9: case 0xBA: case 0xBB: case 0xBC: mapped = "u"; break;
                    case 0xBD: case 0xBF: mapped = "y"; break;
                    default: break;
                }
                if (n == 0x9F) mapped = "ss";
            } else if (n == 0x92 || n == 0x93) {
                mapped = "oe";
            } else if (n == 0xB8) {
                mapped = "y";  // Ÿ
            }
            if (mapped) {
                out += mapped;
                ++i;
                continue;
            }
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string folded = fold(text), word;
    for (char ch : folded) {
        auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
            word.push_back(ch);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    if (words.size() > 8) words.resize(8);  // a query is a few words, not a text
    return words;
}

bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;  // equal, or one letter added at the end
    if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);      // substitution
    return a.substr(i) == b.substr(i + 1);                                    // insertion
}

std::vector<std::string> Search::typo_candidates(const std::string& word) {
    Db* db = reader_.db();
    std::vector<std::string> out;
    if (!db || word.size() < 5) return out;
    // Reload the vocabulary when the replica moved on (new cursor) or was swapped.
    std::uint64_t version = reinterpret_cast<std::uintptr_t>(db);
    {
        auto st = db->prepare("SELECT value FROM meta WHERE key = 'cursor'");
        if (st.step()) version ^= std::hash<std::string>{}(st.text(0));
    }
    if (version != vocabulary_of_ || vocabulary_.empty()) {
        vocabulary_.clear();
        auto st = db->prepare("SELECT term FROM search_vocab WHERE length(term) >= 4");
        while (st.step()) vocabulary_.push_back(st.text(0));
        vocabulary_of_ = version;
    }
    for (const auto& term : vocabulary_) {
        if (term == word) continue;
        bool close = within_one_edit(word, term) ||
                     (term.size() > word.size() && within_one_edit(word, std::string_view(term).substr(0, word.size())));
        if (close) out.push_back(term);
        if (out.size() >= 12) break;
    }
    return out;
}

namespace {

struct Row {
    std::int64_t rowid = 0;
    std::string id;
    std::int64_t price = 0;
    std::string updated;
    MatchKind match = MatchKind::Browse;
    bool here = false;
};

// Rowids of the index entries matching `fts`, sorted (for binary search).
std::vector<std::int64_t> rowids_matching(Db& db, const std::string& fts) {
    std::vector<std::int64_t> out;
    auto st = db.prepare("SELECT rowid FROM search WHERE search MATCH ?");
    st.bind(1, fts);
    while (st.step()) out.push_back(st.integer(0));
    if (!std::is_sorted(out.begin(), out.end())) std::sort(out.begin(), out.end());
    return out;
}

bool contains(const std::vector<std::int64_t>& sorted, std::int64_t rowid) {
    return std::binary_search(sorted.begin(), sorted.end(), rowid);
}

std::string quoted(const std::string& term) { return "\"" + term + "\""; }

}  // namespace

SearchPage Search::run(const SearchQuery& query, const std::unordered_set<std::string>& here) {
    SearchPage page;
    Db* db = reader_.db();
    if (!db) return page;
    const int limit = std::clamp(query.limit, 1, 500);
    const int offset = std::max(query.offset, 0);
    auto words = words_of(query.text);

    // A code (EAN, SKU, reference) goes straight to its product.
    std::string code_product;
    if (query.text.size() <= 64 && query.text.find_first_of("0123456789") != std::string::npos && query.offset == 0) {
        if (auto found = reader_.lookup_code(query.text)) {
            code_product = found->first.id;
            page.hits.push_back({found->first.id, MatchKind::Code, found->second});
        }
    }

    // Filters, as SQL over the products table; parameters bound in the order they appear.
    using Param = std::variant<std::string, std::int64_t>;
    std::vector<Param> params;
    std::string where = " WHERE 1";
    if (!query.category_id.empty()) {
        where += " AND p.id IN (SELECT product_id FROM product_categories WHERE category_id = ?)";
        params.emplace_back(query.category_id);
    }
    if (!query.size.empty() || !query.color.empty()) {
        where += " AND EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND (? = '' OR v.size = ?) AND (? = '' OR v.color = ?))";
        params.insert(params.end(), {Param(query.size), Param(query.size), Param(query.color), Param(query.color)});
    }
    if (!query.brand.empty()) {
        where += " AND p.brand = ?";
        params.emplace_back(query.brand);
    }
    if (query.web_only) where += " AND p.web_only = 1";
    if (query.price_min) {
        where += " AND p.min_price >= ?";
        params.emplace_back(*query.price_min);
    }
    if (query.price_max) {
        where += " AND p.min_price <= ?";
        params.emplace_back(*query.price_max);
    }

    // Per word: exact and prefix sets, and the candidates (prefix or one typo).
    std::vector<std::vector<std::int64_t>> exact, prefix;
    std::string match;
    for (const auto& w : words) {
        exact.push_back(rowids_matching(*db, quoted(w)));
        prefix.push_back(rowids_matching(*db, quoted(w) + "*"));
        std::string alternatives = quoted(w) + "*";
        for (const auto& t : typo_candidates(w)) alternatives += " OR " + quoted(t);  // whole vocabulary terms
        match += (match.empty() ? "" : " AND ") + std::string("(") + alternatives + ")";
    }

    // With words, the full-text index drives the loop (CROSS JOIN keeps that order in SQLite).
    std::string sql = match.empty() ? "SELECT p.rowid, p.id, p.min_price, p.updated_at FROM products p"
                                    : "SELECT p.rowid, p.id, p.min_price, p.updated_at FROM search s CROSS JOIN products p ON p.rowid = s.rowid";
    sql += where;
    if (!match.empty()) {
        sql += " AND s.search MATCH ?";
        params.emplace_back(match);
    }

    std::vector<Row> rows;
    auto st = db->prepare(sql);
    for (std::size_t i = 0; i < params.size(); ++i)
        std::visit([&](const auto& v) { st.bind(static_cast<int>(i + 1), v); }, params[i]);
    while (st.step()) {
        Row r;
        r.rowid = st.integer(0);
        r.id = st.text(1);
        if (r.id == code_product) continue;
        r.price = st.integer(2);
        if (query.sort == SortOrder::Newest) r.updated = st.text(3);  // only this sort needs it
        r.here = !here.empty() && here.count(r.id) > 0;
        if (query.available_here && !r.here) continue;
        if (!words.empty()) {
            MatchKind kind = MatchKind::Exact;
            for (std::size_t i = 0; i < words.size(); ++i) {
                MatchKind k = contains(exact[i], r.rowid)    ? MatchKind::Exact
                              : contains(prefix[i], r.rowid) ? MatchKind::Prefix
                                                             : MatchKind::Fuzzy;
                kind = std::min(kind, k);
            }
            r.match = kind;
        }
        rows.push_back(std::move(r));
    }
    auto relevance = [](const Row& a, const Row& b) {
        if (a.match != b.match) return a.match > b.match;
        if (a.here != b.here) return a.here;
        return a.rowid < b.rowid;
    };
    switch (query.sort) {
        case SortOrder::Relevance: std::sort(rows.begin(), rows.end(), relevance); break;
        case SortOrder::PriceAscending:
            std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return a.price != b.price ? a.price < b.price : relevance(a, b); });
            break;
        case SortOrder::PriceDescending:
            std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return a.price != b.price ? a.price > b.price : relevance(a, b); });
            break;
        case SortOrder::Newest:
            std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return a.updated != b.updated ? a.updated > b.updated : relevance(a, b); });
            break;
    }
    page.total = static_cast<std::int64_t>(rows.size()) + static_cast<std::int64_t>(page.hits.size());
    // The code match (if any) leads the first page.
    for (std::size_t i = static_cast<std::size_t>(offset); i < rows.size() && static_cast<int>(page.hits.size()) < limit; ++i)
        page.hits.push_back({rows[i].id, rows[i].match, {}});
    return page;
}

}  // namespace catalog_client
