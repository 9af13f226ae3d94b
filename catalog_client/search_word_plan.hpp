#pragma once
// Internal to search (search.cpp runs a query, search_words.cpp builds its words' plans): one
// word of a query and the FTS5 alternatives that match it.

#include <string>
#include <vector>

namespace catalog_client {

// One word of the query and the FTS5 alternatives that match it.
struct WordPlan {
    std::string word;
    bool is_term = false;             // some product holds it exactly
    bool covered = false;             // its stem tokens find every product holding it: not asked for itself
    bool name_exact = true, name_prefix = true;  // some product's name may match it (exactly; as a prefix)
    std::string prefix;               // exact-or-prefix alternatives; empty: no term starts with it
    std::vector<std::string> typos;   // whole terms within one edit
    std::vector<std::string> exact_tokens;   // as good as the word: its stems, the categories it names
    std::vector<std::string> prefix_tokens;  // as good as a prefix: the categories it starts the name of
    std::vector<std::vector<std::string>> phrases;  // as good as the word: synonyms of several words
    std::vector<std::vector<std::string>> typo_phrases;  // as good as a typo: the same of a word one typo away
};

}  // namespace catalog_client
