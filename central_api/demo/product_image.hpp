#pragma once
// Product pictures drawn by the reference server, so that the demo retailer has images that look
// like its products: a shoe is drawn as a shoe, a T-shirt as a T-shirt, in the variant's colour.
// Pure functions of their inputs (deterministic, no I/O, no globals); safe from any thread.

#include <cstdint>
#include <string>
#include <string_view>

namespace central_api {

// The silhouettes the generator knows. Each demo category maps to one of them.
enum class Archetype {
    TShirt, Shirt, Jumper, Jacket, Trousers, Jeans, Dress, Skirt, Shorts,
    Sneaker, Boot, Sandal, HighHeel,
    Ball, Racket, Bike, Tent, Dumbbell, Backpack,
    Sofa, Chair, Lamp, Table, Bed, Cookware, Towel,
    Stroller, Bodysuit, Toy,
    Phone, Laptop, Headphones, Television, Watch, Speaker,
    Tyre,
    Count  // number of archetypes, not an archetype
};

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

struct ImageRequest {
    Archetype archetype = Archetype::TShirt;
    Rgb colour;               // main colour of the product (the variant's colour)
    int view = 0;             // 0 = front, 1 = back or side, 2 = detail / close-up
    int width = 800;          // pixels, 16..2048
    int height = 800;         // pixels, 16..2048
    std::uint64_t seed = 0;   // per product: small deterministic variations (proportions, trims)
};

// Renders the picture and encodes it as a baseline JPEG (quality 1..100).
// Out-of-range sizes are clamped to 16..2048. Never throws for any input.
std::string render_product_jpeg(const ImageRequest& request, int quality = 85);

// Same picture as raw RGB8 pixels, row-major, width*height*3 bytes (for tests and tools).
std::string render_product_rgb(const ImageRequest& request);

// Stable lower-case names ("tshirt", "sneaker", "tyre"...) for URLs and tests; nullptr-safe parse.
std::string_view archetype_name(Archetype archetype);
bool parse_archetype(std::string_view name, Archetype& out);

}  // namespace central_api
