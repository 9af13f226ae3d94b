#pragma once
// What every product family's drawing shares (internal to central_api_demo): the per-picture
// Style (the product's colour with its shades, a contrasting trim, neutrals and the product's
// variation source), the parts several families draw (body gradient, outline, volume shading, a
// wheel), and one drawing function per archetype, grouped by family in draw_<family>.cpp.
// A drawing function paints one product in the unit square of `d`, floor near y = 0.88.

#include "central_api/demo/raster.hpp"

#include <cstdint>

namespace central_api::drawing {

// Per-picture style: main colour with shades, a contrasting trim, neutrals, variation source.
struct Style {
    Col c, hi, lo, deep, line;  // main colour, lighter, darker, much darker, seam/outline
    Col trim;                   // contrasting neutral trim chosen per product
    Col ink = rgb(38, 38, 42), metal = rgb(178, 182, 188), white = rgb(246, 246, 244);
    SplitMix rng{0};
    bool back = false;  // view 1: back / other side
    bool light = false; // main colour is very light (needs stronger outlines)
};

Style make_style(Col c, std::uint64_t seed, bool back);

// Main body: top-lit gradient, soft side shading for volume, thin darker outline.
void body(Draw& d, const Shape& s, const Style& st, P top = {0.5f, 0.15f}, P bottom = {0.5f, 0.9f});
void rim(Draw& d, const Shape& s, const Style& st, float wd = 0.004f);
// Horizontal volume shading inside a shape between x0 and x1 (darker towards both sides).
void volume(Draw& d, const Shape& s, float x0, float x1, float y0, float y1, float k = 0.28f);
// Wheel with tyre, rim, spokes and hub (bike, stroller).
void wheel(Draw& d, const Style& st, float cx, float cy, float r, int spokes, Col tyre, Col rim_col);

// Garments (draw_clothing.cpp)
void draw_tshirt(Draw& d, Style& st);
void draw_shirt(Draw& d, Style& st);
void draw_jumper(Draw& d, Style& st);
void draw_jacket(Draw& d, Style& st);
void draw_trousers(Draw& d, Style& st);
void draw_jeans(Draw& d, Style& st);
void draw_shorts(Draw& d, Style& st);
void draw_skirt(Draw& d, Style& st);
void draw_dress(Draw& d, Style& st);
void draw_bodysuit(Draw& d, Style& st);
// Footwear (draw_shoes.cpp)
void draw_sneaker(Draw& d, Style& st);
void draw_boot(Draw& d, Style& st);
void draw_sandal(Draw& d, Style& st);
void draw_high_heel(Draw& d, Style& st);
// Sport (draw_sport.cpp)
void draw_ball(Draw& d, Style& st);
void draw_racket(Draw& d, Style& st);
void draw_bike(Draw& d, Style& st);
void draw_tent(Draw& d, Style& st);
void draw_dumbbell(Draw& d, Style& st);
void draw_backpack(Draw& d, Style& st);
// Home (draw_home.cpp)
void draw_sofa(Draw& d, Style& st);
void draw_chair(Draw& d, Style& st);
void draw_lamp(Draw& d, Style& st);
void draw_table(Draw& d, Style& st);
void draw_bed(Draw& d, Style& st);
void draw_cookware(Draw& d, Style& st);
void draw_towel(Draw& d, Style& st);
// Baby and toys (draw_baby.cpp)
void draw_stroller(Draw& d, Style& st);
void draw_toy(Draw& d, Style& st);
// Electronics (draw_tech.cpp)
void draw_phone(Draw& d, Style& st);
void draw_laptop(Draw& d, Style& st);
void draw_headphones(Draw& d, Style& st);
void draw_television(Draw& d, Style& st);
void draw_watch(Draw& d, Style& st);
void draw_speaker(Draw& d, Style& st);
// Automotive (draw_tyres.cpp)
void draw_tyre(Draw& d, Style& st);

}  // namespace central_api::drawing
