// Product pictures: one drawing routine per archetype (draw_<family>.cpp) on the rasteriser
// (raster.hpp). Everything is drawn in a unit square (x right, y down, floor near y = 0.88) that
// is scaled to the picture and centred; the result is encoded as JPEG with stb_image_write.
// This file holds the archetype table (names, drawing, close-up point), the three views and the
// public functions of product_image.hpp.

#include "central_api/demo/product_image.hpp"

#include "central_api/demo/product_drawing.hpp"

#include <algorithm>
#include <array>

namespace central_api {

namespace {

using namespace drawing;

struct Spec {
    std::string_view name;
    void (*draw)(Draw&, Style&);
    P focus;        // close-up centre (view 2)
    bool mirror;    // view 1 mirrors the picture (other side of a side-view object)
};

const std::array<Spec, static_cast<size_t>(Archetype::Count)>& specs() {
    static const std::array<Spec, static_cast<size_t>(Archetype::Count)> table = {{
        {"tshirt", draw_tshirt, {0.5f, 0.3f}, false},
        {"shirt", draw_shirt, {0.5f, 0.3f}, false},
        {"jumper", draw_jumper, {0.5f, 0.3f}, false},
        {"jacket", draw_jacket, {0.5f, 0.3f}, false},
        {"trousers", draw_trousers, {0.5f, 0.3f}, false},
        {"jeans", draw_jeans, {0.5f, 0.3f}, false},
        {"dress", draw_dress, {0.5f, 0.3f}, false},
        {"skirt", draw_skirt, {0.5f, 0.3f}, false},
        {"shorts", draw_shorts, {0.5f, 0.3f}, false},
        {"sneaker", draw_sneaker, {0.45f, 0.5f}, true},
        {"boot", draw_boot, {0.5f, 0.5f}, true},
        {"sandal", draw_sandal, {0.62f, 0.55f}, true},
        {"high_heel", draw_high_heel, {0.66f, 0.6f}, true},
        {"ball", draw_ball, {0.45f, 0.45f}, false},
        {"racket", draw_racket, {0.5f, 0.35f}, true},
        {"bike", draw_bike, {0.5f, 0.5f}, true},
        {"tent", draw_tent, {0.5f, 0.5f}, true},
        {"dumbbell", draw_dumbbell, {0.5f, 0.5f}, false},
        {"backpack", draw_backpack, {0.5f, 0.4f}, false},
        {"sofa", draw_sofa, {0.5f, 0.5f}, false},
        {"chair", draw_chair, {0.5f, 0.5f}, false},
        {"lamp", draw_lamp, {0.5f, 0.3f}, true},
        {"table", draw_table, {0.3f, 0.5f}, false},
        {"bed", draw_bed, {0.35f, 0.5f}, false},
        {"cookware", draw_cookware, {0.5f, 0.5f}, false},
        {"towel", draw_towel, {0.5f, 0.5f}, false},
        {"stroller", draw_stroller, {0.38f, 0.42f}, true},
        {"bodysuit", draw_bodysuit, {0.5f, 0.3f}, false},
        {"toy", draw_toy, {0.5f, 0.3f}, false},
        {"phone", draw_phone, {0.5f, 0.3f}, false},
        {"laptop", draw_laptop, {0.62f, 0.6f}, false},
        {"headphones", draw_headphones, {0.72f, 0.6f}, false},
        {"television", draw_television, {0.78f, 0.62f}, false},
        {"watch", draw_watch, {0.5f, 0.5f}, false},
        {"speaker", draw_speaker, {0.5f, 0.5f}, false},
        {"tyre", draw_tyre, {0.62f, 0.4f}, false},
    }};
    return table;
}

std::string render_rgb(const ImageRequest& rq, int& w, int& h) {
    w = std::clamp(rq.width, 16, 2048);
    h = std::clamp(rq.height, 16, 2048);
    const int idx = static_cast<int>(rq.archetype);
    const Spec& sp = specs()[static_cast<size_t>(idx >= 0 && idx < static_cast<int>(Archetype::Count) ? idx : 0)];
    const int view = std::clamp(rq.view, 0, 2);
    Draw d(w, h);
    d.backdrop();
    if (view == 2) {
        const float z = 2.2f;  // close-up: zoom around the archetype's detail point
        d.set_view({z, 0, 0.5f - z * sp.focus.x, 0, z, 0.5f - z * sp.focus.y});
    } else if (view == 1 && sp.mirror) {
        d.set_view({-1, 0, 1, 0, 1, 0});
    }
    Style st = make_style({rq.colour.r / 255.f, rq.colour.g / 255.f, rq.colour.b / 255.f, 1}, rq.seed, view == 1);
    sp.draw(d, st);
    return d.bytes();
}

}  // namespace

std::string render_product_rgb(const ImageRequest& request) {
    try {
        int w = 0, h = 0;
        return render_rgb(request, w, h);
    } catch (...) {
        return {};
    }
}

std::string render_product_jpeg(const ImageRequest& request, int quality) {
    try {
        int w = 0, h = 0;
        const std::string px = render_rgb(request, w, h);
        return drawing::encode_jpeg(px, w, h, quality);
    } catch (...) {
        return {};
    }
}

std::string_view archetype_name(Archetype archetype) {
    const int i = static_cast<int>(archetype);
    if (i < 0 || i >= static_cast<int>(Archetype::Count)) return "unknown";
    return specs()[static_cast<size_t>(i)].name;
}

bool parse_archetype(std::string_view name, Archetype& out) {
    const auto& t = specs();
    for (size_t i = 0; i < t.size(); ++i)
        if (t[i].name == name) {
            out = static_cast<Archetype>(i);
            return true;
        }
    return false;
}

}  // namespace central_api