// The rasteriser's canvas (raster.hpp): shape builders, scan conversion with anti-aliasing,
// painting, and the JPEG encoder.
#include "central_api/demo/raster.hpp"

#include <stb_image_write.h>

namespace central_api::drawing {

namespace {

void append_bytes(void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

}  // namespace

void Draw::set_view(const Affine& unit_map) {
    const float s = static_cast<float>(std::min(w_, h_));
    view_ = unit_map.then(Affine{s, 0, (w_ - s) / 2, 0, s, (h_ - s) / 2});
    scale_ = s * std::sqrt(std::fabs(unit_map.a * unit_map.e - unit_map.b * unit_map.d));
}

Shape Draw::ellipse(float cx, float cy, float rx, float ry, float rot_deg) const {
    Poly p;
    const int n = segs(std::max(rx, ry));
    const float cr = std::cos(rot_deg * kPi / 180.f), sr = std::sin(rot_deg * kPi / 180.f);
    for (int i = 0; i < n; ++i) {
        const float t = 2 * kPi * i / n, x = rx * std::cos(t), y = ry * std::sin(t);
        p.push_back({cx + x * cr - y * sr, cy + x * sr + y * cr});
    }
    return {p};
}

Shape Draw::ring(float cx, float cy, float ro, float ri) const {
    Shape s = circle(cx, cy, ro);
    Poly in = circle(cx, cy, ri)[0];
    std::reverse(in.begin(), in.end());
    s.push_back(in);
    return s;
}

Shape Draw::rrect(float x0, float y0, float x1, float y1, float r) const {
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

Shape Draw::polyline(const Poly& in, float wd, bool closed) const {
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

Shape Draw::outline(const Shape& sh, float wd) const {
    Shape s;
    for (const Poly& p : sh) s = s + polyline(p, wd, true);
    return s;
}

Poly Draw::spline(const Poly& pts, bool closed) const {
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

void Draw::quad(Poly& out, P c, P b) const {
    const P a = out.empty() ? c : out.back();
    const float len = std::hypot(c.x - a.x, c.y - a.y) + std::hypot(b.x - c.x, b.y - c.y);
    const int m = std::clamp(static_cast<int>(len * scale_ / 5), 2, 60);
    for (int i = 1; i <= m; ++i) {
        const float t = static_cast<float>(i) / m;
        out.push_back(lerp(lerp(a, c, t), lerp(c, b, t), t));
    }
}

Poly Draw::sym(const Poly& half, float cx) {
    Poly p = half;
    for (size_t i = half.size(); i-- > 0;) {
        const P q{2 * cx - half[i].x, half[i].y};
        if (std::fabs(q.x - half[i].x) < 1e-6f && (i == 0 || i + 1 == half.size())) continue;
        p.push_back(q);
    }
    return p;
}

Shape Draw::mirror(const Shape& s, float cx) {
    Shape o;
    for (const Poly& p : s) {
        Poly q;
        for (size_t i = p.size(); i-- > 0;) q.push_back({2 * cx - p[i].x, p[i].y});
        o.push_back(q);
    }
    return o;
}

// Scan-converts a shape and hands each pixel row's coverage to sink(y, x0, n, cov): the
// polygons' edges are walked on kSub sub-scanlines per pixel row (non-zero winding), with exact
// horizontal coverage at both ends of each span.
template <class Sink>
void Draw::scan(const Shape& sh, Sink&& sink) {
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

void Draw::fill(const Shape& sh, const Paint& pt) {
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

void Draw::clip(const Shape& sh) {
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

void Draw::shadow(float cx, float cy, float rx, float ry, float strength) {
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

void Draw::backdrop() {
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

std::string Draw::bytes() const {
    std::string out(px_.size(), '\0');
    for (size_t i = 0; i < px_.size(); ++i)
        out[i] = static_cast<char>(static_cast<std::uint8_t>(std::clamp(px_[i], 0.f, 1.f) * 255.f + 0.5f));
    return out;
}

std::string encode_jpeg(const std::string& rgb, int w, int h, int quality) {
    std::string out;
    out.reserve(static_cast<size_t>(w) * h / 4);
    stbi_write_jpg_to_func(append_bytes, &out, w, h, 3, rgb.data(), std::clamp(quality, 1, 100));
    return out;
}

}  // namespace central_api::drawing
