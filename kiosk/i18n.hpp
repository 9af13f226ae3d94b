#pragma once
// Translations and locale formats. Every user-visible string comes from assets/i18n/<lang>.json
// (a flat object: key -> text, with {name} placeholders). Money and dates are formatted per
// locale: "1 299,00 €" and "mercredi 25 novembre" in French, "€1,299.00" and "Wednesday
// 25 November" in English. Plain data once loaded; safe to read from any thread.
// Errors: `load` returns a message naming the file and the problem; a key missing at run time
// shows the key itself (and the i18n test makes sure no key is missing in either language).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

class I18n {
  public:
    // Loads DIR/<lang>.json for each language. Error message on failure.
    std::optional<std::string> load(const std::string& dir, const std::vector<std::string>& languages);
    // Adds or replaces one language from JSON text (tests).
    std::optional<std::string> add(const std::string& lang, const std::string& json_text);

    const std::string& tr(const std::string& lang, const std::string& key) const;
    // tr() with {name} placeholders replaced.
    std::string fmt(const std::string& lang, const std::string& key,
                    const std::map<std::string, std::string>& args) const;
    bool has(const std::string& lang, const std::string& key) const;
    std::vector<std::string> keys(const std::string& lang) const;
    std::vector<std::string> languages() const;

  private:
    std::map<std::string, std::map<std::string, std::string>> text_;
};

// Money in minor units for the locale: fr "1 299,00 €" (narrow no-break spaces), en "€1,299.00".
std::string format_money(std::int64_t minor, const std::string& lang, const std::string& currency = "EUR");

struct Date {
    int year = 0, month = 0, day = 0;
};
// "2026-11-25" or an RFC 3339 time ("2026-11-25T11:00:00+01:00"); nullopt when malformed.
std::optional<Date> parse_date(const std::string& text);
// The hour and minute of an RFC 3339 time ("11:00"), empty when absent.
std::string time_of(const std::string& rfc3339);
// 1 = Monday ... 7 = Sunday.
int weekday(const Date& d);
// "mercredi 25 novembre" / "Wednesday 25 November" (names from the translation files).
std::string format_date(const I18n& t, const std::string& lang, const Date& d);

// Local civil time of a time zone at a UTC instant (unix seconds). Knows the European rules
// (the demo retailer's stores are in Europe/Paris); other zones are treated as UTC.
struct LocalTime {
    Date date;
    int minute_of_day = 0;  // 0 .. 1439
};
LocalTime local_time(const std::string& timezone, std::int64_t unix_seconds);

}  // namespace kiosk
