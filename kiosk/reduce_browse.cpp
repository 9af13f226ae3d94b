// The reducer's browsing journey: categories, search, the listings' pages, sort and filters,
// facets, scans and code lookups; and the grid tile of a product.
#include <algorithm>
#include <optional>
#include <string>

#include "kiosk/reducer_parts.hpp"

namespace kiosk {

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
    // The chosen variant's colour, when a picture shows it.
    for (const cc::Variant& v : p.variants) {
        auto colour = v.options.find("color");
        if (sku.empty() || v.sku != sku || colour == v.options.end()) continue;
        for (const cc::Image& img : p.images)
            if (img.color == colour->second) {
                t.image = img.url;
                break;
            }
    }
    return t;
}

namespace reducer {

namespace {

Listing& listing_of(AppState& s, ListingKind k) {
    return k == ListingKind::Category ? s.category : k == ListingKind::Search ? s.search : s.featured;
}

// Sets the price filter from "MIN-MAX" in minor units (MAX may be empty; the same again clears
// it). False when the value is not a number: the query is left as it was.
bool toggle_price(cc::SearchQuery& q, const std::string& value) {
    const auto dash = value.find('-');
    std::optional<std::int64_t> lo, hi;
    try {
        if (dash != std::string::npos) {
            if (dash > 0) lo = std::stoll(value.substr(0, dash));
            if (dash + 1 < value.size()) hi = std::stoll(value.substr(dash + 1));
        }
    } catch (...) {
        return false;
    }
    if (q.price_min == lo && q.price_max == hi) lo = hi = std::nullopt;
    q.price_min = lo;
    q.price_max = hi;
    return true;
}

// Every filter off; the text, the category and the sort stay.
void clear_filters(cc::SearchQuery& q) {
    const std::string text = q.text, cat = q.category_id;
    const cc::SortOrder sort = q.sort;
    q = cc::SearchQuery{};
    q.text = text;
    q.category_id = cat;
    q.sort = sort;
}

}  // namespace

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

void on(AppState& s, const act::OpenCategory& a, Effects& fx) {
    s.category_id = a.id;
    Listing& l = s.category;
    const cc::SortOrder sort = l.query.sort;
    l.query = cc::SearchQuery{};
    l.query.category_id = a.id;
    l.query.sort = sort;
    l.facets = cc::ListingFacets{};
    requery(l, ListingKind::Category, fx, true);
    go(s, Screen::Category);
}

void on(AppState& s, const act::SetSort& a, Effects& fx) {
    Listing& l = listing_of(s, a.listing);
    if (l.query.sort == a.sort) return;
    l.query.sort = a.sort;
    requery(l, a.listing, fx, false);
}

void on(AppState& s, const act::ToggleFilter& a, Effects& fx) {
    Listing& l = listing_of(s, a.listing);
    cc::SearchQuery& q = l.query;
    auto toggle = [&](std::string& field) { field = field == a.value ? std::string() : a.value; };
    if (a.name == "available_here") q.available_here = !q.available_here;
    else if (a.name == "web_only") q.web_only = !q.web_only;
    else if (a.name == "size") toggle(q.size);
    else if (a.name == "color") toggle(q.color);
    else if (a.name == "brand") toggle(q.brand);
    else if (a.name == "price") {
        if (!toggle_price(q, a.value)) return;
    } else if (a.name == "clear") {
        clear_filters(q);
    } else {
        return;
    }
    requery(l, a.listing, fx, false);
}

void on(AppState& s, const act::NeedPage& a, Effects& fx) {
    Listing& l = listing_of(s, a.listing);
    if (a.generation != l.generation || a.page < 0 || l.requested.count(a.page)) return;
    if (l.total >= 0 && !l.more && static_cast<std::int64_t>(a.page) * kPageSize >= l.total) return;
    l.requested.insert(a.page);
    cc::SearchQuery q = l.query;
    q.offset = a.page * kPageSize;
    q.limit = kPageSize;
    fx.push_back(fx::RunSearch{a.listing, l.generation, a.page, q});
}

void on(AppState& s, const act::PageLoaded& a, Effects&) {
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
    if (a.page == 0) l.suggestion = a.suggestion;
}

void on(AppState& s, const act::FacetsLoaded& a, Effects&) {
    Listing& l = listing_of(s, a.listing);
    if (a.generation == l.generation) l.facets = a.facets;
}

void on(AppState& s, const act::OpenSearch&, Effects&) { go(s, Screen::Search); }

void on(AppState& s, const act::SetSearchText& a, Effects& fx) {
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
}

void on(AppState& s, const act::Scanned& a, Effects& fx) {
    if (a.code.empty() || a.code.size() > 64) return;
    // A staff badge opens the PIN pad for that staff member.
    if (a.code.rfind("STAFF:", 0) == 0) {
        on(s, act::OpenStaffPin{a.code.substr(6)}, fx);
        return;
    }
    if (s.screen == Screen::StaffPin) return;
    // In staff mode, a loyalty card scanned on the customer or orders screen is looked up.
    if (s.screen == Screen::StaffCustomer) {
        on(s, act::SetStaffText{"card", a.code}, fx);
        on(s, act::FindCustomer{}, fx);
        return;
    }
    if (s.screen == Screen::StaffOrders) {
        on(s, act::SetStaffText{"query", a.code}, fx);
        on(s, act::FindOrders{}, fx);
        return;
    }
    // A loyalty card scanned on the checkout screen fills the card field.
    if (s.screen == Screen::Checkout) {
        s.checkout.form.fields["loyalty_card"] = a.code;
        s.checkout.form.errors.erase("loyalty_card");
        return;
    }
    fx.push_back(fx::Lookup{a.code});
}

void on(AppState& s, const act::LookupDone& a, Effects& fx) {
    if (!a.product_id) {
        s.notice = "scan.not_found";
        s.notice_at = s.last_input;
        s.notice_on = s.screen;
        return;
    }
    if (s.screen == Screen::Attract || s.screen == Screen::OrderPending) {
        s.order_after_wipe.reset();  // a new shopper (a scan) took over
        s.screen = Screen::Home;
    }
    open_product(s, *a.product_id, a.sku, fx);
}

}  // namespace reducer

}  // namespace kiosk
