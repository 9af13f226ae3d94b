#pragma once
// The retailer's search synonyms: groups of words that find each other ("baskets, sneakers,
// trainers"), read from a text file at start-up and applied by Search as a shopper types, so a
// change needs no catalogue sync. File format (assets/search/synonyms.txt documents it): one
// group per line, entries separated by commas, "#" starts a comment line; an entry may be
// several words ("lave-linge", "téléphone portable"): it then matches products holding all of
// them, and is recognised when a shopper types those words one after the other. A line
// "ignore: taille, pointure, size" lists words shoppers type that only say what follows ("taille
// M"): left out of a query unless some product holds them.
//
// Threads: a loaded Synonyms is read-only and may be shared. Errors: load_synonyms returns a
// message naming the file and the line (too large, an empty entry, a group of one).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace catalog_client {

struct Synonyms {
    // By folded word (and by each of its stems): the other entries of its groups, each as its
    // folded words.
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> of;
    // By a several-word entry's folded words joined with spaces: the other entries of its groups.
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> of_phrase;
    std::size_t longest_phrase = 0;  // words in the longest several-word entry
    std::unordered_set<std::string> ignored;  // folded words of the "ignore:" lines
    std::size_t groups = 0;

    // What else `folded_word` (with `stems`) finds; empty when it is in no group.
    std::vector<std::vector<std::string>> alternatives(const std::string& folded_word,
                                                       const std::vector<std::string>& stems) const;
    // What else these consecutive typed words find as one entry; empty when they are none.
    std::vector<std::vector<std::string>> phrase_alternatives(const std::vector<std::string>& folded_words) const;
};

inline constexpr std::size_t kMaxSynonymsBytes = 256 * 1024;
inline constexpr std::size_t kMaxSynonymGroup = 32;  // entries in one group

// Parses the text of a synonyms file; `where` names it in messages.
std::optional<std::string> parse_synonyms(std::string_view text, const std::string& where, Synonyms& out);
std::optional<std::string> load_synonyms(const std::string& path, Synonyms& out);

}  // namespace catalog_client
