#include "render/scroll.hpp"

#include <algorithm>
#include <cmath>

namespace render {

void update_scroll(Ui& ui, ImGuiID id, const ImRect& r, Axis axis, double max, ScrollState& st,
                   bool hovered) {
    KineticScroller& k = st.scroller;
    k.set_range(max);
    const DragState& d = ui.drag();
    const FrameInput& in = ui.input();
    const auto along = [axis](ImVec2 v) { return axis == Axis::Y ? v.y : v.x; };
    const auto across = [axis](ImVec2 v) { return axis == Axis::Y ? v.x : v.y; };

    // A new press inside the region stops a coast (as on a phone).
    // (The press may already be over: a tap shorter than a frame.)
    if (in.press_seq != st.press_seq && r.Contains(in.press_pos) && !ui.input_blocked()) {
        st.press_seq = in.press_seq;
        if (std::fabs(k.velocity()) > 60.0) {
            // The touch only stops the list: the button under the finger must not click.
            ui.capture_pointer();
        }
        if (k.overscroll() == 0.0) k.stop();
    }

    // Claim a new drag that began inside the region and moves mostly along our axis.
    if (d.seq != st.claimed_seq && d.owner == 0 && !ui.input_blocked()) {
        if (r.Contains(d.start) && std::fabs(along(d.total)) >= std::fabs(across(d.total)) * 0.8f) {
            st.claimed_seq = d.seq;
            ui.claim_drag(id);
        }
    }

    if (d.owner == id && d.seq != 0 && st.released_seq != d.seq) {
        if (st.owned_seq != d.seq) {
            st.owned_seq = d.seq;
            st.applied = 0.0f;
        }
        const float total = along(d.total);
        k.drag(-(total - st.applied));
        st.applied = total;
        if (d.released && st.released_seq != d.seq) {
            st.released_seq = d.seq;
            k.release(-along(d.velocity));
        }
    }
    if (!(d.owner == id && d.active)) k.step(ui.dt());

    // Keypad focus on an element of this region that is not wholly in view: bring it in.
    if (const Rect* f = ui.reveal_request()) {
        const float lo = axis == Axis::Y ? r.Min.y : r.Min.x, hi = axis == Axis::Y ? r.Max.y : r.Max.x;
        const float c_lo = axis == Axis::Y ? r.Min.x : r.Min.y, c_hi = axis == Axis::Y ? r.Max.x : r.Max.y;
        const float f_lo = axis == Axis::Y ? f->y : f->x, f_hi = axis == Axis::Y ? f->bottom() : f->right();
        const float f_c = axis == Axis::Y ? f->cx() : f->cy();
        const float margin = ui.mm(4.0f);
        if (f_c >= c_lo && f_c <= c_hi && hi - lo > 0) {
            double move = 0;
            if (f_hi - f_lo > hi - lo || f_lo < lo) move = f_lo - lo - margin;
            else if (f_hi > hi) move = f_hi - hi + margin;
            if (move != 0) {
                k.stop();
                k.set_position(std::clamp(k.position() + move, 0.0, std::max(0.0, max)));
                ui.request_frame();
            }
        }
    }

    // Mouse wheel (development).
    const float wheel = ImGui::GetIO().MouseWheel;
    if (hovered && wheel != 0.0f && axis == Axis::Y && !ui.input_blocked()) {
        const double step = ui.mm(30.0f);
        k.set_position(k.position() - wheel * step);
    }
    if (k.animating()) ui.request_frame();
}

bool begin_scroll_area(Ui& ui, const char* id, ImVec2 size, ScrollState& st) {
    // The geometry is the previous frame's: the scroll must be known before BeginChild lays the
    // content out.
    update_scroll(ui, ImGui::GetID(id), st.last_rect, Axis::Y, st.last_max, st, st.last_hovered);
    ImGui::SetNextWindowScroll(
        ImVec2(-1.0f, static_cast<float>(std::clamp(st.scroller.position(), 0.0, st.last_max))));
    const bool open = ImGui::BeginChild(
        id, size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    return open;
}

void end_scroll_area(Ui& ui, ScrollState& st) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    st.last_rect = w->InnerRect;
    // Content size is known only now: max scroll from this frame's layout.
    const float content = w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y;
    st.last_max = std::max(0.0f, content + w->WindowPadding.y * 2.0f - w->InnerRect.GetHeight());
    st.last_hovered = ImGui::IsWindowHovered();
    draw_scroll_indicator(ui, w->InnerRect, st.scroller.position(), w->ScrollMax.y,
                          w->InnerRect.GetHeight());
    ImGui::EndChild();
}

void draw_scroll_indicator(Ui& ui, const ImRect& r, double pos, double max, double view) {
    if (max <= 0.5 || view <= 0) return;
    const double content = max + view;
    const float h = std::max(ui.mm(8.0f), static_cast<float>(r.GetHeight() * view / content));
    const double t = std::clamp(pos / max, 0.0, 1.0);
    const float y = r.Min.y + static_cast<float>(t * (r.GetHeight() - h));
    const float w = ui.mm(1.2f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRectFullScreen();
    dl->AddRectFilled(ImVec2(r.Max.x - w - ui.mm(0.8f), y), ImVec2(r.Max.x - ui.mm(0.8f), y + h),
                      IM_COL32(0, 0, 0, 90), w * 0.5f);
    dl->PopClipRect();
}

}  // namespace render
