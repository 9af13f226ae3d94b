#pragma once
// Physical sizing: the kiosk UI is specified in millimetres and typographic points, never in raw
// pixels, so the same layout reads the same on a 15" or a 32" panel. `Metrics` converts to pixels.
// A plain value; safe to copy to any thread. No errors: absurd inputs fall back to a sane default.

#include <algorithm>

namespace render {

struct Metrics {
    float px_per_mm = 4.0f;  // ~102 dpi, a 21.5" full-HD panel

    float mm(float v) const { return v * px_per_mm; }
    float pt(float v) const { return v * px_per_mm * (25.4f / 72.0f); }
    // Smallest acceptable tap target: 9 mm, never below 48 px.
    float min_tap() const { return std::max(48.0f, mm(9.0f)); }
};

// Metrics for a panel of `width_px` x `height_px` pixels with a `diagonal_inch` diagonal. A
// diagonal <= 0 (unknown) assumes 21.5", the most common kiosk panel.
Metrics metrics_for_panel(int width_px, int height_px, float diagonal_inch);

// Metrics from a dots-per-inch figure (as SDL_GetDisplayDPI reports it); values outside
// [50, 400] are treated as a lie and give `fallback`.
Metrics metrics_for_dpi(float dpi, Metrics fallback);

}  // namespace render
