#pragma once
// The commerce backend the settings name ([api] backend): the contract's own API ("native") or
// a Medusa v2 Store API ("medusa"), over a Transport made for it. Shared by the kiosk and kioskctl.

#include "catalog_client/api.hpp"
#include "kiosk/kioskctl_config.hpp"

#include <memory>
#include <optional>
#include <string>

namespace kiosk {

struct Backend {
    std::unique_ptr<catalog_client::Transport> transport;
    std::unique_ptr<catalog_client::CommerceApi> api;  // call api->shutdown() before the transport goes
};

// The backend's secret: the kiosk's token (native) or the publishable key (medusa), read from its
// file. Error message naming the setting (never the secret).
std::optional<std::string> read_backend_secret(const ClientSettings& settings, std::string& secret);

// Reads the token (native) or the publishable key (medusa) and builds both. `notes`: where a
// backend without idempotency keys notes each pending order (the outbox). `need_secret` false:
// a missing token is not an error (kioskctl's commands that only read the replica, or health).
// Throws std::runtime_error with a message naming the setting at fault.
Backend make_backend(const ClientSettings& settings, catalog_client::OrderNotes* notes, bool need_secret = true);

}  // namespace kiosk
