#pragma once
// The demo retailer's credentials. Its kiosk tokens and staff PINs are stored nowhere (the
// database keeps only their hashes, see central_api/secrets.hpp): they are derived from the
// generation seed and a random key kept outside the database, in `FILE.demo-secrets` (mode 0600)
// beside it, so that `central-api tokens` and `staff` can print them. Whoever holds that file
// holds every demo credential; the database alone holds none.
// Errors: std::runtime_error with a one-line message (missing or unreadable secrets file).
// Thread-safe (no shared state); libsodium must be initialised (sodium_init) first.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace central_api {

struct DemoKey {
    std::array<unsigned char, 32> bytes{};
};
// "FILE.demo-secrets"
std::string demo_secrets_path(const std::string& db_path);
DemoKey new_demo_key();
// Writes the key to `path` with mode 0600 (through a temporary file renamed into place).
void write_demo_key(const std::string& path, const DemoKey& key);
DemoKey read_demo_key(const std::string& path);

// The demo kiosk token of `kiosk_id` (48 hex digits, like a random 24-byte token).
std::string demo_kiosk_token(const DemoKey& key, std::uint64_t seed, const std::string& kiosk_id);
// The 6-digit PINs of one store's staff, in the order given; distinct within the store.
std::vector<std::string> demo_store_pins(const DemoKey& key, std::uint64_t seed,
                                         const std::vector<std::string>& staff_ids);

struct DemoKiosk {
    std::string store_id, kiosk_id, token;
};
struct DemoStaff {
    std::string staff_id, store_id, pin, name;
};
// The demo credentials of an existing database, derived from its secrets file; ordered by store
// then id. Throws when the database is not a current central-api database or the file is missing.
std::vector<DemoKiosk> demo_kiosks(const std::string& db_path);
std::vector<DemoStaff> demo_staff(const std::string& db_path);

}  // namespace central_api
