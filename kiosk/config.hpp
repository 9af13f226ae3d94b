#pragma once
// The kiosk's configuration: one TOML file (deploy/kiosk.example.toml documents every key), then
// command-line flags over it. Required: api.url and api.token_file (file or flag). A bad value or
// a missing required key gives one message naming the key; the caller prints it and exits 2.
// Plain data; read once at start-up on the main thread.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/kioskctl_config.hpp"

namespace kiosk {

struct ThemeSettings {
    std::string primary;     // "#RRGGBB", empty: the render layer's default
    std::string background;
    std::string logo;        // PNG or JPEG file shown in the top bar; empty: the retailer name
    std::string retailer_name = "Maison Lumière";
};

// [accessibility]: speech output and the time given to shoppers who use it or the keypad.
struct AccessSettings {
    bool speech = false;              // speech: on at the start of every session
    bool speech_on_keypad = true;     // speech_on_keypad: the first keypad key turns speech on
    std::int64_t speech_rate = 175;   // speech_rate: words per minute, 80..450
    std::int64_t speech_volume = 100; // speech_volume: 0..200 (100: the voice's normal level)
    double assisted_idle_timeout_s = 180;  // assisted_idle_timeout_s: idle timeout with speech or keypad
    double assisted_countdown_s = 30;      // assisted_countdown_s: the warning's countdown then
    double more_time_s = 120;              // more_time_s: what "more time" on the warning adds
};

struct KioskConfig {
    ClientSettings client;          // [api] url, token_file, ca_bundle; [storage] replica_dir, outbox_dir
    std::string cache_dir = "var/kiosk/cache";        // [storage] cache_dir: images
    std::int64_t image_cache_mb = 512;                // [storage] image_cache_mb
    std::vector<std::string> languages = {"fr", "en"};  // [kiosk] languages
    std::string default_language = "fr";              // [kiosk] default_language
    double idle_timeout_s = 60;                       // [kiosk] idle_timeout_s
    std::string orientation = "landscape";            // [kiosk] orientation: landscape | portrait
    int rotation = 0;                                 // [kiosk] rotation: 0, 90, 180, 270 (panel mounting)
    bool fullscreen = true;                           // [kiosk] fullscreen
    int display = 0;                                  // [kiosk] display
    double sync_interval_s = 300;                     // [kiosk] sync_interval_s
    double heartbeat_interval_s = 60;                 // [kiosk] heartbeat_interval_s: heartbeat and usage events
    std::string tracking_url = "";                    // [kiosk] tracking_url, "{number}" replaced
    std::string handoff_product_url = "";             // [handoff] product_url: "{ref}", "{sku}", "{id}" replaced; empty: no product QR
    std::string assets_dir;                           // [kiosk] assets_dir (translations); default: found
    std::string synonyms_file;                        // [kiosk] synonyms_file; default: ASSETS/search/synonyms.txt
    double staff_idle_lock_s = 120;                   // [staff] idle_lock_s: staff mode locks itself after this idle time
    std::string printer_device;                       // [printer] device: ESC/POS receipt printer; empty: none
    int printer_columns = 48;                         // [printer] columns: characters per line (80 mm: 48, 58 mm: 32)
    AccessSettings access;                            // [accessibility]
    ThemeSettings theme;                              // [theme] primary, background, logo, retailer_name
    std::string config_file;                          // where it was read from (messages)
};

// Reads `path` into `out` (keys absent from the file keep their defaults). Error names the key.
std::optional<std::string> read_kiosk_config(const std::string& path, KioskConfig& out);
// Checks required keys and value ranges after the flags were applied. Error names the key.
std::optional<std::string> check_kiosk_config(const KioskConfig& c);
// Parses "#RRGGBB" into 0xAABBGGRR (ImGui's IM_COL32 layout); nullopt when malformed.
std::optional<std::uint32_t> parse_colour(const std::string& hex);
// The assets directory: the configured one, else next to the executable or in the source tree.
std::string find_assets_dir(const std::string& configured, const std::string& argv0);

}  // namespace kiosk
