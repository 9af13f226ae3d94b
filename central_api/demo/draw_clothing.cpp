// Product pictures of the demo retailer, one family per file. Garments: tops, trousers, jeans,
// shorts, skirts, dresses and the baby bodysuit (front view; the back view drops front details).
#include "central_api/demo/product_drawing.hpp"

namespace central_api::drawing {

namespace {

// Long-sleeved top outline (left half, mirrored). cuff_y: sleeve end, hem: bottom of body.
Shape long_top(float hem, float flare, float cuff_y) {
    const Poly half = {{0.5f, 0.19f}, {0.41f, 0.165f}, {0.3f, 0.195f}, {0.25f, 0.24f}, {0.21f, 0.4f},
                       {0.15f - flare, cuff_y}, {0.235f - flare, cuff_y + 0.012f}, {0.275f, 0.45f},
                       {0.295f, 0.36f}, {0.3f, hem}, {0.5f, hem + 0.006f}};
    return {Draw::sym(half)};
}

// Crew neckline rib with the inside of the back neck visible on the front.
void crew_neck(Draw& d, const Style& st, Col band, float hw = 0.09f, float y = 0.168f) {
    Poly neck = {{0.5f - hw, y}};
    d.quad(neck, {0.5f, y + (st.back ? 0.032f : 0.092f)}, {0.5f + hw, y});
    if (!st.back) {
        Poly inner = neck;
        d.quad(inner, {0.5f, y + 0.032f}, {0.5f - hw, y});
        d.fill({inner}, st.deep);
    }
    d.stroke(neck, 0.02f, band);
    d.stroke(neck, 0.0025f, alpha(st.line, 0.5f));
}

// Ribbed band between y0 and y1 over [x0, x1] (hems, cuffs).
void rib(Draw& d, const Style& st, float x0, float y0, float x1, float y1, Col c) {
    d.fill(Draw::rect(x0, y0, x1, y1), c);
    for (float x = x0 + 0.008f; x < x1 - 0.004f; x += 0.012f) d.line({x, y0 + 0.004f}, {x, y1 - 0.004f}, 0.0025f, alpha(st.deep, 0.35f));
    d.line({x0, y0}, {x1, y0}, 0.003f, alpha(st.line, 0.6f));
}

// Sleeve cuff band: a quad across the sleeve end.
void cuff(Draw& d, const Style& st, float flare, float cuff_y, float depth, Col c, bool ribbed) {
    for (int side = 0; side < 2; ++side) {
        const P a{0.15f - flare, cuff_y}, b{0.235f - flare, cuff_y + 0.012f};
        const P a2 = a + P{0.008f, -depth}, b2 = b + P{0.004f, -depth};
        Shape s = {{a2, b2, b, a}};
        if (side) s = Draw::mirror(s);
        d.fill(s, c);
        if (ribbed)
            for (int i = 1; i < 7; ++i) {
                Shape l = d.line(lerp(a2, b2, i / 7.f), lerp(a, b, i / 7.f), 0.0025f);
                if (side) l = Draw::mirror(l);
                d.fill(l, alpha(st.deep, 0.35f));
            }
        Shape e = d.line(a2, b2, 0.003f);
        if (side) e = Draw::mirror(e);
        d.fill(e, alpha(st.line, 0.6f));
    }
}

}  // namespace

void draw_tshirt(Draw& d, Style& st) {
    const float sl = st.rng.uni(-0.015f, 0.015f), len = st.rng.uni(0.83f, 0.86f);
    d.shadow(0.5f, len + 0.01f, 0.3f, 0.03f, 0.35f);
    const P ca{0.13f + sl, 0.36f}, cb{0.21f + sl, 0.44f};
    const Poly half = {{0.5f, 0.19f}, {0.41f, 0.165f}, {0.29f, 0.2f}, ca, cb, {0.29f, 0.37f}, {0.295f, len - 0.02f}, {0.3f, len}, {0.5f, len + 0.006f}};
    const Shape s = {Draw::sym(half)};
    body(d, s, st);
    volume(d, s, 0.13f, 0.87f, 0.1f, 0.9f, 0.22f);
    const P n{0.021f, -0.021f};
    const Shape hems = d.line(ca + n, cb + n, 0.003f) + d.line({0.305f, len - 0.025f}, {0.5f, len - 0.02f}, 0.003f);
    d.fill(hems + Draw::mirror(hems), alpha(st.line, 0.5f));
    const Shape folds = d.line({0.295f, 0.37f}, {0.32f, 0.43f}, 0.006f);
    d.fill(folds + Draw::mirror(folds), alpha(st.deep, 0.2f));
    crew_neck(d, st, shade(st.c, 0.06f));
    if (!st.back) {
        const int deco = st.rng.pick(3);
        if (deco == 1) d.fill(d.rrect(0.6f, 0.3f, 0.655f, 0.36f, 0.006f), alpha(st.trim, 0.9f));      // chest logo
        else if (deco == 2) d.fill(Draw::rect(0.297f, 0.5f, 0.703f, 0.535f), alpha(st.trim, 0.85f));  // chest stripe
    }
    rim(d, s, st);
}

void draw_shirt(Draw& d, Style& st) {
    const float fl = st.rng.uni(0, 0.02f);
    d.shadow(0.5f, 0.86f, 0.3f, 0.03f, 0.35f);
    const Shape s = long_top(0.84f, fl, 0.74f);
    body(d, s, st);
    volume(d, s, 0.12f, 0.88f, 0.1f, 0.9f, 0.2f);
    cuff(d, st, fl, 0.74f, 0.05f, shade(st.c, 0.05f), false);
    const Shape seams = d.line({0.25f, 0.24f}, {0.295f, 0.36f}, 0.003f);
    d.fill(seams + Draw::mirror(seams), alpha(st.line, 0.45f));
    if (st.back) {
        Poly yoke = {{0.29f, 0.25f}};
        d.quad(yoke, {0.5f, 0.27f}, {0.71f, 0.25f});
        d.stroke(yoke, 0.003f, alpha(st.line, 0.6f));
        d.line({0.5f, 0.265f}, {0.5f, 0.32f}, 0.004f, alpha(st.deep, 0.35f));  // box pleat
    } else {
        d.fill(Draw::rect(0.485f, 0.22f, 0.515f, 0.846f), shade(st.c, 0.04f));  // placket
        d.line({0.485f, 0.22f}, {0.485f, 0.846f}, 0.0025f, alpha(st.line, 0.6f));
        d.line({0.515f, 0.22f}, {0.515f, 0.846f}, 0.0025f, alpha(st.line, 0.6f));
        const Col btn = st.rng.coin() ? st.white : tint(st.c, 0.35f);
        for (float y = 0.27f; y < 0.83f; y += 0.085f) {
            d.fill(d.circle(0.5f, y, 0.009f), btn);
            d.fill(d.circle(0.5f, y, 0.009f), grad({0, 0, 0, 0}, {0, 0, 0, 0.25f}, {0.5f, y - 0.01f}, {0.5f, y + 0.01f}));
        }
        if (st.rng.coin()) {  // chest pocket
            const Shape pk = d.poly({{0.35f, 0.34f}, {0.44f, 0.34f}, {0.44f, 0.43f}, {0.395f, 0.445f}, {0.35f, 0.43f}});
            d.fill(pk, alpha(st.hi, 0.35f));
            rim(d, pk, st, 0.0025f);
        }
    }
    // collar: band plus two points
    Poly band = {{0.4f, 0.16f}};
    d.quad(band, {0.5f, 0.205f}, {0.6f, 0.16f});
    d.stroke(band, 0.024f, st.c);
    if (!st.back) {
        const Shape lc = d.poly({{0.4f, 0.16f}, {0.5f, 0.22f}, {0.445f, 0.285f}, {0.385f, 0.2f}});
        d.fill(lc + Draw::mirror(lc), grad(st.hi, st.c, {0.5f, 0.16f}, {0.5f, 0.28f}));
        d.fill(d.outline(lc + Draw::mirror(lc), 0.003f), alpha(st.line, 0.7f));
    } else {
        d.stroke(band, 0.003f, alpha(st.line, 0.6f));
    }
    rim(d, s, st);
}

void draw_jumper(Draw& d, Style& st) {
    const float fl = st.rng.uni(0, 0.02f);
    d.shadow(0.5f, 0.86f, 0.3f, 0.03f, 0.35f);
    const Shape s = long_top(0.84f, fl, 0.75f);
    body(d, s, st);
    volume(d, s, 0.12f, 0.88f, 0.1f, 0.9f, 0.24f);
    const int pat = st.rng.pick(3);
    if (!st.back && pat == 0) {  // chest stripes
        d.clip(s);
        for (int i = 0; i < 2; ++i) d.fill(Draw::rect(0, 0.42f + i * 0.06f, 1, 0.45f + i * 0.06f), st.trim);
        d.unclip();
    } else if (!st.back && pat == 1) {  // cable knit
        for (float x : {0.37f, 0.5f, 0.63f}) {
            Poly a, b;
            for (float y = 0.27f; y < 0.79f; y += 0.01f) {
                a.push_back({x + 0.018f * std::sin(y * 60), y});
                b.push_back({x - 0.018f * std::sin(y * 60), y});
            }
            d.stroke(a, 0.007f, alpha(st.deep, 0.35f));
            d.stroke(b, 0.007f, alpha(st.hi, 0.5f));
        }
    }
    rib(d, st, 0.3f, 0.79f, 0.7f, 0.846f, shade(st.c, 0.08f));
    cuff(d, st, fl, 0.75f, 0.055f, shade(st.c, 0.08f), true);
    crew_neck(d, st, shade(st.c, 0.08f));
    rim(d, s, st);
}

void draw_jacket(Draw& d, Style& st) {
    const float fl = st.rng.uni(0, 0.02f);
    const bool quilted = st.rng.coin(), hood = st.rng.coin();
    d.shadow(0.5f, 0.86f, 0.31f, 0.03f, 0.4f);
    const Shape s = long_top(0.83f, fl + 0.01f, 0.74f);
    if (hood) {
        const Shape hd = {d.spline({{0.38f, 0.2f}, {0.39f, 0.1f}, {0.5f, 0.06f}, {0.61f, 0.1f}, {0.62f, 0.2f}, {0.5f, 0.23f}})};
        d.fill(hd, grad(st.lo, st.deep, {0.5f, 0.06f}, {0.5f, 0.22f}));
        rim(d, hd, st);
    }
    body(d, s, st);
    volume(d, s, 0.12f, 0.88f, 0.1f, 0.9f, 0.26f);
    if (quilted) {
        d.clip(s);
        for (float y = 0.27f; y < 0.82f; y += 0.075f) {
            Poly q = {{0.1f, y}};
            d.quad(q, {0.5f, y + 0.02f}, {0.9f, y});
            d.stroke(q, 0.004f, alpha(st.deep, 0.55f));
            Poly h = q;
            for (P& p : h) p.y += 0.012f;
            d.stroke(h, 0.012f, alpha(st.hi, 0.18f));
        }
        d.unclip();
    }
    cuff(d, st, fl + 0.01f, 0.74f, 0.04f, st.deep, true);
    d.fill(Draw::rect(0.3f, 0.8f, 0.7f, 0.836f), st.lo);
    if (!st.back) {
        d.line({0.5f, 0.17f}, {0.5f, 0.836f}, 0.008f, st.metal);  // zip
        d.line({0.5f, 0.17f}, {0.5f, 0.836f}, 0.003f, shade(st.metal, 0.3f));
        d.fill(d.rrect(0.49f, 0.3f, 0.51f, 0.35f, 0.005f), st.metal);  // zip puller
        const Shape pocket = d.line({0.35f, 0.6f}, {0.4f, 0.7f}, 0.006f);
        d.fill(pocket + Draw::mirror(pocket), st.deep);
    }
    // stand collar
    const Shape col = d.poly({{0.4f, 0.15f}, {0.6f, 0.15f}, {0.6f, 0.21f}, {0.5f, 0.235f}, {0.4f, 0.21f}});
    d.fill(col, grad(st.lo, st.c, {0.5f, 0.15f}, {0.5f, 0.23f}));
    d.fill(d.poly({{0.41f, 0.15f}, {0.59f, 0.15f}, {0.5f, 0.17f}}), st.ink);
    rim(d, col, st);
    if (!st.back) d.line({0.5f, 0.16f}, {0.5f, 0.23f}, 0.006f, st.metal);
    rim(d, s, st);
}

namespace {

// Trousers-like legs: waist at y 0.14, hem at `hem`, crotch at `crotch`, leg width at hem.
Shape legs(float hem, float crotch, float outer_hem, float inner_hem) {
    const Poly half = {{0.5f, 0.14f}, {0.315f, 0.14f}, {0.3f, 0.3f}, {outer_hem, hem}, {inner_hem, hem + 0.004f}, {0.5f, crotch}};
    Poly p = Draw::sym(half);
    return {p};
}

void waistband(Draw& d, const Style& st, Col c, bool loops) {
    d.fill(Draw::rect(0.315f, 0.14f, 0.685f, 0.185f), c);
    d.line({0.315f, 0.185f}, {0.685f, 0.185f}, 0.003f, alpha(st.line, 0.7f));
    if (loops)
        for (float x : {0.35f, 0.44f, 0.56f, 0.65f}) d.fill(Draw::rect(x - 0.006f, 0.135f, x + 0.006f, 0.195f), shade(c, 0.1f));
}

void trousers_common(Draw& d, Style& st, bool jeans, float hem) {
    const float flare = st.rng.uni(-0.015f, 0.01f);
    d.shadow(0.5f, hem + 0.01f, 0.24f, 0.025f, 0.35f);
    const bool shorts = hem < 0.7f;
    const Shape s = shorts ? legs(hem, 0.38f, 0.275f + flare, 0.485f)
                           : jeans ? legs(hem, 0.35f, 0.325f, 0.465f) : legs(hem, 0.36f, 0.3f + flare, 0.455f);
    body(d, s, st, {0.5f, 0.14f}, {0.5f, hem});
    d.clip(s);
    d.fill(Draw::rect(0.25f, 0.1f, 0.75f, 0.95f), grad3({0, 0, 0, 0.2f}, {0, 0, 0, 0}, {0, 0, 0, 0.2f}, {0.28f, 0}, {0.5f, 0}));
    d.fill(Draw::rect(0.5f, 0.1f, 0.75f, 0.95f), grad3({0, 0, 0, 0.2f}, {1, 1, 1, 0.05f}, {0, 0, 0, 0.22f}, {0.5f, 0}, {0.72f, 0}));
    d.unclip();
    const Col stitch = jeans ? rgb(214, 160, 70) : alpha(st.line, 0.6f);
    const Col wb = jeans ? st.c : shade(st.c, 0.05f);
    waistband(d, st, wb, true);
    if (!st.back) {
        Poly fly = {{0.5f, 0.19f}, {0.535f, 0.19f}, {0.535f, 0.3f}};
        d.quad(fly, {0.535f, 0.33f}, {0.5f, 0.345f});
        d.stroke(fly, 0.003f, stitch);
        if (jeans) {
            const Shape pk = {d.spline({{0.325f, 0.19f}, {0.36f, 0.25f}, {0.43f, 0.19f}}, false)};
            d.fill(d.polyline(pk[0], 0.004f) + Draw::mirror(d.polyline(pk[0], 0.004f)), stitch);
            d.fill(d.circle(0.43f, 0.195f, 0.006f) + d.circle(0.57f, 0.195f, 0.006f), rgb(190, 150, 90));
            d.fill(d.circle(0.5f, 0.162f, 0.011f), st.metal);  // button
        } else {
            const Shape pk = d.line({0.335f, 0.19f}, {0.305f, 0.28f}, 0.003f);
            d.fill(pk + Draw::mirror(pk), stitch);
            d.fill(d.circle(0.5f, 0.162f, 0.008f), st.deep);
        }
    } else {
        const float py = 0.23f;
        const Shape pk = d.poly({{0.34f, py}, {0.46f, py}, {0.455f, py + 0.11f}, {0.4f, py + 0.135f}, {0.345f, py + 0.11f}});
        const Shape both = pk + Draw::mirror(pk);
        d.fill(both, alpha(st.hi, 0.3f));
        d.fill(d.outline(both, 0.003f), stitch);
        if (jeans) d.fill(d.rrect(0.55f, 0.145f, 0.63f, 0.18f, 0.004f), rgb(150, 100, 60));  // leather patch
    }
    if (!shorts && !jeans) {
        const Shape crease = d.line({0.38f, 0.2f}, {0.375f, hem - 0.02f}, 0.004f);
        d.fill(crease + Draw::mirror(crease), alpha(st.hi, 0.25f));
    }
    const Shape side = d.line({0.312f, 0.2f}, {0.326f, hem - 0.05f}, 0.003f);
    if (jeans) d.fill(side + Draw::mirror(side), alpha(stitch, 0.6f));
    if (shorts) {  // turned-up hems
        const Shape cf = d.poly({{0.272f + flare, hem - 0.045f}, {0.487f, hem - 0.04f}, {0.485f, hem + 0.004f}, {0.275f + flare, hem}});
        d.fill(cf + Draw::mirror(cf), alpha(st.lo, 0.7f));
        d.fill(d.outline(cf + Draw::mirror(cf), 0.003f), alpha(st.line, 0.6f));
    } else if (jeans) {  // rolled cuffs show the lighter inside of the denim
        const Shape cf = Draw::rect(0.323f, hem - 0.05f, 0.467f, hem + 0.004f);
        d.fill(cf + Draw::mirror(cf), tint(st.c, 0.35f));
        d.fill(d.outline(cf + Draw::mirror(cf), 0.003f), alpha(st.line, 0.6f));
    }
    rim(d, s, st);
}

}  // namespace

void draw_trousers(Draw& d, Style& st) { trousers_common(d, st, false, 0.88f); }

void draw_jeans(Draw& d, Style& st) { trousers_common(d, st, true, 0.88f); }

void draw_shorts(Draw& d, Style& st) { trousers_common(d, st, st.rng.coin(), 0.6f); }

void draw_skirt(Draw& d, Style& st) {
    const float w = st.rng.uni(0.26f, 0.31f), hem = st.rng.uni(0.74f, 0.8f);
    const bool pleats = st.rng.coin();
    d.shadow(0.5f, hem + 0.02f, w + 0.02f, 0.03f, 0.35f);
    Poly p = {{0.35f, 0.2f}, {0.65f, 0.2f}, {0.5f + w, hem}};
    d.quad(p, {0.5f, hem + 0.06f}, {0.5f - w, hem});
    const Shape s = {p};
    body(d, s, st, {0.5f, 0.2f}, {0.5f, hem});
    d.clip(s);
    const int n = pleats ? 9 : 4;
    for (int i = 1; i < n; ++i) {
        const float t = static_cast<float>(i) / n, xt = 0.35f + 0.3f * t, xb = 0.5f - w + 2 * w * t;
        d.line({xt, 0.24f}, {xb, hem + 0.05f}, pleats ? 0.004f : 0.012f, alpha(st.deep, pleats ? 0.4f : 0.12f));
        if (pleats) d.fill(d.poly({{xt, 0.24f}, {xt + 0.012f, 0.24f}, {xb + 0.03f, hem + 0.05f}, {xb, hem + 0.05f}}), alpha(st.hi, 0.25f));
    }
    d.unclip();
    d.fill(Draw::rect(0.345f, 0.18f, 0.655f, 0.225f), shade(st.c, 0.07f));
    d.line({0.345f, 0.225f}, {0.655f, 0.225f}, 0.003f, alpha(st.line, 0.6f));
    if (!st.back) d.fill(d.circle(0.6f, 0.2f, 0.009f), st.trim);
    else {  // back yoke, invisible zip and back darts
        d.clip(s);
        Poly yk = {{0.3f, 0.225f}, {0.7f, 0.225f}, {0.7f, 0.29f}};
        d.quad(yk, {0.5f, 0.34f}, {0.3f, 0.29f});
        d.fill({yk}, st.lo);
        d.unclip();
        d.line({0.5f, 0.18f}, {0.5f, 0.45f}, 0.005f, st.deep);
        d.fill(d.rrect(0.492f, 0.225f, 0.508f, 0.26f, 0.004f), st.metal);
        const Shape dart = d.line({0.41f, 0.225f}, {0.415f, 0.33f}, 0.004f);
        d.fill(dart + Draw::mirror(dart), alpha(st.deep, 0.6f));
    }
    rim(d, s + Draw::rect(0.345f, 0.18f, 0.655f, 0.225f), st);
}

void draw_dress(Draw& d, Style& st) {
    const float w = st.rng.uni(0.27f, 0.32f);
    const bool belt = st.rng.coin(), sleeves = st.rng.coin();
    d.shadow(0.5f, 0.9f, w, 0.03f, 0.35f);
    Poly half = {{0.5f, 0.2f}, {0.43f, 0.14f}, {0.4f, 0.14f}};
    if (sleeves) half.insert(half.end(), {{0.34f, 0.18f}, {0.3f, 0.27f}, {0.345f, 0.29f}});
    half.insert(half.end(), {{0.37f, 0.3f}, {0.39f, 0.43f}, {0.5f - w, 0.87f}});
    Poly p = Draw::sym(half);
    // curved hem instead of a straight bottom
    Poly shape_pts;
    for (const P& q : p) {
        shape_pts.push_back(q);
        if (std::fabs(q.x - (0.5f - w)) < 1e-5f && q.y > 0.8f) d.quad(shape_pts, {0.5f, 0.93f}, {0.5f + w, 0.87f});
    }
    const Shape s = {shape_pts};
    body(d, s, st, {0.5f, 0.14f}, {0.5f, 0.9f});
    d.clip(s);
    d.fill(Draw::rect(0.1f, 0.1f, 0.9f, 0.95f), grad3({0, 0, 0, 0.22f}, {1, 1, 1, 0.05f}, {0, 0, 0, 0.22f}, {0.5f - w, 0}, {0.5f + w, 0}));
    for (int i = 1; i < 6; ++i) {
        const float t = i / 6.f;
        d.line({0.42f + 0.16f * t, 0.47f}, {0.5f - w + 2 * w * t, 0.92f}, 0.01f, alpha(st.deep, 0.16f));
    }
    d.unclip();
    if (!st.back) {  // neckline opening shows the inside
        Poly neck = {{0.43f, 0.14f}};
        d.quad(neck, {0.5f, 0.27f}, {0.57f, 0.14f});
        d.fill({neck}, st.deep);
        d.stroke(neck, 0.006f, shade(st.c, 0.05f));
    }
    if (belt) {
        d.fill(Draw::rect(0.385f, 0.41f, 0.615f, 0.45f), st.trim);
        if (!st.back) d.fill(d.ring(0.5f, 0.43f, 0.022f, 0.012f), st.metal);
    } else {
        d.line({0.39f, 0.43f}, {0.61f, 0.43f}, 0.003f, alpha(st.line, 0.6f));
    }
    rim(d, s, st);
}

void draw_bodysuit(Draw& d, Style& st) {
    d.shadow(0.5f, 0.84f, 0.22f, 0.025f, 0.35f);
    Poly half = {{0.5f, 0.23f}, {0.43f, 0.21f}, {0.33f, 0.24f}, {0.2f, 0.36f}, {0.26f, 0.43f}, {0.31f, 0.39f}, {0.315f, 0.6f}};
    d.quad(half, {0.33f, 0.72f}, {0.43f, 0.77f});
    half.insert(half.end(), {{0.432f, 0.81f}, {0.5f, 0.812f}});
    const Shape s = {Draw::sym(half)};
    body(d, s, st, {0.5f, 0.2f}, {0.5f, 0.85f});
    volume(d, s, 0.2f, 0.8f, 0.1f, 0.9f, 0.2f);
    // leg opening rib, snap tab
    Poly leg = {{0.315f, 0.6f}};
    d.quad(leg, {0.33f, 0.72f}, {0.43f, 0.77f});
    const Shape lr = d.polyline(leg, 0.012f);
    d.fill(lr + Draw::mirror(lr), st.lo);
    d.fill(Draw::rect(0.432f, 0.78f, 0.568f, 0.812f), st.lo);
    if (!st.back) for (float x : {0.46f, 0.5f, 0.54f}) d.fill(d.circle(x, 0.796f, 0.007f), st.metal);
    const Shape cf = d.line({0.2f, 0.36f}, {0.26f, 0.43f}, 0.014f);
    d.fill(cf + Draw::mirror(cf), st.lo);
    if (!st.back) {  // envelope shoulders
        const Shape ov = d.line({0.39f, 0.215f}, {0.35f, 0.27f}, 0.004f);
        d.fill(ov + Draw::mirror(ov), alpha(st.line, 0.6f));
        if (st.rng.coin()) {  // small heart print
            d.fill(d.circle(0.485f, 0.44f, 0.022f) + d.circle(0.515f, 0.44f, 0.022f) + Draw::poly({{0.465f, 0.45f}, {0.535f, 0.45f}, {0.5f, 0.5f}}), st.trim);
        }
    }
    crew_neck(d, st, st.lo, 0.07f, 0.212f);
    rim(d, s, st);
}

}  // namespace central_api::drawing
