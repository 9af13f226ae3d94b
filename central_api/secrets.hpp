#pragma once
// Secrets at rest. The database keeps no secret in clear: kiosk tokens and staff-session tokens
// are stored as the SHA-256 of the token (hex), looked up by that hash and compared in constant
// time; staff PINs only as argon2id hashes. (The demo retailer's credentials, derived from a key
// kept beside the database, are demo/demo_secrets.hpp.)
// Thread-safe (no shared state); libsodium must be initialised (sodium_init) first.

#include <cstddef>
#include <string>
#include <string_view>

namespace central_api {

// SHA-256 of `data`, 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);
// `size` bytes as 2×size lower-case hex digits.
std::string to_hex(const unsigned char* data, std::size_t size);
// Constant-time equality of two hashes (false when the sizes differ).
bool same_hash(std::string_view a, std::string_view b);

}  // namespace central_api
