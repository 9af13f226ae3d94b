#pragma once
// The kiosk's state, the actions that change it and the effects a change asks for.
// `AppState` is plain data: no ImGui, texture or thread handles. `reduce` (reducer.hpp) is the
// only function that changes it; it is pure and tested without a window. Effects are carried out
// by the App (app.hpp) on worker threads; their results come back as actions through the inbox.
// Responses carry the request id they answer: the reducer drops stale ones (the shopper moved on).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "catalog_client/model.hpp"
#include "catalog_client/search_query.hpp"
#include "kiosk/ticket.hpp"

namespace kiosk {

namespace cc = catalog_client;

enum class Screen {
    Attract, Home, Category, Search, Product, Availability, Cart, Checkout, Confirmation, OrderPending,
    StaffPin, StaffHome, StaffCustomer, StaffOrders
};
const char* screen_name(Screen s);

// What a grid tile shows of a product.
struct Tile {
    std::string product_id, sku;  // sku: the matched variant (a code search), else empty
    cc::LocalizedText name;
    std::string brand;
    std::int64_t price = 0;      // lowest online price, minor units
    std::int64_t old_price = 0;  // compare-at price when on sale
    std::string image;           // URL of the first image
    std::vector<std::string> badges;
};

enum class ListingKind { Category, Search, Featured };
constexpr int kPageSize = 48;

// Values the filters of a listing can take, from a sample of the listing's products.
// A product grid: a category or search results, loaded a page at a time as it scrolls.
struct Listing {
    std::uint64_t generation = 0;  // bumps whenever the query changes; stale pages are dropped
    cc::SearchQuery query;
    std::int64_t total = -1;  // -1: first page not in yet
    bool more = false;        // `total` is a lower bound: at least that many (large catalogues)
    std::map<int, std::vector<Tile>> pages;
    std::set<int> requested;
    cc::ListingFacets facets;
    std::optional<cc::SearchSuggestion> suggestion;  // the query found nothing: what to offer instead
    bool scroll_to_top = false;  // the screen resets its scroll once and clears this
};

enum class StockBand { Unknown, Out, Low, InStock };
// What is known of one SKU's stock, as the availability cache reported it.
struct Stock {
    bool known = false;     // false: unknown (never shown as in stock)
    bool loading = false;   // a request is in flight
    cc::SkuAvailability data;
};

struct CartLine {
    std::string product_id, sku;
    cc::LocalizedText name;
    std::string brand;
    std::map<std::string, std::string> options;
    std::map<std::string, cc::LocalizedText> option_labels;
    cc::Money unit_price;        // online price, what the order is charged
    cc::Money store_price;       // shown beside it when different
    std::int64_t quantity = 1;
    std::string image;
};

struct PriceChange {
    std::string sku;
    cc::LocalizedText name;
    std::int64_t before = 0, after = 0;
};

enum class Fulfilment { None, Delivery, Pickup };
enum class Payment { None, PayAtTill, PayOnPhone };
enum class OrderPhase { Editing, Quoting, Placing, Confirming, Rejected, Unavailable };

// Fields typed by the shopper: personal data, wiped with the session.
struct CheckoutForm {
    std::map<std::string, std::string> fields;  // name, line1, line2, postcode, city, email, phone, loyalty_card
    std::string focused;                        // field being typed into, empty: none
    std::map<std::string, std::string> errors;  // field -> translation key of the problem
};

struct Checkout {
    OrderPhase phase = OrderPhase::Editing;
    std::uint64_t quote_request = 0;
    std::optional<cc::Quote> quote;
    std::string quote_error;                // translation key, when the quote failed
    std::vector<PriceChange> price_changes;  // shown until accepted
    Fulfilment fulfilment = Fulfilment::None;
    std::string pickup_store;
    Payment payment = Payment::None;
    CheckoutForm form;
    std::optional<cc::OrderRejection> rejection;  // why the server refused the order (OrderPhase::Rejected)
    std::string last_error;  // why the last attempt did not end it (for logs, never personal)
    std::string served_by;   // the staff member who placed it (assisted order), for the confirmation
};

// The order being placed: the one record of it in the state, from PlaceOrder until the outbox
// says it ended. It outlives the shopper's session (the outbox keeps sending it after a wipe)
// and holds nothing personal. The reducer retries it from Tick while the API is reachable.
struct OrderInFlight {
    std::uint64_t request = 0;   // the id its OrderUpdates carry
    std::int64_t outbox_id = 0;  // 0 until the outbox has recorded it
    bool sending = false;        // an attempt is under way (no retry until it reports)
    double next_retry = 0;       // app clock
    bool assisted = false;       // placed in staff mode: the outbox sends it with that staff session
};
constexpr double kOrderRetryS = 3.0;

enum class PrintPhase { Idle, Printing, Printed, Failed };

struct Confirmation {
    cc::Order order;
    Fulfilment fulfilment = Fulfilment::None;
    std::string pickup_store;
    Payment payment = Payment::None;
    PrintPhase print = PrintPhase::Idle;  // the optional printed ticket
    std::string served_by;                // assisted order: the staff member's name
};

// An order still being confirmed when its shopper's session was wiped (idle): the form and the
// cart are gone from memory (the outbox holds the body until the server acknowledges it); the
// kiosk shows a neutral panel where the order's number appears once confirmed.
struct OrderAfterWipe {
    enum class Phase { Confirming, Confirmed, Failed } phase = Phase::Confirming;
    std::string number;         // once confirmed: the order number (not personal)
    double ended_at = 0;        // app clock when the outcome was first shown (0: not yet)
};

struct ProductView {
    std::uint64_t request = 0;
    std::string id;
    std::optional<cc::Product> product;
    bool missing = false;                       // not in the replica
    std::map<std::string, std::string> chosen;  // option -> value ("size" -> "M")
    std::string scanned_sku;                    // preselected by a scan
};

struct Accessibility {
    bool reach = false, large_text = false, high_contrast = false;
    bool panel_open = false;
    bool speech = false;  // speech output (espeak-ng) says the screens, the focus and the errors
    bool keypad = false;  // a navigation key was pressed this session
};

struct Settings {  // from the configuration, fixed for the run
    std::string default_language = "fr";
    std::vector<std::string> languages = {"fr", "en"};
    double idle_timeout_s = 60.0;
    double idle_countdown_s = 10.0;
    std::string currency = "EUR";
    bool printer = false;  // a receipt printer is configured: the confirmation offers a ticket
    double sync_interval_s = 300.0;  // periodic delta sync of the catalogue
    double staff_idle_lock_s = 120.0;  // staff mode locks itself after this long without a touch
    double heartbeat_interval_s = 60.0;  // the heartbeat and the usage events are sent this often
    // Shoppers using speech or the keypad get more time ([accessibility]).
    bool speech = false;               // speech on at the start of every session
    bool speech_on_keypad = true;      // the first navigation key turns speech on
    double assisted_idle_timeout_s = 180.0;
    double assisted_countdown_s = 30.0;
    double more_time_s = 120.0;        // "more time" on the idle warning adds this
    // What the commerce backend offers (CommerceApi::capabilities): the kiosk hides the rest.
    bool staff_mode = true;    // staff sessions (Medusa: none)
    bool cart_handoff = true;  // a cart's link for the shopper's phone, made by the server
    bool pay_on_phone = true;  // a payment link (Medusa: payment at the till only)
};

// When the kiosk next asks whether the API answers and next syncs the catalogue: decided by the
// reducer from Tick, carried out by the services. Not personal: survives a session wipe.
struct Schedule {
    double now = 0;             // app clock at the last Tick
    double next_health = 0;     // 0: at the first Tick
    bool health_in_flight = false;
    double next_sync = 0;       // 0: one interval after the first Tick
    double next_heartbeat = 0;  // 0: a few seconds after the first Tick
};
constexpr double kHealthOnlineS = 15.0, kHealthOfflineS = 3.0, kHealthSoonS = 2.0;

// ---- Staff mode (T1–T4) ----
// Everything here is personal or secret (the staff token, the PIN being typed, a customer's name
// and purchases): it lives only while staff mode is unlocked and is dropped on lock, on the idle
// lock and with the shopper session.

// The PIN pad: what is typed, and what the server said of the last attempt.
struct StaffPinPad {
    std::string badge;          // the staff id of a scanned badge (STAFF:<id>), empty: any
    std::string digits;         // at most kMaxPinDigits
    bool checking = false;      // the server is checking it
    std::uint64_t request = 0;
    int tries_left = -1;        // after a wrong PIN; -1: no wrong PIN yet
    double locked_until = 0;    // app clock: too many wrong PINs, counting down
    std::string error;          // translation key of the last failure
};
constexpr std::size_t kMaxPinDigits = 8;

// A customer's purchase history, found by loyalty card (T3).
struct CustomerLookup {
    std::string card;           // typed or scanned
    std::uint64_t request = 0;
    bool loading = false;
    std::optional<cc::CustomerHistory> history;
    std::string error;          // translation key
};

// Orders found by number or by loyalty card (T4).
struct OrderLookup {
    std::string query;
    std::uint64_t request = 0;
    bool loading = false;
    bool searched = false;      // results are for the query as it was searched
    std::vector<cc::Order> results;
    int expanded = 0;           // the result whose lines are shown
    std::string error;          // translation key
};

struct StaffMode {
    bool unlocked = false;
    std::string token;          // X-Staff-Session; never logged, never on disk but in the outbox
    std::string staff_id, name;
    StaffPinPad pin;
    CustomerLookup customer;
    OrderLookup orders;
};

struct AppState {
    Settings settings;
    Screen screen = Screen::Attract;
    std::vector<Screen> history;  // for nav.back
    std::string language = "fr";
    Accessibility access;

    // Who and where we are.
    std::string kiosk_id, store_id;
    std::vector<cc::Category> categories;
    std::vector<cc::Store> stores;
    std::int64_t catalog_products = 0;
    bool online = true;              // the API answered recently
    bool replica_ready = false;      // a catalogue is there to browse
    std::string sync_message;        // last sync outcome for operators (not shown to shoppers)
    std::string last_error;          // the last sync's failure, for the heartbeat (empty once a sync succeeds)

    // Browsing.
    std::string category_id;
    Listing category, search, featured;  // featured: the newest products (attract loop, home)
    std::string search_text;
    std::uint64_t search_counted = 0;  // the search listing's generation last counted (fx::Track "search")
    // "Continue on my phone": a QR code over the product sheet (its web page) or the cart (a
    // hand-off link the API makes). Nothing personal: SKUs and quantities.
    struct Handoff {
        enum class What { None, Product, Cart } what = What::None;
        std::uint64_t request = 0;  // the cart's link being made
        bool loading = false, failed = false;
        std::string url;  // the cart's link, once made
    } handoff;
    ProductView product;
    std::map<std::string, Stock> stock;  // by SKU
    std::string selected_store;          // expanded on the availability screen
    std::string notice;                  // translation key of a short message ("scan.not_found")
    double notice_at = 0;
    Screen notice_on = Screen::Attract;  // the screen it was raised on: shown only there

    // The session's purchase.
    std::vector<CartLine> cart;
    Checkout checkout;
    std::optional<Confirmation> confirmation;
    std::optional<OrderInFlight> order_in_flight;
    Schedule schedule;
    std::optional<OrderAfterWipe> order_after_wipe;  // Screen::OrderPending

    // Staff mode: locked unless a staff member unlocked it with their PIN.
    StaffMode staff;

    // Session lifecycle.
    double last_input = 0;       // seconds, app clock
    bool idle_warning = false;
    double idle_warning_at = 0;
    double extra_time_s = 0;     // added to the idle timeout by "more time" on the warning
    double session_started = 0;  // app clock when the attract loop was left (usage: the session's length)
    std::uint64_t session = 1;   // increments at each wipe
    std::uint64_t next_request = 1;
};

// ---- Actions ----
namespace act {
struct Start {};
struct GoHome {};
struct Back {};
struct Show { Screen screen; };
struct SetLanguage { std::string lang; };
struct ToggleAccessPanel { bool open; };
struct SetAccess { bool reach, large_text, high_contrast; };
struct Input { double now; };  // any touch or key: resets the idle timer
struct Tick { double now; };   // every frame: idle warning and wipe
struct IdleContinue { double now; bool more_time = false; };  // more_time: "I need more time"
struct SetSpeech { bool on; };
struct KeypadUsed {};  // the first navigation key of the session
struct Wipe {};

struct Identity { std::string kiosk_id, store_id; };
struct CatalogLoaded { std::vector<cc::Category> categories; std::vector<cc::Store> stores; std::int64_t products; };
struct Online { bool online; };
struct HealthChecked { bool ok; };  // the answer to fx::CheckHealth
struct SyncDone { bool ok; std::string message; };

struct OpenCategory { std::string id; };
struct SetSort { ListingKind listing; cc::SortOrder sort; };
struct ToggleFilter { ListingKind listing; std::string name; std::string value; };  // name: available_here, web_only, size, color, brand, price
struct NeedPage { ListingKind listing; std::uint64_t generation; int page; };
struct PageLoaded {
    ListingKind listing; std::uint64_t generation; int page; std::int64_t total; std::vector<Tile> tiles;
    bool total_is_lower_bound = false;
    std::optional<cc::SearchSuggestion> suggestion = std::nullopt;  // first page of a query that found nothing
};
struct FacetsLoaded { ListingKind listing; std::uint64_t generation; cc::ListingFacets facets; };

struct OpenSearch {};
struct OpenHandoff { AppState::Handoff::What what; };
struct CloseHandoff {};
struct HandoffMade { std::uint64_t request; bool ok; std::string url; };
struct SetSearchText { std::string text; };
struct Scanned { std::string code; };
struct LookupDone { std::string code; std::optional<std::string> product_id; std::string sku; };

struct OpenProduct { std::string id; std::string sku; };
struct ProductLoaded { std::uint64_t request; std::optional<cc::Product> product; };
struct ChooseOption { std::string option, value; };
struct StockUpdate { std::map<std::string, Stock> stock; };
struct SelectStore { std::string store_id; };
struct AddToCart {};

struct SetQuantity { int line; std::int64_t quantity; };
struct RemoveLine { int line; };
struct StartCheckout {};
struct QuoteDone { std::uint64_t request; std::optional<cc::Quote> quote; std::string error_code; };
struct AcceptPriceChanges {};
struct SetFulfilment { Fulfilment fulfilment; };
struct ChoosePickupStore { std::string store_id; };
struct FocusField { std::string name; };
struct SetField { std::string name, value; };
struct SetPayment { Payment payment; };
struct PlaceOrder {};
// The outbox's news about the order being placed (Failed: it could not even be recorded).
struct OrderUpdate {
    std::uint64_t request = 0;
    std::int64_t outbox_id = 0;
    enum class Kind { Pending, Acknowledged, Rejected, Failed } kind = Kind::Pending;
    std::optional<cc::Order> order;               // Acknowledged
    std::optional<cc::OrderRejection> rejection;  // Rejected
    std::string error;                            // Pending, Failed: why (for logs)
};
struct ChangeFulfilmentAfterRejection {};
struct ConfirmationDone {};
struct PrintTicket { Ticket ticket; };  // built by the confirmation screen (translated, formatted)
struct TicketPrinted { std::string order_number; bool ok = false; };

// Staff mode.
struct OpenStaffPin { std::string badge; };   // the logo held 2 s (badge empty), or a badge scanned
struct StaffPinKey { std::string key; };      // "0".."9", "clear", "ok"
struct StaffSessionAnswer {                   // the answer to fx::OpenStaffSession
    std::uint64_t request = 0;
    std::optional<cc::StaffSession> session;
    std::string code;          // why not: "unauthorized" (wrong PIN), "staff_locked", "offline", ...
    int tries_left = -1;       // wrong PIN: tries before the lock (-1: not said)
    int retry_after_s = 0;     // staff_locked
};
struct LockStaff {};
struct SetStaffText { std::string field, value; };  // field: "card" (customer), "query" (orders)
struct FindCustomer {};
struct CustomerFound { std::uint64_t request = 0; std::optional<cc::CustomerHistory> history; std::string error; };
struct OpenPurchase { int index = 0; };
struct FindOrders {};
struct OrdersFound { std::uint64_t request = 0; std::vector<cc::Order> orders; std::string error; };
struct ExpandOrder { int index = 0; };
}  // namespace act

using Action = std::variant<
    act::Start, act::GoHome, act::Back, act::Show, act::SetLanguage, act::ToggleAccessPanel, act::SetAccess,
    act::Input, act::Tick, act::IdleContinue, act::SetSpeech, act::KeypadUsed, act::Wipe, act::Identity, act::CatalogLoaded, act::Online, act::HealthChecked,
    act::SyncDone, act::OpenCategory, act::SetSort, act::ToggleFilter, act::NeedPage, act::PageLoaded,
    act::FacetsLoaded, act::OpenSearch, act::SetSearchText, act::Scanned, act::LookupDone, act::OpenProduct,
    act::ProductLoaded, act::ChooseOption, act::StockUpdate, act::SelectStore, act::AddToCart,
    act::SetQuantity, act::RemoveLine, act::StartCheckout, act::QuoteDone, act::AcceptPriceChanges,
    act::SetFulfilment, act::ChoosePickupStore, act::FocusField, act::SetField, act::SetPayment,
    act::PlaceOrder, act::OrderUpdate, act::ChangeFulfilmentAfterRejection, act::ConfirmationDone,
    act::PrintTicket, act::TicketPrinted, act::OpenStaffPin, act::StaffPinKey, act::StaffSessionAnswer,
    act::LockStaff, act::SetStaffText, act::FindCustomer, act::CustomerFound, act::OpenPurchase, act::FindOrders,
    act::OrdersFound, act::ExpandOrder, act::OpenHandoff, act::CloseHandoff, act::HandoffMade>;

// ---- Effects ----
namespace fx {
struct RunSearch { ListingKind listing; std::uint64_t generation; int page; cc::SearchQuery query; };
struct LoadFacets { ListingKind listing; std::uint64_t generation; cc::SearchQuery query; };
struct LoadProduct { std::uint64_t request; std::string id; };
struct Lookup { std::string code; };
struct FetchStock { std::vector<std::string> skus; };
struct RequestQuote { std::uint64_t request; std::vector<std::pair<std::string, std::int64_t>> lines; };
struct SubmitOrder {  // record in the outbox, then send
    std::uint64_t request;
    cc::OrderRequest order;
    std::string staff_session;  // an assisted order: the staff token it is sent with
};
struct RetryOrder { std::uint64_t request; std::int64_t outbox_id; };   // send again with its key
struct CheckHealth {};                   // is the API reachable? (answers act::HealthChecked)
struct SyncCatalog {};                   // a delta sync (a full one if the cursor has expired)
struct SetStore { std::string store_id; };  // live stock is asked near this store from now on
struct ResetSession {};  // screens' scratch (typed text, scroll) is dropped
struct ApplyLook {};     // fonts/theme changed (large text, high contrast)
struct Print { Ticket ticket; };
struct OpenStaffSession { std::uint64_t request; std::string pin, badge; };  // answers act::StaffSessionAnswer
struct CloseStaffSession { std::string token; };                             // fire and forget
struct FetchCustomer { std::uint64_t request; std::string card, token; };     // answers act::CustomerFound
// By order number (it has a dash: "K-4F7Q-92") or by loyalty card; answers act::OrdersFound.
struct FetchOrders { std::uint64_t request; std::string query, token; };
// A search the shopper left (to a product, elsewhere, or the session ended), with how many
// products it found: kept for the retailer, never personal (catalog_client/usage_log.hpp).
// A usage event for the retailer (catalog_client/usage_log.hpp: kinds, detail, value), kept on
// disk until the API acknowledges it. Never personal: ids, codes and amounts; a search's text is
// redacted when recorded.
struct Track { std::string kind; std::string detail; std::int64_t value = 0; std::uint64_t session = 0; };
// The heartbeat, then the usage events kept (answers nothing: failures wait for the next one).
struct SendHeartbeat { std::string last_error; };
struct CreateHandoff { std::uint64_t request; std::vector<std::pair<std::string, std::int64_t>> lines; };  // answers act::HandoffMade
}  // namespace fx

using Effect = std::variant<fx::RunSearch, fx::LoadFacets, fx::LoadProduct, fx::Lookup, fx::FetchStock,
                            fx::RequestQuote, fx::SubmitOrder, fx::RetryOrder, fx::CheckHealth,
                            fx::SyncCatalog, fx::SetStore, fx::ResetSession, fx::ApplyLook, fx::Print,
                            fx::OpenStaffSession, fx::CloseStaffSession, fx::FetchCustomer, fx::FetchOrders,
                            fx::Track, fx::SendHeartbeat, fx::CreateHandoff>;

}  // namespace kiosk
