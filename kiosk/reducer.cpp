// The kiosk reducer: every journey's logic as a pure function of (state, action). This file holds
// reduce(), which hands each action to its handler (reducer_parts.hpp), and the screens' names;
// the handlers live in one file per journey (reduce_session, reduce_browse, reduce_product,
// reduce_checkout, reduce_order).
#include "kiosk/reducer.hpp"

#include "kiosk/reducer_parts.hpp"

#include <algorithm>

namespace kiosk {

const char* screen_name(Screen s) {
    switch (s) {
        case Screen::Attract: return "attract";
        case Screen::Home: return "home";
        case Screen::Category: return "category";
        case Screen::Search: return "search";
        case Screen::Product: return "product";
        case Screen::Availability: return "availability";
        case Screen::Cart: return "cart";
        case Screen::Checkout: return "checkout";
        case Screen::Confirmation: return "confirmation";
        case Screen::OrderPending: return "order_pending";
        case Screen::StaffPin: return "staff_pin";
        case Screen::StaffHome: return "staff_home";
        case Screen::StaffCustomer: return "staff_customer";
        case Screen::StaffOrders: return "staff_orders";
    }
    return "?";
}

std::vector<Effect> reduce(AppState& s, const Action& action) {
    reducer::Effects fx;
    // A search is counted once, when the shopper leaves it: to a product, another screen, or
    // because the session ended.
    const bool on_search = s.screen == Screen::Search;
    const std::uint64_t session = s.session, generation = s.search.generation;
    const std::string text = on_search ? s.search.query.text : std::string();
    const std::int64_t results = s.search.total;
    const bool counted = s.search_counted == generation;
    std::visit([&](const auto& a) { reducer::on(s, a, fx); }, action);
    const bool left = s.screen != Screen::Search || s.session != session;
    if (on_search && left && !counted && results >= 0 && text.find_first_not_of(' ') != std::string::npos) {
        fx.push_back(fx::CountSearch{text, results, session});
        if (s.session == session) s.search_counted = generation;
    }
    return fx;
}

double idle_timeout(const AppState& s) {
    const bool assisted = s.access.speech || s.access.keypad;
    return (assisted ? std::max(s.settings.idle_timeout_s, s.settings.assisted_idle_timeout_s) : s.settings.idle_timeout_s) +
           s.extra_time_s;
}

double idle_countdown(const AppState& s) {
    const bool assisted = s.access.speech || s.access.keypad;
    return assisted ? std::max(s.settings.idle_countdown_s, s.settings.assisted_countdown_s) : s.settings.idle_countdown_s;
}

double next_due(const AppState& s, double now) {
    double t = s.schedule.next_health;
    if (s.schedule.next_sync > 0) t = std::min(t, s.schedule.next_sync);
    if (s.order_in_flight && s.order_in_flight->next_retry > 0) t = std::min(t, s.order_in_flight->next_retry);
    return std::max(0.0, t - now);
}

}  // namespace kiosk
