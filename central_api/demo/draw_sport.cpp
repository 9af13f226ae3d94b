// Product pictures of the demo retailer, one family per file. Sport: ball, racket, bike, tent,
// dumbbell, backpack.
#include "central_api/demo/product_drawing.hpp"

namespace central_api::drawing {

void draw_ball(Draw& d, Style& st) {
    const float r = 0.31f;
    d.shadow(0.5f, 0.85f, 0.28f, 0.04f, 0.55f);
    const Shape s = d.circle(0.5f, 0.52f, r);
    d.fill(s, grad(st.hi, st.deep, {0.38f, 0.36f}, {0.64f, 0.8f}));
    d.clip(s);
    const int kind = st.rng.pick(2);
    const float rot = st.back ? 35.f : 0.f;
    if (kind == 0) {  // basketball style seams
        d.local = rotation(rot - 15, {0.5f, 0.52f});
        d.line({0.5f, 0.19f}, {0.5f, 0.85f}, 0.008f, st.ink);
        d.line({0.18f, 0.52f}, {0.82f, 0.52f}, 0.008f, st.ink);
        d.stroke(d.spline({{0.28f, 0.25f}, {0.37f, 0.52f}, {0.28f, 0.79f}}, false), 0.008f, st.ink);
        d.stroke(d.spline({{0.72f, 0.25f}, {0.63f, 0.52f}, {0.72f, 0.79f}}, false), 0.008f, st.ink);
    } else {  // panelled ball with a white band
        d.local = rotation(rot + 20, {0.5f, 0.52f});
        d.fill(Shape{d.spline({{0.15f, 0.47f}, {0.5f, 0.42f}, {0.85f, 0.47f}, {0.85f, 0.6f}, {0.5f, 0.55f}, {0.15f, 0.6f}})}, alpha(st.white, 0.92f));
        d.stroke(d.spline({{0.5f, 0.2f}, {0.44f, 0.5f}, {0.5f, 0.85f}}, false), 0.006f, alpha(st.line, 0.8f));
    }
    d.local = Affine{};
    d.fill(d.ellipse(0.41f, 0.38f, 0.1f, 0.06f, -30), Col{1, 1, 1, 0.18f});  // highlight
    d.fill(d.ring(0.5f, 0.52f, r + 0.01f, r - 0.03f), grad({0, 0, 0, 0}, {0, 0, 0, 0.25f}, {0.4f, 0.4f}, {0.62f, 0.8f}));
    d.unclip();
}

void draw_racket(Draw& d, Style& st) {
    d.shadow(0.5f, 0.9f, 0.25f, 0.025f, 0.35f);
    d.local = rotation(st.rng.uni(-28, -18), {0.5f, 0.5f});
    const float cx = 0.5f, cy = 0.3f, rx = 0.16f, ry = 0.21f;
    d.clip(d.ellipse(cx, cy, rx - 0.01f, ry - 0.01f));
    const Col str = st.rng.coin() ? rgb(240, 240, 236) : tint(st.trim, 0.3f);
    for (float x = cx - rx; x <= cx + rx; x += 0.022f) d.line({x, cy - ry}, {x, cy + ry}, 0.0035f, str);
    for (float y = cy - ry; y <= cy + ry; y += 0.022f) d.line({cx - rx, y}, {cx + rx, y}, 0.0035f, str);
    d.unclip();
    // throat and frame
    const Shape throat = d.polyline({{0.44f, 0.48f}, {0.49f, 0.61f}}, 0.022f) + d.polyline({{0.56f, 0.48f}, {0.51f, 0.61f}}, 0.022f);
    d.fill(throat, st.lo);
    // elliptical frame: ring of two ellipses
    Shape frame = d.ellipse(cx, cy, rx + 0.012f, ry + 0.012f);
    Poly in = d.ellipse(cx, cy, rx - 0.012f, ry - 0.012f)[0];
    std::reverse(in.begin(), in.end());
    frame.push_back(in);
    d.fill(frame, grad(st.hi, st.lo, {cx - rx, cy - ry}, {cx + rx, cy + ry}));
    rim(d, frame, st, 0.003f);
    d.fill(d.ellipse(cx - 0.06f, cy - 0.17f, 0.05f, 0.01f, -25), Col{1, 1, 1, 0.3f});
    // handle with grip wrap and butt cap
    const Shape handle = d.rrect(0.475f, 0.6f, 0.525f, 0.88f, 0.01f);
    d.fill(handle, grad3(rgb(30, 30, 34), rgb(80, 80, 86), rgb(24, 24, 28), {0.475f, 0}, {0.525f, 0}));
    d.clip(handle);
    for (float y = 0.63f; y < 0.9f; y += 0.025f) d.line({0.47f, y}, {0.53f, y + 0.015f}, 0.003f, rgb(14, 14, 16));
    d.unclip();
    d.fill(d.rrect(0.47f, 0.6f, 0.53f, 0.625f, 0.006f), st.c);
    d.fill(d.rrect(0.47f, 0.87f, 0.53f, 0.89f, 0.006f), st.trim);
    d.local = Affine{};
}

void draw_bike(Draw& d, Style& st) {
    d.shadow(0.5f, 0.8f, 0.42f, 0.03f, 0.45f);
    const float r = 0.18f, wy = 0.62f;
    const P rear{0.25f, wy}, front{0.75f, wy}, bb{0.46f, 0.65f}, seat{0.42f, 0.36f}, head_t{0.67f, 0.36f}, head_b{0.655f, 0.43f};
    const Col tyre = rgb(36, 36, 38), rimc = rgb(150, 154, 160);
    wheel(d, st, rear.x, rear.y, r, 18, tyre, rimc);
    wheel(d, st, front.x, front.y, r, 18, tyre, rimc);
    // chain and chainring
    d.stroke({{bb.x, bb.y - 0.04f}, {rear.x, rear.y - 0.02f}}, 0.005f, rgb(90, 90, 96));
    d.stroke({{bb.x, bb.y + 0.04f}, {rear.x, rear.y + 0.02f}}, 0.005f, rgb(90, 90, 96));
    d.fill(d.ring(bb.x, bb.y, 0.045f, 0.032f), rgb(120, 124, 130));
    // frame tubes
    const float tw = 0.02f;
    const Shape frame = d.polyline({rear, seat, head_t}, tw) + d.polyline({rear, bb, head_b}, tw) + d.line(bb, seat, tw) + d.line(head_t, head_b, tw * 1.3f) + d.line(head_b, front, tw * 0.8f);
    d.fill(frame, grad(st.hi, st.lo, {0.5f, 0.34f}, {0.5f, 0.68f}));
    if (st.rng.coin()) d.fill(d.line(lerp(bb, head_b, 0.3f), lerp(bb, head_b, 0.7f), tw * 0.6f), st.trim);  // decal
    // seat post + saddle, stem + bar
    d.line(seat, {seat.x - 0.012f, seat.y - 0.05f}, 0.012f, st.metal);
    d.fill(Shape{d.spline({{0.34f, 0.305f}, {0.42f, 0.295f}, {0.46f, 0.305f}, {0.42f, 0.32f}, {0.36f, 0.325f}})}, st.ink);
    d.stroke({head_t, {0.665f, 0.31f}, {0.7f, 0.3f}}, 0.012f, st.metal);
    d.stroke(d.spline({{0.67f, 0.3f}, {0.72f, 0.29f}, {0.745f, 0.31f}}, false), 0.016f, st.ink);
    // crank + pedal
    d.line(bb, {bb.x + 0.05f, bb.y + 0.06f}, 0.012f, rgb(60, 60, 64));
    d.fill(d.rrect(bb.x + 0.03f, bb.y + 0.055f, bb.x + 0.075f, bb.y + 0.07f, 0.004f), st.ink);
    d.fill(d.circle(bb.x, bb.y, 0.015f), rgb(80, 80, 86));
}

void draw_tent(Draw& d, Style& st) {
    const float peak = st.rng.uni(0.24f, 0.3f);
    d.shadow(0.5f, 0.8f, 0.44f, 0.035f, 0.45f);
    // guy lines
    for (float m : {1.f, -1.f}) d.line({0.5f + m * 0.26f, 0.42f}, {0.5f + m * 0.46f, 0.8f}, 0.0025f, rgb(120, 120, 120));
    const Shape fly = {d.spline({{0.08f, 0.8f}, {0.2f, 0.5f}, {0.5f, peak}, {0.8f, 0.5f}, {0.92f, 0.8f}, {0.5f, 0.81f}})};
    body(d, fly, st, {0.5f, peak}, {0.5f, 0.8f});
    d.clip(fly);
    // side panels darker for depth, poles as ridges
    d.fill(Draw::rect(0, 0, 1, 1), grad3({0, 0, 0, 0.25f}, {1, 1, 1, 0.06f}, {0, 0, 0, 0.25f}, {0.08f, 0}, {0.92f, 0}));
    for (float m : {-1.f, 1.f}) d.stroke(d.spline({{0.5f + m * 0.43f, 0.82f}, {0.5f + m * 0.22f, 0.42f}, {0.5f, peak + 0.01f}}, false), 0.006f, alpha(st.deep, 0.6f));
    d.fill(Draw::rect(0, 0.76f, 1, 0.82f), st.trim);  // bathtub floor band
    if (!st.back) {
        const Shape door = {d.spline({{0.32f, 0.8f}, {0.38f, 0.5f}, {0.5f, peak + 0.08f}, {0.62f, 0.5f}, {0.68f, 0.8f}})};
        d.fill(door, grad(rgb(40, 40, 44), rgb(20, 20, 22), {0.5f, 0.3f}, {0.5f, 0.8f}));
        const Shape flap = {d.spline({{0.5f, peak + 0.08f}, {0.62f, 0.5f}, {0.68f, 0.8f}, {0.55f, 0.8f}, {0.54f, 0.5f}})};
        d.fill(flap, grad(st.c, st.lo, {0.5f, 0.3f}, {0.5f, 0.8f}));
        rim(d, flap, st, 0.003f);
        d.stroke(d.spline({{0.5f, peak + 0.08f}, {0.545f, 0.5f}, {0.555f, 0.8f}}, false), 0.004f, st.ink);
    } else {
        d.fill(d.ellipse(0.5f, peak + 0.12f, 0.09f, 0.05f), grad(rgb(50, 50, 54), rgb(30, 30, 34), {0.5f, peak}, {0.5f, peak + 0.2f}));  // vent
        d.fill(d.rrect(0.36f, 0.52f, 0.64f, 0.7f, 0.03f), alpha(st.deep, 0.25f));
    }
    d.unclip();
    rim(d, fly, st);
    for (float m : {1.f, -1.f}) d.line({0.5f + m * 0.46f, 0.79f}, {0.5f + m * 0.46f, 0.82f}, 0.006f, st.metal);  // pegs
}

void draw_dumbbell(Draw& d, Style& st) {
    d.shadow(0.5f, 0.76f, 0.4f, 0.035f, 0.5f);
    if (st.back) d.local = rotation(-12, {0.5f, 0.55f});
    const bool hex = st.rng.coin();
    // handle with knurling
    d.fill(d.rrect(0.3f, 0.52f, 0.7f, 0.58f, 0.01f), grad3(rgb(120, 124, 130), rgb(226, 228, 232), rgb(96, 100, 106), {0, 0.52f}, {0, 0.58f}));
    d.clip(Draw::rect(0.38f, 0.52f, 0.62f, 0.58f));
    for (float x = 0.38f; x < 0.62f; x += 0.009f) d.line({x, 0.52f}, {x + 0.01f, 0.58f}, 0.002f, alpha(rgb(60, 60, 66), 0.5f));
    d.unclip();
    for (float m : {-1.f, 1.f}) {
        const float cx = 0.5f + m * 0.245f;
        const Shape pl = hex ? d.rrect(cx - 0.065f, 0.34f, cx + 0.065f, 0.76f, 0.02f) : d.rrect(cx - 0.045f, 0.33f, cx + 0.045f, 0.77f, 0.025f);
        const Shape pl2 = d.rrect(cx + m * 0.06f - 0.035f, 0.39f, cx + m * 0.06f + 0.035f, 0.71f, 0.02f);
        if (!hex) {
            d.fill(pl2, grad3(st.lo, st.hi, st.deep, {0, 0.39f}, {0, 0.71f}));
            rim(d, pl2, st, 0.003f);
        }
        d.fill(pl, grad3(st.lo, st.hi, st.deep, {0, 0.33f}, {0, 0.77f}));
        if (hex) {
            d.fill(Draw::rect(cx - 0.065f, 0.43f, cx + 0.065f, 0.435f), alpha(st.deep, 0.6f));
            d.fill(Draw::rect(cx - 0.065f, 0.665f, cx + 0.065f, 0.67f), alpha(st.deep, 0.6f));
        }
        rim(d, pl, st, 0.003f);
        d.fill(d.rrect(cx - m * 0.09f - 0.012f, 0.5f, cx - m * 0.09f + 0.012f, 0.6f, 0.005f), st.metal);  // collar
    }
    d.local = Affine{};
}

void draw_backpack(Draw& d, Style& st) {
    const float w = st.rng.uni(0.2f, 0.24f);
    d.shadow(0.5f, 0.85f, w + 0.06f, 0.03f, 0.45f);
    // top handle
    d.stroke(d.spline({{0.45f, 0.2f}, {0.46f, 0.13f}, {0.54f, 0.13f}, {0.55f, 0.2f}}, false), 0.014f, st.ink);
    // side pockets / straps behind
    const Shape sides = d.rrect(0.5f - w - 0.04f, 0.48f, 0.5f - w + 0.05f, 0.8f, 0.03f);
    d.fill(sides + Draw::mirror(sides), st.deep);
    const Shape s = {d.spline({{0.5f, 0.16f}, {0.5f + w, 0.22f}, {0.5f + w + 0.02f, 0.5f}, {0.5f + w, 0.82f}, {0.5f, 0.845f}, {0.5f - w, 0.82f}, {0.5f - w - 0.02f, 0.5f}, {0.5f - w, 0.22f}})};
    body(d, s, st, {0.5f, 0.16f}, {0.5f, 0.84f});
    volume(d, s, 0.5f - w - 0.02f, 0.5f + w + 0.02f, 0.1f, 0.9f, 0.25f);
    if (!st.back) {
        // zip arc of the main compartment
        d.stroke(d.spline({{0.5f - w + 0.01f, 0.52f}, {0.5f - w + 0.03f, 0.26f}, {0.5f, 0.205f}, {0.5f + w - 0.03f, 0.26f}, {0.5f + w - 0.01f, 0.52f}}, false), 0.007f, st.ink);
        const Shape pk = d.rrect(0.5f - w * 0.72f, 0.52f, 0.5f + w * 0.72f, 0.8f, 0.05f);
        d.fill(pk, grad(st.c, st.lo, {0, 0.52f}, {0, 0.8f}));
        rim(d, pk, st, 0.003f);
        d.line({0.5f - w * 0.6f, 0.56f}, {0.5f + w * 0.6f, 0.56f}, 0.006f, st.ink);
        d.fill(d.rrect(0.5f + w * 0.3f, 0.555f, 0.5f + w * 0.3f + 0.015f, 0.6f, 0.004f), st.trim);  // puller
        if (st.rng.coin()) d.fill(d.rrect(0.46f, 0.64f, 0.54f, 0.68f, 0.006f), st.trim);  // logo patch
    } else {
        // padded back panel and shoulder straps
        d.fill(d.rrect(0.5f - w + 0.04f, 0.26f, 0.5f + w - 0.04f, 0.74f, 0.05f), alpha(st.deep, 0.45f));
        for (float m : {-1.f, 1.f}) {
            const Shape strap = d.polyline(d.spline({{0.5f + m * 0.06f, 0.22f}, {0.5f + m * 0.1f, 0.4f}, {0.5f + m * 0.11f, 0.6f}, {0.5f + m * (w - 0.01f), 0.8f}}, false), 0.05f);
            d.fill(strap, st.ink);
            d.fill(d.outline(strap, 0.0025f), rgb(70, 70, 76));
        }
    }
    rim(d, s, st);
}

}  // namespace central_api::drawing
