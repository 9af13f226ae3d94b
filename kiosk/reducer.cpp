// The kiosk reducer: every journey's logic as a pure function of (state, action).
#include "kiosk/reducer.hpp"

#include <algorithm>
#include <cctype>

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
    }
    return "?";
}

namespace {

template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

using Effects = std::vector<Effect>;

void go(AppState& s, Screen to) {
    if (s.screen == to) return;
    if (s.screen == Screen::OrderPending) s.order_after_wipe.reset();  // a new shopper (a scan) took over
    if (s.screen != Screen::Attract && s.screen != Screen::Confirmation && s.screen != Screen::OrderPending)
        s.history.push_back(s.screen);
    if (s.history.size() > 32) s.history.erase(s.history.begin());
    s.screen = to;
}

Listing& listing_of(AppState& s, ListingKind k) {
    return k == ListingKind::Category ? s.category : k == ListingKind::Search ? s.search : s.featured;
}



// The query changed: forget the pages, ask for the first one and the facets.
void requery(Listing& l, ListingKind kind, Effects& fx, bool facets) {
    ++l.generation;
    l.total = -1;
    l.more = false;
    l.pages.clear();
    l.requested.clear();
    l.requested.insert(0);
    l.scroll_to_top = true;
    l.query.offset = 0;
    l.query.limit = kPageSize;
    fx.push_back(fx::RunSearch{kind, l.generation, 0, l.query});
    if (facets) fx.push_back(fx::LoadFacets{kind, l.generation, l.query});
}

void load_featured(AppState& s, Effects& fx) {
    s.featured.query = cc::SearchQuery{};
    s.featured.query.sort = cc::SortOrder::Newest;
    requery(s.featured, ListingKind::Featured, fx, false);
}

std::vector<std::string> chosen_skus(const AppState& s) {
    std::vector<std::string> skus;
    if (!s.product.product) return skus;
    for (const auto& v : s.product.product->variants) skus.push_back(v.sku);
    if (skus.size() > 50) skus.resize(50);
    return skus;
}

std::string trim(const std::string& v) {
    std::size_t a = 0, b = v.size();
    while (a < b && std::isspace(static_cast<unsigned char>(v[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(v[b - 1]))) --b;
    return v.substr(a, b - a);
}

// Clears everything the session knew about the shopper and goes back to the attract loop.
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
    fresh.order_in_flight = s.order_in_flight;  // nothing personal: the outbox keeps sending it
    fresh.session = s.session + 1;
    fresh.next_request = s.next_request;
    fresh.last_input = s.last_input;
    // Listings keep their generation counters so that late pages of the old session are dropped.
    fresh.category.generation = s.category.generation + 1;
    fresh.search.generation = s.search.generation + 1;
    fresh.featured = std::move(s.featured);  // not personal: the attract loop keeps it
    s = std::move(fresh);
}

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

bool rejected_for(const Checkout& c, cc::RejectReason reason) {
    return c.phase == OrderPhase::Rejected && c.rejection && c.rejection->reason == reason;
}

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

// Ends the shopper's session (idle countdown, or "finish and clear everything"). An order still
// being placed or confirmed is followed without its shopper's details: the outbox keeps sending
// it, and the screen says its number will follow.
void end_session(AppState& s, Effects& fx) {
    const bool busy = s.checkout.phase == OrderPhase::Placing || s.checkout.phase == OrderPhase::Confirming;
    wipe(s);
    if (busy && s.order_in_flight) {
        s.order_after_wipe = OrderAfterWipe{OrderAfterWipe::Phase::Confirming, {}, 0};
        s.screen = Screen::OrderPending;
    }
    fx.push_back(fx::ResetSession{});
    fx.push_back(fx::ApplyLook{});
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

void apply_order_update(AppState& s, const act::OrderUpdate& u) {
    if (!s.order_in_flight || u.request != s.order_in_flight->request) return;  // an older order (logged by the outbox)
    OrderInFlight& flight = *s.order_in_flight;
    flight.sending = false;
    if (u.outbox_id != 0) flight.outbox_id = u.outbox_id;
    if (u.kind != act::OrderUpdate::Kind::Pending) s.order_in_flight.reset();  // it has ended
    if (s.order_after_wipe) {
        follow_order_after_wipe(s, u);
        return;
    }
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
            s.confirmation = Confirmation{*u.order, c.fulfilment, c.pickup_store, c.payment};
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

Effects start_checkout(AppState& s) {
    Effects fx;
    if (s.cart.empty()) return fx;
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
    return fx;
}

void apply_quote(AppState& s, const act::QuoteDone& q) {
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

}  // namespace

const cc::Variant* chosen_variant(const ProductView& v) {
    if (!v.product || v.product->variants.empty()) return nullptr;
    const cc::Variant* best = nullptr;
    int best_score = -1;
    for (const cc::Variant& var : v.product->variants) {
        int score = 0;
        for (const auto& [opt, val] : v.chosen) {
            auto it = var.options.find(opt);
            if (it != var.options.end() && it->second == val) score += opt == "color" ? 3 : 2;
        }
        if (score > best_score) {
            best = &var;
            best_score = score;
        }
    }
    return best;
}

bool combination_exists(const ProductView& v, const std::string& option, const std::string& value) {
    if (!v.product) return false;
    for (const cc::Variant& var : v.product->variants) {
        auto it = var.options.find(option);
        if (it == var.options.end() || it->second != value) continue;
        bool ok = true;
        for (const auto& [opt, val] : v.chosen) {
            if (opt == option) continue;
            auto o = var.options.find(opt);
            if (o != var.options.end() && o->second != val) ok = false;
        }
        if (ok) return true;
    }
    return false;
}

std::vector<std::string> option_values(const cc::Product& p, const std::string& option) {
    std::vector<std::string> out;
    for (const cc::Variant& v : p.variants) {
        auto it = v.options.find(option);
        if (it != v.options.end() && std::find(out.begin(), out.end(), it->second) == out.end())
            out.push_back(it->second);
    }
    return out;
}

StockBand band_of(std::int64_t quantity) {
    if (quantity <= 0) return StockBand::Out;
    if (quantity <= 2) return StockBand::Low;
    return StockBand::InStock;
}

std::int64_t quantity_at(const Stock& st, const std::string& location_id) {
    for (const auto& l : st.data.locations)
        if (l.location_id == location_id) return l.quantity;
    return 0;
}

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
    auto field = [&](const char* name) {
        auto it = c.form.fields.find(name);
        return it == c.form.fields.end() ? std::string() : trim(it->second);
    };
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

cc::OrderRequest order_request(const AppState& s) {
    const Checkout& c = s.checkout;
    auto field = [&](const char* name) {
        auto it = c.form.fields.find(name);
        return it == c.form.fields.end() ? std::string() : trim(it->second);
    };
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
    o.channel = {s.store_id, s.kiosk_id, {}};
    return o;
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

Tile tile_of(const cc::Product& p, const std::string& sku) {
    Tile t;
    t.product_id = p.id;
    t.sku = sku;
    t.name = p.name;
    t.brand = p.brand;
    t.badges = p.badges;
    bool first = true;
    for (const cc::Variant& v : p.variants) {
        if (!sku.empty() && v.sku != sku) continue;
        if (first || v.online_price.amount < t.price) {
            t.price = v.online_price.amount;
            t.old_price = v.compare_at ? v.compare_at->amount : 0;
            first = false;
        }
    }
    if (!p.images.empty()) t.image = p.images.front().url;
    return t;
}

std::vector<Effect> reduce(AppState& s, const Action& action) {
    Effects fx;
    std::visit(
        overloaded{
            [&](const act::Start&) {
                s.order_after_wipe.reset();  // a new shopper: the previous order is no longer followed on screen
                s.screen = Screen::Home;
                s.history.clear();
            },
            [&](const act::GoHome&) {
                if (s.screen == Screen::Attract) return;
                s.history.clear();
                s.screen = Screen::Home;
                s.checkout.form.focused.clear();
            },
            [&](const act::Back&) {
                if (s.screen == Screen::Checkout) s.checkout.form.focused.clear();
                if (s.history.empty()) {
                    if (s.screen != Screen::Attract) s.screen = Screen::Home;
                    return;
                }
                s.screen = s.history.back();
                s.history.pop_back();
            },
            [&](const act::Show& a) { go(s, a.screen); },
            [&](const act::SetLanguage& a) {
                if (std::find(s.settings.languages.begin(), s.settings.languages.end(), a.lang) !=
                    s.settings.languages.end())
                    s.language = a.lang;
            },
            [&](const act::ToggleAccessPanel& a) { s.access.panel_open = a.open; },
            [&](const act::SetAccess& a) {
                const bool look = a.large_text != s.access.large_text || a.high_contrast != s.access.high_contrast;
                s.access.reach = a.reach;
                s.access.large_text = a.large_text;
                s.access.high_contrast = a.high_contrast;
                if (look) fx.push_back(fx::ApplyLook{});
            },
            [&](const act::Input& a) {
                s.last_input = a.now;
                // A touch during the warning does not dismiss it by itself: "continue" does.
            },
            [&](const act::Tick& a) {
                retry_order(s, a.now, fx);
                if (s.screen == Screen::Attract) return;
                const double idle = a.now - s.last_input;
                if (s.screen == Screen::OrderPending) {
                    // Nothing personal is shown: it stays while the order is being confirmed, and
                    // goes back to the attract loop once the outcome has been shown for a while.
                    OrderAfterWipe* o = s.order_after_wipe ? &*s.order_after_wipe : nullptr;
                    if (o && o->phase == OrderAfterWipe::Phase::Confirming) return;
                    if (o && o->ended_at == 0) o->ended_at = a.now;
                    if ((!o || a.now - o->ended_at >= s.settings.idle_timeout_s) && idle >= s.settings.idle_timeout_s) {
                        s.order_after_wipe.reset();
                        s.screen = Screen::Attract;
                    }
                    return;
                }
                if (!s.idle_warning && idle >= s.settings.idle_timeout_s) {
                    s.idle_warning = true;
                    s.idle_warning_at = a.now;
                }
                if (s.idle_warning && a.now - s.idle_warning_at >= s.settings.idle_countdown_s) end_session(s, fx);
            },
            [&](const act::IdleContinue& a) {
                s.idle_warning = false;
                s.last_input = a.now;
            },
            [&](const act::Wipe&) { end_session(s, fx); },
            [&](const act::Identity& a) {
                s.kiosk_id = a.kiosk_id;
                s.store_id = a.store_id;
            },
            [&](const act::CatalogLoaded& a) {
                s.categories = a.categories;
                s.stores = a.stores;
                s.catalog_products = a.products;
                s.replica_ready = a.products > 0;
                if (s.replica_ready) load_featured(s, fx);
            },
            [&](const act::Online& a) {
                const bool back = a.online && !s.online;
                s.online = a.online;
                // Back online: a checkout that could not go on picks up by itself.
                if (back && s.screen == Screen::Checkout && s.checkout.phase == OrderPhase::Unavailable) {
                    auto more = start_checkout(s);
                    fx.insert(fx.end(), more.begin(), more.end());
                }
            },
            [&](const act::SyncDone& a) { s.sync_message = a.message; },
            [&](const act::OpenCategory& a) {
                s.category_id = a.id;
                Listing& l = s.category;
                const cc::SortOrder sort = l.query.sort;
                l.query = cc::SearchQuery{};
                l.query.category_id = a.id;
                l.query.sort = sort;
                l.facets = cc::ListingFacets{};
                requery(l, ListingKind::Category, fx, true);
                go(s, Screen::Category);
            },
            [&](const act::SetSort& a) {
                Listing& l = listing_of(s, a.listing);
                if (l.query.sort == a.sort) return;
                l.query.sort = a.sort;
                requery(l, a.listing, fx, false);
            },
            [&](const act::ToggleFilter& a) {
                Listing& l = listing_of(s, a.listing);
                cc::SearchQuery& q = l.query;
                auto toggle = [&](std::string& field) { field = field == a.value ? std::string() : a.value; };
                if (a.name == "available_here") q.available_here = !q.available_here;
                else if (a.name == "web_only") q.web_only = !q.web_only;
                else if (a.name == "size") toggle(q.size);
                else if (a.name == "color") toggle(q.color);
                else if (a.name == "brand") toggle(q.brand);
                else if (a.name == "price") {
                    // value "MIN-MAX" in minor units; MAX may be empty; the same again clears it.
                    const auto dash = a.value.find('-');
                    std::optional<std::int64_t> lo, hi;
                    try {
                        if (dash != std::string::npos) {
                            if (dash > 0) lo = std::stoll(a.value.substr(0, dash));
                            if (dash + 1 < a.value.size()) hi = std::stoll(a.value.substr(dash + 1));
                        }
                    } catch (...) {
                        return;
                    }
                    if (q.price_min == lo && q.price_max == hi) lo = hi = std::nullopt;
                    q.price_min = lo;
                    q.price_max = hi;
                } else if (a.name == "clear") {
                    const std::string text = q.text, cat = q.category_id;
                    const cc::SortOrder sort = q.sort;
                    q = cc::SearchQuery{};
                    q.text = text;
                    q.category_id = cat;
                    q.sort = sort;
                } else {
                    return;
                }
                requery(l, a.listing, fx, false);
            },
            [&](const act::NeedPage& a) {
                Listing& l = listing_of(s, a.listing);
                if (a.generation != l.generation || a.page < 0 || l.requested.count(a.page)) return;
                if (l.total >= 0 && !l.more && static_cast<std::int64_t>(a.page) * kPageSize >= l.total) return;
                l.requested.insert(a.page);
                cc::SearchQuery q = l.query;
                q.offset = a.page * kPageSize;
                q.limit = kPageSize;
                fx.push_back(fx::RunSearch{a.listing, l.generation, a.page, q});
            },
            [&](const act::PageLoaded& a) {
                Listing& l = listing_of(s, a.listing);
                if (a.generation != l.generation) return;  // stale: the query changed since
                const std::int64_t end = static_cast<std::int64_t>(a.page) * kPageSize + static_cast<std::int64_t>(a.tiles.size());
                if (a.total_is_lower_bound && static_cast<int>(a.tiles.size()) == kPageSize) {
                    // At least `total`: the grid grows as pages keep coming back full.
                    l.total = std::max({l.total, a.total, end});
                    l.more = true;
                } else if (a.total_is_lower_bound) {
                    l.total = end;  // a short page: the real end
                    l.more = false;
                } else {
                    l.total = a.total;
                    l.more = false;
                }
                l.pages[a.page] = a.tiles;
            },
            [&](const act::FacetsLoaded& a) {
                Listing& l = listing_of(s, a.listing);
                if (a.generation == l.generation) l.facets = a.facets;
            },
            [&](const act::OpenSearch&) { go(s, Screen::Search); },
            [&](const act::SetSearchText& a) {
                s.search_text = a.text.substr(0, 200);
                go(s, Screen::Search);
                Listing& l = s.search;
                l.query.text = s.search_text;
                if (s.search_text.find_first_not_of(' ') == std::string::npos) {
                    ++l.generation;
                    l.total = -1;
                    l.pages.clear();
                    l.requested.clear();
                    return;
                }
                requery(l, ListingKind::Search, fx, false);
            },
            [&](const act::Scanned& a) {
                if (a.code.empty() || a.code.size() > 64) return;
                // A loyalty card scanned on the checkout screen fills the card field.
                if (s.screen == Screen::Checkout) {
                    s.checkout.form.fields["loyalty_card"] = a.code;
                    s.checkout.form.errors.erase("loyalty_card");
                    return;
                }
                fx.push_back(fx::Lookup{a.code});
            },
            [&](const act::LookupDone& a) {
                if (!a.product_id) {
                    s.notice = "scan.not_found";
                    s.notice_at = s.last_input;
                    return;
                }
                if (s.screen == Screen::Attract || s.screen == Screen::OrderPending) {
                    s.order_after_wipe.reset();  // a new shopper (a scan) took over
                    s.screen = Screen::Home;
                }
                ProductView& v = s.product;
                v = ProductView{};
                v.id = *a.product_id;
                v.scanned_sku = a.sku;
                v.request = s.next_request++;
                fx.push_back(fx::LoadProduct{v.request, v.id});
                go(s, Screen::Product);
            },
            [&](const act::OpenProduct& a) {
                ProductView& v = s.product;
                v = ProductView{};
                v.id = a.id;
                v.scanned_sku = a.sku;
                v.request = s.next_request++;
                fx.push_back(fx::LoadProduct{v.request, v.id});
                go(s, Screen::Product);
            },
            [&](const act::ProductLoaded& a) {
                ProductView& v = s.product;
                if (a.request != v.request) return;
                if (!a.product) {
                    v.missing = true;
                    return;
                }
                v.product = a.product;
                // Preselect the scanned variant, else the first one.
                const cc::Variant* pre = nullptr;
                for (const auto& var : v.product->variants)
                    if (var.sku == v.scanned_sku) pre = &var;
                if (!pre && !v.product->variants.empty()) pre = &v.product->variants.front();
                if (pre) v.chosen = pre->options;
                std::vector<std::string> skus = chosen_skus(s);
                for (const std::string& sku : skus) s.stock[sku].loading = true;
                fx.push_back(fx::FetchStock{std::move(skus)});
            },
            [&](const act::ChooseOption& a) {
                // The variant with the tapped value that keeps most of the other choices (colour
                // weighs most): an unavailable combination switches to the closest one.
                ProductView& v = s.product;
                if (!v.product) return;
                const cc::Variant* best = nullptr;
                int best_score = -1;
                for (const cc::Variant& var : v.product->variants) {
                    auto it = var.options.find(a.option);
                    if (it == var.options.end() || it->second != a.value) continue;
                    int score = 0;
                    for (const auto& [opt, val] : v.chosen) {
                        if (opt == a.option) continue;
                        auto o = var.options.find(opt);
                        if (o != var.options.end() && o->second == val) score += opt == "color" ? 3 : 2;
                    }
                    if (score > best_score) {
                        best = &var;
                        best_score = score;
                    }
                }
                if (best) v.chosen = best->options;
            },
            [&](const act::StockUpdate& a) {
                for (const auto& [sku, st] : a.stock) s.stock[sku] = st;
                if (s.stock.size() > 2000) {  // keep memory bounded over a long day
                    std::map<std::string, Stock> keep;
                    for (const std::string& sku : chosen_skus(s))
                        if (auto it = s.stock.find(sku); it != s.stock.end()) keep.insert(*it);
                    s.stock.swap(keep);
                }
            },
            [&](const act::SelectStore& a) { s.selected_store = s.selected_store == a.store_id ? "" : a.store_id; },
            [&](const act::AddToCart&) {
                const ProductView& v = s.product;
                const cc::Variant* var = chosen_variant(v);
                if (!var) return;
                for (CartLine& l : s.cart)
                    if (l.sku == var->sku) {
                        l.quantity = std::min<std::int64_t>(l.quantity + 1, 99);
                        s.notice = "cart.added";
                        s.notice_at = s.last_input;
                        return;
                    }
                CartLine l;
                l.product_id = v.product->id;
                l.sku = var->sku;
                l.name = v.product->name;
                l.brand = v.product->brand;
                l.options = var->options;
                l.option_labels = var->labels;
                l.unit_price = var->online_price;
                l.store_price = var->store_price;
                for (const cc::Image& img : v.product->images) {
                    auto c = var->options.find("color");
                    if (img.color.empty() || (c != var->options.end() && img.color == c->second)) {
                        l.image = img.url;
                        break;
                    }
                }
                if (l.image.empty() && !v.product->images.empty()) l.image = v.product->images.front().url;
                s.cart.push_back(std::move(l));
                s.notice = "cart.added";
                s.notice_at = s.last_input;
            },
            [&](const act::SetQuantity& a) {
                if (a.line < 0 || a.line >= static_cast<int>(s.cart.size())) return;
                if (a.quantity <= 0) {
                    s.cart.erase(s.cart.begin() + a.line);
                    return;
                }
                s.cart[static_cast<std::size_t>(a.line)].quantity = std::min<std::int64_t>(a.quantity, 99);
            },
            [&](const act::RemoveLine& a) {
                if (a.line >= 0 && a.line < static_cast<int>(s.cart.size())) s.cart.erase(s.cart.begin() + a.line);
            },
            [&](const act::StartCheckout&) {
                auto more = start_checkout(s);
                fx.insert(fx.end(), more.begin(), more.end());
            },
            [&](const act::QuoteDone& a) { apply_quote(s, a); },
            [&](const act::AcceptPriceChanges&) {
                s.checkout.price_changes.clear();
                if (rejected_for(s.checkout, cc::RejectReason::PriceChanged)) {
                    s.checkout.phase = OrderPhase::Editing;
                    s.checkout.rejection.reset();
                }
            },
            [&](const act::SetFulfilment& a) {
                s.checkout.fulfilment = a.fulfilment;
                s.checkout.form.errors.erase("fulfilment");
                if (rejected_for(s.checkout, cc::RejectReason::OutOfStock)) {
                    s.checkout.phase = OrderPhase::Editing;
                    s.checkout.rejection.reset();
                }
            },
            [&](const act::ChoosePickupStore& a) {
                s.checkout.pickup_store = a.store_id;
                s.checkout.form.errors.erase("pickup_store");
                if (rejected_for(s.checkout, cc::RejectReason::OutOfStock)) {
                    s.checkout.phase = OrderPhase::Editing;
                    s.checkout.rejection.reset();
                }
            },
            [&](const act::FocusField& a) { s.checkout.form.focused = a.name; },
            [&](const act::SetField& a) {
                static const char* const known[] = {"name", "line1", "line2", "postcode", "city",
                                                    "email", "phone", "loyalty_card"};
                if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return a.name == k; }) ==
                    std::end(known))
                    return;
                s.checkout.form.fields[a.name] = a.value.substr(0, 120);
                s.checkout.form.errors.erase(a.name);
                if (a.name == "phone") s.checkout.form.errors.erase("email");  // "contact required"
            },
            [&](const act::SetPayment& a) {
                s.checkout.payment = a.payment;
                s.checkout.form.errors.erase("payment");
            },
            [&](const act::PlaceOrder&) {
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
                s.order_in_flight = flight;
                fx.push_back(fx::SubmitOrder{flight.request, order_request(s)});
            },
            [&](const act::OrderUpdate& a) { apply_order_update(s, a); },
            [&](const act::ChangeFulfilmentAfterRejection&) {
                Checkout& c = s.checkout;
                if (c.phase == OrderPhase::Rejected || c.phase == OrderPhase::Unavailable) {
                    c.phase = OrderPhase::Editing;
                    c.rejection.reset();
                    c.pickup_store.clear();
                    auto more = start_checkout(s);  // a fresh quote: current stores and prices
                    fx.insert(fx.end(), more.begin(), more.end());
                }
            },
            [&](const act::PrintTicket& a) {
                // One ticket at a time, for the order on screen, when a printer is configured.
                if (!s.settings.printer || !s.confirmation || s.confirmation->print == PrintPhase::Printing) return;
                if (a.ticket.order_number != s.confirmation->order.number) return;
                s.confirmation->print = PrintPhase::Printing;
                fx.push_back(fx::Print{a.ticket});
            },
            [&](const act::TicketPrinted& a) {
                if (!s.confirmation || s.confirmation->order.number != a.order_number) return;  // another session
                s.confirmation->print = a.ok ? PrintPhase::Printed : PrintPhase::Failed;
            },
            [&](const act::ConfirmationDone&) {
                wipe(s);
                fx.push_back(fx::ResetSession{});
                fx.push_back(fx::ApplyLook{});
            },
        },
        action);
    return fx;
}

}  // namespace kiosk
