// The kiosk's TOML configuration.
#include "kiosk/config.hpp"

#include <cmath>
#include <filesystem>

#include <toml++/toml.h>

namespace kiosk {

namespace {

struct TomlReader {
    const toml::table& table;
    const std::string& path;
    std::optional<std::string> error;

    std::string where(const char* section, const char* key) const {
        return path + ": " + section + "." + key;
    }
    void text(const char* section, const char* key, std::string& into) {
        if (error) return;
        auto node = table[section][key];
        if (!node) return;
        if (auto v = node.value<std::string>()) into = *v;
        else error = where(section, key) + " must be a string";
    }
    void number(const char* section, const char* key, double& into, double lo, double hi) {
        if (error) return;
        auto node = table[section][key];
        if (!node) return;
        auto v = node.value<double>();
        if (!v || !std::isfinite(*v) || *v < lo || *v > hi)
            error = where(section, key) + " must be a number from " + std::to_string(static_cast<long long>(lo)) +
                    " to " + std::to_string(static_cast<long long>(hi));
        else into = *v;
    }
    void integer(const char* section, const char* key, std::int64_t& into, std::int64_t lo, std::int64_t hi) {
        if (error) return;
        auto node = table[section][key];
        if (!node) return;
        // Only a TOML integer: toml++ converts a float by casting it first (undefined behaviour
        // for 5e66).
        auto v = node.is_integer() ? node.value<std::int64_t>() : std::nullopt;
        if (!v || *v < lo || *v > hi)
            error = where(section, key) + " must be a whole number from " + std::to_string(lo) + " to " +
                    std::to_string(hi);
        else into = *v;
    }
    void flag(const char* section, const char* key, bool& into) {
        if (error) return;
        auto node = table[section][key];
        if (!node) return;
        if (auto v = node.value<bool>()) into = *v;
        else error = where(section, key) + " must be true or false";
    }
};

}  // namespace

std::optional<std::string> read_kiosk_config(const std::string& path, KioskConfig& out) {
    out.config_file = path;
    if (!std::filesystem::exists(path)) return "cannot read the config file " + path;
    if (auto e = read_client_settings(path, out.client)) return e;
    toml::table table;
    try {
        table = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        return path + ": " + std::string(e.description());
    }
    TomlReader r{table, path, std::nullopt};
    r.text("storage", "cache_dir", out.cache_dir);
    r.integer("storage", "image_cache_mb", out.image_cache_mb, 16, 65536);
    if (auto node = table["kiosk"]["languages"]; node && !r.error) {
        const toml::array* arr = node.as_array();
        std::vector<std::string> langs;
        if (arr)
            for (const auto& item : *arr)
                if (auto v = item.value<std::string>()) langs.push_back(*v);
        if (!arr || langs.empty() || langs.size() != arr->size())
            r.error = r.where("kiosk", "languages") + " must be a list of language codes, e.g. [\"fr\", \"en\"]";
        else out.languages = langs;
    }
    r.text("kiosk", "default_language", out.default_language);
    r.number("kiosk", "idle_timeout_s", out.idle_timeout_s, 15, 3600);
    r.text("kiosk", "orientation", out.orientation);
    std::int64_t rotation = out.rotation, display = out.display;
    r.integer("kiosk", "rotation", rotation, 0, 270);
    r.integer("kiosk", "display", display, 0, 16);
    out.rotation = static_cast<int>(rotation);
    out.display = static_cast<int>(display);
    r.flag("kiosk", "fullscreen", out.fullscreen);
    r.number("kiosk", "sync_interval_s", out.sync_interval_s, 10, 86400);
    r.text("kiosk", "tracking_url", out.tracking_url);
    r.text("handoff", "product_url", out.handoff_product_url);
    r.text("kiosk", "assets_dir", out.assets_dir);
    r.text("kiosk", "synonyms_file", out.synonyms_file);
    r.number("staff", "idle_lock_s", out.staff_idle_lock_s, 15, 3600);
    r.number("kiosk", "heartbeat_interval_s", out.heartbeat_interval_s, 5, 3600);
    r.flag("accessibility", "speech", out.access.speech);
    r.flag("accessibility", "speech_on_keypad", out.access.speech_on_keypad);
    r.integer("accessibility", "speech_rate", out.access.speech_rate, 80, 450);
    r.integer("accessibility", "speech_volume", out.access.speech_volume, 0, 200);
    r.number("accessibility", "assisted_idle_timeout_s", out.access.assisted_idle_timeout_s, 15, 3600);
    r.number("accessibility", "assisted_countdown_s", out.access.assisted_countdown_s, 5, 300);
    r.number("accessibility", "more_time_s", out.access.more_time_s, 15, 3600);
    r.text("printer", "device", out.printer_device);
    std::int64_t columns = out.printer_columns;
    r.integer("printer", "columns", columns, 24, 96);
    out.printer_columns = static_cast<int>(columns);
    r.text("theme", "primary", out.theme.primary);
    r.text("theme", "background", out.theme.background);
    r.text("theme", "logo", out.theme.logo);
    r.text("theme", "retailer_name", out.theme.retailer_name);
    return r.error;
}

std::optional<std::uint32_t> parse_colour(const std::string& hex) {
    if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
    std::uint32_t v = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = hex[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return std::nullopt;
        v = v * 16 + static_cast<std::uint32_t>(d);
    }
    const std::uint32_t r = (v >> 16) & 0xFF, g = (v >> 8) & 0xFF, b = v & 0xFF;
    return 0xFF000000u | (b << 16) | (g << 8) | r;
}

std::optional<std::string> check_kiosk_config(const KioskConfig& c) {
    const std::string where = c.config_file.empty() ? std::string("settings") : c.config_file;
    if (c.client.api_url.empty()) return where + ": api.url is required (or --api URL)";
    if (auto e = check_api_url(c.client.api_url, c.client.allow_insecure_http)) return where + ": " + *e;
    if (auto e = check_backend(c.client)) return where + ": " + *e;
    if (c.client.replica_dir.empty()) return where + ": storage.replica_dir must not be empty";
    if (c.client.outbox_dir.empty()) return where + ": storage.outbox_dir must not be empty";
    if (c.cache_dir.empty()) return where + ": storage.cache_dir must not be empty";
    if (c.languages.empty()) return where + ": kiosk.languages must name at least one language";
    for (const std::string& l : c.languages)
        if (l != "fr" && l != "en") return where + ": kiosk.languages: no translations for \"" + l + "\" (fr, en)";
    bool found = false;
    for (const std::string& l : c.languages) found |= l == c.default_language;
    if (!found) return where + ": kiosk.default_language must be one of kiosk.languages";
    if (c.orientation != "landscape" && c.orientation != "portrait")
        return where + ": kiosk.orientation must be \"landscape\" or \"portrait\"";
    if (c.rotation % 90 != 0) return where + ": kiosk.rotation must be 0, 90, 180 or 270";
    if (!c.handoff_product_url.empty() &&
        ((c.handoff_product_url.rfind("https://", 0) != 0 && c.handoff_product_url.rfind("http://", 0) != 0) ||
         c.handoff_product_url.size() > 400))
        return where + ": handoff.product_url must be an http(s) link of at most 400 characters, e.g. \"https://shop.example/p/{ref}?sku={sku}\"";
    if (!c.theme.primary.empty() && !parse_colour(c.theme.primary))
        return where + ": theme.primary must be a colour like \"#005CAA\"";
    if (!c.theme.background.empty() && !parse_colour(c.theme.background))
        return where + ": theme.background must be a colour like \"#F6F6F3\"";
    if (!c.theme.logo.empty() && !std::filesystem::exists(c.theme.logo))
        return where + ": theme.logo: cannot find " + c.theme.logo;
    return std::nullopt;
}

std::string find_assets_dir(const std::string& configured, const std::string& argv0) {
    namespace fs = std::filesystem;
    if (!configured.empty()) return configured;
    std::error_code ec;
    // The program as started; a bare name was found on $PATH: then the running program's path.
    fs::path exe;
    if (argv0.find('/') == std::string::npos) exe = fs::read_symlink("/proc/self/exe", ec);
    if (exe.empty()) exe = fs::weakly_canonical(fs::path(argv0), ec);
    for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (fs::exists(dir / "assets" / "i18n" / "fr.json")) return (dir / "assets").string();
        if (fs::exists(dir / "share" / "endless-aisle" / "assets" / "i18n")) return (dir / "share" / "endless-aisle" / "assets").string();
        if (dir == dir.parent_path()) break;
    }
#ifdef KIOSK_SOURCE_ASSETS
    return KIOSK_SOURCE_ASSETS;
#else
    return "assets";
#endif
}

}  // namespace kiosk
