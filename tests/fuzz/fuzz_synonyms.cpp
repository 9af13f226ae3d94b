// Fuzz target: the retailer's synonyms file (catalog_client::parse_synonyms) and what search
// makes of a shopper's typed text with it (measured words, stems, synonyms, the redaction of a
// counted search). Properties: never crashes; a file over the size cap is refused; every group
// kept has at least two entries of at most 8 non-empty words; typed text gives at most 8 words,
// none empty or holding a space; a counted search text is at most 64 bytes with no "@" and no
// run of nine digits.
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "catalog_client/search_terms.hpp"
#include "catalog_client/synonyms.hpp"
#include "catalog_client/text_fold.hpp"
#include "catalog_client/usage_log.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    catalog_client::Synonyms syn;
    const auto error = catalog_client::parse_synonyms(text, "fuzz.txt", syn);
    if (size > catalog_client::kMaxSynonymsBytes) FUZZ_CHECK(error.has_value(), "an oversized file was read");
    if (!error) {
        for (const auto& [key, alternatives] : syn.of) {
            FUZZ_CHECK(!key.empty(), "an empty key");
            for (const auto& alt : alternatives) {
                FUZZ_CHECK(!alt.empty() && alt.size() <= 8, "an entry of " + std::to_string(alt.size()) + " words");
                for (const auto& w : alt) FUZZ_CHECK(!w.empty(), "an empty word in an entry");
            }
        }
        FUZZ_CHECK(syn.longest_phrase <= 8, "a phrase of more than 8 words");
    }
    // The same bytes typed by a shopper.
    const auto words = catalog_client::measured_words(text, 8, false);
    FUZZ_CHECK(words.size() <= 8, std::to_string(words.size()) + " words from a query");
    for (const auto& w : words) {
        FUZZ_CHECK(!w.empty() && w.find(' ') == std::string::npos, "an empty word or one with a space");
        const auto stems = catalog_client::stems_of(w);
        (void)syn.alternatives(w, stems);
    }
    (void)syn.phrase_alternatives(words);
    const std::string counted = catalog_client::redact_search_text(text);
    FUZZ_CHECK(counted.size() <= 64, "a counted search of " + std::to_string(counted.size()) + " bytes");
    FUZZ_CHECK(counted.find('@') == std::string::npos, "an address kept in a counted search");
    int run = 0;
    for (char c : counted) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        FUZZ_CHECK(run < 9, "nine digits in a row kept in a counted search");
    }
    return 0;
}
