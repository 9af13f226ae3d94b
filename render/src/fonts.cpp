#include "render/fonts.hpp"

#include <imgui_freetype.h>

#include <fstream>
#include <stdexcept>

namespace render {
namespace {

// Lives for the program: ImGui keeps the pointer to the ranges. Immutable, so not a mutable
// global.
constexpr ImWchar kRanges[] = {
    0x0020, 0x007E,  // Basic Latin
    0x00A0, 0x00FF,  // Latin-1 Supplement: « » é à ç ° × ...
    0x0100, 0x017F,  // Latin Extended-A: Œ œ Ÿ
    0x0178, 0x0178,  // Ÿ (kept explicit)
    0x02C6, 0x02DC,  // modifier accents
    0x2000, 0x206F,  // General Punctuation: — ’ … ‹ › and U+202F narrow no-break space
    0x20A0, 0x20CF,  // Currency: €
    0x2122, 0x2122,  // ™
    0x2190, 0x2193,  // arrows
    0x2212, 0x2212,  // minus sign
    0,
};

ImFont* add(ImFontAtlas& atlas, const std::string& path, float px) {
    if (!std::ifstream(path).good()) throw std::runtime_error("font file not found: " + path);
    ImFontConfig cfg;
    cfg.OversampleH = cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    ImFont* f = atlas.AddFontFromFileTTF(path.c_str(), px, &cfg, kRanges);
    if (!f) throw std::runtime_error("font could not be loaded: " + path);
    return f;
}

}  // namespace

const ImWchar* kiosk_glyph_ranges() {
    return kRanges;
}

std::vector<ImWchar> required_glyphs() {
    return {0x0152, 0x0153, 0x20AC, 0x2014, 0x2019, 0x2026, 0x00AB, 0x00BB, 0x202F, 0x00A0,
            0x00E9, 0x00E8, 0x00EA, 0x00E0, 0x00E7, 0x00F4, 0x00FB, 0x00EE, 0x00EF, 0x00C9};
}

Fonts load_fonts(ImFontAtlas& atlas, const Metrics& m, const FontPaths& paths,
                 const FontSizes& sizes) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = 0;
    Fonts f;
    f.body = add(atlas, paths.regular, m.pt(sizes.body));  // first font = ImGui default
    f.body_bold = add(atlas, paths.bold, m.pt(sizes.body));
    f.small = add(atlas, paths.regular, m.pt(sizes.small));
    f.title = add(atlas, paths.bold, m.pt(sizes.title));
    f.price = add(atlas, paths.bold, m.pt(sizes.price));
    f.key = add(atlas, paths.regular, m.pt(sizes.key));
    if (!atlas.Build()) throw std::runtime_error("font atlas build failed");
    return f;
}

bool has_glyph(const ImFont* font, ImWchar c) {
    return font && font->FindGlyphNoFallback(c) != nullptr;
}

}  // namespace render
