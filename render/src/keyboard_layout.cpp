#include "render/keyboard_layout.hpp"

#include <utility>

namespace render {
namespace {

Key ch(const char* t) {
    return Key{KeyKind::Char, t, 1.0f, t};
}
Key special(KeyKind k, const char* label, float w, const char* id) {
    return Key{k, label, w, id};
}

KeyRow letters(const char* s) {
    KeyRow row;
    for (; *s; ++s) {
        const char buf[2] = {*s, 0};
        row.push_back(ch(buf));
    }
    return row;
}

// The bottom row shared by the letter layouts: 123, @ , space . - Enter.
KeyRow letters_bottom_row() {
    KeyRow row = {special(KeyKind::ToNumeric, "123", 1.5f, "123"), ch("@"), ch(","),
                  special(KeyKind::Space, " ", 4.0f, "space"),     ch("."), ch("-"),
                  special(KeyKind::Enter, "enter", 1.5f, "enter")};
    row[1].id = "at";
    row[2].id = "comma";
    row[4].id = "dot";
    row[5].id = "dash";
    return row;
}

std::vector<KeyRow> make_azerty() {
    std::vector<KeyRow> rows{letters("azertyuiop"), letters("qsdfghjklm"), {}, {}};
    rows[2].push_back(special(KeyKind::Shift, "shift", 1.5f, "shift"));
    for (const char* c : {"w", "x", "c", "v", "b", "n", "'"}) rows[2].push_back(ch(c));
    rows[2].back().id = "apostrophe";
    rows[2].push_back(special(KeyKind::Backspace, "backspace", 1.5f, "backspace"));
    rows[3] = letters_bottom_row();
    return rows;
}

std::vector<KeyRow> make_qwerty() {
    std::vector<KeyRow> rows{letters("qwertyuiop"), letters("asdfghjkl"), {}, {}};
    rows[2].push_back(special(KeyKind::Shift, "shift", 1.5f, "shift"));
    for (const char* c : {"z", "x", "c", "v", "b", "n", "m"}) rows[2].push_back(ch(c));
    rows[2].push_back(special(KeyKind::Backspace, "backspace", 1.5f, "backspace"));
    rows[3] = letters_bottom_row();
    return rows;
}

std::vector<KeyRow> make_numeric() {
    std::vector<KeyRow> rows{letters("123"), letters("456"), letters("789"), {}, {}};
    rows[3] = {special(KeyKind::ToLetters, "ABC", 1.0f, "abc"), ch("0"),
               special(KeyKind::Backspace, "backspace", 1.0f, "backspace")};
    rows[4] = {special(KeyKind::Enter, "enter", 3.0f, "enter")};
    return rows;
}

// (lower, upper) accented variants per base letter.
const std::pair<const char*, std::vector<std::pair<const char*, const char*>>> kAccents[] = {
    {"a", {{"à", "À"}, {"â", "Â"}, {"ä", "Ä"}, {"æ", "Æ"}}},
    {"c", {{"ç", "Ç"}}},
    {"e", {{"é", "É"}, {"è", "È"}, {"ê", "Ê"}, {"ë", "Ë"}}},
    {"i", {{"î", "Î"}, {"ï", "Ï"}}},
    {"o", {{"ô", "Ô"}, {"ö", "Ö"}, {"œ", "Œ"}}},
    {"u", {{"ù", "Ù"}, {"û", "Û"}, {"ü", "Ü"}}},
    {"y", {{"ÿ", "Ÿ"}}},
    {"n", {{"ñ", "Ñ"}}},
};

}  // namespace

const std::vector<KeyRow>& keyboard_rows(KeyboardLayout layout) {
    // Built once, never modified: constant tables.
    static const std::vector<KeyRow> azerty = make_azerty();
    static const std::vector<KeyRow> qwerty = make_qwerty();
    static const std::vector<KeyRow> numeric = make_numeric();
    switch (layout) {
        case KeyboardLayout::Azerty:
            return azerty;
        case KeyboardLayout::Qwerty:
            return qwerty;
        case KeyboardLayout::Numeric:
            return numeric;
    }
    return azerty;
}

std::vector<std::string> accents_for(std::string_view base, bool upper) {
    std::string lower(base);
    if (lower.size() == 1 && lower[0] >= 'A' && lower[0] <= 'Z') lower[0] = char(lower[0] + 32);
    for (const auto& [b, list] : kAccents) {
        if (lower != b) continue;
        std::vector<std::string> out;
        for (const auto& [lo, up] : list) out.emplace_back(upper ? up : lo);
        return out;
    }
    return {};
}

std::string utf8_upper(std::string_view s) {
    if (s.size() == 1 && s[0] >= 'a' && s[0] <= 'z') return std::string(1, char(s[0] - 32));
    for (const auto& entry : kAccents)
        for (const auto& [lo, up] : entry.second)
            if (s == lo) return up;
    return std::string(s);
}

void utf8_pop_back(std::string& s) {
    if (s.empty()) return;
    size_t n = s.size() - 1;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.erase(n);
}

}  // namespace render
