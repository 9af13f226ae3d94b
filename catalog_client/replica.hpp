#pragma once
// The kiosk's local copy of the catalogue (products, variants, categories, stores) in SQLite,
// kept by the sync feed, so browsing and search run at frame speed and survive a network cut.
//
// Files: each full build is a generation with a file name of its own, DIR/catalog-<n>.db (n
// never reused), and DIR/current names the one in use (a one-line file replaced atomically:
// written beside, synced, renamed). The first sync, and a resync after the server answered 410
// (cursor expired), build generation n+1 from scratch with every connection to generation n
// closed, and switch `current` only when it is complete: a half-done or failed full sync never
// touches the replica in use. Older generations (and a replica of the former single-file
// layout, DIR/catalog.db) are deleted after the switch and at the next sync or open; a reader
// still holding one keeps reading it (its open files outlive the names) until its next call,
// which opens the current one. A delta sync applies one page per transaction together with its
// cursor, so an interrupted delta leaves a consistent replica at an older cursor. One sync at a
// time per directory (DIR/sync.lock, across processes; a second one waits).
//
// Threads: sync() runs on a worker thread (it blocks on the network). Readers use their own
// Replica::Reader (one connection each, WAL mode): they keep working while a sync runs and move
// to a new generation on their next call outside a read transaction.

#include "catalog_client/api.hpp"
#include "catalog_client/doc_codec.hpp"
#include "catalog_client/model.hpp"
#include "catalog_client/sqlite.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace catalog_client {

// Where a sync's time went, in seconds (catalog_bench prints it). Three threads work at once: the
// network thread receives and parses page N+1, a worker computes the words of page N's products,
// the writer writes page N-1. `waiting`: the writer waited for the next page; `parse` (network
// thread) and `words` (worker: the words a product is found by) overlap the writing;
// `vocabulary`: new vocabulary rows and preparing a product's rows; `compare`: reading what a
// delta's product had, to skip unchanged rows; `documents`: the products rows (compression
// included); `rows`: the variants and categories rows; `search`: the full-text index rows;
// `commits`: page commits; `code_indexes`, `optimize`, `finish`: the full sync's last steps
// (indexes by code built at once, FTS segments merged, switched to WAL and checkpointed).
struct SyncTimes {
    double waiting = 0, parse = 0, words = 0, vocabulary = 0, compare = 0, documents = 0, rows = 0, search = 0, commits = 0;
    double code_indexes = 0, optimize = 0, finish = 0;
    // A snapshot bootstrap (snapshot.hpp): receiving and hashing the file; decompressing and
    // checking it. The delta from its cursor is counted in the fields above.
    double snapshot_download = 0, snapshot_install = 0;
    std::int64_t bytes = 0;  // page bodies (and snapshot bytes) received
};

struct SyncReport {
    bool full = false;                 // built from scratch (first sync or after 410)
    bool snapshot = false;             // ... from a snapshot, then a delta
    std::uint64_t snapshot_resumed_from = 0;  // bytes of the snapshot an earlier try had received
    std::string snapshot_skipped;      // why a full build did not use a snapshot (none, other layout, bad)
    std::int64_t pages = 0, upserts = 0, deletes = 0, skipped = 0;
    std::vector<std::string> skipped_examples;  // at most 10 reasons
    double seconds = 0;
    SyncTimes times;
};

struct ReplicaStatus {
    bool exists = false;
    std::int64_t products = 0;
    std::string cursor;
    std::int64_t synced_at = 0;  // unix seconds of the last complete sync, 0 if never
    std::string api;             // the API base it was synced from
    bool current = false;        // laid out as this version reads it (kReplicaSchema); else the next sync rebuilds it
};

class Replica {
public:
    // Creates DIR if needed. Throws std::runtime_error when DIR cannot be created.
    explicit Replica(std::string dir);

    // Brings the replica up to date with the API (full first time, delta after). Blocking.
    Result<SyncReport> sync(CommerceApi& api, int page_size = 1000,
                            const std::function<void(const SyncReport&)>& progress = {});

    ReplicaStatus status() const;
    // The file of the generation in use (it may not exist yet: no replica).
    std::string db_path() const;

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
        // The filters' values for a listing (every product, or one category): bounded work,
        // read from a sample of at most 4 000 of its products.
        ListingFacets facets(const std::string& category_id);
        // The ids of the products these SKUs belong to (SKUs the replica does not know are left
        // out). Answers are cached until the replica changes.
        std::unordered_set<std::string> products_of(const std::unordered_set<std::string>& skus);

    private:
        friend class Search;  // reads the index through the same connection
        // The open connection, moved to the generation in use when it changed (never while a
        // statement or transaction of this reader is open); nullptr if there is no replica yet.
        Db* db();
        std::optional<Product> product_in(Db& db, const std::string& id);
        std::optional<Product> product_at(Db& db, std::int64_t rowid);
        // A product's index words as stored (products.words): its `name` and `extra` columns;
        // false when they cannot be read (damaged).
        bool index_words(std::string_view stored, std::string& name, std::string& extra);
        const Replica& replica_;
        std::unique_ptr<Db> db_;
        bool current_ = false;           // db_ is laid out as this version reads it (kReplicaSchema)
        std::optional<DocCodec> codec_;  // the documents' dictionary of db_'s generation
        std::optional<DocCodec> words_codec_;  // and its index words' (layout 7)
        std::string open_path_;        // the generation db_ reads
        std::uint64_t pointer_key_ = 0;  // identity of DIR/current when open_path_ was chosen
        std::unordered_map<std::string, std::string> product_of_sku_;  // "" = unknown SKU
        std::string cached_path_;        // the generation product_of_sku_ was read from
        std::int64_t cached_version_ = -1;  // its PRAGMA data_version then
    };

    // Whether a build from scratch may start from the server's snapshot (default: yes).
    void set_snapshots(bool on) { snapshots_ = on; }

private:
    // The delta from the replica's cursor; true when the replica must be built again instead.
    Result<bool> delta_sync(const std::string& path, CommerceApi& api, int page_size, SyncReport& report,
                            const std::function<void(const SyncReport&)>& progress);
    // Installs the server's snapshot as the next generation: true when done, false when the
    // feed must be used instead (why in report.snapshot_skipped).
    Result<bool> bootstrap(CommerceApi& api, SyncReport& report);
    std::string next_generation() const;  // the file name of the next generation
    Result<SyncReport> full_sync(CommerceApi& api, int page_size,
                                 const std::function<void(const SyncReport&)>& progress);
    // Deletes every generation but the one in use (caller holds the sync lock).
    void remove_old_generations() const;
    std::string dir_;
    bool snapshots_ = true;
};

// Creates the replica schema on a connection (idempotent).
void create_replica_schema(Db& db);

// The codec of the product documents of the replica open on `db` (with its dictionary; without
// one for a replica of layout 5, whose documents are JSON text). Throws DbError, also when the
// stored dictionary is damaged (the next sync rebuilds such a replica).
DocCodec document_codec(Db& db);
// The codec of the products' index words (products.words, dictionary 2), the same way.
DocCodec words_codec(Db& db);

namespace detail {
// products.options: the sizes and colours of a product's variants, for search's filters (instr()
// on the text: no table, no index) and the listing's facets. Two forms, told apart by their last
// character and never matching each other's patterns:
// - a grid, when every size comes in every colour (most products): "\x1e" S1 "\x1e" S2 "\x1e"
//   "\x1f" C1 "\x1f" C2 "\x1f";
// - else the distinct pairs: "\x1e" S1 "\x1f" C1 "\x1e" S2 "\x1f" C2 "\x1e" (a lone "\x1e"
//   without variants).
// option_value() is a value as written there and looked for: without those two separators.
std::string option_value(std::string_view value);
std::string encode_options(const std::vector<std::pair<std::string, std::string>>& size_color);
// The condition on `column` for a variant of this size and colour (either empty: any), its
// parameters appended to `params`; empty when both are empty.
std::string options_condition(const std::string& column, const std::string& size, const std::string& color,
                              std::vector<std::string>& params);
// The sizes and colours products.options lists (empty values left out).
void decode_options(std::string_view options, std::vector<std::string>& sizes, std::vector<std::string>& colors);
// An EAN (or UPC) as the integer key of the `eans` table: 1 to 18 digits; nullopt otherwise
// (such a code is kept with the SKUs, as text).
std::optional<std::int64_t> numeric_code(std::string_view code);
}  // namespace detail

// The version of the replica's layout, in meta('schema'). A replica of another version is
// rebuilt by the next sync (a full sync into a fresh file, swapped in when complete).
// 3: categories, options, stems indexed; 4: name and extra columns; 5: terms and tokens known in
// names; 6: documents compressed with a trained dictionary (DocCodec); 7: a quarter of the disk
// at 1 000 000 products — the full-text index without a copy of its text (contentless: the
// words are kept compressed in products.words), codes keyed by the product's rowid (`codes`,
// `eans`) instead of a variants table with two indexes, sizes and colours in products.options,
// categories without an index by product (what a product had is read from its document).
inline constexpr const char* kReplicaSchema = "7";

}  // namespace catalog_client
