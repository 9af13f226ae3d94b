#include "central_api/ops_page.hpp"

#include "central_api/report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

namespace central_api {

namespace {

constexpr const char* kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79"};
constexpr int kColours = sizeof kPalette / sizeof kPalette[0];
constexpr const char* kOtherColour = "#9a9a9a";

std::int64_t day_number(const std::string& date) {
    if (date.size() != 10) return 0;
    return days_from_civil(std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)));
}

std::string date_of(std::int64_t day) {
    int y = 0, m = 0, d = 0;
    civil_from_days(day, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string percent(double ratio) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f\u00a0%%", ratio * 100);
    return buf;
}

std::string text_of(const json& v) {
    if (v.is_null()) return "–";
    if (v.is_string()) return escape_html(v.get<std::string>());
    return v.dump();
}

std::string age(const json& seconds) {
    if (!seconds.is_number_integer()) return "–";
    const RoundedAge a = rounded_age(seconds.get<std::int64_t>());
    const char* unit = a.unit == 's' ? "s" : a.unit == 'm' ? "min" : a.unit == 'h' ? "h" : "j";
    return std::to_string(a.value) + "\u00a0" + unit;
}

std::string store_name(const json& stores, const std::string& id) {
    for (const auto& s : stores)
        if (s["store_id"] == id) return s["store_name"].get<std::string>();
    return id;
}

// The colour of each store in the chart: the stores with the most orders first; past the
// palette, "other stores" share one grey.
std::map<std::string, std::string> store_colours(const std::map<std::string, std::int64_t>& orders_by_store,
                                                 std::vector<std::string>& order) {
    std::vector<std::pair<std::int64_t, std::string>> ranked;
    for (const auto& [store, n] : orders_by_store) ranked.push_back({-n, store});
    std::sort(ranked.begin(), ranked.end());
    std::map<std::string, std::string> colours;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        colours[ranked[i].second] = static_cast<int>(i) < kColours ? kPalette[i] : kOtherColour;
        order.push_back(ranked[i].second);
    }
    return colours;
}

}  // namespace

std::string orders_chart_svg(const json& per_day, const json& stores, const std::string& first_day,
                             const std::string& last_day) {
    const std::int64_t last = day_number(last_day);
    const std::int64_t first = std::max(day_number(first_day), last - (kChartDays - 1));
    const int days = static_cast<int>(last - first + 1);
    std::map<std::int64_t, std::vector<std::pair<std::string, std::int64_t>>> bars;  // day → (store, orders)
    std::map<std::string, std::int64_t> orders_by_store;
    std::int64_t tallest = 0;
    for (const auto& e : per_day) {
        const std::int64_t day = day_number(e["date"].get<std::string>());
        if (day < first || day > last) continue;
        const std::int64_t n = e["orders"].get<std::int64_t>();
        bars[day].push_back({e["store_id"].get<std::string>(), n});
        orders_by_store[e["store_id"].get<std::string>()] += n;
    }
    for (const auto& [day, segments] : bars) {
        std::int64_t total = 0;
        for (const auto& s : segments) total += s.second;
        tallest = std::max(tallest, total);
    }
    std::vector<std::string> legend_order;
    const auto colours = store_colours(orders_by_store, legend_order);

    const double width = 960, height = 300, left = 44, right = 12, top = 12, bottom = 36;
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    const double slot = plot_w / std::max(days, 1), bar = std::max(1.0, slot * 0.75);
    // A round scale: the tallest day rounded up to 1, 2 or 5 times a power of ten.
    std::int64_t scale = 1;
    for (std::int64_t step = 1;; step *= 10) {
        if (tallest <= step) { scale = step; break; }
        if (tallest <= 2 * step) { scale = 2 * step; break; }
        if (tallest <= 5 * step) { scale = 5 * step; break; }
    }
    auto y_of = [&](double v) { return top + plot_h - plot_h * v / static_cast<double>(scale); };

    std::string svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + fixed(width) + " " +
                      fixed(height) + "\" width=\"" + fixed(width) + "\" height=\"" + fixed(height) +
                      "\" role=\"img\" aria-label=\"Commandes par jour et par magasin / Orders per day per store\">";
    // Whole numbers of orders on the scale: 1, 2 or 5 steps up to 5, then 4 or 5 (10 → 5 × 2, 20 → 4 × 5, …).
    const std::int64_t divisions = scale <= 5 ? scale : scale % 4 == 0 ? 4 : 5;
    for (std::int64_t i = 0; i <= divisions; ++i) {  // grid lines and the scale
        const double v = static_cast<double>(scale / divisions * i), y = y_of(v);
        svg += "<line x1=\"" + fixed(left) + "\" x2=\"" + fixed(width - right) + "\" y1=\"" + fixed(y) + "\" y2=\"" +
               fixed(y) + "\" stroke=\"#ddd\"/>";
        svg += "<text x=\"" + fixed(left - 6) + "\" y=\"" + fixed(y + 4) + "\" text-anchor=\"end\">" +
               std::to_string(scale / divisions * i) + "</text>";
    }
    const int label_every = std::max(1, (days + 13) / 14);
    for (int i = 0; i < days; ++i) {
        const std::int64_t day = first + i;
        const double x = left + slot * i + (slot - bar) / 2;
        if (i % label_every == 0) {
            const std::string date = date_of(day);
            svg += "<text x=\"" + fixed(x + bar / 2) + "\" y=\"" + fixed(height - bottom + 16) +
                   "\" text-anchor=\"middle\">" + date.substr(8, 2) + "/" + date.substr(5, 2) + "</text>";
        }
        auto it = bars.find(day);
        if (it == bars.end()) continue;
        double stacked = 0;
        for (const auto& [store, n] : it->second) {
            const double y0 = y_of(stacked), y1 = y_of(stacked + static_cast<double>(n));
            svg += "<rect class=\"bar\" data-store=\"" + escape_html(store) + "\" data-date=\"" + date_of(day) +
                   "\" data-orders=\"" + std::to_string(n) + "\" x=\"" + fixed(x) + "\" y=\"" + fixed(y1) +
                   "\" width=\"" + fixed(bar) + "\" height=\"" + fixed(y0 - y1) + "\" fill=\"" + colours.at(store) +
                   "\"><title>" + escape_html(store_name(stores, store)) + " — " + date_of(day) + " : " +
                   std::to_string(n) + "</title></rect>";
            stacked += static_cast<double>(n);
        }
    }
    svg += "<line x1=\"" + fixed(left) + "\" x2=\"" + fixed(width - right) + "\" y1=\"" + fixed(y_of(0)) + "\" y2=\"" +
           fixed(y_of(0)) + "\" stroke=\"#333\"/>";
    if (bars.empty())
        svg += "<text x=\"" + fixed(left + plot_w / 2) + "\" y=\"" + fixed(top + plot_h / 2) +
               "\" text-anchor=\"middle\">Aucune commande sur la période / No orders in this period</text>";
    svg += "</svg>";

    std::string legend = "<ul class=\"legend\">";
    for (std::size_t i = 0; i < legend_order.size(); ++i) {
        if (static_cast<int>(i) == kColours) {
            legend += "<li><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"" + std::string(kOtherColour) +
                      "\"/></svg> autres magasins / other stores</li>";
            break;
        }
        legend += "<li><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"" + colours.at(legend_order[i]) +
                  "\"/></svg> " + escape_html(store_name(stores, legend_order[i])) + "</li>";
    }
    return svg + legend + "</ul>";
}

namespace {

const char* kHead =
    "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<style>body{font-family:sans-serif;margin:1.5rem;color:#222}"
    "table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border-bottom:1px solid #ddd;padding:.3rem .6rem;"
    "text-align:left}td.n,th.n{text-align:right}tr.overdue td{background:#fde8e8}"
    ".cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;padding:.6rem 1rem}"
    ".card b{display:block;font-size:1.5rem}.chart text{font-size:11px;fill:#444}"
    ".legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}"
    "header{display:flex;justify-content:space-between;align-items:center}.error{color:#b00020}"
    "form.inline{display:inline}</style>";

std::string money_cell(const json& cents) { return "<td class=\"n\">" + euros_fr(cents.get<std::int64_t>()) + "</td>"; }
std::string count_cell(const json& n) { return "<td class=\"n\">" + text_of(n) + "</td>"; }

std::string period_cells(const json& p) {
    const json& f = p["by_fulfilment"];
    return count_cell(p["sessions"]) + count_cell(p["sessions_with_search"]) + count_cell(p["product_views"]) +
           count_cell(p["orders"]) + money_cell(p["revenue"]) + money_cell(f["delivery"]["revenue"]) +
           money_cell(f["pickup_here"]["revenue"]) + money_cell(f["pickup_elsewhere"]["revenue"]) +
           count_cell(p["staff_assisted"]["orders"]) + "<td class=\"n\">" + percent(p["conversion"].get<double>()) + "</td>";
}

const char* kPeriodHead =
    "<th class=\"n\">Sessions</th><th class=\"n\">avec recherche<br>with search</th><th class=\"n\">Fiches vues<br>"
    "Product views</th><th class=\"n\">Commandes<br>Orders</th><th class=\"n\">CA<br>Revenue</th><th class=\"n\">"
    "Livraison<br>Delivery</th><th class=\"n\">Retrait ici<br>Pickup here</th><th class=\"n\">Retrait ailleurs<br>"
    "Pickup elsewhere</th><th class=\"n\">Avec vendeur<br>Staff-assisted</th><th class=\"n\">Conversion</th>";

}  // namespace

std::string ops_report_html(const json& r, const std::string& since_date) {
    const json& t = r["totals"];
    std::string html = std::string(kHead) + "<title>Parc de bornes / Kiosk fleet</title></head><body>";
    html += "<header><h1>Parc de bornes / Kiosk fleet</h1>"
            "<form class=\"inline\" method=\"post\" action=\"/ops/logout\"><button type=\"submit\">"
            "Se déconnecter / Sign out</button></form></header>";
    html += "<form method=\"get\" action=\"/ops\"><label>Depuis le / Since <input type=\"date\" name=\"since\" value=\"" +
            escape_html(since_date) + "\"></label> <button type=\"submit\">Afficher / Show</button> <small>jusqu'au / until " +
            escape_html(r["until"].get<std::string>()) + "</small></form>";
    html += "<div class=\"cards\">";
    auto card = [&](const char* label, const std::string& value, const char* id) {
        html += "<div class=\"card\" id=\"" + std::string(id) + "\"><b>" + value + "</b>" + label + "</div>";
    };
    card("bornes / kiosks", text_of(t["kiosks"]), "card-kiosks");
    card("en retard / overdue", text_of(t["kiosks_overdue"]), "card-overdue");
    card("sessions", text_of(t["sessions"]), "card-sessions");
    card("commandes / orders", text_of(t["orders"]), "card-orders");
    card("CA / revenue", euros_fr(t["revenue"].get<std::int64_t>()), "card-revenue");
    card("conversion", percent(t["conversion"].get<double>()), "card-conversion");
    html += "</div>";

    html += "<h2>Commandes par jour et par magasin / Orders per day per store</h2>";
    html += orders_chart_svg(r["orders_per_day"], r["stores"], since_date, r["until"].get<std::string>().substr(0, 10));

    html += "<h2>Bornes / Kiosks</h2><table class=\"fleet\"><thead><tr><th>Borne / Kiosk</th><th>Magasin / Store</th>"
            "<th>Dernier signal / Last heartbeat</th><th>État / Status</th><th>Version</th><th class=\"n\">Âge du "
            "catalogue<br>Catalogue age</th><th class=\"n\">File d'envoi<br>Outbox</th><th>Dernière erreur / Last error</th>"
            "</tr></thead><tbody>";
    for (const auto& k : r["kiosks"]) {
        const bool overdue = k["overdue"].get<bool>();
        html += std::string("<tr class=\"") + (overdue ? "overdue" : "ok") + "\"><td>" + text_of(k["kiosk_id"]) + "</td><td>" +
                text_of(k["store_name"]) + "</td><td>" + text_of(k["last_heartbeat"]) + "</td><td>" +
                (k["last_heartbeat"].is_null() ? "jamais / never" : overdue ? "en retard / overdue" : "OK") + "</td><td>" +
                text_of(k.value("version", json(nullptr))) + "</td><td class=\"n\">" + age(k.value("catalog_age_s", json(nullptr))) +
                "</td>" + count_cell(k.value("outbox_depth", json(nullptr))) + "<td>" +
                text_of(k.value("last_error", json(nullptr))) + "</td></tr>";
    }
    html += "</tbody></table>";

    html += std::string("<h2>Par magasin / Per store</h2><table class=\"stores\"><thead><tr><th>Magasin / Store</th>") +
            kPeriodHead + "</tr></thead><tbody>";
    for (const auto& s : r["stores"])
        html += "<tr><td>" + text_of(s["store_name"]) + "</td>" + period_cells(s) + "</tr>";
    html += "<tr><th>Tous / All</th>" + period_cells(t) + "</tr></tbody></table>";

    html += std::string("<h2>Par borne / Per kiosk</h2><table class=\"kiosks\"><thead><tr><th>Borne / Kiosk</th>") +
            kPeriodHead + "</tr></thead><tbody>";
    for (const auto& k : r["kiosks"])
        html += "<tr><td>" + text_of(k["kiosk_id"]) + "</td>" + period_cells(k["period"]) + "</tr>";
    html += "</tbody></table>";

    html += "<h2>Recherches sans résultat / Searches that found nothing</h2>";
    if (r["zero_result_searches"].empty()) {
        html += "<p>Aucune / None</p>";
    } else {
        html += "<table class=\"misses\"><thead><tr><th class=\"n\">Nombre / Count</th><th>Recherche / Search</th>"
                "<th>Magasins / Stores</th></tr></thead><tbody>";
        for (const auto& z : r["zero_result_searches"]) {
            std::string where;
            for (const auto& s : z["stores"]) where += (where.empty() ? "" : ", ") + escape_html(store_name(r["stores"], s));
            html += "<tr>" + count_cell(z["count"]) + "<td>" + text_of(z["text"]) + "</td><td>" + where + "</td></tr>";
        }
        html += "</tbody></table>";
    }
    return html + "</body></html>";
}

std::string ops_signin_html(const std::string& error) {
    std::string html = std::string(kHead) + "<title>Connexion / Sign in</title></head><body>"
                       "<h1>Parc de bornes / Kiosk fleet</h1>";
    if (!error.empty()) html += "<p class=\"error\" role=\"alert\">" + escape_html(error) + "</p>";
    html += "<form method=\"post\" action=\"/ops/login\"><label>Jeton opérateur / Operator token<br>"
            "<input type=\"password\" name=\"token\" autocomplete=\"off\" size=\"52\" required></label><br><br>"
            "<button type=\"submit\">Se connecter / Sign in</button></form>"
            "<p><small><code>central-api operator-token --db FILE</code> crée un jeton / creates a token.</small></p>"
            "</body></html>";
    return html;
}

}  // namespace central_api
