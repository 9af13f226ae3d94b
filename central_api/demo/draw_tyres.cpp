// Product pictures of the demo retailer, one family per file. Automotive: tyre.
#include "central_api/demo/product_drawing.hpp"

namespace central_api::drawing {

void draw_tyre(Draw& d, Style& st) {
    d.shadow(0.5f, 0.87f, 0.32f, 0.03f, 0.55f);
    const float cx = 0.5f, cy = 0.5f, ro = 0.36f, ri = 0.22f;
    const Col rub = rgb(34, 34, 36);
    if (st.back) {  // tread view
        const Shape t = d.rrect(0.36f, 0.14f, 0.64f, 0.86f, 0.06f);
        d.fill(t, grad3(rgb(20, 20, 22), rgb(60, 60, 64), rgb(20, 20, 22), {0.36f, 0}, {0.64f, 0}));
        d.clip(t);
        for (float y = 0.1f; y < 0.9f; y += 0.05f) {
            d.stroke({{0.37f, y}, {0.5f, y + 0.03f}, {0.63f, y}}, 0.012f, rgb(10, 10, 12));
        }
        d.unclip();
        d.fill(Draw::rect(0.355f, 0.14f, 0.37f, 0.86f), st.c);
        d.fill(Draw::rect(0.63f, 0.14f, 0.645f, 0.86f), st.c);
        return;
    }
    // tread blocks around the outside
    for (int i = 0; i < 40; ++i) {
        const float a = 2 * kPi * i / 40, c = std::cos(a), s = std::sin(a);
        d.line({cx + c * (ro - 0.015f), cy + s * (ro - 0.015f)}, {cx + c * (ro + 0.006f), cy + s * (ro + 0.006f)}, 0.03f, rub);
    }
    d.fill(d.ring(cx, cy, ro, ri), grad(rgb(70, 70, 74), rgb(20, 20, 22), {0.3f, 0.2f}, {0.7f, 0.8f}));
    d.fill(d.ring(cx, cy, ro - 0.05f, ro - 0.056f), alpha(st.c, 0.9f));  // coloured sidewall ring
    // lettering hint on the sidewall
    for (int i = 0; i < 14; ++i) {
        const float a = -2.4f + i * 0.07f;
        d.line({cx + std::cos(a) * (ro - 0.09f), cy + std::sin(a) * (ro - 0.09f)}, {cx + std::cos(a) * (ro - 0.075f), cy + std::sin(a) * (ro - 0.075f)}, 0.005f, rgb(110, 110, 114));
    }
    // alloy rim in the main colour
    d.fill(d.circle(cx, cy, ri), grad(st.hi, st.deep, {0.4f, 0.3f}, {0.6f, 0.7f}));
    d.fill(d.circle(cx, cy, ri * 0.86f), rgb(40, 40, 44));
    const int spokes = 5 + st.rng.pick(2);
    for (int i = 0; i < spokes; ++i) {
        const float a = 2 * kPi * i / spokes - kPi / 2;
        d.line({cx, cy}, {cx + std::cos(a) * ri * 0.88f, cy + std::sin(a) * ri * 0.88f}, 0.04f, st.c);
    }
    d.fill(d.circle(cx, cy, ri * 0.28f), grad(st.hi, st.lo, {0.47f, 0.47f}, {0.53f, 0.53f}));
    for (int i = 0; i < 5; ++i) {
        const float a = 2 * kPi * i / 5;
        d.fill(d.circle(cx + std::cos(a) * ri * 0.17f, cy + std::sin(a) * ri * 0.17f, 0.007f), st.metal);
    }
    d.fill(d.ellipse(0.4f, 0.35f, 0.08f, 0.03f, -35), Col{1, 1, 1, 0.12f});
}

}  // namespace central_api::drawing
