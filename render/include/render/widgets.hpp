#pragma once
// Kiosk widgets sized for fingers: large buttons, chips, badges, price text and product tiles.
// Every interactive widget takes a stable string id (e.g. "home.search"), used both as the Dear
// ImGui id and as the element registry id, and registers its rectangle each frame. Sizes come
// from the theme in millimetres; nothing interactive is smaller than `Metrics::min_tap()`.
// Buttons click on release, as on a phone; a drag that starts on them scrolls instead.
// Thread rules: UI thread, between Ui::begin_frame and Ui::end_frame. No errors.

#include <cstdint>
#include <string>
#include <string_view>

#include "render/icons.hpp"
#include "render/ui.hpp"

namespace render {

enum class ButtonKind { Primary, Secondary, Danger, Ghost };

struct ButtonOptions {
    ButtonKind kind = ButtonKind::Primary;
    Icon icon = Icon::None;
    ImVec2 size = ImVec2(0, 0);  // 0: automatic; width < 0: fill the available width
    bool enabled = true;
    ImFont* font = nullptr;  // default: bold body font
    bool toggle = false;     // an on/off setting: speech says "selected" when `selected`
    bool selected = false;
};

// A large rounded button; true on the frame it was clicked (released over it).
bool button(Ui& ui, const char* id, const char* label, const ButtonOptions& opt = {});
// A square icon-only button (`label` is for the registry and accessibility).
bool icon_button(Ui& ui, const char* id, Icon icon, const char* label,
                 ButtonKind kind = ButtonKind::Secondary);
// A pill that can be selected (filters, sizes); true when tapped.
bool chip(Ui& ui, const char* id, const char* label, bool selected, bool enabled = true);
// A small non-interactive coloured label ("-20 %", "New").
void badge(Ui& ui, const char* text, ImU32 background, ImU32 foreground);
ImVec2 badge_size(Ui& ui, const char* text);
void draw_badge(Ui& ui, ImDrawList* dl, ImVec2 pos, const char* text, ImU32 bg, ImU32 fg);

// Prices are integer cents. French: "1 299,99 €" (narrow no-break space U+202F between
// thousands, no-break space before the sign); English: "€1,299.99".
enum class PriceStyle { French, English };
std::string format_price(std::int64_t cents, std::string_view symbol = "\xE2\x82\xAC",
                         PriceStyle style = PriceStyle::French);

struct PriceOptions {
    std::int64_t old_cents = 0;  // > cents: shown struck through (a sale)
    std::string_view symbol = "\xE2\x82\xAC";
    PriceStyle style = PriceStyle::French;
    ImFont* font = nullptr;  // default: the price font
};
void price_text(Ui& ui, std::int64_t cents, const PriceOptions& opt = {});

// Draws `text` wrapped into at most `max_lines` lines of `width`, the last one ending with "…"
// when cut. Returns the height used.
float text_block(ImDrawList* dl, ImFont* font, ImVec2 pos, float width, int max_lines, ImU32 col,
                 std::string_view text);

struct TileContent {
    std::string_view title;
    std::string_view subtitle;
    std::int64_t price_cents = 0;
    std::int64_t old_price_cents = 0;
    std::string_view badge;            // empty: none
    ImTextureID image = nullptr;       // null: placeholder (loading)
    ImVec2 image_size = ImVec2(1, 1);  // pixels of the texture, for the aspect ratio
    std::string_view symbol = "\xE2\x82\xAC";
    PriceStyle style = PriceStyle::French;
};
// A product tile in the absolute rectangle `r` (grids place them); true when tapped.
bool product_tile(Ui& ui, const char* id, const ImRect& r, const TileContent& c);

// Registers and runs button behaviour over `r` with ImGui id `id`: hovered/held/pressed.
struct Pressable {
    bool clicked = false, held = false, hovered = false;
};
Pressable pressable(Ui& ui, const char* id, const char* label, const ImRect& r,
                    bool enabled = true);

// A touch on `r` that no control took ("touch anywhere to start", "tap outside to close the
// keyboard"): submit it after the controls over the same area, which keep their touches.
Pressable backdrop(Ui& ui, const char* id, const char* label, const ImRect& r, bool enabled = true);

// An area over `r` (drawn by the caller) that fires once when a finger holds it for `seconds`
// (on the UI clock, so scripted runs hold it in virtual time); a short tap does nothing and a
// drag that starts on it cancels it. For controls a passer-by must not trigger by accident.
bool hold_area(Ui& ui, const char* id, const char* label, const ImRect& r, double seconds);

}  // namespace render
