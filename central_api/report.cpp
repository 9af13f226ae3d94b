#include "central_api/report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

namespace central_api {

std::optional<std::int64_t> parse_report_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i)
        for (std::size_t k = 0; k < lengths[i]; ++k) {
            const char c = text[starts[i] + k];
            if (c < '0' || c > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    const int y = parts[0], m = parts[1], d = parts[2];
    if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1) return std::nullopt;
    static const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > days_in[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
    return paris_to_unix(y, m, d, 0);
}

std::string default_report_date(std::int64_t now) { return date_paris(now - kDefaultReportDays * 86400); }

RoundedAge rounded_age(std::int64_t s) {
    if (s < 120) return {s, 's'};
    if (s < 7200) return {s / 60, 'm'};
    if (s < 172800) return {s / 3600, 'h'};
    return {s / 86400, 'd'};
}

namespace {

struct Money {
    std::int64_t orders = 0, revenue = 0;
    void add(std::int64_t cents) {
        ++orders;
        revenue += cents;
    }
    json doc() const { return {{"orders", orders}, {"revenue", revenue}}; }
};

// What a kiosk, a store or the fleet brought over the period.
struct Tally {
    std::set<std::string> sessions, searched, ordered;  // session ids
    std::int64_t product_views = 0, availability_checks = 0, adds_to_cart = 0, searches = 0,
                 zero_result_searches = 0, failed_orders = 0;
    Money all, delivery, pickup_here, pickup_elsewhere, staff;

    void merge(const Tally& o) {
        sessions.insert(o.sessions.begin(), o.sessions.end());
        searched.insert(o.searched.begin(), o.searched.end());
        ordered.insert(o.ordered.begin(), o.ordered.end());
        product_views += o.product_views;
        availability_checks += o.availability_checks;
        adds_to_cart += o.adds_to_cart;
        searches += o.searches;
        zero_result_searches += o.zero_result_searches;
        failed_orders += o.failed_orders;
        for (auto [to, from] : {std::pair{&all, &o.all}, {&delivery, &o.delivery}, {&pickup_here, &o.pickup_here},
                                {&pickup_elsewhere, &o.pickup_elsewhere}, {&staff, &o.staff}}) {
            to->orders += from->orders;
            to->revenue += from->revenue;
        }
    }

    json doc() const {
        // Sessions that ordered but started before the period still convert; the ratio is capped.
        const auto n = static_cast<std::int64_t>(sessions.size());
        double conversion = n == 0 ? 0.0 : std::min(1.0, static_cast<double>(ordered.size()) / static_cast<double>(n));
        return {{"sessions", n},
                {"sessions_with_search", searched.size()},
                {"sessions_with_order", ordered.size()},
                {"conversion", static_cast<double>(static_cast<std::int64_t>(conversion * 10000 + 0.5)) / 10000},
                {"product_views", product_views},
                {"availability_checks", availability_checks},
                {"adds_to_cart", adds_to_cart},
                {"searches", searches},
                {"zero_result_searches", zero_result_searches},
                {"orders_failed", failed_orders},
                {"orders", all.orders},
                {"revenue", all.revenue},
                {"by_fulfilment", {{"delivery", delivery.doc()}, {"pickup_here", pickup_here.doc()},
                                   {"pickup_elsewhere", pickup_elsewhere.doc()}}},
                {"staff_assisted", staff.doc()}};
    }
};

struct KioskRow {
    std::string id, store_id;
    std::optional<json> heartbeat;
    std::int64_t heartbeat_at = 0;
    Tally tally;
};

struct ZeroSearch {
    std::string text;
    std::int64_t count = 0;
    std::set<std::string> stores;
};

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

json kiosk_status(const KioskRow& k, std::int64_t now) {
    json out = {{"kiosk_id", k.id}, {"store_id", k.store_id}};
    if (!k.heartbeat) {
        out["last_heartbeat"] = nullptr;
        out["overdue"] = true;
        return out;
    }
    const json& h = *k.heartbeat;
    const std::int64_t age = std::max<std::int64_t>(0, now - k.heartbeat_at);
    const std::int64_t interval = h.value("interval_s", kDefaultHeartbeatInterval);
    out["last_heartbeat"] = rfc3339_paris(k.heartbeat_at);
    out["heartbeat_age_s"] = age;
    out["overdue"] = age > kOverdueIntervals * std::max<std::int64_t>(interval, 1);
    out["version"] = h.value("version", "");
    out["outbox_depth"] = h.value("outbox_depth", 0);
    out["uptime_s"] = h.value("uptime_s", 0);
    // The age the kiosk reported, plus the time since it reported it.
    out["catalog_age_s"] = h.contains("catalog_age_s") ? json(h["catalog_age_s"].get<std::int64_t>() + age) : json(nullptr);
    out["catalog_cursor"] = h.value("catalog_cursor", json(nullptr));
    out["last_error"] = h.value("last_error", json(nullptr));
    return out;
}

}  // namespace

json fleet_report(Db& db, std::int64_t since, std::int64_t now) {
    std::map<std::string, std::string> store_names;
    {
        auto st = db.prepare("SELECT id, json_extract(doc, '$.name') FROM locations WHERE kind = 'store' ORDER BY position");
        while (st.step()) store_names[st.text(0)] = st.text(1);
    }
    std::map<std::string, KioskRow> kiosks;
    {
        auto st = db.prepare("SELECT id, store_id FROM kiosks ORDER BY store_id, id");
        while (st.step()) kiosks[st.text(0)] = KioskRow{st.text(0), st.text(1), std::nullopt, 0, {}};
    }
    {
        auto st = db.prepare("SELECT kiosk_id, received_at, doc FROM heartbeats");
        while (st.step()) {
            auto it = kiosks.find(st.text(0));
            if (it == kiosks.end()) continue;  // a kiosk since removed
            json doc = json::parse(st.text_view(2), nullptr, false);
            if (!doc.is_object()) continue;
            it->second.heartbeat = std::move(doc);
            it->second.heartbeat_at = st.integer(1);
        }
    }

    std::map<std::string, ZeroSearch> zero;  // by lower-cased text
    {
        // An event is received after it happens, so nothing received before `since` counts.
        auto st = db.prepare(
            "SELECT kiosk_id, COALESCE(unixepoch(json_extract(doc, '$.at')), received_at), json_extract(doc, '$.type'), "
            "json_extract(doc, '$.session_id'), json_extract(doc, '$.data.value'), json_extract(doc, '$.data.detail') "
            "FROM events WHERE received_at >= ?");
        st.bind(1, since);
        while (st.step()) {
            // Not bounded by `now`: a kiosk whose clock runs ahead still counts.
            if (st.integer(1) < since) continue;
            auto it = kiosks.find(st.text(0));
            if (it == kiosks.end()) continue;
            Tally& t = it->second.tally;
            const std::string type = st.text(2), session = it->first + "/" + st.text(3);
            const std::int64_t value = st.integer(4);
            if (type == "session_start") {
                t.sessions.insert(session);
            } else if (type == "search") {
                ++t.searches;
                t.searched.insert(session);
                if (value == 0 && !st.is_null(5)) {
                    ++t.zero_result_searches;
                    ZeroSearch& z = zero[lower_ascii(st.text(5))];
                    if (z.text.empty()) z.text = st.text(5);
                    ++z.count;
                    z.stores.insert(it->second.store_id);
                }
            } else if (type == "product_view") {
                ++t.product_views;
            } else if (type == "availability") {
                ++t.availability_checks;
            } else if (type == "add_to_cart") {
                t.adds_to_cart += std::max<std::int64_t>(value, 1);
            } else if (type == "order_placed") {
                t.ordered.insert(session);
            } else if (type == "order_failed") {
                ++t.failed_orders;
            }
        }
    }

    // Orders as placed, per day and store for the chart.
    std::map<std::pair<std::string, std::string>, Money> per_day;  // (date, store)
    {
        auto st = db.prepare(
            "SELECT kiosk_id, created_at, channel_store, fulfil_store, json_extract(doc, '$.totals.total.amount'), "
            "json_extract(doc, '$.channel.staff_id') FROM orders WHERE created_at >= ? AND created_at <= ?");
        st.bind(1, since).bind(2, now);
        while (st.step()) {
            const std::int64_t cents = st.integer(4);
            per_day[{date_paris(st.integer(1)), st.text(2)}].add(cents);
            auto it = kiosks.find(st.text(0));
            if (it == kiosks.end()) continue;
            Tally& t = it->second.tally;
            t.all.add(cents);
            if (st.is_null(3)) t.delivery.add(cents);
            else if (st.text(3) == st.text(2)) t.pickup_here.add(cents);
            else t.pickup_elsewhere.add(cents);
            if (!st.is_null(5)) t.staff.add(cents);
        }
    }

    json kiosk_docs = json::array(), store_docs = json::array();
    std::map<std::string, Tally> by_store;
    std::map<std::string, int> kiosks_in_store, overdue_in_store;
    Tally fleet;
    std::int64_t overdue = 0;
    for (const auto& [id, k] : kiosks) {
        json doc = kiosk_status(k, now);
        doc["store_name"] = store_names.count(k.store_id) ? store_names[k.store_id] : k.store_id;
        doc["period"] = k.tally.doc();
        overdue += doc["overdue"].get<bool>() ? 1 : 0;
        overdue_in_store[k.store_id] += doc["overdue"].get<bool>() ? 1 : 0;
        ++kiosks_in_store[k.store_id];
        by_store[k.store_id].merge(k.tally);
        fleet.merge(k.tally);
        kiosk_docs.push_back(std::move(doc));
    }
    for (const auto& [store, tally] : by_store) {
        json doc = tally.doc();
        doc["store_id"] = store;
        doc["store_name"] = store_names.count(store) ? store_names[store] : store;
        doc["kiosks"] = kiosks_in_store[store];
        doc["kiosks_overdue"] = overdue_in_store[store];
        store_docs.push_back(std::move(doc));
    }
    std::vector<ZeroSearch> misses;
    for (auto& [key, z] : zero) misses.push_back(std::move(z));
    std::sort(misses.begin(), misses.end(), [](const ZeroSearch& a, const ZeroSearch& b) {
        return a.count != b.count ? a.count > b.count : a.text < b.text;
    });
    json miss_docs = json::array();
    for (std::size_t i = 0; i < misses.size() && i < 100; ++i)
        miss_docs.push_back({{"text", misses[i].text}, {"count", misses[i].count},
                             {"stores", std::vector<std::string>(misses[i].stores.begin(), misses[i].stores.end())}});
    json days = json::array();
    for (const auto& [key, m] : per_day)
        days.push_back({{"date", key.first}, {"store_id", key.second}, {"orders", m.orders}, {"revenue", m.revenue}});

    json totals = fleet.doc();
    totals["kiosks"] = kiosks.size();
    totals["kiosks_overdue"] = overdue;
    return {{"generated_at", rfc3339_paris(now)},
            {"since", rfc3339_paris(since)},
            {"until", rfc3339_paris(now)},
            {"currency", kCurrency},
            {"totals", std::move(totals)},
            {"stores", std::move(store_docs)},
            {"kiosks", std::move(kiosk_docs)},
            {"zero_result_searches", std::move(miss_docs)},
            {"orders_per_day", std::move(days)}};
}

namespace {

std::string cell(const json& v) {
    if (v.is_null()) return "-";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
    return v.dump();
}

std::string euros(std::int64_t cents) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
    return buf;
}

std::string percent(double ratio) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", ratio * 100);
    return buf;
}

std::string duration(const json& seconds) {
    if (!seconds.is_number_integer()) return "-";
    const RoundedAge a = rounded_age(seconds.get<std::int64_t>());
    return std::to_string(a.value) + a.unit;
}

// Columns padded to their widest cell (UTF-8 aware enough for names: counts code points).
std::string table(const std::vector<std::vector<std::string>>& rows) {
    auto width = [](const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
        return n;
    };
    std::vector<std::size_t> widths;
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], width(r[i]));
        }
    std::string out;
    for (const auto& r : rows) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) {
            line += r[i];
            if (i + 1 < r.size()) line += std::string(widths[i] - width(r[i]) + 2, ' ');
        }
        out += line + "\n";
    }
    return out;
}

std::vector<std::string> period_cells(const json& p) {
    const json& f = p["by_fulfilment"];
    return {cell(p["sessions"]), cell(p["sessions_with_search"]), cell(p["product_views"]), cell(p["orders"]),
            euros(p["revenue"].get<std::int64_t>()), euros(f["delivery"]["revenue"].get<std::int64_t>()),
            euros(f["pickup_here"]["revenue"].get<std::int64_t>()), euros(f["pickup_elsewhere"]["revenue"].get<std::int64_t>()),
            cell(p["staff_assisted"]["orders"]), percent(p["conversion"].get<double>())};
}

}  // namespace

std::string report_text(const json& r) {
    const json& t = r["totals"];
    std::string out = "Fleet report from " + r["since"].get<std::string>() + " to " + r["until"].get<std::string>() +
                      " (amounts in " + r["currency"].get<std::string>() + ")\n\n";
    out += "Kiosks: " + cell(t["kiosks"]) + ", overdue: " + cell(t["kiosks_overdue"]) + "\n";
    std::vector<std::vector<std::string>> fleet = {
        {"kiosk", "store", "last heartbeat", "overdue", "version", "catalogue age", "outbox", "last error"}};
    for (const auto& k : r["kiosks"])
        fleet.push_back({cell(k["kiosk_id"]), cell(k["store_name"]), cell(k["last_heartbeat"]),
                         k["last_heartbeat"].is_null() ? "never" : cell(k["overdue"]),
                         cell(k.value("version", json(nullptr))), duration(k.value("catalog_age_s", json(nullptr))),
                         cell(k.value("outbox_depth", json(nullptr))), cell(k.value("last_error", json(nullptr)))});
    out += table(fleet) + "\n";

    const std::vector<std::string> head = {"sessions", "w/ search", "views", "orders", "revenue", "delivery",
                                           "pickup here", "pickup elsewhere", "staff", "conversion"};
    std::vector<std::vector<std::string>> stores = {{"store"}};
    stores[0].insert(stores[0].end(), head.begin(), head.end());
    for (const auto& s : r["stores"]) {
        std::vector<std::string> row = {cell(s["store_name"])};
        auto cells = period_cells(s);
        row.insert(row.end(), cells.begin(), cells.end());
        stores.push_back(std::move(row));
    }
    std::vector<std::string> total_row = {"all stores"};
    auto cells = period_cells(t);
    total_row.insert(total_row.end(), cells.begin(), cells.end());
    stores.push_back(std::move(total_row));
    out += "Per store\n" + table(stores) + "\n";

    std::vector<std::vector<std::string>> per_kiosk = {{"kiosk"}};
    per_kiosk[0].insert(per_kiosk[0].end(), head.begin(), head.end());
    for (const auto& k : r["kiosks"]) {
        std::vector<std::string> row = {cell(k["kiosk_id"])};
        auto c = period_cells(k["period"]);
        row.insert(row.end(), c.begin(), c.end());
        per_kiosk.push_back(std::move(row));
    }
    out += "Per kiosk\n" + table(per_kiosk) + "\n";

    out += "Searches that found nothing\n";
    if (r["zero_result_searches"].empty()) out += "(none)\n";
    std::vector<std::vector<std::string>> misses = {{"count", "search", "stores"}};
    for (const auto& z : r["zero_result_searches"]) {
        std::string where;
        for (const auto& s : z["stores"]) where += (where.empty() ? "" : " ") + s.get<std::string>();
        misses.push_back({cell(z["count"]), z["text"].get<std::string>(), where});
    }
    if (misses.size() > 1) out += table(misses);
    return out;
}

}  // namespace central_api
