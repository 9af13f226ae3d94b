// The kiosk's TOML configuration: a full valid file, each bad value named by its key, a missing
// file, a syntax error, and colour parsing. Every case writes its files in its own temporary
// directory.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/config.hpp"

namespace {

using namespace kiosk;

// A temporary directory (mkdtemp), removed with everything in it at the end of the case.
struct TempDir {
    std::string path;
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "kiosk-config-XXXXXX").string();
        REQUIRE(mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string write(const std::string& name, const std::string& text) const {
        const std::string file = path + "/" + name;
        std::ofstream out(file, std::ios::binary);
        out << text;
        return file;
    }
};

// Every key the kiosk reads, with values other than the defaults.
std::string full_config(const TempDir& d) {
    return "[api]\n"
           "url = \"https://commerce.example.com/api\"\n"
           "token_file = \"" + d.path + "/token\"\n"
           "ca_bundle = \"" + d.path + "/ca.pem\"\n"
           "\n"
           "[storage]\n"
           "replica_dir = \"" + d.path + "/replica\"\n"
           "outbox_dir = \"" + d.path + "/outbox\"\n"
           "cache_dir = \"" + d.path + "/cache\"\n"
           "image_cache_mb = 256\n"
           "\n"
           "[kiosk]\n"
           "languages = [\"en\", \"fr\"]\n"
           "default_language = \"en\"\n"
           "idle_timeout_s = 90\n"
           "orientation = \"portrait\"\n"
           "rotation = 90\n"
           "fullscreen = false\n"
           "display = 1\n"
           "sync_interval_s = 600.5\n"
           "tracking_url = \"https://suivi.example.com/{number}\"\n"
           "assets_dir = \"" + d.path + "/assets\"\n"
           "\n"
           "[staff]\n"
           "idle_lock_s = 45\n"
           "\n"
           "[printer]\n"
           "device = \"/dev/usb/lp0\"\n"
           "columns = 32\n"
           "\n"
           "[theme]\n"
           "primary = \"#005CAA\"\n"
           "background = \"#f6f6f3\"\n"
           "logo = \"" + d.path + "/logo.png\"\n"
           "retailer_name = \"Maison Test\"\n";
}

// A minimal valid file plus `extra` lines (TOML sections may repeat only once: extra goes in its own).
std::string minimal(const TempDir& d, const std::string& kiosk_lines, const std::string& theme_lines = "") {
    std::string text = "[api]\nurl = \"http://127.0.0.1:8080\"\ntoken_file = \"" + d.path + "/token\"\n";
    if (!kiosk_lines.empty()) text += "[kiosk]\n" + kiosk_lines + "\n";
    if (!theme_lines.empty()) text += "[theme]\n" + theme_lines + "\n";
    return text;
}

// Reads `text` as a config file; returns the error of reading, else of checking, else "".
std::string problem(const TempDir& d, const std::string& text, KioskConfig* into = nullptr) {
    KioskConfig c;
    const std::string file = d.write("kiosk.toml", text);
    if (auto e = read_kiosk_config(file, c)) return *e;
    if (into) *into = c;
    if (auto e = check_kiosk_config(c)) return *e;
    return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a full valid configuration file is read key by key") {
    TempDir d;
    d.write("logo.png", "not really a PNG, but it exists");
    const std::string file = d.write("kiosk.toml", full_config(d));
    KioskConfig c;
    const auto err = read_kiosk_config(file, c);
    REQUIRE_MESSAGE(!err, (err ? *err : std::string()));
    CHECK(c.config_file == file);
    CHECK(c.client.api_url == "https://commerce.example.com/api");
    CHECK(c.client.token_file == d.path + "/token");
    CHECK(c.client.ca_bundle == d.path + "/ca.pem");
    CHECK(c.client.replica_dir == d.path + "/replica");
    CHECK(c.client.outbox_dir == d.path + "/outbox");
    CHECK(c.cache_dir == d.path + "/cache");
    CHECK(c.image_cache_mb == 256);
    CHECK(c.languages == std::vector<std::string>{"en", "fr"});
    CHECK(c.default_language == "en");
    CHECK(c.idle_timeout_s == doctest::Approx(90));
    CHECK(c.orientation == "portrait");
    CHECK(c.rotation == 90);
    CHECK_FALSE(c.fullscreen);
    CHECK(c.display == 1);
    CHECK(c.sync_interval_s == doctest::Approx(600.5));
    CHECK(c.tracking_url == "https://suivi.example.com/{number}");
    CHECK(c.assets_dir == d.path + "/assets");
    CHECK(c.theme.primary == "#005CAA");
    CHECK(c.theme.background == "#f6f6f3");
    CHECK(c.theme.logo == d.path + "/logo.png");
    CHECK(c.theme.retailer_name == "Maison Test");
    CHECK(c.printer_device == "/dev/usb/lp0");
    CHECK(c.printer_columns == 32);
    CHECK(c.staff_idle_lock_s == doctest::Approx(45));
    const auto check = check_kiosk_config(c);
    CHECK_MESSAGE(!check, (check ? *check : std::string()));
}

TEST_CASE("keys absent from the file keep their defaults") {
    TempDir d;
    KioskConfig c;
    CHECK(problem(d, minimal(d, ""), &c) == "");
    CHECK(c.languages == std::vector<std::string>{"fr", "en"});
    CHECK(c.default_language == "fr");
    CHECK(c.idle_timeout_s == doctest::Approx(60));
    CHECK(c.staff_idle_lock_s == doctest::Approx(120));
    CHECK(c.orientation == "landscape");
    CHECK(c.rotation == 0);
    CHECK(c.fullscreen);
    CHECK(c.image_cache_mb == 512);
    CHECK(c.client.replica_dir == "var/kiosk/replica");
    CHECK(c.theme.primary.empty());
    CHECK(c.printer_device.empty());  // no printer: the confirmation offers no ticket
    CHECK(c.printer_columns == 48);
}

TEST_CASE("each bad value gives a message naming its key") {
    TempDir d;
    struct Bad {
        const char* what;
        std::string text;
        const char* key;
    };
    const Bad bad[] = {
        {"idle timeout not a number", minimal(d, "idle_timeout_s = \"x\""), "kiosk.idle_timeout_s"},
        {"idle timeout too short", minimal(d, "idle_timeout_s = 5"), "kiosk.idle_timeout_s"},
        {"no languages", minimal(d, "languages = []"), "kiosk.languages"},
        {"languages not strings", minimal(d, "languages = [\"fr\", 2]"), "kiosk.languages"},
        {"languages not a list", minimal(d, "languages = \"fr\""), "kiosk.languages"},
        {"rotation not a right angle", minimal(d, "rotation = 45"), "kiosk.rotation"},
        {"rotation out of range", minimal(d, "rotation = 360"), "kiosk.rotation"},
        {"orientation", minimal(d, "orientation = \"diagonal\""), "kiosk.orientation"},
        {"fullscreen not a boolean", minimal(d, "fullscreen = \"yes\""), "kiosk.fullscreen"},
        {"default language not a string", minimal(d, "default_language = 1"), "kiosk.default_language"},
        {"sync interval", minimal(d, "sync_interval_s = 1"), "kiosk.sync_interval_s"},
        {"staff idle lock too short", minimal(d, "") + "[staff]\nidle_lock_s = 5\n", "staff.idle_lock_s"},
        {"staff idle lock not a number", minimal(d, "") + "[staff]\nidle_lock_s = \"2 min\"\n", "staff.idle_lock_s"},
        {"primary colour", minimal(d, "", "primary = \"blue\""), "theme.primary"},
        {"background colour", minimal(d, "", "background = \"#12345\""), "theme.background"},
        {"missing logo", minimal(d, "", "logo = \"" + d.path + "/no-logo.png\""), "theme.logo"},
        {"unknown language", minimal(d, "languages = [\"fr\", \"de\"]"), "kiosk.languages"},
        {"default language not offered", minimal(d, "languages = [\"fr\"]\ndefault_language = \"en\""),
         "kiosk.default_language"},
        {"no token file", "[api]\nurl = \"http://127.0.0.1:8080\"\n", "api.token_file"},
        {"url without http", "[api]\nurl = \"127.0.0.1:8080\"\ntoken_file = \"/t\"\n", "api.url"},
        {"url with another scheme", "[api]\nurl = \"ftp://example.com\"\ntoken_file = \"/t\"\n", "api.url"},
        {"empty url", "[api]\nurl = \"\"\ntoken_file = \"/t\"\n", "api.url"},
        {"url not a string", "[api]\nurl = 8080\ntoken_file = \"/t\"\n", "api.url"},
        {"image cache too small", "[api]\ntoken_file = \"/t\"\n[storage]\nimage_cache_mb = 1\n", "storage.image_cache_mb"},
        {"empty cache dir", "[api]\ntoken_file = \"/t\"\n[storage]\ncache_dir = \"\"\n", "storage.cache_dir"},
        {"printer columns", "[api]\ntoken_file = \"/t\"\n[printer]\ncolumns = 200\n", "printer.columns"},
        {"printer device not a string", "[api]\ntoken_file = \"/t\"\n[printer]\ndevice = 1\n", "printer.device"},
        {"empty replica dir", "[api]\ntoken_file = \"/t\"\n[storage]\nreplica_dir = \"\"\n", "storage.replica_dir"},
        {"idle timeout not a number (nan)", minimal(d, "idle_timeout_s = nan"), "kiosk.idle_timeout_s"},
        {"idle timeout infinite", minimal(d, "idle_timeout_s = inf"), "kiosk.idle_timeout_s"},
        {"sync interval nan", minimal(d, "sync_interval_s = nan"), "kiosk.sync_interval_s"},
        {"printer columns a huge float", "[api]\ntoken_file = \"/t\"\n[printer]\ncolumns = 5e66\n", "printer.columns"},
        {"rotation a float", minimal(d, "rotation = 90.0"), "kiosk.rotation"},
        {"plain http to another machine", "[api]\nurl = \"http://commerce.example.com\"\ntoken_file = \"/t\"\n", "api.url"},
        {"allow_insecure_http not a boolean", "[api]\nallow_insecure_http = \"yes\"\ntoken_file = \"/t\"\n",
         "api.allow_insecure_http"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.what);
        const std::string msg = problem(d, b.text);
        CHECK_MESSAGE(contains(msg, b.key), "\"" << msg << "\" should name " << b.key);
        CHECK_MESSAGE(contains(msg, d.path + "/kiosk.toml"), "\"" << msg << "\" should name the file");
    }
    // The unknown language is named too.
    CHECK(contains(problem(d, minimal(d, "languages = [\"fr\", \"de\"]")), "\"de\""));
}

TEST_CASE("valid edge values are accepted") {
    TempDir d;
    for (const char* lines : {"rotation = 270", "rotation = 180", "idle_timeout_s = 15", "idle_timeout_s = 3600",
                              "languages = [\"fr\"]", "languages = [\"en\"]\ndefault_language = \"en\"",
                              "orientation = \"portrait\"", "idle_timeout_s = 42.5"}) {
        CAPTURE(lines);
        CHECK(problem(d, minimal(d, lines)) == "");
    }
    CHECK(problem(d, minimal(d, "", "primary = \"#ffffff\"\nbackground = \"#000000\"")) == "");
}

TEST_CASE("a missing file names the file") {
    TempDir d;
    KioskConfig c;
    const std::string file = d.path + "/nowhere.toml";
    const auto err = read_kiosk_config(file, c);
    REQUIRE(err.has_value());
    CHECK(contains(*err, file));
}

TEST_CASE("a TOML syntax error names the file and where") {
    TempDir d;
    KioskConfig c;
    const std::string file = d.write("broken.toml", "[api]\nurl = \"http://127.0.0.1:8080\"\n[kiosk\nrotation = 90\n");
    const auto err = read_kiosk_config(file, c);
    REQUIRE(err.has_value());
    CHECK(contains(*err, file));
    CHECK(err->size() > file.size() + 2);  // and says something about it

    const std::string unterminated = d.write("unterminated.toml", "[api]\nurl = \"http://127.0.0.1:8080\n");
    const auto err2 = read_kiosk_config(unterminated, c);
    REQUIRE(err2.has_value());
    CHECK(contains(*err2, unterminated));
}

TEST_CASE("check_kiosk_config on settings given by flags (no file)") {
    KioskConfig c;
    c.client.api_url = "http://127.0.0.1:8080";
    c.client.token_file = "/run/kiosk/token";
    CHECK_FALSE(check_kiosk_config(c).has_value());
    c.client.api_url.clear();
    const auto err = check_kiosk_config(c);
    REQUIRE(err.has_value());
    CHECK(contains(*err, "api.url"));
    CHECK(contains(*err, "settings"));
}

TEST_CASE("plain http is accepted only to loopback, or to another machine when allowed") {
    const char* loopback[] = {"http://127.0.0.1:8080", "http://127.3.2.1/api", "http://localhost:8080",
                              "http://LOCALHOST", "http://[::1]:8080/", "http://user@127.0.0.1:8080"};
    for (const char* url : loopback) {
        CAPTURE(url);
        CHECK_FALSE(check_api_url(url, false).has_value());
        CHECK_FALSE(is_insecure_remote(url));
    }
    const char* remote[] = {"http://commerce.example.com", "http://10.0.0.5:8080", "http://127.0.0.1.evil.example/",
                            "http://localhost.evil.example", "http://[::2]:80", "http://127.0.0.1@evil.example/",
                            "http://[::ffff:127.0.0.1]/", "http://0x7f000001/"};
    for (const char* url : remote) {
        CAPTURE(url);
        const auto err = check_api_url(url, false);
        REQUIRE(err.has_value());
        CHECK(contains(*err, "api.url"));
        CHECK(contains(*err, "allow_insecure_http"));
        CHECK(is_insecure_remote(url));
        CHECK_FALSE(check_api_url(url, true).has_value());
    }
    CHECK_FALSE(check_api_url("https://commerce.example.com", false).has_value());
    CHECK_FALSE(is_insecure_remote("https://commerce.example.com"));
    CHECK(check_api_url("https://", false).has_value());
    CHECK(check_api_url("http://:8080", true).has_value());

    TempDir d;
    KioskConfig c;
    const std::string text = "[api]\nurl = \"http://10.1.2.3:8080\"\ntoken_file = \"/t\"\nallow_insecure_http = true\n";
    CHECK(problem(d, text, &c) == "");
    CHECK(c.client.allow_insecure_http);
}

TEST_CASE("parse_colour") {
    CHECK(parse_colour("#005CAA") == std::optional<std::uint32_t>(0xFFAA5C00u));
    CHECK(parse_colour("#005caa") == std::optional<std::uint32_t>(0xFFAA5C00u));
    CHECK(parse_colour("#FF0000") == std::optional<std::uint32_t>(0xFF0000FFu));  // red in the low byte
    CHECK(parse_colour("#00FF00") == std::optional<std::uint32_t>(0xFF00FF00u));
    CHECK(parse_colour("#0000FF") == std::optional<std::uint32_t>(0xFFFF0000u));
    CHECK(parse_colour("#000000") == std::optional<std::uint32_t>(0xFF000000u));
    CHECK(parse_colour("#ffffff") == std::optional<std::uint32_t>(0xFFFFFFFFu));
    for (const char* bad : {"", "blue", "#", "#12345", "#1234567", "005CAA", "#GG0000", "#00 0AA", "##005CA", "#-12345"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_colour(bad).has_value());
    }
}

TEST_CASE("find_assets_dir prefers the configured directory") {
    CHECK(find_assets_dir("/opt/kiosk/assets", "/usr/bin/kiosk") == "/opt/kiosk/assets");
    TempDir d;
    std::filesystem::create_directories(d.path + "/assets/i18n");
    std::filesystem::create_directories(d.path + "/bin");
    d.write("assets/i18n/fr.json", "{}");
    namespace fs = std::filesystem;
    CHECK(fs::weakly_canonical(find_assets_dir("", d.path + "/bin/kiosk")) == fs::weakly_canonical(d.path + "/assets"));
}
