// The per-picture style and the parts several product families draw (product_drawing.hpp).
#include "central_api/demo/product_drawing.hpp"

namespace central_api::drawing {

Style make_style(Col c, std::uint64_t seed, bool back) {
    Style st;
    st.c = c;
    st.hi = tint(c, 0.22f);
    st.lo = shade(c, 0.22f);
    st.deep = shade(c, 0.45f);
    st.light = luma(c) > 0.78f;
    st.line = st.light ? shade(c, 0.28f) : shade(c, 0.38f);
    st.rng = SplitMix{seed * 0x2545F4914F6CDD1Dull + 0x1234567ull};
    st.rng.next();
    const Col trims[] = {rgb(245, 245, 242), rgb(34, 34, 38), rgb(120, 124, 130), rgb(232, 222, 200), rgb(30, 42, 74)};
    Col t = trims[st.rng.pick(5)];
    if (std::fabs(luma(t) - luma(c)) < 0.25f) t = luma(c) > 0.5f ? rgb(34, 34, 38) : rgb(245, 245, 242);
    st.trim = t;
    st.back = back;
    return st;
}

void body(Draw& d, const Shape& s, const Style& st, P top, P bottom) {
    d.fill(s, grad(st.hi, st.lo, top, bottom));
}

void rim(Draw& d, const Shape& s, const Style& st, float wd) {
    d.fill(d.outline(s, wd), alpha(st.line, st.light ? 0.9f : 0.55f));
}

void volume(Draw& d, const Shape& s, float x0, float x1, float y0, float y1, float k) {
    d.clip(s);
    d.fill(Draw::rect(x0, y0, x1, y1), grad3({0, 0, 0, k}, {1, 1, 1, 0.06f}, {0, 0, 0, k}, {x0, 0}, {x1, 0}));
    d.unclip();
}

void wheel(Draw& d, const Style& st, float cx, float cy, float r, int spokes, Col tyre, Col rim_col) {
    d.fill(d.ring(cx, cy, r, r - r * 0.13f), tyre);
    d.fill(d.ring(cx, cy, r - r * 0.12f, r - r * 0.2f), rim_col);
    for (int i = 0; i < spokes; ++i) {
        const float a = 2 * kPi * i / spokes + 0.1f;
        d.line({cx + std::cos(a) * r * 0.05f, cy + std::sin(a) * r * 0.05f}, {cx + std::cos(a + 0.3f) * r * 0.82f, cy + std::sin(a + 0.3f) * r * 0.82f},
               std::max(0.0022f, r * 0.012f), alpha(st.metal, 0.95f));
    }
    d.fill(d.circle(cx, cy, r * 0.08f), shade(st.metal, 0.2f));
}

}  // namespace central_api::drawing
