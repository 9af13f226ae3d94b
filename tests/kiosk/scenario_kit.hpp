#pragma once
// What the kiosk's scenario tests share: a real kiosk (headless, offscreen GL) in its own
// temporary directory talking to a reference server, script-step builders, and checks on the
// server's database and the kiosk's files.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include "kiosk/app.hpp"
#include "harness.hpp"
#include "kiosk/reducer.hpp"
#include "kiosk/script.hpp"

namespace scenario {

using testing::Harness;
using testing::TempDir;
using json = nlohmann::json;
namespace fs = std::filesystem;


// A kiosk in its own temporary directory, talking to `h` with the Paris Rivoli kiosk's token;
// `tweak` changes its configuration (given the directory) before it starts; `width` × `height`
// is its screen (landscape 1920 × 1080 unless stated).
struct Kiosk {
    explicit Kiosk(Harness& h, const std::string& language = "fr",
                   const std::function<void(kiosk::KioskConfig&, const std::string&)>& tweak = {}, int width = 1920,
                   int height = 1080) {
        std::ofstream(dir.path + "/token") << h.token << "\n";
        cfg.client.api_url = h.url();
        cfg.client.token_file = dir.path + "/token";
        cfg.client.replica_dir = dir.path + "/replica";
        cfg.client.outbox_dir = dir.path + "/outbox";
        cfg.cache_dir = dir.path + "/cache";
        cfg.assets_dir = std::string(KIOSK_SOURCE_DIR) + "/assets";
        cfg.default_language = language;
        cfg.tracking_url = "https://suivi.example.org/{number}";
        if (tweak) tweak(cfg, dir.path);
        kiosk::RunOptions opt;
        opt.headless = true;
        opt.manual_clock = true;
        opt.width = width;
        opt.height = height;
        opt.speech_out = dir.path + "/speech.wav";  // written only once speech says something
        app = std::make_unique<kiosk::App>(cfg, opt);
    }
    // Runs script steps; on failure prints the failing step's log line.
    bool run(const json& steps, bool settle_at_start = true) {
        kiosk::Script s;
        s.steps = steps;
        s.settle_at_start = settle_at_start;
        const std::string out = dir.path + "/run" + std::to_string(++runs);
        const int code = kiosk::run_script(*app, s, out);
        // KIOSK_TEST_SHOTS=DIR keeps the screenshots of every run (to look at them).
        if (const char* keep = std::getenv("KIOSK_TEST_SHOTS"))
            for (const auto& f : fs::directory_iterator(out))
                if (f.path().extension() == ".png") {
                    std::error_code ec;
                    fs::create_directories(keep, ec);
                    fs::copy_file(f.path(), fs::path(keep) / f.path().filename(), fs::copy_options::overwrite_existing, ec);
                }
        if (code != 0) {
            std::ifstream log(out + "/log.jsonl");
            std::string line, last;
            while (std::getline(log, line)) last = line;
            MESSAGE("failed step: " << last);
        }
        return code == 0;
    }
    const kiosk::AppState& state() const { return app->state(); }

    TempDir dir;
    kiosk::KioskConfig cfg;
    std::unique_ptr<kiosk::App> app;
    int runs = 0;
};

inline json steps(std::initializer_list<json> list) { return json(list); }

inline std::int64_t count_orders(Harness& h) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT COUNT(*) FROM orders");
    st.step();
    return st.integer(0);
}

inline json only_order(Harness& h) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT doc FROM orders");
    REQUIRE(st.step());
    return json::parse(st.text(0));
}

inline std::string ean_of(Harness& h, const std::string& sku) {
    auto db = h.open_db();
    auto st = db->prepare("SELECT ean FROM variants WHERE sku = ?");
    st.bind(1, sku);
    REQUIRE(st.step());
    return st.text(0);
}

inline void set_online_price(Harness& h, const std::string& sku, std::int64_t amount) {
    auto db = h.open_db();
    db->prepare("UPDATE variants SET price_online = ? WHERE sku = ?").bind(1, amount).bind(2, sku).run();
}

inline void set_stock(Harness& h, const std::string& sku, const std::string& store, int units) {
    auto db = h.open_db();
    db->prepare("UPDATE stock SET quantity = ? WHERE sku = ? AND location_id = ?").bind(1, units).bind(2, sku).bind(3, store).run();
}

// Every file under `dir` (the kiosk's replica, cache and outbox) searched for `needle`.
inline bool on_disk(const std::string& dir, const std::string& needle) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        if (ss.str().find(needle) != std::string::npos) return true;
    }
    return false;
}

// Starts a session and scans the code: its product sheet, ready to add to the cart.
inline json scan_product(const std::string& ean) {
    return steps({{{"tap", "attract.start"}},
                  {{"scan", ean}},
                  {{"wait", {{"screen", "product"}, {"visible", "product.add_to_cart"}}}, {"timeout_ms", 5000}}});
}

inline json concat(std::initializer_list<json> parts) {
    json out = json::array();
    for (const json& p : parts)
        for (const json& s : p) out.push_back(s);
    return out;
}

// Scans the code, adds the preselected variant to the cart and opens the checkout.
inline json to_checkout(const std::string& ean) {
    return concat({scan_product(ean), steps({
                  {{"tap", "product.add_to_cart"}},
                  {{"tap", "nav.cart"}},
                  {{"expect", {{"screen", "cart"}, {"visible", {"cart.line.0.remove", "cart.checkout"}}}}},
                  {{"tap", "cart.checkout"}},
                  {{"wait", {{"screen", "checkout"}, {"visible", "checkout.pickup"}}}, {"timeout_ms", 5000}}})});
}

inline json type_into(const std::string& field, const std::string& text) {
    return steps({{{"tap", "checkout.field." + field}}, {{"type", text}}, {{"tap", "checkout.keyboard_done"}}});
}



}  // namespace scenario
