// The reducer's staff journeys (T1–T4): unlocking with a PIN (logo held, or a badge scanned),
// the lockout countdown, locking (by hand, after inactivity, with the shopper session), the
// customer's purchase history by loyalty card, and order lookup by number or card.
#include <algorithm>
#include <cctype>

#include "kiosk/reducer_parts.hpp"

namespace kiosk {

bool staff_order_number(const std::string& query) {
    return query.find('-') != std::string::npos;
}

namespace reducer {

namespace {

bool staff_screen(Screen s) {
    return s == Screen::StaffPin || s == Screen::StaffHome || s == Screen::StaffCustomer || s == Screen::StaffOrders;
}

// Letters, digits and dashes only (order numbers "K-4F7Q-92", cards "2900000010000"), upper case.
std::string clean_query(const std::string& text, std::size_t max) {
    std::string out;
    for (char ch : text) {
        const unsigned char u = static_cast<unsigned char>(ch);
        if (std::isalnum(u) || ch == '-') out.push_back(static_cast<char>(std::toupper(u)));
        if (out.size() >= max) break;
    }
    return out;
}

// Leaves the staff screens for the shopper's home (the screens behind them are staff's too).
void leave_staff_screens(AppState& s) {
    if (!staff_screen(s.screen)) {
        s.history.erase(std::remove_if(s.history.begin(), s.history.end(), staff_screen), s.history.end());
        return;
    }
    s.history.clear();
    s.screen = s.screen == Screen::Attract ? Screen::Attract : Screen::Home;
}

}  // namespace

void lock_staff(AppState& s, Effects& fx) {
    const bool was = s.staff.unlocked;
    // An assisted order still being sent needs its staff session on the server: it expires there
    // by itself (4 h on the reference server) instead of being closed now.
    const bool needed = s.order_in_flight && s.order_in_flight->assisted;
    if (was && !needed && !s.staff.token.empty()) fx.push_back(fx::CloseStaffSession{s.staff.token});
    const StaffPinPad pin = s.staff.pin;  // a lockout countdown outlives the lock
    s.staff = StaffMode{};
    s.staff.pin.locked_until = pin.locked_until;
    if (s.checkout.served_by.size() && s.checkout.phase != OrderPhase::Placing &&
        s.checkout.phase != OrderPhase::Confirming)
        s.checkout.served_by.clear();
    leave_staff_screens(s);
}

void on(AppState& s, const act::OpenStaffPin& a, Effects&) {
    if (!s.settings.staff_mode) return;  // the backend has no staff sessions
    if (s.staff.unlocked) {
        go(s, Screen::StaffHome);
        return;
    }
    if (s.screen == Screen::OrderPending) return;  // an order is being followed on screen
    if (s.screen == Screen::Attract) {
        s.screen = Screen::Home;
        s.history.clear();
    }
    StaffPinPad& pin = s.staff.pin;
    const double locked_until = pin.locked_until;
    pin = StaffPinPad{};
    pin.locked_until = locked_until;
    pin.badge = a.badge.substr(0, 64);
    if (s.screen != Screen::StaffPin) go(s, Screen::StaffPin);
}

void on(AppState& s, const act::StaffPinKey& a, Effects& fx) {
    StaffPinPad& pin = s.staff.pin;
    if (s.screen != Screen::StaffPin || s.staff.unlocked || pin.checking) return;
    if (a.key == "clear") {
        pin.digits.clear();
        return;
    }
    if (a.key == "ok") {
        if (pin.digits.size() < 4 || s.schedule.now < pin.locked_until) return;
        if (!s.online) {
            pin.error = "staff.pin.offline";
            pin.digits.clear();
            return;
        }
        pin.checking = true;
        pin.error.clear();
        pin.request = s.next_request++;
        fx.push_back(fx::OpenStaffSession{pin.request, pin.digits, pin.badge});
        pin.digits.clear();  // the PIN leaves the state with the effect
        return;
    }
    // The last answer (a wrong PIN and the tries left) stays in view while the next one is typed.
    if (a.key.size() == 1 && a.key[0] >= '0' && a.key[0] <= '9' && pin.digits.size() < kMaxPinDigits) pin.digits += a.key;
}

void on(AppState& s, const act::StaffSessionAnswer& a, Effects& fx) {
    StaffPinPad& pin = s.staff.pin;
    if (a.request != pin.request || !pin.checking) {
        // A session opened for a pad that was left: close it at once, it has no use.
        if (a.session) fx.push_back(fx::CloseStaffSession{a.session->token});
        return;
    }
    pin.checking = false;
    if (a.session) {
        StaffMode& st = s.staff;
        st = StaffMode{};
        st.unlocked = true;
        st.token = a.session->token;
        st.staff_id = a.session->staff_id;
        st.name = a.session->staff_name;
        // The PIN screen gives way to the staff home (back goes where the staff member was).
        s.screen = Screen::StaffHome;
        return;
    }
    if (a.code == "staff_locked") {
        pin.locked_until = s.schedule.now + std::max(1, a.retry_after_s);
        pin.error = "staff.pin.locked";
        pin.tries_left = 0;
    } else if (a.code == "unauthorized") {
        pin.error = "staff.pin.wrong";
        pin.tries_left = a.tries_left;
    } else {
        pin.error = a.code == "offline" ? "staff.pin.offline" : "staff.pin.failed";
    }
}

void on(AppState& s, const act::LockStaff&, Effects& fx) { lock_staff(s, fx); }

void on(AppState& s, const act::SetStaffText& a, Effects&) {
    if (!s.staff.unlocked) return;
    if (a.field == "card") {
        s.staff.customer.card = clean_query(a.value, 32);
        s.staff.customer.error.clear();
    } else if (a.field == "query") {
        s.staff.orders.query = clean_query(a.value, 32);
        s.staff.orders.error.clear();
    }
}

void on(AppState& s, const act::FindCustomer&, Effects& fx) {
    CustomerLookup& c = s.staff.customer;
    if (!s.staff.unlocked) return;
    c.history.reset();
    c.error.clear();
    if (c.card.empty() || c.card.find('-') != std::string::npos) {
        c.error = "staff.customer.card_invalid";
        return;
    }
    c.loading = true;
    c.request = s.next_request++;
    fx.push_back(fx::FetchCustomer{c.request, c.card, s.staff.token});
}

void on(AppState& s, const act::CustomerFound& a, Effects&) {
    CustomerLookup& c = s.staff.customer;
    if (!s.staff.unlocked || a.request != c.request) return;
    c.loading = false;
    c.history = a.history;
    c.error = a.error;
}

void on(AppState& s, const act::OpenPurchase& a, Effects& fx) {
    const CustomerLookup& c = s.staff.customer;
    if (!s.staff.unlocked || !c.history || a.index < 0 ||
        a.index >= static_cast<int>(c.history->purchases.size()))
        return;
    const cc::Purchase& p = c.history->purchases[static_cast<std::size_t>(a.index)];
    if (p.product_id.empty()) return;
    open_product(s, p.product_id, p.sku, fx);
    s.product.chosen = p.options;  // the same size and colour, even if that SKU is gone
}

void on(AppState& s, const act::FindOrders&, Effects& fx) {
    OrderLookup& o = s.staff.orders;
    if (!s.staff.unlocked) return;
    o.results.clear();
    o.error.clear();
    o.searched = false;
    o.expanded = 0;
    if (o.query.size() < 3) {
        o.error = "staff.orders.query_invalid";
        return;
    }
    o.loading = true;
    o.request = s.next_request++;
    fx.push_back(fx::FetchOrders{o.request, o.query, s.staff.token});
}

void on(AppState& s, const act::OrdersFound& a, Effects&) {
    OrderLookup& o = s.staff.orders;
    if (!s.staff.unlocked || a.request != o.request) return;
    o.loading = false;
    o.searched = true;
    o.results = a.orders;
    // Newest first (numbers are not ordered; creation times are RFC 3339 in one zone).
    std::stable_sort(o.results.begin(), o.results.end(),
                     [](const cc::Order& x, const cc::Order& y) { return x.created_at > y.created_at; });
    o.error = a.error;
}

void on(AppState& s, const act::ExpandOrder& a, Effects&) {
    if (!s.staff.unlocked) return;
    s.staff.orders.expanded = s.staff.orders.expanded == a.index ? -1 : a.index;
}

}  // namespace reducer

}  // namespace kiosk
