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
#include <cstring>
#include <malloc.h>
#include <map>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "kiosk/app.hpp"
#include "kiosk/config.hpp"
#include "kiosk/journal.hpp"
#include "kiosk/script.hpp"

namespace {

// One "Name: N kB" figure of /proc/self/status (-1 when absent).
long status_kib(const char* name) {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kib = -1;
    const std::size_t n = std::strlen(name);
    while (std::fgets(line, sizeof line, f))
        if (std::strncmp(line, name, n) == 0 && line[n] == ':') {
            kib = std::strtol(line + n + 1, nullptr, 10);
            break;
        }
    std::fclose(f);
    return kib;
}

// The benchmark figures of a scripted run: frame build time per screen, cold start, memory.
void print_timings(const kiosk::App& app) {
    std::map<std::string, std::vector<double>> by_screen;
    std::vector<double> all, wall;
    for (const kiosk::FrameTiming& t : app.timings()) {
        by_screen[t.screen].push_back(t.build_ms);
        all.push_back(t.build_ms);
        wall.push_back(t.wall_ms);
    }
    auto pct = [](std::vector<double> v, double p) {
        if (v.empty()) return 0.0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
    };
    std::printf("frame build time (UI thread CPU time, no GL raster), ms\n%-14s %8s %8s %8s %8s %8s\n", "screen",
                "frames", "p50", "p95", "p99", "max");
    by_screen["(all)"] = all;
    for (const auto& [screen, v] : by_screen)
        std::printf("%-14s %8zu %8.2f %8.2f %8.2f %8.2f\n", screen.c_str(), v.size(), pct(v, 0.5), pct(v, 0.95),
                    pct(v, 0.99), pct(v, 1.0));
    std::printf("%-14s %8zu %8.2f %8.2f %8.2f %8.2f\n", "(all, wall)", wall.size(), pct(wall, 0.5), pct(wall, 0.95),
                pct(wall, 0.99), pct(wall, 1.0));
    std::vector<const kiosk::FrameTiming*> slow;
    for (const kiosk::FrameTiming& t : app.timings()) slow.push_back(&t);
    const std::size_t shown = std::min<std::size_t>(8, slow.size());
    std::partial_sort(slow.begin(), slow.begin() + static_cast<std::ptrdiff_t>(shown), slow.end(),
                      [](const auto* a, const auto* b) { return a->build_ms > b->build_ms; });
    std::printf("slowest frames, ms: screen cpu (input + draw + end + render) wall\n");
    for (std::size_t i = 0; i < shown; ++i)
        std::printf("  %-12s %6.2f (%.2f + %.2f + %.2f + %.2f) %6.2f\n", slow[i]->screen.c_str(), slow[i]->build_ms,
                    slow[i]->input_ms, slow[i]->draw_ms, slow[i]->end_ms, slow[i]->render_ms, slow[i]->wall_ms);
    std::printf("cold start to the first interactive frame: %.2f s\n", app.first_interactive_s());
    const struct mallinfo2 heap = mallinfo2();
    std::printf("resident memory: %.0f MB (anonymous %.0f MB, files %.0f MB, shared %.0f MB; malloc in use %.0f MB, "
                "free %.0f MB; GPU textures %.0f MB)\n",
                status_kib("VmRSS") / 1024.0, status_kib("RssAnon") / 1024.0, status_kib("RssFile") / 1024.0,
                status_kib("RssShmem") / 1024.0, static_cast<double>(heap.uordblks) / 1048576.0,
                static_cast<double>(heap.fordblks) / 1048576.0, static_cast<double>(app.image_bytes()) / 1048576.0);
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    render::keep_gl_drivers_loaded();  // sanitizer builds only: LeakSanitizer names Mesa's leaks, TSan keeps its suppressions
#endif
    // Without a GPU, Mesa's llvmpipe rasterises on worker threads whose binning buffers grow
    // the resident memory past 1 GB while browsing image grids; rasterising on the calling
    // thread keeps it near 250 MB (measured with deploy/bench.sh). Real GPUs ignore this.
    // An operator's own setting wins.
    setenv("LP_NUM_THREADS", "0", 0);
    // glibc's allocator otherwise keeps freed memory: each worker thread gets an arena of its
    // own, and once a large block (a decoded image) is freed the mmap threshold rises so the
    // next ones come from those arenas and stay there. Two arenas and a fixed 128 KB threshold
    // (image buffers are mapped and unmapped whole) took the resident memory after browsing 200
    // products from 527 MB to 230 MB (deploy/bench.sh). Set before any thread starts;
    // GLIBC_TUNABLES can still change them.
    if (!std::getenv("GLIBC_TUNABLES")) {
        mallopt(M_ARENA_MAX, 2);
        // 32 KB (issue 16): the short-lived buffers of 32–128 KB (compressed images, decoded
        // thumbnails) left 34 MB of holes in the heap after 500 products; mapped whole, they go
        // back at once (deploy/bench.sh, 1 000 000 products: 222 -> 214 MB, 3 MB free in malloc).
        mallopt(M_MMAP_THRESHOLD, 32 * 1024);
    }
    CLI::App cli{"endless-aisle kiosk"};
    std::string config_file, api, token_file, replica, outbox, cache, lang, orientation, printer, script_file, out_dir = "kiosk-run", speech_out;
    bool headless = false, windowed = false, fullscreen = false, timings = false, speech_on = false;
    int width = 0, height = 0;
    cli.add_option("--config", config_file, "TOML configuration (see deploy/kiosk.example.toml)");
    cli.add_option("--api", api, "commerce API base URL (overrides api.url)");
    cli.add_option("--token-file", token_file, "file holding the kiosk token (overrides api.token_file)");
    cli.add_option("--replica", replica, "replica directory (overrides storage.replica_dir)");
    cli.add_option("--outbox", outbox, "outbox directory (overrides storage.outbox_dir)");
    cli.add_option("--cache", cache, "image cache directory (overrides storage.cache_dir)");
    cli.add_option("--lang", lang, "default language (overrides kiosk.default_language)");
    cli.add_option("--orientation", orientation, "landscape or portrait (overrides kiosk.orientation)");
    cli.add_option("--printer", printer, "receipt printer device, ESC/POS (overrides printer.device)");
    cli.add_flag("--headless", headless, "run on the offscreen driver (scripted runs)");
    cli.add_flag("--windowed", windowed, "a window instead of fullscreen");
    cli.add_flag("--fullscreen", fullscreen, "fullscreen (overrides kiosk.fullscreen = false)");
    cli.add_option("--width", width, "UI width in pixels");
    cli.add_option("--height", height, "UI height in pixels");
    cli.add_option("--script", script_file, "scenario script (JSON) to run");
    cli.add_option("--out", out_dir, "where a scripted run writes screenshots and log.jsonl");
    cli.add_option("--speech-out", speech_out, "also record what speech output says to this WAV file");
    cli.add_flag("--speech", speech_on, "speech output on at the start of every session (overrides accessibility.speech)");
    cli.add_flag("--timings", timings, "after a scripted run, print frame times per screen, cold start and memory");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    spdlog::set_pattern("%l %v");
    kiosk::use_journal_when_connected();  // under systemd: straight to the journal, with priorities

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
    if (!printer.empty()) cfg.printer_device = printer;
    if (fullscreen) cfg.fullscreen = true;
    if (speech_on) cfg.access.speech = true;
    if (auto e = kiosk::check_kiosk_config(cfg)) {
        std::fprintf(stderr, "kiosk: %s\n", e->c_str());
        return 2;
    }
    if (kiosk::is_insecure_remote(cfg.client.api_url))
        spdlog::warn("api.url {} is plain http:// to another machine (api.allow_insecure_http = true): "
                     "orders and the kiosk token cross the network unencrypted", cfg.client.api_url);
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
    opt.speech_out = speech_out;
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
