// The reducer as a plain function: navigation, the session lifecycle (idle warning, wipe) and the periodic work decided from Tick.
#include "reducer_fixture.hpp"

using namespace reducer_fixture;

// ---- navigation ----

TEST_CASE("Start goes home with an empty history; GoHome and Back follow the history") {
    AppState s = fresh_state();
    CHECK(s.screen == Screen::Attract);
    reduce(s, act::GoHome{});
    CHECK(s.screen == Screen::Attract);  // the attract loop is left only by Start
    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Attract);

    reduce(s, act::Start{});
    CHECK(s.screen == Screen::Home);
    CHECK(s.history.empty());

    reduce(s, act::OpenCategory{"mode"});
    reduce(s, act::OpenProduct{"P-SHIRT", ""});
    reduce(s, act::Show{Screen::Availability});
    CHECK(s.screen == Screen::Availability);
    CHECK(s.history == std::vector<Screen>{Screen::Home, Screen::Category, Screen::Product});

    reduce(s, act::Show{Screen::Availability});  // the same screen again is not a step
    CHECK(s.history.size() == 3);

    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Product);
    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Category);
    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Home);
    CHECK(s.history.empty());
    reduce(s, act::Back{});  // nothing left: stays home
    CHECK(s.screen == Screen::Home);

    reduce(s, act::Show{Screen::Cart});
    reduce(s, act::Show{Screen::Search});
    CHECK_FALSE(s.history.empty());
    reduce(s, act::GoHome{});
    CHECK(s.screen == Screen::Home);
    CHECK(s.history.empty());

    reduce(s, act::Show{Screen::Cart});
    reduce(s, act::Start{});  // Start always begins a clean journey
    CHECK(s.screen == Screen::Home);
    CHECK(s.history.empty());
}

TEST_CASE("the history stays bounded") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    for (int i = 0; i < 100; ++i) {
        reduce(s, act::Show{Screen::Search});
        reduce(s, act::Show{Screen::Cart});
    }
    CHECK(s.history.size() <= 32);
}

TEST_CASE("Back and GoHome leave the checkout's focused field") {
    AppState s = with_cart();
    quoted_checkout(s);
    reduce(s, act::FocusField{"email"});
    CHECK(s.checkout.form.focused == "email");
    reduce(s, act::Back{});
    CHECK(s.checkout.form.focused.empty());
    CHECK(s.screen == Screen::Product);
    reduce(s, act::Show{Screen::Checkout});
    reduce(s, act::FocusField{"phone"});
    reduce(s, act::GoHome{});
    CHECK(s.checkout.form.focused.empty());
}

TEST_CASE("SetLanguage accepts only the configured languages") {
    AppState s = fresh_state();
    CHECK(s.language == "fr");
    reduce(s, act::SetLanguage{"en"});
    CHECK(s.language == "en");
    reduce(s, act::SetLanguage{"de"});
    CHECK(s.language == "en");
    reduce(s, act::SetLanguage{""});
    CHECK(s.language == "en");
    reduce(s, act::SetLanguage{"fr"});
    CHECK(s.language == "fr");

    s.settings.languages = {"fr"};
    reduce(s, act::SetLanguage{"en"});
    CHECK(s.language == "fr");
}

TEST_CASE("SetAccess asks for a new look only when text size or contrast change") {
    AppState s = fresh_state();
    auto fx = reduce(s, act::SetAccess{true, false, false});
    CHECK(s.access.reach);
    CHECK(count_fx<fx::ApplyLook>(fx) == 0);

    fx = reduce(s, act::SetAccess{true, true, false});
    CHECK(s.access.large_text);
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);

    fx = reduce(s, act::SetAccess{true, true, false});  // no change at all
    CHECK(fx.empty());

    fx = reduce(s, act::SetAccess{true, true, true});
    CHECK(s.access.high_contrast);
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);

    fx = reduce(s, act::SetAccess{false, true, true});  // reach only
    CHECK_FALSE(s.access.reach);
    CHECK(count_fx<fx::ApplyLook>(fx) == 0);

    fx = reduce(s, act::SetAccess{false, false, false});
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);

    reduce(s, act::ToggleAccessPanel{true});
    CHECK(s.access.panel_open);
    reduce(s, act::ToggleAccessPanel{false});
    CHECK_FALSE(s.access.panel_open);
}

TEST_CASE("CatalogLoaded keeps categories and stores and loads the featured listing") {
    AppState s;
    cc::Category c;
    c.id = "maison";
    cc::Store st;
    st.id = "paris-opera";
    auto fx = reduce(s, act::CatalogLoaded{{c}, {st}, 0});
    CHECK_FALSE(s.replica_ready);
    CHECK(fx.empty());
    fx = reduce(s, act::CatalogLoaded{{c}, {st}, 42});
    CHECK(s.replica_ready);
    CHECK(s.categories.size() == 1);
    CHECK(s.stores.size() == 1);
    const auto* run = find_fx<fx::RunSearch>(fx);
    REQUIRE(run != nullptr);
    CHECK(run->listing == ListingKind::Featured);
    CHECK(run->query.sort == cc::SortOrder::Newest);
    CHECK(run->generation == s.featured.generation);

    reduce(s, act::Identity{"kiosk-1", "paris-opera"});
    CHECK(s.kiosk_id == "kiosk-1");
    CHECK(s.store_id == "paris-opera");
}

// ---- session lifecycle ----

TEST_CASE("idle: a warning after idle_timeout, continue clears it, the countdown wipes everything personal") {
    AppState s = busy_session();
    s.settings.idle_timeout_s = 60;
    s.settings.idle_countdown_s = 10;
    reduce(s, act::Input{100.0});

    CHECK(session_fx(reduce(s, act::Tick{159.0})) == 0);
    CHECK_FALSE(s.idle_warning);
    reduce(s, act::Tick{160.0});
    CHECK(s.idle_warning);
    CHECK(s.idle_warning_at == doctest::Approx(160.0));

    // A touch alone does not dismiss it; "continue" does.
    reduce(s, act::Input{161.0});
    CHECK(s.idle_warning);
    reduce(s, act::IdleContinue{162.0});
    CHECK_FALSE(s.idle_warning);
    CHECK(s.last_input == doctest::Approx(162.0));
    reduce(s, act::Tick{200.0});
    CHECK_FALSE(s.idle_warning);
    CHECK(s.cart.size() == 1);

    reduce(s, act::Tick{222.0});
    CHECK(s.idle_warning);
    CHECK(reduce(s, act::Tick{231.0}).empty());
    CHECK(s.cart.size() == 1);
    const std::uint64_t session = s.session;
    auto fx = reduce(s, act::Tick{232.0});
    CHECK(count_fx<fx::ResetSession>(fx) == 1);
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);
    CHECK(s.session == session + 1);
    check_wiped(s);

    // On the attract loop nothing more happens.
    CHECK(session_fx(reduce(s, act::Tick{10000.0})) == 0);
    CHECK_FALSE(s.idle_warning);
}

TEST_CASE("idle: a shopper using the keypad or speech gets the longer timeout and countdown, and more time on asking") {
    AppState s = busy_session();
    s.settings.idle_timeout_s = 60;
    s.settings.idle_countdown_s = 10;
    s.settings.assisted_idle_timeout_s = 180;
    s.settings.assisted_countdown_s = 30;
    s.settings.more_time_s = 120;
    s.settings.speech_on_keypad = true;
    CHECK(idle_timeout(s) == doctest::Approx(60));
    reduce(s, act::KeypadUsed{});
    CHECK(s.access.keypad);
    CHECK(s.access.speech);  // the first keypad key turns speech on
    CHECK(idle_timeout(s) == doctest::Approx(180));
    CHECK(idle_countdown(s) == doctest::Approx(30));
    reduce(s, act::Input{100.0});
    reduce(s, act::Tick{170.0});
    CHECK_FALSE(s.idle_warning);  // 60 s would have warned already
    reduce(s, act::Tick{280.0});
    CHECK(s.idle_warning);
    reduce(s, act::Tick{300.0});
    CHECK(s.cart.size() == 1);  // 20 s into a 30 s countdown
    // "I need more time": the timeout grows by more_time_s for the rest of the session.
    reduce(s, act::IdleContinue{305.0, true});
    CHECK_FALSE(s.idle_warning);
    CHECK(idle_timeout(s) == doctest::Approx(300));
    reduce(s, act::Tick{305.0 + 299.0});
    CHECK_FALSE(s.idle_warning);
    reduce(s, act::Tick{305.0 + 300.0});
    CHECK(s.idle_warning);
    reduce(s, act::Tick{305.0 + 330.0});
    check_wiped(s);
    // The next shopper starts with the configured defaults.
    CHECK_FALSE(s.access.keypad);
    CHECK_FALSE(s.access.speech);
    CHECK(s.extra_time_s == 0);
    CHECK(idle_timeout(s) == doctest::Approx(60));

    SUBCASE("speech on by configuration stays on for every shopper; without speech_on_keypad a key leaves it off") {
        s.settings.speech = true;
        reduce(s, act::Wipe{});
        CHECK(s.access.speech);
        s.settings.speech = false;
        s.settings.speech_on_keypad = false;
        reduce(s, act::Wipe{});
        reduce(s, act::KeypadUsed{});
        CHECK_FALSE(s.access.speech);
        CHECK(idle_timeout(s) == doctest::Approx(180));  // the keypad alone earns the time
        reduce(s, act::SetSpeech{true});
        CHECK(s.access.speech);
    }
}

TEST_CASE("idle while the order is being confirmed: the form leaves memory, a neutral panel follows the order") {
    AppState s = placing();
    s.settings.idle_timeout_s = 60;
    s.settings.idle_countdown_s = 10;
    const std::uint64_t order = in_flight(s);
    reduce(s, act::Input{0.0});
    act::OrderUpdate pending;
    pending.request = order;
    pending.kind = act::OrderUpdate::Kind::Pending;
    reduce(s, pending);
    REQUIRE(s.checkout.phase == OrderPhase::Confirming);
    REQUIRE_FALSE(s.checkout.form.fields.empty());

    // The shopper walked away: the warning comes as for any session, then the countdown wipes.
    reduce(s, act::Tick{61.0});
    CHECK(s.idle_warning);
    const auto fx = reduce(s, act::Tick{72.0});
    CHECK(count_fx<fx::ResetSession>(fx) == 1);
    CHECK(s.screen == Screen::OrderPending);
    REQUIRE(s.order_after_wipe.has_value());
    CHECK(s.order_after_wipe->phase == OrderAfterWipe::Phase::Confirming);
    CHECK(in_flight(s) == order);  // still followed: one record of the order, nothing personal in it
    check_personal_data_gone(s);

    // While it is being confirmed, the panel stays however long nobody touches it.
    CHECK(session_fx(reduce(s, act::Tick{5000.0})) == 0);
    CHECK(s.screen == Screen::OrderPending);

    // The order is confirmed later: its number appears; the rest of the answer is not kept.
    act::OrderUpdate ack;
    ack.request = order;
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("K-4F7Q-92");
    reduce(s, ack);
    REQUIRE(s.order_after_wipe.has_value());
    CHECK(s.order_after_wipe->phase == OrderAfterWipe::Phase::Confirmed);
    CHECK(s.order_after_wipe->number == "K-4F7Q-92");
    CHECK_FALSE(s.confirmation.has_value());
    CHECK(s.screen == Screen::OrderPending);
    // Shown for a while (the idle delay from when it appeared), then back to the attract loop.
    reduce(s, act::Tick{5001.0});
    CHECK(s.screen == Screen::OrderPending);
    reduce(s, act::Tick{5060.0});
    CHECK(s.screen == Screen::OrderPending);
    reduce(s, act::Tick{5062.0});
    check_wiped(s);
}

TEST_CASE("idle while the order is being placed: a rejection after the wipe says so without details") {
    AppState s = placing();
    s.settings.idle_timeout_s = 60;
    s.settings.idle_countdown_s = 10;
    const std::uint64_t order = in_flight(s);
    reduce(s, act::Input{0.0});
    reduce(s, act::Tick{61.0});
    reduce(s, act::Tick{72.0});
    REQUIRE(s.screen == Screen::OrderPending);
    act::OrderUpdate rej;
    rej.request = order;
    rej.kind = act::OrderUpdate::Kind::Rejected;
    rej.rejection = rejection("out_of_stock", "A1");
    reduce(s, rej);
    REQUIRE(s.order_after_wipe.has_value());
    CHECK(s.order_after_wipe->phase == OrderAfterWipe::Phase::Failed);
    CHECK_FALSE(s.checkout.rejection.has_value());
    check_personal_data_gone(s);

    // An update of another request changes nothing.
    act::OrderUpdate other = rej;
    other.request = order + 100;
    other.kind = act::OrderUpdate::Kind::Acknowledged;
    other.order = order_number("K-ZZZZ-11");
    reduce(s, other);
    CHECK(s.order_after_wipe->phase == OrderAfterWipe::Phase::Failed);

    // A new shopper starts: the panel and the following end.
    reduce(s, act::Start{});
    CHECK(s.screen == Screen::Home);
    CHECK_FALSE(s.order_after_wipe.has_value());
}

TEST_CASE("finish and clear everything while the order is being confirmed: the same neutral panel") {
    AppState s = placing();
    act::OrderUpdate pending;
    pending.request = in_flight(s);
    pending.kind = act::OrderUpdate::Kind::Pending;
    reduce(s, pending);
    reduce(s, act::Wipe{});
    CHECK(s.screen == Screen::OrderPending);
    REQUIRE(s.order_after_wipe.has_value());
    check_personal_data_gone(s);
    // A scan by the next shopper opens a product: the panel is left for good.
    reduce(s, act::LookupDone{"3760001", std::string("P1"), "A1"});
    CHECK(s.screen == Screen::Product);
    CHECK_FALSE(s.order_after_wipe.has_value());
}

TEST_CASE("a failed price re-check leaves no earlier quote to order from") {
    AppState s = with_cart();
    quoted_checkout(s);
    fill_delivery(s);
    REQUIRE(s.checkout.quote.has_value());
    // Back to the cart and to the checkout again: the new check fails.
    reduce(s, act::Show{Screen::Cart});
    reduce(s, act::StartCheckout{});
    CHECK_FALSE(s.checkout.quote.has_value());
    reduce(s, act::QuoteDone{s.checkout.quote_request, std::nullopt, "checkout.quote_failed"});
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
    CHECK_FALSE(s.checkout.quote.has_value());
    CHECK(find_fx<fx::SubmitOrder>(reduce(s, act::PlaceOrder{})) == nullptr);
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
}

TEST_CASE("Wipe clears the session at once") {
    AppState s = busy_session();
    const std::uint64_t g = s.search.generation;
    auto fx = reduce(s, act::Wipe{});
    CHECK(count_fx<fx::ResetSession>(fx) == 1);
    CHECK(count_fx<fx::ApplyLook>(fx) == 1);
    check_wiped(s);
    // Late results of the wiped session are dropped.
    reduce(s, act::PageLoaded{ListingKind::Search, g, 0, 5, {Tile{}}});
    CHECK(s.search.pages.empty());
    CHECK(s.search.total == -1);
}

TEST_CASE("Wipe keeps the configured default language") {
    AppState s = fresh_state();
    s.settings.default_language = "en";
    s.language = "en";
    reduce(s, act::SetLanguage{"fr"});
    reduce(s, act::Wipe{});
    CHECK(s.language == "en");
}

TEST_CASE("ConfirmationDone clears the confirmation and everything personal") {
    AppState s = placing();
    reduce(s, act::SetLanguage{"en"});
    reduce(s, act::SetSearchText{"mug"});
    reduce(s, act::Show{Screen::Checkout});
    act::OrderUpdate ack;
    ack.request = in_flight(s);
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("ML-2026-000124");
    reduce(s, ack);
    REQUIRE(s.screen == Screen::Confirmation);
    REQUIRE(s.confirmation.has_value());

    auto fx = reduce(s, act::ConfirmationDone{});
    CHECK(count_fx<fx::ResetSession>(fx) == 1);
    check_wiped(s);
}

TEST_CASE("the printed ticket: only with a printer, for the order on screen, one at a time, its outcome kept") {
    AppState s = placing();
    act::OrderUpdate ack;
    ack.request = in_flight(s);
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("ML-2026-000125");
    reduce(s, ack);
    REQUIRE(s.confirmation.has_value());
    Ticket t;
    t.order_number = "ML-2026-000125";
    t.lines = {{TicketLine::Kind::Text, "Merci", {}}};

    // No printer configured: nothing is sent.
    CHECK(reduce(s, act::PrintTicket{t}).empty());
    CHECK(s.confirmation->print == PrintPhase::Idle);

    s.settings.printer = true;
    Ticket other = t;
    other.order_number = "ML-2026-000001";
    CHECK(reduce(s, act::PrintTicket{other}).empty());  // not the order on screen
    auto fx = reduce(s, act::PrintTicket{t});
    REQUIRE(count_fx<fx::Print>(fx) == 1);
    CHECK(find_fx<fx::Print>(fx)->ticket.order_number == "ML-2026-000125");
    CHECK(s.confirmation->print == PrintPhase::Printing);
    CHECK(reduce(s, act::PrintTicket{t}).empty());  // a second tap while printing

    reduce(s, act::TicketPrinted{"ML-2026-000001", true});  // another order's answer
    CHECK(s.confirmation->print == PrintPhase::Printing);
    reduce(s, act::TicketPrinted{"ML-2026-000125", false});
    CHECK(s.confirmation->print == PrintPhase::Failed);
    CHECK(count_fx<fx::Print>(reduce(s, act::PrintTicket{t})) == 1);  // try again
    reduce(s, act::TicketPrinted{"ML-2026-000125", true});
    CHECK(s.confirmation->print == PrintPhase::Printed);

    // An answer arriving after the session ended changes nothing.
    reduce(s, act::ConfirmationDone{});
    reduce(s, act::TicketPrinted{"ML-2026-000125", true});
    CHECK_FALSE(s.confirmation.has_value());
}

// ---- periodic work, decided by the reducer ----

TEST_CASE("Tick schedules health checks one at a time, faster while offline, and the periodic sync") {
    AppState s = fresh_state();
    s.settings.sync_interval_s = 300;
    auto fx = reduce(s, act::Tick{1.0});
    CHECK(count_fx<fx::CheckHealth>(fx) == 1);  // at once
    CHECK(count_fx<fx::SyncCatalog>(fx) == 0);
    CHECK(s.schedule.health_in_flight);
    // Not again while the answer is awaited, however late it is.
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{40.0})) == 0);
    reduce(s, act::HealthChecked{true});
    CHECK_FALSE(s.schedule.health_in_flight);
    CHECK(s.online);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{41.0})) == 1);  // overdue (due at 16)
    reduce(s, act::HealthChecked{true});
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{55.0})) == 0);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{56.0})) == 1);  // every 15 s online
    CHECK(next_due(s, 56.0) == doctest::Approx(15.0));

    // Gone offline: the next check comes 2 s later, then every 3 s.
    reduce(s, act::HealthChecked{false});
    CHECK_FALSE(s.online);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{57.9})) == 0);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{58.0})) == 1);
    reduce(s, act::HealthChecked{false});
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{60.9})) == 0);
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{61.0})) == 1);
    reduce(s, act::HealthChecked{false});
    CHECK(count_fx<fx::CheckHealth>(reduce(s, act::Tick{64.0})) == 1);

    // Another call finding the API down brings the next check forward (2 s, not 15).
    reduce(s, act::HealthChecked{true});
    CHECK(s.online);
    reduce(s, act::Tick{75.0});
    reduce(s, act::Online{false});
    CHECK(s.schedule.next_health == doctest::Approx(77.0));

    // The sync: one interval after the first Tick, then every interval.
    CHECK(count_fx<fx::SyncCatalog>(reduce(s, act::Tick{300.0})) == 0);
    CHECK(count_fx<fx::SyncCatalog>(reduce(s, act::Tick{301.0})) == 1);
    CHECK(count_fx<fx::SyncCatalog>(reduce(s, act::Tick{302.0})) == 0);
    CHECK(count_fx<fx::SyncCatalog>(reduce(s, act::Tick{601.5})) == 1);
}

TEST_CASE("the schedule and the order in flight survive a session wipe") {
    AppState s = placing();
    reduce(s, act::Tick{1.0});
    act::OrderUpdate pending;
    pending.request = in_flight(s);
    pending.outbox_id = 9;
    pending.kind = act::OrderUpdate::Kind::Pending;
    reduce(s, pending);
    const Schedule before = s.schedule;
    reduce(s, act::Wipe{});
    CHECK(s.schedule.next_sync == doctest::Approx(before.next_sync));
    CHECK(s.schedule.health_in_flight == before.health_in_flight);
    REQUIRE(s.order_in_flight.has_value());
    CHECK(s.order_in_flight->outbox_id == 9);
    // Retried from Tick every 3 s while online, one attempt at a time.
    reduce(s, act::HealthChecked{true});
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{2.0})) == 0);
    const auto fx = reduce(s, act::Tick{5.5});
    REQUIRE(count_fx<fx::RetryOrder>(fx) == 1);
    CHECK(find_fx<fx::RetryOrder>(fx)->outbox_id == 9);
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{20.0})) == 0);  // the attempt has not reported
    reduce(s, pending);  // reported at 20: the next attempt 3 s later
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{21.0})) == 0);
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{23.5})) == 1);
    // Not while the API is unreachable.
    reduce(s, pending);
    reduce(s, act::Online{false});
    CHECK(count_fx<fx::RetryOrder>(reduce(s, act::Tick{60.0})) == 0);
}

TEST_CASE("the store identity: SetStore once when it changes, not again for the same store") {
    AppState s;
    auto fx = reduce(s, act::Identity{"kiosk-1", "paris-rivoli"});
    REQUIRE(count_fx<fx::SetStore>(fx) == 1);
    CHECK(find_fx<fx::SetStore>(fx)->store_id == "paris-rivoli");
    CHECK(s.store_id == "paris-rivoli");
    CHECK(reduce(s, act::Identity{"kiosk-1", "paris-rivoli"}).empty());
    CHECK(count_fx<fx::SetStore>(reduce(s, act::Identity{"kiosk-1", "lyon-part-dieu"})) == 1);
}
