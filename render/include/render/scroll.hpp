#pragma once
// Drag-to-scroll for every scrollable region: a finger (or the development mouse) dragged
// anywhere inside the region scrolls it, also when the drag starts on a button (the button does
// not click: the pointer layer releases it off-screen once the drag passes the slop); a release
// with speed flings it with inertia; a new press stops a coasting region (and does not click
// what is under the finger); the mouse wheel scrolls too. `ScrollState` is the caller's scratch
// (one per region, kept across frames).
// Thread rules: UI thread, between Ui::begin_frame and Ui::end_frame. No errors.

#include <cstdint>

#include "render/kinetic.hpp"
#include "render/ui.hpp"

namespace render {

struct ScrollState {
    KineticScroller scroller;
    std::uint32_t claimed_seq = 0;   // drag seq this region has considered
    std::uint32_t owned_seq = 0;     // drag seq this region is following
    std::uint32_t released_seq = 0;  // drag seq whose release this region handled
    std::uint32_t press_seq = 0;     // press seq that last stopped the coasting
    float applied = 0.0f;            // part of the drag total already applied
    ImRect last_rect;                // begin_scroll_area: the region as of the previous frame
    double last_max = 0.0;           // begin_scroll_area: hidden content, previous frame
    bool last_hovered = false;
};

// Updates `st` for a region `r` scrolling along `axis` with `max` px of hidden content. Call
// once per frame per region, before drawing its content at `st.scroller.position()`.
void update_scroll(Ui& ui, ImGuiID id, const ImRect& r, Axis axis, double max, ScrollState& st,
                   bool hovered);

// A vertical scrolling child region laid out by Dear ImGui: draw the content between begin and
// end. `id` is both the ImGui id and the registry prefix. Returns ImGui::BeginChild's result;
// always call end_scroll_area.
bool begin_scroll_area(Ui& ui, const char* id, ImVec2 size, ScrollState& st);
void end_scroll_area(Ui& ui, ScrollState& st);

// Draws a thin scroll position indicator at the right edge of `r`.
void draw_scroll_indicator(Ui& ui, const ImRect& r, double pos, double max, double view);

}  // namespace render
