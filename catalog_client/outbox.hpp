#pragma once
// The order outbox, the heart of exactly-once ordering. An order is written durably with its
// Idempotency-Key before anything is sent; it is sent (and resent after a failure or a restart)
// with that same key, so the server creates it at most once; it ends either acknowledged or
// rejected. Orders go in and come out typed (OrderRequest, Order, OrderRejection); the file
// holds them as the contract's JSON. Once an order has ended, nothing personal stays on the
// disk: the request keeps only its lines, fulfilment type and store, payment method and
// channel (without_personal_data); of the server's answer only
// what the confirmation and ticket show (Order: number, status, lines, totals, where and when,
// till code, payment link — no address, contact or loyalty card); of a rejection only the
// problem's code, sku, available, price and field errors. The file overwrites deleted content
// (secure_delete) and its write-ahead log is emptied (checkpoint TRUNCATE) after each entry ends.
//
// Threads: one Outbox per process, used from one worker thread (send() blocks on the network).
// Errors from the disk come back as ErrorKind::Storage.

#include "catalog_client/api.hpp"
#include "catalog_client/sqlite.hpp"

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
    OrderRequest request;  // once ended: without_personal_data(request)
    bool readable = true;  // false: the stored request could not be read back (never sent then)
    std::string staff_session;
    int attempts = 0;
    std::string last_error;  // why the last attempt did not end it
    std::optional<Order> order;               // when acknowledged
    std::optional<OrderRejection> rejection;  // when rejected (no free text)
    std::int64_t created_at = 0, updated_at = 0;
};

// What one attempt to place an order came to.
struct OrderOutcome {
    std::int64_t outbox_id = 0;
    OutboxState state = OutboxState::Pending;
    std::optional<Order> order;               // Acknowledged
    std::optional<OrderRejection> rejection;  // Rejected
    std::string error;  // Pending: why it has not ended yet (for logs; never personal)
};

class Outbox : public OrderNotes {
public:
    // Opens (or creates) DIR/outbox.db. Throws std::runtime_error if it cannot.
    explicit Outbox(const std::string& dir);

    // Durably records an order to place; returns its entry (state Pending, a fresh key).
    Result<OutboxEntry> enqueue(const OrderRequest& request, const std::string& staff_session = {});
    // Sends one entry (blocking) and records the outcome. A transient failure (network, timeout,
    // 5xx, 429, a disk error) leaves it Pending with the reason; a 4xx ends it Rejected. An
    // entry that has already ended gives its recorded outcome without sending anything.
    OrderOutcome send(std::int64_t id, CommerceApi& api);
    // Sends every pending entry once (at start-up, and when the API comes back).
    std::vector<OrderOutcome> resend_pending(CommerceApi& api);

    std::optional<OutboxEntry> get(std::int64_t id);
    std::vector<OutboxEntry> list(bool pending_only = false);
    std::int64_t depth();  // pending entries

    // OrderNotes: a backend's note on a pending entry, by its key (cleared when the entry ends).
    std::string order_note(const std::string& idempotency_key) override;
    bool set_order_note(const std::string& idempotency_key, const std::string& note) override;

private:
    OrderOutcome finish(const OutboxEntry& entry, OutboxState state, const std::string& response,
                        const std::string& rejection);
    void truncate_log();
    std::unique_ptr<Db> db_;
};

// A random RFC 4122 version-4 UUID.
std::string new_uuid();

}  // namespace catalog_client
