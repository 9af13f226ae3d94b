// Gesture recogniser on synthetic event streams.
#include <doctest/doctest.h>

#include <cmath>

#include "render/gestures.hpp"

using namespace render;

namespace {

PointerEvent ev(PointerEvent::Kind k, float x, float y, double t, std::int64_t id = 1) {
    PointerEvent e;
    e.kind = k;
    e.pointer = id;
    e.pos = ImVec2(x, y);
    e.t = t;
    return e;
}
constexpr auto Down = PointerEvent::Kind::Down;
constexpr auto Move = PointerEvent::Kind::Move;
constexpr auto Up = PointerEvent::Kind::Up;

int count(const std::vector<Gesture>& gs, GestureType t) {
    int n = 0;
    for (const auto& g : gs) n += g.type == t;
    return n;
}
const Gesture* first(const std::vector<Gesture>& gs, GestureType t) {
    for (const auto& g : gs)
        if (g.type == t) return &g;
    return nullptr;
}

}  // namespace

TEST_CASE("a quick press and release is a tap") {
    GestureRecognizer r;
    r.feed(ev(Down, 100, 100, 0.0));
    r.feed(ev(Up, 100, 100, 0.05));
    const auto gs = r.take();
    REQUIRE(count(gs, GestureType::Tap) == 1);
    CHECK(first(gs, GestureType::Tap)->pos.x == doctest::Approx(100));
    CHECK(count(gs, GestureType::DragStart) == 0);
}

TEST_CASE("movement below the slop is still a tap, never a drag") {
    GestureRecognizer r;  // slop 12 px
    r.feed(ev(Down, 100, 100, 0.0));
    r.feed(ev(Move, 105, 106, 0.02));
    r.feed(ev(Move, 108, 104, 0.04));
    r.feed(ev(Up, 108, 104, 0.06));
    const auto gs = r.take();
    CHECK(count(gs, GestureType::Tap) == 1);
    CHECK(count(gs, GestureType::DragStart) == 0);
}

TEST_CASE("movement above the slop is a drag and never a tap") {
    GestureRecognizer r;
    r.feed(ev(Down, 100, 100, 0.0));
    r.feed(ev(Move, 100, 110, 0.016));
    CHECK(count(r.take(), GestureType::DragStart) == 0);
    r.feed(ev(Move, 100, 130, 0.032));
    auto gs = r.take();
    REQUIRE(count(gs, GestureType::DragStart) == 1);
    CHECK(first(gs, GestureType::DragStart)->total.y == doctest::Approx(30));
    CHECK(r.dragging());
    r.feed(ev(Move, 100, 150, 0.048));
    gs = r.take();
    REQUIRE(count(gs, GestureType::DragMove) == 1);
    CHECK(first(gs, GestureType::DragMove)->delta.y == doctest::Approx(20));
    // Coming back to the start point does not turn it into a tap.
    r.feed(ev(Move, 100, 100, 0.5));
    r.feed(ev(Up, 100, 100, 0.9));
    gs = r.take();
    CHECK(count(gs, GestureType::DragEnd) == 1);
    CHECK(count(gs, GestureType::Tap) == 0);
    CHECK_FALSE(r.dragging());
}

TEST_CASE("two taps close in time and space make a double tap") {
    GestureRecognizer r;
    r.feed(ev(Down, 200, 200, 0.0));
    r.feed(ev(Up, 200, 200, 0.05));
    r.feed(ev(Down, 205, 198, 0.20));
    r.feed(ev(Up, 205, 198, 0.25));
    auto gs = r.take();
    CHECK(count(gs, GestureType::Tap) == 2);
    CHECK(count(gs, GestureType::DoubleTap) == 1);

    SUBCASE("too slow is two single taps") {
        r.feed(ev(Down, 200, 200, 2.0));
        r.feed(ev(Up, 200, 200, 2.05));
        r.feed(ev(Down, 200, 200, 2.6));
        r.feed(ev(Up, 200, 200, 2.65));
        gs = r.take();
        CHECK(count(gs, GestureType::Tap) == 2);
        CHECK(count(gs, GestureType::DoubleTap) == 0);
    }
    SUBCASE("too far is two single taps") {
        r.feed(ev(Down, 200, 200, 3.0));
        r.feed(ev(Up, 200, 200, 3.05));
        r.feed(ev(Down, 400, 200, 3.15));
        r.feed(ev(Up, 400, 200, 3.2));
        gs = r.take();
        CHECK(count(gs, GestureType::DoubleTap) == 0);
    }
}

TEST_CASE("holding still fires a long press, then no tap") {
    GestureRecognizer r;
    r.feed(ev(Down, 50, 60, 1.0));
    CHECK(r.next_deadline() == doctest::Approx(1.5));
    r.update(1.3);
    CHECK(count(r.take(), GestureType::LongPress) == 0);
    r.update(1.5);
    auto gs = r.take();
    REQUIRE(count(gs, GestureType::LongPress) == 1);
    CHECK(first(gs, GestureType::LongPress)->pos.y == doctest::Approx(60));
    CHECK(r.next_deadline() < 0);
    r.update(3.0);
    CHECK(r.take().empty());  // fires once
    r.feed(ev(Up, 52, 61, 3.1));
    gs = r.take();
    CHECK(count(gs, GestureType::Tap) == 0);
    REQUIRE(count(gs, GestureType::LongPressEnd) == 1);
    CHECK(first(gs, GestureType::LongPressEnd)->pos.x == doctest::Approx(52));
}

TEST_CASE("a drag cancels the pending long press") {
    GestureRecognizer r;
    r.feed(ev(Down, 0, 0, 0.0));
    r.feed(ev(Move, 0, 40, 0.1));
    r.update(2.0);
    CHECK(count(r.take(), GestureType::LongPress) == 0);
}

TEST_CASE("a fast release flings with the finger's velocity") {
    GestureRecognizer r;
    // 2000 px/s upwards, sampled at 120 Hz.
    double t = 0.0;
    float y = 800.0f;
    r.feed(ev(Down, 300, y, t));
    for (int i = 0; i < 12; ++i) {
        t += 1.0 / 120.0;
        y -= 2000.0f / 120.0f;
        r.feed(ev(Move, 300, y, t));
    }
    r.feed(ev(Up, 300, y, t + 0.001));
    const auto gs = r.take();
    const Gesture* end = first(gs, GestureType::DragEnd);
    const Gesture* fling = first(gs, GestureType::Fling);
    REQUIRE(end != nullptr);
    REQUIRE(fling != nullptr);
    CHECK(fling->velocity.y == doctest::Approx(-2000.0).epsilon(0.05));
    CHECK(std::fabs(fling->velocity.x) < 1.0f);
    CHECK(count(gs, GestureType::Swipe) == 0);  // vertical
}

TEST_CASE("a slow release ends the drag without a fling") {
    GestureRecognizer r;
    r.feed(ev(Down, 0, 0, 0.0));
    r.feed(ev(Move, 0, 50, 0.1));
    r.feed(ev(Move, 0, 60, 0.5));
    r.feed(ev(Move, 0, 60, 0.9));
    r.feed(ev(Up, 0, 60, 1.0));
    const auto gs = r.take();
    CHECK(count(gs, GestureType::DragEnd) == 1);
    CHECK(count(gs, GestureType::Fling) == 0);
}

TEST_CASE("a fast horizontal flick is a swipe with a direction") {
    GestureRecognizer r;
    r.feed(ev(Down, 600, 300, 0.0));
    r.feed(ev(Move, 560, 302, 0.02));
    r.feed(ev(Move, 500, 303, 0.04));
    r.feed(ev(Move, 420, 304, 0.06));
    r.feed(ev(Up, 400, 304, 0.07));
    const auto gs = r.take();
    const Gesture* s = first(gs, GestureType::Swipe);
    REQUIRE(s != nullptr);
    CHECK(s->direction == -1);
}

TEST_CASE("two fingers pinch: the scale follows the distance, nothing else fires") {
    GestureRecognizer r;
    r.feed(ev(Down, 100, 100, 0.0, 1));
    r.feed(ev(Down, 200, 100, 0.01, 2));
    auto gs = r.take();
    REQUIRE(count(gs, GestureType::PinchStart) == 1);
    CHECK(first(gs, GestureType::PinchStart)->pos.x == doctest::Approx(150));
    r.feed(ev(Move, 50, 100, 0.05, 1));
    r.feed(ev(Move, 250, 100, 0.06, 2));
    gs = r.take();
    REQUIRE(count(gs, GestureType::Pinch) == 2);
    CHECK(gs.back().scale == doctest::Approx(2.0));
    CHECK(gs.back().pos.x == doctest::Approx(150));
    r.feed(ev(Up, 50, 100, 0.1, 1));
    r.feed(ev(Move, 300, 300, 0.12, 2));
    r.feed(ev(Up, 300, 300, 0.15, 2));
    gs = r.take();
    CHECK(count(gs, GestureType::PinchEnd) == 1);
    CHECK(count(gs, GestureType::Tap) == 0);
    CHECK(count(gs, GestureType::DragStart) == 0);
    CHECK_FALSE(r.pressed());
}

TEST_CASE("a second finger during a drag cancels the drag") {
    GestureRecognizer r;
    r.feed(ev(Down, 100, 100, 0.0, 1));
    r.feed(ev(Move, 100, 200, 0.05, 1));
    r.feed(ev(Down, 300, 300, 0.1, 2));
    const auto gs = r.take();
    const Gesture* end = first(gs, GestureType::DragEnd);
    REQUIRE(end != nullptr);
    CHECK(end->cancelled);
    CHECK(count(gs, GestureType::Fling) == 0);
    CHECK(count(gs, GestureType::PinchStart) == 1);
}
