// The demo payment page behind `payment_url` (pay on phone): shows the order and marks it paid.
// It stands in for the retailer's payment provider; it takes no card details.
#include "central_api/problem.hpp"
#include "central_api/server.hpp"

#include <httplib.h>

#include <cstdio>
#include <mutex>

namespace central_api {

namespace {

void page(RequestContext& ctx, const json& order, const std::string& note) {
    const bool paid = order["status"] != "awaiting_payment";
    std::string html =
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Commande " + escape_html(order["number"]) + "</title>"
        "<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}"
        "button{font-size:1.2rem;padding:.8rem 2rem}</style></head><body>"
        "<h1>Commande / Order " + escape_html(order["number"]) + "</h1>"
        "<p>Montant / Amount: <strong>" + euros_fr(order["payment"]["amount_due"]["amount"].get<std::int64_t>()) + "</strong></p>"
        "<p>Statut / Status: " + escape_html(order["status"]) + "</p>";
    if (!note.empty()) html += "<p><strong>" + note + "</strong></p>";
    if (!paid)
        html += "<form method=\"post\"><button type=\"submit\">Payer / Pay</button></form>"
                "<p><small>Page de paiement de démonstration : aucune carte n'est débitée. "
                "Demo payment page: no card is charged.</small></p>";
    html += "</body></html>";
    ctx.res.status = 200;
    ctx.res.set_content(html, "text/html; charset=utf-8");
}

json order_for_token(RequestContext& ctx, std::string& number) {
    auto st = ctx.db.prepare("SELECT number, doc FROM orders WHERE pay_token = ?");
    st.bind(1, std::string(ctx.req.matches[1]));
    if (!st.step()) throw not_found("no payment with this link");
    number = st.text(0);
    return json::parse(st.text_view(1));
}

}  // namespace

void add_payment_routes(const RouteFn& add) {
    add("GET", R"(/pay/([0-9a-f]{32}))", Access::Public, [](RequestContext& ctx) {
        std::string number;
        page(ctx, order_for_token(ctx, number), "");
    });
    add("POST", R"(/pay/([0-9a-f]{32}))", Access::Public, [](RequestContext& ctx) {
        std::lock_guard lock(ctx.write_mutex);
        Transaction tx(ctx.db);
        std::string number;
        json order = order_for_token(ctx, number);
        if (order["status"] == "awaiting_payment") {
            order["status"] = "paid";
            order["payment"]["paid_at"] = rfc3339_paris(ctx.now);
            ctx.db.prepare("UPDATE orders SET doc = ? WHERE number = ?").bind(1, order.dump()).bind(2, number).run();
        }
        tx.commit();
        page(ctx, order, "Paiement accepté, merci ! / Payment accepted, thank you!");
    });
}

}  // namespace central_api
