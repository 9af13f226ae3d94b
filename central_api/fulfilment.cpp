#include "central_api/fulfilment.hpp"

#include <algorithm>

namespace central_api {

std::vector<LocationInfo> load_locations(Db& db) {
    std::vector<LocationInfo> out;
    auto st = db.prepare("SELECT id, kind, lat, lon, pickup, doc FROM locations ORDER BY position");
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.real(2), st.real(3), st.integer(4) != 0,
                       json::parse(st.text_view(5))});
    return out;
}

const LocationInfo* find_location(const std::vector<LocationInfo>& all, const std::string& id) {
    for (const auto& l : all)
        if (l.id == id) return &l;
    return nullptr;
}

std::optional<VariantInfo> find_variant(Db& db, const std::string& sku) {
    auto st = db.prepare("SELECT sku, product_id, name, options, price_online, price_store, online_only FROM variants WHERE sku = ?");
    st.bind(1, sku);
    if (!st.step()) return std::nullopt;
    return VariantInfo{st.text(0), st.text(1), json::parse(st.text_view(2)), json::parse(st.text_view(3)),
                       st.integer(4), st.integer(5), st.integer(6) != 0};
}

namespace {

std::int64_t quantity_at(Db& db, const std::string& sku, const std::string& location) {
    auto st = db.prepare("SELECT quantity FROM stock WHERE sku = ? AND location_id = ?");
    st.bind(1, sku).bind(2, location);
    return st.step() ? st.integer(0) : 0;
}

// The warehouse holding the most units of `sku`, and how many.
std::pair<const LocationInfo*, std::int64_t> best_warehouse(Db& db, const std::string& sku,
                                                            const std::vector<LocationInfo>& all) {
    const LocationInfo* best = nullptr;
    std::int64_t most = 0;
    for (const auto& l : all) {
        if (l.kind != "warehouse") continue;
        std::int64_t q = quantity_at(db, sku, l.id);
        if (q > most) most = q, best = &l;
    }
    return {best, most};
}

int parse_hhmm(const std::string& s) {
    if (s.size() != 5 || s[2] != ':') return -1;
    return ((s[0] - '0') * 10 + (s[1] - '0')) * 60 + (s[3] - '0') * 10 + (s[4] - '0');
}

bool closed_on(const json& store_doc, const ParisTime& lt) {
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", lt.year, lt.month, lt.day);
    for (const auto& d : store_doc.value("closed_dates", json::array()))
        if (d.is_string() && d.get_ref<const std::string&>() == date) return true;
    return false;
}

}  // namespace

bool is_open(const json& store_doc, std::int64_t t) {
    ParisTime lt = paris_time(t);
    if (closed_on(store_doc, lt)) return false;
    for (const auto& h : store_doc.value("opening_hours", json::array())) {
        if (h.value("day", 0) != lt.weekday) continue;
        int open = parse_hhmm(h.value("open", "")), close = parse_hhmm(h.value("close", ""));
        if (lt.minute_of_day >= open && lt.minute_of_day < close) return true;
    }
    return false;
}

std::optional<std::int64_t> next_open(const json& store_doc, std::int64_t t) {
    if (is_open(store_doc, t)) return t;
    for (int day = 0; day <= 21; ++day) {
        ParisTime lt = paris_time(t + static_cast<std::int64_t>(day) * 86400);
        if (closed_on(store_doc, lt)) continue;
        int best = -1;
        for (const auto& h : store_doc.value("opening_hours", json::array())) {
            if (h.value("day", 0) != lt.weekday) continue;
            int open = parse_hhmm(h.value("open", ""));
            if (open < 0) continue;
            if (day == 0 && open <= paris_time(t).minute_of_day) continue;
            if (best < 0 || open < best) best = open;
        }
        if (best >= 0) return paris_to_unix(lt.year, lt.month, lt.day, best);
    }
    return std::nullopt;
}

Plan plan_pickup(Db& db, const std::vector<LineRequest>& lines, const LocationInfo& store,
                 const std::vector<LocationInfo>& all, std::int64_t now) {
    Plan plan;
    double farthest_km = 0;
    for (const auto& line : lines) {
        std::int64_t shelf = quantity_at(db, line.sku, store.id);
        if (shelf >= line.quantity) {
            plan.allocations.push_back({line.sku, store.id, line.quantity});
            continue;
        }
        auto [warehouse, units] = best_warehouse(db, line.sku, all);
        if (warehouse && units >= line.quantity) {
            plan.allocations.push_back({line.sku, warehouse->id, line.quantity});
            plan.transfer = true;
            farthest_km = std::max(farthest_km, distance_km(store.lat, store.lon, warehouse->lat, warehouse->lon));
            continue;
        }
        plan.short_sku = line.sku;
        plan.available = std::max(shelf, units);
        return plan;
    }
    // Shelf: ready two hours after the order, within opening hours. Transfer: a truck leaves the
    // warehouse the next morning and arrives one day later (two beyond 350 km).
    std::int64_t earliest = now + 2 * 3600;
    if (plan.transfer) {
        ParisTime lt = paris_time(now);
        std::int64_t days = farthest_km > 350 ? 3 : 2;
        std::int64_t day = days_from_civil(lt.year, lt.month, lt.day) + days;
        int y, m, d;
        civil_from_days(day, y, m, d);
        earliest = paris_to_unix(y, m, d, 11 * 60);
    }
    auto open = next_open(store.doc, earliest);
    if (!open) {
        plan.short_sku.clear();
        return plan;  // the store does not open in the next three weeks
    }
    plan.ready_by = *open == earliest ? earliest : *open + 3600;
    plan.ready_by = (plan.ready_by + 899) / 900 * 900;  // quarter-hour
    plan.possible = true;
    return plan;
}

Plan plan_delivery(Db& db, const std::vector<LineRequest>& lines, const std::vector<LocationInfo>& all) {
    Plan plan;
    for (const auto& line : lines) {
        auto [warehouse, units] = best_warehouse(db, line.sku, all);
        if (!warehouse || units < line.quantity) {
            plan.short_sku = line.sku;
            plan.available = units;
            return plan;
        }
        plan.allocations.push_back({line.sku, warehouse->id, line.quantity});
    }
    plan.eta_min_days = 2;
    plan.eta_max_days = 4;
    plan.possible = true;
    return plan;
}

bool reserve(Db& db, const Plan& plan) {
    db.exec("SAVEPOINT reserve");
    auto st = db.prepare("UPDATE stock SET quantity = quantity - ? WHERE sku = ? AND location_id = ? AND quantity >= ?");
    for (const auto& a : plan.allocations) {
        st.bind(1, a.quantity).bind(2, a.sku).bind(3, a.location_id).bind(4, a.quantity).run();
        if (db.changes() != 1) {
            db.exec("ROLLBACK TO reserve; RELEASE reserve");
            return false;
        }
    }
    db.exec("RELEASE reserve");
    return true;
}

std::int64_t delivery_price(std::int64_t items_total) { return items_total >= 5000 ? 0 : 499; }

}  // namespace central_api
