#pragma once
// The catalogue as the reference server stores it: the schema of its SQLite database, product
// documents with their variants, and the sync feed (an append-only change log with one live row
// per product and tombstones for deletions, read by cursor).
// All functions run on the caller's connection and inside the caller's transaction, if any.

#include "central_api/db.hpp"
#include "central_api/util.hpp"

#include <optional>
#include <string>

namespace central_api {

// 3: secrets stored as hashes only (kiosks.token_hash, staff_sessions.token_hash, no staff.pin);
// orders know their channel and fulfilling store.
constexpr int kSchemaVersion = 3;

// Creates every table and index (idempotent).
void create_schema(Db& db);
// The tables and indexes added since schema 3 without changing it (hand-off links, operator
// tokens and /ops sessions, the report's indexes): created by create_schema, and by the server
// on an older database when it starts. Idempotent.
void add_later_tables(Db& db);

// Writes products with prepared statements reused across calls (bulk generation, mutate).
class CatalogWriter {
public:
    explicit CatalogWriter(Db& db);
    // Inserts or replaces a product document (with its variants) and logs an upsert change.
    void upsert(const json& product, std::int64_t now);
    // Removes a product, its variants and their stock, and logs a delete change (tombstone).
    void remove(const std::string& product_id, std::int64_t now);

private:
    Db& db_;
    Stmt put_product_, del_variants_, put_variant_, drop_changes_, add_change_;
};

// An opaque sync cursor: which change was seen last, in which generated database, when issued.
struct Cursor {
    std::int64_t seq = 0;
    std::string epoch;      // identifies one generated database; another epoch means resync
    std::int64_t issued = 0;
};
std::string encode_cursor(const Cursor& cursor);
std::optional<Cursor> decode_cursor(const std::string& text);

struct FeedPage {
    std::string body;        // the JSON response, assembled from stored documents
    std::int64_t last_seq = 0;
    bool has_more = false;
    int count = 0;
};
// Changes with seq > since_seq, oldest first, at most `limit`; next_cursor issued at `now`.
FeedPage read_changes(Db& db, std::int64_t since_seq, int limit, const std::string& epoch,
                        std::int64_t now);

// Deletes tombstones older than `retention_s` and records the newest purged seq, so that cursors
// from before it are refused with 410. Returns the number of purged tombstones.
std::int64_t purge_tombstones(Db& db, std::int64_t now, std::int64_t retention_s);

// A JSON array of the stored documents in column 0 of each row of `st` (stepped to the end).
std::string json_array_of_rows(Stmt& st);

// One product document, or nullopt.
std::optional<std::string> product_document(Db& db, const std::string& product_id);

}  // namespace central_api
