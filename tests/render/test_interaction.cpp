// Touch interaction through the real stack (headless platform -> pointer layer -> Dear ImGui ->
// widgets): taps, drag-to-scroll over buttons, fling, the on-screen keyboard, the image viewer.
#include <doctest/doctest.h>

#include <cfloat>
#include <string>

#include "headless.hpp"
#include "render/image_viewer.hpp"
#include "render/keyboard.hpp"
#include "render/scroll.hpp"
#include "render/widgets.hpp"

using namespace render;
using test::Headless;

TEST_CASE("a finger tap shorter than a frame clicks the button under it") {
    Headless h;
    int clicks = 0;
    const auto draw = [&] {
        ImGui::SetCursorScreenPos(ImVec2(100, 100));
        if (button(h.ui, "t.ok", "OK")) ++clicks;
    };
    h.frame(draw);
    const Element* e = h.ui.registry.find("t.ok");
    REQUIRE(e != nullptr);
    const ImVec2 c(e->rect.cx(), e->rect.cy());
    const double t = h.platform.now();
    h.touch(PointerEvent::Kind::Down, c, t);
    h.touch(PointerEvent::Kind::Up, c, t + 0.01);
    for (int i = 0; i < 5; ++i) h.frame(draw);
    CHECK(clicks == 1);
    // Nothing stays hovered after the finger left.
    CHECK(ImGui::GetIO().MousePos.x == -FLT_MAX);

    SUBCASE("a scripted tap on the element's centre clicks too") {
        h.platform.inject_tap(c);
        for (int i = 0; i < 5; ++i) h.frame(draw);
        CHECK(clicks == 2);
    }
    SUBCASE("a tap beside the button does nothing") {
        h.touch(PointerEvent::Kind::Down, ImVec2(c.x, c.y + 200), t + 0.1);
        h.touch(PointerEvent::Kind::Up, ImVec2(c.x, c.y + 200), t + 0.11);
        for (int i = 0; i < 5; ++i) h.frame(draw);
        CHECK(clicks == 1);
    }
}

TEST_CASE("a drag that starts on a button scrolls the list and does not click") {
    Headless h;
    int clicks = 0;
    ScrollState scroll;
    const auto draw = [&] {
        begin_scroll_area(h.ui, "t.list", ImVec2(600, 500), scroll);
        for (int i = 0; i < 40; ++i) {
            const std::string id = "t.item." + std::to_string(i);
            if (button(h.ui, id.c_str(), id.c_str(), {ButtonKind::Secondary})) ++clicks;
        }
        end_scroll_area(h.ui, scroll);
    };
    h.frame(draw);
    h.frame(draw);
    const Element* e = h.ui.registry.find("t.item.3");
    REQUIRE(e != nullptr);
    ImVec2 p(e->rect.cx(), e->rect.cy());
    double t = h.platform.now();
    h.touch(PointerEvent::Kind::Down, p, t);
    h.frame(draw);
    h.frame(draw);  // the button is pressed now
    for (int i = 0; i < 10; ++i) {
        p.y -= 25.0f;
        t += 1.0 / 60.0;
        h.touch(PointerEvent::Kind::Move, p, t);
        h.frame(draw);
    }
    const double while_dragging = scroll.scroller.position();
    CHECK(while_dragging > 150.0);  // follows the finger (250 px, minus the claim frame)
    CHECK(while_dragging <= 250.0);
    h.touch(PointerEvent::Kind::Up, p, t + 0.001);
    h.frame(draw);
    h.frame(draw);
    CHECK(clicks == 0);
    // Released while moving at 1500 px/s: it keeps coasting.
    CHECK(scroll.scroller.animating());
    const double at_release = scroll.scroller.position();
    h.frame(draw);
    h.frame(draw);
    CHECK(scroll.scroller.position() > at_release);

    // A touch on the coasting list stops it and does not press the button under the finger.
    REQUIRE(scroll.scroller.animating());
    const Element* under = h.ui.registry.find("t.item.10");
    REQUIRE(under != nullptr);
    h.platform.inject_tap(ImVec2(under->rect.cx(), under->rect.cy()));
    for (int i = 0; i < 5; ++i) h.frame(draw);
    CHECK_FALSE(scroll.scroller.animating());
    CHECK(clicks == 0);
    // The next tap on a still list clicks as usual.
    under = h.ui.registry.find("t.item.10");
    REQUIRE(under != nullptr);
    h.platform.inject_tap(ImVec2(under->rect.cx(), under->rect.cy()));
    for (int i = 0; i < 5; ++i) h.frame(draw);
    CHECK(clicks == 1);
}

TEST_CASE("typing on the on-screen keyboard by tapping keys, shift, backspace and Enter") {
    Headless h(1280, 800);
    KeyboardState st;
    std::string text;
    KeyboardResult last;
    bool entered = false;
    const auto draw = [&] {
        ImGui::SetCursorScreenPos(ImVec2(0, 300));
        last = on_screen_keyboard(h.ui, "osk", st, text, 1280);
        entered |= last.enter;
    };
    h.frame(draw);
    double t = h.platform.now();
    const auto tap = [&](const char* id) {
        const Element* e = h.ui.registry.find(id);
        REQUIRE_MESSAGE(e != nullptr, id);
        const ImVec2 c(e->rect.cx(), e->rect.cy());
        t += 0.05;
        h.touch(PointerEvent::Kind::Down, c, t);
        h.frame(draw);
        t += 0.05;
        h.touch(PointerEvent::Kind::Up, c, t);
        h.frame(draw);
        h.frame(draw);
        t += 0.5;  // not a double tap
    };
    CHECK(h.ui.registry.find("osk.key.a")->rect.x < h.ui.registry.find("osk.key.z")->rect.x);
    tap("osk.key.shift");
    tap("osk.key.a");
    tap("osk.key.z");
    tap("osk.key.space");
    tap("osk.key.e");
    CHECK(text == "Az e");
    tap("osk.key.backspace");
    CHECK(text == "Az ");
    tap("osk.key.123");
    tap("osk.key.4");
    tap("osk.key.2");
    CHECK(text == "Az 42");
    {
        // A tap shorter than a frame (down and up before the next frame) deletes once too.
        const Element* e = h.ui.registry.find("osk.key.backspace");
        REQUIRE(e != nullptr);
        const ImVec2 c(e->rect.cx(), e->rect.cy());
        t += 0.05;
        h.touch(PointerEvent::Kind::Down, c, t);
        t += 0.01;
        h.touch(PointerEvent::Kind::Up, c, t);
        h.frame(draw);
        h.frame(draw);
        h.frame(draw);
        t += 0.5;
        CHECK(text == "Az 4");
    }
    tap("osk.key.2");
    CHECK(text == "Az 42");
    tap("osk.key.enter");
    CHECK(entered);
    tap("osk.key.abc");
    REQUIRE(h.ui.registry.find("osk.key.e") != nullptr);

    SUBCASE("holding backspace repeats until the finger lifts") {
        text = "abcdefghijklmnopqrstuvwxyz";
        const Element* bs = h.ui.registry.find("osk.key.backspace");
        REQUIRE(bs != nullptr);
        const ImVec2 c(bs->rect.cx(), bs->rect.cy());
        h.touch(PointerEvent::Kind::Down, c, h.clock);
        for (int i = 0; i < 60; ++i) h.frame(draw);  // one virtual second
        const size_t held = text.size();
        CHECK(held <= 26u - 6u);  // first delete + repeats after 0.45 s every 0.07 s
        CHECK(held >= 26u - 10u);
        CHECK(h.platform.idle_timeout(h.ui) >= 0.0);  // the repeat keeps the loop awake
        h.touch(PointerEvent::Kind::Up, c, h.clock);
        for (int i = 0; i < 30; ++i) h.frame(draw);
        CHECK(text.size() == held);
    }
    SUBCASE("a long press offers the accents; lifting on one types it") {
        const Element* e = h.ui.registry.find("osk.key.e");
        const ImVec2 c(e->rect.cx(), e->rect.cy());
        // Pressed 1 s ago: the recogniser's next update fires the long press.
        h.touch(PointerEvent::Kind::Down, c, h.platform.now() - 1.0);
        h.frame(draw);
        h.frame(draw);
        REQUIRE(st.accents_open);
        const Element* acute = h.ui.registry.find("osk.key.accent.0");
        REQUIRE(acute != nullptr);
        CHECK(acute->label == "é");
        const ImVec2 a(acute->rect.cx(), acute->rect.cy());
        h.touch(PointerEvent::Kind::Move, a, h.platform.now());
        h.frame(draw);
        h.touch(PointerEvent::Kind::Up, a, h.platform.now());
        h.frame(draw);
        h.frame(draw);
        CHECK(text == "Az 42é");
        CHECK_FALSE(st.accents_open);
    }
}

TEST_CASE("image viewer: swipe turns the page, double tap zooms around the finger") {
    Headless h(1000, 700);
    ImageViewerState st;
    const std::vector<std::string> pics = {"a.png", "b.png", "c.png"};  // no pipeline: placeholders
    const auto draw = [&] {
        ImGui::SetCursorScreenPos(ImVec2(0, 0));
        image_viewer(h.ui, "viewer", ImVec2(1000, 700), pics, st);
    };
    h.frame(draw);
    double t = h.platform.now();
    ImVec2 p(800, 350);
    h.touch(PointerEvent::Kind::Down, p, t);
    h.frame(draw);
    for (int i = 0; i < 6; ++i) {
        p.x -= 60.0f;
        t += 1.0 / 60.0;
        h.touch(PointerEvent::Kind::Move, p, t);
        h.frame(draw);
    }
    h.touch(PointerEvent::Kind::Up, p, t + 0.001);
    h.frame(draw);
    h.frame(draw);
    CHECK(st.index == 1);
    // The first page does not go further left than the start.
    t += 1.0;
    h.touch(PointerEvent::Kind::Down, ImVec2(500, 350), t);
    h.touch(PointerEvent::Kind::Up, ImVec2(500, 350), t + 0.05);
    h.touch(PointerEvent::Kind::Down, ImVec2(502, 350), t + 0.15);
    h.touch(PointerEvent::Kind::Up, ImVec2(502, 350), t + 0.2);
    for (int i = 0; i < 6; ++i) h.frame(draw);
    CHECK(st.zoom == doctest::Approx(2.5f));
    CHECK(st.index == 1);
}

TEST_CASE("image viewer: two fingers pinch-zoom around their centre, then back to fit") {
    Headless h(1000, 700);
    ImageViewerState st;
    const std::vector<std::string> pics = {"a.png", "b.png"};
    const auto draw = [&] {
        ImGui::SetCursorScreenPos(ImVec2(0, 0));
        image_viewer(h.ui, "viewer", ImVec2(1000, 700), pics, st);
    };
    h.frame(draw);
    const double t = h.clock;
    h.touch(PointerEvent::Kind::Down, ImVec2(450, 350), t, 1);
    h.touch(PointerEvent::Kind::Down, ImVec2(550, 350), t + 0.01, 2);
    h.frame(draw);
    h.touch(PointerEvent::Kind::Move, ImVec2(350, 350), t + 0.05, 1);
    h.touch(PointerEvent::Kind::Move, ImVec2(650, 350), t + 0.06, 2);
    h.frame(draw);
    CHECK(st.zoom == doctest::Approx(3.0f));
    CHECK(st.index == 0);  // a pinch never turns the page
    h.touch(PointerEvent::Kind::Move, ImVec2(470, 350), t + 0.1, 1);
    h.touch(PointerEvent::Kind::Move, ImVec2(530, 350), t + 0.11, 2);
    h.touch(PointerEvent::Kind::Up, ImVec2(470, 350), t + 0.12, 1);
    h.touch(PointerEvent::Kind::Up, ImVec2(530, 350), t + 0.13, 2);
    h.frame(draw);
    h.frame(draw);
    CHECK(st.zoom == doctest::Approx(1.0f));  // clamped at "fit", never smaller
    CHECK(st.index == 0);
}
