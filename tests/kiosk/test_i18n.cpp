// Translations and locale formats: both translation files load, hold the same keys with the same
// placeholders and no empty text; every key the kiosk's sources use exists in both; money, dates
// and local times come out right in French and English.
#include <doctest/doctest.h>

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/i18n.hpp"

namespace {

using namespace kiosk;

const std::string kSource = KIOSK_SOURCE_DIR;
const std::string kI18nDir = kSource + "/assets/i18n";
const std::vector<std::string> kLanguages = {"fr", "en"};

I18n load_assets() {
    I18n t;
    const auto err = t.load(kI18nDir, kLanguages);
    REQUIRE_MESSAGE(!err, (err ? *err : std::string()));
    return t;
}

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The kiosk's own source files (kiosk/ and kiosk/screens/).
std::vector<std::filesystem::path> kiosk_sources() {
    std::vector<std::filesystem::path> out;
    for (const char* dir : {"/kiosk", "/kiosk/screens"})
        for (const auto& e : std::filesystem::directory_iterator(kSource + dir)) {
            const std::string ext = e.path().extension().string();
            if (e.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) out.push_back(e.path());
        }
    return out;
}

// A key referenced by a source file, and where.
struct KeyUse {
    std::string key, file;
};

void collect(const std::regex& re, const std::string& text, const std::string& file, std::vector<KeyUse>& out,
             std::size_t groups = 1) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        for (std::size_t g = 1; g <= groups; ++g)
            if ((*it)[g].matched) out.push_back({(*it)[g].str(), file});
}

// Literal translation keys in the kiosk sources.
std::vector<KeyUse> literal_keys() {
    const std::string key = R"re(([a-z_]+\.[a-z0-9_.]*[a-z0-9_]))re";  // "section.name", not ending in a dot
    // c.t("key") and c.f("key", ...): the screens' translation calls.
    const std::regex call(R"re(\bc\.[tf]\(\s*")re" + key + "\"");
    // tr(lang, "key"), i18n.tr(c.s.language, "key"), fmt(lang, "key", ...).
    const std::regex tr(R"re(\b(?:tr|fmt)\(\s*[A-Za-z_][A-Za-z0-9_.]*\s*,\s*")re" + key + "\"");
    // Keys chosen by a condition: c.t(x ? "a" : "b"), c.t(x.empty() ? "a" : variable).
    const std::regex ternary(R"re(\bc\.t\([^;()]*(?:\([^;()]*\)[^;()]*)*\?\s*")re" + key + R"re("\s*:\s*(?:")re" +
                             key + R"re("|[A-Za-z_]))re");
    // Keys in tables: {SortOrder::X, "sort.key"}, {"-2000", "filter.price.under20"}, band_key's returns.
    const std::regex table(R"re("((?:sort|stock|filter\.price)\.[a-z0-9_.]*[a-z0-9_])")re");
    // The accessibility panel's toggle("id", "key", ...).
    const std::regex toggle(R"re(\btoggle\(\s*"[^"]+"\s*,\s*")re" + key + "\"");
    // The reducer's keys (reducer.cpp and its journey files reduce_*.cpp): notices, field errors,
    // quote errors.
    const std::regex reducer(R"re("((?:error|scan)\.[a-z0-9_.]*[a-z0-9_]|cart\.added|checkout\.[a-z0-9_]+)")re");

    std::vector<KeyUse> out;
    for (const auto& path : kiosk_sources()) {
        const std::string text = read_text(path);
        const std::string file = path.filename().string();
        const std::string name = path.parent_path().filename().string() + "/" + file;
        collect(call, text, name, out);
        collect(tr, text, name, out);
        collect(ternary, text, name, out, 2);
        if (path.parent_path().filename() == "screens") {
            collect(table, text, name, out);
            collect(toggle, text, name, out);
        }
        if (file == "reducer.cpp" || file.rfind("reduce_", 0) == 0) collect(reducer, text, name, out);
    }
    return out;
}

// Keys the sources build from a prefix and a value ("date.weekday." + n, "field." + name + ".hint").
std::vector<std::string> dynamic_keys() {
    std::vector<std::string> out;
    for (int d = 1; d <= 7; ++d) out.push_back("date.weekday." + std::to_string(d));
    for (int m = 1; m <= 12; ++m) out.push_back("date.month." + std::to_string(m));
    for (const char* b : {"new", "promo", "web_exclusive"}) out.push_back(std::string("badge.") + b);
    for (const char* f : {"size", "color", "brand"}) out.push_back(std::string("filter.") + f);
    for (const char* f : {"name", "line1", "line2", "postcode", "city", "email", "phone", "loyalty_card"}) {
        out.push_back(std::string("field.") + f);
        out.push_back(std::string("field.") + f + ".hint");
    }
    for (const char* o : {"color", "size", "capacity"}) out.push_back(std::string("product.option.") + o);
    for (const char* k : {"space", "backspace", "shift", "enter", "123", "abc", "at", "comma", "dot", "dash", "apostrophe"})
        out.push_back(std::string("speech.key.") + k);
    for (const char* s : {"attract", "home", "category", "search", "product", "availability", "cart", "checkout",
                          "confirmation", "order_pending", "staff_pin", "staff_home", "staff_customer", "staff_orders"})
        out.push_back(std::string("speech.screen.") + s);
    return out;
}

std::set<std::string> placeholders(const std::string& text) {
    static const std::regex re(R"(\{([A-Za-z_]+)\})");
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1].str());
    return out;
}

// Unix seconds of a UTC civil time, computed independently of i18n.cpp (timegm).
std::int64_t utc(int y, int mo, int d, int h, int mi, int s = 0) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return static_cast<std::int64_t>(timegm(&tm));
}

const std::string NNBSP = "\u202F";  // narrow no-break space: French thousands
const std::string NBSP = "\u00A0";   // no-break space: before the euro sign
const std::string EURO = "\u20AC";

}  // namespace

TEST_CASE("both translation files load and hold the same keys, none empty") {
    const I18n t = load_assets();
    CHECK(t.languages() == std::vector<std::string>{"en", "fr"});
    const auto fr = t.keys("fr"), en = t.keys("en");
    CHECK(fr.size() > 100);
    for (const std::string& k : fr) CHECK_MESSAGE(t.has("en", k), "missing in en.json: " << k);
    for (const std::string& k : en) CHECK_MESSAGE(t.has("fr", k), "missing in fr.json: " << k);
    for (const std::string& lang : kLanguages)
        for (const std::string& k : t.keys(lang)) CHECK_MESSAGE(!t.tr(lang, k).empty(), lang << ": empty text for " << k);
}

TEST_CASE("placeholders match between French and English") {
    const I18n t = load_assets();
    int with_placeholders = 0;
    for (const std::string& k : t.keys("fr")) {
        const auto f = placeholders(t.tr("fr", k)), e = placeholders(t.tr("en", k));
        CHECK_MESSAGE(f == e, "placeholders differ for " << k << ": \"" << t.tr("fr", k) << "\" / \"" << t.tr("en", k)
                                                         << "\"");
        with_placeholders += !f.empty();
    }
    CHECK(with_placeholders > 10);
}

TEST_CASE("every translation key used in the kiosk sources exists in both languages") {
    const I18n t = load_assets();
    const std::vector<KeyUse> uses = literal_keys();
    std::set<std::string> distinct;
    for (const KeyUse& u : uses) distinct.insert(u.key);
    // The scan must find what the screens obviously use, or it checks nothing.
    CHECK(distinct.size() > 120);
    for (const char* k : {"checkout.place_order", "offline.banner", "language.short", "scan.not_found", "cart.added",
                          "error.postcode", "sort.price_up", "stock.in_stock", "filter.price.under20",
                          "confirmation.pay_on_phone", "checkout.by_transfer", "access.high_contrast"})
        CHECK_MESSAGE(distinct.count(k) == 1, "the source scan did not find " << k);

    for (const KeyUse& u : uses)
        for (const std::string& lang : kLanguages)
            CHECK_MESSAGE(t.has(lang, u.key), u.file << " uses \"" << u.key << "\", missing in " << lang << ".json");
    for (const std::string& k : dynamic_keys())
        for (const std::string& lang : kLanguages) CHECK_MESSAGE(t.has(lang, k), "\"" << k << "\" missing in " << lang << ".json");
}

TEST_CASE("tr and fmt: a missing key shows itself, placeholders are replaced") {
    I18n t;
    CHECK_FALSE(t.add("fr", R"({"a.b": "Bonjour {name}, {count} articles", "x": "{unknown} {name"})"));
    CHECK(t.tr("fr", "a.b") == "Bonjour {name}, {count} articles");
    CHECK(t.tr("fr", "no.such.key") == "no.such.key");
    CHECK(t.tr("de", "a.b") == "a.b");
    CHECK(t.fmt("fr", "a.b", {{"name", "Marie"}, {"count", "3"}}) == "Bonjour Marie, 3 articles");
    CHECK(t.fmt("fr", "x", {{"name", "Marie"}}) == "{unknown} {name");
    CHECK(t.add("en", "[1, 2]").has_value());
    CHECK(t.add("en", R"({"k": 3})").has_value());
    CHECK(t.add("en", "{not json").has_value());
    const auto err = I18n{}.load(kI18nDir, {"fr", "xx"});
    REQUIRE(err.has_value());
    CHECK(err->find("xx.json") != std::string::npos);
}

TEST_CASE("format_money in French and English") {
    CHECK(format_money(129900, "fr") == "1" + NNBSP + "299,00" + NBSP + EURO);
    CHECK(format_money(129900, "en") == EURO + "1,299.00");
    CHECK(format_money(0, "fr") == "0,00" + NBSP + EURO);
    CHECK(format_money(0, "en") == EURO + "0.00");
    CHECK(format_money(5, "fr") == "0,05" + NBSP + EURO);
    CHECK(format_money(5, "en") == EURO + "0.05");
    CHECK(format_money(99900, "fr") == "999,00" + NBSP + EURO);
    CHECK(format_money(99900, "en") == EURO + "999.00");
    CHECK(format_money(-1990, "fr") == "-19,90" + NBSP + EURO);
    CHECK(format_money(-1990, "en") == "-" + EURO + "19.90");
    CHECK(format_money(-129905, "en") == "-" + EURO + "1,299.05");
    CHECK(format_money(100000000, "fr") == "1" + NNBSP + "000" + NNBSP + "000,00" + NBSP + EURO);
    CHECK(format_money(100000000, "en") == EURO + "1,000,000.00");
    CHECK(format_money(std::numeric_limits<std::int64_t>::min(), "en") == "-" + EURO + "92,233,720,368,547,758.08");
    CHECK(format_money(1250, "en", "GBP") == "\u00A3" "12.50");
    CHECK(format_money(1250, "fr", "CHF") == "12,50" + NBSP + "CHF");
}

TEST_CASE("parse_date, time_of and weekday") {
    auto d = parse_date("2026-11-23");
    REQUIRE(d.has_value());
    CHECK(d->year == 2026);
    CHECK(d->month == 11);
    CHECK(d->day == 23);
    CHECK(weekday(*d) == 1);  // a Monday
    CHECK(weekday(Date{2026, 11, 25}) == 3);
    CHECK(weekday(Date{2026, 11, 29}) == 7);
    CHECK(weekday(Date{1970, 1, 1}) == 4);
    CHECK(weekday(Date{2000, 2, 29}) == 2);
    CHECK(weekday(Date{1969, 12, 31}) == 3);

    d = parse_date("2026-11-25T11:00:00+01:00");
    REQUIRE(d.has_value());
    CHECK(d->day == 25);
    CHECK_FALSE(parse_date("").has_value());
    CHECK_FALSE(parse_date("2026-11").has_value());
    CHECK_FALSE(parse_date("2026/11/23").has_value());
    CHECK_FALSE(parse_date("2026-13-01").has_value());
    CHECK_FALSE(parse_date("2026-00-10").has_value());
    CHECK_FALSE(parse_date("2026-11-00").has_value());
    CHECK_FALSE(parse_date("2026-11-32").has_value());
    CHECK_FALSE(parse_date("20x6-11-23").has_value());
    CHECK_FALSE(parse_date("-026-11-23").has_value());

    CHECK(time_of("2026-11-25T11:00:00+01:00") == "11:00");
    CHECK(time_of("2026-11-25T09:45:00Z") == "09:45");
    CHECK(time_of("2026-11-25") == "");
    CHECK(time_of("") == "");
}

TEST_CASE("format_date in French and English") {
    const I18n t = load_assets();
    CHECK(format_date(t, "fr", Date{2026, 11, 25}) == "mercredi 25 novembre");
    CHECK(format_date(t, "en", Date{2026, 11, 25}) == "Wednesday 25 November");
    CHECK(format_date(t, "fr", Date{2026, 11, 23}) == "lundi 23 novembre");
    CHECK(format_date(t, "en", Date{2027, 2, 7}) == "Sunday 7 February");
    CHECK(format_date(t, "fr", Date{2026, 8, 1}) == "samedi 1 ao\u00FBt");
}

TEST_CASE("local_time for Europe/Paris: winter +1, summer +2, both switch instants") {
    // Winter.
    LocalTime lt = local_time("Europe/Paris", utc(2026, 1, 15, 12, 0));
    CHECK(lt.date.year == 2026);
    CHECK(lt.date.month == 1);
    CHECK(lt.date.day == 15);
    CHECK(lt.minute_of_day == 13 * 60);
    // Summer.
    lt = local_time("Europe/Paris", utc(2026, 7, 15, 12, 0));
    CHECK(lt.minute_of_day == 14 * 60);
    CHECK(lt.date.day == 15);

    // Spring forward: the last Sunday of March 2026 is the 29th, at 01:00 UTC.
    const std::int64_t spring = utc(2026, 3, 29, 1, 0);
    CHECK(spring == 1774746000);
    lt = local_time("Europe/Paris", spring - 1);
    CHECK(lt.date.day == 29);
    CHECK(lt.minute_of_day == 1 * 60 + 59);  // 01:59:59 winter time
    lt = local_time("Europe/Paris", spring);
    CHECK(lt.minute_of_day == 3 * 60);  // 03:00 summer time
    // Not a week early: Sunday 22 March is still winter.
    CHECK(local_time("Europe/Paris", utc(2026, 3, 22, 12, 0)).minute_of_day == 13 * 60);

    // Fall back: the last Sunday of October 2026 is the 25th, at 01:00 UTC.
    const std::int64_t autumn = utc(2026, 10, 25, 1, 0);
    CHECK(autumn == 1792890000);
    lt = local_time("Europe/Paris", autumn - 1);
    CHECK(lt.date.day == 25);
    CHECK(lt.minute_of_day == 2 * 60 + 59);  // 02:59:59 summer time
    lt = local_time("Europe/Paris", autumn);
    CHECK(lt.minute_of_day == 2 * 60);  // 02:00 winter time
    CHECK(local_time("Europe/Paris", utc(2026, 10, 18, 12, 0)).minute_of_day == 14 * 60);

    // Another year: 2027 switches on 28 March and 31 October (a month ending on a Sunday).
    CHECK(local_time("Europe/Paris", utc(2027, 3, 28, 0, 59)).minute_of_day == 1 * 60 + 59);
    CHECK(local_time("Europe/Paris", utc(2027, 3, 28, 1, 0)).minute_of_day == 3 * 60);
    CHECK(local_time("Europe/Paris", utc(2027, 10, 31, 0, 59)).minute_of_day == 2 * 60 + 59);
    CHECK(local_time("Europe/Paris", utc(2027, 10, 31, 1, 0)).minute_of_day == 2 * 60);

    // The local date rolls over before the UTC one.
    lt = local_time("Europe/Paris", utc(2026, 12, 31, 23, 30));
    CHECK(lt.date.year == 2027);
    CHECK(lt.date.month == 1);
    CHECK(lt.date.day == 1);
    CHECK(lt.minute_of_day == 30);

    // London: the same switch instants, from UTC.
    CHECK(local_time("Europe/London", utc(2026, 1, 15, 12, 0)).minute_of_day == 12 * 60);
    CHECK(local_time("Europe/London", utc(2026, 7, 15, 12, 0)).minute_of_day == 13 * 60);
}

TEST_CASE("local_time: an unknown zone is UTC") {
    for (const char* zone : {"Mars/Olympus_Mons", "", "UTC", "America/New_York"}) {
        CAPTURE(zone);
        LocalTime lt = local_time(zone, utc(2026, 7, 15, 12, 34));
        CHECK(lt.date.year == 2026);
        CHECK(lt.date.month == 7);
        CHECK(lt.date.day == 15);
        CHECK(lt.minute_of_day == 12 * 60 + 34);
    }
    LocalTime epoch = local_time("Nowhere", 0);
    CHECK(epoch.date.year == 1970);
    CHECK(epoch.date.month == 1);
    CHECK(epoch.date.day == 1);
    CHECK(epoch.minute_of_day == 0);
    LocalTime before = local_time("Nowhere", -60);
    CHECK(before.date.year == 1969);
    CHECK(before.date.day == 31);
    CHECK(before.minute_of_day == 23 * 60 + 59);
}
