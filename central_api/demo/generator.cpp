#include "central_api/demo/generator.hpp"

#include "central_api/catalog.hpp"
#include "central_api/demo/demo_secrets.hpp"
#include "central_api/secrets.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <stdexcept>
#include <unistd.h>

namespace central_api {

namespace {

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && !(s.size() > 1 && s[1] == '-'))
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string hex_colour(const Rgb& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

json text(const Text& t) { return json{{"fr", t.fr}, {"en", t.en}}; }


struct SizeOption {
    std::string key;    // "size" or "capacity"
    std::string value;  // option value
    Text label;         // localised label when the value needs one
    double premium = 0; // added to the base price, in euros
    bool extended = false;  // an extended size (often web-only)
};

std::vector<SizeOption> sizes_for(SizeScheme scheme, Rng& rng) {
    std::vector<SizeOption> all;
    auto add = [&](std::string key, std::string value, Text label, double premium, bool extended) {
        all.push_back({std::move(key), std::move(value), std::move(label), premium, extended});
    };
    int min_count = 1, max_count = 1;
    switch (scheme) {
        case SizeScheme::None: return {};
        case SizeScheme::Clothing:
            for (const char* s : {"XS", "S", "M", "L", "XL", "XXL"})
                add("size", s, {}, 0, std::string(s) == "XS" || std::string(s) == "XXL");
            min_count = 3, max_count = 6;
            break;
        case SizeScheme::Shoes:
            for (int s = 36; s <= 46; ++s) add("size", std::to_string(s), {}, 0, s == 36 || s == 46);
            min_count = 4, max_count = 8;
            break;
        case SizeScheme::Kids:
            for (const char* s : {"2A", "4A", "6A", "8A", "10A", "12A"}) add("size", s, {}, 0, false);
            min_count = 3, max_count = 6;
            break;
        case SizeScheme::Baby:
            add("size", "0-3M", {"0-3 mois", "0-3 months"}, 0, false);
            add("size", "3-6M", {"3-6 mois", "3-6 months"}, 0, false);
            add("size", "6-12M", {"6-12 mois", "6-12 months"}, 0, false);
            add("size", "12-18M", {"12-18 mois", "12-18 months"}, 0, false);
            add("size", "18-24M", {"18-24 mois", "18-24 months"}, 0, false);
            min_count = 3, max_count = 5;
            break;
        case SizeScheme::Tyre:
            add("size", "195/65 R15", {}, 0, false);
            add("size", "205/55 R16", {}, 10, false);
            add("size", "225/45 R17", {}, 25, false);
            add("size", "235/40 R18", {}, 45, true);
            min_count = 1, max_count = 4;
            break;
        case SizeScheme::Capacity:
            add("capacity", "128GB", {"128 Go", "128 GB"}, 0, false);
            add("capacity", "256GB", {"256 Go", "256 GB"}, 100, false);
            add("capacity", "512GB", {"512 Go", "512 GB"}, 250, true);
            min_count = 1, max_count = 3;
            break;
        case SizeScheme::Bed:
            add("size", "90x190", {"90 × 190 cm", "90 × 190 cm"}, 0, false);
            add("size", "140x190", {"140 × 190 cm", "140 × 190 cm"}, 150, false);
            add("size", "160x200", {"160 × 200 cm", "160 × 200 cm"}, 250, false);
            add("size", "180x200", {"180 × 200 cm", "180 × 200 cm"}, 350, true);
            min_count = 2, max_count = 4;
            break;
        case SizeScheme::Screen:
            add("size", "43in", {"43 pouces (108 cm)", "43-inch (108 cm)"}, 0, false);
            add("size", "50in", {"50 pouces (126 cm)", "50-inch (126 cm)"}, 150, false);
            add("size", "55in", {"55 pouces (139 cm)", "55-inch (139 cm)"}, 300, false);
            add("size", "65in", {"65 pouces (164 cm)", "65-inch (164 cm)"}, 600, true);
            min_count = 1, max_count = 4;
            break;
    }
    auto count = static_cast<std::size_t>(rng.range(min_count, std::min<int>(max_count, static_cast<int>(all.size()))));
    auto start = static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(all.size() - count)));
    return {all.begin() + static_cast<std::ptrdiff_t>(start),
            all.begin() + static_cast<std::ptrdiff_t>(start + count)};
}

int colour_count(Family family, Rng& rng) {
    switch (family) {
        case Family::Clothing: return static_cast<int>(rng.range(1, 4));
        case Family::Shoes: return static_cast<int>(rng.range(1, 3));
        case Family::Home: return static_cast<int>(rng.range(1, 3));
        case Family::Tech: return static_cast<int>(rng.range(1, 3));
        case Family::Baby: return static_cast<int>(rng.range(1, 3));
        case Family::Sport: return static_cast<int>(rng.range(1, 2));
        case Family::Tyres: return 1;
    }
    return 1;
}

json opening_hours_for(Rng& rng, bool mall) {
    json hours = json::array();
    auto add = [&](int day, const char* open, const char* close) {
        hours.push_back({{"day", day}, {"open", open}, {"close", close}});
    };
    int pattern = mall ? 0 : static_cast<int>(rng.range(1, 3));
    for (int day = 1; day <= 7; ++day) {
        switch (pattern) {
            case 0:  // shopping centre: every day, shorter Sunday
                if (day == 7) add(day, "11:00", "19:00");
                else add(day, "10:00", "20:00");
                break;
            case 1:  // city centre: Monday to Saturday
                if (day <= 6) add(day, day == 6 ? "09:30" : "10:00", "19:30");
                break;
            case 2:  // closed Monday morning
                if (day == 1) add(day, "14:00", "19:00");
                else if (day <= 6) add(day, "09:30", "19:00");
                break;
            default:  // small town: lunch break, closed on Monday
                if (day >= 2 && day <= 6) {
                    add(day, "09:30", "12:30");
                    add(day, "14:00", "19:00");
                }
                break;
        }
    }
    return hours;
}

}  // namespace

std::int64_t shop_price(double euros) {
    if (euros < 1) euros = 1;
    auto whole = static_cast<std::int64_t>(euros);
    return whole < 200 ? whole * 100 + 99 : (whole / 10) * 1000 + 900;
}

std::string product_id_for(std::int64_t index) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "P%07lld", static_cast<long long>(index));
    return buf;
}

std::string hash_pin(const std::string& pin, bool fast) {
    char out[crypto_pwhash_STRBYTES];
    // Real use: argon2id, 2 passes over 19 MiB. Tests: the minimum, for speed.
    unsigned long long ops = fast ? crypto_pwhash_OPSLIMIT_MIN : 2;
    std::size_t mem = fast ? crypto_pwhash_MEMLIMIT_MIN : 19u * 1024 * 1024;
    if (crypto_pwhash_str_alg(out, pin.c_str(), pin.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("cannot hash a PIN: out of memory");
    return out;
}

ProductFactory::ProductFactory(std::uint64_t seed, std::int64_t now) : seed_(seed), now_(now) {
    int total = 0;
    for (const auto& c : demo_categories()) {
        if (c.weight <= 0) continue;
        leaves_.push_back(&c);
        total += c.weight;
        cumulative_.push_back(total);
    }
}

const CategoryDef& ProductFactory::pick_category(Rng& rng) const {
    auto target = static_cast<int>(rng.range(1, cumulative_.back()));
    auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), target);
    return *leaves_[static_cast<std::size_t>(it - cumulative_.begin())];
}

json ProductFactory::make(std::int64_t index) const {
    Rng rng(hash64(std::to_string(index), seed_));
    const CategoryDef& cat = pick_category(rng);
    const FamilyWords& words = family_words(cat.family);
    const std::string& brand = rng.pick(cat.brands);
    const std::string& range = rng.pick(range_names());
    const Text& style = rng.pick(words.styles);
    auto mat = static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(words.materials.size()) - 1));
    if (cat.archetype == Archetype::Jeans) mat = 3;  // jeans are denim
    const Text& material = words.materials[mat];
    const Text& composition = words.composition[mat % words.composition.size()];

    Text name;
    switch (cat.family) {
        case Family::Tech:
            name.fr = cat.noun.fr + " " + brand + " " + range + " " + style.fr + " " + material.fr;
            name.en = brand + " " + range + " " + style.en + " " + material.en + " " + lower_first(cat.noun.en);
            break;
        case Family::Tyres:
            name.fr = cat.noun.fr + " " + brand + " " + material.fr + " " + range + " " + style.fr;
            name.en = brand + " " + material.en + " " + range + " " + style.en + " " + lower_first(cat.noun.en);
            break;
        default:
            name.fr = cat.noun.fr + " " + range + " " + style.fr + " " + material.fr;
            name.en = range + " " + material.en + " " + style.en + " " + lower_first(cat.noun.en);
            break;
    }

    const std::string id = product_id_for(index);
    char ref[24];
    std::snprintf(ref, sizeof ref, "%s%07lld", cat.ref_prefix.c_str(), static_cast<long long>(index));

    std::int64_t age_days = rng.range(0, 720);
    std::int64_t updated = now_ - age_days * 86400 - rng.range(0, 86399);
    bool web_only = rng.chance(0.08);
    bool promo = rng.chance(0.10);
    double base = static_cast<double>(rng.range(cat.price_min, cat.price_max));
    double online_factor = 1.0;
    double roll = rng.unit();
    if (roll < 0.12) online_factor = 0.85 + rng.unit() * 0.10;  // cheaper online
    else if (roll < 0.15) online_factor = 1.05;                  // dearer online

    // Colours
    const auto& palette = family_palette(cat.family);
    std::vector<int> colours;
    int ncol = colour_count(cat.family, rng);
    while (static_cast<int>(colours.size()) < ncol) {
        int c = rng.pick(palette);
        if (std::find(colours.begin(), colours.end(), c) == colours.end()) colours.push_back(c);
        if (colours.size() == palette.size()) break;
    }
    auto sizes = sizes_for(cat.sizes, rng);
    while (!sizes.empty() && colours.size() * sizes.size() > 12) sizes.pop_back();
    if (colours.size() > 12) colours.resize(12);

    const std::string archetype(archetype_name(cat.archetype));
    // Pictures: front and back/side for every colour, plus a detail of the first colour. Each
    // names its colour (the variant option value) so a client can show the chosen colour's.
    json images = json::array();
    static const Text views[] = {{"vue de face", "front view"}, {"vue de dos ou de côté", "back or side view"}, {"détail", "detail"}};
    for (std::size_t c = 0; c < colours.size(); ++c) {
        const auto& col = demo_colours()[static_cast<std::size_t>(colours[c])];
        for (int view = 0; view < (c == 0 ? 3 : 2); ++view) {
            json img = {{"url", "/v1/images/" + id + "/" + archetype + "/" + hex_colour(col.rgb) + "/" + std::to_string(view) + ".jpg"},
                        {"width", 800},
                        {"height", 800},
                        {"alt", {{"fr", col.name.fr + ", " + views[view].fr}, {"en", col.name.en + ", " + views[view].en}}}};
            if (cat.family != Family::Tyres) img["color"] = col.name.fr;
            images.push_back(std::move(img));
        }
    }

    json variants = json::array();
    std::int64_t ean_base = index * 12;
    int vindex = 0;
    bool any_store = false;
    for (int colour : colours) {
        const auto& col = demo_colours()[static_cast<std::size_t>(colour)];
        std::vector<const SizeOption*> opts;
        for (const auto& s : sizes) opts.push_back(&s);
        if (opts.empty()) opts.push_back(nullptr);
        for (const SizeOption* size : opts) {
            json options = json::object();
            json labels = json::object();
            std::string sku = std::string(ref) + "-" + (colour < 10 ? "0" : "") + std::to_string(colour);
            if (cat.family != Family::Tyres) {
                options["color"] = col.name.fr;
                labels["color"] = text(col.name);
            }
            double premium = 0;
            bool extended = false;
            if (size) {
                options[size->key] = size->value;
                if (!size->label.fr.empty()) labels[size->key] = text(size->label);
                sku += "-" + slugify(size->value);
                premium = size->premium;
                extended = size->extended;
            }
            std::int64_t store_price = shop_price(base + premium);
            std::int64_t online_price = online_factor == 1.0 ? store_price : shop_price((base + premium) * online_factor);
            char ean12[16];
            std::snprintf(ean12, sizeof ean12, "37%010lld", static_cast<long long>(ean_base + vindex));
            std::string ean = std::string(ean12) + std::to_string(ean13_check_digit(ean12));
            bool online_only = web_only || (extended && rng.chance(0.5));
            any_store = any_store || !online_only;
            json v = {{"sku", sku},
                      {"ean", ean},
                      {"options", options},
                      {"labels", labels},
                      {"price", {{"store", money(store_price)}, {"online", money(online_price)}}},
                      {"online_only", online_only}};
            if (promo) v["compare_at"] = money(shop_price((base + premium) * 1.3));
            variants.push_back(std::move(v));
            ++vindex;
        }
    }

    json badges = json::array();
    if (!any_store) badges.push_back("web_exclusive");
    if (age_days < 30) badges.push_back("new");
    if (promo) badges.push_back("promo");

    json category_ids = json::array({cat.id});
    for (std::string parent = cat.parent; !parent.empty();) {
        category_ids.push_back(parent);
        std::string next;
        for (const auto& c : demo_categories())
            if (c.id == parent) next = c.parent;
        parent = next;
    }

    static const Text origins[] = {{"Portugal", "Portugal"}, {"France", "France"}, {"Italie", "Italy"}, {"Espagne", "Spain"}, {"Maroc", "Morocco"}, {"Viêt Nam", "Vietnam"}};
    const Text& origin = origins[rng.range(0, 5)];
    json attributes = {
        {"fr", {{"Composition", composition.fr}, {"Marque", brand}, {"Référence", ref}, {"Fabrication", origin.fr}}},
        {"en", {{"Composition", composition.en}, {"Brand", brand}, {"Reference", ref}, {"Made in", origin.en}}}};
    if (cat.family == Family::Tyres) {
        attributes["fr"]["Indice de charge"] = std::to_string(rng.range(88, 98));
        attributes["en"]["Load index"] = attributes["fr"]["Indice de charge"];
        attributes["fr"]["Indice de vitesse"] = rng.chance(0.5) ? "V" : "W";
        attributes["en"]["Speed rating"] = attributes["fr"]["Indice de vitesse"];
    }
    if (cat.family == Family::Tech) {
        attributes["fr"]["Garantie"] = "2 ans";
        attributes["en"]["Warranty"] = "2 years";
    }

    json points_fr = json::array(), points_en = json::array();
    auto first_point = static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(words.selling_points.size()) - 1));
    for (std::size_t i = 0; i < 3 && i < words.selling_points.size(); ++i) {
        const Text& p = words.selling_points[(first_point + i) % words.selling_points.size()];
        points_fr.push_back(p.fr);
        points_en.push_back(p.en);
    }
    const Text& pitch = rng.pick(words.pitch);
    const Text& care = rng.pick(words.care);
    Text description{pitch.fr + " " + name.fr + " signé " + brand + ". Composition : " + composition.fr + ".",
                     pitch.en + " " + name.en + " by " + brand + ". Composition: " + composition.en + "."};

    return json{{"id", id},
                {"ref", ref},
                {"brand", brand},
                {"name", text(name)},
                {"description", text(description)},
                {"category_ids", category_ids},
                {"attributes", attributes},
                {"selling_points", {{"fr", points_fr}, {"en", points_en}}},
                {"care", text(care)},
                {"badges", badges},
                {"images", images},
                {"variants", variants},
                {"created_at", rfc3339_paris(updated)},
                {"updated_at", rfc3339_paris(updated)}};
}

std::int64_t ProductFactory::stock(const json& product, Stmt& put_stock, Stmt& put_incoming) const {
    Rng rng(hash64(product.at("id").get_ref<const std::string&>(), seed_ ^ 0x5713C4ULL));
    const auto& locations = demo_locations();
    std::int64_t rows = 0;
    bool bulky = false;
    for (const auto& c : product.at("category_ids"))
        if (c == "maison-canapes" || c == "maison-tables" || c == "maison-literie" || c == "tech-televiseurs")
            bulky = true;
    double store_p = bulky ? 0.03 : 0.05;
    for (const auto& v : product.at("variants")) {
        const std::string& sku = v.at("sku").get_ref<const std::string&>();
        bool online_only = v.at("online_only").get<bool>();
        for (const auto& loc : locations) {
            bool warehouse = loc.kind == "warehouse";
            double p = warehouse ? (loc.id == locations[locations.size() - 2].id ? 0.8 : 0.55) : store_p;
            if (!warehouse && online_only) continue;
            if (!rng.chance(p)) continue;
            std::int64_t qty = warehouse ? rng.range(1, 150) : 1 + rng.range(0, 2) + (rng.chance(0.3) ? rng.range(0, 6) : 0);
            put_stock.bind(1, sku).bind(2, loc.id).bind(3, qty);
            if (!warehouse && rng.chance(0.7)) {
                char aisle[16];
                std::snprintf(aisle, sizeof aisle, "%c%02d", static_cast<char>('A' + rng.range(0, 7)),
                              static_cast<int>(rng.range(1, 24)));
                put_stock.bind(4, aisle);
            } else {
                put_stock.bind_null(4);
            }
            put_stock.run();
            ++rows;
        }
        if (rng.chance(0.03)) {
            const auto& loc = locations[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(locations.size()) - 1))];
            if (online_only && loc.kind != "warehouse") continue;
            put_incoming.bind(1, sku)
                .bind(2, loc.id)
                .bind(3, rng.range(5, 50))
                .bind(4, date_paris(now_ + rng.range(2, 21) * 86400))
                .run();
        }
    }
    return rows;
}

namespace {

void write_locations(Db& db, Rng& rng, std::int64_t now) {
    auto st = db.prepare("INSERT INTO locations(id, kind, lat, lon, pickup, doc, position) VALUES(?,?,?,?,?,?,?)");
    const auto& locations = demo_locations();
    // Exceptional closures relative to the day of generation: a store closed today, one tomorrow.
    std::size_t closed_today = static_cast<std::size_t>(rng.range(5, 30));
    std::size_t closed_tomorrow = closed_today + 3;
    static const char* holidays[] = {"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14",
                                     "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11",
                                     "2026-12-25", "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06",
                                     "2027-05-08", "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01",
                                     "2027-11-11", "2027-12-25"};
    int position = 0;
    for (std::size_t i = 0; i < locations.size(); ++i) {
        const auto& l = locations[i];
        bool warehouse = l.kind == "warehouse";
        bool mall = l.id.find("defense") != std::string::npos || l.id.find("part-dieu") != std::string::npos ||
                    l.id.find("atlantis") != std::string::npos || l.id.find("euralille") != std::string::npos ||
                    l.id.find("terrasses") != std::string::npos || l.id.find("odysseum") != std::string::npos ||
                    l.id.find("toison") != std::string::npos || l.id.find("confluence") != std::string::npos;
        json closed = json::array();
        for (const char* h : holidays) {
            std::string day(h);
            bool major = day.substr(5) == "01-01" || day.substr(5) == "05-01" || day.substr(5) == "12-25";
            if (major || !mall) closed.push_back(day);
        }
        if (i == closed_today) closed.push_back(date_paris(now));
        if (i == closed_tomorrow) closed.push_back(date_paris(now + 86400));
        std::sort(closed.begin(), closed.end());
        bool pickup = !warehouse && i != 17 && i != 33;
        json doc = {{"id", l.id},
                    {"kind", l.kind},
                    {"name", l.name},
                    {"address", {{"line1", l.line1}, {"postcode", l.postcode}, {"city", l.city}, {"country", "FR"}}},
                    {"location", {{"lat", l.lat}, {"lon", l.lon}}},
                    {"timezone", "Europe/Paris"},
                    {"opening_hours", warehouse ? json::array() : opening_hours_for(rng, mall)},
                    {"closed_dates", warehouse ? json::array() : closed},
                    {"pickup", pickup},
                    {"phone", l.phone}};
        st.bind(1, l.id).bind(2, l.kind).bind(3, l.lat).bind(4, l.lon).bind(5, pickup ? 1 : 0)
            .bind(6, doc.dump()).bind(7, position++).run();
    }
}

void write_categories(Db& db) {
    auto st = db.prepare("INSERT INTO categories(id, parent_id, position, doc) VALUES(?,?,?,?)");
    int position = 0;
    for (const auto& c : demo_categories()) {
        json doc = {{"id", c.id},
                    {"parent_id", c.parent.empty() ? json(nullptr) : json(c.parent)},
                    {"name", text(c.name)},
                    {"position", position}};
        st.bind(1, c.id);
        if (c.parent.empty()) st.bind_null(2);
        else st.bind(2, c.parent);
        st.bind(3, position++).bind(4, doc.dump()).run();
    }
}

// Kiosks and staff. Their tokens and PINs are derived from the key (kept outside the database,
// see secrets.hpp); only their hashes are written.
void write_people(Db& db, Rng& rng, bool fast_hash, const DemoKey& key, std::uint64_t seed) {
    auto kiosk = db.prepare("INSERT INTO kiosks(id, store_id, token_hash) VALUES(?,?,?)");
    struct StaffRow { std::string id, store, name, pin; };
    std::vector<StaffRow> staff;
    for (const auto& l : demo_locations()) {
        if (l.kind != "store") continue;
        const std::string kiosk_id = "k-" + l.id + "-1";
        kiosk.bind(1, kiosk_id).bind(2, l.id).bind(3, sha256_hex(demo_kiosk_token(key, seed, kiosk_id))).run();
        std::vector<std::string> ids, drawn;
        std::vector<std::string> names;
        for (int n = 1; n <= 3; ++n) {
            // PINs used to be drawn here; the draws are kept so that everything generated after
            // them (customers, purchases) stays the same for a given seed.
            std::string old_pin;
            do {
                char buf[8];
                std::snprintf(buf, sizeof buf, "%06d", static_cast<int>(rng.range(0, 999999)));
                old_pin = buf;
            } while (std::find(drawn.begin(), drawn.end(), old_pin) != drawn.end());
            drawn.push_back(old_pin);
            ids.push_back("s-" + l.id + "-" + std::to_string(n));
            names.push_back(rng.pick(first_names()) + " " + rng.pick(last_names()));
        }
        auto pins = demo_store_pins(key, seed, ids);
        for (std::size_t i = 0; i < ids.size(); ++i) staff.push_back({ids[i], l.id, names[i], pins[i]});
    }
    // argon2id is slow on purpose: hash on two threads.
    std::vector<std::string> hashes(staff.size());
    auto work = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) hashes[i] = hash_pin(staff[i].pin, fast_hash);
    };
    auto half = std::async(std::launch::async, work, 0, staff.size() / 2);
    work(staff.size() / 2, staff.size());
    half.get();
    auto st = db.prepare("INSERT INTO staff(id, store_id, name, pin_hash) VALUES(?,?,?,?)");
    for (std::size_t i = 0; i < staff.size(); ++i)
        st.bind(1, staff[i].id).bind(2, staff[i].store).bind(3, staff[i].name).bind(4, hashes[i]).run();
}

struct SampleVariant {
    std::string sku, product_id, name, options;
    std::int64_t price;
};

void write_customers(Db& db, Rng& rng, std::int64_t count, const std::vector<SampleVariant>& sample,
                     std::int64_t now, GenerationReport& report) {
    auto cust = db.prepare("INSERT INTO customers(card, name, tier) VALUES(?,?,?)");
    auto buy = db.prepare("INSERT INTO purchases(card, date, store_id, sku, product_id, name, options, quantity, amount) VALUES(?,?,?,?,?,?,?,?,?)");
    std::vector<std::string> stores;
    for (const auto& l : demo_locations())
        if (l.kind == "store") stores.push_back(l.id);
    static const std::vector<std::string> tiers = {"bronze", "bronze", "bronze", "silver", "silver", "gold"};
    for (std::int64_t i = 0; i < count; ++i) {
        char first12[16];
        std::snprintf(first12, sizeof first12, "29%010lld", static_cast<long long>(1000 + i * 7919 % 100000000));
        std::string card = std::string(first12) + std::to_string(ean13_check_digit(first12));
        cust.bind(1, card).bind(2, rng.pick(first_names()) + " " + rng.pick(last_names())).bind(3, rng.pick(tiers)).run();
        ++report.customers;
        const std::string& home = rng.pick(stores);
        auto n = rng.range(2, 25);
        for (std::int64_t k = 0; k < n && !sample.empty(); ++k) {
            const auto& v = rng.pick(sample);
            double r = rng.unit();
            std::string where = r < 0.65 ? home : r < 0.85 ? rng.pick(stores) : "online";
            auto qty = rng.chance(0.85) ? 1 : rng.range(2, 3);
            buy.bind(1, card).bind(2, date_paris(now - rng.range(1, 730) * 86400)).bind(3, where)
                .bind(4, v.sku).bind(5, v.product_id).bind(6, v.name).bind(7, v.options).bind(8, qty)
                .bind(9, v.price * qty).run();
            ++report.purchases;
        }
    }
}

}  // namespace

GenerationReport generate_demo(const std::string& path, const GeneratorOptions& options,
                               const Clock& clock) {
    namespace fs = std::filesystem;
    if (sodium_init() < 0) throw std::runtime_error("cannot initialise libsodium");
    if (options.products < 1 || options.products > 10'000'000)
        throw std::runtime_error("--products must be between 1 and 10000000");
    auto started = std::chrono::steady_clock::now();
    std::error_code ec;
    if (fs::exists(path, ec)) throw std::runtime_error("database " + path + " already exists");
    std::string tmp = path + ".generating-" + std::to_string(::getpid());
    fs::remove(tmp, ec);
    GenerationReport report;
    const std::int64_t now = clock();
    const DemoKey key = new_demo_key();
    try {
        Db db(tmp, Db::Mode::ReadWriteCreate);
        db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
        create_schema(db);
        Rng rng(options.seed);
        Transaction tx(db, false);
        write_locations(db, rng, now);
        write_categories(db);
        write_people(db, rng, options.fast_pin_hash, key, options.seed);

        ProductFactory factory(options.seed, now);
        CatalogWriter writer(db);
        auto put_stock = db.prepare("INSERT OR REPLACE INTO stock(sku, location_id, quantity, aisle) VALUES(?,?,?,?)");
        auto put_incoming = db.prepare("INSERT INTO incoming(sku, location_id, quantity, eta) VALUES(?,?,?,?)");
        std::vector<SampleVariant> sample;
        Rng sample_rng(options.seed ^ 0xABCDEFULL);
        std::int64_t step = std::max<std::int64_t>(1, options.products / 10);
        // Product documents are pure functions of the seed and the index: a second thread builds
        // the next batch while this one writes the current one.
        constexpr std::int64_t kBatch = 512;
        auto make_batch = [&factory](std::int64_t from, std::int64_t to) {
            std::vector<json> out;
            out.reserve(static_cast<std::size_t>(to - from));
            for (std::int64_t k = from; k < to; ++k) out.push_back(factory.make(k));
            return out;
        };
        auto next = std::async(std::launch::async, make_batch, std::int64_t{1}, std::min(options.products + 1, 1 + kBatch));
        std::vector<json> batch;
        std::size_t in_batch = 0;
        for (std::int64_t i = 1; i <= options.products; ++i) {
            if (in_batch == batch.size()) {
                batch = next.get();
                in_batch = 0;
                if (i + kBatch <= options.products)
                    next = std::async(std::launch::async, make_batch, i + kBatch, std::min(options.products + 1, i + 2 * kBatch));
            }
            json product = std::move(batch[in_batch++]);
            writer.upsert(product, now);
            report.stock_rows += factory.stock(product, put_stock, put_incoming);
            const auto& variants = product.at("variants");
            report.variants += static_cast<std::int64_t>(variants.size());
            if (sample.size() < 5000 || sample_rng.chance(0.01)) {
                const auto& v = variants[static_cast<std::size_t>(sample_rng.range(0, static_cast<std::int64_t>(variants.size()) - 1))];
                SampleVariant s{v.at("sku"), product.at("id"), product.at("name").dump(), v.at("options").dump(),
                                v.at("price").at("store").at("amount").get<std::int64_t>()};
                if (sample.size() < 5000) sample.push_back(std::move(s));
                else sample[static_cast<std::size_t>(sample_rng.range(0, 4999))] = std::move(s);
            }
            if (options.progress && i % step == 0)
                options.progress("generated " + std::to_string(i) + " of " + std::to_string(options.products) + " products");
        }
        report.products = options.products;
        write_customers(db, rng, std::clamp<std::int64_t>(options.products / 10, 50, 3000), sample, now, report);

        db.set_meta("schema_version", std::to_string(kSchemaVersion));
        db.set_meta("seed", std::to_string(options.seed));
        db.set_meta("products_generated", std::to_string(options.products));
        db.set_meta("next_product_index", std::to_string(options.products + 1));
        db.set_meta("epoch", random_token(6));
        db.set_meta("generated_at", rfc3339_paris(now));
        db.set_meta("purged_through_seq", "0");
        tx.commit();
        db.exec("PRAGMA journal_mode = WAL;");
        // The key goes beside the database (replacing any stale one) before the database appears.
        write_demo_key(demo_secrets_path(path), key);
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        fs::remove(demo_secrets_path(path), ec);
        throw std::runtime_error("cannot move the generated database to " + path + ": " + ec.message());
    }
    fs::remove(tmp + "-wal", ec);
    fs::remove(tmp + "-shm", ec);
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace central_api
