#pragma once
// `Ui` is what every widget receives: physical metrics, fonts, theme, the element registry, this
// frame's gestures and time, drag ownership for scroll regions, overlay layers, and the "keep
// drawing" requests that let an idle loop sleep. One per window, owned by the application (no
// globals). Thread rules: UI thread only; `request_frame`/`wake_at` only from widgets.
// No errors.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include "render/fonts.hpp"
#include "render/gestures.hpp"
#include "render/metrics.hpp"
#include "render/registry.hpp"
#include "render/theme.hpp"

namespace render {

class ImagePipeline;
class PointerFeed;

// Keypad navigation keys: Tab, Shift-Tab, the arrows, Escape, and the speech key (F2 or the
// numeric keypad's "*").
enum class NavKey { None, Next, Prev, Up, Down, Left, Right, Back, Speech };

// A physical keyboard event (a USB barcode scanner is one): typed text, Enter or a navigation
// key, with its time.
struct KeyStroke {
    std::string text;    // UTF-8, empty for Enter and navigation keys
    bool enter = false;  // Return or keypad Enter
    double t = 0.0;      // seconds, the platform clock
    NavKey nav = NavKey::None;
};

// What the platform hands to the UI each frame.
struct FrameInput {
    double now = 0.0;                // seconds, monotonic
    std::vector<Gesture> gestures;   // recognised since the previous frame
    bool pressed = false;            // a finger (or the mouse button) is down
    std::uint32_t press_seq = 0;     // increments on each new press
    ImVec2 press_pos;                // where the current/last press began
    ImVec2 pointer_pos;              // live primary pointer position while pressed
    PointerFeed* pointer = nullptr;  // the platform's pointer feed, valid for this frame
    std::vector<KeyStroke> keys;     // physical keystrokes since the previous frame
};

// The drag in progress (or just released), shared by the scroll regions.
struct DragState {
    std::uint32_t seq = 0;  // increments on every DragStart
    bool active = false;
    ImVec2 start, total, velocity;
    bool released = false;  // DragEnd seen for `seq` (velocity valid)
    bool cancelled = false;
    ImGuiID owner = 0;  // settled at the end of the frame the drag was claimed
};

enum class Axis { X, Y };

class Ui {
  public:
    Ui(const Metrics& m, const Fonts& f, const Theme& t = {}) : metrics(m), fonts(f), theme(t) {}

    Metrics metrics;
    Fonts fonts;
    Theme theme;
    ElementRegistry registry;
    ImagePipeline* images = nullptr;  // optional, set by the application

    void begin_frame(FrameInput in);
    void end_frame();

    double now() const { return in_.now; }
    double dt() const { return dt_; }
    std::uint64_t frame() const { return frame_; }
    const FrameInput& input() const { return in_; }
    const std::vector<Gesture>& gestures() const { return in_.gestures; }
    // First gesture of `type` inside `r` this frame (nullptr if none, or if an overlay above
    // the current layer hides `r`).
    const Gesture* gesture_in(GestureType type, const ImRect& r) const;

    // Drag-to-scroll arbitration: regions under the drag's start claim it; the last claim of
    // the frame (the innermost region) owns it from the next frame on.
    const DragState& drag() const { return drag_; }
    void claim_drag(ImGuiID id) { pending_owner_ = id; }
    // Takes the current press away from Dear ImGui (released off-screen, nothing clicks), e.g.
    // when a touch only stops a coasting list.
    void capture_pointer();

    // Overlay layers: a modal or keyboard pushes a layer; input widgets on lower layers ignore
    // gestures while a higher layer exists (as of the previous frame).
    void push_layer() { ++layer_; }
    void pop_layer() { --layer_; }
    int layer() const { return layer_; }
    bool input_blocked() const { return layer_ < top_layer_prev_; }

    // Keypad focus: asks the scroll regions holding `r` (window pixels, as of the previous
    // frame) to scroll it into view this frame. Cleared at the end of the frame.
    void reveal(const Rect& r) { reveal_ = r; reveal_pending_ = true; }
    const Rect* reveal_request() const { return reveal_pending_ ? &reveal_ : nullptr; }

    // Registers an element: `r` is its full rectangle; the visible part is clipped by the
    // current window's clip rectangle.
    void add_element(std::string_view id, std::string_view label, const ImRect& r,
                     bool interactive = true, bool enabled = true);

    // Animation bookkeeping: the loop draws again at once / no later than `t`.
    void request_frame() { wants_frame_ = true; }
    void wake_at(double t);
    // Seconds the loop may sleep before the next frame (0: draw now; < 0: until an event).
    double idle_timeout() const;

    // Pixel helpers.
    float mm(float v) const { return metrics.mm(v); }
    float pt(float v) const { return metrics.pt(v); }
    float min_tap() const { return metrics.min_tap(); }

  private:
    FrameInput in_;
    DragState drag_;
    ImGuiID pending_owner_ = 0;
    double dt_ = 0.0;
    double last_now_ = -1.0;
    std::uint64_t frame_ = 0;
    int layer_ = 0;
    int top_layer_prev_ = 0;
    int top_layer_ = 0;
    bool wants_frame_ = false;
    double wake_at_ = -1.0;
    Rect reveal_;
    bool reveal_pending_ = false;
};

// Rect conversions.
inline Rect to_rect(const ImRect& r) {
    return Rect{r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()};
}

}  // namespace render
