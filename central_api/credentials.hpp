#pragma once
// Credentials the retailer's IT hands out: kiosk tokens (`central-api kiosk-token`: a new kiosk,
// or a new token for one) and operator tokens (`central-api operator-token`: the fleet report,
// GET /v1/reports/kiosks as a bearer token, and the /ops page's sign-in, which then keeps a
// session cookie). Only SHA-256 hashes of tokens and cookies are stored (tables kiosks,
// operators and ops_sessions), compared in constant time. Tokens are 48 hex digits (192 bits).
// All functions run on the caller's connection; libsodium must be initialised.

#include "central_api/db.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace central_api {

// Gives a kiosk a new token: creates the kiosk in `store_id` when it does not exist (the store
// must), otherwise replaces its token (the old one stops working at once; `store_id` empty keeps
// its store). Returns the token, shown once. Throws std::runtime_error for an unknown store or a
// bad kiosk id (1 to 64 of a-z, 0-9, '-', '_').
std::string set_kiosk_token(Db& db, const std::string& kiosk_id, const std::string& store_id);
// Removes a kiosk: its token stops working; its orders, events and heartbeat stay. False when
// there is no such kiosk.
bool remove_kiosk(Db& db, const std::string& kiosk_id);

struct OperatorToken {
    std::string id, label, token;  // token: shown once, never stored
};
struct OperatorInfo {
    std::string id, label;
    std::int64_t created_at = 0;
};

// A new operator with a fresh 48-hex-digit token. `label` says whose it is (not secret).
OperatorToken create_operator(Db& db, const std::string& label, std::int64_t now);
// Removes an operator and closes its /ops sessions; false when there is none with that id.
bool revoke_operator(Db& db, const std::string& id);
std::vector<OperatorInfo> list_operators(Db& db);
// The operator a token belongs to, or nullopt.
std::optional<std::string> find_operator(Db& db, const std::string& token);

constexpr std::int64_t kOpsSessionSeconds = 8 * 3600;
// Opens an /ops session for an operator: the cookie value to set (shown once, stored hashed).
std::string open_ops_session(Db& db, const std::string& operator_id, std::int64_t now);
// The operator of a live session cookie, or nullopt (unknown, expired or revoked).
std::optional<std::string> find_ops_session(Db& db, const std::string& cookie, std::int64_t now);
void close_ops_session(Db& db, const std::string& cookie);

}  // namespace central_api
