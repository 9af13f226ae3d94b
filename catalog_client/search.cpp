#include "catalog_client/search.hpp"
#include "catalog_client/search_word_plan.hpp"

#include "catalog_client/text_fold.hpp"

#include <algorithm>
#include <unordered_map>
#include <variant>

namespace catalog_client {

// How a query runs (the replica's index is described in replica.cpp):
// - The full-text index `search` holds, per product, its folded words in two columns (`name`:
//   names, brand, their stems, category tokens; `extra`: reference, options, attributes and
//   their stems); its rowid is the product's rowid, which is also the product's static rank
//   (catalogue order), so FTS5 returns matches best first and a LIMIT stops the reading early.
// - Each typed word becomes its alternatives: itself, its stems, the categories it names, its
//   synonyms, the terms it starts, the terms, category names and synonyms one typo away. Those
//   no product holds (the vocabulary and the tokens table say) are left out, and so is a word
//   its own stem token finds: each alternative costs FTS5 a seek per candidate row.
// - Relevance splits the matches into tiers, best first: exact (every word is a term of the
//   product) all in the name column, exact, prefix (every word starts a term) in the name,
//   prefix, fuzzy (some word only within one typo of a term). Tiers are read best first, each
//   as one FTS5 expression in rank order and only as far as the page needs; a tier is read only
//   when the better ones ended, so its expression includes them and their (few) rows are
//   skipped. A name tier is not run when some word is in no product's name (the vocabulary
//   knows), nor when its sibling (the same match in any column, read first) has nothing new.
// - Products available here come first within their tier: they are few (the caller's live
//   availability), so each is looked up and classified on its own, then skipped in the scans.
// - The total is counted up to a bound (count_limit), then reported as a lower bound.
// Sorts by price or date, and a very large `here` set, read every match then sort (bounded by
// the number of matches, not by the page).

namespace {

constexpr std::size_t kHereOneByOne = 2000;  // larger `here` sets take the read-everything path
constexpr std::size_t kMaxExpansion = 48;    // a longer prefix becomes an OR of at most this many terms

using Param = std::variant<std::string, std::int64_t>;

struct Row {
    std::int64_t rowid = 0;
    std::string id;
    std::int64_t price = 0;
    std::string updated;
    int tier = 0;  // tier_of(): higher is better
    bool here = false;
};


std::string fts_term(const std::string& term) { return "\"" + term + "\""; }

std::string any_of_terms(std::string first, const std::vector<std::string>& more) {
    for (const auto& t : more) first += (first.empty() ? "\"" : " OR \"") + t + "\"";
    return first;
}

// `out` OR each phrase (all its words).
std::string or_phrases(std::string out, const std::vector<std::vector<std::string>>& phrases) {
    for (const auto& phrase : phrases) {
        std::string all;
        for (const auto& word : phrase) all += (all.empty() ? "" : " AND ") + fts_term(word);
        out += (out.empty() ? "(" : " OR (") + all + ")";
    }
    return out;
}

// The word's exact alternatives as one FTS5 expression: itself (when a term), its tokens, its
// synonym phrases (all their words); empty when there are none.
std::string exact_of(const WordPlan& w) {
    return or_phrases(any_of_terms(w.is_term && !w.covered ? fts_term(w.word) : "", w.exact_tokens), w.phrases);
}


// The filters as SQL conditions over `products p`, parameters in the order they appear.
struct Filters {
    std::string sql;
    std::vector<Param> params;
};

Filters filters_of(const SearchQuery& query) {
    Filters f;
    if (!query.category_id.empty()) {
        f.sql += " AND EXISTS (SELECT 1 FROM product_categories pc WHERE pc.category_id = ? AND pc.product = p.rowid)";
        f.params.emplace_back(query.category_id);
    }
    // A variant of this size and colour (products.options, replica.hpp).
    std::vector<std::string> patterns;
    const std::string options = detail::options_condition("p.options", query.size, query.color, patterns);
    if (!options.empty()) f.sql += " AND " + options;
    for (auto& pattern : patterns) f.params.emplace_back(std::move(pattern));
    if (!query.brand.empty()) {
        f.sql += " AND p.brand = ?";
        f.params.emplace_back(query.brand);
    }
    if (query.web_only) f.sql += " AND p.web_only = 1";
    if (query.price_min) {
        f.sql += " AND p.min_price >= ?";
        f.params.emplace_back(*query.price_min);
    }
    if (query.price_max) {
        f.sql += " AND p.min_price <= ?";
        f.params.emplace_back(*query.price_max);
    }
    return f;
}

// How well a product matches, best first: every word exactly, all in its name or categories,
// then exactly with some word only in an option or attribute; the same for prefixes; then with
// a typo. Browse: no words.
struct Tier {
    MatchKind kind = MatchKind::Browse;
    bool name = false;  // every word matched in the `name` column
};
int tier_of(Tier t) { return static_cast<int>(t.kind) * 2 + (t.name ? 1 : 0); }
MatchKind kind_of_tier(int tier) { return static_cast<MatchKind>(tier / 2); }
const std::vector<Tier>& text_tiers() {
    static const std::vector<Tier> tiers = {{MatchKind::Exact, true}, {MatchKind::Exact, false}, {MatchKind::Prefix, true},
                                            {MatchKind::Prefix, false}, {MatchKind::Fuzzy, false}};
    return tiers;
}

// The FTS5 expressions of the match classes; nullopt when a class cannot match anything.
struct Classes {
    std::optional<std::string> exact, prefix, fuzzy;  // each includes the better classes
    std::optional<std::string> exact_name, prefix_name;  // the same within the `name` column
    static std::optional<std::string> either(const std::optional<std::string>& a, const std::optional<std::string>& b) {
        if (!a) return b;
        if (!b) return a;
        return "(" + *a + ") OR (" + *b + ")";
    }
    static std::optional<std::string> minus(const std::optional<std::string>& a, const std::optional<std::string>& b) {
        if (!a) return std::nullopt;
        if (!b) return a;
        return "(" + *a + ") NOT (" + *b + ")";
    }
    // This tier and the better ones.
    std::optional<std::string> upto(Tier t) const {
        switch (t.kind) {
            case MatchKind::Exact: return t.name ? exact_name : exact;
            case MatchKind::Prefix: return t.name ? either(exact, prefix_name) : prefix;
            case MatchKind::Fuzzy: return fuzzy;
            default: return std::nullopt;
        }
    }
    // This tier only.
    std::optional<std::string> only(Tier t) const {
        switch (t.kind) {
            case MatchKind::Exact: return t.name ? exact_name : minus(exact, exact_name);
            case MatchKind::Prefix: return t.name ? minus(prefix_name, exact) : minus(prefix, either(exact, prefix_name));
            case MatchKind::Fuzzy: return minus(fuzzy, prefix);
            default: return std::nullopt;
        }
    }
    const std::optional<std::string>& any() const { return fuzzy ? fuzzy : prefix ? prefix : exact; }
    bool has_name(MatchKind kind) const { return kind == MatchKind::Exact ? exact_name.has_value() : prefix_name.has_value(); }
};

Classes classes_of(const std::vector<WordPlan>& plans) {
    Classes c;
    std::string exact, prefix, fuzzy;
    bool exact_ok = true, prefix_ok = true, fuzzy_ok = true, any_typo = false;
    for (const auto& w : plans) {
        const char* sep = exact.empty() ? "" : " AND ";
        const std::string exactly = exact_of(w);
        exact_ok = exact_ok && !exactly.empty();
        exact += sep + ("(" + exactly + ")");
        std::string prefixed = any_of_terms(w.prefix, w.prefix_tokens);
        if (!exactly.empty()) prefixed = prefixed.empty() ? exactly : prefixed + " OR " + exactly;
        prefix_ok = prefix_ok && !prefixed.empty();
        prefix += sep + ("(" + prefixed + ")");
        std::string alternatives = prefixed;
        for (const auto& t : w.typos) alternatives += (alternatives.empty() ? "" : " OR ") + fts_term(t);
        alternatives = or_phrases(alternatives, w.typo_phrases);
        any_typo = any_typo || !w.typos.empty() || !w.typo_phrases.empty();
        fuzzy_ok = fuzzy_ok && !alternatives.empty();
        fuzzy += sep + ("(" + alternatives + ")");
    }
    // The name tiers only when every word may be found in a name.
    const bool named_exactly = std::all_of(plans.begin(), plans.end(), [](const WordPlan& w) { return w.name_exact; });
    // While the last word is three letters or fewer (still being typed, and matching a large
    // share of the catalogue), its prefix matches are not split by column: the name tier would
    // read most of the prefix's rows to order the first page (tens of ms at 1 000 000 products).
    const bool named_prefix = std::all_of(plans.begin(), plans.end(), [](const WordPlan& w) { return w.name_prefix; }) &&
                              (plans.empty() || plans.back().word.size() > 3 || plans.back().prefix.empty());
    if (exact_ok) {
        c.exact = exact;
        if (named_exactly) c.exact_name = "name : (" + exact + ")";
    }
    if (prefix_ok) {
        c.prefix = prefix;
        if (named_prefix) c.prefix_name = "name : (" + prefix + ")";
    }
    if (fuzzy_ok && any_typo) c.fuzzy = fuzzy;
    return c;
}

// The words of an indexed column.
std::vector<std::string_view> terms_of(std::string_view indexed) {
    std::vector<std::string_view> terms;
    for (std::size_t i = 0; i < indexed.size();) {
        std::size_t end = indexed.find(' ', i);
        if (end == std::string_view::npos) end = indexed.size();
        if (end > i) terms.push_back(indexed.substr(i, end - i));
        i = end + 1;
    }
    return terms;
}

// The best way each query word matches one of these indexed words; Browse: no match.
MatchKind match_of(const std::vector<std::string_view>& terms, const std::vector<WordPlan>& plans) {
    MatchKind kind = MatchKind::Exact;
    for (const auto& w : plans) {
        MatchKind best = MatchKind::Browse;
        for (auto t : terms) {
            auto in = [&](const std::vector<std::string>& tokens) { return std::find(tokens.begin(), tokens.end(), t) != tokens.end(); };
            if (t == w.word || in(w.exact_tokens)) best = MatchKind::Exact;
            else if (best < MatchKind::Prefix && ((!is_marked_token(t) && t.substr(0, w.word.size()) == w.word) || in(w.prefix_tokens)))
                best = MatchKind::Prefix;
            else if (best < MatchKind::Fuzzy && std::find(w.typos.begin(), w.typos.end(), t) != w.typos.end()) best = MatchKind::Fuzzy;
        }
        auto holds = [&](const std::vector<std::string>& phrase) {
            return std::all_of(phrase.begin(), phrase.end(), [&](const std::string& p) {
                return std::find(terms.begin(), terms.end(), std::string_view(p)) != terms.end();
            });
        };
        if (std::any_of(w.phrases.begin(), w.phrases.end(), holds)) best = MatchKind::Exact;
        else if (best < MatchKind::Fuzzy && std::any_of(w.typo_phrases.begin(), w.typo_phrases.end(), holds)) best = MatchKind::Fuzzy;
        if (best == MatchKind::Browse) return best;
        kind = std::min(kind, best);
    }
    return kind;
}

// The tier of a product from its two indexed columns, as the tiers' FTS5 expressions would.
Tier classify(std::string_view name, std::string_view extra, const std::vector<WordPlan>& plans) {
    std::vector<std::string_view> named = terms_of(name), all = named;
    for (auto t : terms_of(extra)) all.push_back(t);
    Tier t;
    t.kind = match_of(all, plans);
    t.name = t.kind != MatchKind::Fuzzy && t.kind != MatchKind::Browse && match_of(named, plans) == t.kind;
    return t;
}

// SELECT over the matches of `fts` (every product when null) passing the filters, in rank order.
std::string select_sql(const std::optional<std::string>* fts, const Filters& f, const std::string& columns, bool join) {
    std::string sql;
    if (!fts) sql = "SELECT " + columns + " FROM products p WHERE 1";
    else if (!join && f.sql.empty()) sql = "SELECT " + columns + " FROM search s WHERE s.search MATCH ?";
    else sql = "SELECT " + columns + " FROM search s CROSS JOIN products p ON p.rowid = s.rowid WHERE s.search MATCH ?";
    return sql + f.sql;
}

Stmt prepare_bound(Db& db, const std::string& sql, const std::optional<std::string>* fts, const Filters& f,
                   const std::vector<Param>& trailing) {
    auto st = db.prepare(sql);
    int i = 1;
    if (fts) st.bind(i++, **fts);
    for (const auto& p : f.params) std::visit([&](const auto& v) { st.bind(i++, v); }, p);
    for (const auto& p : trailing) std::visit([&](const auto& v) { st.bind(i++, v); }, p);
    return st;
}

// Rowids of the first `limit` matches (all when limit < 0), best ranked first.
std::vector<std::int64_t> first_matches(Db& db, const std::optional<std::string>* fts, const Filters& f, std::int64_t limit) {
    std::string rowid = fts ? "s.rowid" : "p.rowid";
    auto st = prepare_bound(db, select_sql(fts, f, rowid, false) + " ORDER BY " + rowid + " LIMIT ?", fts, f, {Param(limit)});
    std::vector<std::int64_t> out;
    while (st.step()) out.push_back(st.integer(0));
    return out;
}

// Every match with what the sorts need.
void all_matches(Db& db, const std::optional<std::string>* fts, const Filters& f, int tier, std::vector<Row>& out) {
    std::string rowid = fts ? "s.rowid" : "p.rowid";
    auto st = prepare_bound(db, select_sql(fts, f, rowid + ", p.id, p.min_price, p.updated_at", true), fts, f, {});
    while (st.step()) {
        Row r;
        r.rowid = st.integer(0);
        r.id = st.text(1);
        r.price = st.integer(2);
        r.updated = st.text(3);
        r.tier = tier;
        out.push_back(std::move(r));
    }
}

// How many matches there are, counting at most `bound` (all when bound <= 0), `skip` left out,
// among the ranks up to `through` (all when 0).
std::int64_t count_matches(Db& db, const std::optional<std::string>* fts, const Filters& f, std::int64_t bound,
                           std::int64_t skip, std::int64_t through) {
    std::string rowid = fts ? "s.rowid" : "p.rowid";
    Filters g = f;
    g.sql += " AND " + rowid + " != ?";
    g.params.emplace_back(skip);
    if (through > 0) {
        g.sql += " AND " + rowid + " <= ?";
        g.params.emplace_back(through);
    }
    auto st = prepare_bound(db, "SELECT count(*) FROM (" + select_sql(fts, g, "1", false) + " LIMIT ?)", fts, g,
                            {Param(bound > 0 ? bound : std::int64_t(-1))});
    return st.step() ? st.integer(0) : 0;
}

}  // namespace

SearchPage Search::run(const SearchQuery& query, const std::unordered_set<std::string>& here) {
    SearchPage page = run_once(query, here);
    // Nothing found for typed words: never a dead end (the words that do find something, and
    // the categories the words name).
    if (page.total == 0 && query.offset == 0 && !measured_words(query.text, 8, false).empty())
        page.suggestion = suggest(query);
    return page;
}

SearchSuggestion Search::suggest(const SearchQuery& query) {
    SearchSuggestion out;
    const std::vector<std::string> words = measured_words(query.text, 8, false);
    SearchQuery one = query;
    one.limit = 1;
    one.count_limit = 1000;
    std::string kept;
    for (const std::string& w : words) {
        one.text = w;
        if (run_once(one, {}).total > 0) kept += (kept.empty() ? "" : " ") + w;
        std::vector<std::string> exact, prefix;
        category_tokens(w, stems_of(w), exact, prefix);
        if (synonyms_)  // the categories its synonyms name ("sneakers": Baskets)
            for (const auto& alt : synonyms_->alternatives(w, stems_of(w)))
                if (alt.size() == 1) category_tokens(alt.front(), stems_of(alt.front()), exact, prefix);
        for (const auto& list : {exact, prefix})
            for (const auto& token : list)
                for (const CategoryWords& c : categories_)
                    if (c.token == token && out.category_ids.size() < 4 &&
                        std::find(out.category_ids.begin(), out.category_ids.end(), c.id) == out.category_ids.end())
                        out.category_ids.push_back(c.id);
    }
    if (!kept.empty() && kept.size() < fold(query.text).size()) {
        one.text = kept;
        one.count_limit = query.count_limit;
        const SearchPage with_kept = run_once(one, {});
        if (with_kept.total > 0) {
            out.text = kept;
            out.total = with_kept.total;
        }
    }
    // Nothing named: the departments, so the shopper can browse instead.
    if (out.category_ids.empty())
        for (const CategoryWords& c : categories_)
            if (c.top && out.category_ids.size() < 4) out.category_ids.push_back(c.id);
    return out;
}

SearchPage Search::run_once(const SearchQuery& query, const std::unordered_set<std::string>& here) {
    SearchPage page;
    Db* db = reader_.db();
    if (!db) return page;
    // One read transaction: one snapshot and one lock for the few statements of a keystroke.
    db->exec("BEGIN");
    struct End {
        Db& db;
        ~End() {
            try {
                db.exec("COMMIT");
            } catch (const DbError&) {
                // A read transaction has nothing to lose.
            }
        }
    } end{*db};
    if (!load_vocabulary(*db)) return page;
    const int limit = std::clamp(query.limit, 1, 500);
    const int offset = std::max(query.offset, 0);
    auto words = measured_words(query.text, 8, false);

    // A code (EAN, SKU, reference) goes straight to its product.
    std::int64_t code_rowid = 0;
    if (query.text.size() <= 64 && query.text.find_first_of("0123456789") != std::string::npos && query.offset == 0) {
        if (auto found = reader_.lookup_code(query.text)) {
            auto st = db->prepare("SELECT rowid FROM products WHERE id = ?");
            st.bind(1, found->first.id);
            if (st.step()) code_rowid = st.integer(0);
            page.hits.push_back({found->first.id, MatchKind::Code, found->second});
        }
    }
    const std::int64_t code_hits = static_cast<std::int64_t>(page.hits.size());
    const Filters filters = filters_of(query);

    // Words that only say what follows ("taille M") are left out, unless a product holds them.
    auto is_term = [&](const std::string& w) { return std::binary_search(vocabulary_.begin(), vocabulary_.end(), w); };
    if (synonyms_ && !synonyms_->ignored.empty()) {
        auto noise = [&](const std::string& w) { return synonyms_->ignored.count(w) > 0 && !is_term(w); };
        if (!std::all_of(words.begin(), words.end(), noise)) words.erase(std::remove_if(words.begin(), words.end(), noise), words.end());
    }

    // Each word's alternatives: itself, the terms it starts, the terms one typo away.
    std::vector<WordPlan> plans;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        WordPlan plan;
        // Several typed words that make one entry of the synonyms ("flip flops"): one plan, found
        // by all its words or by the other entries of its groups.
        std::size_t n = synonyms_ ? std::min(synonyms_->longest_phrase, words.size() - i) : 0;
        for (; n >= 2; --n) {
            std::vector<std::string> typed(words.begin() + static_cast<std::ptrdiff_t>(i), words.begin() + static_cast<std::ptrdiff_t>(i + n));
            auto alternatives = synonyms_->phrase_alternatives(typed);
            if (alternatives.empty()) continue;
            for (const auto& t : typed) plan.word += (plan.word.empty() ? "" : " ") + t;
            plan.phrases.push_back(typed);
            for (auto& alt : alternatives) {
                if (alt.size() > 1) {
                    plan.phrases.push_back(std::move(alt));
                } else {
                    plan.exact_tokens.push_back(alt.front());
                    expand(alt.front(), plan, false);
                }
            }
            break;
        }
        if (n >= 2) {
            prune(plan);
            plans.push_back(std::move(plan));
            i += n - 1;
            continue;
        }
        plan.word = w;
        auto first = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), w);
        auto last = first;
        while (last != vocabulary_.end() && last->compare(0, w.size(), w) == 0 &&
               static_cast<std::size_t>(last - first) <= kMaxExpansion)
            ++last;
        plan.is_term = first != vocabulary_.end() && *first == w;
        if (first == last) plan.prefix.clear();
        else if (w.size() <= 3 || static_cast<std::size_t>(last - first) > kMaxExpansion) plan.prefix = fts_term(w) + "*";  // prefix index, or too many terms
        else
            for (auto t = first; t != last; ++t) plan.prefix += (plan.prefix.empty() ? "" : " OR ") + fts_term(std::string(*t));
        expand(w, plan, false);
        // Typos: terms one edit away, and category names and synonyms one edit away with what
        // they find.
        for (auto& t : typo_candidates(w)) plan.typos.push_back(std::move(t));
        for (const auto& c : corrections(w)) expand(c, plan, true);
        std::sort(plan.typos.begin(), plan.typos.end());
        plan.typos.erase(std::unique(plan.typos.begin(), plan.typos.end()), plan.typos.end());
        prune(plan);
        plans.push_back(std::move(plan));
    }
    for (const auto& plan : plans) {
        if (plan.word.find(' ') != std::string::npos) continue;  // a several-word synonym
        std::vector<std::string> tokens = {plan.word};
        tokens.insert(tokens.end(), plan.exact_tokens.begin(), plan.exact_tokens.end());
        page.word_tokens.push_back(std::move(tokens));
    }
    const Classes classes = classes_of(plans);
    const std::vector<Tier> tiers = words.empty() ? std::vector<Tier>{Tier{}} : text_tiers();
    auto class_fts = [&](Tier t) -> std::optional<std::string> {
        return t.kind == MatchKind::Browse ? std::optional<std::string>(std::string()) : classes.only(t);
    };
    auto fts_of = [](const std::optional<std::string>& e) { return e && e->empty() ? nullptr : &e; };

    auto relevance = [](const Row& a, const Row& b) {
        if (a.tier != b.tier) return a.tier > b.tier;
        if (a.here != b.here) return a.here;
        return a.rowid < b.rowid;
    };
    std::vector<Row> rows;
    const std::size_t wanted = static_cast<std::size_t>(offset) + static_cast<std::size_t>(limit);

    if (query.sort != SortOrder::Relevance || here.size() > kHereOneByOne) {
        // Read every match, then sort.
        for (Tier t : tiers) {
            auto fts = class_fts(t);
            if (!fts) continue;
            all_matches(*db, fts_of(fts), filters, tier_of(t), rows);
        }
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [&](Row& r) {
                                      r.here = !here.empty() && here.count(r.id) > 0;
                                      return r.rowid == code_rowid || (query.available_here && !r.here);
                                  }),
                   rows.end());
        auto by = [&](auto key) {
            std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
                int c = key(a, b);
                return c != 0 ? c < 0 : relevance(a, b);
            });
        };
        switch (query.sort) {
            case SortOrder::Relevance: std::sort(rows.begin(), rows.end(), relevance); break;
            case SortOrder::PriceAscending: by([](const Row& a, const Row& b) { return a.price < b.price ? -1 : a.price > b.price; }); break;
            case SortOrder::PriceDescending: by([](const Row& a, const Row& b) { return a.price > b.price ? -1 : a.price < b.price; }); break;
            case SortOrder::Newest: by([](const Row& a, const Row& b) { return a.updated > b.updated ? -1 : a.updated < b.updated; }); break;
        }
        page.total = static_cast<std::int64_t>(rows.size()) + code_hits;
    } else {
        // Top k. First the products available here that match, classified one by one.
        std::vector<Row> here_rows;
        std::unordered_set<std::int64_t> here_rowids;
        if (!here.empty()) {
            std::string sql = words.empty() ? "SELECT p.rowid, '' FROM products p WHERE p.id = ?"
                                            : "SELECT p.rowid, p.words FROM products p WHERE p.id = ?";
            auto st = db->prepare(sql + filters.sql);
            std::string name, extra;
            for (const auto& id : here) {
                st.bind(1, id);
                int i = 2;
                for (const auto& p : filters.params) std::visit([&](const auto& v) { st.bind(i++, v); }, p);
                if (st.step() && st.integer(0) != code_rowid) {
                    Row r;
                    r.rowid = st.integer(0);
                    r.here = true;
                    Tier t;  // browsing; with words, no match unless its words read (not damaged)
                    if (!words.empty() && reader_.index_words(st.blob_view(1), name, extra)) t = classify(name, extra, plans);
                    if (t.name && !classes.has_name(t.kind)) t.name = false;  // no name tier for this query
                    r.tier = tier_of(t);
                    if (words.empty() || t.kind != MatchKind::Browse) {
                        here_rowids.insert(r.rowid);
                        here_rows.push_back(std::move(r));
                    }
                }
                st.reset();
            }
            std::sort(here_rows.begin(), here_rows.end(), relevance);
        }
        // Then each class in rank order, as far as the page needs. A class is only read when the
        // better ones were read to their end, so its query includes them (cheaper for FTS5 than
        // excluding them) and the rows already placed are skipped here.
        bool exact_total = true;
        auto next_here = here_rows.begin();
        std::unordered_set<std::int64_t> placed = here_rowids;
        if (code_rowid) placed.insert(code_rowid);
        // At most every row placed so far (better tiers, here rows, the code) comes again: each
        // tier asks for the page's end plus the code's row, whatever was placed before it.
        const std::int64_t ask = static_cast<std::int64_t>(wanted) + (code_rowid ? 1 : 0);
        // A name tier's sibling (the same match through any column) is read first: when it has
        // nothing new, neither has the name tier, whose query is then not run; else its rows
        // serve the sibling's turn.
        std::optional<std::vector<std::int64_t>> sibling;
        for (Tier t : tiers) {
            auto fts = t.kind == MatchKind::Browse ? class_fts(t) : classes.upto(t);
            for (; next_here != here_rows.end() && next_here->tier == tier_of(t); ++next_here) rows.push_back(*next_here);
            if (query.available_here || !fts) continue;
            if (rows.size() >= wanted) {
                exact_total = false;
                break;
            }
            std::size_t need = wanted - rows.size();
            std::vector<std::int64_t> found;
            if (t.name && !classes.has_name(t.kind)) continue;  // no name can match: an empty tier
            if (t.name) {
                const auto any = classes.upto(Tier{t.kind, false});
                sibling = any ? first_matches(*db, fts_of(any), filters, ask) : std::vector<std::int64_t>{};
                if (std::all_of(sibling->begin(), sibling->end(), [&](std::int64_t r) { return placed.count(r) > 0; })) continue;
                found = first_matches(*db, fts_of(fts), filters, ask);
            } else if (sibling) {
                found = std::move(*sibling);
                sibling.reset();
            } else {
                found = first_matches(*db, fts_of(fts), filters, ask);
            }
            if (static_cast<std::int64_t>(found.size()) >= ask) exact_total = false;
            for (std::int64_t rowid : found) {
                if (need == 0) break;
                if (placed.count(rowid)) continue;
                Row r;
                r.rowid = rowid;
                r.tier = tier_of(t);
                rows.push_back(std::move(r));
                placed.insert(rowid);
                --need;
            }
        }
        if (query.available_here || exact_total) {
            page.total = static_cast<std::int64_t>(query.available_here ? here_rows.size() : rows.size()) + code_hits;
        } else {
            const std::int64_t bound = query.count_limit > 0 ? std::max<std::int64_t>(query.count_limit, static_cast<std::int64_t>(wanted) + 1) : 0;
            const auto& any = words.empty() ? class_fts(Tier{}) : classes.any();
            // A sparse combination of words can make even a bounded count read long index lists:
            // the count only looks at the best `count_window` ranks of a larger catalogue.
            std::int64_t through = 0;
            if (bound > 0 && query.count_window > 0) {
                auto last = db->prepare("SELECT MAX(rowid) FROM products");
                if (last.step() && last.integer(0) > query.count_window) through = query.count_window;
            }
            std::int64_t n = count_matches(*db, fts_of(any), filters, bound, code_rowid, through);
            page.total_is_lower_bound = bound > 0 && (n >= bound || through > 0);
            // Matches were left unread, so there is at least one more than the rows placed.
            if (through > 0) n = std::max(n, static_cast<std::int64_t>(rows.size()) + 1);
            page.total = n + code_hits;
        }
        // Product ids of the page's rows only.
        auto id_of = db->prepare("SELECT id FROM products WHERE rowid = ?");
        for (std::size_t i = static_cast<std::size_t>(offset); i < rows.size() && static_cast<int>(page.hits.size()) < limit; ++i) {
            id_of.bind(1, rows[i].rowid);
            if (id_of.step()) rows[i].id = id_of.text(0);
            id_of.reset();
        }
    }
    // The code match (if any) leads the first page.
    for (std::size_t i = static_cast<std::size_t>(offset); i < rows.size() && static_cast<int>(page.hits.size()) < limit; ++i)
        page.hits.push_back({rows[i].id, kind_of_tier(rows[i].tier), {}, rows[i].tier % 2 == 1});
    return page;
}

}  // namespace catalog_client
