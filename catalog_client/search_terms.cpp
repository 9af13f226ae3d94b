#include "catalog_client/search_terms.hpp"

#include "catalog_client/text_fold.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace catalog_client {

namespace {

constexpr const char* kMark = "\xC2\xA7";  // "§"

bool all_digits(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The one spelling of a unit, or empty when `w` is not one the kiosk knows.
std::string unit_of(std::string_view w) {
    static const std::pair<const char*, const char*> units[] = {
        {"go", "gb"},  {"gb", "gb"},   {"gigaoctets", "gb"}, {"gigaoctet", "gb"}, {"giga", "gb"},
        {"to", "tb"},  {"tb", "tb"},   {"teraoctets", "tb"}, {"mo", "mb"},        {"mb", "mb"},
        {"in", "in"},  {"inch", "in"}, {"inches", "in"},     {"pouce", "in"},     {"pouces", "in"},
        {"po", "in"},  {"cm", "cm"},   {"mm", "mm"},         {"kg", "kg"},        {"w", "w"},
        {"mah", "mah"}, {"l", "l"},    {"ml", "ml"},         {"hz", "hz"},
        // Ages of children's sizes ("3-6 mois" is "3-6M", "4 ans" is "4A").
        {"mois", "m"}, {"month", "m"}, {"months", "m"},     {"ans", "a"},       {"an", "a"},
        {"years", "a"}, {"year", "a"},
    };
    for (const auto& [spelling, unit] : units)
        if (w == spelling) return unit;
    return {};
}

// "128gb" → ("128", "gb"); nothing when the word is not digits then letters.
bool split_measure(std::string_view w, std::string_view& number, std::string_view& rest) {
    std::size_t i = 0;
    while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
    if (i == 0 || i == w.size()) return false;
    number = w.substr(0, i);
    rest = w.substr(i);
    return true;
}

// A tyre's width, aspect and rim ("205", "55", "16") starting at words[i]; how many words it
// took (0: none). Forms: 205 55 16, 205 55 r16, 205 55 r 16, 205 55r16, 205/55zr16.
std::size_t tyre_at(const std::vector<std::string>& w, std::size_t i, std::string& canonical) {
    auto digits = [](std::string_view s, std::size_t n) { return s.size() == n && all_digits(s); };
    if (i + 1 >= w.size() || !digits(w[i], 3)) return 0;
    std::string_view aspect = w[i + 1], rim;
    std::size_t used = 0;
    if (digits(aspect, 2) && i + 2 < w.size()) {
        std::string_view third = w[i + 2];
        if (third.size() >= 3 && (third[0] == 'r' || (third[0] == 'z' && third[1] == 'r'))) third.remove_prefix(third[0] == 'z' ? 2 : 1);
        if (digits(third, 2)) {
            rim = third;
            used = 3;
        } else if ((w[i + 2] == "r" || w[i + 2] == "zr") && i + 3 < w.size() && digits(w[i + 3], 2)) {
            rim = w[i + 3];
            used = 4;
        }
    } else if (aspect.size() >= 5 && digits(aspect.substr(0, 2), 2)) {  // "55r16", "55zr16"
        std::string_view tail = aspect.substr(2);
        if (!tail.empty() && tail[0] == 'z') tail.remove_prefix(1);
        if (!tail.empty() && tail[0] == 'r') tail.remove_prefix(1);
        if (digits(tail, 2)) {
            rim = tail;
            aspect = aspect.substr(0, 2);
            used = 2;
        }
    }
    if (used == 0) return 0;
    canonical = w[i] + std::string(aspect) + std::string(rim);
    return used;
}

struct Stemmer {
    sb_stemmer* fr = sb_stemmer_new("french", "UTF_8");
    sb_stemmer* en = sb_stemmer_new("english", "UTF_8");
    ~Stemmer() {
        if (fr) sb_stemmer_delete(fr);
        if (en) sb_stemmer_delete(en);
    }
};

std::string stem_with(sb_stemmer* s, const std::string& word) {
    if (!s) return word;
    const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (!out) return word;  // out of memory: the word itself
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s)));
}

}  // namespace

std::string category_token(std::string_view category_id) {
    // FNV-1a, 64 bits: ids are free text; the token must be one word.
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : category_id) {
        h ^= c;
        h *= 1099511628211ull;
    }
    static const char* hex = "0123456789abcdef";
    std::string out = std::string(kMark) + "c";
    for (int i = 15; i >= 0; --i) out.push_back(hex[(h >> (i * 4)) & 0xF]);
    return out;
}

std::string stem_token(std::string_view stem) { return std::string(kMark) + "s" + std::string(stem); }

bool is_marked_token(std::string_view token) { return token.rfind(kMark, 0) == 0; }

std::vector<std::string> measured_words(std::string_view utf8, std::size_t max_words, bool keep_parts) {
    const std::vector<std::string> words = words_of(utf8, max_words);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size();) {
        std::string tyre;
        if (std::size_t used = tyre_at(words, i, tyre)) {
            if (keep_parts) {
                for (std::size_t k = i; k < i + used; ++k) out.push_back(words[k]);
                out.push_back(tyre.substr(5));  // the rim alone ("16" of "r16")
            }
            out.push_back(tyre);
            i += used;
            continue;
        }
        const std::string& w = words[i];
        std::string_view number, rest;
        if (split_measure(w, number, rest)) {  // "128go" → "128gb"
            const std::string unit = unit_of(rest);
            if (!unit.empty()) {
                if (keep_parts && std::string(number) + unit != w) out.push_back(w);
                out.push_back(std::string(number) + unit);
                ++i;
                continue;
            }
        }
        if (all_digits(w) && i + 2 < words.size() && words[i + 1] == "x" && all_digits(words[i + 2])) {  // "160 x 200" → "160x200"
            if (keep_parts)
                for (std::size_t k = i; k < i + 3; ++k) out.push_back(words[k]);
            out.push_back(w + "x" + words[i + 2]);
            i += 3;
            continue;
        }
        if (all_digits(w) && i + 1 < words.size()) {  // "128 go" → "128gb"
            const std::string unit = unit_of(words[i + 1]);
            if (!unit.empty()) {
                if (keep_parts) {
                    out.push_back(w);
                    out.push_back(words[i + 1]);
                }
                out.push_back(w + unit);
                i += 2;
                continue;
            }
        }
        out.push_back(w);
        ++i;
    }
    return out;
}

std::vector<std::string> stems_of(const std::string& folded_word) {
    std::vector<std::string> out;
    // A word with a digit (a reference, a measurement: "sd0000078", "128gb") has no stem worth a
    // token: it would only repeat the word (at 1 000 000 products, a million tokens of references
    // that search kept in memory: ~70 MB).
    if (folded_word.size() < 4 || folded_word.size() > 64 || folded_word.find_first_of("0123456789") != std::string::npos)
        return out;
    thread_local std::unique_ptr<Stemmer> stemmer = std::make_unique<Stemmer>();
    out.push_back(stem_with(stemmer->fr, folded_word));
    std::string en = stem_with(stemmer->en, folded_word);
    if (en != out.front()) out.push_back(std::move(en));
    return out;
}

}  // namespace catalog_client
