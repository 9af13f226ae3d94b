#pragma once
// Search and browse over the local replica: results on every keystroke, accent- and
// case-insensitive ("creme" finds "Crème"), prefix matching, one typo tolerated in words of five
// letters or more, plural and singular in French and English (stems), the names of a product's
// categories (and their ancestors') in every language, its option values with their units
// understood ("128 go" finds 128GB, "205 55 16" the tyre dimension), reference and attributes, ranked exact > prefix > fuzzy with products available in this store first
// among equals; a scanned or typed EAN, SKU or product reference finds its product first.
// Filters (category, size, colour, brand, price range, web-only, available here) and sorts
// (relevance, price, newest) with paging.
//
// Threads: a Search uses its Replica::Reader's connection: one Search per thread.

#include "catalog_client/packed_terms.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/search_query.hpp"
#include "catalog_client/search_terms.hpp"
#include "catalog_client/synonyms.hpp"
#include "catalog_client/text_fold.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace catalog_client {

struct SearchHit {
    std::string product_id;
    MatchKind match = MatchKind::Browse;
    std::string sku;  // the scanned variant, for a code match
    // Every word was found in the product's names, brand or categories (ranked above the same
    // match through an option or attribute).
    bool in_name = false;
};

struct SearchPage {
    std::vector<SearchHit> hits;
    std::int64_t total = 0;
    bool total_is_lower_bound = false;  // true: at least `total` results (see count_limit)
    std::optional<SearchSuggestion> suggestion;  // only for a first page of text that found nothing
    // Per typed word, what it matches exactly (itself, its stems, its synonyms): what
    // variant_matching() compares a product's variants with.
    std::vector<std::vector<std::string>> word_tokens;
};

// The SKU of the product's variant that matches the typed words best through its options ("pull
// rouge taille L": the red L), so that the result opens it; empty when no variant matches more
// of them than the others (the product opens as usual).
std::string variant_matching(const Product& product, const SearchPage& page);

struct WordPlan;  // search.cpp: one query word and what matches it

class Search {
public:
    explicit Search(Replica::Reader& reader) : reader_(reader) {}
    // `here`: ids of products available in this store (from live availability), used as the
    // tie-breaker and for the available_here filter.
    SearchPage run(const SearchQuery& query, const std::unordered_set<std::string>& here = {});
    // The retailer's synonyms (synonyms.hpp), applied to every query from now on; null: none.
    void set_synonyms(std::shared_ptr<const Synonyms> synonyms) { synonyms_ = std::move(synonyms); }

private:
    SearchPage run_once(const SearchQuery& query, const std::unordered_set<std::string>& here);
    SearchSuggestion suggest(const SearchQuery& query);
    bool load_vocabulary(Db& db);
    // The index tokens of the categories a query word names (exactly or by its stem: `exact`;
    // by a prefix of three letters or more: `prefix`), in either language.
    void category_tokens(const std::string& word, const std::vector<std::string>& stems, std::vector<std::string>& exact,
                         std::vector<std::string>& prefix) const;
    std::vector<std::string> typo_candidates(const std::string& word);
    // Category name words and synonyms one typo from `word` (at most four).
    std::vector<std::string> corrections(const std::string& word) const;
    // What `word` finds beside itself (its stems, the categories it names, its synonyms), added
    // to the plan's exact alternatives, or to its typo alternatives (with the word) when `typo`.
    void expand(const std::string& word, WordPlan& plan, bool typo) const;
    Replica::Reader& reader_;
    std::shared_ptr<const Synonyms> synonyms_;
    PackedTerms vocabulary_;                 // every indexed term, sorted; reloaded after a sync
    std::vector<std::string_view> spelled_;  // its terms of 4+ characters without digits (typos)
    std::vector<bool> term_in_name_;           // per vocabulary term: some product's name holds it
    std::unordered_map<std::string, bool> tokens_;  // the stem and category tokens the index holds, and in a name?
    // Leaves out of a word's alternatives those no product holds, and repeats.
    void prune(WordPlan& plan) const;
    std::uint64_t vocabulary_of_ = 0;
    bool indexed_ = false;  // the replica has the search schema this code reads
    std::vector<std::pair<std::string, std::vector<std::string>>> typo_cache_;  // recent words
    struct CategoryWords {
        std::string id;
        bool top = false;                 // a department (no parent)
        std::string token;                // category_token(id)
        std::vector<std::string> words;   // the folded words of its names, every language
        std::vector<std::string> stems;   // their stems
    };
    std::vector<CategoryWords> categories_;  // reloaded with the vocabulary
};

// True when a and b differ by at most one insertion, deletion or substitution.
bool within_one_edit(std::string_view a, std::string_view b);

}  // namespace catalog_client
