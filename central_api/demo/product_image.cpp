// Product pictures: a small anti-aliased software rasteriser plus one drawing routine per
// archetype. Everything is drawn in a unit square (x right, y down, floor near y = 0.88) that is
// scaled to the picture and centred; the result is encoded as JPEG with stb_image_write.

#include "central_api/demo/product_image.hpp"

#include <stb_image_write.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace central_api {
namespace {

constexpr float kPi = 3.14159265358979f;

// ---------------------------------------------------------------------------------------------
// Colours (sRGB, 0..1, with alpha for overlays)

struct Col {
    float r = 0, g = 0, b = 0, a = 1;
};

Col mix(Col x, Col y, float t) {
    return {x.r + (y.r - x.r) * t, x.g + (y.g - x.g) * t, x.b + (y.b - x.b) * t, x.a + (y.a - x.a) * t};
}
Col rgb(int r, int g, int b) { return {r / 255.f, g / 255.f, b / 255.f, 1}; }
Col shade(Col c, float f) { return mix(c, {0, 0, 0, c.a}, f); }  // darker
Col tint(Col c, float f) { return mix(c, {1, 1, 1, c.a}, f); }   // lighter
Col alpha(Col c, float a) { return {c.r, c.g, c.b, a}; }
float luma(Col c) { return 0.299f * c.r + 0.587f * c.g + 0.114f * c.b; }

// ---------------------------------------------------------------------------------------------
// Deterministic variation source (splitmix64)

struct Rng {
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
P operator+(P a, P b) { return {a.x + b.x, a.y + b.y}; }
P operator-(P a, P b) { return {a.x - b.x, a.y - b.y}; }
P operator*(P a, float k) { return {a.x * k, a.y * k}; }
P lerp(P a, P b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

using Poly = std::vector<P>;
using Shape = std::vector<Poly>;

Shape operator+(Shape a, const Shape& b) {
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
Affine rotation(float deg, P about) {
    const float r = deg * kPi / 180.f, cs = std::cos(r), sn = std::sin(r);
    return {cs, -sn, about.x - cs * about.x + sn * about.y, sn, cs, about.y - sn * about.x - cs * about.y};
}

// Paint: solid colour or linear gradient with two or three stops (unit coordinates).
struct Paint {
    Col c0, c1, cm;
    P g0, g1;
    bool grad = false, mid = false;
};
Paint solid(Col c) { return {c, c, c, {}, {}, false, false}; }
Paint grad(Col c0, Col c1, P g0, P g1) { return {c0, c1, c0, g0, g1, true, false}; }
Paint grad3(Col c0, Col cm, Col c1, P g0, P g1) { return {c0, c1, cm, g0, g1, true, true}; }

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
    void set_view(const Affine& unit_map) {
        const float s = static_cast<float>(std::min(w_, h_));
        view_ = unit_map.then(Affine{s, 0, (w_ - s) / 2, 0, s, (h_ - s) / 2});
        scale_ = s * std::sqrt(std::fabs(unit_map.a * unit_map.e - unit_map.b * unit_map.d));
    }
    Affine local;  // per-part transform (rotations), applied before the view

    // ---- shape builders (unit coordinates) ----
    int segs(float r_unit, float frac = 1.f) const {
        const float rp = std::fabs(r_unit) * scale_;
        return std::clamp(static_cast<int>((8 + rp / 2.2f) * frac), 4, 200);
    }
    Shape ellipse(float cx, float cy, float rx, float ry, float rot_deg = 0) const {
        Poly p;
        const int n = segs(std::max(rx, ry));
        const float cr = std::cos(rot_deg * kPi / 180.f), sr = std::sin(rot_deg * kPi / 180.f);
        for (int i = 0; i < n; ++i) {
            const float t = 2 * kPi * i / n, x = rx * std::cos(t), y = ry * std::sin(t);
            p.push_back({cx + x * cr - y * sr, cy + x * sr + y * cr});
        }
        return {p};
    }
    Shape circle(float cx, float cy, float r) const { return ellipse(cx, cy, r, r); }
    Shape ring(float cx, float cy, float ro, float ri) const {
        Shape s = circle(cx, cy, ro);
        Poly in = circle(cx, cy, ri)[0];
        std::reverse(in.begin(), in.end());
        s.push_back(in);
        return s;
    }
    static Shape rect(float x0, float y0, float x1, float y1) { return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}}; }
    Shape rrect(float x0, float y0, float x1, float y1, float r) const {
        r = std::min({r, (x1 - x0) / 2, (y1 - y0) / 2});
        if (r <= 0) return rect(x0, y0, x1, y1);
        Poly p;
        const int n = std::max(2, segs(r) / 4);
        const P cs[4] = {{x1 - r, y0 + r}, {x1 - r, y1 - r}, {x0 + r, y1 - r}, {x0 + r, y0 + r}};
        for (int k = 0; k < 4; ++k)
            for (int i = 0; i <= n; ++i) {
                const float t = (k - 1) * kPi / 2 + kPi / 2 * i / n;
                p.push_back({cs[k].x + r * std::cos(t), cs[k].y + r * std::sin(t)});
            }
        return {p};
    }
    static Shape poly(std::initializer_list<P> pts) { return {Poly(pts)}; }
    // Capsule from a to b.
    Shape line(P a, P b, float wd) const { return polyline({a, b}, wd); }
    // Thick polyline: offset outline with mitred joins (bevelled past 2x) and round caps;
    // a closed polyline becomes a ring (outer and reversed inner polygon).
    Shape polyline(const Poly& in, float wd, bool closed = false) const {
        Poly pts;
        for (const P& p : in)
            if (pts.empty() || std::hypot(p.x - pts.back().x, p.y - pts.back().y) > 1e-6f) pts.push_back(p);
        if (closed && pts.size() > 2 && std::hypot(pts[0].x - pts.back().x, pts[0].y - pts.back().y) < 1e-6f) pts.pop_back();
        const float r = wd / 2;
        const size_t n = pts.size();
        if (n == 0) return {};
        if (n == 1) return circle(pts[0].x, pts[0].y, r);
        auto seg_n = [&](size_t i) {  // left normal of segment i -> i+1
            const P a = pts[i], b = pts[(i + 1) % n];
            const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
            return P{-dy / len, dx / len};
        };
        Poly left, right;
        for (size_t i = 0; i < n; ++i) {
            P nn;
            if (!closed && i == 0) nn = seg_n(0);
            else if (!closed && i == n - 1) nn = seg_n(n - 2);
            else {
                const P a = seg_n((i + n - 1) % n), b = seg_n(i % n);
                const float dot = a.x * b.x + a.y * b.y;
                if (dot < -0.5f) {  // sharp turn: bevel
                    left.push_back(pts[i] + a * r);
                    left.push_back(pts[i] + b * r);
                    right.push_back(pts[i] - a * r);
                    right.push_back(pts[i] - b * r);
                    continue;
                }
                const P m = a + b;
                const float ml = std::sqrt(m.x * m.x + m.y * m.y);
                const float k = std::min(2.f, 1.f / std::max(0.5f, ml / 2 * 1.f)) / ml;
                nn = m * k;
            }
            left.push_back(pts[i] + nn * r);
            right.push_back(pts[i] - nn * r);
        }
        if (closed) {
            std::reverse(right.begin(), right.end());
            return {left, right};
        }
        Poly out = left;
        const int m = std::max(3, segs(r) / 2);
        const P ne = seg_n(n - 2), ns = seg_n(0);
        const float ae = std::atan2(ne.y, ne.x), as = std::atan2(ns.y, ns.x);
        for (int i = 1; i < m; ++i) {  // end cap, from +n round to -n
            const float t = ae - kPi * i / m;
            out.push_back({pts[n - 1].x + r * std::cos(t), pts[n - 1].y + r * std::sin(t)});
        }
        for (size_t i = right.size(); i-- > 0;) out.push_back(right[i]);
        for (int i = 1; i < m; ++i) {  // start cap, from -n round to +n
            const float t = as + kPi - kPi * i / m;
            out.push_back({pts[0].x + r * std::cos(t), pts[0].y + r * std::sin(t)});
        }
        return {out};
    }
    // Outline of every polygon of a shape.
    Shape outline(const Shape& sh, float wd) const {
        Shape s;
        for (const Poly& p : sh) s = s + polyline(p, wd, true);
        return s;
    }
    // Closed Catmull-Rom spline through the points.
    Poly spline(const Poly& pts, bool closed = true) const {
        Poly out;
        const size_t n = pts.size();
        if (n < 3) return pts;
        auto at = [&](long i) {
            if (closed) return pts[static_cast<size_t>((i % static_cast<long>(n) + static_cast<long>(n)) % static_cast<long>(n))];
            return pts[static_cast<size_t>(std::clamp(i, 0L, static_cast<long>(n) - 1))];
        };
        const long last = closed ? static_cast<long>(n) : static_cast<long>(n) - 1;
        for (long i = 0; i < last; ++i) {
            const P p0 = at(i - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2);
            const float len = std::hypot(p2.x - p1.x, p2.y - p1.y);
            const int m = std::clamp(static_cast<int>(len * scale_ / 6), 2, 40);
            for (int k = 0; k < m; ++k) {
                const float t = static_cast<float>(k) / m, t2 = t * t, t3 = t2 * t;
                out.push_back({0.5f * (2 * p1.x + (-p0.x + p2.x) * t + (2 * p0.x - 5 * p1.x + 4 * p2.x - p3.x) * t2 + (-p0.x + 3 * p1.x - 3 * p2.x + p3.x) * t3),
                               0.5f * (2 * p1.y + (-p0.y + p2.y) * t + (2 * p0.y - 5 * p1.y + 4 * p2.y - p3.y) * t2 + (-p0.y + 3 * p1.y - 3 * p2.y + p3.y) * t3)});
            }
        }
        if (!closed) out.push_back(pts.back());
        return out;
    }
    // Quadratic curve points from a through control c to b (b included, a not).
    void quad(Poly& out, P c, P b) const {
        const P a = out.empty() ? c : out.back();
        const float len = std::hypot(c.x - a.x, c.y - a.y) + std::hypot(b.x - c.x, b.y - c.y);
        const int m = std::clamp(static_cast<int>(len * scale_ / 5), 2, 60);
        for (int i = 1; i <= m; ++i) {
            const float t = static_cast<float>(i) / m;
            out.push_back(lerp(lerp(a, c, t), lerp(c, b, t), t));
        }
    }
    // Mirror a left half (top centre .. bottom centre) around x = cx into a symmetric polygon.
    static Poly sym(const Poly& half, float cx = 0.5f) {
        Poly p = half;
        for (size_t i = half.size(); i-- > 0;) {
            const P q{2 * cx - half[i].x, half[i].y};
            if (std::fabs(q.x - half[i].x) < 1e-6f && (i == 0 || i + 1 == half.size())) continue;
            p.push_back(q);
        }
        return p;
    }
    static Shape mirror(const Shape& s, float cx = 0.5f) {
        Shape o;
        for (const Poly& p : s) {
            Poly q;
            for (size_t i = p.size(); i-- > 0;) q.push_back({2 * cx - p[i].x, p[i].y});
            o.push_back(q);
        }
        return o;
    }

    // ---- painting ----
    void fill(const Shape& sh, const Paint& pt) {
        // Gradient as a linear function of pixel position.
        float kx = 0, ky = 0, k0 = 0;
        if (pt.grad) {
            const P a = map(pt.g0), b = map(pt.g1);
            const float dx = b.x - a.x, dy = b.y - a.y, l2 = std::max(1e-6f, dx * dx + dy * dy);
            kx = dx / l2;
            ky = dy / l2;
            k0 = -(a.x * kx + a.y * ky);
        }
        const bool clipping = clipping_;
        scan(sh, [&](int y, int x0, int n, const float* cov) {
            float* row = &px_[(static_cast<size_t>(y) * w_ + x0) * 3];
            const float* cl = clipping ? &clip_[static_cast<size_t>(y) * w_ + x0] : nullptr;
            for (int i = 0; i < n; ++i, row += 3) {
                float c = std::min(cov[i], 1.f);
                if (cl) c *= cl[i];
                if (c <= 0.f) continue;
                Col col = pt.c0;
                if (pt.grad) {
                    float t = std::clamp(kx * (x0 + i + 0.5f) + ky * (y + 0.5f) + k0, 0.f, 1.f);
                    if (pt.mid) col = t < 0.5f ? mix(pt.c0, pt.cm, t * 2) : mix(pt.cm, pt.c1, t * 2 - 1);
                    else col = mix(pt.c0, pt.c1, t);
                }
                const float a = c * col.a;
                row[0] += (col.r - row[0]) * a;
                row[1] += (col.g - row[1]) * a;
                row[2] += (col.b - row[2]) * a;
            }
        });
    }
    void fill(const Shape& sh, Col c) { fill(sh, solid(c)); }
    void stroke(const Poly& pts, float wd, Col c, bool closed = false) { fill(polyline(pts, wd, closed), c); }
    void line(P a, P b, float wd, Col c) { fill(line(a, b, wd), c); }

    // Restrict following fills to a shape (one level; clear with unclip()).
    void clip(const Shape& sh) {
        if (clip_.empty()) clip_.assign(static_cast<size_t>(w_) * h_, 0.f);
        for (int y = cy0_; y <= cy1_; ++y) std::fill_n(&clip_[static_cast<size_t>(y) * w_], w_, 0.f);
        cy0_ = h_;
        cy1_ = -1;
        clipping_ = false;
        scan(sh, [&](int y, int x0, int n, const float* cov) {
            cy0_ = std::min(cy0_, y);
            cy1_ = std::max(cy1_, y);
            float* m = &clip_[static_cast<size_t>(y) * w_ + x0];
            for (int i = 0; i < n; ++i) m[i] = std::min(1.f, m[i] + cov[i]);
        });
        clipping_ = true;
    }
    void unclip() { clipping_ = false; }

    // Soft elliptical floor shadow.
    void shadow(float cx, float cy, float rx, float ry, float strength) {
        const P c = map({cx, cy});
        const float ax = std::fabs(rx * scale_), ay = std::fabs(ry * scale_);
        const int y0 = std::max(0, static_cast<int>(c.y - ay * 1.5f)), y1 = std::min(h_ - 1, static_cast<int>(c.y + ay * 1.5f));
        const int x0 = std::max(0, static_cast<int>(c.x - ax * 1.5f)), x1 = std::min(w_ - 1, static_cast<int>(c.x + ax * 1.5f));
        for (int y = y0; y <= y1; ++y) {
            float* row = &px_[(static_cast<size_t>(y) * w_ + x0) * 3];
            const float dy = (y + 0.5f - c.y) / ay;
            for (int x = x0; x <= x1; ++x, row += 3) {
                const float dx = (x + 0.5f - c.x) / ax, d = dx * dx + dy * dy;
                if (d >= 2.25f) continue;
                const float t = 1 - d / 2.25f, a = strength * t * t * t;
                row[0] -= row[0] * a * 0.85f;
                row[1] -= row[1] * a * 0.85f;
                row[2] -= row[2] * a * 0.82f;
            }
        }
    }

    // Light neutral studio backdrop: soft vertical gradient with a brighter centre.
    void backdrop() {
        for (int y = 0; y < h_; ++y) {
            const float ty = static_cast<float>(y) / h_;
            for (int x = 0; x < w_; ++x) {
                const float tx = (x + 0.5f) / w_ - 0.5f;
                const float v = 0.965f - 0.05f * ty * ty - 0.03f * tx * tx * 4 * ty;
                float* p = &px_[(static_cast<size_t>(y) * w_ + x) * 3];
                p[0] = v;
                p[1] = v;
                p[2] = v - 0.006f;
            }
        }
    }

    std::string bytes() const {
        std::string out(px_.size(), '\0');
        for (size_t i = 0; i < px_.size(); ++i)
            out[i] = static_cast<char>(static_cast<std::uint8_t>(std::clamp(px_[i], 0.f, 1.f) * 255.f + 0.5f));
        return out;
    }

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
    void scan(const Shape& sh, Sink&& sink) {
        edges_.clear();
        float minx = 1e30f, miny = 1e30f, maxx = -1e30f, maxy = -1e30f;
        for (const Poly& pl : sh) {
            const size_t n = pl.size();
            if (n < 3) continue;
            P prev = map(pl[n - 1]);
            for (size_t i = 0; i < n; ++i) {
                const P cur = map(pl[i]);
                if (!std::isfinite(cur.x) || !std::isfinite(cur.y)) return;
                minx = std::min(minx, cur.x);
                maxx = std::max(maxx, cur.x);
                miny = std::min(miny, cur.y);
                maxy = std::max(maxy, cur.y);
                if (prev.y != cur.y) {
                    if (prev.y < cur.y) edges_.push_back({prev.y, cur.y, prev.x, (cur.x - prev.x) / (cur.y - prev.y), 1});
                    else edges_.push_back({cur.y, prev.y, cur.x, (prev.x - cur.x) / (prev.y - cur.y), -1});
                }
                prev = cur;
            }
        }
        if (edges_.empty()) return;
        const int y0 = std::max(0, static_cast<int>(std::floor(miny))), y1 = std::min(h_ - 1, static_cast<int>(std::floor(maxy)));
        const int x0 = std::max(0, static_cast<int>(std::floor(minx))), x1 = std::min(w_ - 1, static_cast<int>(std::floor(maxx)));
        if (y0 > y1 || x0 > x1) return;
        std::sort(edges_.begin(), edges_.end(), [](const Edge& a, const Edge& b) { return a.ya < b.ya; });
        const int n = x1 - x0 + 1;
        cov_.assign(static_cast<size_t>(n) + 2, 0.f);
        acc_.assign(static_cast<size_t>(n) + 2, 0.f);
        active_.clear();
        size_t next = 0;
        const float wsub = 1.f / kSub, fx0 = static_cast<float>(x0), fn = static_cast<float>(n);
        for (int y = y0; y <= y1; ++y) {
            bool any = false;
            for (int s = 0; s < kSub; ++s) {
                const float sy = y + (s + 0.5f) * wsub;
                while (next < edges_.size() && edges_[next].ya <= sy) active_.push_back(next++);
                cross_.clear();
                size_t keep = 0;
                for (size_t k = 0; k < active_.size(); ++k) {
                    const Edge& e = edges_[active_[k]];
                    if (e.yb <= sy) continue;
                    active_[keep++] = active_[k];
                    cross_.push_back({e.x + (sy - e.ya) * e.dxdy, e.dir});
                }
                active_.resize(keep);
                if (cross_.size() < 2) continue;
                std::sort(cross_.begin(), cross_.end(), [](const Cross& a, const Cross& b) { return a.x < b.x; });
                int wind = 0;
                float start = 0;
                for (const Cross& c : cross_) {
                    const int before = wind;
                    wind += c.dir;
                    if (before == 0 && wind != 0) start = c.x;
                    else if (before != 0 && wind == 0) {
                        const float a = std::clamp(start - fx0, 0.f, fn), b = std::clamp(c.x - fx0, 0.f, fn);
                        if (b <= a) continue;
                        any = true;
                        const int ia = static_cast<int>(a), ib = static_cast<int>(b);
                        if (ia == ib) cov_[ia] += (b - a) * wsub;
                        else {
                            cov_[ia] += (ia + 1 - a) * wsub;
                            acc_[ia + 1] += wsub;
                            acc_[ib] -= wsub;
                            cov_[ib] += (b - ib) * wsub;
                        }
                    }
                }
            }
            if (!any) continue;
            float run = 0;
            for (int i = 0; i < n; ++i) {
                run += acc_[i];
                cov_[i] += run;
            }
            sink(y, x0, n, cov_.data());
            std::fill(cov_.begin(), cov_.end(), 0.f);
            std::fill(acc_.begin(), acc_.end(), 0.f);
        }
    }

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

// ---------------------------------------------------------------------------------------------
// Per-picture style: main colour with shades, a contrasting trim, neutrals, variation source.

struct Style {
    Col c, hi, lo, deep, line;  // main colour, lighter, darker, much darker, seam/outline
    Col trim;                   // contrasting neutral trim chosen per product
    Col ink = rgb(38, 38, 42), metal = rgb(178, 182, 188), white = rgb(246, 246, 244);
    Rng rng{0};
    bool back = false;  // view 1: back / other side
    bool light = false; // main colour is very light (needs stronger outlines)
};

Style make_style(Col c, std::uint64_t seed, bool back) {
    Style st;
    st.c = c;
    st.hi = tint(c, 0.22f);
    st.lo = shade(c, 0.22f);
    st.deep = shade(c, 0.45f);
    st.light = luma(c) > 0.78f;
    st.line = st.light ? shade(c, 0.28f) : shade(c, 0.38f);
    st.rng = Rng{seed * 0x2545F4914F6CDD1Dull + 0x1234567ull};
    st.rng.next();
    const Col trims[] = {rgb(245, 245, 242), rgb(34, 34, 38), rgb(120, 124, 130), rgb(232, 222, 200), rgb(30, 42, 74)};
    Col t = trims[st.rng.pick(5)];
    if (std::fabs(luma(t) - luma(c)) < 0.25f) t = luma(c) > 0.5f ? rgb(34, 34, 38) : rgb(245, 245, 242);
    st.trim = t;
    st.back = back;
    return st;
}

// Main body: top-lit gradient, soft side shading for volume, thin darker outline.
void body(Draw& d, const Shape& s, const Style& st, P top = {0.5f, 0.15f}, P bottom = {0.5f, 0.9f}) {
    d.fill(s, grad(st.hi, st.lo, top, bottom));
}
void rim(Draw& d, const Shape& s, const Style& st, float wd = 0.004f) {
    d.fill(d.outline(s, wd), alpha(st.line, st.light ? 0.9f : 0.55f));
}
// Horizontal volume shading inside a shape between x0 and x1 (darker towards both sides).
void volume(Draw& d, const Shape& s, float x0, float x1, float y0, float y1, float k = 0.28f) {
    d.clip(s);
    d.fill(Draw::rect(x0, y0, x1, y1), grad3({0, 0, 0, k}, {1, 1, 1, 0.06f}, {0, 0, 0, k}, {x0, 0}, {x1, 0}));
    d.unclip();
}

// ---------------------------------------------------------------------------------------------
// Garments (front view; back view drops front details)

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

// ---------------------------------------------------------------------------------------------
// Footwear (side view, toe to the right; back view mirrors to the inner side)

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

// ---------------------------------------------------------------------------------------------
// Sport

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

// Wheel with tyre, rim, spokes and hub.
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

// ---------------------------------------------------------------------------------------------
// Home

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

// ---------------------------------------------------------------------------------------------
// Baby & toys

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

// ---------------------------------------------------------------------------------------------
// Electronics

// Screen content: dark glass with a soft wallpaper in the product colour.
void screen(Draw& d, const Style& st, const Shape& s, float x0, float y0, float x1, float y1) {
    d.fill(s, grad(shade(st.c, 0.55f), tint(st.c, 0.25f), {x0, y1}, {x1, y0}));
    d.clip(s);
    d.fill(Shape{d.spline({{x0 - 0.1f, y1 - (y1 - y0) * 0.35f}, {(x0 + x1) / 2, y1 - (y1 - y0) * 0.55f}, {x1 + 0.1f, y1 - (y1 - y0) * 0.3f}, {x1 + 0.1f, y1 + 0.1f}, {x0 - 0.1f, y1 + 0.1f}})},
           alpha(shade(st.c, 0.35f), 0.8f));
    d.fill(d.poly({{x0, y0}, {x0 + (x1 - x0) * 0.45f, y0}, {x0, y0 + (y1 - y0) * 0.6f}}), Col{1, 1, 1, 0.08f});  // glare
    d.unclip();
}

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

// ---------------------------------------------------------------------------------------------
// Automotive

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

// ---------------------------------------------------------------------------------------------

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

void append_bytes(void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<size_t>(size));
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
        std::string out;
        out.reserve(static_cast<size_t>(w) * h / 4);
        stbi_write_jpg_to_func(append_bytes, &out, w, h, 3, px.data(), std::clamp(quality, 1, 100));
        return out;
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
