// The reducer's cart and checkout journey: cart lines, the quote (prices and options checked
// again), price changes, fulfilment, the pickup store, the form and payment; the shopper-typed
// field checks and the cart's selectors (cart_total, cart_count).
#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

#include "kiosk/reducer_parts.hpp"

namespace kiosk {

namespace reducer {

std::string trim(const std::string& v) {
    std::size_t a = 0, b = v.size();
    while (a < b && std::isspace(static_cast<unsigned char>(v[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(v[b - 1]))) --b;
    return v.substr(a, b - a);
}

std::string form_field(const Checkout& c, const char* name) {
    auto it = c.form.fields.find(name);
    return it == c.form.fields.end() ? std::string() : trim(it->second);
}

}  // namespace reducer

using reducer::trim;

std::string check_postcode(const std::string& raw) {
    const std::string v = trim(raw);
    if (v.empty()) return "error.field.required";
    if (v.size() != 5 || v.find_first_not_of("0123456789") != std::string::npos || v.compare(0, 2, "00") == 0)
        return "error.postcode";
    return "";
}

std::string check_phone(const std::string& raw) {
    const std::string v = trim(raw);
    std::string digits;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char c = v[i];
        if (c >= '0' && c <= '9') digits += c;
        else if (c == '+' && i == 0) digits += c;
        else if (c != ' ' && c != '.' && c != '-') return "error.phone";
    }
    if (digits.rfind("+33", 0) == 0) return digits.size() == 12 && digits[3] != '0' ? "" : "error.phone";
    return digits.size() == 10 && digits[0] == '0' && digits[1] != '0' ? "" : "error.phone";
}

std::string check_email(const std::string& raw) {
    const std::string e = trim(raw);
    const auto at = e.find('@');
    if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) return "error.email";
    const auto dot = e.find('.', at);
    if (dot == std::string::npos || dot == at + 1 || dot + 1 >= e.size() || e.back() == '.') return "error.email";
    if (e.find_first_of(" \t,;<>") != std::string::npos) return "error.email";
    return "";
}

std::string check_loyalty_card(const std::string& raw) {
    const std::string v = trim(raw);
    if (v.empty()) return "";
    if (v.size() < 8 || v.size() > 20 || v.find_first_not_of("0123456789") != std::string::npos)
        return "error.loyalty_card";
    return "";
}

std::map<std::string, std::string> validate_checkout(const Checkout& c) {
    std::map<std::string, std::string> errors;
    auto field = [&](const char* name) { return reducer::form_field(c, name); };
    if (c.fulfilment == Fulfilment::None) errors["fulfilment"] = "error.choose_fulfilment";
    if (c.fulfilment == Fulfilment::Pickup && c.pickup_store.empty()) errors["pickup_store"] = "error.choose_store";
    if (c.fulfilment == Fulfilment::Delivery) {
        for (const char* f : {"name", "line1", "city"})
            if (field(f).empty()) errors[f] = "error.field.required";
        if (auto e = check_postcode(field("postcode")); !e.empty()) errors["postcode"] = e;
    }
    const std::string email = field("email"), phone = field("phone");
    if (email.empty() && phone.empty()) errors["email"] = "error.contact_required";
    if (!email.empty())
        if (auto e = check_email(email); !e.empty()) errors["email"] = e;
    if (!phone.empty())
        if (auto e = check_phone(phone); !e.empty()) errors["phone"] = e;
    if (auto e = check_loyalty_card(field("loyalty_card")); !e.empty()) errors["loyalty_card"] = e;
    if (c.payment == Payment::None) errors["payment"] = "error.choose_payment";
    return errors;
}

std::int64_t cart_total(const std::vector<CartLine>& cart) {
    std::int64_t t = 0;
    for (const CartLine& l : cart) t += l.unit_price.amount * l.quantity;
    return t;
}

std::int64_t cart_count(const std::vector<CartLine>& cart) {
    std::int64_t n = 0;
    for (const CartLine& l : cart) n += l.quantity;
    return n;
}

namespace reducer {

namespace {

bool rejected_for(const Checkout& c, cc::RejectReason reason) {
    return c.phase == OrderPhase::Rejected && c.rejection && c.rejection->reason == reason;
}

// Another fulfilment or store answers an out-of-stock rejection: the form can be sent again.
void clear_out_of_stock(Checkout& c) {
    if (rejected_for(c, cc::RejectReason::OutOfStock)) {
        c.phase = OrderPhase::Editing;
        c.rejection.reset();
    }
}

}  // namespace

void start_checkout(AppState& s, Effects& fx) {
    if (s.cart.empty()) return;
    go(s, Screen::Checkout);
    Checkout& c = s.checkout;
    c.phase = OrderPhase::Quoting;
    c.quote.reset();  // prices and options are checked again: an older answer is not used
    c.quote_error.clear();
    c.rejection.reset();
    c.quote_request = s.next_request++;
    std::vector<std::pair<std::string, std::int64_t>> lines;
    for (const CartLine& l : s.cart) lines.emplace_back(l.sku, l.quantity);
    fx.push_back(fx::RequestQuote{c.quote_request, lines});
}

void on(AppState& s, const act::SetQuantity& a, Effects&) {
    if (a.line < 0 || a.line >= static_cast<int>(s.cart.size())) return;
    if (a.quantity <= 0) {
        s.cart.erase(s.cart.begin() + a.line);
        return;
    }
    s.cart[static_cast<std::size_t>(a.line)].quantity = std::min<std::int64_t>(a.quantity, 99);
}

void on(AppState& s, const act::RemoveLine& a, Effects&) {
    if (a.line >= 0 && a.line < static_cast<int>(s.cart.size())) s.cart.erase(s.cart.begin() + a.line);
}

void on(AppState& s, const act::StartCheckout&, Effects& fx) { start_checkout(s, fx); }

void on(AppState& s, const act::QuoteDone& q, Effects&) {
    Checkout& c = s.checkout;
    if (q.request != c.quote_request || c.phase != OrderPhase::Quoting) return;
    if (!q.quote) {
        c.phase = OrderPhase::Unavailable;
        c.quote_error = q.error_code.empty() ? "checkout.unavailable" : q.error_code;
        return;
    }
    c.quote = q.quote;
    c.phase = OrderPhase::Editing;
    // Prices are re-checked: every change is shown to the shopper, never silently applied.
    for (CartLine& l : s.cart)
        for (const cc::QuoteLine& ql : q.quote->lines)
            if (ql.sku == l.sku && ql.unit_price.amount != l.unit_price.amount) {
                c.price_changes.push_back({l.sku, l.name, l.unit_price.amount, ql.unit_price.amount});
                l.unit_price = ql.unit_price;
            }
    // A pickup store that can no longer fulfil the order is dropped.
    if (c.fulfilment == Fulfilment::Pickup && !c.pickup_store.empty()) {
        bool still = false;
        for (const auto& o : q.quote->options) still |= o.type == "pickup" && o.store_id == c.pickup_store;
        if (!still) c.pickup_store.clear();
    }
}

void on(AppState& s, const act::AcceptPriceChanges&, Effects&) {
    s.checkout.price_changes.clear();
    if (rejected_for(s.checkout, cc::RejectReason::PriceChanged)) {
        s.checkout.phase = OrderPhase::Editing;
        s.checkout.rejection.reset();
    }
}

void on(AppState& s, const act::SetFulfilment& a, Effects&) {
    s.checkout.fulfilment = a.fulfilment;
    s.checkout.form.errors.erase("fulfilment");
    clear_out_of_stock(s.checkout);
}

void on(AppState& s, const act::ChoosePickupStore& a, Effects&) {
    s.checkout.pickup_store = a.store_id;
    s.checkout.form.errors.erase("pickup_store");
    clear_out_of_stock(s.checkout);
}

void on(AppState& s, const act::FocusField& a, Effects&) { s.checkout.form.focused = a.name; }

void on(AppState& s, const act::SetField& a, Effects&) {
    static const char* const known[] = {"name", "line1", "line2", "postcode", "city",
                                        "email", "phone", "loyalty_card"};
    if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return a.name == k; }) ==
        std::end(known))
        return;
    s.checkout.form.fields[a.name] = a.value.substr(0, 120);
    s.checkout.form.errors.erase(a.name);
    if (a.name == "phone") s.checkout.form.errors.erase("email");  // "contact required"
}

void on(AppState& s, const act::SetPayment& a, Effects&) {
    if (a.payment == Payment::PayOnPhone && !s.settings.pay_on_phone) return;  // the backend takes payment at the till only
    s.checkout.payment = a.payment;
    s.checkout.form.errors.erase("payment");
}

void on(AppState& s, const act::ChangeFulfilmentAfterRejection&, Effects& fx) {
    Checkout& c = s.checkout;
    if (c.phase == OrderPhase::Rejected || c.phase == OrderPhase::Unavailable) {
        c.phase = OrderPhase::Editing;
        c.rejection.reset();
        c.pickup_store.clear();
        start_checkout(s, fx);  // a fresh quote: current stores and prices
    }
}

}  // namespace reducer

}  // namespace kiosk
