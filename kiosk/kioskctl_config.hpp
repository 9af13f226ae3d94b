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
};

// Reads [api] url, token_file, ca_bundle and [storage] replica_dir, outbox_dir from `path`.
// Returns an error message naming the file and the key on failure.
std::optional<std::string> read_client_settings(const std::string& path, ClientSettings& out);
// The token: the first line of the file, trimmed. Error message on failure (never the token).
std::optional<std::string> read_token(const std::string& path, std::string& token);

}  // namespace kiosk
