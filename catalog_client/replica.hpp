#pragma once
// The kiosk's local copy of the catalogue (products, variants, categories, stores) in SQLite,
// kept by the sync feed, so browsing and search run at frame speed and survive a network cut.
//
// Files: DIR/catalog.db is the replica in use. The first sync, and a resync after the server
// answered 410 (cursor expired), build DIR/catalog.db.new from scratch and rename it over
// catalog.db only when complete: a half-done or failed full sync never touches the replica in
// use. A delta sync applies one page per transaction together with its cursor, so an
// interrupted delta leaves a consistent replica at an older cursor.
//
// Threads: sync() runs on a worker thread (it blocks on the network). Readers use their own
// Replica::Reader (one connection each, WAL mode): they keep working while a sync runs and see
// a swapped-in file on their next call.

#include "api.hpp"
#include "model.hpp"
#include "sqlite.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace catalog_client {

struct SyncReport {
    bool full = false;                 // built from scratch (first sync or after 410)
    std::int64_t pages = 0, upserts = 0, deletes = 0, skipped = 0;
    std::vector<std::string> skipped_examples;  // at most 10 reasons
    double seconds = 0;
};

struct ReplicaStatus {
    bool exists = false;
    std::int64_t products = 0;
    std::string cursor;
    std::int64_t synced_at = 0;  // unix seconds of the last complete sync, 0 if never
    std::string api;             // the API base it was synced from
};

class Replica {
public:
    // Creates DIR if needed. Throws std::runtime_error when DIR cannot be created.
    explicit Replica(std::string dir);

    // Brings the replica up to date with the API (full first time, delta after). Blocking.
    Result<SyncReport> sync(CommerceApi& api, int page_size = 1000,
                            const std::function<void(const SyncReport&)>& progress = {});

    ReplicaStatus status() const;
    std::string db_path() const { return dir_ + "/catalog.db"; }

    // Read access; one Reader per thread.
    class Reader {
    public:
        explicit Reader(const Replica& replica);
        std::optional<Product> product(const std::string& id);
        // A scanned or typed code: EAN-13, SKU or product reference. Returns the product and the
        // matching variant's SKU (empty for a reference).
        std::optional<std::pair<Product, std::string>> lookup_code(const std::string& code);
        std::vector<Category> categories();
        std::vector<Store> stores();
        std::int64_t product_count();
        Db* db();  // the open connection, reopened after a swap; nullptr if no replica yet

    private:
        const Replica& replica_;
        std::unique_ptr<Db> db_;
        std::uint64_t generation_ = 0;
    };

private:
    Result<SyncReport> full_sync(CommerceApi& api, int page_size,
                                 const std::function<void(const SyncReport&)>& progress);
    std::string dir_;
};

// Creates the replica schema on a connection (idempotent).
void create_replica_schema(Db& db);

// The version of the replica's layout, in meta('schema'). A replica of another version is
// rebuilt by the next sync (a full sync into a fresh file, swapped in when complete).
inline constexpr const char* kReplicaSchema = "2";

}  // namespace catalog_client
