// Product grids: a category with its sub-categories, or search results on every keystroke; both
// with filters (size, colour, brand, price, available here, web exclusive) and sorts.
#include <algorithm>

#include "kiosk/reducer.hpp"
#include "render/icons.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

namespace {

struct PriceBand {
    const char* value;  // "MIN-MAX" in minor units
    const char* key;
};
const PriceBand kPrices[] = {{"-2000", "filter.price.under20"},
                             {"2000-5000", "filter.price.20to50"},
                             {"5000-10000", "filter.price.50to100"},
                             {"10000-30000", "filter.price.100to300"},
                             {"30000-", "filter.price.over300"}};

bool price_selected(const cc::SearchQuery& q, const char* value) {
    const std::string v = value;
    const auto dash = v.find('-');
    std::optional<std::int64_t> lo, hi;
    if (dash > 0) lo = std::stoll(v.substr(0, dash));
    if (dash + 1 < v.size()) hi = std::stoll(v.substr(dash + 1));
    return q.price_min == lo && q.price_max == hi && (lo || hi);
}

// Chips laid out left to right, wrapping; `chip` draws one and returns whether it was tapped.
struct ChipRow {
    Ctx& c;
    float left, right;
    bool first = true;
    bool operator()(const std::string& id, const std::string& label, bool selected, bool enabled = true) {
        const float w = text_width(c.ui.fonts.body_bold, label) + c.ui.mm(10);
        if (!first) {
            ImGui::SameLine(0, c.ui.mm(2));
            if (ImGui::GetCursorScreenPos().x + w > right) {
                ImGui::NewLine();
                ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
            }
        }
        first = false;
        return render::chip(c.ui, id.c_str(), label.c_str(), selected, enabled);
    }
};

void filters(Ctx& c, ListingKind kind, const Listing& l, float left, float right) {
    const cc::SearchQuery& q = l.query;
    ChipRow chip{c, left, right};
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    const std::pair<cc::SortOrder, const char*> sorts[] = {{cc::SortOrder::Relevance, "sort.relevance"},
                                                           {cc::SortOrder::PriceAscending, "sort.price_up"},
                                                           {cc::SortOrder::PriceDescending, "sort.price_down"},
                                                           {cc::SortOrder::Newest, "sort.newest"}};
    for (const auto& [order, key] : sorts) {
        if (kind == ListingKind::Category && order == cc::SortOrder::Relevance) continue;
        const std::string id = std::string("filter.sort.") + (key + 5);
        if (chip(id, c.t(key), q.sort == order)) c.emit(act::SetSort{kind, order});
    }
    if (chip("filter.available_here", c.t("filter.available_here"), q.available_here))
        c.emit(act::ToggleFilter{kind, "available_here", ""});
    if (chip("filter.web_only", c.t("filter.web_only"), q.web_only)) c.emit(act::ToggleFilter{kind, "web_only", ""});
    auto group = [&](const char* name, const std::string& current) {
        const std::string label = current.empty() ? c.t(std::string("filter.") + name)
                                                  : std::string(c.t(std::string("filter.") + name)) + " : " + current;
        if (chip(std::string("filter.") + name, label, c.scratch.filter_open == name || !current.empty()))
            c.scratch.filter_open = c.scratch.filter_open == name ? "" : name;
    };
    if (!l.facets.sizes.empty()) group("size", q.size);
    if (!l.facets.colors.empty()) group("color", q.color);
    if (!l.facets.brands.empty()) group("brand", q.brand);
    const bool any_price = q.price_min || q.price_max;
    if (chip("filter.price", c.t("filter.price"), c.scratch.filter_open == "price" || any_price))
        c.scratch.filter_open = c.scratch.filter_open == "price" ? "" : "price";
    const bool any = q.available_here || q.web_only || !q.size.empty() || !q.color.empty() || !q.brand.empty() || any_price;
    if (any && chip("filter.clear", c.t("filter.clear"), false)) c.emit(act::ToggleFilter{kind, "clear", ""});
    // The open group's values on their own line.
    if (!c.scratch.filter_open.empty()) {
        ChipRow values{c, left, right};
        ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
        const std::string& open = c.scratch.filter_open;
        const std::vector<std::string>* list = open == "size" ? &l.facets.sizes
                                               : open == "color" ? &l.facets.colors
                                               : open == "brand" ? &l.facets.brands
                                                                 : nullptr;
        const std::string& current = open == "size" ? q.size : open == "color" ? q.color : q.brand;
        if (list) {
            for (const std::string& v : *list)
                if (values("filter." + open + "." + v, v, current == v)) c.emit(act::ToggleFilter{kind, open, v});
        } else if (open == "price") {
            for (const PriceBand& b : kPrices)
                if (values(std::string("filter.price.") + b.value, c.t(b.key), price_selected(q, b.value)))
                    c.emit(act::ToggleFilter{kind, "price", b.value});
        }
    }
}

// A search that found nothing offers the words that do find something, and categories.
void no_dead_end(Ctx& c, const Listing& l) {
    if (!l.suggestion) return;
    const cc::SearchSuggestion& s = *l.suggestion;
    ImGui::Dummy(ImVec2(1, c.ui.mm(3)));
    if (!s.text.empty()) {
        ImGui::TextUnformatted(c.t("search.did_you_mean"));
        const std::string label = c.f("search.suggestion", {{"text", s.text}, {"count", std::to_string(s.total)}});
        render::ButtonOptions o;
        o.kind = render::ButtonKind::Secondary;
        o.icon = render::Icon::Search;
        if (render::button(c.ui, "search.suggestion", label.c_str(), o)) c.emit(act::SetSearchText{s.text});
        ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    }
    if (s.category_ids.empty()) return;
    ImGui::TextUnformatted(c.t("search.browse_instead"));
    bool first = true;
    for (const std::string& id : s.category_ids) {
        const cc::Category* cat = nullptr;
        for (const cc::Category& k : c.state.categories)
            if (k.id == id) cat = &k;
        if (!cat) continue;
        if (!first) ImGui::SameLine(0, c.ui.mm(2));
        first = false;
        const std::string chip_id = "search.category." + id;
        if (render::chip(c.ui, chip_id.c_str(), c.text(cat->name).c_str(), false)) c.emit(act::OpenCategory{id});
    }
}

void grid(Ctx& c, ListingKind kind, const Listing& l, const ImRect& r, render::GridState& st, std::uint64_t& seen) {
    if (seen != l.generation) {
        seen = l.generation;
        st.scroll.scroller.set_position(0);
    }
    ImGui::SetCursorScreenPos(r.Min);
    if (l.total == 0) {
        ImGui::SetCursorScreenPos(r.Min + ImVec2(c.ui.mm(6), c.ui.mm(6)));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(r.Max.x - c.ui.mm(6));
        heading(c, c.t("listing.empty"));
        ImGui::TextUnformatted(c.t("listing.empty_hint"));
        say(c, c.t("listing.empty_hint"));
        no_dead_end(c, l);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        return;
    }
    const std::int64_t count = l.total < 0 ? 0 : l.total + (l.more ? kPageSize : 0);
    render::GridLayout layout;
    layout.min_tile_mm = 46;
    const char* id = kind == ListingKind::Category ? "grid.category" : "grid.search";
    render::virtual_grid(c.ui, id, r.GetSize(), count, layout, st, [&](std::int64_t index, const ImRect& tr) {
        const int page = static_cast<int>(index / kPageSize);
        const Tile* tile = nullptr;
        auto it = l.pages.find(page);
        if (it != l.pages.end() && index % kPageSize < static_cast<std::int64_t>(it->second.size()))
            tile = &it->second[static_cast<std::size_t>(index % kPageSize)];
        else if (!l.requested.count(page))
            c.emit(act::NeedPage{kind, l.generation, page});
        const std::string item = "grid.item." + std::to_string(index);
        grid_tile(c, item.c_str(), tr, tile);
    });
}

}  // namespace

void draw_listing(Ctx& c, const ImRect& area, ListingKind kind) {
    const Listing& l = kind == ListingKind::Category ? c.state.category : c.state.search;
    const float pad = c.ui.mm(5);
    const float left = area.Min.x + pad, right = area.Max.x - pad;
    ImGui::SetCursorScreenPos(ImVec2(left, area.Min.y + pad * 0.6f));
    ImGui::BeginGroup();
    if (kind == ListingKind::Category) {
        const cc::Category* cat = nullptr;
        for (const cc::Category& x : c.state.categories)
            if (x.id == c.state.category_id) cat = &x;
        heading(c, cat ? c.text(cat->name) : std::string());
        ImGui::SameLine(0, c.ui.mm(4));
        if (l.total >= 0)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s",
                               c.f(l.more ? "listing.count_more" : "listing.count", {{"count", std::to_string(l.total)}}).c_str());
        // Sub-categories, and the way up.
        ChipRow chip{c, left, right};
        ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
        if (cat && !cat->parent_id.empty()) {
            const cc::Category* parent = nullptr;
            for (const cc::Category& x : c.state.categories)
                if (x.id == cat->parent_id) parent = &x;
            if (parent && chip("category.up", "\xE2\x86\x90 " + c.text(parent->name), false))
                c.emit(act::OpenCategory{parent->id});
        }
        for (const cc::Category& sub : c.state.categories)
            if (cat && sub.parent_id == cat->id && chip("category.sub." + sub.id, c.text(sub.name), false))
                c.emit(act::OpenCategory{sub.id});
        if (!chip.first) ImGui::Dummy(ImVec2(1, c.ui.mm(1)));
    } else {
        const float w = right - left;
        std::string shown = c.state.search_text;
        if (field(c, "search.field", shown, c.t("home.search_hint"), c.scratch.keyboard_open, w))
            c.scratch.keyboard_open = true;
        ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
        if (!c.state.search_text.empty() && l.total >= 0)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s",
                               c.f(l.more ? "listing.count_more" : "listing.count", {{"count", std::to_string(l.total)}}).c_str());
        else
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", c.t("search.hint"));
    }
    if (kind == ListingKind::Category || !c.state.search_text.empty()) filters(c, kind, l, left, right);
    ImGui::EndGroup();
    float top = ImGui::GetItemRectMax().y + pad * 0.6f;
    float bottom = area.Max.y;
    // The search keyboard sits at the bottom; the grid shows above it.
    if (kind == ListingKind::Search && c.scratch.keyboard_open) {
        const render::KeyboardLayout layout = c.state.language == "fr" ? render::KeyboardLayout::Azerty : render::KeyboardLayout::Qwerty;
        if (c.scratch.keyboard_for != "search") {
            c.scratch.keyboard = render::KeyboardState{};
            c.scratch.keyboard.layout = c.scratch.keyboard.letters = layout;
            c.scratch.keyboard_for = "search";
        }
        if (c.scratch.keyboard.layout != render::KeyboardLayout::Numeric && c.scratch.keyboard.letters != layout)
            c.scratch.keyboard.layout = c.scratch.keyboard.letters = layout;
        const float kh = render::keyboard_height(c.ui, c.scratch.keyboard.layout);
        const float kw = std::min(area.GetWidth() - 2 * pad, c.ui.mm(260));
        const ImVec2 kpos(area.GetCenter().x - kw / 2, area.Max.y - kh - pad * 0.5f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(area.Min.x, kpos.y - pad * 0.5f), area.Max, c.ui.theme.secondary);
        ImGui::SetCursorScreenPos(kpos);
        std::string text = c.state.search_text;
        const render::KeyboardResult k = render::on_screen_keyboard(c.ui, "osk", c.scratch.keyboard, text, kw);
        if (k.changed) c.emit(act::SetSearchText{text});
        if (k.enter) c.scratch.keyboard_open = false;
        // Hide the keyboard to see more results.
        const float hb = c.ui.min_tap();
        const float hw = text_width(c.ui.fonts.body_bold, c.t("search.hide_keyboard")) + c.ui.mm(10);
        ImGui::SetCursorScreenPos(ImVec2(area.Max.x - pad - hw, kpos.y - pad * 0.5f - hb - c.ui.mm(2)));
        render::ButtonOptions hide;
        hide.kind = render::ButtonKind::Secondary;
        hide.size = ImVec2(hw, hb);
        if (render::button(c.ui, "search.hide_keyboard", c.t("search.hide_keyboard"), hide)) c.scratch.keyboard_open = false;
        bottom = kpos.y - pad * 0.5f - hb - c.ui.mm(3);
    }
    if (bottom - top < c.ui.mm(40)) bottom = top + c.ui.mm(40);
    const ImRect gr(ImVec2(area.Min.x + pad, top), ImVec2(area.Max.x - pad, bottom));
    if (kind == ListingKind::Category)
        grid(c, kind, l, gr, c.scratch.category_grid, c.scratch.category_seen);
    else if (!c.state.search_text.empty())
        grid(c, kind, l, gr, c.scratch.search_grid, c.scratch.search_seen);
}

}  // namespace kiosk
