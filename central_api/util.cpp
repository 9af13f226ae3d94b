#include "central_api/util.hpp"

#include <sodium.h>

#include <chrono>
#include <cmath>
#include <cctype>
#include <cstdio>

namespace central_api {

Clock system_clock() {
    return [] {
        return static_cast<std::int64_t>(
            std::chrono::duration_cast<std::chrono::seconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count());
    };
}

json money(std::int64_t amount_minor) { return json{{"amount", amount_minor}, {"currency", kCurrency}}; }

std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

namespace {
// Unix time of the last Sunday of `month` at 01:00 UTC.
std::int64_t last_sunday_0100_utc(int year, int month) {
    int next_y = month == 12 ? year + 1 : year, next_m = month == 12 ? 1 : month + 1;
    std::int64_t last_day = days_from_civil(next_y, next_m, 1) - 1;
    // 1970-01-01 was a Thursday: weekday index with Monday = 0.
    std::int64_t wd = ((last_day % 7) + 7 + 3) % 7;
    std::int64_t sunday = last_day - ((wd + 1) % 7);
    return sunday * 86400 + 3600;
}
}  // namespace

std::int64_t paris_offset_s(std::int64_t unix_s) {
    int y, m, d;
    civil_from_days(unix_s >= 0 ? unix_s / 86400 : (unix_s - 86399) / 86400, y, m, d);
    bool summer = unix_s >= last_sunday_0100_utc(y, 3) && unix_s < last_sunday_0100_utc(y, 10);
    return summer ? 7200 : 3600;
}

ParisTime paris_time(std::int64_t unix_s) {
    ParisTime t;
    t.offset_s = static_cast<int>(paris_offset_s(unix_s));
    std::int64_t local = unix_s + t.offset_s;
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    civil_from_days(days, t.year, t.month, t.day);
    t.weekday = static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
    t.minute_of_day = static_cast<int>((local - days * 86400) / 60);
    return t;
}

std::int64_t paris_to_unix(int y, int m, int d, int minute_of_day) {
    std::int64_t local = days_from_civil(y, m, d) * 86400 + minute_of_day * 60;
    // Guess with the winter offset, then correct with the offset in force at that instant.
    std::int64_t guess = local - 3600;
    return local - paris_offset_s(guess);
}

std::string rfc3339_paris(std::int64_t unix_s) {
    ParisTime t = paris_time(unix_s);
    std::int64_t local = unix_s + t.offset_s;
    int sec = static_cast<int>(((local % 60) + 60) % 60);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00", t.year, t.month, t.day,
                  t.minute_of_day / 60, t.minute_of_day % 60, sec, t.offset_s / 3600);
    return buf;
}

std::string date_paris(std::int64_t unix_s) {
    ParisTime t = paris_time(unix_s);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
    return buf;
}

std::uint64_t Rng::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::int64_t Rng::range(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<std::int64_t>(next() % span);
}

double Rng::unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

std::uint64_t hash64(std::string_view data, std::uint64_t seed) {
    std::uint64_t h = 0xcbf29ce484222325ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

std::string hex64(std::uint64_t value) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
    return buf;
}

std::string random_token(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes * 2);
    for (unsigned char c : raw) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

std::string random_code(std::size_t length) {
    static constexpr char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out.push_back(alphabet[randombytes_uniform(32)]);
    return out;
}

std::string slugify(std::string_view text) {
    // Folds the Latin-1 supplement letters French uses onto ASCII, everything else to '-'.
    std::string out;
    bool dash = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        char mapped = 0;
        if (std::isalnum(c)) {
            mapped = static_cast<char>(std::tolower(c));
        } else if (c == 0xC3 && i + 1 < text.size()) {
            unsigned char n = static_cast<unsigned char>(text[++i]);
            static constexpr std::string_view from = "\xA0\xA2\xA4\xA7\xA8\xA9\xAA\xAB\xAE\xAF\xB4\xB6\xB9\xBB\xBC\xBF\x80\x82\x87\x88\x89\x8A\x8B\x8E\x8F\x94\x99\x9B\x9C";
            static constexpr std::string_view to = "aaaceeeeiioouuuyaaceeeeiiouuu";
            auto pos = from.find(static_cast<char>(n));
            if (pos != std::string_view::npos) mapped = to[pos];
        } else if (c == 0xC5 && i + 1 < text.size()) {
            unsigned char n = static_cast<unsigned char>(text[++i]);
            if (n == 0x92 || n == 0x93) {
                if (!out.empty() && dash) out.push_back('-');
                out += "oe";
                dash = false;
                continue;
            }
        }
        if (mapped) {
            if (dash && !out.empty()) out.push_back('-');
            dash = false;
            out.push_back(mapped);
        } else {
            dash = true;
        }
    }
    return out;
}

int ean13_check_digit(std::string_view first12) {
    int sum = 0;
    for (std::size_t i = 0; i < 12 && i < first12.size(); ++i) {
        int digit = first12[i] - '0';
        sum += (i % 2 == 0) ? digit : digit * 3;
    }
    return (10 - sum % 10) % 10;
}

double distance_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
    double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

std::string escape_html(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string euros_fr(std::int64_t cents) {
    std::string whole = std::to_string(cents / 100), grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += "\u202f";
        grouped += whole[i];
    }
    char frac[8];
    std::snprintf(frac, sizeof frac, ",%02d", static_cast<int>(cents % 100));
    return grouped + frac + "\u00a0€";
}

}  // namespace central_api
