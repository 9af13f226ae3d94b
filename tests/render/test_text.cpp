// Fonts (glyph coverage in the atlas), price formatting, keyboard layouts and UTF-8 editing.
#include <doctest/doctest.h>

#include "render/fonts.hpp"
#include "render/keyboard_layout.hpp"
#include "render/widgets.hpp"

#include <ios>
#include <set>
#include <stdexcept>

using namespace render;

TEST_CASE("every glyph French and English text needs is in every font of the atlas") {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    Metrics m;
    const Fonts f = load_fonts(*io.Fonts, m);
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    CHECK(w > 0);
    CHECK(h > 0);
    const ImFont* fonts[] = {f.body, f.body_bold, f.small, f.title, f.price, f.key};
    // Œ œ € — ’ … « » narrow no-break space, no-break space, and French accents.
    for (const ImFont* font : fonts) {
        REQUIRE(font != nullptr);
        for (ImWchar c : required_glyphs()) {
            INFO("U+" << std::hex << static_cast<unsigned>(c));
            CHECK(has_glyph(font, c));
        }
        for (ImWchar c = 0x20; c < 0x7F; ++c) CHECK(has_glyph(font, c));
    }
    // Sizes follow the physical scale.
    CHECK(f.title->FontSize > f.body->FontSize);
    CHECK(f.body->FontSize == doctest::Approx(m.pt(FontSizes{}.body)));
    ImGui::DestroyContext(ctx);
}

TEST_CASE("a missing font file is a clear error") {
    ImGuiContext* ctx = ImGui::CreateContext();
    FontPaths paths;
    paths.regular = "/nonexistent/font.ttf";
    CHECK_THROWS_WITH_AS(load_fonts(*ImGui::GetIO().Fonts, Metrics{}, paths),
                         "font file not found: /nonexistent/font.ttf", std::runtime_error);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("prices in French and English") {
    CHECK(format_price(129999) ==
          "1\xE2\x80\xAF"
          "299,99\xC2\xA0\xE2\x82\xAC");
    CHECK(format_price(5) == "0,05\xC2\xA0\xE2\x82\xAC");
    CHECK(format_price(123456789) ==
          "1\xE2\x80\xAF"
          "234\xE2\x80\xAF"
          "567,89\xC2\xA0\xE2\x82\xAC");
    CHECK(format_price(129999, "\xE2\x82\xAC", PriceStyle::English) ==
          "\xE2\x82\xAC"
          "1,299.99");
    CHECK(format_price(-250, "$", PriceStyle::English) == "-$2.50");
    CHECK(format_price(100000, "$", PriceStyle::English) == "$1,000.00");
}

TEST_CASE("keyboard layouts: AZERTY, QWERTY and the numeric pad") {
    const auto& az = keyboard_rows(KeyboardLayout::Azerty);
    REQUIRE(az.size() == 4);
    CHECK(az[0][0].text == "a");
    CHECK(az[0][1].text == "z");
    CHECK(az[1].back().text == "m");
    const auto& qw = keyboard_rows(KeyboardLayout::Qwerty);
    CHECK(qw[0][0].text == "q");
    CHECK(qw[0][1].text == "w");
    const auto& num = keyboard_rows(KeyboardLayout::Numeric);
    CHECK(num[0][0].text == "1");
    // Every layout has backspace and Enter, and ids are unique within a layout.
    for (auto layout : {KeyboardLayout::Azerty, KeyboardLayout::Qwerty, KeyboardLayout::Numeric}) {
        std::set<std::string> ids;
        bool bs = false, enter = false;
        for (const auto& row : keyboard_rows(layout))
            for (const auto& k : row) {
                CHECK(ids.insert(k.id).second);
                bs |= k.kind == KeyKind::Backspace;
                enter |= k.kind == KeyKind::Enter;
            }
        CHECK(bs);
        CHECK(enter);
    }
}

TEST_CASE("accents on long press and UTF-8 editing") {
    const auto e = accents_for("e", false);
    REQUIRE(e.size() == 4);
    CHECK(e[0] == "é");
    CHECK(accents_for("e", true)[0] == "É");
    CHECK(accents_for("o", false).back() == "œ");
    CHECK(accents_for("z", false).empty());
    CHECK(utf8_upper("é") == "É");
    CHECK(utf8_upper("q") == "Q");
    CHECK(utf8_upper("@") == "@");
    std::string s = "Crème brûlée";
    utf8_pop_back(s);
    CHECK(s == "Crème brûlé");
    utf8_pop_back(s);
    CHECK(s == "Crème brûl");
    std::string one = "œ";
    utf8_pop_back(one);
    CHECK(one.empty());
    utf8_pop_back(one);
    CHECK(one.empty());
}
