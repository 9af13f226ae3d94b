// render-gallery: every widget of the render layer on its own page.
//   render-gallery                      interactive window (1920x1080)
//   render-gallery --portrait           interactive, 1080x1920
//   render-gallery --fullscreen [--display N] [--rotate 0|90|180|270]
//   render-gallery --headless --out DIR one PNG per page, landscape and portrait
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "gallery.hpp"
#include "render/gl_textures.hpp"
#include "render/images.hpp"
#include "render/platform.hpp"
#include "render/theme.hpp"

namespace {

using namespace render;

struct Options {
    bool headless = false, portrait = false, fullscreen = false;
    int display = 0, rotate = 0;
    std::string out = "gallery-out";
};

void usage() {
    std::fprintf(stderr,
                 "usage: render-gallery [--headless --out DIR] [--portrait] [--fullscreen] "
                 "[--display N] [--rotate 0|90|180|270]\n");
}

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--headless")
            o.headless = true;
        else if (a == "--portrait")
            o.portrait = true;
        else if (a == "--fullscreen")
            o.fullscreen = true;
        else if (a == "--out" && has_value)
            o.out = argv[++i];
        else if (a == "--display" && has_value)
            o.display = std::atoi(argv[++i]);
        else if (a == "--rotate" && has_value)
            o.rotate = std::atoi(argv[++i]);
        else
            return false;
    }
    return o.rotate == 0 || o.rotate == 90 || o.rotate == 180 || o.rotate == 270;
}

// One frame of the gallery (no rendering yet).
void frame(Platform& p, Ui& ui, ImagePipeline& images, gallery::GalleryScratch& s) {
    images.pump();
    ui.begin_frame(p.new_frame());
    gallery::draw(ui, s);
    ui.end_frame();
    // Decodes in flight wake the loop themselves; only pending uploads need more frames.
    if (images.stats().waiting_upload > 0) ui.request_frame();
}

// Puts a page in a state worth a screenshot (text typed, popup open, grid scrolled).
void stage(gallery::GalleryScratch& s, Ui& ui, int frame_no) {
    using gallery::Page;
    if (frame_no == 0) {
        if (s.page == Page::KeyboardAzerty) s.typed = "Crème brûlée";
        if (s.page == Page::KeyboardQwerty) s.typed = "Hello, world";
        if (s.page == Page::KeyboardNumeric) {
            s.typed = "12";
            s.keyboard.layout = KeyboardLayout::Numeric;
        }
        if (s.page == Page::Viewer) s.viewer.index = 1;
    }
    if (frame_no == 2 && s.page == Page::Grid) {
        s.grid.scroll.scroller.set_range(1e12);
        s.grid.scroll.scroller.set_position(0.5 * 1e6 / std::max(1, s.grid.columns) * ui.mm(45.0f) *
                                            1.5);
    }
    if (frame_no == 2 && s.page == Page::KeyboardAzerty) {
        if (const Element* e = ui.registry.find("gallery.osk.key.e")) {
            s.keyboard.accents = accents_for("e", false);
            s.keyboard.accents_open = true;
            s.keyboard.accent_anchor =
                ImRect(e->rect.x, e->rect.y, e->rect.right(), e->rect.bottom());
        }
    }
}

int run_headless(const Options& o) {
    std::filesystem::create_directories(o.out + "/demo-images");
    const std::vector<std::string> pictures = gallery::make_demo_images(o.out + "/demo-images");
    int failures = 0;
    for (int orient = 0; orient < 2; ++orient) {
        PlatformConfig cfg;
        cfg.mode = PlatformConfig::Mode::Headless;
        cfg.width = orient == 0 ? 1920 : 1080;
        cfg.height = orient == 0 ? 1080 : 1920;
        // --rotate turns the portrait UI onto a landscape panel (screenshots show the panel).
        if (orient == 1) cfg.rotation = static_cast<Rotation>(o.rotate);
        Platform p(cfg);
        if (orient == 0)
            std::printf("driver %s, GL %s\n", p.video_driver(), p.gl_renderer().c_str());
        Ui ui(p.metrics(), p.load_fonts());
        apply_theme(ui.theme, ui.metrics, ImGui::GetStyle());
        GlTextureBackend textures;
        ImagePipeline images(textures, {}, load_file, p.waker());
        ui.images = &images;
        const std::string orient_name =
            orient == 0 ? "landscape"
                        : (o.rotate ? "portrait-rot" + std::to_string(o.rotate) : "portrait");
        for (int page = 0; page < static_cast<int>(gallery::Page::Count); ++page) {
            gallery::GalleryScratch s;
            s.images = pictures;
            s.page = static_cast<gallery::Page>(page);
            int f = 0;
            for (; f < 600; ++f) {
                p.pump(0.0);
                stage(s, ui, f);
                frame(p, ui, images, s);
                const bool last = f >= 5 && !images.busy();
                p.render(ui.theme.background);
                if (last) break;
                p.present();
            }
            const std::string path = o.out + "/" + orient_name + "-" + std::to_string(page) + "-" +
                                     gallery::page_name(s.page) + ".png";
            std::string err;
            if (!p.screenshot(path, &err)) {
                std::fprintf(stderr, "screenshot failed: %s\n", err.c_str());
                ++failures;
            }
            p.present();
            const auto issues = ui.registry.audit(ui.metrics.min_tap());
            std::printf("%s (%d frames, %zu elements, %zu audit issues)\n", path.c_str(), f + 1,
                        ui.registry.all().size(), issues.size());
            for (const AuditIssue& i : issues)
                std::printf("  audit: %s %s %s\n", i.id.c_str(), i.other.c_str(),
                            i.message.c_str());
        }
    }
    return failures == 0 ? 0 : 1;
}

int run_interactive(const Options& o) {
    PlatformConfig cfg;
    cfg.mode = o.fullscreen ? PlatformConfig::Mode::Fullscreen : PlatformConfig::Mode::Windowed;
    cfg.display = o.display;
    cfg.rotation = static_cast<Rotation>(o.rotate);
    cfg.width = o.portrait ? 1080 : 1920;
    cfg.height = o.portrait ? 1920 : 1080;
    cfg.title = "render-gallery";
    Platform p(cfg);
    Ui ui(p.metrics(), p.load_fonts());
    apply_theme(ui.theme, ui.metrics, ImGui::GetStyle());
    GlTextureBackend textures;
    ImagePipeline images(textures, {}, load_file, p.waker());
    ui.images = &images;
    const std::string dir = (std::filesystem::temp_directory_path() / "render-gallery").string();
    std::filesystem::create_directories(dir);
    gallery::GalleryScratch s;
    s.images = gallery::make_demo_images(dir);
    double timeout = 0.0;
    while (p.pump(timeout)) {
        frame(p, ui, images, s);
        p.render(ui.theme.background);
        p.present();
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) break;
        timeout = p.idle_timeout(ui);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        usage();
        return 2;
    }
    try {
        return o.headless ? run_headless(o) : run_interactive(o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "render-gallery: %s\n", e.what());
        return 1;
    }
}
