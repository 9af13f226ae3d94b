#pragma once
// Small shared helpers of the reference server: time in the stores' zone, money JSON,
// deterministic randomness for the generator, secure random tokens, hashing.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace central_api {

using json = nlohmann::json;

// Seconds since the Unix epoch. Injected everywhere time matters, so tests can move it.
using Clock = std::function<std::int64_t()>;
Clock system_clock();

constexpr const char* kCurrency = "EUR";
json money(std::int64_t amount_minor);

// Local civil time in Europe/Paris (every demo location is in metropolitan France; the EU DST
// rule applies: UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October).
struct ParisTime {
    int year = 1970, month = 1, day = 1;
    int weekday = 4;  // 1 = Monday ... 7 = Sunday
    int minute_of_day = 0;
    int offset_s = 3600;
};
ParisTime paris_time(std::int64_t unix_s);
std::int64_t paris_offset_s(std::int64_t unix_s);
// "2026-11-23T17:30:00+01:00"
std::string rfc3339_paris(std::int64_t unix_s);
// "2026-11-23" in Paris time
std::string date_paris(std::int64_t unix_s);
// Days since epoch of a civil date, and back (proleptic Gregorian).
std::int64_t days_from_civil(int y, int m, int d);
void civil_from_days(std::int64_t z, int& y, int& m, int& d);
// Unix seconds of a local Paris wall-clock time.
std::int64_t paris_to_unix(int y, int m, int d, int minute_of_day);

// Deterministic generator (SplitMix64): same seed, same sequence, on every machine.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    // Uniform integer in [lo, hi] (inclusive).
    std::int64_t range(std::int64_t lo, std::int64_t hi);
    double unit();  // [0, 1)
    bool chance(double p) { return unit() < p; }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(range(0, static_cast<std::int64_t>(items.size()) - 1))];
    }

private:
    std::uint64_t state_;
};

std::uint64_t hash64(std::string_view data, std::uint64_t seed = 0);
std::string hex64(std::uint64_t value);

// Cryptographically random token of `bytes` bytes, hex-encoded (libsodium).
std::string random_token(std::size_t bytes);
// Random string over an unambiguous upper-case alphabet (no 0/O, 1/I).
std::string random_code(std::size_t length);

// Text for an HTML page: < > & " escaped.
std::string escape_html(const std::string& s);
// 129900 -> "1 299,00 €" (French format).
std::string euros_fr(std::int64_t cents);

// Lower-case ASCII slug: "Bleu marine" -> "bleu-marine", "Crème" -> "creme".
std::string slugify(std::string_view text);

// EAN-13 check digit for the first 12 digits.
int ean13_check_digit(std::string_view first12);

// Great-circle distance in kilometres.
double distance_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace central_api
