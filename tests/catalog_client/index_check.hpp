#pragma once
// The replica's full-text index against the words its products are stored with: how many rows
// hold each term, from FTS5's own vocabulary (fts5vocab), equals the count computed from
// products.words. The index keeps no copy of its text, so a row removed with other words than
// those it was indexed with leaves entries behind: this is what would show it.
#include "catalog_client/replica.hpp"

#include <map>
#include <set>
#include <string>

namespace testing {

// "" when the index holds exactly the stored words; else the first term that differs.
inline std::string index_differs_from_words(catalog_client::Db& db) {
    std::map<std::string, std::int64_t> expected, indexed;
    catalog_client::DocCodec codec = catalog_client::words_codec(db);
    for (auto w = db.prepare("SELECT words FROM products"); w.step();) {
        auto text = codec.decompress(w.blob_view(0));
        if (!text) return "unreadable words";
        std::set<std::string> terms;
        std::size_t from = 0;
        while (from < text->size()) {
            std::size_t to = std::min(text->find_first_of(" \n", from), text->size());
            if (to > from) terms.insert(text->substr(from, to - from));
            from = to + 1;
        }
        for (const auto& t : terms) ++expected[t];
    }
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary USING fts5vocab(main, search, 'row')");
    for (auto v = db.prepare("SELECT term, doc FROM temp.vocabulary"); v.step();) indexed[v.text(0)] = v.integer(1);
    for (const auto& [term, n] : expected) {
        auto it = indexed.find(term);
        if (it == indexed.end() || it->second != n)
            return term + ": " + std::to_string(n) + " rows stored, " + (it == indexed.end() ? "0" : std::to_string(it->second)) + " indexed";
    }
    for (const auto& [term, n] : indexed)
        if (!expected.count(term)) return term + ": 0 rows stored, " + std::to_string(n) + " indexed";
    return "";
}

}  // namespace testing
