#include "kiosk/speech_text.hpp"

#include <cctype>

namespace kiosk {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Thousands separators inside a number: space, no-break space, narrow no-break space, comma
// (English). Returns the separator's length at `i`, 0 when none.
std::size_t thousands_sep(std::string_view s, std::size_t i, bool english) {
    if (english) return i < s.size() && s[i] == ',' ? 1 : 0;
    if (i < s.size() && s[i] == ' ') return 1;
    if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
    if (s.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
    return 0;
}

const std::string kEuro = "\xE2\x82\xAC";

// Reads "1 299,99" (French) or "1,299.99" (English) at `i`: whole digits and cents. Returns the
// length read, 0 when there is no price-shaped number.
std::size_t read_amount(std::string_view s, std::size_t i, bool english, std::string& whole, std::string& cents) {
    std::size_t j = i;
    whole.clear();
    cents.clear();
    while (j < s.size() && digit(s[j])) whole += s[j++];
    if (whole.empty()) return 0;
    for (;;) {
        const std::size_t sep = thousands_sep(s, j, english);
        if (!sep || j + sep + 3 > s.size() || !digit(s[j + sep]) || !digit(s[j + sep + 1]) || !digit(s[j + sep + 2]) ||
            (j + sep + 3 < s.size() && digit(s[j + sep + 3])))
            break;
        whole.append(s.substr(j + sep, 3));
        j += sep + 3;
    }
    const char mark = english ? '.' : ',';
    if (j + 2 < s.size() + 0 && s[j] == mark && digit(s[j + 1]) && digit(s[j + 2])) {
        cents.assign(s.substr(j + 1, 2));
        j += 3;
    }
    return j - i;
}

std::string said_amount(const std::string& whole, const std::string& cents) {
    std::string out = whole + " euros";
    if (!cents.empty() && cents != "00") out += " " + cents;
    return out;
}

}  // namespace

std::string speakable(std::string_view s) {
    std::string out;
    std::string whole, cents;
    std::size_t i = 0;
    while (i < s.size()) {
        // English: "€1,299.99".
        if (s.compare(i, kEuro.size(), kEuro) == 0) {
            if (const std::size_t n = read_amount(s, i + kEuro.size(), true, whole, cents)) {
                out += said_amount(whole, cents);
                i += kEuro.size() + n;
                continue;
            }
        }
        // French: "1 299,99 €" (a no-break space or a space before the sign).
        if (digit(s[i]) && (i == 0 || !digit(s[i - 1]))) {
            if (const std::size_t n = read_amount(s, i, false, whole, cents)) {
                std::size_t j = i + n;
                if (s.compare(j, 2, "\xC2\xA0") == 0) j += 2;
                else if (j < s.size() && s[j] == ' ') j += 1;
                if (s.compare(j, kEuro.size(), kEuro) == 0) {
                    out += said_amount(whole, cents);
                    i = j + kEuro.size();
                    continue;
                }
            }
        }
        out += s[i++];
    }
    return out;
}

void append_sentence(std::string& out, const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += std::string(".!?:").find(out.back()) == std::string::npos ? ". " : " ";
    out += part;
}

std::string key_name(const render::Element& e, const I18n& i18n, const std::string& lang) {
    const std::string name = "speech.key." + e.id.substr(e.id.rfind('.') + 1);  // npos + 1: the whole id
    return i18n.has(lang, name) ? i18n.tr(lang, name) : e.label;
}

std::string describe_element(const render::Element& e, const I18n& i18n, const std::string& lang) {
    const auto tr = [&](const std::string& key) -> const std::string& { return i18n.tr(lang, key); };
    std::string label = e.role == render::Role::Key ? key_name(e, i18n, lang) : e.label;
    if (label.compare(0, 4, "http") == 0) label = tr("speech.qr");  // a QR code's link is not read out
    std::string out = speakable(label);
    if (!e.detail.empty()) out += ", " + speakable(e.detail);
    switch (e.role) {
        case render::Role::Text: return out;
        case render::Role::Button: out += ", " + tr("speech.role.button"); break;
        case render::Role::Toggle:
            out += ", " + tr("speech.role.toggle") + ", " + tr(e.selected ? "speech.state.selected" : "speech.state.not_selected");
            break;
        case render::Role::Link: out += ", " + tr("speech.role.link"); break;
        case render::Role::Field:
            out += ", " + tr("speech.role.field");
            if (e.detail.empty()) out += ", " + tr("speech.field.empty");
            break;
        case render::Role::Key: out += ", " + tr("speech.role.key"); break;
    }
    if (!e.enabled) out += ", " + tr("speech.state.disabled");
    return out;
}

std::string describe_screen(Screen screen, const render::ElementRegistry& reg, int layer, const I18n& i18n,
                            const std::string& lang, int lines, const std::string& said_before) {
    std::string out;
    if (layer <= 0 && said_before.empty()) out = i18n.tr(lang, std::string("speech.screen.") + screen_name(screen));
    int said = 0;
    for (const render::Element& e : reg.all()) {
        if (said >= lines) break;
        if (e.layer != std::max(layer, 0) || e.interactive || e.label.empty() || e.rect.empty()) continue;
        if (e.id.compare(0, 4, "nav.") == 0 || e.id == "staff.banner") continue;
        if (out.find(e.label) != std::string::npos) continue;  // a title said twice
        if (!said_before.empty() && said_before.find(speakable(e.label)) != std::string::npos) continue;
        if (e.label.compare(0, 4, "http") == 0) continue;        // a QR code's link
        append_sentence(out, speakable(e.label));
        ++said;
    }
    return out;
}

}  // namespace kiosk
