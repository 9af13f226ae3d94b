#include "catalog_client/api.hpp"

#include "catalog_client/json_bounded.hpp"
#include "catalog_client/text_fold.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace catalog_client {


CommerceApi::CommerceApi(Transport& transport, std::string base_url)
    : transport_(transport), base_(std::move(base_url)) {
    while (!base_.empty() && base_.back() == '/') base_.pop_back();
}

std::string CommerceApi::resolve(const std::string& url) const {
    if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) return url;
    return base_ + (url.empty() || url[0] != '/' ? "/" : "") + url;
}

bool CommerceApi::same_origin(const std::string& absolute_url) const {
    return absolute_url.compare(0, base_.size(), base_) == 0 &&
           (absolute_url.size() == base_.size() || absolute_url[base_.size()] == '/');
}

HttpRequest CommerceApi::get(const std::string& path, std::size_t cap) const {
    HttpRequest r;
    r.url = base_ + path;
    r.max_response_bytes = std::min(cap, max_response_bytes_);
    r.max_problem_bytes = std::min(caps_.problem, max_response_bytes_);
    return r;
}

HttpRequest CommerceApi::post(const std::string& path, const json& body, bool retry, std::size_t cap) const {
    HttpRequest r = get(path, cap);
    r.method = "POST";
    r.body = body.dump();
    r.retry = retry;
    return r;
}

template <class T>
RequestId CommerceApi::call(HttpRequest request, Result<T> (*parse)(const json&), Done<T> done) {
    return transport_.submit(std::move(request), [parse, done = std::move(done)](Result<HttpResponse> r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        auto parsed = parse_json_bounded(r.value().body);
        r.value().body.clear();
        r.value().body.shrink_to_fit();  // the text is not needed while the document is read
        if (!parsed.ok()) {
            done(Error::of(ErrorKind::Parse, "the answer is not valid JSON: " + parsed.message.substr(0, 200)));
            return;
        }
        done(parse(parsed.doc));
    });
}

RequestId CommerceApi::call_unit(HttpRequest request, Done<Unit> done) {
    return transport_.submit(std::move(request), [done = std::move(done)](Result<HttpResponse> r) {
        if (!r.ok()) done(r.error());
        else done(Unit{});
    });
}

RequestId CommerceApi::me(Done<KioskIdentity> done) {
    return call(get("/v1/kiosks/me", caps_.small), parse_identity, std::move(done));
}
RequestId CommerceApi::stores(Done<std::vector<Store>> done) {
    return call(get("/v1/stores", caps_.reference), parse_stores, std::move(done));
}
RequestId CommerceApi::categories(Done<std::vector<Category>> done) {
    return call(get("/v1/catalog/categories", caps_.reference), parse_categories, std::move(done));
}

RequestId CommerceApi::snapshot(Done<SnapshotManifest> done) {
    return call(get("/v1/catalog/snapshot", caps_.small), parse_snapshot_manifest, std::move(done));
}

RequestId CommerceApi::changes(const std::string& cursor, int limit, Done<ChangePage> done) {
    std::string path = "/v1/catalog/changes?limit=" + std::to_string(limit);
    if (!cursor.empty()) path += "&since=" + url_encode(cursor);
    HttpRequest r = get(path, caps_.sync_page);
    r.total_timeout = sync_timeout_;
    // Parsed from the text (on the network thread), so the replica can keep each product's JSON
    // as sent.
    return transport_.submit(std::move(r), [done = std::move(done)](Result<HttpResponse> resp) {
        if (!resp.ok()) return done(resp.error());
        const auto started = std::chrono::steady_clock::now();
        auto page = parse_change_page_text(resp.value().body);
        if (page.ok()) {
            page.value().body_bytes = resp.value().body.size();
            page.value().parse_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        }
        done(std::move(page));
    });
}

RequestId CommerceApi::product(const std::string& id, Done<Product> done) {
    return call(get("/v1/catalog/products/" + url_encode(id), caps_.product), parse_product, std::move(done));
}

RequestId CommerceApi::availability(const std::vector<std::string>& skus, const std::string& near,
                                    Done<Availability> done) {
    std::string list;
    for (const auto& s : skus) list += (list.empty() ? "" : ",") + url_encode(s);
    std::string path = "/v1/availability?skus=" + list;
    if (!near.empty()) path += "&near=" + url_encode(near);
    HttpRequest r = get(path, caps_.availability);
    r.total_timeout = std::chrono::seconds(5);  // live data: fail fast, show "unknown"
    r.max_attempts = 2;
    return call(std::move(r), parse_availability, std::move(done));
}

RequestId CommerceApi::quote(const std::vector<QuoteItem>& lines, Done<Quote> done) {
    json body = {{"lines", json::array()}};
    for (const auto& l : lines) body["lines"].push_back({{"sku", l.sku}, {"quantity", l.quantity}});
    // A quote changes nothing on the server: safe to retry.
    return call(post("/v1/quotes", body, true, caps_.quote), parse_quote, std::move(done));
}

RequestId CommerceApi::create_handoff(const std::vector<QuoteItem>& lines, Done<HandoffLink> done) {
    json body = {{"lines", json::array()}};
    for (const auto& l : lines) body["lines"].push_back({{"sku", l.sku}, {"quantity", l.quantity}});
    // Not retried: a lost answer would only leave an unused link, and the shopper can ask again.
    HttpRequest r = post("/v1/handoffs", body, false, caps_.small);
    r.total_timeout = std::chrono::seconds(8);
    return call(std::move(r), parse_handoff, std::move(done));
}

RequestId CommerceApi::place_order(const std::string& idempotency_key, const OrderRequest& request,
                                   const std::string& staff_session, Done<Order> done) {
    HttpRequest r = post("/v1/orders", to_json(request), true, caps_.order);  // retried with the same key: exactly once
    r.headers.emplace_back("Idempotency-Key", idempotency_key);
    if (!staff_session.empty()) r.headers.emplace_back("X-Staff-Session", staff_session);
    r.total_timeout = order_timeout_;
    return call(std::move(r), parse_order, std::move(done));
}

RequestId CommerceApi::order(const std::string& number, Done<Order> done) {
    return call(get("/v1/orders/" + url_encode(number), caps_.order), parse_order, std::move(done));
}

RequestId CommerceApi::orders_by_card(const std::string& card, const std::string& staff_session,
                                      Done<std::vector<Order>> done) {
    HttpRequest r = get("/v1/orders?loyalty_card=" + url_encode(card), caps_.order_list);
    r.headers.emplace_back("X-Staff-Session", staff_session);
    return call(std::move(r), parse_order_list, std::move(done));
}

RequestId CommerceApi::open_staff_session(const std::string& pin, const std::string& staff_id,
                                          Done<StaffSession> done) {
    json body = {{"pin", pin}};
    if (!staff_id.empty()) body["staff_id"] = staff_id;
    return call(post("/v1/staff/sessions", body, false, caps_.small), parse_staff_session, std::move(done));
}

RequestId CommerceApi::close_staff_session(const std::string& staff_session, Done<Unit> done) {
    HttpRequest r = get("/v1/staff/sessions/current", caps_.small);
    r.method = "DELETE";
    r.headers.emplace_back("X-Staff-Session", staff_session);
    return call_unit(std::move(r), std::move(done));
}

RequestId CommerceApi::customer(const std::string& card, const std::string& staff_session,
                                Done<CustomerHistory> done) {
    HttpRequest r = get("/v1/customers/by-card/" + url_encode(card), caps_.customer);
    r.headers.emplace_back("X-Staff-Session", staff_session);
    return call(std::move(r), parse_customer_history, std::move(done));
}

RequestId CommerceApi::send_events(const json& events, Done<Unit> done) {
    return call_unit(post("/v1/events", {{"events", events}}, false, caps_.small), std::move(done));
}

RequestId CommerceApi::heartbeat(const json& body, Done<Unit> done) {
    return call_unit(post("/v1/kiosks/heartbeat", body, false, caps_.small), std::move(done));
}

RequestId CommerceApi::health(Done<Unit> done) {
    HttpRequest r = get("/v1/health", caps_.health);
    r.with_token = false;
    r.total_timeout = std::chrono::seconds(5);
    r.max_attempts = 1;
    return call_unit(std::move(r), std::move(done));
}

}  // namespace catalog_client
