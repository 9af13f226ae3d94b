#pragma once
// Backend "medusa": the kiosk against a Medusa v2 Store API (deploy/medusa/README.md holds the
// facts, verified against 2.21.2; catalog_client/README.md, "Backends", what differs). The same
// calls as CommerceApi, answered in the contract's types:
//   - sync: products in pages by created_at (a full sync), then deltas: products whose own or
//     whose variants' updated_at is later than the cursor, and every live id (Medusa shows no
//     deletions). The cursor is the server's clock (its Date header) a minute before the pass.
//   - stores: the stock locations behind the shipping options of one probe cart (the Store API
//     has no stock-location listing); availability: the variants' location levels.
//   - orders: cart → shipping method of the chosen location → payment collection with the
//     system provider (paid at the till) → complete. The kiosk checks price and stock at the
//     chosen location first (Medusa reserves at whichever location has stock). Exactly once
//     without idempotency keys: the cart id is noted in the outbox before the first complete,
//     and a retry completes that same cart, which returns the order it made.
// Staff sessions, customers, hand-offs and telemetry do not exist there: those calls answer
// 501 not_supported and capabilities() says so.
//
// Threads: calls may come from any thread; each runs as a job on its own short-lived thread
// that waits on the Transport (several requests per call), and `done` is called there.
// shutdown() (and the destructor) cancels what is in flight and joins the jobs; call it before
// the Transport goes.

#include "catalog_client/api.hpp"

#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace catalog_client {

namespace medusa {
struct Locations;
}

struct MedusaSettings {
    std::string base_url;         // "http://127.0.0.1:9000"
    std::string publishable_key;  // sent as x-publishable-api-key
    std::string region;           // a region's name or id; empty: the first region
    std::string kiosk_id, store_id;
};

class MedusaApi : public CommerceApi {
public:
    // `notes` (the outbox) keeps each order's cart durably; null: only in this process's memory.
    MedusaApi(Transport& transport, MedusaSettings settings, OrderNotes* notes = nullptr);
    ~MedusaApi() override;
    void shutdown() override;

    Capabilities capabilities() const override;
    const char* backend() const override { return "medusa"; }

    RequestId me(Done<KioskIdentity> done) override;
    RequestId stores(Done<std::vector<Store>> done) override;
    RequestId categories(Done<std::vector<Category>> done) override;
    RequestId changes(const std::string& cursor, int limit, Done<ChangePage> done) override;
    RequestId product(const std::string& id, Done<Product> done) override;
    RequestId availability(const std::vector<std::string>& skus, const std::string& near,
                           Done<Availability> done) override;
    RequestId quote(const std::vector<QuoteItem>& lines, Done<Quote> done) override;
    RequestId place_order(const std::string& idempotency_key, const OrderRequest& request,
                          const std::string& staff_session, Done<Order> done) override;
    RequestId order(const std::string& number, Done<Order> done) override;
    RequestId health(Done<Unit> done) override;

    RequestId create_handoff(const std::vector<QuoteItem>& lines, Done<HandoffLink> done) override;
    RequestId orders_by_card(const std::string& card, const std::string& staff_session,
                             Done<std::vector<Order>> done) override;
    RequestId open_staff_session(const std::string& pin, const std::string& staff_id,
                                 Done<StaffSession> done) override;
    RequestId close_staff_session(const std::string& staff_session, Done<Unit> done) override;
    RequestId customer(const std::string& card, const std::string& staff_session,
                       Done<CustomerHistory> done) override;
    RequestId send_events(const json& events, Done<Unit> done) override;
    RequestId snapshot(Done<SnapshotManifest> done) override;
    RequestId heartbeat(const json& body, Done<Unit> done) override;

private:
    struct Reply {
        json doc;
        std::string date;  // the Date header
    };
    RequestId run(std::function<void()> job);
    template <class T>
    RequestId run_result(std::function<Result<T>()> work, Done<T> done);
    Result<Reply> call(const std::string& method, const std::string& path, const json* body, std::size_t cap,
                       std::chrono::milliseconds timeout, bool retry = true);
    Result<std::string> region_id();
    Result<std::shared_ptr<const medusa::Locations>> locations(bool refresh);
    // The products of `skus` with their variants' ids, prices in the region and location levels.
    Result<json> listing(const std::vector<std::string>& skus);
    Result<ChangePage> full_page(std::size_t offset, int limit, std::string since);
    Result<ChangePage> delta(const std::string& since, int limit);
    Result<Order> place(const std::string& key, const OrderRequest& request);
    Result<Order> complete(const std::string& cart_id);

    MedusaSettings settings_;
    OrderNotes* notes_;

    std::mutex mu_;  // guards the fields below
    std::string region_id_, probe_cart_;
    std::shared_ptr<const medusa::Locations> locations_;
    std::map<std::string, std::string> carts_;  // key -> cart, when there is no OrderNotes
    std::set<RequestId> in_flight_;
    struct Job {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::list<Job> jobs_;
    bool stopping_ = false;
    std::atomic<RequestId> next_job_{1ull << 62};  // apart from the Transport's ids
};

}  // namespace catalog_client
