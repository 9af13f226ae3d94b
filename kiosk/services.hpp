#pragma once
// The kiosk's non-UI machinery: the commerce API client, the replica and its readers, the order
// outbox, live stock and images, and the worker threads that run effects. Results come back as
// actions through the Inbox, drained once per frame by the UI thread.
//
// Threads: `Inbox::post` and `Worker::post` from any thread. The reader worker owns a Replica
// Reader and a Search (search, products, codes, facets; a search superseded by a newer one of the
// same listing is skipped); the storage worker runs syncs; the orders worker owns the outbox and
// places orders (both block, on their own threads: an order never waits behind a full sync).
// Network callbacks run on the transport's thread and only post.
// Errors: the constructor throws std::runtime_error with an operator message (bad token file,
// unwritable directories); everything after start-up reports through actions.

#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "catalog_client/api.hpp"
#include "catalog_client/availability_cache.hpp"
#include "kiosk/config.hpp"
#include "catalog_client/image_cache.hpp"
#include "catalog_client/outbox.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/search.hpp"
#include "catalog_client/usage_log.hpp"
#include "kiosk/state.hpp"

namespace kiosk {

// One mutex-guarded queue of actions for the UI thread; `wake` rouses a sleeping frame loop.
class Inbox {
  public:
    void set_wake(std::function<void()> wake);
    void post(Action a);
    std::vector<Action> take();
    // Waits until something is posted or `seconds` pass (scripted runs waiting for results).
    void wait(double seconds);

  private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<Action> items_;
    std::function<void()> wake_;
};

// A thread running posted jobs in order. The destructor finishes the job in progress, drops
// the rest and joins.
class Worker {
  public:
    Worker();
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;
    void post(std::function<void()> job);
    bool idle();

  private:
    void run();
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_;
    bool stop_ = false, busy_ = false;
    std::thread thread_;
};

class Services {
  public:
    Services(const KioskConfig& cfg, Inbox& inbox);
    ~Services();

    // Effects of the reducer (called on the UI thread; they only queue work).
    void run(const Effect& e);
    // Start-up: identity, catalogue from the replica (synced first when empty), pending orders.
    void start();
    // The kiosk's store became known (or changed): live stock is asked near it from now on.
    void set_store(const std::string& store_id);
    catalog_client::CommerceApi& api() { return *api_; }
    catalog_client::ImageCache& images() { return *image_cache_; }
    // True while nothing is queued or running on the workers and no call to the API other than
    // a health check is in flight (scripted runs: settle).
    bool quiet();

  private:
    void load_catalog();
    void sync_now(bool report);
    void send_order(std::uint64_t request, std::int64_t id);  // on orders_
    // On telemetry_: POST /v1/kiosks/heartbeat, then the usage events kept (1 000 at a time),
    // acknowledged (deleted) once the API took them.
    void send_heartbeat(const std::string& last_error, std::int64_t outbox_depth);
    static void log_outcomes(const std::vector<catalog_client::OrderOutcome>& outcomes);
    // Searches and facets of a listing older than the newest one asked are skipped unread.
    void note_generation(ListingKind listing, std::uint64_t generation);
    bool superseded(ListingKind listing, std::uint64_t generation) const;
    std::shared_ptr<catalog_client::AvailabilityCache> stock();

    const KioskConfig cfg_;
    Inbox& inbox_;
    std::unique_ptr<catalog_client::Transport> transport_;
    std::unique_ptr<catalog_client::CommerceApi> api_;
    std::unique_ptr<catalog_client::Replica> replica_;
    std::shared_ptr<catalog_client::AvailabilityCache> stock_;  // guarded by store_mu_
    std::unique_ptr<catalog_client::ImageCache> image_cache_;
    std::unique_ptr<catalog_client::Outbox> outbox_;  // used on the orders worker only
    std::unique_ptr<catalog_client::UsageLog> usage_;  // beside the outbox, on the orders worker
    std::string boot_id_;  // a random id of this run of the kiosk (usage events' session ids)
    std::string store_id_;                            // guarded by store_mu_
    std::mutex store_mu_;

    // Reader-worker state (touched only by jobs on reader_).
    std::unique_ptr<catalog_client::Replica::Reader> reader_db_;
    std::unique_ptr<catalog_client::Search> search_;
    std::shared_ptr<const catalog_client::Synonyms> synonyms_;  // read-only once loaded
    // The products on this store's shelf (live availability), and a listing's filter values.
    std::unordered_set<std::string> products_here();
    catalog_client::ListingFacets facets_of(const catalog_client::SearchQuery& q);

    std::array<std::atomic<std::uint64_t>, 3> latest_generation_{};  // by ListingKind

    // Health checks in flight (they do not make the kiosk busy: see quiet()).
    std::shared_ptr<std::atomic<int>> health_in_flight_ = std::make_shared<std::atomic<int>>(0);

    // The destructor joins these first, then the transport (whose cancelled callbacks only
    // post to the inbox), so no job or callback outlives what it uses.
    std::unique_ptr<Worker> storage_;  // catalogue sync (minutes for a full one)
    std::unique_ptr<Worker> orders_;   // the outbox: placing orders and their retries, never behind a sync
    std::unique_ptr<Worker> reader_;
    std::unique_ptr<Worker> printer_;  // only with a receipt printer: its writes may block
    // The heartbeat and the usage events (blocking calls): a slow API never holds an order back.
    std::unique_ptr<Worker> telemetry_;
    std::unique_ptr<catalog_client::UsageLog> usage_sent_;  // its own connection, on the telemetry worker
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace kiosk
