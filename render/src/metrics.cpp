#include "render/metrics.hpp"

#include <cmath>

namespace render {

Metrics metrics_for_panel(int width_px, int height_px, float diagonal_inch) {
    if (diagonal_inch <= 0.0f) diagonal_inch = 21.5f;
    const double w = std::max(1, width_px), h = std::max(1, height_px);
    const double diag_px = std::sqrt(w * w + h * h);
    const double diag_mm = diagonal_inch * 25.4;
    Metrics m;
    m.px_per_mm = static_cast<float>(diag_px / diag_mm);
    if (!(m.px_per_mm > 0.5f && m.px_per_mm < 40.0f)) m.px_per_mm = 4.0f;
    return m;
}

Metrics metrics_for_dpi(float dpi, Metrics fallback) {
    if (!(dpi >= 50.0f && dpi <= 400.0f)) return fallback;
    Metrics m;
    m.px_per_mm = dpi / 25.4f;
    return m;
}

}  // namespace render
