#include "render/gestures.hpp"

#include <cmath>

namespace render {
namespace {

float length(ImVec2 v) {
    return std::sqrt(v.x * v.x + v.y * v.y);
}
ImVec2 sub(ImVec2 a, ImVec2 b) {
    return ImVec2(a.x - b.x, a.y - b.y);
}

}  // namespace

GestureRecognizer::Finger* GestureRecognizer::find(std::int64_t id) {
    for (auto& f : fingers_)
        if (f.id == id) return &f;
    return nullptr;
}

float GestureRecognizer::finger_distance() const {
    if (fingers_.size() < 2) return 1.0f;
    return std::max(1.0f, length(sub(fingers_[0].pos, fingers_[1].pos)));
}

ImVec2 GestureRecognizer::finger_centre() const {
    if (fingers_.size() < 2) return fingers_.empty() ? ImVec2() : fingers_[0].pos;
    return ImVec2((fingers_[0].pos.x + fingers_[1].pos.x) * 0.5f,
                  (fingers_[0].pos.y + fingers_[1].pos.y) * 0.5f);
}

ImVec2 GestureRecognizer::velocity() const {
    if (samples_.size() < 2) return ImVec2();
    const Sample& last = samples_.back();
    // Oldest sample inside the window (at least the one before the last).
    const Sample* first = &samples_[samples_.size() - 2];
    for (const Sample& s : samples_) {
        if (last.t - s.t <= cfg_.velocity_window_s) {
            first = &s;
            break;
        }
    }
    const double dt = last.t - first->t;
    if (dt <= 1e-4) return ImVec2();
    return ImVec2(static_cast<float>((last.pos.x - first->pos.x) / dt),
                  static_cast<float>((last.pos.y - first->pos.y) / dt));
}

double GestureRecognizer::next_deadline() const {
    if (fingers_.size() != 1 || dragging_ || long_pressed_ || spent_) return -1.0;
    return down_t_ + cfg_.long_press_s;
}

void GestureRecognizer::begin_pinch(double t) {
    if (dragging_) end_drag(t, true);
    pinching_ = true;
    spent_ = true;
    pinch_d0_ = finger_distance();
    Gesture g;
    g.type = GestureType::PinchStart;
    g.pos = g.start = finger_centre();
    g.touch = touch_;
    g.t = t;
    emit(g);
}

void GestureRecognizer::end_drag(double t, bool cancelled) {
    Gesture g;
    g.type = GestureType::DragEnd;
    g.pos = last_;
    g.start = start_;
    g.total = sub(last_, start_);
    g.velocity = cancelled ? ImVec2() : velocity();
    g.cancelled = cancelled;
    g.touch = touch_;
    g.t = t;
    dragging_ = false;
    emit(g);
    if (cancelled) return;
    const float speed = length(g.velocity);
    if (speed >= cfg_.fling_min_speed) {
        Gesture f = g;
        f.type = GestureType::Fling;
        emit(f);
    }
    const float ax = std::fabs(g.velocity.x), ay = std::fabs(g.velocity.y);
    if (ax >= cfg_.swipe_min_speed && ax > 2.0f * ay &&
        std::fabs(g.total.x) >= cfg_.swipe_min_distance) {
        Gesture s = g;
        s.type = GestureType::Swipe;
        s.direction = g.velocity.x < 0 ? -1 : 1;
        emit(s);
    }
}

void GestureRecognizer::feed(const PointerEvent& e) {
    update(e.t);
    switch (e.kind) {
        case PointerEvent::Kind::Down: {
            if (find(e.pointer)) return;  // duplicate down: ignore
            fingers_.push_back({e.pointer, e.pos});
            if (fingers_.size() == 1) {
                primary_ = e.pointer;
                start_ = last_ = e.pos;
                down_t_ = e.t;
                touch_ = e.touch;
                dragging_ = pinching_ = long_pressed_ = spent_ = false;
                samples_.clear();
                samples_.push_back({e.pos, e.t});
            } else if (fingers_.size() == 2 && !pinching_) {
                begin_pinch(e.t);
            }
            return;
        }
        case PointerEvent::Kind::Move: {
            Finger* f = find(e.pointer);
            if (!f) return;  // hover (mouse without button) or unknown finger
            f->pos = e.pos;
            if (pinching_) {
                if (fingers_.size() < 2) return;
                Gesture g;
                g.type = GestureType::Pinch;
                g.pos = finger_centre();
                g.scale = finger_distance() / pinch_d0_;
                g.touch = touch_;
                g.t = e.t;
                emit(g);
                return;
            }
            if (spent_ || e.pointer != primary_) return;
            const ImVec2 prev = last_;
            last_ = e.pos;
            samples_.push_back({e.pos, e.t});
            while (samples_.size() > 2 && e.t - samples_.front().t > 4 * cfg_.velocity_window_s)
                samples_.pop_front();
            if (!dragging_) {
                if (long_pressed_ || length(sub(e.pos, start_)) <= cfg_.slop) return;
                dragging_ = true;
                Gesture g;
                g.type = GestureType::DragStart;
                g.pos = e.pos;
                g.start = start_;
                g.delta = g.total = sub(e.pos, start_);
                g.touch = touch_;
                g.t = e.t;
                emit(g);
                return;
            }
            Gesture g;
            g.type = GestureType::DragMove;
            g.pos = e.pos;
            g.start = start_;
            g.delta = sub(e.pos, prev);
            g.total = sub(e.pos, start_);
            g.touch = touch_;
            g.t = e.t;
            emit(g);
            return;
        }
        case PointerEvent::Kind::Up:
        case PointerEvent::Kind::Cancel: {
            Finger* f = find(e.pointer);
            if (!f) return;
            const bool cancel = e.kind == PointerEvent::Kind::Cancel;
            f->pos = e.pos;
            const bool was_primary = e.pointer == primary_;
            if (was_primary && !pinching_ && !spent_) {
                if (last_.x != e.pos.x || last_.y != e.pos.y) samples_.push_back({e.pos, e.t});
                last_ = e.pos;
            }
            fingers_.erase(fingers_.begin() + (f - fingers_.data()));
            if (pinching_) {
                if (fingers_.size() < 2) {
                    pinching_ = false;
                    Gesture g;
                    g.type = GestureType::PinchEnd;
                    g.pos = e.pos;
                    g.touch = touch_;
                    g.t = e.t;
                    emit(g);
                }
                return;
            }
            if (!fingers_.empty() || spent_) return;
            if (dragging_) {
                end_drag(e.t, cancel);
                return;
            }
            if (long_pressed_) {
                Gesture g;
                g.type = GestureType::LongPressEnd;
                g.pos = e.pos;
                g.start = start_;
                g.cancelled = cancel;
                g.touch = touch_;
                g.t = e.t;
                emit(g);
                return;
            }
            if (cancel) return;
            Gesture g;
            g.type = GestureType::Tap;
            g.pos = g.start = start_;
            g.touch = touch_;
            g.t = e.t;
            emit(g);
            const bool is_double = have_last_tap_ && e.t - last_tap_t_ <= cfg_.double_tap_s &&
                                   length(sub(start_, last_tap_pos_)) <= cfg_.double_tap_slop;
            if (is_double) {
                g.type = GestureType::DoubleTap;
                emit(g);
                have_last_tap_ = false;  // a third tap starts a new pair
            } else {
                have_last_tap_ = true;
                last_tap_pos_ = start_;
                last_tap_t_ = e.t;
            }
            return;
        }
    }
}

void GestureRecognizer::update(double now) {
    const double deadline = next_deadline();
    if (deadline < 0 || now < deadline) return;
    long_pressed_ = true;
    have_last_tap_ = false;
    Gesture g;
    g.type = GestureType::LongPress;
    g.pos = g.start = start_;
    g.touch = touch_;
    g.t = now;
    emit(g);
}

std::vector<Gesture> GestureRecognizer::take() {
    std::vector<Gesture> out;
    out.swap(out_);
    return out;
}

}  // namespace render
