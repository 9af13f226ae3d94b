// Product pictures of the demo retailer, one family per file. Electronics: phone, laptop,
// headphones, television, watch, speaker.
#include "central_api/demo/product_drawing.hpp"

namespace central_api::drawing {

namespace {

// Screen content: dark glass with a soft wallpaper in the product colour.
void screen(Draw& d, const Style& st, const Shape& s, float x0, float y0, float x1, float y1) {
    d.fill(s, grad(shade(st.c, 0.55f), tint(st.c, 0.25f), {x0, y1}, {x1, y0}));
    d.clip(s);
    d.fill(Shape{d.spline({{x0 - 0.1f, y1 - (y1 - y0) * 0.35f}, {(x0 + x1) / 2, y1 - (y1 - y0) * 0.55f}, {x1 + 0.1f, y1 - (y1 - y0) * 0.3f}, {x1 + 0.1f, y1 + 0.1f}, {x0 - 0.1f, y1 + 0.1f}})},
           alpha(shade(st.c, 0.35f), 0.8f));
    d.fill(d.poly({{x0, y0}, {x0 + (x1 - x0) * 0.45f, y0}, {x0, y0 + (y1 - y0) * 0.6f}}), Col{1, 1, 1, 0.08f});  // glare
    d.unclip();
}

}  // namespace

void draw_phone(Draw& d, Style& st) {
    const float w = st.rng.uni(0.145f, 0.16f);
    d.shadow(0.5f, 0.88f, 0.2f, 0.025f, 0.45f);
    const Shape s = d.rrect(0.5f - w, 0.12f, 0.5f + w, 0.86f, 0.06f);
    d.fill(s, grad3(st.lo, st.hi, st.lo, {0.5f - w, 0}, {0.5f + w, 0}));
    rim(d, s, st);
    d.fill(Draw::rect(0.5f + w - 0.002f, 0.3f, 0.5f + w + 0.006f, 0.38f), st.lo);  // side button
    if (st.back) {
        const Shape back = d.rrect(0.5f - w + 0.008f, 0.128f, 0.5f + w - 0.008f, 0.852f, 0.054f);
        d.fill(back, grad(st.hi, st.c, {0.35f, 0.12f}, {0.65f, 0.86f}));
        const Shape cam = d.rrect(0.5f - w + 0.03f, 0.15f, 0.5f - w + 0.16f, 0.3f, 0.035f);
        d.fill(cam, alpha(st.lo, 0.9f));
        rim(d, cam, st, 0.003f);
        for (P p : {P{0.5f - w + 0.065f, 0.19f}, P{0.5f - w + 0.065f, 0.26f}, P{0.5f - w + 0.125f, 0.225f}}) {
            d.fill(d.circle(p.x, p.y, 0.026f), rgb(30, 30, 34));
            d.fill(d.circle(p.x, p.y, 0.015f), rgb(20, 28, 48));
            d.fill(d.circle(p.x - 0.005f, p.y - 0.005f, 0.004f), Col{1, 1, 1, 0.5f});
        }
        d.fill(d.circle(0.5f, 0.5f, 0.03f), alpha(st.deep, 0.4f));  // logo
        return;
    }
    const Shape glass = d.rrect(0.5f - w + 0.008f, 0.128f, 0.5f + w - 0.008f, 0.852f, 0.054f);
    d.fill(glass, rgb(14, 14, 16));
    const Shape scr = d.rrect(0.5f - w + 0.016f, 0.136f, 0.5f + w - 0.016f, 0.844f, 0.047f);
    screen(d, st, scr, 0.5f - w, 0.136f, 0.5f + w, 0.844f);
    d.fill(d.rrect(0.46f, 0.155f, 0.54f, 0.18f, 0.0125f), rgb(8, 8, 10));  // camera island
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
            d.fill(d.rrect(0.5f - w + 0.04f + i * (2 * w - 0.06f) / 4, 0.24f + j * 0.1f, 0.5f - w + 0.085f + i * (2 * w - 0.06f) / 4, 0.285f + j * 0.1f, 0.012f), Col{1, 1, 1, 0.22f});  // app icons
    d.fill(d.rrect(0.45f, 0.825f, 0.55f, 0.83f, 0.003f), Col{1, 1, 1, 0.7f});
}

void draw_laptop(Draw& d, Style& st) {
    d.shadow(0.5f, 0.8f, 0.44f, 0.03f, 0.45f);
    const Col body_c = tint(st.c, 0.1f);
    if (st.back) {  // closed lid seen from the back
        const Shape lid = d.rrect(0.16f, 0.2f, 0.84f, 0.66f, 0.025f);
        d.fill(lid, grad(tint(body_c, 0.15f), shade(body_c, 0.15f), {0.3f, 0.2f}, {0.7f, 0.66f}));
        rim(d, lid, st);
        d.fill(d.circle(0.5f, 0.43f, 0.035f), alpha(tint(st.c, 0.5f), 0.8f));
        d.fill(d.poly({{0.12f, 0.66f}, {0.88f, 0.66f}, {0.92f, 0.76f}, {0.08f, 0.76f}}), grad(st.lo, st.deep, {0, 0.66f}, {0, 0.76f}));
        return;
    }
    const Shape lid = d.rrect(0.2f, 0.16f, 0.8f, 0.6f, 0.02f);
    d.fill(lid, grad(st.lo, st.deep, {0, 0.16f}, {0, 0.6f}));
    const Shape bezel = d.rrect(0.21f, 0.17f, 0.79f, 0.595f, 0.014f);
    d.fill(bezel, rgb(18, 18, 20));
    const Shape scr = Draw::rect(0.225f, 0.19f, 0.775f, 0.575f);
    screen(d, st, scr, 0.225f, 0.19f, 0.775f, 0.575f);
    rim(d, lid, st, 0.003f);
    // base in perspective with keyboard and trackpad
    const Shape base = d.poly({{0.18f, 0.6f}, {0.82f, 0.6f}, {0.92f, 0.76f}, {0.08f, 0.76f}});
    d.fill(base, grad(tint(body_c, 0.2f), body_c, {0, 0.6f}, {0, 0.76f}));
    for (int r = 0; r < 4; ++r) {
        const float y0 = 0.615f + r * 0.022f, y1 = y0 + 0.016f, t0 = (y0 - 0.6f) / 0.16f, t1 = (y1 - 0.6f) / 0.16f;
        const float l0 = 0.2f - 0.1f * t0 + 0.02f, r0 = 0.8f + 0.1f * t0 - 0.02f, l1 = 0.2f - 0.1f * t1 + 0.02f, r1 = 0.8f + 0.1f * t1 - 0.02f;
        const int keys = 13;
        for (int k = 0; k < keys; ++k) {
            const float a = k / static_cast<float>(keys), b = (k + 0.82f) / keys;
            d.fill(d.poly({{l0 + (r0 - l0) * a, y0}, {l0 + (r0 - l0) * b, y0}, {l1 + (r1 - l1) * b, y1}, {l1 + (r1 - l1) * a, y1}}), rgb(36, 36, 40));
        }
    }
    d.fill(d.poly({{0.42f, 0.708f}, {0.58f, 0.708f}, {0.585f, 0.75f}, {0.415f, 0.75f}}), shade(body_c, 0.1f));
    d.fill(Draw::rect(0.08f, 0.76f, 0.92f, 0.775f), st.deep);
    rim(d, base, st, 0.003f);
}

void draw_headphones(Draw& d, Style& st) {
    d.shadow(0.5f, 0.84f, 0.3f, 0.03f, 0.45f);
    const float sp = st.rng.uni(0.24f, 0.27f);
    // headband arc with padding
    const Poly arc = d.spline({{0.5f - sp, 0.55f}, {0.5f - sp + 0.02f, 0.3f}, {0.5f, 0.15f}, {0.5f + sp - 0.02f, 0.3f}, {0.5f + sp, 0.55f}}, false);
    const Shape band = d.polyline(arc, 0.045f);
    d.fill(band, grad(st.hi, st.lo, {0.5f, 0.13f}, {0.5f, 0.5f}));
    rim(d, band, st, 0.003f);
    const Poly pad(arc.begin() + static_cast<long>(arc.size() / 4), arc.end() - static_cast<long>(arc.size() / 4));
    d.stroke(pad, 0.03f, st.ink);
    if (st.back) {  // side view: one big cup facing us
        d.fill(d.ellipse(0.5f, 0.6f, 0.17f, 0.2f), grad(st.hi, st.deep, {0.4f, 0.4f}, {0.6f, 0.8f}));
        d.fill(d.ellipse(0.5f, 0.6f, 0.11f, 0.13f), alpha(st.lo, 0.8f));
        d.fill(d.circle(0.5f, 0.6f, 0.03f), st.metal);
        rim(d, d.ellipse(0.5f, 0.6f, 0.17f, 0.2f), st);
        return;
    }
    for (float m : {-1.f, 1.f}) {
        const float cx = 0.5f + m * sp;
        d.line({cx, 0.47f}, {cx, 0.55f}, 0.014f, st.metal);  // yoke
        const Shape cushion = d.rrect(cx - (m < 0 ? -0.02f : 0.06f), 0.52f, cx + (m < 0 ? 0.06f : -0.02f), 0.8f, 0.04f);
        d.fill(cushion, grad(rgb(60, 60, 64), rgb(24, 24, 26), {0, 0.52f}, {0, 0.8f}));
        const Shape cup = d.rrect(cx - 0.055f + m * 0.02f, 0.5f, cx + 0.055f + m * 0.02f, 0.82f, 0.05f);
        d.fill(cup, grad3(st.lo, st.hi, st.deep, {cx - 0.05f, 0}, {cx + 0.07f, 0}));
        rim(d, cup, st);
        d.fill(d.rrect(cx - 0.03f + m * 0.02f, 0.6f, cx + 0.03f + m * 0.02f, 0.72f, 0.03f), alpha(st.trim, 0.6f));
    }
}

void draw_television(Draw& d, Style& st) {
    const float h = st.rng.uni(0.5f, 0.53f);
    d.shadow(0.5f, 0.82f, 0.4f, 0.03f, 0.45f);
    const bool pedestal = st.rng.coin();
    const Col stand = st.rng.coin() ? st.metal : rgb(50, 50, 54);
    if (pedestal) {
        d.fill(Draw::rect(0.48f, 0.7f, 0.52f, 0.8f), stand);
        d.fill(d.ellipse(0.5f, 0.8f, 0.15f, 0.02f), stand);
    } else {
        for (float m : {-1.f, 1.f}) d.fill(d.poly({{0.5f + m * 0.3f, 0.7f}, {0.5f + m * 0.32f, 0.7f}, {0.5f + m * 0.36f, 0.81f}, {0.5f + m * 0.33f, 0.81f}}), stand);
    }
    const Shape s = d.rrect(0.07f, 0.72f - h, 0.93f, 0.72f, 0.01f);
    if (st.back) {
        d.fill(s, grad(st.lo, st.deep, {0, 0.2f}, {0, 0.72f}));
        const Shape hump = d.rrect(0.25f, 0.3f, 0.75f, 0.66f, 0.04f);
        d.fill(hump, grad(st.c, st.lo, {0, 0.3f}, {0, 0.66f}));
        rim(d, hump, st, 0.003f);
        for (float y = 0.34f; y < 0.45f; y += 0.02f) d.line({0.35f, y}, {0.65f, y}, 0.006f, alpha(st.deep, 0.7f));  // vents
        rim(d, s, st);
        return;
    }
    d.fill(s, st.c);
    d.fill(d.rrect(0.075f, 0.725f - h, 0.925f, 0.715f, 0.008f), rgb(16, 16, 18));
    const Shape scr = Draw::rect(0.085f, 0.735f - h, 0.915f, 0.705f);
    screen(d, st, scr, 0.085f, 0.735f - h, 0.915f, 0.705f);
    d.fill(Draw::rect(0.07f, 0.712f, 0.93f, 0.72f), st.c);  // coloured bottom trim
    rim(d, s, st, 0.003f);
}

void draw_watch(Draw& d, Style& st) {
    const float r = st.rng.uni(0.15f, 0.17f);
    const bool square = st.rng.pick(3) == 0;
    d.shadow(0.5f, 0.9f, 0.16f, 0.02f, 0.4f);
    // strap in the main colour
    const Shape strap = d.rrect(0.5f - r * 0.75f, 0.08f, 0.5f + r * 0.75f, 0.92f, 0.05f);
    d.fill(strap, grad3(st.lo, st.hi, st.lo, {0.5f - r, 0}, {0.5f + r, 0}));
    for (float y = 0.16f; y < 0.3f; y += 0.06f) d.line({0.5f - r * 0.75f, y}, {0.5f + r * 0.75f, y}, 0.003f, alpha(st.deep, 0.6f));
    d.fill(d.circle(0.5f, 0.78f, 0.008f) + d.circle(0.5f, 0.84f, 0.008f), st.deep);  // holes
    rim(d, strap, st);
    const Shape cs = square ? d.rrect(0.5f - r, 0.5f - r * 1.15f, 0.5f + r, 0.5f + r * 1.15f, r * 0.35f) : d.circle(0.5f, 0.5f, r);
    d.fill(d.rrect(0.5f + r * 0.9f, 0.475f, 0.5f + r + 0.025f, 0.525f, 0.008f), st.metal);  // crown
    d.fill(cs, grad(tint(st.metal, 0.4f), shade(st.metal, 0.3f), {0.4f, 0.35f}, {0.6f, 0.65f}));
    if (st.back) {  // caseback
        d.fill(d.circle(0.5f, 0.5f, r * 0.75f), grad(st.metal, tint(st.metal, 0.3f), {0.4f, 0.4f}, {0.6f, 0.6f}));
        d.fill(d.ring(0.5f, 0.5f, r * 0.5f, r * 0.47f), alpha(shade(st.metal, 0.3f), 0.7f));
        for (int i = 0; i < 4; ++i) {
            const float a = kPi / 4 + i * kPi / 2;
            d.fill(d.circle(0.5f + std::cos(a) * r * 0.65f, 0.5f + std::sin(a) * r * 0.65f, 0.006f), shade(st.metal, 0.3f));
        }
        return;
    }
    const Shape dial = square ? d.rrect(0.5f - r * 0.84f, 0.5f - r, 0.5f + r * 0.84f, 0.5f + r, r * 0.25f) : d.circle(0.5f, 0.5f, r * 0.86f);
    const Col dc = st.rng.coin() ? rgb(245, 244, 240) : rgb(28, 30, 34);
    const Col mk = luma(dc) > 0.5f ? rgb(30, 30, 34) : rgb(235, 235, 235);
    d.fill(dial, dc);
    for (int i = 0; i < 12; ++i) {
        const float a = i * kPi / 6, c = std::cos(a), s = std::sin(a);
        d.line({0.5f + c * r * 0.7f, 0.5f + s * r * 0.7f}, {0.5f + c * r * 0.8f, 0.5f + s * r * 0.8f}, i % 3 ? 0.004f : 0.008f, mk);
    }
    d.line({0.5f, 0.5f}, {0.5f + r * 0.35f, 0.5f - r * 0.35f}, 0.009f, mk);
    d.line({0.5f, 0.5f}, {0.5f - r * 0.2f, 0.5f - r * 0.62f}, 0.006f, mk);
    d.line({0.5f, 0.5f}, {0.5f + r * 0.1f, 0.5f + r * 0.7f}, 0.0025f, st.c);
    d.fill(d.circle(0.5f, 0.5f, 0.009f), mk);
    d.fill(d.ellipse(0.45f, 0.43f, r * 0.5f, r * 0.2f, -30), Col{1, 1, 1, 0.1f});
}

void draw_speaker(Draw& d, Style& st) {
    const bool portable = st.rng.coin();
    d.shadow(0.5f, 0.84f, 0.25f, 0.03f, 0.5f);
    if (portable) {  // cylinder speaker with fabric and rubber caps
        const Shape s = d.rrect(0.36f, 0.2f, 0.64f, 0.82f, 0.1f);
        d.fill(s, grad3(st.lo, st.hi, st.deep, {0.36f, 0}, {0.64f, 0}));
        d.clip(s);
        for (float y = 0.24f; y < 0.8f; y += 0.016f)
            for (float x = 0.37f + std::fmod(y * 31.f, 0.016f); x < 0.64f; x += 0.016f) d.fill(d.circle(x, y, 0.003f), alpha(st.deep, 0.5f));
        d.fill(Draw::rect(0.3f, 0.18f, 0.7f, 0.26f), st.ink);
        d.fill(Draw::rect(0.3f, 0.77f, 0.7f, 0.84f), st.ink);
        d.unclip();
        rim(d, s, st);
        if (!st.back) {
            for (float x : {0.45f, 0.5f, 0.55f}) d.fill(d.circle(x, 0.225f, 0.008f), rgb(90, 90, 96));
            d.fill(d.rrect(0.46f, 0.47f, 0.54f, 0.5f, 0.008f), st.trim);
        }
        return;
    }
    const Shape s = d.rrect(0.3f, 0.14f, 0.7f, 0.84f, 0.025f);
    body(d, s, st, {0.4f, 0.14f}, {0.6f, 0.84f});
    rim(d, s, st);
    if (st.back) {
        d.fill(d.circle(0.5f, 0.35f, 0.04f), st.ink);  // bass port
        d.fill(d.rrect(0.42f, 0.62f, 0.58f, 0.72f, 0.01f), rgb(50, 50, 54));  // terminals
        d.fill(d.circle(0.46f, 0.67f, 0.015f), rgb(200, 40, 40));
        d.fill(d.circle(0.54f, 0.67f, 0.015f), rgb(30, 30, 30));
        return;
    }
    for (auto [cy, rr] : {std::pair<float, float>{0.29f, 0.06f}, {0.58f, 0.15f}}) {
        d.fill(d.circle(0.5f, cy, rr), st.metal);
        d.fill(d.circle(0.5f, cy, rr * 0.9f), grad(rgb(50, 50, 54), rgb(14, 14, 16), {0.5f, cy - rr}, {0.5f, cy + rr}));
        d.fill(d.circle(0.5f, cy, rr * 0.35f), grad(rgb(90, 90, 96), rgb(30, 30, 34), {0.45f, cy - rr * 0.3f}, {0.55f, cy + rr * 0.3f}));
    }
}

}  // namespace central_api::drawing
