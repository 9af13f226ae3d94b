// The reducer's session journey: start, home, back and screens, language, accessibility, input,
// the idle warning and the wipe, the kiosk's identity, the catalogue, online and sync news.
#include <algorithm>
#include <utility>

#include "kiosk/reducer_parts.hpp"

namespace kiosk::reducer {

void go(AppState& s, Screen to) {
    if (s.screen == to) return;
    s.handoff = {};  // the QR belongs to the screen it was asked on
    if (s.screen == Screen::OrderPending) s.order_after_wipe.reset();  // a new shopper (a scan) took over
    if (s.screen != Screen::Attract && s.screen != Screen::Confirmation && s.screen != Screen::OrderPending)
        s.history.push_back(s.screen);
    if (s.history.size() > 32) s.history.erase(s.history.begin());
    s.screen = to;
}

void wipe(AppState& s) {
    AppState fresh;
    fresh.settings = s.settings;
    fresh.language = s.settings.default_language;
    fresh.kiosk_id = s.kiosk_id;
    fresh.store_id = s.store_id;
    fresh.categories = std::move(s.categories);
    fresh.stores = std::move(s.stores);
    fresh.catalog_products = s.catalog_products;
    fresh.online = s.online;
    fresh.replica_ready = s.replica_ready;
    fresh.sync_message = s.sync_message;
    fresh.last_error = s.last_error;
    fresh.order_in_flight = s.order_in_flight;  // nothing personal: the outbox keeps sending it
    fresh.schedule = s.schedule;
    fresh.session = s.session + 1;
    fresh.next_request = s.next_request;
    fresh.last_input = s.last_input;
    fresh.access.speech = s.settings.speech;
    // Listings keep their generation counters so that late pages of the old session are dropped.
    fresh.category.generation = s.category.generation + 1;
    fresh.search.generation = s.search.generation + 1;
    fresh.featured = std::move(s.featured);  // not personal: the attract loop keeps it
    s = std::move(fresh);
}

// Ends the shopper's session (idle countdown, or "finish and clear everything"). An order still
// being placed or confirmed is followed without its shopper's details: the outbox keeps sending
// it, and the screen says its number will follow.
void end_session(AppState& s, Effects& fx) {
    lock_staff(s, fx);  // staff mode never outlives the shopper session
    const bool busy = s.checkout.phase == OrderPhase::Placing || s.checkout.phase == OrderPhase::Confirming;
    wipe(s);
    if (busy && s.order_in_flight) {
        s.order_after_wipe = OrderAfterWipe{OrderAfterWipe::Phase::Confirming, {}, 0};
        s.screen = Screen::OrderPending;
    }
    fx.push_back(fx::ResetSession{});
    fx.push_back(fx::ApplyLook{});
}

void on(AppState& s, const act::Start&, Effects&) {
    s.order_after_wipe.reset();  // a new shopper: the previous order is no longer followed on screen
    s.screen = Screen::Home;
    s.history.clear();
}

void on(AppState& s, const act::GoHome&, Effects&) {
    if (s.screen == Screen::Attract) return;
    s.history.clear();
    s.screen = Screen::Home;
    s.checkout.form.focused.clear();
}

void on(AppState& s, const act::Back&, Effects&) {
    if (s.screen == Screen::Checkout) s.checkout.form.focused.clear();
    if (s.history.empty()) {
        if (s.screen != Screen::Attract) s.screen = Screen::Home;
        return;
    }
    s.screen = s.history.back();
    s.history.pop_back();
}

void on(AppState& s, const act::Show& a, Effects&) {
    // The staff screens open only in staff mode (the PIN pad through act::OpenStaffPin).
    const bool staff = a.screen == Screen::StaffPin || a.screen == Screen::StaffHome ||
                       a.screen == Screen::StaffCustomer || a.screen == Screen::StaffOrders;
    if (staff && (!s.staff.unlocked || a.screen == Screen::StaffPin)) return;
    if (a.screen != s.screen) go(s, a.screen);
}

void on(AppState& s, const act::SetLanguage& a, Effects&) {
    if (std::find(s.settings.languages.begin(), s.settings.languages.end(), a.lang) !=
        s.settings.languages.end())
        s.language = a.lang;
}

void on(AppState& s, const act::ToggleAccessPanel& a, Effects&) { s.access.panel_open = a.open; }

void on(AppState& s, const act::SetAccess& a, Effects& fx) {
    const bool look = a.large_text != s.access.large_text || a.high_contrast != s.access.high_contrast;
    s.access.reach = a.reach;
    s.access.large_text = a.large_text;
    s.access.high_contrast = a.high_contrast;
    if (look) fx.push_back(fx::ApplyLook{});
}

void on(AppState& s, const act::Input& a, Effects&) {
    s.last_input = a.now;
    // A touch during the warning does not dismiss it by itself: "continue" does.
}

namespace {

// The panel of an order followed after a wipe: nothing personal is shown. It stays while the
// order is being confirmed, and goes back to the attract loop once the outcome has been shown
// for a while.
void tick_order_pending(AppState& s, double now, double idle) {
    OrderAfterWipe* o = s.order_after_wipe ? &*s.order_after_wipe : nullptr;
    if (o && o->phase == OrderAfterWipe::Phase::Confirming) return;
    if (o && o->ended_at == 0) o->ended_at = now;
    if ((!o || now - o->ended_at >= s.settings.idle_timeout_s) && idle >= s.settings.idle_timeout_s) {
        s.order_after_wipe.reset();
        s.screen = Screen::Attract;
    }
}

}  // namespace

// Health checks (every 15 s online, every 3 s offline, one at a time) and the periodic sync.
void run_schedule(AppState& s, double now, Effects& fx) {
    Schedule& sch = s.schedule;
    sch.now = now;
    if (!sch.health_in_flight && now >= sch.next_health) {
        sch.health_in_flight = true;
        sch.next_health = now + (s.online ? kHealthOnlineS : kHealthOfflineS);
        fx.push_back(fx::CheckHealth{});
    }
    if (sch.next_sync == 0) sch.next_sync = now + s.settings.sync_interval_s;
    if (now >= sch.next_sync) {
        sch.next_sync = now + s.settings.sync_interval_s;
        fx.push_back(fx::SyncCatalog{});
    }
    if (sch.next_heartbeat == 0) sch.next_heartbeat = now + std::min(5.0, s.settings.heartbeat_interval_s);
    if (now >= sch.next_heartbeat) {
        sch.next_heartbeat = now + s.settings.heartbeat_interval_s;
        fx.push_back(fx::SendHeartbeat{s.last_error});
    }
}

void on(AppState& s, const act::Tick& a, Effects& fx) {
    run_schedule(s, a.now, fx);
    retry_order(s, a.now, fx);
    if (s.screen == Screen::Attract) return;
    const double idle = a.now - s.last_input;
    if (s.screen == Screen::OrderPending) {
        tick_order_pending(s, a.now, idle);
        return;
    }
    // Staff mode locks itself after its own delay; while it is on, the shopper session is not
    // wiped sooner (the staff member is with the customer).
    if (s.staff.unlocked && idle >= s.settings.staff_idle_lock_s) lock_staff(s, fx);
    const double timeout = s.staff.unlocked ? std::max(idle_timeout(s), s.settings.staff_idle_lock_s) : idle_timeout(s);
    if (!s.idle_warning && idle >= timeout) {
        s.idle_warning = true;
        s.idle_warning_at = a.now;
    }
    if (s.idle_warning && a.now - s.idle_warning_at >= idle_countdown(s)) end_session(s, fx);
}

void on(AppState& s, const act::IdleContinue& a, Effects&) {
    s.idle_warning = false;
    s.last_input = a.now;
    if (a.more_time) s.extra_time_s = std::min(s.extra_time_s + s.settings.more_time_s, 3600.0);
}

void on(AppState& s, const act::SetSpeech& a, Effects&) { s.access.speech = a.on; }

void on(AppState& s, const act::KeypadUsed&, Effects&) {
    if (s.access.keypad) return;
    s.access.keypad = true;
    if (s.settings.speech_on_keypad) s.access.speech = true;
}

void on(AppState& s, const act::Wipe&, Effects& fx) { end_session(s, fx); }

void on(AppState& s, const act::Identity& a, Effects& fx) {
    if (a.store_id != s.store_id) fx.push_back(fx::SetStore{a.store_id});
    s.kiosk_id = a.kiosk_id;
    s.store_id = a.store_id;
}

void on(AppState& s, const act::CatalogLoaded& a, Effects& fx) {
    s.categories = a.categories;
    s.stores = a.stores;
    s.catalog_products = a.products;
    s.replica_ready = a.products > 0;
    if (s.replica_ready) load_featured(s, fx);
}

void on(AppState& s, const act::Online& a, Effects& fx) {
    const bool back = a.online && !s.online;
    // Just gone offline: look for the API's return soon, not at the online pace.
    if (!a.online && s.online) s.schedule.next_health = std::min(s.schedule.next_health, s.schedule.now + kHealthSoonS);
    s.online = a.online;
    // Back online: a checkout that could not go on picks up by itself.
    if (back && s.screen == Screen::Checkout && s.checkout.phase == OrderPhase::Unavailable)
        start_checkout(s, fx);
}

void on(AppState& s, const act::HealthChecked& a, Effects& fx) {
    s.schedule.health_in_flight = false;
    on(s, act::Online{a.ok}, fx);
}

void on(AppState& s, const act::SyncDone& a, Effects&) {
    s.sync_message = a.message;
    s.last_error = a.ok ? std::string() : "sync: " + a.message;
}

}  // namespace kiosk::reducer
