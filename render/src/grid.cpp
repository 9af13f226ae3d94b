#include "render/grid.hpp"

#include <algorithm>
#include <cmath>

namespace render {

void virtual_grid(Ui& ui, const char* id, ImVec2 size, std::int64_t count, const GridLayout& layout,
                  GridState& st, const GridItemFn& draw_item) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(id, size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImRect r = w->InnerRect;
    const float gap = ui.mm(layout.gap_mm);
    const float min_w = ui.mm(layout.min_tile_mm);
    const float avail = r.GetWidth() - gap;
    const int cols = std::max(1, static_cast<int>(avail / (min_w + gap)));
    const float tile_w =
        std::floor((avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols));
    const float tile_h = std::floor(tile_w * layout.aspect);
    const double row_h = tile_h + gap;
    const std::int64_t rows = count <= 0 ? 0 : (count + cols - 1) / cols;
    const double content = static_cast<double>(rows) * row_h + gap;
    const double view = r.GetHeight();

    // Keep the first visible item in place when the column count changes (rotation, resize).
    if (cols != st.columns && st.columns > 0 && st.last_visible >= st.first_visible) {
        const double row = static_cast<double>(st.first_visible / cols);
        st.scroll.scroller.set_range(std::max(0.0, content - view));
        st.scroll.scroller.set_position(row * row_h);
    }
    st.columns = cols;
    st.row_height = row_h;
    update_scroll(ui, w->ID, r, Axis::Y, std::max(0.0, content - view), st.scroll,
                  ImGui::IsWindowHovered());
    const double pos = st.scroll.scroller.position();

    // Visible rows only; the arithmetic stays in double until it is relative to the view.
    const std::int64_t first_row =
        std::max<std::int64_t>(0, static_cast<std::int64_t>(std::floor((pos - gap) / row_h)));
    const std::int64_t last_row = std::min<std::int64_t>(
        rows - 1, static_cast<std::int64_t>(std::floor((pos + view) / row_h)));
    st.first_visible = first_row * cols;
    st.last_visible = std::min(count - 1, (last_row + 1) * cols - 1);
    const float left = r.Min.x + gap * 0.5f +
                       std::floor((avail - (tile_w * static_cast<float>(cols) +
                                            gap * static_cast<float>(cols - 1))) *
                                  0.5f);
    for (std::int64_t row = first_row; row <= last_row; ++row) {
        const float y = r.Min.y + gap + static_cast<float>(static_cast<double>(row) * row_h - pos);
        for (int c = 0; c < cols; ++c) {
            const std::int64_t i = row * cols + c;
            if (i >= count) break;
            const float x = left + static_cast<float>(c) * (tile_w + gap);
            const ImRect tile(ImVec2(x, y), ImVec2(x + tile_w, y + tile_h));
            ImGui::PushID(static_cast<int>(i & 0x7FFFFFFF));
            draw_item(i, tile);
            ImGui::PopID();
        }
    }
    draw_scroll_indicator(ui, r, pos, std::max(0.0, content - view), view);
    ImGui::EndChild();
}

void grid_scroll_to(GridState& st, std::int64_t index) {
    const int cols = std::max(1, st.columns);
    st.scroll.scroller.set_position(static_cast<double>(index / cols) * st.row_height);
}

}  // namespace render
