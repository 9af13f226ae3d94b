// kiosk: the endless-aisle kiosk application.
//   kiosk --config FILE                       fullscreen (as configured)
//   kiosk --config FILE --windowed            in a window (development)
//   kiosk --headless --script FILE --out DIR  a scripted run on the offscreen driver
// Flags override the config file: --api, --token-file, --replica, --outbox, --cache, --lang,
// --orientation. Errors: one line on stderr ("kiosk: ...") and exit 2 (configuration) or 1.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app.hpp"
#include "config.hpp"
#include "script.hpp"

namespace {

long resident_kib() {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kib = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmRSS: %ld kB", &kib) == 1) break;
    std::fclose(f);
    return kib;
}

// The benchmark figures of a scripted run: frame build time per screen, cold start, memory.
void print_timings(const kiosk::App& app) {
    std::map<std::string, std::vector<double>> by_screen;
    std::vector<double> all;
    for (const kiosk::FrameTiming& t : app.timings()) {
        by_screen[t.screen].push_back(t.build_ms);
        all.push_back(t.build_ms);
    }
    auto pct = [](std::vector<double> v, double p) {
        if (v.empty()) return 0.0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
    };
    std::printf("frame build time (CPU, no GL raster), ms\n%-14s %8s %8s %8s %8s %8s\n", "screen", "frames", "p50", "p95",
                "p99", "max");
    by_screen["(all)"] = all;
    for (const auto& [screen, v] : by_screen)
        std::printf("%-14s %8zu %8.2f %8.2f %8.2f %8.2f\n", screen.c_str(), v.size(), pct(v, 0.5), pct(v, 0.95),
                    pct(v, 0.99), pct(v, 1.0));
    std::printf("cold start to the first interactive frame: %.2f s\n", app.first_interactive_s());
    std::printf("resident memory: %.0f MB (GPU textures %.0f MB)\n", resident_kib() / 1024.0,
                static_cast<double>(app.image_bytes()) / 1048576.0);
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    // Without a GPU, Mesa's llvmpipe rasterises on worker threads whose binning buffers grow
    // the resident memory past 1 GB while browsing image grids; rasterising on the calling
    // thread keeps it near 250 MB (measured with deploy/bench.sh). Real GPUs ignore this.
    // An operator's own setting wins.
    setenv("LP_NUM_THREADS", "0", 0);
    CLI::App cli{"endless-aisle kiosk"};
    std::string config_file, api, token_file, replica, outbox, cache, lang, orientation, script_file, out_dir = "kiosk-run";
    bool headless = false, windowed = false, fullscreen = false, timings = false;
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
    cli.add_flag("--timings", timings, "after a scripted run, print frame times per screen, cold start and memory");
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
    opt.started = started;
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
            const int code = kiosk::run_script(app, script, out_dir);
            if (timings) print_timings(app);
            return code;
        }
        return app.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: %s\n", e.what());
        return 1;
    }
}
