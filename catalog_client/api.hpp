#pragma once
// Typed calls of the kiosk commerce API (../shared/design/commerce-api.md) over the Transport.
// Each call returns its RequestId (to cancel it) and delivers a Result<T> to `done` on the
// network thread, parsed and validated there. The blocking form wait<T>(...) is for tools and
// tests. Retries: GETs, and order placement (same Idempotency-Key), are retried by the
// transport; other POSTs are not.

#include "http.hpp"
#include "model.hpp"

#include <functional>
#include <future>
#include <string>
#include <vector>

namespace catalog_client {

template <class T>
using Done = std::function<void(Result<T>)>;

struct CartLine {
    std::string sku;
    std::int64_t quantity = 1;
};

class CommerceApi {
public:
    // `base_url` like "http://127.0.0.1:8080" (no trailing /v1).
    CommerceApi(Transport& transport, std::string base_url);

    RequestId me(Done<KioskIdentity> done);
    RequestId stores(Done<std::vector<Store>> done);
    RequestId categories(Done<std::vector<Category>> done);
    RequestId changes(const std::string& cursor, int limit, Done<ChangePage> done);
    RequestId product(const std::string& id, Done<Product> done);
    RequestId availability(const std::vector<std::string>& skus, const std::string& near,
                           Done<Availability> done);
    RequestId quote(const std::vector<CartLine>& lines, Done<Quote> done);
    // `body` is the contract's order body; `staff_session` may be empty.
    RequestId place_order(const std::string& idempotency_key, const json& body,
                          const std::string& staff_session, Done<Order> done);
    RequestId order(const std::string& number, Done<Order> done);
    RequestId orders_by_card(const std::string& card, const std::string& staff_session,
                             Done<std::vector<Order>> done);
    RequestId open_staff_session(const std::string& pin, const std::string& staff_id,
                                 Done<StaffSession> done);
    RequestId close_staff_session(const std::string& staff_session, Done<Unit> done);
    RequestId customer(const std::string& card, const std::string& staff_session,
                       Done<CustomerHistory> done);
    RequestId send_events(const json& events, Done<Unit> done);
    RequestId heartbeat(const json& body, Done<Unit> done);
    RequestId health(Done<Unit> done);

    // An image or other URL from a document, made absolute against the API base.
    std::string resolve(const std::string& url) const;
    bool same_origin(const std::string& absolute_url) const;
    Transport& transport() { return transport_; }
    // How long one attempt to place an order may take (default 20 s).
    void set_order_timeout(std::chrono::milliseconds timeout) { order_timeout_ = timeout; }
    // Largest answer accepted (default 64 MiB); over it, ErrorKind::TooLarge.
    void set_max_response_bytes(std::size_t bytes) { max_response_bytes_ = bytes; }
    // How long one page of the sync feed may take (default 60 s).
    void set_sync_timeout(std::chrono::milliseconds timeout) { sync_timeout_ = timeout; }
    const std::string& base_url() const { return base_; }

private:
    template <class T>
    RequestId call(HttpRequest request, Result<T> (*parse)(const json&), Done<T> done);
    RequestId call_unit(HttpRequest request, Done<Unit> done);
    HttpRequest get(const std::string& path) const;
    HttpRequest post(const std::string& path, const json& body, bool retry) const;

    Transport& transport_;
    std::string base_;
    std::chrono::milliseconds order_timeout_{20000};
    std::chrono::milliseconds sync_timeout_{60000};
    std::size_t max_response_bytes_ = 64u * 1024 * 1024;
};

// Runs one call and waits for its result (never on the UI thread).
template <class T, class Start>
Result<T> wait(Start&& start) {
    auto promise = std::make_shared<std::promise<Result<T>>>();
    auto future = promise->get_future();
    start([promise](Result<T> r) { promise->set_value(std::move(r)); });
    return future.get();
}

std::string url_encode(const std::string& text);

}  // namespace catalog_client
