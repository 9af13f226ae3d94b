// Headless GL tests: codes decoded back from the pixels, taps and drags through Dear ImGui,
// screenshots, and the refusal of the silent offscreen fallback in normal mode.
#include <doctest/doctest.h>

#include <ReadBarcode.h>
#include <stb_image.h>

#include <cstdlib>
#include <thread>

#include "headless.hpp"
#include "render/codes.hpp"
#include "render/image_viewer.hpp"
#include "render/keyboard.hpp"
#include "render/screenshot.hpp"
#include "render/scroll.hpp"
#include "render/widgets.hpp"

using namespace render;
using test::Headless;

namespace {

// Crops an RGBA image to luminance.
std::vector<std::uint8_t> luminance(const std::vector<std::uint8_t>& rgba, int w, ImVec2 a,
                                    ImVec2 b, int* cw, int* ch) {
    const int x0 = static_cast<int>(a.x), y0 = static_cast<int>(a.y);
    *cw = static_cast<int>(b.x - a.x);
    *ch = static_cast<int>(b.y - a.y);
    std::vector<std::uint8_t> out(static_cast<size_t>(*cw) * *ch);
    for (int y = 0; y < *ch; ++y)
        for (int x = 0; x < *cw; ++x) {
            const std::uint8_t* p = &rgba[(static_cast<size_t>(y0 + y) * w + (x0 + x)) * 4];
            out[static_cast<size_t>(y) * *cw + x] =
                static_cast<std::uint8_t>((p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000);
        }
    return out;
}

std::string decode(const std::vector<std::uint8_t>& lum, int w, int h, ZXing::BarcodeFormat f) {
    ZXing::DecodeHints hints;
    hints.setFormats(f);
    hints.setTryHarder(true);
    const ZXing::Result r =
        ZXing::ReadBarcode(ZXing::ImageView(lum.data(), w, h, ZXing::ImageFormat::Lum), hints);
    return r.isValid() ? r.text() : std::string("<not decoded>");
}

}  // namespace

TEST_CASE("QR, Code 128 and EAN-13 drawn by the renderer decode back to their text") {
    Headless h(1280, 800);
    const std::string qr_text = "https://boutique.example/commande/A7-2024-000123?é=œ";
    const auto qr = encode_qr(qr_text);
    const auto c128 = encode_barcode("CMD-000123-LYON", Barcode1D::Code128);
    const auto ean = encode_barcode("4006381333931", Barcode1D::Ean13);
    REQUIRE(qr.has_value());
    REQUIRE(c128.has_value());
    REQUIRE(ean.has_value());
    CHECK_FALSE(encode_barcode("12345", Barcode1D::Ean13).has_value());  // not an EAN

    h.frame([&] {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        draw_qr(dl, *qr, ImVec2(40, 40), 330);
        draw_barcode(dl, *c128, ImVec2(420, 40), ImVec2(700, 160));
        draw_barcode(dl, *ean, ImVec2(420, 300), ImVec2(400, 160), h.ui.fonts.body,
                     "4 006381 333931");
    });
    // Draw once more and read back before presenting.
    h.platform.pump(0.0);
    h.ui.begin_frame(h.platform.new_frame());
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_qr(dl, *qr, ImVec2(40, 40), 330);
    draw_barcode(dl, *c128, ImVec2(420, 40), ImVec2(700, 160));
    draw_barcode(dl, *ean, ImVec2(420, 300), ImVec2(400, 160), h.ui.fonts.body, "4 006381 333931");
    ImGui::End();
    h.ui.end_frame();
    h.platform.render(IM_COL32(255, 255, 255, 255));
    int w = 0, ht = 0;
    const std::vector<std::uint8_t> px = h.platform.read_pixels(&w, &ht);
    h.platform.present();
    REQUIRE(w == 1280);
    REQUIRE(ht == 800);

    int cw = 0, ch = 0;
    auto lum = luminance(px, w, ImVec2(20, 20), ImVec2(390, 390), &cw, &ch);
    CHECK(decode(lum, cw, ch, ZXing::BarcodeFormat::QRCode) == qr_text);
    // Crisp: whole-pixel modules, so the code is pure black and white.
    int grey = 0;
    for (std::uint8_t v : lum) grey += v > 10 && v < 245;
    CHECK(grey == 0);

    lum = luminance(px, w, ImVec2(400, 30), ImVec2(1140, 210), &cw, &ch);
    CHECK(decode(lum, cw, ch, ZXing::BarcodeFormat::Code128) == "CMD-000123-LYON");
    lum = luminance(px, w, ImVec2(400, 290), ImVec2(840, 470), &cw, &ch);
    CHECK(decode(lum, cw, ch, ZXing::BarcodeFormat::EAN13) == "4006381333931");
}

TEST_CASE("a frame can be saved as a PNG screenshot") {
    test::TempDir dir;
    REQUIRE_FALSE(dir.path.empty());
    Headless h(640, 480);
    h.platform.pump(0.0);
    h.ui.begin_frame(h.platform.new_frame());
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(320, 480),
                                                  IM_COL32(255, 0, 0, 255));
    h.ui.end_frame();
    h.platform.render(IM_COL32(0, 0, 255, 255));
    const std::string path = (dir.path / "shot.png").string();
    std::string err;
    REQUIRE(h.platform.screenshot(path, &err));
    h.platform.present();
    int w = 0, ht = 0, n = 0;
    stbi_uc* px = stbi_load(path.c_str(), &w, &ht, &n, 4);
    REQUIRE(px != nullptr);
    CHECK(w == 640);
    CHECK(ht == 480);
    CHECK(px[0] == 255);                         // top-left: red
    CHECK(px[(10 * 640 + 600) * 4 + 2] == 255);  // right: blue clear colour
    CHECK(px[(10 * 640 + 600) * 4 + 0] == 0);
    stbi_image_free(px);
    CHECK_FALSE(write_png((dir.path / "x.png").string(), {}, 0, 0, &err));
}

TEST_CASE("normal mode refuses SDL's silent offscreen fallback with a clear error") {
    const char* old = std::getenv("SDL_VIDEODRIVER");
    const std::string saved = old ? old : "";
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    PlatformConfig cfg;
    cfg.mode = PlatformConfig::Mode::Windowed;
    cfg.width = 320;
    cfg.height = 240;
    bool threw = false;
    try {
        Platform p(cfg);
    } catch (const PlatformError& e) {
        threw = true;
        CHECK(std::string(e.what()).find("no display available") != std::string::npos);
        CHECK(std::string(e.what()).find("--headless") != std::string::npos);
    }
    CHECK(threw);
    if (old)
        setenv("SDL_VIDEODRIVER", saved.c_str(), 1);
    else
        unsetenv("SDL_VIDEODRIVER");
}

TEST_CASE("a rotated panel shows the UI turned, and fingers land where the UI expects") {
    PlatformConfig cfg = Headless::config(200, 400);  // portrait UI
    cfg.rotation = Rotation::R90;                     // on a landscape panel
    Platform p(cfg);
    Ui ui(p.metrics(), p.load_fonts());
    CHECK(p.ui_size().x == 200);
    CHECK(p.ui_size().y == 400);
    p.pump(0.0);
    ui.begin_frame(p.new_frame());
    CHECK(ImGui::GetIO().DisplaySize.x == 200);
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(40, 20),
                                                  IM_COL32(255, 0, 0, 255));
    ui.end_frame();
    p.render(IM_COL32(0, 0, 0, 255));
    int w = 0, ht = 0;
    const auto px = p.read_pixels(&w, &ht);
    p.present();
    REQUIRE(w == 400);
    REQUIRE(ht == 200);
    // The UI's top-left corner is the panel's top-right corner.
    const auto at = [&](int x, int y) { return px[(static_cast<size_t>(y) * w + x) * 4]; };
    CHECK(at(395, 5) == 255);
    CHECK(at(385, 35) == 255);  // 20 px wide on the panel, 40 px tall
    CHECK(at(370, 5) == 0);
    CHECK(at(5, 5) == 0);
}

TEST_CASE("the loop may sleep when idle, and a worker's wake-up ends the sleep") {
    Headless h(320, 240);
    h.frame([] {});
    h.frame([] {});
    CHECK(h.platform.idle_timeout(h.ui) < 0);  // nothing moves: sleep until an event
    const Waker wake = h.platform.waker();
    std::thread worker([wake] { wake(); });
    CHECK(h.platform.pump(-1.0));  // returns once the wake-up event arrives
    worker.join();

    ScrollState s;
    s.scroller.set_range(1e6);
    s.scroller.release(3000);
    const auto draw = [&] {
        update_scroll(h.ui, 1, ImRect(0, 0, 320, 240), Axis::Y, 1e6, s, false);
    };
    h.frame(draw);
    CHECK(h.platform.idle_timeout(h.ui) == 0.0);  // coasting: draw the next frame now
}
