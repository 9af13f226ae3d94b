// Product pictures of the demo retailer, one family per file. Home: sofa, chair, lamp, table,
// bed, cookware, towel.
#include "central_api/demo/product_drawing.hpp"

namespace central_api::drawing {

void draw_sofa(Draw& d, Style& st) {
    const float w = st.rng.uni(0.4f, 0.44f);
    const int seats = 2 + st.rng.pick(2);
    d.shadow(0.5f, 0.77f, w + 0.03f, 0.03f, 0.5f);
    const Col leg = st.rng.coin() ? rgb(120, 84, 54) : st.ink;
    for (float m : {-1.f, 1.f}) d.fill(d.poly({{0.5f + m * (w - 0.04f), 0.72f}, {0.5f + m * (w - 0.02f), 0.72f}, {0.5f + m * (w - 0.025f), 0.77f}, {0.5f + m * (w - 0.035f), 0.77f}}), leg);
    if (st.back) {  // back of the sofa: one plain panel
        const Shape bk = d.rrect(0.5f - w, 0.36f, 0.5f + w, 0.73f, 0.04f);
        body(d, bk, st, {0.5f, 0.36f}, {0.5f, 0.73f});
        d.line({0.5f - w + 0.02f, 0.68f}, {0.5f + w - 0.02f, 0.68f}, 0.003f, alpha(st.line, 0.6f));
        rim(d, bk, st);
        return;
    }
    const Shape back = d.rrect(0.5f - w + 0.04f, 0.34f, 0.5f + w - 0.04f, 0.58f, 0.04f);
    d.fill(back, grad(st.c, st.deep, {0, 0.34f}, {0, 0.58f}));
    const float cw = (2 * w - 0.16f) / seats;
    for (int i = 0; i < seats; ++i) {  // back cushions
        const float x0 = 0.5f - w + 0.08f + i * cw;
        const Shape c = d.rrect(x0 + 0.004f, 0.37f, x0 + cw - 0.004f, 0.57f, 0.035f);
        d.fill(c, grad(st.hi, st.lo, {0, 0.37f}, {0, 0.57f}));
        rim(d, c, st, 0.003f);
    }
    d.fill(d.rrect(0.5f - w + 0.05f, 0.64f, 0.5f + w - 0.05f, 0.73f, 0.015f), st.lo);  // base
    for (int i = 0; i < seats; ++i) {  // seat cushions
        const float x0 = 0.5f - w + 0.08f + i * cw;
        const Shape c = d.rrect(x0 + 0.003f, 0.56f, x0 + cw - 0.003f, 0.66f, 0.025f);
        d.fill(c, grad(st.hi, st.c, {0, 0.56f}, {0, 0.66f}));
        rim(d, c, st, 0.003f);
    }
    for (float m : {-1.f, 1.f}) {  // arms
        const float x0 = m < 0 ? 0.5f - w : 0.5f + w - 0.1f;
        const Shape arm = d.rrect(x0, 0.47f, x0 + 0.1f, 0.73f, 0.04f);
        d.fill(arm, grad3(st.lo, st.hi, st.lo, {x0, 0}, {x0 + 0.1f, 0}));
        rim(d, arm, st);
    }
    if (st.rng.coin()) {  // throw pillow
        const Shape pl = d.rrect(0.5f - w + 0.11f, 0.45f, 0.5f - w + 0.21f, 0.57f, 0.03f);
        d.fill(pl, st.trim);
        rim(d, pl, st, 0.003f);
    }
}

void draw_chair(Draw& d, Style& st) {
    d.shadow(0.5f, 0.86f, 0.22f, 0.03f, 0.45f);
    const Col wood = st.rng.coin() ? rgb(150, 108, 70) : rgb(50, 50, 54);
    const Col wood_d = shade(wood, 0.25f);
    if (st.back) {  // side profile
        d.stroke({{0.36f, 0.14f}, {0.4f, 0.5f}, {0.37f, 0.86f}}, 0.022f, wood);
        d.line({0.62f, 0.54f}, {0.64f, 0.86f}, 0.022f, wood);
        d.line({0.4f, 0.72f}, {0.63f, 0.72f}, 0.012f, wood_d);
        const Shape seat = d.rrect(0.36f, 0.5f, 0.66f, 0.55f, 0.015f);
        d.fill(seat, grad(st.hi, st.lo, {0, 0.5f}, {0, 0.55f}));
        rim(d, seat, st);
        const Shape bk = d.rrect(0.355f, 0.16f, 0.405f, 0.42f, 0.02f);
        d.local = rotation(-6, {0.38f, 0.3f});
        d.fill(bk, grad(st.hi, st.lo, {0.35f, 0}, {0.41f, 0}));
        rim(d, bk, st);
        d.local = Affine{};
        return;
    }
    // back legs (further away, shorter), then front legs
    d.line({0.355f, 0.55f}, {0.36f, 0.8f}, 0.016f, wood_d);
    d.line({0.645f, 0.55f}, {0.64f, 0.8f}, 0.016f, wood_d);
    d.line({0.33f, 0.14f}, {0.345f, 0.55f}, 0.02f, wood);
    d.line({0.67f, 0.14f}, {0.655f, 0.55f}, 0.02f, wood);
    const Shape bk = d.rrect(0.335f, 0.16f, 0.665f, 0.4f, 0.03f);
    body(d, bk, st, {0.5f, 0.16f}, {0.5f, 0.4f});
    volume(d, bk, 0.33f, 0.67f, 0.1f, 0.45f, 0.2f);
    rim(d, bk, st);
    if (st.rng.coin()) for (float x : {0.42f, 0.5f, 0.58f}) d.fill(d.circle(x, 0.28f, 0.007f), st.deep);  // buttons
    d.line({0.35f, 0.47f}, {0.65f, 0.47f}, 0.012f, wood_d);
    // seat seen slightly from above
    const Shape seat = d.poly({{0.34f, 0.52f}, {0.66f, 0.52f}, {0.7f, 0.6f}, {0.3f, 0.6f}});
    d.fill(seat, grad(st.hi, st.c, {0, 0.52f}, {0, 0.6f}));
    const Shape front = d.rrect(0.3f, 0.595f, 0.7f, 0.635f, 0.01f);
    d.fill(front, grad(st.lo, st.deep, {0, 0.6f}, {0, 0.635f}));
    rim(d, seat + front, st);
    d.line({0.315f, 0.63f}, {0.32f, 0.86f}, 0.022f, wood);
    d.line({0.685f, 0.63f}, {0.68f, 0.86f}, 0.022f, wood);
}

void draw_lamp(Draw& d, Style& st) {
    const float sh_w = st.rng.uni(0.17f, 0.21f);
    d.shadow(0.5f, 0.85f, 0.18f, 0.025f, 0.45f);
    d.fill(d.ellipse(0.5f, 0.53f, 0.3f, 0.16f), Col{1.f, 0.95f, 0.8f, 0.18f});  // warm glow
    d.fill(d.ellipse(0.5f, 0.53f, 0.18f, 0.1f), Col{1.f, 0.94f, 0.75f, 0.2f});
    // base and stem
    const Shape base = {d.spline({{0.5f, 0.58f}, {0.59f, 0.62f}, {0.62f, 0.74f}, {0.58f, 0.84f}, {0.42f, 0.84f}, {0.38f, 0.74f}, {0.41f, 0.62f}})};
    d.line({0.5f, 0.44f}, {0.5f, 0.6f}, 0.012f, st.metal);
    d.fill(base, grad3(st.lo, st.hi, st.deep, {0.38f, 0}, {0.62f, 0}));
    rim(d, base, st);
    d.fill(d.rrect(0.4f, 0.835f, 0.6f, 0.855f, 0.008f), st.deep);
    // shade
    const Shape sh = d.poly({{0.5f - sh_w * 0.62f, 0.2f}, {0.5f + sh_w * 0.62f, 0.2f}, {0.5f + sh_w, 0.46f}, {0.5f - sh_w, 0.46f}});
    const Col fabric = st.back ? tint(st.c, 0.75f) : tint(st.c, 0.6f);
    d.fill(sh, grad3(shade(fabric, 0.12f), tint(fabric, 0.3f), shade(fabric, 0.15f), {0.5f - sh_w, 0}, {0.5f + sh_w, 0}));
    d.fill(d.ellipse(0.5f, 0.46f, sh_w, 0.018f), rgb(255, 246, 214));  // lit lower rim
    d.line({0.5f - sh_w * 0.62f, 0.2f}, {0.5f + sh_w * 0.62f, 0.2f}, 0.006f, shade(fabric, 0.25f));
    rim(d, sh, st, 0.003f);
}

void draw_table(Draw& d, Style& st) {
    const bool round = st.rng.coin();
    d.shadow(0.5f, 0.82f, 0.4f, 0.035f, 0.45f);
    const Col leg = shade(st.c, 0.3f);
    if (round) {
        d.fill(d.poly({{0.46f, 0.46f}, {0.54f, 0.46f}, {0.53f, 0.78f}, {0.47f, 0.78f}}), grad3(leg, tint(leg, 0.3f), leg, {0.46f, 0}, {0.54f, 0}));
        const Shape foot = d.ellipse(0.5f, 0.8f, 0.16f, 0.035f);
        d.fill(foot, grad(st.lo, st.deep, {0, 0.77f}, {0, 0.83f}));
        const Shape edge = d.ellipse(0.5f, 0.44f, 0.4f, 0.1f);
        d.fill(edge, st.lo);
        const Shape top = d.ellipse(0.5f, 0.42f, 0.4f, 0.1f);
        d.fill(top, grad(st.hi, st.c, {0.5f, 0.32f}, {0.5f, 0.52f}));
        d.fill(d.ellipse(0.42f, 0.4f, 0.16f, 0.03f), Col{1, 1, 1, 0.12f});
        rim(d, top + edge, st);
        return;
    }
    const float lx = st.back ? 0.2f : 0.12f;  // view 1: the short side
    d.line({0.5f - lx + 0.07f, 0.42f}, {0.5f - lx + 0.07f, 0.74f}, 0.022f, shade(leg, 0.2f));
    d.line({0.5f + lx - 0.07f, 0.42f}, {0.5f + lx - 0.07f, 0.74f}, 0.022f, shade(leg, 0.2f));
    const float hw = st.back ? 0.26f : 0.4f;
    const Shape top = d.poly({{0.5f - hw + 0.07f, 0.36f}, {0.5f + hw - 0.07f, 0.36f}, {0.5f + hw, 0.44f}, {0.5f - hw, 0.44f}});
    d.fill(top, grad(st.hi, st.c, {0, 0.36f}, {0, 0.44f}));
    const Shape edge = Draw::rect(0.5f - hw, 0.44f, 0.5f + hw, 0.475f);
    d.fill(edge, grad(st.lo, st.deep, {0, 0.44f}, {0, 0.475f}));
    rim(d, top + edge, st);
    for (float m : {-1.f, 1.f}) d.fill(d.poly({{0.5f + m * (hw - 0.03f), 0.47f}, {0.5f + m * (hw - 0.065f), 0.47f}, {0.5f + m * (hw - 0.06f), 0.82f}, {0.5f + m * (hw - 0.035f), 0.82f}}), grad(st.lo, st.deep, {0, 0.47f}, {0, 0.82f}));
}

void draw_bed(Draw& d, Style& st) {
    d.shadow(0.5f, 0.8f, 0.44f, 0.035f, 0.45f);
    const Col linen = st.white;
    if (st.back) {  // side view: headboard at the left, long mattress and duvet
        const Shape hb = d.rrect(0.06f, 0.3f, 0.13f, 0.8f, 0.02f);
        body(d, hb, st, {0.1f, 0.3f}, {0.1f, 0.8f});
        rim(d, hb, st);
        d.fill(d.rrect(0.3f - 0.17f, 0.49f, 0.3f, 0.56f, 0.03f), linen);  // pillow
        d.fill(d.rrect(0.13f, 0.55f, 0.93f, 0.68f, 0.02f), grad(linen, rgb(210, 210, 206), {0, 0.55f}, {0, 0.68f}));
        const Shape duvet = {d.spline({{0.28f, 0.54f}, {0.6f, 0.52f}, {0.93f, 0.54f}, {0.95f, 0.74f}, {0.6f, 0.75f}, {0.28f, 0.72f}})};
        d.fill(duvet, grad(tint(st.c, 0.45f), tint(st.c, 0.2f), {0, 0.52f}, {0, 0.75f}));
        rim(d, duvet, st, 0.003f);
        d.fill(Draw::rect(0.13f, 0.72f, 0.94f, 0.76f), st.deep);
        for (float x : {0.15f, 0.9f}) d.fill(Draw::rect(x, 0.75f, x + 0.025f, 0.81f), st.ink);
        return;
    }
    // headboard in the main colour
    const Shape head = st.rng.coin() ? d.rrect(0.1f, 0.22f, 0.9f, 0.62f, 0.05f) : Shape{d.spline({{0.1f, 0.62f}, {0.1f, 0.3f}, {0.5f, 0.2f}, {0.9f, 0.3f}, {0.9f, 0.62f}})};
    body(d, head, st, {0.5f, 0.2f}, {0.5f, 0.62f});
    d.clip(head);
    for (float x = 0.18f; x < 0.85f; x += 0.08f) d.line({x, 0.2f}, {x, 0.62f}, 0.004f, alpha(st.deep, 0.3f));  // tufting
    d.unclip();
    rim(d, head, st);
    // pillows, mattress, duvet
    for (float x : {0.3f, 0.7f}) {
        const Shape pl = d.rrect(x - 0.14f, 0.4f, x + 0.14f, 0.52f, 0.05f);
        d.fill(pl, grad(linen, rgb(214, 214, 210), {0, 0.4f}, {0, 0.52f}));
        rim(d, pl, st, 0.0025f);
    }
    d.fill(d.rrect(0.08f, 0.5f, 0.92f, 0.74f, 0.02f), grad(linen, rgb(210, 210, 206), {0, 0.5f}, {0, 0.74f}));
    const Col duv = st.rng.coin() ? st.trim : tint(st.c, 0.45f);
    const Shape duvet = {d.spline({{0.07f, 0.56f}, {0.5f, 0.53f}, {0.93f, 0.56f}, {0.94f, 0.76f}, {0.5f, 0.78f}, {0.06f, 0.76f}})};
    d.fill(duvet, grad(tint(duv, 0.1f), shade(duv, 0.15f), {0, 0.53f}, {0, 0.78f}));
    d.stroke(d.spline({{0.08f, 0.6f}, {0.5f, 0.575f}, {0.92f, 0.6f}}, false), 0.02f, tint(duv, 0.35f));  // fold
    rim(d, duvet, st, 0.003f);
    d.fill(Draw::rect(0.1f, 0.76f, 0.9f, 0.79f), st.deep);  // frame rail
    for (float x : {0.12f, 0.86f}) d.fill(Draw::rect(x, 0.78f, x + 0.02f, 0.82f), st.ink);
}

void draw_cookware(Draw& d, Style& st) {
    const bool pan = st.rng.pick(3) == 0;
    d.shadow(0.5f, 0.8f, 0.36f, 0.035f, 0.5f);
    if (pan) {  // frying pan seen from above-front
        d.fill(d.rrect(0.66f, 0.52f, 0.95f, 0.57f, 0.02f), st.ink);
        const Shape outer = d.ellipse(0.42f, 0.6f, 0.3f, 0.15f);
        d.fill(outer, grad(st.hi, st.deep, {0, 0.45f}, {0, 0.75f}));
        const Shape inner = d.ellipse(0.42f, 0.59f, 0.265f, 0.125f);
        d.fill(inner, grad(rgb(70, 70, 74), rgb(36, 36, 40), {0, 0.46f}, {0, 0.71f}));
        d.fill(d.ellipse(0.36f, 0.56f, 0.1f, 0.035f), Col{1, 1, 1, 0.08f});
        rim(d, outer, st);
        return;
    }
    if (st.back) {  // pot without lid, looking in
        for (float m : {-1.f, 1.f}) d.fill(d.rrect(0.5f + m * 0.3f - 0.05f, 0.45f, 0.5f + m * 0.3f + 0.05f, 0.5f, 0.02f), st.ink);
        const Shape potb = d.rrect(0.24f, 0.45f, 0.76f, 0.8f, 0.05f);
        d.fill(potb, grad3(st.lo, st.hi, st.deep, {0.24f, 0}, {0.76f, 0}));
        rim(d, potb, st);
        d.fill(d.ellipse(0.5f, 0.45f, 0.26f, 0.09f), st.metal);
        d.fill(d.ellipse(0.5f, 0.455f, 0.245f, 0.078f), grad(rgb(90, 92, 96), rgb(200, 202, 206), {0, 0.38f}, {0, 0.53f}));
        return;
    }
    // pot with lid and two handles
    for (float m : {-1.f, 1.f}) d.fill(d.rrect(0.5f + m * 0.3f - 0.05f, 0.45f, 0.5f + m * 0.3f + 0.05f, 0.5f, 0.02f), st.ink);
    const Shape potb = d.rrect(0.24f, 0.42f, 0.76f, 0.8f, 0.05f);
    d.fill(potb, grad3(st.lo, st.hi, st.deep, {0.24f, 0}, {0.76f, 0}));
    d.fill(d.ellipse(0.4f, 0.6f, 0.03f, 0.14f), Col{1, 1, 1, 0.14f});
    rim(d, potb, st);
    // lid: rim, dome, knob
    const Shape lid = d.ellipse(0.5f, 0.42f, 0.275f, 0.05f);
    d.fill(lid, st.metal);
    const Shape dome = {d.spline({{0.24f, 0.42f}, {0.35f, 0.37f}, {0.5f, 0.355f}, {0.65f, 0.37f}, {0.76f, 0.42f}, {0.5f, 0.44f}})};
    d.fill(dome, grad(tint(st.c, 0.3f), st.c, {0, 0.35f}, {0, 0.44f}));
    d.fill(d.rrect(0.46f, 0.31f, 0.54f, 0.36f, 0.015f), st.ink);
    rim(d, dome, st, 0.003f);
}

void draw_towel(Draw& d, Style& st) {
    d.shadow(0.5f, 0.82f, 0.34f, 0.03f, 0.45f);
    const int n = 3;
    const bool stripe = st.rng.coin();
    if (st.back) {  // one towel hanging on a rail
        d.line({0.15f, 0.2f}, {0.85f, 0.2f}, 0.025f, st.metal);
        const Shape t = d.poly({{0.27f, 0.2f}, {0.73f, 0.2f}, {0.72f, 0.8f}, {0.28f, 0.8f}});
        body(d, t, st, {0.5f, 0.2f}, {0.5f, 0.8f});
        d.fill(Draw::rect(0.28f, 0.7f, 0.72f, 0.74f), st.trim);
        rim(d, t, st);
        return;
    }
    for (int i = n - 1; i >= 0; --i) {  // folded stack, bottom first
        const float y = 0.34f + i * 0.15f, w = 0.33f - i * 0.01f * (i % 2);
        const Col c = (i % 2) ? tint(st.c, 0.15f) : st.c;
        const Shape t = d.rrect(0.5f - w, y, 0.5f + w, y + 0.15f, 0.06f);
        d.fill(t, grad3(tint(c, 0.18f), c, shade(c, 0.25f), {0, y}, {0, y + 0.15f}));
        d.clip(t);
        for (float x = 0.5f - w; x < 0.5f + w; x += 0.012f) d.line({x, y}, {x, y + 0.15f}, 0.002f, alpha(shade(c, 0.3f), 0.18f));  // terry pile
        if (stripe) d.fill(Draw::rect(0.5f + w - 0.1f, y, 0.5f + w - 0.07f, y + 0.16f), st.trim);
        d.unclip();
        rim(d, t, st);
    }
    d.fill(d.rrect(0.2f, 0.23f, 0.8f, 0.35f, 0.05f), grad(tint(st.c, 0.25f), st.c, {0, 0.23f}, {0, 0.35f}));  // top towel
    rim(d, d.rrect(0.2f, 0.23f, 0.8f, 0.35f, 0.05f), st);
}

}  // namespace central_api::drawing
