#pragma once
// The rasteriser behind the demo retailer's product pictures: colours, a deterministic variation
// source, polygon geometry, and Draw, a small software canvas that fills shapes (sets of closed
// polygons, non-zero rule) with anti-aliased coverage, solid colours or linear gradients, an
// optional clip mask, soft shadows and a studio backdrop. Everything is drawn in a unit square
// (x right, y down) that the canvas scales to the picture and centres. encode_jpeg turns the
// canvas's pixels into a baseline JPEG (stb_image_write).
// Internal to central_api_demo (product_image.hpp is its interface). Pure: no globals, no I/O.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace central_api::drawing {

inline constexpr float kPi = 3.14159265358979f;

// ---------------------------------------------------------------------------------------------
// Colours (sRGB, 0..1, with alpha for overlays)

struct Col {
    float r = 0, g = 0, b = 0, a = 1;
};

inline Col mix(Col x, Col y, float t) {
    return {x.r + (y.r - x.r) * t, x.g + (y.g - x.g) * t, x.b + (y.b - x.b) * t, x.a + (y.a - x.a) * t};
}
inline Col rgb(int r, int g, int b) { return {r / 255.f, g / 255.f, b / 255.f, 1}; }
inline Col shade(Col c, float f) { return mix(c, {0, 0, 0, c.a}, f); }  // darker
inline Col tint(Col c, float f) { return mix(c, {1, 1, 1, c.a}, f); }   // lighter
inline Col alpha(Col c, float a) { return {c.r, c.g, c.b, a}; }
inline float luma(Col c) { return 0.299f * c.r + 0.587f * c.g + 0.114f * c.b; }

// ---------------------------------------------------------------------------------------------
// Deterministic variation source (splitmix64)

struct SplitMix {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    float uni(float lo, float hi) { return lo + (hi - lo) * static_cast<float>(next() >> 40) / 16777216.f; }
    int pick(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool coin() { return (next() & 1) != 0; }
};

// ---------------------------------------------------------------------------------------------
// Geometry: shapes are sets of closed polygons filled with the non-zero rule, so unions of
// same-orientation pieces (strokes) and holes (reversed inner rings) both work.

struct P {
    float x = 0, y = 0;
};
inline P operator+(P a, P b) { return {a.x + b.x, a.y + b.y}; }
inline P operator-(P a, P b) { return {a.x - b.x, a.y - b.y}; }
inline P operator*(P a, float k) { return {a.x * k, a.y * k}; }
inline P lerp(P a, P b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

using Poly = std::vector<P>;
using Shape = std::vector<Poly>;

inline Shape operator+(Shape a, const Shape& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// Affine map x' = a x + b y + c, y' = d x + e y + f.
struct Affine {
    float a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
    P operator()(P p) const { return {a * p.x + b * p.y + c, d * p.x + e * p.y + f}; }
    Affine then(const Affine& o) const {  // apply *this, then o
        return {o.a * a + o.b * d, o.a * b + o.b * e, o.a * c + o.b * f + o.c,
                o.d * a + o.e * d, o.d * b + o.e * e, o.d * c + o.e * f + o.f};
    }
};
inline Affine rotation(float deg, P about) {
    const float r = deg * kPi / 180.f, cs = std::cos(r), sn = std::sin(r);
    return {cs, -sn, about.x - cs * about.x + sn * about.y, sn, cs, about.y - sn * about.x - cs * about.y};
}

// Paint: solid colour or linear gradient with two or three stops (unit coordinates).
struct Paint {
    Col c0, c1, cm;
    P g0, g1;
    bool grad = false, mid = false;
};
inline Paint solid(Col c) { return {c, c, c, {}, {}, false, false}; }
inline Paint grad(Col c0, Col c1, P g0, P g1) { return {c0, c1, c0, g0, g1, true, false}; }
inline Paint grad3(Col c0, Col cm, Col c1, P g0, P g1) { return {c0, c1, cm, g0, g1, true, true}; }

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Canvas + drawing helpers

constexpr int kSub = 5;  // vertical sub-scanlines per pixel (horizontal coverage is exact)

class Draw {
public:
    Draw(int w, int h) : w_(w), h_(h), px_(static_cast<size_t>(w) * h * 3), clip_() {
        const float s = static_cast<float>(std::min(w, h));
        view_ = {s, 0, (w - s) / 2, 0, s, (h - s) / 2};
        scale_ = s;
    }

    // Extra transform of the unit space (zoom for close-ups, mirror for side views).
    void set_view(const Affine& unit_map);
    Affine local;  // per-part transform (rotations), applied before the view

    // ---- shape builders (unit coordinates) ----
    int segs(float r_unit, float frac = 1.f) const {
        const float rp = std::fabs(r_unit) * scale_;
        return std::clamp(static_cast<int>((8 + rp / 2.2f) * frac), 4, 200);
    }
    Shape ellipse(float cx, float cy, float rx, float ry, float rot_deg = 0) const;
    Shape circle(float cx, float cy, float r) const { return ellipse(cx, cy, r, r); }
    Shape ring(float cx, float cy, float ro, float ri) const;
    static Shape rect(float x0, float y0, float x1, float y1) { return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}}; }
    Shape rrect(float x0, float y0, float x1, float y1, float r) const;
    static Shape poly(std::initializer_list<P> pts) { return {Poly(pts)}; }
    // Capsule from a to b.
    Shape line(P a, P b, float wd) const { return polyline({a, b}, wd); }
    // Thick polyline: offset outline with mitred joins (bevelled past 2x) and round caps;
    // a closed polyline becomes a ring (outer and reversed inner polygon).
    Shape polyline(const Poly& in, float wd, bool closed = false) const;
    // Outline of every polygon of a shape.
    Shape outline(const Shape& sh, float wd) const;
    // Closed Catmull-Rom spline through the points.
    Poly spline(const Poly& pts, bool closed = true) const;
    // Quadratic curve points from a through control c to b (b included, a not).
    void quad(Poly& out, P c, P b) const;
    // Mirror a left half (top centre .. bottom centre) around x = cx into a symmetric polygon.
    static Poly sym(const Poly& half, float cx = 0.5f);
    static Shape mirror(const Shape& s, float cx = 0.5f);

    // ---- painting ----
    void fill(const Shape& sh, const Paint& pt);
    void fill(const Shape& sh, Col c) { fill(sh, solid(c)); }
    void stroke(const Poly& pts, float wd, Col c, bool closed = false) { fill(polyline(pts, wd, closed), c); }
    void line(P a, P b, float wd, Col c) { fill(line(a, b, wd), c); }

    // Restrict following fills to a shape (one level; clear with unclip()).
    void clip(const Shape& sh);
    void unclip() { clipping_ = false; }

    // Soft elliptical floor shadow.
    void shadow(float cx, float cy, float rx, float ry, float strength);

    // Light neutral studio backdrop: soft vertical gradient with a brighter centre.
    void backdrop();

    // The picture as RGB8 bytes, row-major.
    std::string bytes() const;

private:
    struct Edge {
        float ya, yb, x, dxdy;
        int dir;
    };
    struct Cross {
        float x;
        int dir;
    };

    P map(P p) const { return view_(local(p)); }

    // Scan-converts a shape and hands each pixel row's coverage to sink(y, x0, n, cov).
    template <class Sink>
    void scan(const Shape& sh, Sink&& sink);

    int w_, h_;
    std::vector<float> px_, clip_;
    bool clipping_ = false;
    int cy0_ = 0, cy1_ = -1;  // rows of clip_ that may be non-zero
    Affine view_;
    float scale_ = 1;
    // scratch buffers for scan()
    std::vector<Edge> edges_;
    std::vector<size_t> active_;
    std::vector<Cross> cross_;
    std::vector<float> cov_, acc_;
};

// Encodes w x h RGB8 pixels (row-major) as a baseline JPEG; quality is clamped to 1..100.
std::string encode_jpeg(const std::string& rgb, int w, int h, int quality);

}  // namespace central_api::drawing
