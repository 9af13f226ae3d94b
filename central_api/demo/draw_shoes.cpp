// Product pictures of the demo retailer, one family per file. Footwear: sneaker, boot, sandal,
// high heel (side view, toe to the right; the back view mirrors to the inner side).
#include "central_api/demo/product_drawing.hpp"

namespace central_api::drawing {

void draw_sneaker(Draw& d, Style& st) {
    const float h = st.rng.uni(-0.02f, 0.02f);
    d.shadow(0.5f, 0.74f, 0.4f, 0.04f, 0.45f);
    // upper
    const Poly up = d.spline({{0.14f, 0.63f}, {0.13f, 0.5f}, {0.18f, 0.4f + h}, {0.3f, 0.38f + h}, {0.36f, 0.43f},
                              {0.5f, 0.46f}, {0.66f, 0.5f}, {0.8f, 0.55f}, {0.87f, 0.6f}, {0.88f, 0.66f}, {0.5f, 0.67f}});
    const Shape su = {up};
    body(d, su, st, {0.5f, 0.38f}, {0.5f, 0.68f});
    d.clip(su);
    d.fill(d.ellipse(0.84f, 0.64f, 0.1f, 0.07f), alpha(st.lo, 0.7f));                 // toe cap
    d.fill(d.ellipse(0.15f, 0.55f, 0.07f, 0.12f), alpha(st.lo, 0.6f));                // heel counter
    if (!st.back) d.fill(d.polyline(d.spline({{0.3f, 0.63f}, {0.45f, 0.56f}, {0.62f, 0.55f}, {0.72f, 0.5f}}, false), 0.035f), st.trim);
    d.unclip();
    rim(d, su, st);
    // collar opening and tongue
    d.fill({d.spline({{0.2f, 0.41f + h}, {0.29f, 0.39f + h}, {0.35f, 0.44f}, {0.28f, 0.45f}})}, st.ink);
    d.fill({d.spline({{0.34f, 0.44f}, {0.37f, 0.37f}, {0.43f, 0.37f}, {0.47f, 0.46f}})}, shade(st.c, 0.12f));
    // laces over the instep
    for (int i = 0; i < 5; ++i) {
        const float x = 0.42f + i * 0.055f, y = 0.455f + i * 0.017f;
        d.line({x - 0.02f, y - 0.01f}, {x + 0.025f, y + 0.012f}, 0.011f, st.white);
        d.fill(d.circle(x - 0.02f, y + 0.02f, 0.006f), st.ink);
    }
    // sole: white midsole with a darker outsole
    const Shape sole = {d.spline({{0.12f, 0.63f}, {0.5f, 0.655f}, {0.86f, 0.64f}, {0.92f, 0.66f}, {0.9f, 0.7f}, {0.5f, 0.72f}, {0.13f, 0.71f}, {0.11f, 0.67f}})};
    d.fill(sole, grad(st.white, rgb(214, 214, 210), {0, 0.64f}, {0, 0.72f}));
    d.fill(Shape{d.spline({{0.12f, 0.7f}, {0.5f, 0.71f}, {0.9f, 0.69f}, {0.89f, 0.715f}, {0.5f, 0.73f}, {0.13f, 0.725f}})}, rgb(70, 70, 74));
    rim(d, sole, st, 0.003f);
}

void draw_boot(Draw& d, Style& st) {
    const float top = st.rng.uni(0.14f, 0.22f);
    d.shadow(0.52f, 0.82f, 0.36f, 0.035f, 0.45f);
    const Shape up = {d.spline({{0.24f, top}, {0.46f, top - 0.01f}, {0.47f, 0.45f}, {0.56f, 0.53f}, {0.76f, 0.58f},
                                {0.86f, 0.63f}, {0.88f, 0.72f}, {0.5f, 0.74f}, {0.22f, 0.72f}, {0.21f, 0.55f}, {0.245f, 0.35f}})};
    body(d, up, st, {0.3f, top}, {0.6f, 0.75f});
    volume(d, up, 0.2f, 0.5f, 0.1f, 0.76f, 0.18f);
    d.clip(up);
    d.fill(d.ellipse(0.84f, 0.7f, 0.11f, 0.08f), alpha(st.lo, 0.7f));   // toe cap
    d.fill(d.ellipse(0.22f, 0.66f, 0.08f, 0.1f), alpha(st.lo, 0.6f));   // heel counter
    d.fill(Draw::rect(0.2f, top - 0.02f, 0.5f, top + 0.035f), st.deep);   // padded collar
    d.unclip();
    rim(d, up, st);
    // laces up the front of the shaft
    if (!st.back) {
        for (int i = 0; i < 6; ++i) {
            const float t = i / 6.f, y = top + 0.05f + t * 0.36f, x = 0.44f + t * t * 0.1f;
            d.line({x - 0.04f, y + 0.012f}, {x + 0.01f, y - 0.004f}, 0.01f, st.trim);
            d.fill(d.circle(x - 0.045f, y + 0.014f, 0.007f), st.metal);
        }
    } else {
        d.line({0.3f, top + 0.04f}, {0.29f, 0.68f}, 0.004f, alpha(st.line, 0.8f));  // inner zip
    }
    d.fill(d.rrect(0.215f, top - 0.045f, 0.245f, top + 0.03f, 0.008f), st.deep);  // pull tab
    // chunky sole and heel block
    const Shape sole = {d.spline({{0.2f, 0.71f}, {0.5f, 0.73f}, {0.88f, 0.71f}, {0.92f, 0.74f}, {0.88f, 0.78f}, {0.5f, 0.79f}, {0.2f, 0.785f}})};
    d.fill(sole, grad(rgb(70, 58, 48), rgb(40, 34, 30), {0, 0.71f}, {0, 0.79f}));
    d.fill(Draw::rect(0.205f, 0.77f, 0.35f, 0.81f), rgb(40, 34, 30));
    d.line({0.22f, 0.735f}, {0.86f, 0.735f}, 0.003f, alpha(rgb(200, 180, 150), 0.6f));  // welt stitch
}

void draw_sandal(Draw& d, Style& st) {
    d.shadow(0.5f, 0.73f, 0.4f, 0.035f, 0.45f);
    // footbed (cork) and sole
    const Shape bed = {d.spline({{0.12f, 0.6f}, {0.5f, 0.63f}, {0.88f, 0.62f}, {0.9f, 0.66f}, {0.5f, 0.68f}, {0.12f, 0.67f}})};
    d.fill(bed, grad(rgb(214, 180, 132), rgb(178, 140, 96), {0, 0.6f}, {0, 0.68f}));
    const Shape sole = {d.spline({{0.11f, 0.66f}, {0.5f, 0.675f}, {0.9f, 0.655f}, {0.91f, 0.69f}, {0.5f, 0.71f}, {0.12f, 0.7f}})};
    d.fill(sole, rgb(54, 50, 48));
    const float sw = st.rng.uni(0.035f, 0.05f);
    // straps: toe strap, instep strap, ankle strap, heel strap
    const Shape toe = d.polyline(d.spline({{0.63f, 0.63f}, {0.7f, 0.5f}, {0.8f, 0.62f}}, false), sw);
    const Shape mid = d.polyline(d.spline({{0.42f, 0.625f}, {0.5f, 0.4f}, {0.6f, 0.625f}}, false), sw);
    const Shape ank = d.polyline(d.spline({{0.2f, 0.44f}, {0.3f, 0.36f}, {0.38f, 0.42f}}, false), sw * 0.8f);
    const Shape heel = d.polyline(d.spline({{0.15f, 0.61f}, {0.19f, 0.48f}, {0.27f, 0.4f}}, false), sw * 0.9f);
    const Shape all = toe + mid + ank + heel;
    d.fill(all, grad(st.hi, st.lo, {0.5f, 0.36f}, {0.5f, 0.64f}));
    rim(d, all, st, 0.003f);
    d.fill(d.rrect(0.33f, 0.365f, 0.37f, 0.41f, 0.006f), st.metal);  // buckle
    d.fill(d.rrect(0.34f, 0.375f, 0.36f, 0.4f, 0.003f), st.lo);
}

void draw_high_heel(Draw& d, Style& st) {
    const float hh = st.rng.uni(-0.03f, 0.03f);
    d.shadow(0.55f, 0.78f, 0.34f, 0.03f, 0.4f);
    // stiletto heel
    const Shape heel = d.poly({{0.19f, 0.4f + hh}, {0.26f, 0.42f + hh}, {0.245f, 0.78f}, {0.225f, 0.78f}});
    d.fill(heel, grad(st.lo, st.deep, {0.19f, 0}, {0.26f, 0}));
    d.fill(Draw::rect(0.222f, 0.765f, 0.248f, 0.785f), st.ink);
    // sole line under the arch
    const Shape sole = d.polyline(d.spline({{0.18f, 0.38f + hh}, {0.4f, 0.55f}, {0.6f, 0.73f}, {0.9f, 0.755f}}, false), 0.014f);
    d.fill(sole, rgb(60, 50, 46));
    // upper
    const Shape up = {d.spline({{0.17f, 0.27f + hh}, {0.22f, 0.3f + hh}, {0.3f, 0.42f}, {0.46f, 0.54f}, {0.6f, 0.56f},
                                {0.8f, 0.63f}, {0.92f, 0.72f}, {0.9f, 0.75f}, {0.7f, 0.74f}, {0.5f, 0.62f}, {0.3f, 0.46f}, {0.17f, 0.37f + hh}})};
    body(d, up, st, {0.4f, 0.3f}, {0.6f, 0.75f});
    // lining seen through the opening
    const Shape lin = {d.spline({{0.2f, 0.31f + hh}, {0.3f, 0.43f}, {0.46f, 0.545f}, {0.56f, 0.56f}, {0.45f, 0.57f}, {0.3f, 0.47f}, {0.2f, 0.37f + hh}})};
    d.fill(lin, grad(rgb(226, 206, 186), rgb(196, 172, 150), {0.2f, 0.3f}, {0.5f, 0.58f}));
    d.fill(d.ellipse(0.74f, 0.64f, 0.12f, 0.035f, 22), Col{1, 1, 1, 0.16f});  // gloss
    rim(d, up, st);
    if (st.rng.coin()) d.fill(d.ellipse(0.6f, 0.575f, 0.025f, 0.014f, 15), st.trim);  // bow
}

}  // namespace central_api::drawing
