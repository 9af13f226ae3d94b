// The reducer's order journey: placing the order, the outbox's news about it (acknowledged,
// rejected, still pending, failed), its retries from Tick, the order followed after a wipe, the
// confirmation and its printed ticket; and the order request built from the cart and checkout.
#include "kiosk/reducer_parts.hpp"

#include <algorithm>

namespace kiosk {

cc::OrderRequest order_request(const AppState& s) {
    const Checkout& c = s.checkout;
    auto field = [&](const char* name) { return reducer::form_field(c, name); };
    cc::OrderRequest o;
    for (const CartLine& l : s.cart) o.lines.push_back({l.sku, l.quantity, l.unit_price});
    if (c.fulfilment == Fulfilment::Pickup) {
        o.fulfilment = cc::FulfilmentType::Pickup;
        o.pickup_store = c.pickup_store;
    } else {
        o.fulfilment = cc::FulfilmentType::Delivery;
        o.address = {field("name"), field("line1"), field("line2"), field("postcode"), field("city"), "FR"};
    }
    o.contact = {field("email"), field("phone")};
    o.loyalty_card = field("loyalty_card");
    o.payment = c.payment == Payment::PayOnPhone ? cc::PaymentMethod::PayOnPhone : cc::PaymentMethod::PayAtTill;
    // The kiosk's store is credited, wherever the order is collected; an assisted order names
    // the staff member who served the customer.
    o.channel = {s.store_id, s.kiosk_id, s.staff.unlocked ? s.staff.staff_id : std::string()};
    return o;
}

namespace reducer {

namespace {

// News of an order whose session was wiped: only whether it ended, and its number.
void follow_order_after_wipe(AppState& s, const act::OrderUpdate& u) {
    OrderAfterWipe& o = *s.order_after_wipe;
    switch (u.kind) {
        case act::OrderUpdate::Kind::Pending: break;
        case act::OrderUpdate::Kind::Acknowledged:
            if (!u.order) break;
            o.phase = OrderAfterWipe::Phase::Confirmed;
            o.number = u.order->number;
            break;
        case act::OrderUpdate::Kind::Rejected:
        case act::OrderUpdate::Kind::Failed: o.phase = OrderAfterWipe::Phase::Failed; break;
    }
}

// A refused order: the checkout shows why; a changed price is applied to the cart (and shown
// until accepted); field errors go back to the form's fields.
void apply_rejection(AppState& s, const cc::OrderRejection& r) {
    Checkout& c = s.checkout;
    c.phase = OrderPhase::Rejected;
    c.rejection = r;
    switch (r.reason) {
        case cc::RejectReason::PriceChanged:
            for (CartLine& l : s.cart)
                if (l.sku == r.sku && r.new_price.amount > 0) {
                    c.price_changes.push_back({l.sku, l.name, l.unit_price.amount, r.new_price.amount});
                    l.unit_price.amount = r.new_price.amount;
                }
            break;
        case cc::RejectReason::InvalidFields:
            for (const cc::FieldError& e : r.field_errors) {
                auto dot = e.field.rfind('.');
                const std::string name = dot == std::string::npos ? e.field : e.field.substr(dot + 1);
                c.form.errors[name] = e.code == "unknown" ? "error.field.unknown" : "error.field.invalid";
            }
            c.phase = OrderPhase::Editing;
            break;
        case cc::RejectReason::OutOfStock:
        case cc::RejectReason::Other: break;
    }
}

// The news of the order for the shopper still at the checkout.
void apply_to_checkout(AppState& s, const act::OrderUpdate& u) {
    Checkout& c = s.checkout;
    if (c.phase != OrderPhase::Placing && c.phase != OrderPhase::Confirming) return;  // its shopper has gone
    switch (u.kind) {
        case act::OrderUpdate::Kind::Pending:
            c.phase = OrderPhase::Confirming;
            c.last_error = u.error;
            break;
        case act::OrderUpdate::Kind::Failed:  // could not even be written down: nothing was sent
            c.phase = OrderPhase::Unavailable;
            c.last_error = u.error;
            break;
        case act::OrderUpdate::Kind::Acknowledged:
            if (!u.order) break;
            s.confirmation = Confirmation{*u.order, c.fulfilment, c.pickup_store, c.payment, PrintPhase::Idle, c.served_by};
            s.cart.clear();
            s.history.clear();
            s.screen = Screen::Confirmation;
            c = Checkout{};  // personal data leaves the state with the checkout
            break;
        case act::OrderUpdate::Kind::Rejected:
            apply_rejection(s, u.rejection.value_or(cc::OrderRejection{}));
            c.last_error = u.error;
            break;
    }
}

}  // namespace

// The order being confirmed is sent again with its same key every few seconds while the API is
// reachable, until the outbox says it ended (whatever the screen: after a wipe too).
void retry_order(AppState& s, double now, Effects& fx) {
    if (!s.order_in_flight) return;
    OrderInFlight& flight = *s.order_in_flight;
    if (flight.outbox_id == 0 || flight.sending || !s.online) return;
    if (flight.next_retry == 0) flight.next_retry = now + kOrderRetryS;
    if (now < flight.next_retry) return;
    flight.next_retry = now + kOrderRetryS;
    flight.sending = true;
    fx.push_back(fx::RetryOrder{flight.request, flight.outbox_id});
}

void on(AppState& s, const act::PlaceOrder&, Effects& fx) {
    Checkout& c = s.checkout;
    if (s.cart.empty() || c.phase == OrderPhase::Placing || c.phase == OrderPhase::Confirming ||
        c.phase == OrderPhase::Quoting)
        return;
    if (!c.price_changes.empty()) return;  // the shopper must see and accept them first
    if (!c.quote) return;                  // prices and options not checked (yet, or the check failed)
    c.form.errors = validate_checkout(c);
    if (!c.form.errors.empty()) return;
    if (!s.online) {
        c.phase = OrderPhase::Unavailable;
        return;
    }
    c.phase = OrderPhase::Placing;
    c.form.focused.clear();
    c.rejection.reset();
    OrderInFlight flight;
    flight.request = s.next_request++;
    flight.sending = true;
    flight.assisted = s.staff.unlocked;
    s.order_in_flight = flight;
    c.served_by = s.staff.unlocked ? s.staff.name : std::string();
    fx.push_back(fx::SubmitOrder{flight.request, order_request(s), s.staff.unlocked ? s.staff.token : std::string()});
}

void on(AppState& s, const act::OrderUpdate& u, Effects&) {
    if (!s.order_in_flight || u.request != s.order_in_flight->request) return;  // an older order (logged by the outbox)
    OrderInFlight& flight = *s.order_in_flight;
    flight.sending = false;
    if (u.outbox_id != 0) flight.outbox_id = u.outbox_id;
    if (u.kind == act::OrderUpdate::Kind::Pending) flight.next_retry = s.schedule.now + kOrderRetryS;  // 3 s after this attempt
    else s.order_in_flight.reset();  // it has ended
    if (s.order_after_wipe) follow_order_after_wipe(s, u);
    else apply_to_checkout(s, u);
}

void on(AppState& s, const act::ConfirmationDone&, Effects& fx) {
    // In staff mode the staff member stays signed in for the next customer (whose session
    // starts empty: the last customer's history and lookups go with their cart).
    StaffMode staff;
    if (s.staff.unlocked) {
        staff.unlocked = true;
        staff.token = std::move(s.staff.token);
        staff.staff_id = std::move(s.staff.staff_id);
        staff.name = std::move(s.staff.name);
    }
    wipe(s);
    if (staff.unlocked) {
        s.staff = std::move(staff);
        s.screen = Screen::StaffHome;
    }
    fx.push_back(fx::ResetSession{});
    fx.push_back(fx::ApplyLook{});
}

void on(AppState& s, const act::PrintTicket& a, Effects& fx) {
    // One ticket at a time, for the order on screen, when a printer is configured.
    if (!s.settings.printer || !s.confirmation || s.confirmation->print == PrintPhase::Printing) return;
    if (a.ticket.order_number != s.confirmation->order.number) return;
    s.confirmation->print = PrintPhase::Printing;
    fx.push_back(fx::Print{a.ticket});
}

void on(AppState& s, const act::TicketPrinted& a, Effects&) {
    if (!s.confirmation || s.confirmation->order.number != a.order_number) return;  // another session
    s.confirmation->print = a.ok ? PrintPhase::Printed : PrintPhase::Failed;
}

}  // namespace reducer

}  // namespace kiosk
