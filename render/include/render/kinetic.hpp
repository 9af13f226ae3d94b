#pragma once
// One axis of kinetic scrolling: follows a finger while dragged, then coasts after a fling with
// an exponential ("natural", as on phones) deceleration, v(t) = v0 * exp(-t / time_constant), so
// the total coasting distance is v0 * time_constant. Positions are doubles: a 1 000 000-item grid
// is taller than a float can address to the pixel. Overscroll past either end is resisted while
// dragging and springs back when released.
// A plain value owned by the caller's screen scratch; UI thread only; no errors.

namespace render {

class KineticScroller {
  public:
    double time_constant = 0.325;  // s; iOS "normal" deceleration is about 0.325 s
    double stop_speed = 8.0;       // px/s below which coasting stops
    double max_speed = 12000.0;    // px/s cap on a fling

    double position() const { return pos_; }
    double velocity() const { return vel_; }
    double max_position() const { return max_; }
    // True while coasting or springing back: the loop must keep drawing frames.
    bool animating() const { return vel_ != 0.0 || overscroll() != 0.0; }

    // Content longer than the view by `max` px (<= 0: nothing to scroll).
    void set_range(double max);
    void set_position(double p);

    // Finger movement: `delta` px in content direction (a finger moving up scrolls down: pass
    // the negated finger movement).
    void drag(double delta);
    // Finger lifted with `velocity` px/s (content direction).
    void release(double velocity);
    // Stops any motion at once (a finger touched down).
    void stop() { vel_ = 0.0; }
    // Advances the animation by `dt` seconds.
    void step(double dt);
    // Amount outside [0, max] (negative above the top).
    double overscroll() const;

  private:
    double pos_ = 0.0, vel_ = 0.0, max_ = 0.0;
};

}  // namespace render
