#pragma once
// Typed calls of the kiosk commerce API (../shared/design/commerce-api.md) over the Transport.
// CommerceApi speaks the contract itself (backend "native"); a backend that speaks another API
// derives from it and answers the same calls in the contract's types (MedusaApi, medusa.hpp).
// Each call returns its RequestId (to cancel it) and delivers a Result<T> to `done` on the
// network thread, parsed and validated there. The blocking form wait<T>(...) is for tools and
// tests. Retries: GETs, and order placement (same Idempotency-Key), are retried by the
// transport; other POSTs are not. Every answer is read up to its call's cap (ResponseCaps: over
// it, ErrorKind::TooLarge) and parsed with a nesting limit (json_bounded.hpp: deeper, Parse).

#include "catalog_client/http.hpp"
#include "catalog_client/model_json.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <future>
#include <string>
#include <vector>

namespace catalog_client {

template <class T>
using Done = std::function<void(Result<T>)>;

// The largest answer each call accepts, in bytes. The defaults are a few times the largest
// answers of the demo retailer (the figures are in catalog_client/README.md).
struct ResponseCaps {
    std::size_t sync_page = 32u << 20;     // a page of the feed (up to 1 000 products)
    std::size_t product = 2u << 20;        // one product
    std::size_t availability = 1u << 20;   // up to 50 SKUs
    std::size_t reference = 4u << 20;      // every store, or every category
    std::size_t quote = 1u << 20;
    std::size_t order = 1u << 20;          // an order placed or read
    std::size_t order_list = 8u << 20;     // a customer's orders (staff)
    std::size_t customer = 2u << 20;       // a customer's purchase history (staff)
    std::size_t small = 64u << 10;         // identity, staff session, answers without a body
    std::size_t health = 4u << 10;
    std::size_t problem = 64u << 10;       // the problem document of any error status
};

struct QuoteItem {
    std::string sku;
    std::int64_t quantity = 1;
};

// Where the newest replica snapshot is (snapshot.hpp): the answer of GET /v1/catalog/snapshot.
struct SnapshotManifest {
    std::string format;          // kSnapshotFormat
    std::string layout;          // the replica's layout (kReplicaSchema of the version that built it)
    std::string cursor;          // the feed's cursor the replica is at
    std::int64_t products = 0;
    std::uint64_t bytes = 0;     // the compressed file
    std::uint64_t db_bytes = 0;  // the replica file, decompressed
    std::string sha256;          // of the compressed file, 64 hex digits (its name and ETag)
    std::string url;             // the file: a path on the API, or an absolute URL
    std::int64_t built_at = 0;   // unix seconds
};
Result<SnapshotManifest> parse_snapshot_manifest(const json& doc);

// What a backend offers beyond the catalogue, stock and orders. The kiosk hides what is missing
// (catalog_client/README.md, "Backends").
struct Capabilities {
    bool staff = true;           // staff sessions, customer history, orders by loyalty card
    bool handoff = true;         // carts handed off to the shopper's phone
    bool telemetry = true;       // events and heartbeats
    bool incoming_stock = true;  // stock on its way to a store, with a date
    bool idempotency_keys = true;  // the server itself replays an order placed twice
    bool pay_on_phone = true;    // a payment link for the shopper's phone (else: at the till)
};

// Durable notes a backend keeps per order while it is pending (the Outbox implements it): what
// it needs to find an order again after a lost answer or a restart, when the server has no
// Idempotency-Key (Medusa: the cart that was completed).
class OrderNotes {
public:
    virtual ~OrderNotes() = default;
    virtual std::string order_note(const std::string& idempotency_key) = 0;
    // Throws nothing; false when the note could not be written durably.
    virtual bool set_order_note(const std::string& idempotency_key, const std::string& note) = 0;
};

class CommerceApi {
public:
    // `base_url` like "http://127.0.0.1:8080" (no trailing /v1).
    CommerceApi(Transport& transport, std::string base_url);
    virtual ~CommerceApi() = default;
    CommerceApi(const CommerceApi&) = delete;
    CommerceApi& operator=(const CommerceApi&) = delete;

    virtual Capabilities capabilities() const { return {}; }
    // Cancels the calls in flight and waits for them; call it before the Transport goes (a
    // backend that runs its calls on threads of its own; nothing to do here).
    virtual void shutdown() {}
    // A short name for logs and `kioskctl health`: "native", "medusa".
    virtual const char* backend() const { return "native"; }

    virtual RequestId me(Done<KioskIdentity> done);
    virtual RequestId stores(Done<std::vector<Store>> done);
    virtual RequestId categories(Done<std::vector<Category>> done);
    virtual RequestId changes(const std::string& cursor, int limit, Done<ChangePage> done);
    // The newest replica snapshot's manifest (HTTP 404: the server has none).
    virtual RequestId snapshot(Done<SnapshotManifest> done);
    virtual RequestId product(const std::string& id, Done<Product> done);
    virtual RequestId availability(const std::vector<std::string>& skus, const std::string& near,
                           Done<Availability> done);
    virtual RequestId quote(const std::vector<QuoteItem>& lines, Done<Quote> done);
    // Saves a cart's lines for the shopper's phone; the answer's link is shown as a QR code.
    virtual RequestId create_handoff(const std::vector<QuoteItem>& lines, Done<HandoffLink> done);
    // `staff_session` may be empty. Places the order once per key (the server replays the answer).
    virtual RequestId place_order(const std::string& idempotency_key, const OrderRequest& request,
                          const std::string& staff_session, Done<Order> done);
    virtual RequestId order(const std::string& number, Done<Order> done);
    virtual RequestId orders_by_card(const std::string& card, const std::string& staff_session,
                             Done<std::vector<Order>> done);
    virtual RequestId open_staff_session(const std::string& pin, const std::string& staff_id,
                                 Done<StaffSession> done);
    virtual RequestId close_staff_session(const std::string& staff_session, Done<Unit> done);
    virtual RequestId customer(const std::string& card, const std::string& staff_session,
                       Done<CustomerHistory> done);
    virtual RequestId send_events(const json& events, Done<Unit> done);
    virtual RequestId heartbeat(const json& body, Done<Unit> done);
    virtual RequestId health(Done<Unit> done);

    // An image or other URL from a document, made absolute against the API base.
    std::string resolve(const std::string& url) const;
    bool same_origin(const std::string& absolute_url) const;
    Transport& transport() { return transport_; }
    // How long one attempt to place an order may take (default 20 s).
    void set_order_timeout(std::chrono::milliseconds timeout) { order_timeout_ = timeout; }
    // Per-call answer caps (see ResponseCaps).
    void set_response_caps(const ResponseCaps& caps) { caps_ = caps; }
    const ResponseCaps& response_caps() const { return caps_; }
    // A ceiling over every call's cap (default: none beyond the caps themselves).
    void set_max_response_bytes(std::size_t bytes) { max_response_bytes_ = bytes; }
    // How long one page of the sync feed may take (default 60 s).
    void set_sync_timeout(std::chrono::milliseconds timeout) { sync_timeout_ = timeout; }
    const std::string& base_url() const { return base_; }

protected:
    std::chrono::milliseconds order_timeout() const { return order_timeout_; }
    std::chrono::milliseconds sync_timeout() const { return sync_timeout_; }
    std::size_t capped(std::size_t cap) const { return std::min(cap, max_response_bytes_); }

private:
    template <class T>
    RequestId call(HttpRequest request, Result<T> (*parse)(const json&), Done<T> done);
    RequestId call_unit(HttpRequest request, Done<Unit> done);
    HttpRequest get(const std::string& path, std::size_t cap) const;
    HttpRequest post(const std::string& path, const json& body, bool retry, std::size_t cap) const;

    Transport& transport_;
    std::string base_;
    std::chrono::milliseconds order_timeout_{20000};
    std::chrono::milliseconds sync_timeout_{60000};
    ResponseCaps caps_;
    std::size_t max_response_bytes_ = SIZE_MAX;
};

// Runs one call and waits for its result (never on the UI thread).
template <class T, class Start>
Result<T> wait(Start&& start) {
    auto promise = std::make_shared<std::promise<Result<T>>>();
    auto future = promise->get_future();
    start([promise](Result<T> r) { promise->set_value(std::move(r)); });
    return future.get();
}

}  // namespace catalog_client
