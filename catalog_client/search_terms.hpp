#pragma once
// What the replica's index and search share beyond folding (text_fold.hpp): the words of
// measurements understood the same way when indexed and when typed ("128 Go", "128go", "128GB"
// are all "128gb"; "55 pouces", "55in", "55 in" are "55in"; a tyre "205/55 R16", "205 55 16",
// "205/55r16" is "2055516"; "160 x 200" is "160x200"; "3-6 mois" and "3-6 months" are "3 6m" as
// "3-6M" is), French and English stems (Snowball, libstemmer) so that plural and
// singular meet, and the tokens of categories and stems that only the index holds.
//
// Threads: every function is safe from any thread (one stemmer per thread). No errors.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace catalog_client {

// Index tokens a shopper never types: they start with "§" (the FTS5 ascii tokenizer keeps
// non-ASCII bytes inside tokens, and folded query words hold none).
std::string category_token(std::string_view category_id);  // a product in that category (or below it)
std::string stem_token(std::string_view stem);              // a word with that stem
bool is_marked_token(std::string_view token);

// The folded words of `utf8` with measurements joined and their units spelled one way, and a
// tyre dimension as one word. `keep_parts`: the words they were made of are kept too (for the
// index: "205/55 R16" gives "205", "55", "r16", "16" and "2055516").
std::vector<std::string> measured_words(std::string_view utf8, std::size_t max_words, bool keep_parts);

// The French and English stems of a folded word that differ from each other (one or two); empty
// for words under four letters and for numbers.
std::vector<std::string> stems_of(const std::string& folded_word);

}  // namespace catalog_client
