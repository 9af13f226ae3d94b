// Keypad navigation through the real stack: Tab order, arrows, Enter pressing the focused
// control, scrolling the focus into view, a modal's own focus, the ring drawn on screen.
#include <doctest/doctest.h>

#include <string>

#include "headless.hpp"
#include "render/focus.hpp"
#include "render/overlay.hpp"
#include "render/scroll.hpp"
#include "render/widgets.hpp"

using namespace render;
using test::Headless;

namespace {

// One frame of `draw` with the focus kept and drawn, after the keys pressed since the last one.
struct Keypad {
    Headless& h;
    KeypadFocus focus;
    std::function<void()> draw;

    void frame() {
        h.frame([&] {
            draw();
            focus.end_frame(h.ui);
        });
    }
    void press(NavKey k) {
        focus.navigate(h.ui, k);
        frame();
    }
    void enter() {
        const auto at = focus.activation_point(h.ui);
        REQUIRE(at.has_value());
        h.platform.inject_tap(*at);
        for (int i = 0; i < 5; ++i) frame();
    }
    std::string at() const {
        const Element* e = focus.focused(h.ui.registry);
        return e ? e->id : std::string();
    }
};

}  // namespace

TEST_CASE("Tab goes through the controls in the order the screen lays them out, texts and backdrops left out") {
    Headless h;
    Keypad k{h, {}, {}};
    int pressed = 0;
    k.draw = [&] {
        ImGui::SetCursorScreenPos(ImVec2(40, 40));
        if (button(h.ui, "t.first", "First")) pressed = 1;
        ImGui::TextUnformatted("A line of text");
        h.ui.add_element("text", "A line of text", ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
        if (chip(h.ui, "t.second", "M", true)) pressed = 2;
        if (button(h.ui, "t.third", "Third", ButtonOptions{ButtonKind::Secondary, Icon::None, ImVec2(0, 0), false}))
            pressed = 3;
        backdrop(h.ui, "t.backdrop", "touch anywhere", ImRect(0, 0, 1280, 800));  // last, as the kiosk does
    };
    k.frame();
    // Before any key the focus is kept (the first control) but not shown.
    CHECK(k.at() == "t.first");
    CHECK_FALSE(k.focus.shown());
    const auto moves = k.focus.moves();
    k.press(NavKey::Next);  // the first key shows the ring where the focus is
    CHECK(k.focus.shown());
    CHECK(k.at() == "t.first");
    CHECK(k.focus.moves() == moves + 1);
    k.press(NavKey::Next);
    CHECK(k.at() == "t.second");
    const Element* chip_e = k.focus.focused(h.ui.registry);
    REQUIRE(chip_e);
    CHECK(chip_e->role == Role::Toggle);
    CHECK(chip_e->selected);
    k.press(NavKey::Next);
    CHECK(k.at() == "t.third");  // disabled controls are reached (speech says they are unavailable)
    CHECK_FALSE(k.focus.activation_point(h.ui).has_value());
    k.press(NavKey::Next);
    CHECK(k.at() == "t.first");  // wraps
    k.press(NavKey::Prev);
    CHECK(k.at() == "t.third");
    k.press(NavKey::Prev);
    k.enter();
    CHECK(pressed == 2);  // Enter pressed the focused chip, as a finger would
}

TEST_CASE("arrows go to the nearest element that way, texts included") {
    Headless h;
    Keypad k{h, {}, {}};
    k.draw = [&] {
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) {
                const std::string id = "t.key." + std::to_string(r) + std::to_string(c);
                ImGui::SetCursorScreenPos(ImVec2(100.0f + 200.0f * c, 100.0f + 150.0f * r));
                button(h.ui, id.c_str(), id.c_str(), ButtonOptions{ButtonKind::Secondary, Icon::None, ImVec2(150, 100)});
            }
        h.ui.add_element("text", "29,99 €", ImRect(100, 560, 400, 600), false);
    };
    k.frame();
    k.press(NavKey::Right);  // shows
    CHECK(k.at() == "t.key.00");
    k.press(NavKey::Right);
    CHECK(k.at() == "t.key.01");
    k.press(NavKey::Down);
    CHECK(k.at() == "t.key.11");
    k.press(NavKey::Down);
    CHECK(k.at() == "t.key.21");
    k.press(NavKey::Left);
    CHECK(k.at() == "t.key.20");
    k.press(NavKey::Down);
    CHECK(k.at() == "text");  // the price line below, which Tab skips
    k.press(NavKey::Down);
    CHECK(k.at() == "text");  // nothing further down: it stays
    k.press(NavKey::Up);
    CHECK(k.at() == "t.key.20");
}

TEST_CASE("the focus scrolls its region to come into view, and Enter presses what is shown") {
    Headless h;
    Keypad k{h, {}, {}};
    ScrollState scroll;
    int clicked = -1;
    k.draw = [&] {
        ImGui::SetCursorScreenPos(ImVec2(0, 0));
        begin_scroll_area(h.ui, "t.list", ImVec2(600, 500), scroll);
        for (int i = 0; i < 40; ++i) {
            const std::string id = "t.item." + std::to_string(i);
            if (button(h.ui, id.c_str(), id.c_str(), {ButtonKind::Secondary})) clicked = i;
        }
        end_scroll_area(h.ui, scroll);
    };
    k.frame();
    k.frame();
    k.press(NavKey::Next);
    for (int i = 0; i < 30; ++i) k.press(NavKey::Next);
    k.frame();
    REQUIRE(k.at() == "t.item.30");
    const Element* e = k.focus.focused(h.ui.registry);
    REQUIRE(e);
    CHECK(scroll.scroller.position() > 0);
    CHECK(e->visible.h == doctest::Approx(e->rect.h));  // wholly in view
    k.enter();
    CHECK(clicked == 30);
    // Back to the top by wrapping round.
    for (int i = 0; i < 10; ++i) k.press(NavKey::Next);
    k.frame();
    CHECK(k.at() == "t.item.0");
    e = k.focus.focused(h.ui.registry);
    REQUIRE(e);
    CHECK(e->visible.h == doctest::Approx(e->rect.h));
}

TEST_CASE("a modal has the focus while it is open; the screen's comes back when it closes; the ring is drawn") {
    Headless h;
    Keypad k{h, {}, {}};
    bool open = false;
    k.draw = [&] {
        ImGui::SetCursorScreenPos(ImVec2(40, 40));
        button(h.ui, "t.a", "A");
        if (button(h.ui, "t.b", "B")) open = true;
        if (open) {
            bool dismissed = false;
            begin_modal(h.ui, "t.modal", "Title", &dismissed);
            button(h.ui, "t.modal.ok", "OK");
            if (button(h.ui, "t.modal.close", "Close")) open = false;
            end_modal(h.ui);
        }
    };
    k.frame();
    k.press(NavKey::Next);
    k.press(NavKey::Next);
    REQUIRE(k.at() == "t.b");
    // The ring: yellow pixels just around the focused button.
    const Element* b = k.focus.focused(h.ui.registry);
    REQUIRE(b);
    const Rect r = b->rect;
    h.frame([&] {
        k.draw();
        k.focus.end_frame(h.ui);
    });
    int w = 0, hh = 0;
    h.platform.render(IM_COL32(255, 255, 255, 255));
    const std::vector<std::uint8_t> px = h.platform.read_pixels(&w, &hh);
    int yellow = 0;
    const int y = static_cast<int>(r.cy());
    for (int x = static_cast<int>(r.right()); x < static_cast<int>(r.right() + h.ui.mm(3)) && x < w; ++x) {
        const std::uint8_t* p = &px[(static_cast<std::size_t>(y) * w + x) * 4];
        if (p[0] > 200 && p[1] > 170 && p[2] < 80) ++yellow;
    }
    CHECK(yellow > 0);

    k.enter();  // opens the modal
    k.frame();
    CHECK(open);
    CHECK(k.at() == "t.modal.ok");
    k.press(NavKey::Next);
    CHECK(k.at() == "t.modal.close");
    k.press(NavKey::Next);
    CHECK(k.at() == "t.modal.ok");  // the screen below is out of reach
    k.press(NavKey::Next);
    k.enter();
    k.frame();
    CHECK_FALSE(open);
    CHECK(k.at() == "t.b");
}
