#pragma once
// Inside the reducer (not for screens or tests: they use reducer.hpp). reduce() hands each action
// to its handler, one `on` overload per action, defined in the file of its journey:
// reduce_session.cpp, reduce_browse.cpp, reduce_product.cpp, reduce_checkout.cpp, reduce_order.cpp,
// reduce_staff.cpp.
// The helpers more than one of those files needs are declared here too.

#include <string>
#include <vector>

#include "kiosk/reducer.hpp"
#include "kiosk/state.hpp"

namespace kiosk::reducer {

using Effects = std::vector<Effect>;

// ---- Shared helpers ----

// Goes to a screen, remembering the one left for nav.back (reduce_session.cpp).
void go(AppState& s, Screen to);
// Clears everything the session knew about the shopper and goes back to the attract loop.
void wipe(AppState& s);
// Ends the shopper's session; an order still being confirmed is followed without its shopper.
void end_session(AppState& s, Effects& fx);

// The query changed: forget the pages, ask for the first one and the facets (reduce_browse.cpp).
void requery(Listing& l, ListingKind kind, Effects& fx, bool facets);
// The newest products, for the attract loop and home.
void load_featured(AppState& s, Effects& fx);

// Opens the product sheet and asks for the product (reduce_product.cpp). sku: the scanned
// variant, preselected once the product is in; empty: the first variant.
void open_product(AppState& s, const std::string& id, const std::string& sku, Effects& fx);

// Goes to the checkout and asks for a fresh quote of the cart (reduce_checkout.cpp).
void start_checkout(AppState& s, Effects& fx);
// A shopper-typed value without its leading and trailing blanks.
std::string trim(const std::string& v);
// A field the shopper typed in the checkout form, trimmed ("" when never typed).
std::string form_field(const Checkout& c, const char* name);

// Ends staff mode: the server session is closed (unless an assisted order still needs it) and
// the token, customer history and lookups are dropped; staff screens give way to home
// (reduce_staff.cpp).
void lock_staff(AppState& s, Effects& fx);

// Sends the order in flight again when it is due (reduce_order.cpp).
void retry_order(AppState& s, double now, Effects& fx);

// ---- Session: start, navigation, language, accessibility, idle, identity, catalogue, online ----
void on(AppState& s, const act::Start& a, Effects& fx);
void on(AppState& s, const act::GoHome& a, Effects& fx);
void on(AppState& s, const act::Back& a, Effects& fx);
void on(AppState& s, const act::Show& a, Effects& fx);
void on(AppState& s, const act::SetLanguage& a, Effects& fx);
void on(AppState& s, const act::ToggleAccessPanel& a, Effects& fx);
void on(AppState& s, const act::SetAccess& a, Effects& fx);
void on(AppState& s, const act::Input& a, Effects& fx);
void on(AppState& s, const act::Tick& a, Effects& fx);
void on(AppState& s, const act::IdleContinue& a, Effects& fx);
void on(AppState& s, const act::SetSpeech& a, Effects& fx);
void on(AppState& s, const act::KeypadUsed& a, Effects& fx);
void on(AppState& s, const act::Wipe& a, Effects& fx);
void on(AppState& s, const act::Identity& a, Effects& fx);
void on(AppState& s, const act::CatalogLoaded& a, Effects& fx);
void on(AppState& s, const act::Online& a, Effects& fx);
void on(AppState& s, const act::HealthChecked& a, Effects& fx);
void on(AppState& s, const act::SyncDone& a, Effects& fx);

// Usage events (reduce_track.cpp): what the state was before an action, and the events its
// change makes (fx::Track).
struct Before {
    Screen screen = Screen::Attract;
    std::uint64_t session = 0;
    double session_started = 0;
    bool on_search = false, search_counted = false;
    std::string search_text;
    std::int64_t search_results = -1;
    std::uint64_t search_generation = 0;
    std::string product_id;
    std::int64_t cart_units = 0;
    bool confirmed = false;
};
Before before(const AppState& s);
void track(const Before& b, AppState& s, const Action& a, Effects& fx);

// ---- Browsing: categories, search, listings, facets, scans and lookups ----
void on(AppState& s, const act::OpenCategory& a, Effects& fx);
void on(AppState& s, const act::SetSort& a, Effects& fx);
void on(AppState& s, const act::ToggleFilter& a, Effects& fx);
void on(AppState& s, const act::NeedPage& a, Effects& fx);
void on(AppState& s, const act::PageLoaded& a, Effects& fx);
void on(AppState& s, const act::FacetsLoaded& a, Effects& fx);
void on(AppState& s, const act::OpenSearch& a, Effects& fx);
void on(AppState& s, const act::OpenHandoff& a, Effects& fx);
void on(AppState& s, const act::CloseHandoff& a, Effects& fx);
void on(AppState& s, const act::HandoffMade& a, Effects& fx);
void on(AppState& s, const act::SetSearchText& a, Effects& fx);
void on(AppState& s, const act::Scanned& a, Effects& fx);
void on(AppState& s, const act::LookupDone& a, Effects& fx);

// ---- Product sheet: options, stock, store selection, add to cart ----
void on(AppState& s, const act::OpenProduct& a, Effects& fx);
void on(AppState& s, const act::ProductLoaded& a, Effects& fx);
void on(AppState& s, const act::ChooseOption& a, Effects& fx);
void on(AppState& s, const act::StockUpdate& a, Effects& fx);
void on(AppState& s, const act::SelectStore& a, Effects& fx);
void on(AppState& s, const act::AddToCart& a, Effects& fx);

// ---- Cart and checkout: cart lines, quote, price changes, fulfilment, form ----
void on(AppState& s, const act::SetQuantity& a, Effects& fx);
void on(AppState& s, const act::RemoveLine& a, Effects& fx);
void on(AppState& s, const act::StartCheckout& a, Effects& fx);
void on(AppState& s, const act::QuoteDone& a, Effects& fx);
void on(AppState& s, const act::AcceptPriceChanges& a, Effects& fx);
void on(AppState& s, const act::SetFulfilment& a, Effects& fx);
void on(AppState& s, const act::ChoosePickupStore& a, Effects& fx);
void on(AppState& s, const act::FocusField& a, Effects& fx);
void on(AppState& s, const act::SetField& a, Effects& fx);
void on(AppState& s, const act::SetPayment& a, Effects& fx);
void on(AppState& s, const act::ChangeFulfilmentAfterRejection& a, Effects& fx);

// ---- The order: placing, its updates, retries, confirmation, ticket ----
void on(AppState& s, const act::PlaceOrder& a, Effects& fx);
void on(AppState& s, const act::OrderUpdate& a, Effects& fx);
void on(AppState& s, const act::ConfirmationDone& a, Effects& fx);
void on(AppState& s, const act::PrintTicket& a, Effects& fx);
void on(AppState& s, const act::TicketPrinted& a, Effects& fx);

// ---- Staff mode: unlock, lock, customer history, order lookup ----
void on(AppState& s, const act::OpenStaffPin& a, Effects& fx);
void on(AppState& s, const act::StaffPinKey& a, Effects& fx);
void on(AppState& s, const act::StaffSessionAnswer& a, Effects& fx);
void on(AppState& s, const act::LockStaff& a, Effects& fx);
void on(AppState& s, const act::SetStaffText& a, Effects& fx);
void on(AppState& s, const act::FindCustomer& a, Effects& fx);
void on(AppState& s, const act::CustomerFound& a, Effects& fx);
void on(AppState& s, const act::OpenPurchase& a, Effects& fx);
void on(AppState& s, const act::FindOrders& a, Effects& fx);
void on(AppState& s, const act::OrdersFound& a, Effects& fx);
void on(AppState& s, const act::ExpandOrder& a, Effects& fx);

}  // namespace kiosk::reducer
