#pragma once
// Settings shared by kioskctl (and later the kiosk): where the API is, the token file, the
// replica and outbox directories. Read from a TOML file, then overridden by command-line flags.

#include <optional>
#include <string>

namespace kiosk {

struct ClientSettings {
    std::string api_url = "http://127.0.0.1:8080";
    std::string token_file;
    std::string ca_bundle;
    std::string replica_dir = "var/kiosk/replica";
    std::string outbox_dir = "var/kiosk/outbox";
    bool allow_insecure_http = false;  // [api] allow_insecure_http: plain http:// to a host that is not loopback
    std::string synonyms_file, assets_dir;  // [kiosk]: search uses the kiosk's synonyms
    std::string backend = "native";  // [api] backend: "native" (the contract) or "medusa"
    // [medusa] publishable_key_file, region (a name or id; empty: the first), kiosk_id, store
    // (the stock location this kiosk stands in: its code, else its sloc_ id).
    std::string medusa_key_file, medusa_region, medusa_kiosk_id, medusa_store;
};

// Reads [api] url, token_file, ca_bundle, backend, [storage] replica_dir, outbox_dir, [kiosk]
// synonyms_file, assets_dir and [medusa] from `path`.
// Returns an error message naming the file and the key on failure.
std::optional<std::string> read_client_settings(const std::string& path, ClientSettings& out);
// Checks the API URL: http:// or https://, a host; plain http:// only to a loopback host
// (127.0.0.0/8, ::1, localhost) unless allow_insecure_http. Error message naming api.url.
std::optional<std::string> check_api_url(const std::string& url, bool allow_insecure_http);
// True when `url` is plain http:// to a host that is not loopback (allowed only with
// allow_insecure_http; the caller logs a warning).
bool is_insecure_remote(const std::string& url);
// The backend's settings: a known backend, and what it needs (native: a token file; medusa: a
// publishable key file and the store). Error message naming the key.
std::optional<std::string> check_backend(const ClientSettings& settings);
// The token: the first line of the file, trimmed. Error message on failure (never the token).
std::optional<std::string> read_token(const std::string& path, std::string& token);

}  // namespace kiosk
