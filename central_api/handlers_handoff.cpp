// Hand-off to the phone: a kiosk saves a cart's lines (POST /v1/handoffs) and shows the short
// link it gets as a QR code; the shopper's phone opens GET /h/<id>, a plain mobile page listing
// the lines with today's prices and links to the retailer's web shop. Nothing personal is
// stored: SKUs and quantities, the kiosk, and when. A link works for handoff_retention_s
// (7 days); expired ones are deleted when the next is made.
#include "central_api/problem.hpp"
#include "central_api/requests.hpp"
#include "central_api/server.hpp"

#include <httplib.h>
#include <sodium.h>

#include <mutex>

namespace central_api {

namespace {

// Ten characters from an alphabet without look-alikes: about 2^48 links, short to scan.
std::string handoff_id() {
    static const char alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";
    std::string id;
    for (int i = 0; i < 10; ++i) id += alphabet[randombytes_uniform(sizeof alphabet - 1)];
    return id;
}

void create(RequestContext& ctx) {
    const QuoteRequest request = decode_quote(ctx.body);  // the same lines as a quote
    json lines = json::array();
    auto known = ctx.db.prepare("SELECT 1 FROM variants WHERE sku = ?");
    for (std::size_t i = 0; i < request.lines.size(); ++i) {
        known.bind(1, request.lines[i].sku);
        const bool found = known.step();
        known.reset();
        if (!found) throw validation_failed("lines[" + std::to_string(i) + "].sku", "unknown", "no product has this SKU");
        lines.push_back({{"sku", request.lines[i].sku}, {"quantity", request.lines[i].quantity}});
    }
    const std::int64_t expires = ctx.now + ctx.options.handoff_retention_s;
    std::string id;
    {
        std::lock_guard lock(ctx.write_mutex);
        Transaction tx(ctx.db);
        ctx.db.prepare("DELETE FROM handoffs WHERE expires_at <= ?").bind(1, ctx.now).run();
        for (int attempt = 0; attempt < 5 && id.empty(); ++attempt) {
            std::string candidate = handoff_id();
            auto taken = ctx.db.prepare("SELECT 1 FROM handoffs WHERE id = ?");
            taken.bind(1, candidate);
            if (!taken.step()) id = candidate;
        }
        if (id.empty()) throw std::runtime_error("cannot allocate a hand-off id");
        ctx.db.prepare("INSERT INTO handoffs(id, kiosk_id, created_at, expires_at, doc) VALUES(?,?,?,?,?)")
            .bind(1, id).bind(2, ctx.kiosk.kiosk_id).bind(3, ctx.now).bind(4, expires).bind(5, json{{"lines", lines}}.dump())
            .run();
        tx.commit();
    }
    ctx.reply(201, {{"id", id}, {"url", ctx.options.public_url + "/h/" + id}, {"expires_at", rfc3339_paris(expires)}});
}

void html(RequestContext& ctx, int status, const std::string& title, const std::string& body) {
    ctx.res.status = status;
    ctx.res.set_header("Cache-Control", "no-store");
    ctx.res.set_content("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        "<title>" + escape_html(title) + "</title>"
                        "<style>body{font-family:sans-serif;max-width:30rem;margin:1.5rem auto;padding:0 1rem;line-height:1.4}"
                        "li{margin:.8rem 0}a{color:#0050a0}.total{font-size:1.2rem}</style></head><body>" +
                            body + "</body></html>",
                        "text/html; charset=utf-8");
}

void page(RequestContext& ctx) {
    auto st = ctx.db.prepare("SELECT doc, expires_at FROM handoffs WHERE id = ? AND expires_at > ?");
    st.bind(1, std::string(ctx.req.matches[1])).bind(2, ctx.now);
    if (!st.step()) {
        html(ctx, 404, "Lien expiré / Link expired",
             "<h1>Ce lien a expiré / This link has expired</h1>"
             "<p>Les sélections faites à la borne restent 7 jours. / Selections made at the kiosk are kept for 7 days.</p>"
             "<p><a href=\"" + escape_html(ctx.options.shop_url) + "\">" + escape_html(ctx.options.shop_url) + "</a></p>");
        return;
    }
    const json doc = json::parse(st.text_view(0), nullptr, false);
    const std::int64_t expires = st.integer(1);
    std::string items;
    std::int64_t total = 0;
    auto variant = ctx.db.prepare("SELECT v.name, v.options, v.price_online, p.doc FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ?");
    for (const json& line : doc.value("lines", json::array())) {
        const std::string sku = line.value("sku", "");
        const std::int64_t quantity = line.value("quantity", 0);
        variant.bind(1, sku);
        if (!variant.step()) {  // no longer sold
            variant.reset();
            items += "<li>" + escape_html(sku) + " — plus disponible / no longer available</li>";
            continue;
        }
        const json name = json::parse(variant.text_view(0), nullptr, false);
        const json options = json::parse(variant.text_view(1), nullptr, false);
        const std::int64_t price = variant.integer(2);
        const json product = json::parse(variant.text_view(3), nullptr, false);
        variant.reset();
        std::string details;
        if (options.is_object())
            for (const auto& [key, value] : options.items())
                if (value.is_string()) details += (details.empty() ? "" : " · ") + value.get<std::string>();
        const std::string ref = product.is_object() ? product.value("ref", "") : "";
        const std::string link = ctx.options.shop_url + "/p/" + ref + "?sku=" + sku;
        total += price * quantity;
        items += "<li><strong>" + escape_html(name.is_object() ? name.value("fr", sku) : sku) + "</strong><br>" +
                 escape_html(name.is_object() ? name.value("en", "") : "") + "<br>" + escape_html(details) + "<br>" +
                 std::to_string(quantity) + " × " + euros_fr(price) + "<br><a href=\"" + escape_html(link) +
                 "\">Voir sur le site / See it online</a></li>";
    }
    html(ctx, 200, "Votre sélection / Your selection",
         "<h1>Votre sélection / Your selection</h1><ul>" + items + "</ul>"
         "<p class=\"total\">Total : <strong>" + euros_fr(total) + "</strong> (prix en ligne, TVA comprise / online prices, VAT included)</p>"
         "<p><a href=\"" + escape_html(ctx.options.shop_url) + "\">" + escape_html(ctx.options.shop_url) + "</a></p>"
         "<p><small>Lien valable jusqu'au / Link valid until " + escape_html(date_paris(expires)) + "</small></p>");
}

}  // namespace

void add_handoff_routes(const RouteFn& add) {
    add("POST", "/v1/handoffs", Access::Kiosk, create);
    add("GET", R"(/h/([23456789a-z]{10}))", Access::Public, page);
}

}  // namespace central_api
