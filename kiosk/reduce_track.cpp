// The reducer's usage events (fx::Track): what changed with an action, said as events the
// retailer counts (catalog_client/usage_log.hpp). Ids, codes and amounts only: nothing personal.
#include "kiosk/reducer_parts.hpp"

namespace kiosk::reducer {

Before before(const AppState& s) {
    Before b;
    b.screen = s.screen;
    b.session = s.session;
    b.session_started = s.session_started;
    b.on_search = s.screen == Screen::Search;
    b.search_counted = s.search_counted == s.search.generation;
    if (b.on_search) b.search_text = s.search.query.text;
    b.search_results = s.search.total;
    b.search_generation = s.search.generation;
    if (s.product.product) b.product_id = s.product.product->id;
    b.cart_units = cart_count(s.cart);
    b.confirmed = s.confirmation.has_value();
    return b;
}

namespace {

std::string fulfilment_of(const AppState& s, const Confirmation& c) {
    std::string kind = c.fulfilment == Fulfilment::Delivery ? "delivery"
                       : c.pickup_store == s.store_id      ? "pickup_here"
                                                           : "pickup_elsewhere";
    if (!c.served_by.empty()) kind += ",staff";
    return kind;
}

const char* failure_of(const act::OrderUpdate& u) {
    if (u.kind == act::OrderUpdate::Kind::Failed || !u.rejection) return "error";
    switch (u.rejection->reason) {
        case cc::RejectReason::OutOfStock: return "out_of_stock";
        case cc::RejectReason::PriceChanged: return "price_changed";
        case cc::RejectReason::InvalidFields: return "invalid";
        default: return "rejected";
    }
}

}  // namespace

void track(const Before& b, AppState& s, const Action& a, Effects& fx) {
    const std::uint64_t session = b.session;
    const bool same_session = s.session == b.session;
    // A search is counted once, when the shopper leaves it: to a product, another screen, or
    // because the session ended.
    const bool left_search = s.screen != Screen::Search || !same_session;
    if (b.on_search && left_search && !b.search_counted && b.search_results >= 0 &&
        b.search_text.find_first_not_of(' ') != std::string::npos) {
        fx.push_back(fx::Track{"search", b.search_text, b.search_results, session});
        if (same_session) s.search_counted = b.search_generation;
    }
    if (!same_session && b.screen != Screen::Attract && b.screen != Screen::OrderPending)
        fx.push_back(fx::Track{"session_end", "", static_cast<std::int64_t>(s.schedule.now - b.session_started), session});
    if (!same_session) return;
    if (b.screen == Screen::Attract && s.screen != Screen::Attract && s.screen != Screen::OrderPending) {
        s.session_started = s.schedule.now;
        fx.push_back(fx::Track{"session_start", "", 0, session});
    }
    if (s.product.product && s.product.product->id != b.product_id)
        fx.push_back(fx::Track{"product_view", s.product.product->id, 0, session});
    const cc::Variant* v = chosen_variant(s.product);
    if (s.screen == Screen::Availability && b.screen != Screen::Availability)
        fx.push_back(fx::Track{"availability", v ? v->sku : std::string(), 0, session});
    if (std::holds_alternative<act::AddToCart>(a) && cart_count(s.cart) > b.cart_units)
        fx.push_back(fx::Track{"add_to_cart", v ? v->sku : std::string(), cart_count(s.cart) - b.cart_units, session});
    if (!b.confirmed && s.confirmation)
        fx.push_back(fx::Track{"order_placed", fulfilment_of(s, *s.confirmation), s.confirmation->order.total.amount, session});
    if (const auto* u = std::get_if<act::OrderUpdate>(&a);
        u && (u->kind == act::OrderUpdate::Kind::Rejected || u->kind == act::OrderUpdate::Kind::Failed))
        fx.push_back(fx::Track{"order_failed", failure_of(*u), 0, session});
}

}  // namespace kiosk::reducer
