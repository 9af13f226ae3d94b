// Product pictures of the demo retailer, one family per file. Baby and toys: stroller, toy
// (the bodysuit is drawn with the garments, the stroller's wheels are product_drawing's).
#include "central_api/demo/product_drawing.hpp"

namespace central_api::drawing {

void draw_stroller(Draw& d, Style& st) {
    d.shadow(0.5f, 0.86f, 0.36f, 0.03f, 0.45f);
    const Col fr = rgb(60, 62, 66);
    // chassis
    d.stroke({{0.27f, 0.78f}, {0.42f, 0.6f}, {0.7f, 0.78f}}, 0.014f, fr);
    d.stroke({{0.56f, 0.62f}, {0.78f, 0.28f}, {0.84f, 0.26f}}, 0.014f, fr);
    d.line({0.79f, 0.25f}, {0.86f, 0.27f}, 0.026f, st.ink);  // grip
    wheel(d, st, 0.27f, 0.78f, 0.08f, 10, st.ink, st.metal);
    wheel(d, st, 0.7f, 0.79f, 0.07f, 10, st.ink, st.metal);
    // bassinet and hood
    const Shape bas = {d.spline({{0.16f, 0.44f}, {0.68f, 0.44f}, {0.66f, 0.56f}, {0.56f, 0.64f}, {0.3f, 0.64f}, {0.19f, 0.57f}})};
    body(d, bas, st, {0.4f, 0.44f}, {0.4f, 0.64f});
    rim(d, bas, st);
    const Shape hood = {d.spline({{0.16f, 0.45f}, {0.18f, 0.3f}, {0.3f, 0.2f}, {0.46f, 0.19f}, {0.5f, 0.45f}})};
    body(d, hood, st, {0.3f, 0.2f}, {0.3f, 0.45f});
    d.clip(hood);
    for (float a : {0.25f, 0.55f}) d.stroke(d.spline({{0.16f + a * 0.1f, 0.45f}, {0.2f + a * 0.15f, 0.3f}, {0.38f + a * 0.1f, 0.19f}}, false), 0.005f, alpha(st.deep, 0.6f));
    d.unclip();
    rim(d, hood, st);
    d.line({0.2f, 0.46f}, {0.66f, 0.46f}, 0.012f, st.trim);  // bumper trim
}

void draw_toy(Draw& d, Style& st) {
    const float hs = st.rng.uni(0.13f, 0.15f);
    d.shadow(0.5f, 0.85f, 0.25f, 0.03f, 0.45f);
    const Col muzzle = tint(st.c, 0.5f), nose = rgb(40, 30, 28);
    // legs, body, arms
    const Shape legs = d.ellipse(0.39f, 0.77f, 0.08f, 0.07f) + d.ellipse(0.61f, 0.77f, 0.08f, 0.07f);
    const Shape torso = d.ellipse(0.5f, 0.62f, 0.16f, 0.18f);
    const Shape arms = d.ellipse(0.33f, 0.58f, 0.055f, 0.1f, 30) + d.ellipse(0.67f, 0.58f, 0.055f, 0.1f, -30);
    d.fill(torso, grad(st.hi, st.lo, {0.5f, 0.44f}, {0.5f, 0.8f}));
    rim(d, torso, st);
    d.fill(legs, grad(st.c, st.lo, {0, 0.7f}, {0, 0.84f}));
    rim(d, legs, st);
    if (!st.back) d.fill(d.ellipse(0.39f, 0.78f, 0.045f, 0.045f) + d.ellipse(0.61f, 0.78f, 0.045f, 0.045f), muzzle);  // paw pads
    d.fill(arms, grad(st.c, st.lo, {0, 0.5f}, {0, 0.68f}));
    rim(d, arms, st);
    if (!st.back) d.fill(d.ellipse(0.5f, 0.64f, 0.09f, 0.11f), alpha(muzzle, 0.7f));  // tummy
    else d.fill(d.circle(0.5f, 0.76f, 0.03f), st.hi);                               // tail
    // head with ears
    const float hy = 0.33f;
    const Shape ears = d.circle(0.5f - hs * 0.8f, hy - hs * 0.75f, hs * 0.4f) + d.circle(0.5f + hs * 0.8f, hy - hs * 0.75f, hs * 0.4f);
    d.fill(ears, st.c);
    rim(d, ears, st);
    if (!st.back) d.fill(d.circle(0.5f - hs * 0.8f, hy - hs * 0.75f, hs * 0.22f) + d.circle(0.5f + hs * 0.8f, hy - hs * 0.75f, hs * 0.22f), muzzle);
    const Shape head = d.ellipse(0.5f, hy, hs * 1.15f, hs);
    d.fill(head, grad(st.hi, st.lo, {0.45f, hy - hs}, {0.5f, hy + hs}));
    rim(d, head, st);
    if (!st.back) {
        d.fill(d.ellipse(0.5f, hy + hs * 0.35f, hs * 0.45f, hs * 0.35f), muzzle);
        d.fill(d.ellipse(0.5f, hy + hs * 0.22f, hs * 0.16f, hs * 0.11f), nose);
        d.fill(d.circle(0.5f - hs * 0.42f, hy - hs * 0.15f, hs * 0.1f) + d.circle(0.5f + hs * 0.42f, hy - hs * 0.15f, hs * 0.1f), nose);
        d.fill(d.circle(0.5f - hs * 0.39f, hy - hs * 0.19f, hs * 0.03f) + d.circle(0.5f + hs * 0.45f, hy - hs * 0.19f, hs * 0.03f), st.white);
        d.stroke(d.spline({{0.5f - hs * 0.15f, hy + hs * 0.45f}, {0.5f, hy + hs * 0.52f}, {0.5f + hs * 0.15f, hy + hs * 0.45f}}, false), 0.004f, nose);
        if (st.rng.coin()) {  // bow tie
            d.fill(d.poly({{0.5f, 0.47f}, {0.44f, 0.44f}, {0.44f, 0.5f}}) + d.poly({{0.5f, 0.47f}, {0.56f, 0.44f}, {0.56f, 0.5f}}), st.trim);
            d.fill(d.circle(0.5f, 0.47f, 0.013f), shade(st.trim, 0.15f));
        }
    }
}

}  // namespace central_api::drawing
