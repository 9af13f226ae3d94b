#pragma once
// The order outbox, the heart of exactly-once ordering. An order is written durably with its
// Idempotency-Key before anything is sent; it is sent (and resent after a failure or a restart)
// with that same key, so the server creates it at most once; it ends either acknowledged or
// rejected. Once an order has ended, nothing personal stays on the disk: the body keeps only
// its lines, fulfilment type and store, payment method and channel; of the server's answer only
// what the confirmation and ticket show (Order: number, status, lines, totals, where and when,
// till code, payment link — no address, contact or loyalty card); of a rejection only the
// problem's code, sku, available, price and field errors. The file overwrites deleted content
// (secure_delete) and its write-ahead log is emptied (checkpoint TRUNCATE) after each entry ends.
//
// Threads: one Outbox per process, used from one worker thread (send() blocks on the network).
// Errors from the disk come back as ErrorKind::Storage.

#include "api.hpp"
#include "sqlite.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace catalog_client {

enum class OutboxState { Pending, Acknowledged, Rejected };
const char* to_string(OutboxState state);

struct OutboxEntry {
    std::int64_t id = 0;
    std::string idempotency_key;
    OutboxState state = OutboxState::Pending;
    json body;             // the order body; once ended, only lines, fulfilment type/store, payment method, channel
    std::string staff_session;
    int attempts = 0;
    std::string last_error;  // why the last attempt did not end it
    std::optional<Order> order;  // when acknowledged
    json problem;                // when rejected: code, sku, available, price, errors (no free text)
    std::int64_t created_at = 0, updated_at = 0;
};

class Outbox {
public:
    // Opens (or creates) DIR/outbox.db. Throws std::runtime_error if it cannot.
    explicit Outbox(const std::string& dir);

    // Durably records an order to place; returns its entry (state Pending, a fresh key).
    Result<OutboxEntry> enqueue(const json& order_body, const std::string& staff_session = {});
    // Sends one pending entry (blocking) and records the outcome. A transient failure (network,
    // timeout, 5xx, 429) leaves it Pending with last_error; a 4xx ends it Rejected.
    Result<OutboxEntry> send(std::int64_t id, CommerceApi& api);
    // Sends every pending entry once (at start-up, and when the API comes back).
    std::vector<OutboxEntry> resend_pending(CommerceApi& api);

    std::optional<OutboxEntry> get(std::int64_t id);
    std::vector<OutboxEntry> list(bool pending_only = false);
    std::int64_t depth();  // pending entries

private:
    Result<OutboxEntry> finish(std::int64_t id, OutboxState state, const std::string& response,
                               const json& problem);
    void truncate_log();
    std::unique_ptr<Db> db_;
};

// A random RFC 4122 version-4 UUID.
std::string new_uuid();

}  // namespace catalog_client
