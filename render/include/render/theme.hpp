#pragma once
// Colours and sizes of the kiosk look, in physical units. `apply_theme` styles Dear ImGui (light,
// high contrast, large rounded touch targets). Plain data; UI thread only for `apply_theme`.

#include <imgui.h>

#include "render/metrics.hpp"

namespace render {

struct Theme {
    ImU32 background = IM_COL32(246, 246, 243, 255);
    ImU32 surface = IM_COL32(255, 255, 255, 255);
    ImU32 text = IM_COL32(28, 28, 30, 255);
    ImU32 text_muted = IM_COL32(105, 105, 112, 255);
    ImU32 primary = IM_COL32(0, 92, 170, 255);
    ImU32 primary_pressed = IM_COL32(0, 66, 128, 255);
    ImU32 on_primary = IM_COL32(255, 255, 255, 255);
    ImU32 secondary = IM_COL32(228, 232, 238, 255);
    ImU32 secondary_pressed = IM_COL32(200, 206, 216, 255);
    ImU32 border = IM_COL32(210, 212, 218, 255);
    ImU32 danger = IM_COL32(196, 32, 40, 255);
    ImU32 success = IM_COL32(20, 128, 60, 255);
    ImU32 warning = IM_COL32(214, 140, 0, 255);
    ImU32 staff = IM_COL32(96, 40, 140, 255);  // the staff-mode banner: unlike any shopper colour
    ImU32 price = IM_COL32(28, 28, 30, 255);
    ImU32 price_sale = IM_COL32(196, 32, 40, 255);
    ImU32 scrim = IM_COL32(0, 0, 0, 110);
    ImU32 placeholder = IM_COL32(232, 232, 228, 255);
    float radius_mm = 2.0f;
    float spacing_mm = 3.0f;
    float button_height_mm = 14.0f;
};

void apply_theme(const Theme& t, const Metrics& m, ImGuiStyle& style);

// Linear blend of two colours, a = 0 gives `x`.
ImU32 mix(ImU32 x, ImU32 y, float a);

}  // namespace render
