// What a typed word matches, for Search (search.hpp): the replica's vocabulary and the
// categories' names (loaded with it), stems, synonyms, typos one edit away, and the pruning of
// alternatives no product holds; and the variant a query's words name.
#include "catalog_client/search.hpp"
#include "catalog_client/search_word_plan.hpp"

#include "catalog_client/json_bounded.hpp"
#include "catalog_client/model_json.hpp"
#include "catalog_client/text_fold.hpp"

#include <algorithm>

namespace catalog_client {

bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;  // equal, or one letter added at the end
    if (a.size() == b.size())
        return a.substr(i + 1) == b.substr(i + 1) ||                                // substitution
               (i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2));  // two letters swapped
    return a.substr(i) == b.substr(i + 1);                                    // insertion
}

bool Search::load_vocabulary(Db& db) {
    // Reload the vocabulary when the replica moved on (new cursor), learned words (a backend's
    // cursor may stay the same across a sync: Medusa's has one-second steps) or was swapped.
    std::uint64_t version = reinterpret_cast<std::uintptr_t>(&db);
    for (auto st = db.prepare("SELECT key, value FROM meta WHERE key IN ('cursor', 'vocabulary')"); st.step();)
        version ^= std::hash<std::string>{}(st.text(0) + "=" + st.text(1));
    if (version == vocabulary_of_) return indexed_;
    vocabulary_.clear();
    spelled_.clear();
    typo_cache_.clear();
    vocabulary_of_ = version;
    auto schema = db.prepare("SELECT value FROM meta WHERE key = 'schema'");
    indexed_ = schema.step() && schema.text(0) == kReplicaSchema;
    if (!indexed_) return false;  // an older replica: empty results until it is synced again
    term_in_name_.clear();
    auto st = db.prepare("SELECT term, in_name FROM terms ORDER BY term");  // primary key order: no sort
    while (st.step()) {
        vocabulary_.push_back(st.text_view(0));
        term_in_name_.push_back(st.integer(1) != 0);
    }
    vocabulary_.shrink_to_fit();
    // Typos are looked for among words without digits only (a typed word with digits is never
    // corrected): a few hundred words, where the vocabulary holds every product's reference.
    spelled_.clear();
    for (std::string_view term : vocabulary_)
        if (term.size() >= 4 && term.find_first_of("0123456789") == std::string_view::npos) spelled_.push_back(term);
    // The stem and category tokens the index holds: alternatives of a word that no product
    // holds are left out of its query (each costs FTS5 a seek per candidate row).
    tokens_.clear();
    for (auto t = db.prepare("SELECT token, in_name FROM tokens"); t.step();) tokens_[t.text(0)] = t.integer(1) != 0;
    // The categories' names, matched against each query word (a few hundred: no index needed).
    categories_.clear();
    json docs = json::array();
    for (auto c = db.prepare("SELECT doc FROM categories"); c.step();) {
        auto doc = parse_json_bounded(c.text_view(0));
        if (doc.ok()) docs.push_back(std::move(doc.doc));
    }
    if (auto parsed = parse_categories(docs))
        for (const Category& c : parsed.value()) {
            CategoryWords cw;
            cw.id = c.id;
            cw.top = c.parent_id.empty();
            cw.token = category_token(c.id);
            for (const auto& [lang, name] : c.name.by_lang)
                for (auto& w : words_of(name, 16)) {
                    // "Pulls et gilets": "et" names no category.
                    static const char* const kLinkWords[] = {"et", "de", "du", "des", "la", "le", "les", "a", "d", "l", "en",
                                                             "pour", "and", "of", "the", "for", "with", "s"};
                    if (std::any_of(std::begin(kLinkWords), std::end(kLinkWords), [&](const char* k) { return w == k; })) continue;
                    for (auto& s : stems_of(w)) cw.stems.push_back(std::move(s));
                    cw.words.push_back(std::move(w));
                }
            categories_.push_back(std::move(cw));
        }
    return true;
}

void Search::category_tokens(const std::string& word, const std::vector<std::string>& stems, std::vector<std::string>& exact,
                             std::vector<std::string>& prefix) const {
    constexpr std::size_t kMaxCategories = 64;
    for (const CategoryWords& c : categories_) {
        if (exact.size() + prefix.size() >= kMaxCategories) break;
        const bool named = std::find(c.words.begin(), c.words.end(), word) != c.words.end() ||
                           std::any_of(stems.begin(), stems.end(), [&](const std::string& s) {
                               return std::find(c.stems.begin(), c.stems.end(), s) != c.stems.end();
                           });
        if (named) {
            exact.push_back(c.token);
        } else if (word.size() >= 3 && std::any_of(c.words.begin(), c.words.end(), [&](const std::string& w) {
                       return w.size() > word.size() && w.compare(0, word.size(), word) == 0;
                   })) {
            prefix.push_back(c.token);
        }
    }
}

std::string variant_matching(const Product& product, const SearchPage& page) {
    if (page.word_tokens.empty() || product.variants.size() < 2) return {};
    std::string best;
    std::size_t best_score = 0, scores_seen = 0, lowest = SIZE_MAX;
    for (const Variant& v : product.variants) {
        // The variant's words, as the index holds them: option values with their measurements
        // understood, colour labels, and their stems.
        std::vector<std::string> words;
        for (const auto& [key, value] : v.options) {
            for (auto& w : measured_words(value, 32, true)) words.push_back(std::move(w));
            if (auto it = v.labels.find(key); it != v.labels.end())
                for (const auto& [lang, label] : it->second.by_lang)
                    for (auto& w : measured_words(label, 32, true)) words.push_back(std::move(w));
        }
        const std::size_t plain = words.size();
        for (std::size_t i = 0; i < plain; ++i)
            for (const auto& stem : stems_of(words[i])) words.push_back(stem_token(stem));
        std::size_t score = 0;
        for (const auto& tokens : page.word_tokens)
            if (std::any_of(tokens.begin(), tokens.end(),
                            [&](const std::string& t) { return std::find(words.begin(), words.end(), t) != words.end(); }))
                ++score;
        ++scores_seen;
        lowest = std::min(lowest, score);
        if (score > best_score) {
            best_score = score;
            best = v.sku;
        }
    }
    // Every variant matching as well as the others: no preference.
    return scores_seen > 0 && best_score > lowest ? best : std::string();
}

namespace {
// A typed word (five letters or more) is one typo away from a word, or from the start of a
// longer one ("bascket" from "baskets", "chausur" from "chaussures").
bool one_typo_from(const std::string& word, std::string_view term) {
    if (within_one_edit(word, term)) return true;
    for (std::size_t length : {word.size() - 1, word.size(), word.size() + 1})
        if (length < term.size() && within_one_edit(word, term.substr(0, length))) return true;
    return false;
}
bool typo_tolerant(const std::string& word) {
    // No typos in numbers: a size, capacity or tyre dimension one digit off is another one.
    return word.size() >= 5 && word.find_first_of("0123456789") == std::string::npos;
}
}  // namespace

std::vector<std::string> Search::corrections(const std::string& word) const {
    std::vector<std::string> out;
    if (!typo_tolerant(word)) return out;
    auto consider = [&](const std::string& w) {
        if (out.size() < 4 && w.size() >= 4 && w != word && one_typo_from(word, w) && std::find(out.begin(), out.end(), w) == out.end())
            out.push_back(w);
    };
    for (const CategoryWords& c : categories_)
        for (const auto& w : c.words) consider(w);
    if (synonyms_)
        for (const auto& [key, alternatives] : synonyms_->of)
            if (!is_marked_token(key)) consider(key);
    return out;
}

void Search::expand(const std::string& word, WordPlan& plan, bool typo) const {
    std::vector<std::string>& exact = typo ? plan.typos : plan.exact_tokens;
    std::vector<std::string> ignored;
    std::vector<std::string>& prefix = typo ? ignored : plan.prefix_tokens;
    if (typo) exact.push_back(word);
    const std::vector<std::string> stems = stems_of(word);
    for (const auto& s : stems) exact.push_back(stem_token(s));
    category_tokens(word, stems, exact, prefix);
    // The retailer's synonyms: each other entry of the word's groups, with its stems and the
    // categories it names; a phrase needs all its words.
    if (!synonyms_) return;
    for (auto& alt : synonyms_->alternatives(word, stems)) {
        if (alt.size() > 1) {
            (typo ? plan.typo_phrases : plan.phrases).push_back(std::move(alt));
            continue;
        }
        const std::string& a = alt.front();
        exact.push_back(a);
        const std::vector<std::string> alt_stems = stems_of(a);
        for (const auto& s : alt_stems) exact.push_back(stem_token(s));
        category_tokens(a, alt_stems, exact, ignored);
    }
}

void Search::prune(WordPlan& plan) const {
    auto exists = [&](const std::string& t) {
        if (is_marked_token(t)) return tokens_.count(t) > 0;
        return std::binary_search(vocabulary_.begin(), vocabulary_.end(), t);
    };
    auto keep_existing = [&](std::vector<std::string>& list) {
        std::vector<std::string> kept;
        for (auto& t : list)
            if (t != plan.word && exists(t) && std::find(kept.begin(), kept.end(), t) == kept.end()) kept.push_back(std::move(t));
        list = std::move(kept);
    };
    keep_existing(plan.exact_tokens);
    // A word whose stem token is there already ("jeans" beside "§sjean") adds nothing.
    auto has = [&](const std::string& t) { return std::find(plan.exact_tokens.begin(), plan.exact_tokens.end(), t) != plan.exact_tokens.end(); };
    plan.exact_tokens.erase(std::remove_if(plan.exact_tokens.begin(), plan.exact_tokens.end(),
                                           [&](const std::string& t) {
                                               if (is_marked_token(t)) return false;
                                               const auto stems = stems_of(t);
                                               return std::any_of(stems.begin(), stems.end(), [&](const std::string& st) { return has(stem_token(st)); });
                                           }),
                            plan.exact_tokens.end());
    keep_existing(plan.prefix_tokens);
    keep_existing(plan.typos);
    auto all_exist = [&](const std::vector<std::string>& phrase) { return std::all_of(phrase.begin(), phrase.end(), exists); };
    for (auto* phrases : {&plan.phrases, &plan.typo_phrases})
        phrases->erase(std::remove_if(phrases->begin(), phrases->end(), [&](const auto& p) { return !all_exist(p); }), phrases->end());
    for (auto* phrases : {&plan.phrases, &plan.typo_phrases}) {
        std::vector<std::vector<std::string>> unique;
        for (auto& p : *phrases)
            if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(std::move(p));
        *phrases = std::move(unique);
    }
    // Every word of four letters or more is indexed with its stems: a stem token kept finds it.
    for (const auto& s : stems_of(plan.word))
        if (std::find(plan.exact_tokens.begin(), plan.exact_tokens.end(), stem_token(s)) != plan.exact_tokens.end()) plan.covered = true;
    // Can the word be matched in a product's name at all? If not, the name tiers of the query
    // are empty, and their (costly) queries are not run.
    auto in_name = [&](const std::string& t) {
        if (is_marked_token(t)) {
            auto it = tokens_.find(t);
            return it != tokens_.end() && it->second;
        }
        auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), t);
        return it != vocabulary_.end() && *it == t && term_in_name_[static_cast<std::size_t>(it - vocabulary_.begin())];
    };
    auto phrase_in_name = [&](const std::vector<std::string>& p) { return std::all_of(p.begin(), p.end(), in_name); };
    plan.name_exact = (plan.is_term && in_name(plan.word)) || std::any_of(plan.exact_tokens.begin(), plan.exact_tokens.end(), in_name) ||
                      std::any_of(plan.phrases.begin(), plan.phrases.end(), phrase_in_name);
    plan.name_prefix = plan.name_exact || std::any_of(plan.prefix_tokens.begin(), plan.prefix_tokens.end(), in_name);
    if (!plan.name_prefix && !plan.prefix.empty()) {
        // The terms the word starts: a name holds one of them? (Past 5 000 of them: assume so.)
        auto first = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), plan.word);
        std::size_t seen = 0;
        for (auto it = first; it != vocabulary_.end() && it->compare(0, plan.word.size(), plan.word) == 0; ++it) {
            if (++seen > 5000 || term_in_name_[static_cast<std::size_t>(it - vocabulary_.begin())]) {
                plan.name_prefix = true;
                break;
            }
        }
    }
}

std::vector<std::string> Search::typo_candidates(const std::string& word) {
    std::vector<std::string> out;
    if (!typo_tolerant(word)) return out;
    for (const auto& [w, terms] : typo_cache_)
        if (w == word) return terms;
    for (std::string_view term : spelled_) {
        if (term == word) continue;
        if (one_typo_from(word, term)) out.push_back(std::string(term));
        if (out.size() >= 12) break;
    }
    if (typo_cache_.size() >= 16) typo_cache_.erase(typo_cache_.begin());
    typo_cache_.emplace_back(word, out);
    return out;
}

}  // namespace catalog_client
