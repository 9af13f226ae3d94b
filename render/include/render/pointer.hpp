#pragma once
// Drives Dear ImGui's pointer from touch (and the development mouse). Dear ImGui 1.86 has no input
// queue and its SDL backend ignores SDL_FINGER* events, so this layer owns `io.MousePos` and
// `io.MouseDown[0]`:
//   - transitions are queued and applied one per frame, so a tap shorter than a frame (down and
//     up polled together) still presses on one frame and releases on the next: it clicks;
//   - after a touch is released nothing is hovered (`MousePos = -FLT_MAX`); the mouse keeps
//     hovering as usual;
//   - when a press turns into a drag (`capture()`), the press is released off-screen, so the
//     button under the finger never sees a click, and the pointer stays off-screen until the
//     finger lifts: drag-to-scroll works over buttons.
// Only the primary (first) finger drives the pointer. Thread rules: UI thread only. No errors.

#include <cstdint>
#include <deque>
#include <optional>

#include <SDL.h>
#include <imgui.h>

#include "render/gestures.hpp"

namespace render {

// Screen rotation of the panel relative to the UI (clockwise degrees: 0, 90, 180, 270).
enum class Rotation { R0 = 0, R90 = 90, R180 = 180, R270 = 270 };

// Converts an SDL finger or mouse event into a pointer event in UI pixels. `ui_size` is the size
// of the UI (logical, after rotation). Mouse events synthesised from touch are dropped, as are
// non-pointer events (nullopt).
std::optional<PointerEvent> to_pointer_event(const SDL_Event& e, ImVec2 ui_size, Rotation rot,
                                             double now);

// Maps a point in window pixels to UI pixels for a rotated panel (window size `win`).
ImVec2 rotate_to_ui(ImVec2 p, ImVec2 win, Rotation rot);

class PointerFeed {
  public:
    void feed(const PointerEvent& e);
    // Releases the current press off-screen and hides the pointer until all fingers lift; a
    // tap still waiting in the queue is swallowed (nothing clicks).
    void capture();
    // Applies at most one press/release transition to `io` (call once per frame, after the
    // platform backend's NewFrame and before ImGui::NewFrame).
    void apply(ImGuiIO& io);
    // More transitions are queued: the loop must run another frame.
    bool pending() const { return !queue_.empty(); }
    bool captured() const { return captured_; }

  private:
    struct State {
        ImVec2 pos;
        bool down = false;
        bool touch = true;
    };
    std::deque<State> queue_;
    State current_{ImVec2(-FLT_MAX, -FLT_MAX), false, true};
    std::int64_t primary_ = 0;
    bool has_primary_ = false;
    bool captured_ = false;
};

}  // namespace render
