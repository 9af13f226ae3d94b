#include "render/pointer.hpp"

#include <cfloat>

namespace render {

ImVec2 rotate_to_ui(ImVec2 p, ImVec2 win, Rotation rot) {
    switch (rot) {
        case Rotation::R0:
            return p;
        // The UI is turned 90 degrees clockwise on the panel: the UI's top edge is the panel's
        // right edge.
        case Rotation::R90:
            return ImVec2(p.y, win.x - p.x);
        case Rotation::R180:
            return ImVec2(win.x - p.x, win.y - p.y);
        case Rotation::R270:
            return ImVec2(win.y - p.y, p.x);
    }
    return p;
}

std::optional<PointerEvent> to_pointer_event(const SDL_Event& e, ImVec2 ui_size, Rotation rot,
                                             double now) {
    const bool sideways = rot == Rotation::R90 || rot == Rotation::R270;
    const ImVec2 win = sideways ? ImVec2(ui_size.y, ui_size.x) : ui_size;
    PointerEvent p;
    p.t = now;
    switch (e.type) {
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP:
            p.kind = e.type == SDL_FINGERDOWN ? PointerEvent::Kind::Down
                     : e.type == SDL_FINGERUP ? PointerEvent::Kind::Up
                                              : PointerEvent::Kind::Move;
            p.pointer = static_cast<std::int64_t>(e.tfinger.fingerId);
            p.pos = rotate_to_ui(ImVec2(e.tfinger.x * win.x, e.tfinger.y * win.y), win, rot);
            p.touch = true;
            return p;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
                return std::nullopt;
            p.kind =
                e.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Kind::Down : PointerEvent::Kind::Up;
            p.pointer = kMousePointer;
            p.pos = rotate_to_ui(
                ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y)), win, rot);
            p.touch = false;
            return p;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return std::nullopt;
            p.kind = PointerEvent::Kind::Move;
            p.pointer = kMousePointer;
            p.pos = rotate_to_ui(
                ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)), win, rot);
            p.touch = false;
            return p;
        default:
            return std::nullopt;
    }
}

void PointerFeed::feed(const PointerEvent& e) {
    using K = PointerEvent::Kind;
    if (e.kind == K::Down) {
        if (has_primary_) return;  // a second finger: the gesture layer handles it
        has_primary_ = true;
        primary_ = e.pointer;
        captured_ = false;
        if (e.touch) queue_.push_back({e.pos, false, true});  // move there first, then press
        queue_.push_back({e.pos, true, e.touch});
        return;
    }
    if (e.kind == K::Move) {
        if (has_primary_ && e.pointer != primary_) return;
        if (captured_) return;
        if (!has_primary_ && e.touch) return;  // stray finger motion
        // Coalesce moves into the last queued state of the same button state.
        if (!queue_.empty()) {
            queue_.back().pos = e.pos;
            return;
        }
        queue_.push_back({e.pos, current_.down, e.touch});
        return;
    }
    // Up or Cancel.
    if (!has_primary_ || e.pointer != primary_) return;
    has_primary_ = false;
    if (captured_) {
        captured_ = false;
        queue_.clear();
        queue_.push_back({e.touch ? ImVec2(-FLT_MAX, -FLT_MAX) : e.pos, false, e.touch});
        return;
    }
    const ImVec2 at = e.kind == K::Cancel ? ImVec2(-FLT_MAX, -FLT_MAX) : e.pos;
    queue_.push_back({at, false, e.touch});
    if (e.touch) queue_.push_back({ImVec2(-FLT_MAX, -FLT_MAX), false, true});
}

void PointerFeed::capture() {
    if (captured_) return;
    // A finger still down stays hidden until it lifts; a tap already queued is swallowed.
    if (has_primary_) captured_ = true;
    queue_.clear();
    // Release away from every widget: the active item is deactivated without a click.
    queue_.push_back({ImVec2(-FLT_MAX, -FLT_MAX), false, current_.touch});
}

void PointerFeed::apply(ImGuiIO& io) {
    // Consume states until one changes the button (that one ends this frame's consumption).
    while (!queue_.empty()) {
        const State next = queue_.front();
        queue_.pop_front();
        const bool transition = next.down != current_.down;
        current_ = next;
        if (transition) break;
        // A pure move followed by more states: keep going only if the next is a move too.
        if (!queue_.empty() && queue_.front().down != current_.down) {
            // Let ImGui see the new position for a frame before the press (hover first).
            if (current_.touch && !current_.down) break;
        }
    }
    io.MousePos = current_.pos;
    io.MouseDown[0] = current_.down;
    io.MouseDown[1] = io.MouseDown[2] = false;
}

}  // namespace render
