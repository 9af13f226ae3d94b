#pragma once
// Gesture recognition for a touch kiosk: turns a stream of pointer events (fingers or a mouse)
// into tap, double tap, long press, drag (after a slop), fling, horizontal swipe and two-finger
// pinch. Pure logic with explicit timestamps: no SDL, no clock, no globals, so tests feed it
// synthetic streams. Rules a phone user expects:
//   - a drag never produces a tap; a long press never produces a tap;
//   - a tap fires on release; a second tap within `double_tap_s` and `double_tap_slop` of the
//     first also fires DoubleTap (the single Tap has already fired, so buttons stay instant);
//   - a second finger turns the gesture into a pinch (any drag ends, cancelled), and nothing else
//     fires until every finger is up.
// Thread rules: one owner (the UI thread); not synchronised. Never throws.

#include <cstdint>
#include <deque>
#include <vector>

#include <imgui.h>

namespace render {

struct PointerEvent {
    enum class Kind { Down, Move, Up, Cancel };
    Kind kind = Kind::Move;
    std::int64_t pointer = 0;  // finger id; the mouse uses kMousePointer
    ImVec2 pos;                // window pixels
    double t = 0.0;            // seconds, monotonic
    bool touch = true;         // false for the development mouse
};
inline constexpr std::int64_t kMousePointer = -1;

enum class GestureType {
    Tap,
    DoubleTap,
    LongPress,
    LongPressEnd,  // the finger lifted after a long press (pos: where it lifted)
    DragStart,
    DragMove,
    DragEnd,  // always follows DragStart; `velocity` is the release velocity
    Fling,    // after DragEnd when the release speed is above `fling_min_speed`
    Swipe,    // after DragEnd for a fast, mostly horizontal drag
    PinchStart,
    Pinch,
    PinchEnd,
};

struct Gesture {
    GestureType type = GestureType::Tap;
    ImVec2 pos;              // current position (pinch: centre between the fingers)
    ImVec2 start;            // where the gesture began
    ImVec2 delta;            // drag: movement since the previous drag event
    ImVec2 total;            // drag: pos - start
    ImVec2 velocity;         // px/s (DragEnd, Fling, Swipe)
    float scale = 1.0f;      // pinch: current distance / initial distance
    int direction = 0;       // swipe: -1 towards the left, +1 towards the right
    bool cancelled = false;  // DragEnd caused by a second finger or a Cancel event
    bool touch = true;
    double t = 0.0;
};

struct GestureConfig {
    float slop = 12.0f;                // px a finger may wander before a press becomes a drag
    double long_press_s = 0.5;         // hold time for a long press
    double double_tap_s = 0.30;        // max time between the two taps
    float double_tap_slop = 40.0f;     // max distance between the two taps
    float fling_min_speed = 200.0f;    // px/s
    float swipe_min_speed = 600.0f;    // px/s, horizontal
    float swipe_min_distance = 60.0f;  // px, horizontal
    double velocity_window_s = 0.08;   // samples used to estimate the release velocity
};

class GestureRecognizer {
  public:
    explicit GestureRecognizer(GestureConfig config = {}) : cfg_(config) {}

    void set_config(const GestureConfig& config) { cfg_ = config; }
    const GestureConfig& config() const { return cfg_; }

    // Feeds one event; recognised gestures are appended to the output queue.
    void feed(const PointerEvent& e);
    // Advances time without an event (fires a pending long press).
    void update(double now);
    // Takes and clears the recognised gestures.
    std::vector<Gesture> take();

    bool pressed() const { return !fingers_.empty(); }
    bool dragging() const { return dragging_; }
    bool pinching() const { return pinching_; }
    // Time at which `update` must next run to fire a long press; < 0 when none is pending.
    double next_deadline() const;

  private:
    struct Finger {
        std::int64_t id = 0;
        ImVec2 pos;
    };
    struct Sample {
        ImVec2 pos;
        double t;
    };

    Finger* find(std::int64_t id);
    void begin_pinch(double t);
    void end_drag(double t, bool cancelled);
    void emit(Gesture g) { out_.push_back(g); }
    ImVec2 velocity() const;
    float finger_distance() const;
    ImVec2 finger_centre() const;

    GestureConfig cfg_;
    std::vector<Finger> fingers_;
    std::vector<Gesture> out_;
    std::deque<Sample> samples_;  // recent positions of the primary pointer
    std::int64_t primary_ = 0;
    ImVec2 start_, last_;
    double down_t_ = 0.0;
    bool touch_ = true;
    bool dragging_ = false;
    bool pinching_ = false;
    bool long_pressed_ = false;
    bool spent_ = false;  // gesture consumed (pinch happened): nothing fires until all fingers up
    float pinch_d0_ = 1.0f;
    bool have_last_tap_ = false;
    ImVec2 last_tap_pos_;
    double last_tap_t_ = 0.0;
};

}  // namespace render
