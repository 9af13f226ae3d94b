// Touch -> Dear ImGui pointer translation (no window needed).
#include <doctest/doctest.h>

#include <cfloat>

#include "render/pointer.hpp"

using namespace render;

namespace {

struct ImGuiScope {
    ImGuiContext* ctx = ImGui::CreateContext();
    ~ImGuiScope() { ImGui::DestroyContext(ctx); }
};

PointerEvent touch(PointerEvent::Kind k, float x, float y, std::int64_t id = 7) {
    PointerEvent e;
    e.kind = k;
    e.pointer = id;
    e.pos = ImVec2(x, y);
    e.touch = true;
    return e;
}

bool hidden(const ImGuiIO& io) {
    return io.MousePos.x == -FLT_MAX && io.MousePos.y == -FLT_MAX;
}

}  // namespace

TEST_CASE("a tap shorter than a frame still presses and releases on separate frames") {
    ImGuiScope scope;
    ImGuiIO& io = ImGui::GetIO();
    PointerFeed f;
    f.apply(io);
    CHECK(hidden(io));  // no finger: nothing hovered
    // Down and up arrive in the same event poll.
    f.feed(touch(PointerEvent::Kind::Down, 40, 50));
    f.feed(touch(PointerEvent::Kind::Up, 40, 50));
    f.apply(io);  // frame 1: pointer arrives, not pressed yet
    CHECK(io.MousePos.x == 40);
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(f.pending());
    f.apply(io);  // frame 2: pressed
    CHECK(io.MouseDown[0]);
    CHECK(io.MousePos.y == 50);
    f.apply(io);  // frame 3: released over the same spot: a click
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(io.MousePos.x == 40);
    f.apply(io);  // frame 4: finger gone, nothing hovered
    CHECK(hidden(io));
    CHECK_FALSE(f.pending());
}

TEST_CASE("moves are coalesced and follow the finger while pressed") {
    ImGuiScope scope;
    ImGuiIO& io = ImGui::GetIO();
    PointerFeed f;
    f.feed(touch(PointerEvent::Kind::Down, 10, 10));
    f.apply(io);
    f.apply(io);
    CHECK(io.MouseDown[0]);
    f.feed(touch(PointerEvent::Kind::Move, 11, 12));
    f.feed(touch(PointerEvent::Kind::Move, 13, 14));
    f.apply(io);
    CHECK(io.MouseDown[0]);
    CHECK(io.MousePos.x == 13);
    CHECK_FALSE(f.pending());
}

TEST_CASE("capture releases the press off-screen: the button under the finger never clicks") {
    ImGuiScope scope;
    ImGuiIO& io = ImGui::GetIO();
    PointerFeed f;
    f.feed(touch(PointerEvent::Kind::Down, 100, 100));
    f.apply(io);
    f.apply(io);
    REQUIRE(io.MouseDown[0]);
    f.feed(touch(PointerEvent::Kind::Move, 100, 140));
    f.capture();  // the gesture layer saw a drag
    f.apply(io);
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(hidden(io));
    f.feed(touch(PointerEvent::Kind::Move, 100, 200));
    f.apply(io);
    CHECK(hidden(io));  // stays away while dragging
    f.feed(touch(PointerEvent::Kind::Up, 100, 200));
    f.apply(io);
    CHECK(hidden(io));
    CHECK_FALSE(io.MouseDown[0]);
}

TEST_CASE("a second finger does not move the pointer") {
    ImGuiScope scope;
    ImGuiIO& io = ImGui::GetIO();
    PointerFeed f;
    f.feed(touch(PointerEvent::Kind::Down, 10, 10, 1));
    f.feed(touch(PointerEvent::Kind::Down, 500, 500, 2));
    f.feed(touch(PointerEvent::Kind::Move, 600, 600, 2));
    f.apply(io);
    f.apply(io);
    CHECK(io.MousePos.x == 10);
}

TEST_CASE("the mouse keeps hovering after a click") {
    ImGuiScope scope;
    ImGuiIO& io = ImGui::GetIO();
    PointerFeed f;
    PointerEvent m;
    m.pointer = kMousePointer;
    m.touch = false;
    m.kind = PointerEvent::Kind::Move;
    m.pos = ImVec2(5, 6);
    f.feed(m);
    f.apply(io);
    CHECK(io.MousePos.x == 5);
    m.kind = PointerEvent::Kind::Down;
    f.feed(m);
    m.kind = PointerEvent::Kind::Up;
    f.feed(m);
    f.apply(io);
    CHECK(io.MouseDown[0]);
    f.apply(io);
    CHECK_FALSE(io.MouseDown[0]);
    f.apply(io);
    CHECK(io.MousePos.x == 5);  // still hovering
}

TEST_CASE("SDL finger events map to UI pixels, also on a rotated panel") {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_FINGERDOWN;
    e.tfinger.fingerId = 3;
    e.tfinger.x = 0.25f;
    e.tfinger.y = 0.5f;
    auto p = to_pointer_event(e, ImVec2(1920, 1080), Rotation::R0, 1.0);
    REQUIRE(p.has_value());
    CHECK(p->kind == PointerEvent::Kind::Down);
    CHECK(p->pointer == 3);
    CHECK(p->pos.x == doctest::Approx(480));
    CHECK(p->pos.y == doctest::Approx(540));
    CHECK(p->touch);

    // Portrait UI (1080x1920) turned 90 degrees onto a landscape panel (1920x1080): the panel's
    // top-right corner is the UI's top-left corner.
    e.tfinger.x = 1.0f;
    e.tfinger.y = 0.0f;
    p = to_pointer_event(e, ImVec2(1080, 1920), Rotation::R90, 1.0);
    REQUIRE(p.has_value());
    CHECK(p->pos.x == doctest::Approx(0));
    CHECK(p->pos.y == doctest::Approx(0));
    e.tfinger.x = 0.0f;
    e.tfinger.y = 1.0f;  // panel bottom-left = UI bottom-right
    p = to_pointer_event(e, ImVec2(1080, 1920), Rotation::R90, 1.0);
    CHECK(p->pos.x == doctest::Approx(1080));
    CHECK(p->pos.y == doctest::Approx(1920));
}

TEST_CASE("mouse events synthesised from touch are ignored") {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.which = SDL_TOUCH_MOUSEID;
    e.button.button = SDL_BUTTON_LEFT;
    CHECK_FALSE(to_pointer_event(e, ImVec2(100, 100), Rotation::R0, 0.0).has_value());
    e.button.which = 0;
    auto p = to_pointer_event(e, ImVec2(100, 100), Rotation::R0, 0.0);
    REQUIRE(p.has_value());
    CHECK_FALSE(p->touch);
    CHECK(p->pointer == kMousePointer);
}
