// The reducer's staff journeys (T1–T4) as plain function calls: the PIN pad, the server's
// answers, the lockout, locking by hand, when idle and with the session, assisted orders,
// customer history and order lookup.
#include "reducer_fixture.hpp"

using namespace reducer_fixture;

namespace {

cc::StaffSession session() {
    cc::StaffSession s;
    s.token = "tok-secret";
    s.staff_id = "s-lyon-1";
    s.staff_name = "Léa Martin";
    return s;
}

// Types `pin` on the pad and sends it; returns the effects of OK.
std::vector<Effect> send_pin(AppState& s, const std::string& pin) {
    for (char d : pin) reduce(s, act::StaffPinKey{std::string(1, d)});
    return reduce(s, act::StaffPinKey{"ok"});
}

// A state in staff mode on the staff home.
AppState staff_state() {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    reduce(s, act::OpenStaffPin{});
    send_pin(s, "123456");
    reduce(s, act::StaffSessionAnswer{s.staff.pin.request, session(), "", -1, 0});
    REQUIRE(s.staff.unlocked);
    return s;
}

cc::CustomerHistory history() {
    cc::CustomerHistory h;
    h.name = "Camille Moreau";
    h.card = "2900005949251";
    h.tier = "gold";
    cc::Purchase p;
    p.date = "2026-09-29";
    p.store_id = "brest-siam";
    p.sku = "SH-GONE";  // a SKU the catalogue no longer has
    p.product_id = "P-SHIRT";
    p.options = {{"size", "L"}, {"color", "Bleu"}};
    h.purchases.push_back(p);
    return h;
}

}  // namespace

TEST_CASE("the PIN pad: digits, clear, OK sends the PIN once and forgets it") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    reduce(s, act::OpenStaffPin{});
    CHECK(s.screen == Screen::StaffPin);
    reduce(s, act::StaffPinKey{"1"});
    reduce(s, act::StaffPinKey{"2"});
    reduce(s, act::StaffPinKey{"x"});  // not a key
    CHECK(s.staff.pin.digits == "12");
    CHECK(reduce(s, act::StaffPinKey{"ok"}).empty());  // fewer than 4 digits
    reduce(s, act::StaffPinKey{"clear"});
    CHECK(s.staff.pin.digits.empty());
    for (int i = 0; i < 12; ++i) reduce(s, act::StaffPinKey{"7"});
    CHECK(s.staff.pin.digits.size() == kMaxPinDigits);
    reduce(s, act::StaffPinKey{"clear"});
    auto fx = send_pin(s, "4321");
    const auto* open = find_fx<fx::OpenStaffSession>(fx);
    REQUIRE(open != nullptr);
    CHECK(open->pin == "4321");
    CHECK(open->badge.empty());
    CHECK(s.staff.pin.digits.empty());  // the PIN left with the effect
    CHECK(s.staff.pin.checking);
    // Keys and a second OK while the server checks do nothing.
    CHECK(send_pin(s, "4321").empty());
    // Offline: said at once, nothing sent.
    AppState off = fresh_state();
    reduce(off, act::Start{});
    reduce(off, act::OpenStaffPin{});
    off.online = false;
    CHECK(send_pin(off, "123456").empty());
    CHECK(off.staff.pin.error == "staff.pin.offline");
}

TEST_CASE("the server's answers: unlocked, wrong with tries left, locked with a countdown, stale") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    reduce(s, act::Scanned{"STAFF:s-lyon-2"});  // a badge
    CHECK(s.screen == Screen::StaffPin);
    CHECK(s.staff.pin.badge == "s-lyon-2");
    CHECK(find_fx<fx::OpenStaffSession>(send_pin(s, "111111"))->badge == "s-lyon-2");
    reduce(s, act::StaffSessionAnswer{s.staff.pin.request, std::nullopt, "unauthorized", 3, 0});
    CHECK(s.staff.pin.error == "staff.pin.wrong");
    CHECK(s.staff.pin.tries_left == 3);
    CHECK_FALSE(s.staff.unlocked);
    s.schedule.now = 100;
    send_pin(s, "222222");
    reduce(s, act::StaffSessionAnswer{s.staff.pin.request, std::nullopt, "staff_locked", -1, 30});
    CHECK(s.staff.pin.locked_until == doctest::Approx(130));
    // Locked: OK sends nothing until the time is up.
    s.schedule.now = 120;
    CHECK(send_pin(s, "333333").empty());
    reduce(s, act::StaffPinKey{"clear"});
    s.schedule.now = 131;
    const auto fx = send_pin(s, "333333");
    REQUIRE(find_fx<fx::OpenStaffSession>(fx));
    // An answer to an older request is ignored (and a session it opened is closed at once).
    const auto stale = reduce(s, act::StaffSessionAnswer{s.staff.pin.request - 1, session(), "", -1, 0});
    CHECK_FALSE(s.staff.unlocked);
    REQUIRE(find_fx<fx::CloseStaffSession>(stale));
    reduce(s, act::StaffSessionAnswer{s.staff.pin.request, session(), "", -1, 0});
    CHECK(s.staff.unlocked);
    CHECK(s.staff.name == "Léa Martin");
    CHECK(s.screen == Screen::StaffHome);
}

TEST_CASE("staff screens open only in staff mode; lock ends it and closes the server session") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    reduce(s, act::Show{Screen::StaffCustomer});
    CHECK(s.screen == Screen::Home);
    s = staff_state();
    reduce(s, act::Show{Screen::StaffCustomer});
    CHECK(s.screen == Screen::StaffCustomer);
    reduce(s, act::SetStaffText{"card", " 2900-abc\xC3\xA9 "});
    CHECK(s.staff.customer.card == "2900-ABC");  // letters, digits and dashes only
    const auto fx = reduce(s, act::LockStaff{});
    const auto* close = find_fx<fx::CloseStaffSession>(fx);
    REQUIRE(close != nullptr);
    CHECK(close->token == "tok-secret");
    CHECK_FALSE(s.staff.unlocked);
    CHECK(s.staff.token.empty());
    CHECK(s.staff.customer.card.empty());
    CHECK(s.screen == Screen::Home);  // staff screens give way
    // The logo held again while unlocked goes to the staff home instead.
    s = staff_state();
    reduce(s, act::GoHome{});
    reduce(s, act::OpenStaffPin{});
    CHECK(s.screen == Screen::StaffHome);
}

TEST_CASE("staff mode locks itself after idle_lock_s, and never outlives the shopper session") {
    AppState s = staff_state();
    s.settings.idle_timeout_s = 60;
    s.settings.staff_idle_lock_s = 120;
    s.last_input = 0;
    // Past the shopper's 60 s: no warning while staff mode is on.
    reduce(s, act::Tick{90});
    CHECK(s.staff.unlocked);
    CHECK_FALSE(s.idle_warning);
    const auto fx = reduce(s, act::Tick{121});
    CHECK_FALSE(s.staff.unlocked);
    CHECK(find_fx<fx::CloseStaffSession>(fx));
    CHECK(s.screen == Screen::Home);
    CHECK(s.idle_warning);  // then the shopper's countdown
    // A staff lock shorter than the shopper timeout.
    s = staff_state();
    s.settings.staff_idle_lock_s = 30;
    s.last_input = 0;
    reduce(s, act::Tick{31});
    CHECK_FALSE(s.staff.unlocked);
    CHECK_FALSE(s.idle_warning);
    // The shopper's "leave" ends staff mode too.
    s = staff_state();
    const auto wiped = reduce(s, act::Wipe{});
    CHECK(find_fx<fx::CloseStaffSession>(wiped));
    CHECK_FALSE(s.staff.unlocked);
    CHECK(s.staff.token.empty());
}

TEST_CASE("an assisted order carries the staff id and session, is credited to the kiosk's store, says who served") {
    AppState s = staff_state();
    open_product(s, shirt(), "SH-M-BLEU");
    reduce(s, act::AddToCart{});
    quoted_checkout(s);
    reduce(s, act::SetFulfilment{Fulfilment::Pickup});
    reduce(s, act::ChoosePickupStore{"lyon-part-dieu"});
    reduce(s, act::SetField{"phone", "0612345678"});
    reduce(s, act::SetPayment{Payment::PayAtTill});
    const auto fx = reduce(s, act::PlaceOrder{});
    const auto* submit = find_fx<fx::SubmitOrder>(fx);
    REQUIRE(submit != nullptr);
    CHECK(submit->order.channel.staff_id == "s-lyon-1");
    CHECK(submit->order.channel.store_id == "lyon-part-dieu");
    CHECK(submit->staff_session == "tok-secret");
    REQUIRE(s.order_in_flight);
    CHECK(s.order_in_flight->assisted);
    // Locking while it is being sent keeps the server session (the outbox still needs it).
    AppState locked = s;
    CHECK_FALSE(find_fx<fx::CloseStaffSession>(reduce(locked, act::LockStaff{})));
    // Acknowledged: the confirmation names the staff member; "done" keeps staff mode for the next customer.
    act::OrderUpdate u;
    u.request = in_flight(s);
    u.outbox_id = 1;
    u.kind = act::OrderUpdate::Kind::Acknowledged;
    u.order = cc::Order{};
    u.order->number = "K-1";
    reduce(s, u);
    REQUIRE(s.confirmation);
    CHECK(s.confirmation->served_by == "Léa Martin");
    reduce(s, act::ConfirmationDone{});
    CHECK(s.staff.unlocked);
    CHECK(s.screen == Screen::StaffHome);
    CHECK(s.cart.empty());
    CHECK_FALSE(s.confirmation);
    // A shopper's order (no staff mode) carries no staff id.
    AppState shopper = placing();
    CHECK(order_request(shopper).channel.staff_id.empty());
}

TEST_CASE("customer history by card: a lookup, its answer, a purchase opened in the same size and colour") {
    AppState s = staff_state();
    reduce(s, act::Show{Screen::StaffCustomer});
    CHECK(reduce(s, act::FindCustomer{}).empty());  // no card typed
    CHECK(s.staff.customer.error == "staff.customer.card_invalid");
    reduce(s, act::Scanned{"2900005949251"});  // scanned on this screen: looked up
    CHECK(s.staff.customer.card == "2900005949251");
    CHECK(s.staff.customer.loading);
    const std::uint64_t request = s.staff.customer.request;
    reduce(s, act::CustomerFound{request - 1, history(), ""});  // stale
    CHECK_FALSE(s.staff.customer.history);
    reduce(s, act::CustomerFound{request, history(), ""});
    REQUIRE(s.staff.customer.history);
    const auto fx = reduce(s, act::OpenPurchase{0});
    REQUIRE(find_fx<fx::LoadProduct>(fx));
    CHECK(s.screen == Screen::Product);
    reduce(s, act::ProductLoaded{s.product.request, shirt()});
    // The purchased SKU is gone: the same size and colour are chosen.
    CHECK(s.product.chosen.at("size") == "L");
    CHECK(s.product.chosen.at("color") == "Bleu");
    CHECK(chosen_variant(s.product)->sku == "SH-L-BLEU");
    CHECK(reduce(s, act::OpenPurchase{5}).empty());  // no such purchase
}

TEST_CASE("order lookup: a number or a card, results newest first, one expanded") {
    AppState s = staff_state();
    reduce(s, act::Show{Screen::StaffOrders});
    reduce(s, act::SetStaffText{"query", "k-"});
    CHECK(reduce(s, act::FindOrders{}).empty());
    CHECK(s.staff.orders.error == "staff.orders.query_invalid");
    reduce(s, act::SetStaffText{"query", "k-4f7q-92"});
    const auto fx = reduce(s, act::FindOrders{});
    const auto* find = find_fx<fx::FetchOrders>(fx);
    REQUIRE(find != nullptr);
    CHECK(find->query == "K-4F7Q-92");
    CHECK(find->token == "tok-secret");
    CHECK(staff_order_number(find->query));
    CHECK_FALSE(staff_order_number("2900005949251"));
    cc::Order older, newer;
    older.number = "K-OLD";
    older.created_at = "2026-11-01T10:00:00+01:00";
    newer.number = "K-NEW";
    newer.created_at = "2026-12-01T10:00:00+01:00";
    reduce(s, act::OrdersFound{s.staff.orders.request, {older, newer}, ""});
    REQUIRE(s.staff.orders.results.size() == 2);
    CHECK(s.staff.orders.results[0].number == "K-NEW");
    CHECK(s.staff.orders.expanded == 0);
    reduce(s, act::ExpandOrder{1});
    CHECK(s.staff.orders.expanded == 1);
    reduce(s, act::ExpandOrder{1});
    CHECK(s.staff.orders.expanded == -1);
    // Answers after the lock are dropped.
    reduce(s, act::FindOrders{});
    const std::uint64_t request = s.staff.orders.request;
    reduce(s, act::LockStaff{});
    reduce(s, act::OrdersFound{request, {older}, ""});
    CHECK(s.staff.orders.results.empty());
}

TEST_CASE("a backend without staff sessions, cart links or payment links: the kiosk offers none of them") {
    AppState s = fresh_state();
    s.settings.staff_mode = false;
    s.settings.cart_handoff = false;
    s.settings.pay_on_phone = false;
    reduce(s, act::Start{});
    const Screen before = s.screen;
    CHECK(reduce(s, act::OpenStaffPin{}).empty());
    CHECK(s.screen == before);
    CHECK_FALSE(s.staff.unlocked);
    reduce(s, act::SetPayment{Payment::PayOnPhone});
    CHECK(s.checkout.payment == Payment::None);
    reduce(s, act::SetPayment{Payment::PayAtTill});
    CHECK(s.checkout.payment == Payment::PayAtTill);
    s.cart.push_back({});
    CHECK(reduce(s, act::OpenHandoff{AppState::Handoff::What::Cart}).empty());
    CHECK(s.handoff.what == AppState::Handoff::What::None);
}
