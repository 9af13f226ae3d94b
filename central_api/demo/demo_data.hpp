#pragma once
// Fixed reference data of the demo retailer: its stores and warehouses (real French cities with
// their true coordinates), its category tree and the vocabularies products are written with.
// Read-only tables; each accessor returns the same immutable data on every call.

#include "central_api/demo/product_image.hpp"

#include <string>
#include <vector>

namespace central_api {

struct Text {
    std::string fr, en;
};

struct LocationDef {
    std::string id, kind, name, line1, postcode, city;
    double lat = 0, lon = 0;
    std::string phone;
};
const std::vector<LocationDef>& demo_locations();

// How a category's variants are sized.
enum class SizeScheme { None, Clothing, Shoes, Kids, Baby, Tyre, Capacity, Bed, Screen };

// Product families share vocabularies (materials, styles, attributes, care texts).
enum class Family { Clothing, Shoes, Sport, Home, Baby, Tech, Tyres };

struct CategoryDef {
    std::string id, parent;  // parent empty for top level
    Text name;
    // Leaves only:
    Family family = Family::Clothing;
    Archetype archetype = Archetype::TShirt;
    SizeScheme sizes = SizeScheme::None;
    Text noun;                   // the product noun: "Pull" / "Jumper"
    std::string ref_prefix;      // two letters for product references
    int price_min = 0, price_max = 0;  // euros
    int weight = 0;              // share of the products
    std::vector<std::string> brands;
};
const std::vector<CategoryDef>& demo_categories();

struct ColourDef {
    Text name;
    Rgb rgb;
};
const std::vector<ColourDef>& demo_colours();
// Colour indexes (into demo_colours) that suit a family.
const std::vector<int>& family_palette(Family family);

struct FamilyWords {
    std::vector<Text> styles;     // "col rond" / "crew-neck"
    std::vector<Text> materials;  // "en coton bio" / "organic cotton"
    std::vector<Text> composition;  // "100 % coton biologique" / "100% organic cotton"
    std::vector<Text> selling_points;
    std::vector<Text> care;
    std::vector<Text> pitch;      // description sentences
};
const FamilyWords& family_words(Family family);

const std::vector<std::string>& range_names();     // "Brume", "Océane", ...
const std::vector<std::string>& first_names();
const std::vector<std::string>& last_names();

}  // namespace central_api
