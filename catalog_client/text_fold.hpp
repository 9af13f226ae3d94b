#pragma once
// How words are compared, by the replica's index and by search: UTF-8 text folded to lower case
// without accents, and cut into words. Pure functions, safe from any thread.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace catalog_client {

// Lower-case, accents removed, œ/æ spelled out: how words are compared.
std::string fold(std::string_view utf8);
// The folded words of a text (letters and digits): at most 8 (a query), or at most max_words.
std::vector<std::string> words_of(std::string_view utf8);
std::vector<std::string> words_of(std::string_view utf8, std::size_t max_words);
// Percent-encoding of everything but letters, digits and - _ . ~ (a URL's query or path part).
std::string url_encode(const std::string& text);

}  // namespace catalog_client
