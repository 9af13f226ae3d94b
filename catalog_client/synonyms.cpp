#include "catalog_client/synonyms.hpp"

#include "catalog_client/search_terms.hpp"
#include "catalog_client/text_fold.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace catalog_client {

std::vector<std::vector<std::string>> Synonyms::alternatives(const std::string& folded_word,
                                                             const std::vector<std::string>& stems) const {
    std::vector<std::vector<std::string>> out;
    auto add_from = [&](const std::string& key) {
        auto it = of.find(key);
        if (it == of.end()) return;
        for (const auto& alt : it->second)
            if (std::find(out.begin(), out.end(), alt) == out.end() && !(alt.size() == 1 && alt[0] == folded_word))
                out.push_back(alt);
    };
    add_from(folded_word);
    for (const auto& s : stems) add_from(stem_token(s));
    return out;
}

std::vector<std::vector<std::string>> Synonyms::phrase_alternatives(const std::vector<std::string>& folded_words) const {
    std::string key;
    for (const auto& w : folded_words) key += (key.empty() ? "" : " ") + w;
    auto it = of_phrase.find(key);
    if (it == of_phrase.end()) return {};
    return it->second;
}

std::optional<std::string> parse_synonyms(std::string_view text, const std::string& where, Synonyms& out) {
    out = Synonyms{};
    if (text.size() > kMaxSynonymsBytes)
        return where + ": over " + std::to_string(kMaxSynonymsBytes / 1024) + " KiB";
    std::size_t line_no = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#') continue;
        const std::string at = where + ":" + std::to_string(line_no);
        constexpr std::string_view kIgnore = "ignore:";
        if (line.substr(first, kIgnore.size()) == kIgnore) {
            for (auto& w : words_of(line.substr(first + kIgnore.size()), 64)) out.ignored.insert(std::move(w));
            continue;
        }
        std::vector<std::vector<std::string>> group;
        for (std::size_t i = 0; i <= line.size();) {
            std::size_t comma = line.find(',', i);
            if (comma == std::string_view::npos) comma = line.size();
            std::vector<std::string> words = words_of(line.substr(i, comma - i), 8);
            if (words.empty()) return at + ": an empty entry (two commas, or a comma at the end)";
            if (std::find(group.begin(), group.end(), words) == group.end()) group.push_back(std::move(words));
            i = comma + 1;
        }
        if (group.size() < 2) return at + ": a group needs at least two entries, separated by commas";
        if (group.size() > kMaxSynonymGroup) return at + ": more than " + std::to_string(kMaxSynonymGroup) + " entries in one group";
        ++out.groups;
        for (const auto& entry : group) {
            if (entry.size() != 1) {  // a phrase: looked up as the words typed one after the other
                std::string key;
                for (const auto& w : entry) key += (key.empty() ? "" : " ") + w;
                auto& list = out.of_phrase[key];
                for (const auto& other : group)
                    if (other != entry && std::find(list.begin(), list.end(), other) == list.end()) list.push_back(other);
                out.longest_phrase = std::max(out.longest_phrase, entry.size());
                continue;
            }
            std::vector<std::string> keys = {entry[0]};
            for (const auto& s : stems_of(entry[0])) keys.push_back(stem_token(s));
            for (const auto& key : keys)
                for (const auto& other : group)
                    if (other != entry) {
                        auto& list = out.of[key];
                        if (std::find(list.begin(), list.end(), other) == list.end()) list.push_back(other);
                    }
        }
    }
    return std::nullopt;
}

std::optional<std::string> load_synonyms(const std::string& path, Synonyms& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "cannot read the synonyms file " + path;
    std::string text;
    text.resize(kMaxSynonymsBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse_synonyms(text, path, out);
}

}  // namespace catalog_client
