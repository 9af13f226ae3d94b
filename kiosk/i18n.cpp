// Translation files and locale formats.
#include "kiosk/i18n.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "catalog_client/json_bounded.hpp"

namespace kiosk {

std::optional<std::string> I18n::add(const std::string& lang, const std::string& json_text) {
    if (json_text.size() > 4 * 1024 * 1024) return lang + ": larger than 4 MiB";
    const catalog_client::BoundedJson parsed = catalog_client::parse_json_bounded(json_text, 4);
    if (!parsed.ok()) return lang + ": " + parsed.message;
    const nlohmann::json& doc = parsed.doc;
    if (!doc.is_object()) return lang + ": not a JSON object";
    std::map<std::string, std::string> table;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (!it.value().is_string()) return lang + ": \"" + it.key() + "\" is not a string";
        table[it.key()] = it.value().get<std::string>();
    }
    text_[lang] = std::move(table);
    return std::nullopt;
}

std::optional<std::string> I18n::load(const std::string& dir, const std::vector<std::string>& languages) {
    for (const std::string& lang : languages) {
        const std::string path = dir + "/" + lang + ".json";
        std::ifstream in(path, std::ios::binary);
        if (!in) return "cannot read the translation file " + path;
        std::stringstream ss;
        ss << in.rdbuf();
        if (auto err = add(lang, ss.str())) return "translation file " + path + ": " + *err;
    }
    return std::nullopt;
}

const std::string& I18n::tr(const std::string& lang, const std::string& key) const {
    auto l = text_.find(lang);
    if (l != text_.end()) {
        auto k = l->second.find(key);
        if (k != l->second.end()) return k->second;
    }
    return key;
}

std::string I18n::fmt(const std::string& lang, const std::string& key,
                      const std::map<std::string, std::string>& args) const {
    const std::string& pattern = tr(lang, key);
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            if (close != std::string::npos) {
                auto a = args.find(pattern.substr(i + 1, close - i - 1));
                if (a != args.end()) {
                    out += a->second;
                    i = close;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

bool I18n::has(const std::string& lang, const std::string& key) const {
    auto l = text_.find(lang);
    return l != text_.end() && l->second.count(key) > 0;
}

std::vector<std::string> I18n::keys(const std::string& lang) const {
    std::vector<std::string> out;
    auto l = text_.find(lang);
    if (l != text_.end())
        for (const auto& kv : l->second) out.push_back(kv.first);
    return out;
}

std::vector<std::string> I18n::languages() const {
    std::vector<std::string> out;
    for (const auto& kv : text_) out.push_back(kv.first);
    return out;
}

std::string format_money(std::int64_t minor, const std::string& lang, const std::string& currency) {
    const bool negative = minor < 0;
    const std::uint64_t v = negative ? static_cast<std::uint64_t>(-(minor + 1)) + 1 : static_cast<std::uint64_t>(minor);
    const std::string units = std::to_string(v / 100);
    const std::uint64_t cents = v % 100;
    const bool fr = lang == "fr";
    const std::string group = fr ? "\xE2\x80\xAF" : ",";  // U+202F narrow no-break space
    std::string grouped;
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (i > 0 && (units.size() - i) % 3 == 0) grouped += group;
        grouped += units[i];
    }
    char frac[4];
    std::snprintf(frac, sizeof frac, "%02u", static_cast<unsigned>(cents));
    const std::string number = grouped + (fr ? "," : ".") + frac;
    std::string symbol = currency == "EUR" ? "\xE2\x82\xAC" : currency == "GBP" ? "\xC2\xA3" : currency == "USD" ? "$" : currency;
    std::string out;
    if (fr) out = number + "\xC2\xA0" + symbol;  // no-break space before the sign
    else out = symbol + (symbol.size() == 3 && symbol == currency ? " " : "") + number;
    return negative ? "-" + out : out;
}

std::optional<Date> parse_date(const std::string& text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[static_cast<std::size_t>(i)] < '0' || text[static_cast<std::size_t>(i)] > '9') return std::nullopt;
    Date d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
    return d;
}

std::string time_of(const std::string& t) {
    if (t.size() < 16 || t[10] != 'T' || t[13] != ':') return "";
    return t.substr(11, 5);
}

namespace {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = static_cast<int>(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = static_cast<int>(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return Date{static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

// Unix time of the last Sunday of `month` at 01:00 UTC (the EU's summer-time switch).
std::int64_t eu_switch(int year, int month) {
    const int last = 31;  // March and October both have 31 days
    std::int64_t days = days_from_civil(year, month, last);
    const int wd = weekday(civil_from_days(days));  // 7 = Sunday
    days -= wd % 7;
    return days * 86400 + 3600;
}

}  // namespace

int weekday(const Date& d) {
    const std::int64_t days = days_from_civil(d.year, d.month, d.day);  // 1970-01-01 was a Thursday
    const int wd = static_cast<int>(((days % 7) + 7 + 3) % 7);           // 0 = Monday
    return wd + 1;
}

std::string format_date(const I18n& t, const std::string& lang, const Date& d) {
    return t.fmt(lang, "date.format",
                 {{"weekday", t.tr(lang, "date.weekday." + std::to_string(weekday(d)))},
                  {"day", std::to_string(d.day)},
                  {"month", t.tr(lang, "date.month." + std::to_string(d.month))}});
}

LocalTime local_time(const std::string& tz, std::int64_t unix_seconds) {
    int standard = 0;  // minutes east of UTC
    bool eu_dst = false;
    static const char* const central[] = {"Europe/Paris", "Europe/Brussels", "Europe/Berlin", "Europe/Madrid",
                                          "Europe/Rome", "Europe/Amsterdam", "Europe/Luxembourg",
                                          "Europe/Monaco", "Europe/Zurich", "Europe/Vienna"};
    for (const char* z : central)
        if (tz == z) standard = 60, eu_dst = true;
    if (tz == "Europe/London" || tz == "Europe/Lisbon" || tz == "Europe/Dublin") eu_dst = true;
    std::int64_t offset = standard;
    if (eu_dst) {
        const Date utc = civil_from_days(unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400);
        if (unix_seconds >= eu_switch(utc.year, 3) && unix_seconds < eu_switch(utc.year, 10)) offset += 60;
    }
    const std::int64_t local = unix_seconds + offset * 60;
    const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    LocalTime out;
    out.date = civil_from_days(days);
    out.minute_of_day = static_cast<int>((local - days * 86400) / 60);
    return out;
}

}  // namespace kiosk
