// Tests for the product picture renderer: valid JPEGs of the requested size, determinism,
// colour really used, archetypes and views really drawn differently, names, clamping.

#include <doctest/doctest.h>

#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "central_api/demo/product_image.hpp"

using central_api::Archetype;
using central_api::ImageRequest;
using central_api::Rgb;

namespace {

constexpr int kArchetypes = static_cast<int>(Archetype::Count);

ImageRequest request(Archetype a, Rgb colour, int size = 160, int view = 0, std::uint64_t seed = 7) {
    ImageRequest r;
    r.archetype = a;
    r.colour = colour;
    r.view = view;
    r.width = size;
    r.height = size;
    r.seed = seed;
    return r;
}

struct Decoded {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
};

Decoded decode(const std::string& jpeg) {
    Decoded d;
    int comp = 0;
    unsigned char* data = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(jpeg.data()), static_cast<int>(jpeg.size()), &d.w, &d.h, &comp, 3);
    if (data) {
        d.px.assign(data, data + static_cast<size_t>(d.w) * d.h * 3);
        stbi_image_free(data);
    }
    return d;
}

// Mean colour of pixels that differ from the light neutral backdrop (the object region).
struct Mean {
    double r = 0, g = 0, b = 0;
    size_t n = 0;
};
Mean object_mean(const std::string& rgb) {
    Mean m;
    for (size_t i = 0; i + 2 < rgb.size(); i += 3) {
        const int r = static_cast<unsigned char>(rgb[i]), g = static_cast<unsigned char>(rgb[i + 1]), b = static_cast<unsigned char>(rgb[i + 2]);
        const int mx = std::max({r, g, b}), mn = std::min({r, g, b});
        if (mx - mn < 25 && mn > 150) continue;  // backdrop or its shadow: light and grey
        m.r += r;
        m.g += g;
        m.b += b;
        ++m.n;
    }
    if (m.n) {
        m.r /= m.n;
        m.g /= m.n;
        m.b /= m.n;
    }
    return m;
}

double mean_abs_diff(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.empty()) return 0;
    double s = 0;
    for (size_t i = 0; i < a.size(); ++i) s += std::abs(static_cast<unsigned char>(a[i]) - static_cast<unsigned char>(b[i]));
    return s / static_cast<double>(a.size());
}

}  // namespace

TEST_CASE("product image: JPEG decodes to the requested size for every archetype") {
    for (int a = 0; a < kArchetypes; ++a) {
        CAPTURE(a);
        const std::string jpeg = central_api::render_product_jpeg(request(static_cast<Archetype>(a), {30, 90, 200}, 96));
        REQUIRE(jpeg.size() > 200);
        CHECK(static_cast<unsigned char>(jpeg[0]) == 0xFF);
        CHECK(static_cast<unsigned char>(jpeg[1]) == 0xD8);
        const Decoded d = decode(jpeg);
        CHECK(d.w == 96);
        CHECK(d.h == 96);
        const std::string rgb = central_api::render_product_rgb(request(static_cast<Archetype>(a), {30, 90, 200}, 96));
        CHECK(rgb.size() == 96u * 96u * 3u);
    }
}

TEST_CASE("product image: same request gives the same bytes") {
    const ImageRequest r = request(Archetype::Sneaker, {200, 40, 40}, 200, 0, 42);
    CHECK(central_api::render_product_jpeg(r) == central_api::render_product_jpeg(r));
    CHECK(central_api::render_product_rgb(r) == central_api::render_product_rgb(r));
    // quality matters and is clamped
    CHECK(central_api::render_product_jpeg(r, 20).size() < central_api::render_product_jpeg(r, 95).size());
    CHECK(decode(central_api::render_product_jpeg(r, -5)).w == 200);
    CHECK(decode(central_api::render_product_jpeg(r, 500)).w == 200);
}

TEST_CASE("product image: two colours give clearly different object colours for every archetype") {
    for (int a = 0; a < kArchetypes; ++a) {
        CAPTURE(a);
        const Mean red = object_mean(central_api::render_product_rgb(request(static_cast<Archetype>(a), {210, 30, 30}, 128)));
        const Mean blue = object_mean(central_api::render_product_rgb(request(static_cast<Archetype>(a), {30, 60, 210}, 128)));
        REQUIRE(red.n > 200);
        REQUIRE(blue.n > 200);
        const double dist = std::fabs(red.r - blue.r) + std::fabs(red.g - blue.g) + std::fabs(red.b - blue.b);
        CHECK(dist > 25);
        CHECK(red.r > blue.r);
        CHECK(blue.b > red.b);
    }
}

TEST_CASE("product image: a red product is dominantly reddish") {
    for (Archetype a : {Archetype::TShirt, Archetype::Dress, Archetype::Sofa, Archetype::Ball, Archetype::Backpack}) {
        CAPTURE(static_cast<int>(a));
        const std::string rgb = central_api::render_product_rgb(request(a, {200, 30, 40}, 128));
        // count strongly coloured pixels by dominant channel
        size_t reds = 0, others = 0;
        for (size_t i = 0; i + 2 < rgb.size(); i += 3) {
            const int r = static_cast<unsigned char>(rgb[i]), g = static_cast<unsigned char>(rgb[i + 1]), b = static_cast<unsigned char>(rgb[i + 2]);
            if (std::max({r, g, b}) - std::min({r, g, b}) < 40) continue;  // neutral
            if (r > g && r > b) ++reds;
            else ++others;
        }
        CHECK(reds > 1000);
        CHECK(reds > 10 * others);
    }
}

TEST_CASE("product image: different archetypes give different images") {
    std::vector<std::string> all;
    for (int a = 0; a < kArchetypes; ++a) all.push_back(central_api::render_product_rgb(request(static_cast<Archetype>(a), {40, 140, 80}, 64)));
    for (int a = 0; a < kArchetypes; ++a)
        for (int b = a + 1; b < kArchetypes; ++b) {
            CAPTURE(a);
            CAPTURE(b);
            CHECK(mean_abs_diff(all[static_cast<size_t>(a)], all[static_cast<size_t>(b)]) > 1.5);
        }
}

TEST_CASE("product image: views 0, 1 and 2 differ for every archetype") {
    double total01 = 0;
    for (int a = 0; a < kArchetypes; ++a) {
        CAPTURE(a);
        const auto v0 = central_api::render_product_rgb(request(static_cast<Archetype>(a), {220, 160, 30}, 64, 0));
        const auto v1 = central_api::render_product_rgb(request(static_cast<Archetype>(a), {220, 160, 30}, 64, 1));
        const auto v2 = central_api::render_product_rgb(request(static_cast<Archetype>(a), {220, 160, 30}, 64, 2));
        // back views of garments only change details (neckline, pockets), so the bar is low
        CHECK(mean_abs_diff(v0, v1) > 0.2);
        total01 += mean_abs_diff(v0, v1);
        CHECK(mean_abs_diff(v0, v2) > 3.0);
        CHECK(mean_abs_diff(v1, v2) > 3.0);
    }
    CHECK(total01 / kArchetypes > 2.0);
    // out-of-range views are clamped, not rejected
    const auto r = request(Archetype::Boot, {90, 60, 40}, 64, 2);
    auto far = r;
    far.view = 99;
    CHECK(central_api::render_product_rgb(far) == central_api::render_product_rgb(r));
}

TEST_CASE("product image: seeds vary products of one archetype, deterministically") {
    int differing = 0;
    const auto base = central_api::render_product_rgb(request(Archetype::TShirt, {30, 30, 160}, 64, 0, 1));
    for (std::uint64_t s = 2; s < 8; ++s)
        if (mean_abs_diff(base, central_api::render_product_rgb(request(Archetype::TShirt, {30, 30, 160}, 64, 0, s))) > 0.2) ++differing;
    CHECK(differing >= 3);
}

TEST_CASE("product image: archetype names round-trip and unknown names are rejected") {
    for (int a = 0; a < kArchetypes; ++a) {
        const auto name = central_api::archetype_name(static_cast<Archetype>(a));
        CAPTURE(std::string(name));
        REQUIRE(!name.empty());
        for (char c : name) CHECK(((c >= 'a' && c <= 'z') || c == '_'));
        Archetype back = Archetype::Count;
        CHECK(central_api::parse_archetype(name, back));
        CHECK(back == static_cast<Archetype>(a));
    }
    CHECK(central_api::archetype_name(Archetype::TShirt) == "tshirt");
    CHECK(central_api::archetype_name(Archetype::HighHeel) == "high_heel");
    CHECK(central_api::archetype_name(Archetype::Tyre) == "tyre");
    Archetype out = Archetype::Ball;
    for (const char* bad : {"", "TShirt", "tshirt ", "shoe", "count", "unknown", "tyres"}) {
        CAPTURE(bad);
        CHECK_FALSE(central_api::parse_archetype(bad, out));
    }
    CHECK(out == Archetype::Ball);  // untouched on failure
}

TEST_CASE("product image: absurd sizes and bad archetypes are clamped without crashing") {
    auto r = request(Archetype::Bike, {10, 10, 10}, 0);
    r.width = -50;
    r.height = 0;
    Decoded d = decode(central_api::render_product_jpeg(r));
    CHECK(d.w == 16);
    CHECK(d.h == 16);
    r.width = 1000000;
    r.height = 5;
    CHECK(central_api::render_product_rgb(r).size() == 2048u * 16u * 3u);
    auto bad = request(static_cast<Archetype>(999), {1, 2, 3}, 32);
    CHECK(central_api::render_product_rgb(bad).size() == 32u * 32u * 3u);
    CHECK(central_api::archetype_name(static_cast<Archetype>(999)) == "unknown");
}

TEST_CASE("product image: non-square sizes keep the object centred and undistorted") {
    auto wide = request(Archetype::Ball, {200, 30, 40}, 0);
    wide.width = 300;
    wide.height = 150;
    const Decoded d = decode(central_api::render_product_jpeg(wide));
    CHECK(d.w == 300);
    CHECK(d.h == 150);
    // the ball's red pixels span about as wide as high, centred horizontally
    const std::string rgb = central_api::render_product_rgb(wide);
    int minx = 1 << 30, maxx = -1, miny = 1 << 30, maxy = -1;
    for (int y = 0; y < 150; ++y)
        for (int x = 0; x < 300; ++x) {
            const size_t i = (static_cast<size_t>(y) * 300 + x) * 3;
            const int r = static_cast<unsigned char>(rgb[i]), g = static_cast<unsigned char>(rgb[i + 1]);
            if (r > 120 && r > g + 60) {
                minx = std::min(minx, x);
                maxx = std::max(maxx, x);
                miny = std::min(miny, y);
                maxy = std::max(maxy, y);
            }
        }
    REQUIRE(maxx > minx);
    const double wdt = maxx - minx, hgt = maxy - miny;
    CHECK(wdt / hgt == doctest::Approx(1.0).epsilon(0.1));
    CHECK((minx + maxx) / 2.0 == doctest::Approx(150).epsilon(0.05));
    auto tall = wide;
    tall.width = 100;
    tall.height = 400;
    CHECK(decode(central_api::render_product_jpeg(tall)).h == 400);
}
