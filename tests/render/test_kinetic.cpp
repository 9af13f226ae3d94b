// Kinetic scrolling: fling deceleration, rubber band, spring back.
#include <doctest/doctest.h>

#include <cmath>

#include "render/kinetic.hpp"

using render::KineticScroller;

TEST_CASE("a fling decelerates smoothly and travels v0 * time constant") {
    KineticScroller k;
    k.set_range(1e9);
    k.set_position(1000);
    k.release(3000.0);
    double last_v = k.velocity();
    double last_p = k.position();
    int frames = 0;
    while (k.animating() && frames < 10000) {
        k.step(1.0 / 60.0);
        CHECK(k.velocity() <= last_v);  // never speeds up
        CHECK(k.position() >= last_p);  // never goes back
        last_v = k.velocity();
        last_p = k.position();
        ++frames;
    }
    CHECK_FALSE(k.animating());
    const double travelled = k.position() - 1000.0;
    CHECK(travelled == doctest::Approx(3000.0 * k.time_constant).epsilon(0.01));
    // Stops in a natural time: a few time constants (~2 s), not instantly, not forever.
    CHECK(frames > 60);
    CHECK(frames < 240);
}

TEST_CASE("the deceleration does not depend on the frame rate") {
    KineticScroller a, b;
    a.set_range(1e9);
    b.set_range(1e9);
    a.release(2000);
    b.release(2000);
    for (int i = 0; i < 30; ++i) a.step(1.0 / 30.0);
    for (int i = 0; i < 120; ++i) b.step(1.0 / 120.0);
    CHECK(a.position() == doctest::Approx(b.position()).epsilon(0.001));
}

TEST_CASE("hitting the end stops the fling at the end") {
    KineticScroller k;
    k.set_range(500);
    k.set_position(400);
    k.release(5000);
    for (int i = 0; i < 300 && k.animating(); ++i) k.step(1.0 / 60.0);
    CHECK_FALSE(k.animating());
    CHECK(k.position() == doctest::Approx(500));
}

TEST_CASE("dragging past an end resists and springs back on release") {
    KineticScroller k;
    k.set_range(1000);
    k.set_position(0);
    k.drag(-90);  // finger pulls the content down at the top
    CHECK(k.position() == doctest::Approx(-30));
    CHECK(k.overscroll() < 0);
    k.release(0);
    for (int i = 0; i < 120 && k.animating(); ++i) k.step(1.0 / 60.0);
    CHECK(k.position() == doctest::Approx(0));
    CHECK_FALSE(k.animating());
}

TEST_CASE("a touch stops a coasting list") {
    KineticScroller k;
    k.set_range(1e6);
    k.release(4000);
    k.step(0.05);
    k.stop();
    CHECK(k.velocity() == 0.0);
    CHECK_FALSE(k.animating());
}

TEST_CASE("positions stay exact far down a very long list") {
    KineticScroller k;
    const double max = 250000.0 * 430.0;  // 1 000 000 items in 4 columns of 430 px rows
    k.set_range(max);
    k.set_position(max - 1.0);
    k.drag(0.25);
    CHECK(k.position() == doctest::Approx(max - 0.75).epsilon(1e-12));
}
