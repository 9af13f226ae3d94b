#include "render/ui.hpp"

#include "render/pointer.hpp"

#include <algorithm>
#include <string>

namespace render {

void Ui::begin_frame(FrameInput in) {
    in_ = std::move(in);
    dt_ = last_now_ < 0 ? 1.0 / 60.0 : std::clamp(in_.now - last_now_, 0.0, 0.25);
    last_now_ = in_.now;
    ++frame_;
    wants_frame_ = false;
    wake_at_ = -1.0;  // widgets ask again every frame they need it
    layer_ = 0;
    top_layer_ = 0;
    pending_owner_ = 0;
    registry.begin_frame();

    for (const Gesture& g : in_.gestures) {
        switch (g.type) {
            case GestureType::DragStart:
                ++drag_.seq;
                drag_.active = true;
                drag_.released = drag_.cancelled = false;
                drag_.owner = 0;
                drag_.start = g.start;
                drag_.total = g.total;
                drag_.velocity = ImVec2();
                break;
            case GestureType::DragMove:
                drag_.total = g.total;
                break;
            case GestureType::DragEnd:
                drag_.active = false;
                drag_.released = true;
                drag_.cancelled = g.cancelled;
                drag_.total = g.total;
                drag_.velocity = g.velocity;
                break;
            default:
                break;
        }
    }
}

void Ui::end_frame() {
    reveal_pending_ = false;
    if (drag_.owner == 0 && pending_owner_ != 0) {
        drag_.owner = pending_owner_;
        wants_frame_ = true;  // the owner applies the drag next frame
    }
    top_layer_prev_ = std::max(top_layer_, registry.top_layer());
}

const Gesture* Ui::gesture_in(GestureType type, const ImRect& r) const {
    if (input_blocked()) return nullptr;
    for (const Gesture& g : in_.gestures)
        if (g.type == type && r.Contains(g.start)) return &g;
    return nullptr;
}

void Ui::add_element(std::string_view id, std::string_view label, const ImRect& r, bool interactive,
                     bool enabled) {
    top_layer_ = std::max(top_layer_, layer_);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
    const Rect full = to_rect(r);
    Element e;
    e.id.assign(id.data(), id.size());
    e.label.assign(label.data(), label.size());
    e.rect = full;
    e.visible = intersect(full, Rect{cmin.x, cmin.y, cmax.x - cmin.x, cmax.y - cmin.y});
    e.layer = layer_;
    e.interactive = interactive;
    e.role = interactive ? Role::Button : Role::Text;
    e.enabled = enabled;
    // A text cut sideways by its region (a scrolling region only cuts it vertically) or wider
    // than the screen does not fit.
    if (!interactive && !e.label.empty() && !e.visible.empty())
        e.overflow = e.visible.w + 1.0f < full.w || full.x < -1.0f || full.right() > ImGui::GetIO().DisplaySize.x + 1.0f;
    registry.add(std::move(e));
}

void Ui::capture_pointer() {
    if (in_.pointer) in_.pointer->capture();
}

void Ui::wake_at(double t) {
    if (wake_at_ < 0 || t < wake_at_) wake_at_ = t;
}

double Ui::idle_timeout() const {
    if (wants_frame_) return 0.0;
    if (wake_at_ >= 0) return std::max(0.0, wake_at_ - in_.now);
    return -1.0;
}

}  // namespace render
