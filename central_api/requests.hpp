#pragma once
// The request bodies of the API, decoded and validated without HTTP: one function per kind of
// body, taking the body's bytes and returning the validated request. The route handlers call
// exactly these, so a fuzz target can feed them any bytes.
// Errors: every function throws ApiError and nothing else: 400 bad_request when the body is not
// JSON, not UTF-8, or nested deeper than kMaxBodyDepth; 422 validation_failed naming every bad
// field (wrong type, missing, too long, control characters, out of range).
// Pure functions of their arguments (no database, no shared state): thread-safe. What they
// return is bounded and shallow, so storing or hashing it never recurses over client input.

#include "central_api/fulfilment.hpp"
#include "central_api/problem.hpp"

#include "catalog_client/json_bounded.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace central_api {

constexpr std::size_t kMaxBodyDepth = catalog_client::kMaxJsonDepth;  // 64

// A body that must be a JSON object: 400 for malformed, invalid UTF-8 or too deep; 422 when it
// is valid JSON but not an object.
json parse_body(std::string_view body);

// POST /v1/events: {"events":[{"type","at","session_id","data"?}]}, 1 000 events at most.
struct EventIn {
    std::string type, at, session_id;
    json data;  // an object (at most 4 KiB once serialised) or null
};
struct EventsRequest {
    std::vector<EventIn> events;
};
EventsRequest decode_events(std::string_view body);
// What is stored for one event: the validated fields only.
json stored_event(const EventIn& event);

// POST /v1/kiosks/heartbeat.
struct HeartbeatRequest {
    std::string version;
    std::optional<std::string> catalog_cursor;
    std::int64_t outbox_depth = 0, uptime_s = 0;
    std::optional<std::int64_t> catalog_age_s;  // seconds since the kiosk's last complete sync
    std::optional<std::string> last_error;
    std::optional<std::int64_t> interval_s;  // the kiosk's heartbeat interval: the report's overdue test
};
HeartbeatRequest decode_heartbeat(std::string_view body);
json stored_heartbeat(const HeartbeatRequest& heartbeat);

// POST /v1/quotes: {"lines":[{"sku","quantity"}]}.
struct QuoteRequest {
    std::vector<LineRequest> lines;
};
QuoteRequest decode_quote(std::string_view body);

// POST /v1/orders with its Idempotency-Key header. The key is checked after the body is known
// to be JSON (so a malformed body is 400 whatever the key).
struct DecodedOrder {
    std::string idempotency_key;
    std::vector<LineRequest> lines;
    std::vector<std::int64_t> prices;  // unit_price.amount per line
    std::string fulfilment_type;       // "pickup" or "delivery"
    std::string pickup_store;          // pickup only
    json fulfilment;                   // {"type":"pickup","store_id"} or {"type":"delivery","address"{…}}
    json contact;                      // {"email"?,"phone"?}: at least one, both valid
    std::optional<std::string> loyalty_card;
    std::string payment_method;        // "pay_at_till" or "pay_on_phone"
    std::string channel_store, channel_kiosk;
    std::optional<std::string> staff_id;
    json channel;                      // {"store_id","kiosk_id","staff_id"?}
    // A hash of the canonical form of the validated request: two bodies that ask for the same
    // order (whatever their key order, spacing or unknown fields) have the same fingerprint.
    std::string fingerprint;
};
DecodedOrder decode_order(std::string_view body, std::string_view idempotency_key);

// POST /v1/staff/sessions: {"pin"} or {"pin","staff_id"}.
struct StaffSessionRequest {
    std::string pin;
    std::optional<std::string> staff_id;
};
StaffSessionRequest decode_staff_session(std::string_view body);

}  // namespace central_api
