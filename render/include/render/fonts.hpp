#pragma once
// Fonts: Noto Sans regular and bold (Debian's fonts-noto-core) rasterised by FreeType through
// imgui_freetype, at body, title and price sizes given in points (converted with `Metrics`).
// The glyph ranges are explicit: Basic Latin, Latin-1, Latin Extended-A (Œ œ), general
// punctuation (— ’ … and the narrow no-break space U+202F used by French number formatting),
// currency signs (€), arrows and a few symbols; « » are in Latin-1.
// Thread rules: build on the UI thread before the renderer uploads the atlas. Errors: `load_fonts`
// throws std::runtime_error naming the missing file.

#include <string>
#include <vector>

#include <imgui.h>

#include "render/metrics.hpp"

namespace render {

struct FontPaths {
    std::string regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::string bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
};

struct FontSizes {  // points
    float body = 15.0f;
    float small = 12.0f;
    float title = 24.0f;
    float price = 19.0f;
    float key = 19.0f;  // on-screen keyboard
};

struct Fonts {
    ImFont* body = nullptr;
    ImFont* body_bold = nullptr;
    ImFont* small = nullptr;
    ImFont* title = nullptr;
    ImFont* price = nullptr;
    ImFont* key = nullptr;
};

// The glyph ranges every font is built with (zero-terminated pairs, as ImGui expects).
const ImWchar* kiosk_glyph_ranges();
// The characters the kiosk's French and English text needs beyond ASCII (for tests and audits).
std::vector<ImWchar> required_glyphs();

// Adds the fonts to `atlas` (cleared first) with the FreeType builder and builds it.
Fonts load_fonts(ImFontAtlas& atlas, const Metrics& m, const FontPaths& paths = {},
                 const FontSizes& sizes = {});

// True when `font` has a real glyph for `c` (not the fallback).
bool has_glyph(const ImFont* font, ImWchar c);

}  // namespace render
