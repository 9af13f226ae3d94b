#pragma once
// The retailer's search synonyms: groups of words that find each other ("baskets, sneakers,
// trainers"), read from a text file at start-up and applied by Search as a shopper types, so a
// change needs no catalogue sync. File format (assets/search/synonyms.txt documents it): one
// group per line, entries separated by commas, "#" starts a comment line; an entry may be
// several words ("lave-linge", "téléphone portable"): it then matches products holding all of
// them. Only one-word entries are looked up (a shopper's typed word); every entry is found.
//
// Threads: a loaded Synonyms is read-only and may be shared. Errors: load_synonyms returns a
// message naming the file and the line (too large, an empty entry, a group of one).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace catalog_client {

struct Synonyms {
    // By folded word (and by each of its stems): the other entries of its groups, each as its
    // folded words.
    std::unordered_map<std::string, std::vector<std::vector<std::string>>> of;
    std::size_t groups = 0;

    // What else `folded_word` (with `stems`) finds; empty when it is in no group.
    std::vector<std::vector<std::string>> alternatives(const std::string& folded_word,
                                                       const std::vector<std::string>& stems) const;
};

inline constexpr std::size_t kMaxSynonymsBytes = 256 * 1024;
inline constexpr std::size_t kMaxSynonymGroup = 32;  // entries in one group

// Parses the text of a synonyms file; `where` names it in messages.
std::optional<std::string> parse_synonyms(std::string_view text, const std::string& where, Synonyms& out);
std::optional<std::string> load_synonyms(const std::string& path, Synonyms& out);

}  // namespace catalog_client
