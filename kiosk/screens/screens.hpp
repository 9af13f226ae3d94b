#pragma once
// The kiosk's screens: each is a function of (state, scratch) that draws with the render layer
// and emits actions; none changes the state itself. Transient widget data (scroll positions,
// keyboard state, the image viewer) lives in `Scratch`, dropped with the session.
// Thread rules: UI thread, inside a frame. No errors: a screen draws what the state holds.

#include <functional>
#include <string>
#include <vector>

#include "kiosk/i18n.hpp"
#include "render/grid.hpp"
#include "render/image_viewer.hpp"
#include "render/keyboard.hpp"
#include "render/scroll.hpp"
#include "render/ui.hpp"
#include "render/widgets.hpp"
#include "kiosk/state.hpp"

namespace kiosk {

struct Scratch {
    render::GridState category_grid, search_grid;
    std::uint64_t category_seen = 0, search_seen = 0;  // listing generation the grid was reset for
    render::ScrollState home, filters_category, filters_search, subcategories, product, availability, cart,
        checkout, confirmation, access;
    render::KeyboardState keyboard;
    bool keyboard_open = true;  // search screen: the keyboard is shown
    std::string keyboard_for;   // the field the keyboard edits ("search", "checkout.<name>")
    render::ImageViewerState viewer;
    std::string viewer_product, viewer_color;
    bool all_pickup_stores = false;  // checkout: every store that can fulfil, not just the nearest
    std::string filter_open;  // which filter row is expanded: "size", "color", "brand", "price", ""
    render::ScrollState staff_customer, staff_orders;
    bool staff_keyboard = true;  // staff lookups: the keyboard is shown
};

// Everything a screen needs this frame.
struct Ctx {
    render::Ui& ui;
    const AppState& state;  // read only: screens change it by emitting actions
    Scratch& scratch;       // what the screens keep between frames (scroll, typed text)
    const I18n& i18n;
    std::vector<Action>& actions;  // emitted this frame, reduced after it
    std::int64_t wall_now = 0;     // unix seconds (opening hours)
    std::string retailer_name;
    ImTextureID logo = nullptr;
    ImVec2 logo_size;
    std::string tracking_url;
    std::string handoff_product_url;  // [handoff] product_url (empty: no product QR)

    void emit(Action a) { actions.push_back(std::move(a)); }
    const char* t(const std::string& key) const { return i18n.tr(state.language, key).c_str(); }
    std::string f(const std::string& key, const std::map<std::string, std::string>& args) const {
        return i18n.fmt(state.language, key, args);
    }
    std::string money(std::int64_t minor) const { return format_money(minor, state.language, state.settings.currency); }
    render::PriceStyle price_style() const {
        return state.language == "fr" ? render::PriceStyle::French : render::PriceStyle::English;
    }
    const std::string& text(const cc::LocalizedText& lt) const { return lt.text(state.language, state.settings.default_language); }
};

// The whole frame: chrome (bar, banners, overlays) and the current screen.
void draw_app(Ctx& c);

void draw_attract(Ctx& c, const ImRect& area);
void draw_home(Ctx& c, const ImRect& area);
void draw_listing(Ctx& c, const ImRect& area, ListingKind kind);
void draw_product(Ctx& c, const ImRect& area);
void draw_availability(Ctx& c, const ImRect& area);
void draw_cart(Ctx& c, const ImRect& area);
void draw_checkout(Ctx& c, const ImRect& area);
void draw_confirmation(Ctx& c, const ImRect& area);
void draw_order_pending(Ctx& c, const ImRect& area);
void draw_staff_pin(Ctx& c, const ImRect& area);
void draw_staff_home(Ctx& c, const ImRect& area);
void draw_staff_customer(Ctx& c, const ImRect& area);
void draw_staff_orders(Ctx& c, const ImRect& area);
// "Continue on my phone" over the product sheet or the cart (handoff.cpp), and the product
// link it shows: the template's "{ref}", "{sku}" and "{id}" replaced (URL-encoded).
void handoff_panel(Ctx& c);
std::string product_handoff_url(const std::string& url_template, const cc::Product& p, const cc::Variant* v);

// ---- Shared pieces (common.cpp) ----
// Text in `font` at `pos`, clipped to `width` with an ellipsis on one line.
void text_at(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, const std::string& text, float width = 0);
float text_width(ImFont* font, const std::string& text);
// Registers visible text (non-interactive element "text") so scripted runs can find it:
// `say` for the last ImGui item, `say_at` for text drawn at `r`.
void say(Ctx& c, const std::string& text);
// Text in the danger colour registers as "alert" (speech says it when it appears).
void say_at(Ctx& c, const std::string& text, const ImRect& r);
// An error line at the cursor, in the danger colour, registered as "alert".
void alert(Ctx& c, const std::string& text);
// A titled section heading at the cursor.
void heading(Ctx& c, const std::string& text);
// A product image from the pipeline, fitted into `r` (placeholder while loading).
void product_image(Ctx& c, const std::string& url, const ImRect& r);
// A tile for a grid item, or a placeholder while its page loads.
void grid_tile(Ctx& c, const char* id, const ImRect& r, const Tile* tile);
// "In stock" / "Low stock" / "Out of stock" / "Unknown" label with its colour.
void stock_label(Ctx& c, ImVec2 pos, bool known, std::int64_t quantity);
const char* band_key(bool known, std::int64_t quantity);
ImU32 band_colour(const render::Theme& th, bool known, std::int64_t quantity);
// A store of the network by id (nullptr when unknown).
const cc::Store* find_store(const AppState& s, const std::string& id);
// Great-circle distance; negative (unknown) when either store has no coordinates (0, 0: a
// backend that gives none, such as Medusa).
double distance_km(const cc::Store& a, const cc::Store& b);
// Whether `store` is open at `now` (unix seconds), and today's hours ("09:30–19:00" or "").
bool store_open_now(const cc::Store& store, std::int64_t now);
std::string hours_today(const cc::Store& store, std::int64_t now);
// Opening hours of one weekday (1 = Monday) as "09:30–19:00, 14:00–19:00", empty when closed.
std::string day_hours(const cc::Store& store, int day);
// The date `days` from today in the kiosk's store's time zone, for the locale ("mercredi 25 novembre").
std::string date_in_days(Ctx& c, int days);
bool closed_today(const cc::Store& store, std::int64_t now);
// The colour label of a variant option value in the shopper's language.
std::string option_label(Ctx& c, const cc::Variant* v, const std::string& option, const std::string& value);
// A text field editing a state string through the on-screen keyboard: returns true when tapped.
// `name` (what the field is: "Téléphone") is what speech says of it; without it, the hint.
bool field(Ctx& c, const char* id, const std::string& value, const char* hint, bool focused, float width = 0,
           const std::string& error_key = "", const char* name = nullptr);

}  // namespace kiosk
