// Fuzz target: the kiosk's TOML configuration (read_kiosk_config, then check_kiosk_config, as the
// kiosk starts), kioskctl's settings (read_client_settings) and the token file (read_token), each
// reading the input as the file's content. Properties: never crashes or throws; a refusal names
// the file; an accepted configuration holds every number within the range the reader promises.
#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/config.hpp"
#include "fuzz_support.hpp"
#include "kiosk/kioskctl_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = fuzz::scratch_file(data, size, ".toml");

    kiosk::KioskConfig config;
    std::optional<std::string> error = kiosk::read_kiosk_config(path, config);
    if (error) {
        FUZZ_CHECK(error->find(path) != std::string::npos,
                   "an error that does not name the file: " + *error);
    } else {
        FUZZ_CHECK(config.image_cache_mb >= 16 && config.image_cache_mb <= 65536,
                   "storage.image_cache_mb");
        FUZZ_CHECK(config.idle_timeout_s >= 15 && config.idle_timeout_s <= 3600,
                   "kiosk.idle_timeout_s accepted as " + std::to_string(config.idle_timeout_s));
        FUZZ_CHECK(config.sync_interval_s >= 10 && config.sync_interval_s <= 86400,
                   "kiosk.sync_interval_s accepted as " + std::to_string(config.sync_interval_s));
        FUZZ_CHECK(config.rotation >= 0 && config.rotation <= 270, "kiosk.rotation");
        FUZZ_CHECK(config.display >= 0 && config.display <= 16, "kiosk.display");
        FUZZ_CHECK(config.printer_columns >= 24 && config.printer_columns <= 96, "printer.columns");
        FUZZ_CHECK(!config.languages.empty(), "kiosk.languages accepted empty");
        (void)kiosk::check_kiosk_config(config);
    }

    kiosk::ClientSettings settings;
    if (auto e = kiosk::read_client_settings(path, settings))
        FUZZ_CHECK(e->find(path) != std::string::npos,
                   "an error that does not name the file: " + *e);

    std::string token;
    if (!kiosk::read_token(path, token))
        FUZZ_CHECK(!token.empty() && token.size() <= 512 &&
                       token.find_first_of(" \t\r\n") == std::string::npos,
                   "read_token accepted something that is not one token");
    return 0;
}
