#include "kiosk/backend.hpp"

#include "catalog_client/medusa.hpp"

#include <stdexcept>

namespace kiosk {

using namespace catalog_client;

std::optional<std::string> read_backend_secret(const ClientSettings& settings, std::string& secret) {
    if (auto e = check_backend(settings)) return e;
    if (settings.backend == "medusa") {
        if (auto e = read_token(settings.medusa_key_file, secret)) return "medusa.publishable_key_file: " + *e;
        return std::nullopt;
    }
    return read_token(settings.token_file, secret);
}

Backend make_backend(const ClientSettings& settings, OrderNotes* notes, bool need_secret) {
    std::string secret;
    if (auto e = read_backend_secret(settings, secret); e && need_secret) throw std::runtime_error(*e);
    TransportOptions options;
    options.ca_bundle = settings.ca_bundle;
    Backend b;
    if (settings.backend == "medusa") {
        MedusaSettings m;
        m.base_url = settings.api_url;
        m.publishable_key = secret;
        m.region = settings.medusa_region;
        m.kiosk_id = settings.medusa_kiosk_id;
        m.store_id = settings.medusa_store;
        b.transport = std::make_unique<Transport>(options);
        b.api = std::make_unique<MedusaApi>(*b.transport, std::move(m), notes);
        return b;
    }
    options.bearer_token = secret;
    b.transport = std::make_unique<Transport>(options);
    b.api = std::make_unique<CommerceApi>(*b.transport, settings.api_url);
    return b;
}

}  // namespace kiosk
