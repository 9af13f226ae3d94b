#pragma once
// A virtualised grid for very long lists (1 000 000 products): only the rows in view (plus one
// row of margin) are laid out and drawn, the scroll offset is a double (a float cannot address
// the last rows of such a grid to the pixel), and scrolling is by drag, fling and wheel through
// `ScrollState`. Column count follows the width: as many tiles of at least `min_tile_mm` as fit.
// The caller draws each visible item in the rectangle it is given (usually product_tile) and
// wraps it in no PushID: the grid pushes the item index.
// Thread rules: UI thread, inside a frame. No errors.

#include <cstdint>
#include <functional>

#include "render/scroll.hpp"
#include "render/ui.hpp"

namespace render {

struct GridLayout {
    float min_tile_mm = 45.0f;  // minimum tile width
    float aspect = 1.45f;       // tile height / width
    float gap_mm = 3.0f;
};

struct GridState {
    ScrollState scroll;
    int columns = 1;                                    // as of the last frame
    std::int64_t first_visible = 0, last_visible = -1;  // item range drawn last frame
    double row_height = 0.0;                            // px, as of the last frame (tile + gap)
};

using GridItemFn = std::function<void(std::int64_t index, const ImRect& rect)>;

// Draws the grid into a child region of `size` (0/negative: fill). `id` is the ImGui id.
void virtual_grid(Ui& ui, const char* id, ImVec2 size, std::int64_t count, const GridLayout& layout,
                  GridState& st, const GridItemFn& draw_item);

// Scrolls so that the row of `index` is at the top (clamped), using the geometry of the last
// frame (draw the grid once first). For "back to top" and scenario runs.
void grid_scroll_to(GridState& st, std::int64_t index);

}  // namespace render
