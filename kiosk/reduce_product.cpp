// The reducer's product journey: the product sheet, its options and variants, live stock, the
// store chosen on the availability screen, adding to the cart; and the product helpers the
// screens share (chosen_variant, combination_exists, option_values, band_of, quantity_at).
#include <algorithm>
#include <utility>

#include "kiosk/reducer_parts.hpp"

namespace kiosk {

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

namespace reducer {

namespace {

// The SKUs whose stock the product sheet shows (at most 50).
std::vector<std::string> chosen_skus(const AppState& s) {
    std::vector<std::string> skus;
    if (!s.product.product) return skus;
    for (const auto& v : s.product.product->variants) skus.push_back(v.sku);
    if (skus.size() > 50) skus.resize(50);
    return skus;
}

// The cart line for a variant of the product on the sheet: its online price, the store price
// beside it, and the first image of its colour (else the product's first image).
CartLine line_of(const cc::Product& p, const cc::Variant& var) {
    CartLine l;
    l.product_id = p.id;
    l.sku = var.sku;
    l.name = p.name;
    l.brand = p.brand;
    l.options = var.options;
    l.option_labels = var.labels;
    l.unit_price = var.online_price;
    l.store_price = var.store_price;
    for (const cc::Image& img : p.images) {
        auto c = var.options.find("color");
        if (img.color.empty() || (c != var.options.end() && img.color == c->second)) {
            l.image = img.url;
            break;
        }
    }
    if (l.image.empty() && !p.images.empty()) l.image = p.images.front().url;
    return l;
}

}  // namespace

void open_product(AppState& s, const std::string& id, const std::string& sku, Effects& fx) {
    ProductView& v = s.product;
    v = ProductView{};
    v.id = id;
    v.scanned_sku = sku;
    v.request = s.next_request++;
    fx.push_back(fx::LoadProduct{v.request, v.id});
    go(s, Screen::Product);
}

void on(AppState& s, const act::OpenProduct& a, Effects& fx) { open_product(s, a.id, a.sku, fx); }

void on(AppState& s, const act::ProductLoaded& a, Effects& fx) {
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
    // Else the options asked for (a past purchase whose SKU is gone), else the first variant.
    if (!pre && !v.chosen.empty()) pre = chosen_variant(v);
    if (!pre && !v.product->variants.empty()) pre = &v.product->variants.front();
    if (pre) v.chosen = pre->options;
    std::vector<std::string> skus = chosen_skus(s);
    for (const std::string& sku : skus) s.stock[sku].loading = true;
    fx.push_back(fx::FetchStock{std::move(skus)});
}

void on(AppState& s, const act::ChooseOption& a, Effects&) {
    // The variant with the tapped value that keeps most of the other choices (colour weighs
    // most): an unavailable combination switches to the closest one.
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
}

void on(AppState& s, const act::StockUpdate& a, Effects&) {
    for (const auto& [sku, st] : a.stock) s.stock[sku] = st;
    if (s.stock.size() > 2000) {  // keep memory bounded over a long day
        std::map<std::string, Stock> keep;
        for (const std::string& sku : chosen_skus(s))
            if (auto it = s.stock.find(sku); it != s.stock.end()) keep.insert(*it);
        s.stock.swap(keep);
    }
}

void on(AppState& s, const act::SelectStore& a, Effects&) {
    s.selected_store = s.selected_store == a.store_id ? "" : a.store_id;
}

void on(AppState& s, const act::AddToCart&, Effects&) {
    const ProductView& v = s.product;
    const cc::Variant* var = chosen_variant(v);
    if (!var) return;
    s.notice = "cart.added";
    s.notice_at = s.last_input;
    s.notice_on = s.screen;
    for (CartLine& l : s.cart)
        if (l.sku == var->sku) {
            l.quantity = std::min<std::int64_t>(l.quantity + 1, 99);
            return;
        }
    s.cart.push_back(line_of(*v.product, *var));
}

// "Continue on my phone": the product's web page needs nothing from the API (the screen makes
// its link from the configured template); the cart's lines are saved by the API first.
void on(AppState& s, const act::OpenHandoff& a, Effects& fx) {
    using What = AppState::Handoff::What;
    s.handoff = {};
    if (a.what == What::Product && s.screen == Screen::Product && s.product.product) {
        s.handoff.what = What::Product;
    } else if (a.what == What::Cart && !s.cart.empty() && s.settings.cart_handoff) {
        s.handoff.what = What::Cart;
        s.handoff.loading = true;
        s.handoff.request = s.next_request++;
        fx::CreateHandoff e{s.handoff.request, {}};
        for (const CartLine& l : s.cart) e.lines.emplace_back(l.sku, l.quantity);
        fx.push_back(std::move(e));
    }
}

void on(AppState& s, const act::CloseHandoff&, Effects&) { s.handoff = {}; }

void on(AppState& s, const act::HandoffMade& a, Effects&) {
    if (s.handoff.what != AppState::Handoff::What::Cart || a.request != s.handoff.request) return;  // closed, or an older one
    s.handoff.loading = false;
    s.handoff.failed = !a.ok;
    s.handoff.url = a.ok ? a.url : std::string();
}

}  // namespace reducer

}  // namespace kiosk
