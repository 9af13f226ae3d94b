// Frame-time benchmark of the virtualised grid over 1 000 000 items (not a test: it prints
// figures). CPU time to build one frame = platform new_frame + Ui + grid + ImGui::Render (the
// draw lists), excluding GL rasterisation and the swap. The grid scrolls like a fast fling
// (~180 px per frame) with a jump to a random place every 120 frames, including the very end.
//   render_bench_grid [--frames N] [--portrait] [--images DIR_OF_JPG_PNG]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "render/gl_textures.hpp"
#include "render/grid.hpp"
#include "render/images.hpp"
#include "render/platform.hpp"
#include "render/theme.hpp"
#include "render/widgets.hpp"

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>

using namespace render;
using Clock = std::chrono::steady_clock;

namespace {

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

double pct(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(p / 100.0 * (v.size() - 1) + 0.5));
    return v[i];
}

}  // namespace

int main(int argc, char** argv) {
    int frames = 2000;
    bool portrait = false;
    std::string image_dir;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--frames") && i + 1 < argc)
            frames = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--portrait"))
            portrait = true;
        else if (!std::strcmp(argv[i], "--images") && i + 1 < argc)
            image_dir = argv[++i];
        else {
            std::fprintf(stderr,
                         "usage: render_bench_grid [--frames N] [--portrait] [--images DIR]\n");
            return 2;
        }
    }
    const std::int64_t count = 1000000;
    PlatformConfig cfg;
    cfg.mode = PlatformConfig::Mode::Headless;
    cfg.width = portrait ? 1080 : 1920;
    cfg.height = portrait ? 1920 : 1080;
    try {
        Platform p(cfg);
        Ui ui(p.metrics(), p.load_fonts());
        apply_theme(ui.theme, ui.metrics, ImGui::GetStyle());
        GlTextureBackend textures;
        ImagePipeline images(textures, {}, load_file, p.waker());
        std::vector<std::string> pictures;
        if (!image_dir.empty()) {
            for (const auto& e : std::filesystem::directory_iterator(image_dir)) {
                const std::string ext = e.path().extension().string();
                if (ext == ".png" || ext == ".jpg" || ext == ".jpeg") pictures.push_back(e.path());
            }
            ui.images = &images;
        }
        GridState grid;
        GridLayout layout;
        std::mt19937_64 rng(42);
        std::vector<double> build_ms, upload_ms;
        std::int64_t drawn = 0;
        for (int f = -60; f < frames; ++f) {  // 60 warm-up frames
            const double max = grid.scroll.scroller.max_position();
            if (f > 0 && f % 120 == 0) {
                const double where =
                    f % 600 == 0 ? max : std::uniform_real_distribution<>(0, max)(rng);
                grid.scroll.scroller.set_position(where);
            } else {
                const double next = grid.scroll.scroller.position() + 180.0;
                grid.scroll.scroller.set_position(next > max ? 0.0 : next);
            }
            p.pump(0.0);
            const auto t0 = Clock::now();
            images.pump();
            const auto t1 = Clock::now();
            ui.begin_frame(p.new_frame());
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
            virtual_grid(
                ui, "bench.grid", ImVec2(0, 0), count, layout, grid,
                [&](std::int64_t i, const ImRect& r) {
                    char id[48];
                    std::snprintf(id, sizeof id, "grid.item.%lld", static_cast<long long>(i));
                    TileContent c;
                    c.title = "Veste imperméable « Envol » — édition limitée";
                    c.subtitle = "Disponible en magasin";
                    c.price_cents = 1999 + i % 100000;
                    if (i % 4 == 1) c.old_price_cents = c.price_cents + 500;
                    if (i % 4 == 1) c.badge = "-20 %";
                    if (!pictures.empty()) {
                        const ImageHandle h = images.request(
                            pictures[static_cast<size_t>(i) % pictures.size()],
                            static_cast<int>(r.GetWidth()), static_cast<int>(r.GetHeight() * 0.6f));
                        if (h.status == ImageStatus::Ready) {
                            c.image = h.texture;
                            c.image_size = ImVec2(float(h.width), float(h.height));
                        }
                    }
                    product_tile(ui, id, r, c);
                    ++drawn;
                });
            ImGui::End();
            ui.end_frame();
            p.build_draw_data();
            const auto t2 = Clock::now();
            p.render(ui.theme.background);
            p.present();
            // llvmpipe rasterises on threads: let it finish so it does not steal the CPU from
            // the next frame's timed build on a 2-core machine.
            glFinish();
            if (f >= 0) {
                build_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
                upload_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            }
        }
        std::printf("render_bench_grid — virtualised grid, CPU time to build a frame\n");
        std::printf("machine   : %s, %u hardware threads\n", cpu_model().c_str(),
                    std::thread::hardware_concurrency());
        std::printf("GL        : %s (raster not timed)\n", p.gl_renderer().c_str());
        std::printf("screen    : %dx%d, %d columns, %lld items, %d frames, %.1f tiles/frame\n",
                    cfg.width, cfg.height, grid.columns, static_cast<long long>(count), frames,
                    static_cast<double>(drawn) / (frames + 60));
        std::printf("images    : %s\n",
                    pictures.empty()
                        ? "none (placeholders)"
                        : (std::to_string(pictures.size()) + " files, decoded on workers").c_str());
        std::printf("%-22s %8s %8s %8s %8s\n", "figure (ms)", "p50", "p95", "p99", "max");
        std::printf("%-22s %8.3f %8.3f %8.3f %8.3f\n", "frame build (CPU)", pct(build_ms, 50),
                    pct(build_ms, 95), pct(build_ms, 99), pct(build_ms, 100));
        if (!pictures.empty())
            std::printf("%-22s %8.3f %8.3f %8.3f %8.3f\n", "texture uploads", pct(upload_ms, 50),
                        pct(upload_ms, 95), pct(upload_ms, 99), pct(upload_ms, 100));
        std::printf("bar: frame build p99 <= 2 ms -> %s\n",
                    pct(build_ms, 99) <= 2.0 ? "MET" : "NOT MET");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "render_bench_grid: %s\n", e.what());
        return 1;
    }
    return 0;
}
