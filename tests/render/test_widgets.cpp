// Widgets in a headless frame: the virtualised grid only builds what is in view (also at the
// far end of 1 000 000 items), modals block what is below them, and kiosk screens pass the
// tap-target audit.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "headless.hpp"
#include "render/grid.hpp"
#include "render/overlay.hpp"
#include "render/widgets.hpp"

using namespace render;
using test::Headless;

TEST_CASE("the grid builds only the visible tiles, anywhere in 1 000 000 items") {
    Headless h(1280, 800);
    GridState st;
    GridLayout layout;
    std::set<std::int64_t> drawn;
    const std::int64_t count = 1000000;
    const auto draw = [&] {
        drawn.clear();
        virtual_grid(
            h.ui, "grid", ImVec2(0, 0), count, layout, st, [&](std::int64_t i, const ImRect& r) {
                drawn.insert(i);
                product_tile(h.ui, ("grid.item." + std::to_string(i)).c_str(), r, TileContent{});
            });
    };
    h.frame(draw);
    REQUIRE(st.columns >= 2);
    CHECK(*drawn.begin() == 0);
    CHECK(drawn.size() <= static_cast<size_t>(st.columns) * 6);  // a screenful, not a million
    CHECK(h.ui.registry.find("grid.item.0") != nullptr);

    // Jump to the very end: the last item is laid out to the pixel.
    st.scroll.scroller.set_position(st.scroll.scroller.max_position());
    h.frame(draw);
    REQUIRE_FALSE(drawn.empty());
    CHECK(*drawn.rbegin() == count - 1);
    const Element* last = h.ui.registry.find("grid.item.999999");
    REQUIRE(last != nullptr);
    CHECK(last->visible.h == doctest::Approx(last->rect.h));  // fully on screen
    CHECK(last->rect.bottom() <= 800.0f);
    CHECK(h.ui.registry.audit(h.ui.min_tap()).empty());
}

TEST_CASE("a modal blocks the screen below and a tap on the scrim dismisses it") {
    Headless h(1280, 800);
    int below = 0, inside = 0;
    bool open = true, dismissed = false;
    const auto draw = [&] {
        ImGui::SetCursorScreenPos(ImVec2(40, 40));
        if (button(h.ui, "screen.action", "Action")) ++below;
        ImGui::End();  // close the harness window, draw the modal on top
        if (open) {
            if (begin_modal(h.ui, "modal", "Titre", &dismissed)) {
                if (button(h.ui, "modal.ok", "OK")) ++inside;
                end_modal(h.ui);
            }
            if (dismissed) open = false;
        }
        ImGui::Begin("test");
    };
    h.frame(draw);
    h.frame(draw);
    const Element* action = h.ui.registry.find("screen.action");
    const Element* ok = h.ui.registry.find("modal.ok");
    REQUIRE(action != nullptr);
    REQUIRE(ok != nullptr);
    CHECK(ok->layer > action->layer);
    h.platform.inject_tap(ImVec2(ok->rect.cx(), ok->rect.cy()));
    for (int i = 0; i < 5; ++i) h.frame(draw);
    CHECK(inside == 1);
    CHECK(open);
    h.platform.inject_tap(ImVec2(action->rect.cx(), action->rect.cy()));  // on the scrim
    for (int i = 0; i < 5; ++i) h.frame(draw);
    CHECK(below == 0);
    CHECK_FALSE(open);
}

TEST_CASE("kiosk widgets pass the tap-target audit") {
    Headless h(1280, 800);
    h.frame([&] {
        button(h.ui, "w.primary", "Ajouter");
        ImGui::SameLine();
        button(h.ui, "w.icon", "", {ButtonKind::Secondary, Icon::Search});
        chip(h.ui, "w.chip.xs", "XS", false);
        ImGui::SameLine();
        chip(h.ui, "w.chip.m", "M", true);
        icon_button(h.ui, "w.home", Icon::Home, "Accueil");
    });
    // A still screen asks for no more frames: the loop may sleep until an event.
    CHECK(h.platform.idle_timeout(h.ui) < 0);
    const auto issues = h.ui.registry.audit(h.ui.min_tap());
    for (const auto& i : issues) INFO(i.id << " " << i.message);
    CHECK(issues.empty());
    CHECK(h.ui.registry.all().size() == 5);
    for (const Element& e : h.ui.registry.all()) {
        CHECK(e.rect.w >= 48.0f);
        CHECK(e.rect.h >= 48.0f);
    }
}

TEST_CASE("the audit finds text that does not fit: a label wider than its button, a text cut by its region") {
    Headless h(1280, 800);
    const auto overflowing = [&] {
        std::set<std::string> ids;
        for (const auto& i : h.ui.registry.audit(h.ui.min_tap()))
            if (i.kind == AuditIssue::Kind::TextOverflow) ids.insert(i.id);
        return ids;
    };
    h.frame([&] {
        button(h.ui, "w.fits", "Commander");
        ButtonOptions narrow;
        narrow.size = ImVec2(90, 0);
        button(h.ui, "w.narrow", "Continuer mes achats", narrow);
        ImGui::BeginChild("region", ImVec2(200, 300));
        ImGui::TextUnformatted("Court");
        h.ui.add_element("text", "Court", ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
        const char* wide = "Un texte bien trop long pour tenir dans deux cents pixels";
        ImGui::TextUnformatted(wide);
        h.ui.add_element("text", wide, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
        ImGui::EndChild();
    });
    const std::set<std::string> ids = overflowing();
    CHECK(ids.count("w.narrow") == 1);
    CHECK(ids.count("w.fits") == 0);
    CHECK(ids.count("text") == 1);
    int texts = 0;
    for (const auto& i : h.ui.registry.audit(h.ui.min_tap()))
        if (i.kind == AuditIssue::Kind::TextOverflow) {
            texts += i.id == "text";
            if (i.id == "text") CHECK(i.message.find("bien trop long") != std::string::npos);
        }
    CHECK(texts == 1);  // "Court" fits
}
