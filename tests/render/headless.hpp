#pragma once
// Test harness: a headless Platform (SDL offscreen driver, real GL through Mesa) with fonts,
// theme and a Ui on a virtual clock, plus a private temporary directory removed at the end.
// One at a time.

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "render/platform.hpp"
#include "render/theme.hpp"

namespace test {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "render-test-XXXXXX").string();
        if (char* p = mkdtemp(tmpl.data())) path = p;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

struct Headless {
    render::Platform platform;
    render::Ui ui;
    double clock = 1000.0;  // virtual seconds: +1/60 per frame, so nothing depends on speed

    explicit Headless(int w = 1280, int h = 800)
        : platform(config(w, h)), ui(platform.metrics(), platform.load_fonts()) {
        render::apply_theme(ui.theme, ui.metrics, ImGui::GetStyle());
        platform.set_clock([this] { return clock; });
    }
    static render::PlatformConfig config(int w, int h) {
        render::PlatformConfig c;
        c.mode = render::PlatformConfig::Mode::Headless;
        c.width = w;
        c.height = h;
        return c;
    }
    // One frame: `draw` runs inside a full-screen window. Leaves the frame rendered (not yet
    // presented) so it can be read back; call `present` or the next `frame`.
    void frame(const std::function<void()>& draw) {
        clock += 1.0 / 60.0;
        platform.pump(0.0);
        ui.begin_frame(platform.new_frame());
        const ImGuiIO& io = ImGui::GetIO();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("test", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
        draw();
        ImGui::End();
        ui.end_frame();
        platform.render(IM_COL32(255, 255, 255, 255));
        platform.present();
    }
    void touch(render::PointerEvent::Kind kind, ImVec2 pos, double t, std::int64_t id = 1) {
        render::PointerEvent e;
        e.kind = kind;
        e.pointer = id;
        e.pos = pos;
        e.t = t;
        e.touch = true;
        platform.inject(e);
    }
};

}  // namespace test
