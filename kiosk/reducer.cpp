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
    const reducer::Before before = reducer::before(s);
    std::visit([&](const auto& a) { reducer::on(s, a, fx); }, action);
    reducer::track(before, s, action, fx);
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
    if (s.schedule.next_heartbeat > 0) t = std::min(t, s.schedule.next_heartbeat);
    if (s.order_in_flight && s.order_in_flight->next_retry > 0) t = std::min(t, s.order_in_flight->next_retry);
    return std::max(0.0, t - now);
}

}  // namespace kiosk
