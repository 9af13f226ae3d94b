#include "render/kinetic.hpp"

#include <algorithm>
#include <cmath>

namespace render {

void KineticScroller::set_range(double max) {
    max_ = std::max(0.0, max);
    if (!animating()) pos_ = std::clamp(pos_, 0.0, max_);
}

void KineticScroller::set_position(double p) {
    pos_ = std::clamp(p, 0.0, max_);
    vel_ = 0.0;
}

double KineticScroller::overscroll() const {
    if (pos_ < 0.0) return pos_;
    if (pos_ > max_) return pos_ - max_;
    return 0.0;
}

void KineticScroller::drag(double delta) {
    vel_ = 0.0;
    // Inside the range the content follows the finger; past an end, at a third of its speed.
    if (delta < 0.0) {
        const double inside = std::min(-delta, std::max(0.0, pos_));
        pos_ -= inside + (-delta - inside) / 3.0;
    } else {
        const double inside = std::min(delta, std::max(0.0, max_ - pos_));
        pos_ += inside + (delta - inside) / 3.0;
    }
}

void KineticScroller::release(double velocity) {
    vel_ = std::clamp(velocity, -max_speed, max_speed);
    if (std::fabs(vel_) < stop_speed) vel_ = 0.0;
}

void KineticScroller::step(double dt) {
    if (dt <= 0.0) return;
    dt = std::min(dt, 0.1);  // a stalled frame must not teleport the content
    if (vel_ != 0.0) {
        // Exact integral of the exponential decay over dt.
        const double decay = std::exp(-dt / time_constant);
        pos_ += vel_ * time_constant * (1.0 - decay);
        vel_ *= decay;
        if (std::fabs(vel_) < stop_speed) vel_ = 0.0;
    }
    const double over = overscroll();
    if (over != 0.0) {
        // Hitting an end stops the coast; the overshoot springs back in ~150 ms.
        vel_ = 0.0;
        const double back = over * (1.0 - std::exp(-dt / 0.05));
        pos_ -= back;
        if (std::fabs(overscroll()) < 0.5) pos_ = std::clamp(pos_, 0.0, max_);
    }
}

}  // namespace render
