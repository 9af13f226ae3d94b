// kiosk: the endless-aisle kiosk application.
//   kiosk --config FILE                       fullscreen (as configured)
//   kiosk --config FILE --windowed            in a window (development)
//   kiosk --headless --script FILE --out DIR  a scripted run on the offscreen driver
// Flags override the config file: --api, --token-file, --replica, --outbox, --cache, --lang,
// --orientation. Errors: one line on stderr ("kiosk: ...") and exit 2 (configuration) or 1.

#include <cstdio>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app.hpp"
#include "config.hpp"
#include "script.hpp"

int main(int argc, char** argv) {
    CLI::App cli{"endless-aisle kiosk"};
    std::string config_file, api, token_file, replica, outbox, cache, lang, orientation, script_file, out_dir = "kiosk-run";
    bool headless = false, windowed = false, fullscreen = false;
    int width = 0, height = 0;
    cli.add_option("--config", config_file, "TOML configuration (see deploy/kiosk.example.toml)");
    cli.add_option("--api", api, "commerce API base URL (overrides api.url)");
    cli.add_option("--token-file", token_file, "file holding the kiosk token (overrides api.token_file)");
    cli.add_option("--replica", replica, "replica directory (overrides storage.replica_dir)");
    cli.add_option("--outbox", outbox, "outbox directory (overrides storage.outbox_dir)");
    cli.add_option("--cache", cache, "image cache directory (overrides storage.cache_dir)");
    cli.add_option("--lang", lang, "default language (overrides kiosk.default_language)");
    cli.add_option("--orientation", orientation, "landscape or portrait (overrides kiosk.orientation)");
    cli.add_flag("--headless", headless, "run on the offscreen driver (scripted runs)");
    cli.add_flag("--windowed", windowed, "a window instead of fullscreen");
    cli.add_flag("--fullscreen", fullscreen, "fullscreen (overrides kiosk.fullscreen = false)");
    cli.add_option("--width", width, "UI width in pixels");
    cli.add_option("--height", height, "UI height in pixels");
    cli.add_option("--script", script_file, "scenario script (JSON) to run");
    cli.add_option("--out", out_dir, "where a scripted run writes screenshots and log.jsonl");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    spdlog::set_pattern("%l %v");

    kiosk::KioskConfig cfg;
    if (!config_file.empty())
        if (auto e = kiosk::read_kiosk_config(config_file, cfg)) {
            std::fprintf(stderr, "kiosk: %s\n", e->c_str());
            return 2;
        }
    if (!api.empty()) cfg.client.api_url = api;
    if (!token_file.empty()) cfg.client.token_file = token_file;
    if (!replica.empty()) cfg.client.replica_dir = replica;
    if (!outbox.empty()) cfg.client.outbox_dir = outbox;
    if (!cache.empty()) cfg.cache_dir = cache;
    if (!lang.empty()) cfg.default_language = lang;
    if (!orientation.empty()) cfg.orientation = orientation;
    if (fullscreen) cfg.fullscreen = true;
    if (auto e = kiosk::check_kiosk_config(cfg)) {
        std::fprintf(stderr, "kiosk: %s\n", e->c_str());
        return 2;
    }
    if (!script_file.empty() && !headless) {
        std::fprintf(stderr, "kiosk: --script needs --headless\n");
        return 2;
    }
    kiosk::Script script;
    if (!script_file.empty())
        if (auto e = kiosk::load_script(script_file, script)) {
            std::fprintf(stderr, "kiosk: %s\n", e->c_str());
            return 2;
        }

    kiosk::RunOptions opt;
    opt.headless = headless;
    opt.windowed = windowed;
    opt.argv0 = argv[0];
    opt.width = width;
    opt.height = height;
    if (headless && !script_file.empty()) {
        opt.manual_clock = true;
        opt.width = script.width;
        opt.height = script.height;
    }
    try {
        kiosk::App app(cfg, opt);
        if (headless) {
            if (script_file.empty()) {
                std::fprintf(stderr, "kiosk: --headless needs --script FILE\n");
                return 2;
            }
            return kiosk::run_script(app, script, out_dir);
        }
        return app.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: %s\n", e.what());
        return 1;
    }
}
