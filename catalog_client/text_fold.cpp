#include "catalog_client/text_fold.hpp"

#include <cctype>

namespace catalog_client {

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
            continue;
        }
        if (i + 1 < s.size() && (c == 0xC3 || c == 0xC5)) {
            auto n = static_cast<unsigned char>(s[i + 1]);
            const char* mapped = nullptr;
            if (c == 0xC3) {
                unsigned char low = static_cast<unsigned char>(n | 0x20);  // upper -> lower (À..Þ -> à..þ)
                switch (low) {
                    case 0xA0: case 0xA1: case 0xA2: case 0xA3: case 0xA4: case 0xA5: mapped = "a"; break;
                    case 0xA6: mapped = "ae"; break;
                    case 0xA7: mapped = "c"; break;
                    case 0xA8: case 0xA9: case 0xAA: case 0xAB: mapped = "e"; break;
                    case 0xAC: case 0xAD: case 0xAE: case 0xAF: mapped = "i"; break;
                    case 0xB1: mapped = "n"; break;
                    case 0xB2: case 0xB3: case 0xB4: case 0xB5: case 0xB6: case 0xB8: mapped = "o"; break;
                    case 0xB9: case 0xBA: case 0xBB: case 0xBC: mapped = "u"; break;
                    case 0xBD: case 0xBF: mapped = "y"; break;
                    default: break;
                }
                if (n == 0x9F) mapped = "ss";
            } else if (n == 0x92 || n == 0x93) {
                mapped = "oe";
            } else if (n == 0xB8) {
                mapped = "y";  // Ÿ
            }
            if (mapped) {
                out += mapped;
                ++i;
                continue;
            }
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

std::vector<std::string> words_of(std::string_view text, std::size_t max_words) {
    std::vector<std::string> words;
    std::string folded = fold(text), word;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char ch = folded[i];
        auto c = static_cast<unsigned char>(ch);
        // "§" separates: the index's own tokens start with it (search_terms.hpp).
        const bool section = c == 0xC2 && i + 1 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0xA7;
        if (section) ++i;
        if (!section && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)) {
            word.push_back(ch);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    if (words.size() > max_words) words.resize(max_words);
    return words;
}

std::vector<std::string> words_of(std::string_view text) {
    return words_of(text, 8);  // a query is a few words, not a text
}

std::string url_encode(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

}  // namespace catalog_client
