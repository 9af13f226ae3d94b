// Routes for the retailer's operators: the fleet report as JSON (operator bearer token) and the
// /ops page (sign-in with the operator token, then a session cookie).
#include "central_api/credentials.hpp"
#include "central_api/ops_page.hpp"
#include "central_api/order_access.hpp"
#include "central_api/problem.hpp"
#include "central_api/report.hpp"
#include "central_api/server.hpp"

#include <httplib.h>

namespace central_api {

namespace {

constexpr const char* kCookie = "ops_session";

// The period's first day: ?since=YYYY-MM-DD, or the default period (report.hpp).
std::int64_t period_start(const RequestContext& ctx, std::string& since_date) {
    since_date = ctx.param("since");
    if (since_date.empty()) since_date = default_report_date(ctx.now);
    auto since = parse_report_date(since_date);
    if (!since)
        throw ApiError(422, "validation_failed", "since must be a date, YYYY-MM-DD",
                       {{"errors", json::array({{{"field", "since"}, {"code", "invalid"}}})}});
    return *since;
}

std::string cookie_value(const RequestContext& ctx) {
    const std::string header = ctx.header("Cookie");
    const std::string key = std::string(kCookie) + "=";
    std::size_t at = 0;
    while (at < header.size()) {
        while (at < header.size() && (header[at] == ' ' || header[at] == ';')) ++at;
        std::size_t end = header.find(';', at);
        if (end == std::string::npos) end = header.size();
        if (header.compare(at, key.size(), key) == 0) return header.substr(at + key.size(), end - at - key.size());
        at = end;
    }
    return {};
}

void html(RequestContext& ctx, int status, const std::string& page) {
    ctx.res.status = status;
    ctx.res.set_header("Content-Security-Policy",
                       "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'");
    ctx.res.set_header("Cache-Control", "no-store");
    ctx.res.set_header("Referrer-Policy", "no-referrer");
    ctx.res.set_content(page, "text/html; charset=utf-8");
}

void redirect(RequestContext& ctx, const char* to) {
    ctx.res.status = 303;
    ctx.res.set_header("Location", to);
    ctx.res.set_header("Cache-Control", "no-store");
}

void set_cookie(RequestContext& ctx, const std::string& value, std::int64_t max_age) {
    ctx.res.set_header("Set-Cookie", std::string(kCookie) + "=" + value + "; Path=/ops; HttpOnly; SameSite=Strict; Max-Age=" +
                                         std::to_string(max_age));
}

// application/x-www-form-urlencoded: the value of `name`, percent-decoded.
std::string form_field(const std::string& body, const std::string& name) {
    httplib::Params params;
    httplib::detail::parse_query_text(body, params);
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

void report(RequestContext& ctx) {
    std::string since_date;
    const std::int64_t since = period_start(ctx, since_date);
    ctx.reply(200, fleet_report(ctx.db, since, ctx.now));
}

void page(RequestContext& ctx) {
    if (!find_ops_session(ctx.db, cookie_value(ctx), ctx.now)) return redirect(ctx, "/ops/login");
    std::string since_date;
    std::int64_t since = 0;
    try {
        since = period_start(ctx, since_date);
    } catch (const ApiError&) {
        since_date = default_report_date(ctx.now);  // the page shows the default period instead
        since = *parse_report_date(since_date);
    }
    html(ctx, 200, ops_report_html(fleet_report(ctx.db, since, ctx.now), since_date));
}

void sign_in(RequestContext& ctx) {
    const std::string key = "ops-sign-in " + ctx.req.remote_addr;
    if (const std::int64_t wait = ctx.order_lookups.retry_after(key, ctx.now); wait > 0)
        return html(ctx, 429, ops_signin_html("Trop d'essais : réessayez dans " + std::to_string(wait) +
                                              " s. / Too many attempts: try again in " + std::to_string(wait) + " s."));
    auto id = find_operator(ctx.db, form_field(ctx.body, "token"));
    if (!id) {
        ctx.order_lookups.failed(key, ctx.now);
        return html(ctx, 401, ops_signin_html("Jeton inconnu. / Unknown token."));
    }
    std::string cookie;
    {
        std::lock_guard lock(ctx.write_mutex);
        cookie = open_ops_session(ctx.db, *id, ctx.now);
    }
    set_cookie(ctx, cookie, kOpsSessionSeconds);
    redirect(ctx, "/ops");
}

void sign_out(RequestContext& ctx) {
    {
        std::lock_guard lock(ctx.write_mutex);
        close_ops_session(ctx.db, cookie_value(ctx));
    }
    set_cookie(ctx, "", 0);
    redirect(ctx, "/ops/login");
}

}  // namespace

void add_ops_routes(const RouteFn& add) {
    add("GET", "/v1/reports/kiosks", Access::Operator, report);
    add("GET", "/ops", Access::Public, page);
    add("GET", "/ops/login", Access::Public, [](RequestContext& ctx) { html(ctx, 200, ops_signin_html("")); });
    add("POST", "/ops/login", Access::Public, sign_in);
    add("POST", "/ops/logout", Access::Public, sign_out);
}

}  // namespace central_api
