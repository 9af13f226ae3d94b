// The product sheet: gallery, name, brand, channel prices, variant pickers that show which
// combinations exist and which are out of stock, stock here and online, description and specs.
#include <algorithm>

#include "kiosk/reducer.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

namespace {

const Stock* stock_for(const AppState& s, const std::string& sku) {
    auto it = s.stock.find(sku);
    return it == s.stock.end() ? nullptr : &it->second;
}

// Whether a variant is known to be out of stock everywhere (here, other stores and online).
bool sold_out(const AppState& s, const cc::Variant& v) {
    const Stock* st = stock_for(s, v.sku);
    if (!st || !st->known) return false;
    if (st->data.online_quantity > 0) return false;
    for (const auto& l : st->data.locations)
        if (l.quantity > 0) return false;
    return true;
}

void pickers(Ctx& c, const cc::Product& p, float width) {
    // Every option the variants have, colour first, then size, then the rest (capacity...).
    std::vector<std::string> options = {"color", "size"};
    for (const cc::Variant& var : p.variants)
        for (const auto& kv : var.options)
            if (std::find(options.begin(), options.end(), kv.first) == options.end()) options.push_back(kv.first);
    for (const std::string& option : options) {
        const std::vector<std::string> values = option_values(p, option);
        if (values.empty()) continue;
        const std::string key = "product.option." + option;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s",
                           c.i18n.has(c.state.language, key) ? c.t(key) : option.c_str());
        const float left = ImGui::GetCursorScreenPos().x;
        bool first = true;
        for (const std::string& v : values) {
            const bool exists = combination_exists(c.state.product, option, v);
            // The variant this chip would select, to know whether it is sold out.
            const cc::Variant* target = nullptr;
            for (const cc::Variant& var : p.variants) {
                auto o = var.options.find(option);
                if (o == var.options.end() || o->second != v) continue;
                bool match = true;
                for (const auto& [k, val] : c.state.product.chosen)
                    if (k != option && var.options.count(k) && var.options.at(k) != val) match = false;
                if (match) target = &var;
            }
            std::string label = option_label(c, target, option, v);
            if (target && sold_out(c.state, *target)) label += " \xE2\x80\x94 " + std::string(c.t("product.sold_out"));
            const float w = text_width(c.ui.fonts.body_bold, label) + c.ui.mm(10);
            if (!first) {
                ImGui::SameLine(0, c.ui.mm(2));
                if (ImGui::GetCursorScreenPos().x + w > left + width) ImGui::NewLine();
            }
            first = false;
            const bool selected = c.state.product.chosen.count(option) && c.state.product.chosen.at(option) == v;
            const std::string id = "product.variant." + option + "." + v;
            // A combination that does not exist is still tappable: it switches to the closest
            // variant that has this value (the other options follow).
            if (render::chip(c.ui, id.c_str(), label.c_str(), selected, true)) c.emit(act::ChooseOption{option, v});
            if (!exists && !selected) {
                const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
                ImGui::GetWindowDrawList()->AddLine(ImVec2(r.Min.x + c.ui.mm(3), r.GetCenter().y),
                                                    ImVec2(r.Max.x - c.ui.mm(3), r.GetCenter().y), c.ui.theme.text_muted, 2.0f);
            }
        }
        ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    }
}

void stock_summary(Ctx& c, const cc::Variant& v) {
    const Stock* st = stock_for(c.state, v.sku);
    const bool known = st && st->known;
    // Here.
    const std::int64_t here = known ? quantity_at(*st, c.state.store_id) : 0;
    ImGui::TextUnformatted(c.t("product.here"));
    ImGui::SameLine(0, c.ui.mm(3));
    stock_label(c, ImGui::GetCursorScreenPos(), known && !v.online_only, v.online_only ? 0 : here);
    ImGui::NewLine();
    if (v.online_only) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", c.t("product.online_only"));
    } else if (known && here > 0) {
        for (const auto& l : st->data.locations)
            if (l.location_id == c.state.store_id && !l.aisle.empty())
                ImGui::TextUnformatted(c.f("product.aisle", {{"aisle", l.aisle}}).c_str());
    }
    // Online.
    ImGui::TextUnformatted(c.t("product.online"));
    ImGui::SameLine(0, c.ui.mm(3));
    stock_label(c, ImGui::GetCursorScreenPos(), known, known ? st->data.online_quantity : 0);
    ImGui::NewLine();
    if (known && st->data.online_quantity > 0 && st->data.delivery_max_days > 0)
        ImGui::TextUnformatted(c.f("product.delivery_between", {{"from", date_in_days(c, st->data.delivery_min_days)},
                                                                {"to", date_in_days(c, st->data.delivery_max_days)}})
                                   .c_str());
    if (!known)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s",
                           st && st->loading ? c.t("stock.checking") : c.t("stock.unknown_hint"));
}

// The nearest other store holding `st`'s SKU (nullptr: none known).
const cc::StockAt* nearest_elsewhere(const AppState& s, const Stock& st) {
    const cc::StockAt* best = nullptr;
    for (const cc::StockAt& l : st.data.locations)
        if (l.kind == "store" && l.location_id != s.store_id && l.quantity > 0 && (!best || l.distance_km < best->distance_km))
            best = &l;
    return best;
}

std::string store_name(const Ctx& c, const std::string& id) {
    const cc::Store* st = find_store(c.state, id);
    return st ? st->name : id;
}

// One cell of the staff matrix: the quantity here in its band's colour, and when it is 0 the
// nearest store that has some. Tapping it chooses that variant.
void matrix_cell(Ctx& c, const cc::Variant& var, const std::string& id, const ImRect& r, bool chosen) {
    const Stock* st = stock_for(c.state, var.sku);
    const bool known = st && st->known;
    const std::int64_t here = known ? quantity_at(*st, c.state.store_id) : 0;
    const cc::StockAt* near = known && here == 0 ? nearest_elsewhere(c.state, *st) : nullptr;
    std::string top = known ? std::to_string(here) : "?";
    std::string below = near ? c.f("staff.matrix.nearest", {{"store", store_name(c, near->location_id)},
                                                             {"quantity", std::to_string(near->quantity)}})
                             : "";
    const std::string label = below.empty() ? top : top + " \xC2\xB7 " + below;
    const render::Pressable p = render::pressable(c.ui, id.c_str(), label.c_str(), r);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const render::Theme& th = c.ui.theme;
    dl->AddRectFilled(r.Min, r.Max, p.held ? th.secondary_pressed : th.surface, c.ui.mm(1));
    dl->AddRect(r.Min, r.Max, chosen ? th.primary : th.border, c.ui.mm(1), 0, chosen ? 3.0f : 1.0f);
    ImFont* big = c.ui.fonts.body_bold;
    const ImU32 col = band_colour(th, known, here);
    const float tw = text_width(big, top);
    const float top_y = below.empty() ? r.GetCenter().y - big->FontSize * 0.55f : r.Min.y + c.ui.mm(1.2f);
    dl->AddText(big, big->FontSize, ImVec2(r.GetCenter().x - tw / 2, top_y), col, top.c_str());
    if (!below.empty())
        text_at(dl, c.ui.fonts.small, ImVec2(r.Min.x + c.ui.mm(1), r.Max.y - c.ui.fonts.small->FontSize - c.ui.mm(1)),
                th.text_muted, below, r.GetWidth() - c.ui.mm(2));
    if (p.clicked)
        for (const auto& [opt, val] : var.options)
            if (opt == "size" || opt == "color") c.emit(act::ChooseOption{opt, val});
}

// Staff: the size × colour matrix for this store, near the top of the sheet. Rows are colours,
// columns sizes; a missing dimension is one row or column named "-" in the ids.
void stock_matrix(Ctx& c, const cc::Product& p, const cc::Variant* chosen, float width) {
    std::vector<std::string> sizes = option_values(p, "size"), colors = option_values(p, "color");
    if (sizes.empty() && colors.empty()) return;
    const bool no_size = sizes.empty(), no_color = colors.empty();
    if (no_size) sizes.push_back("");
    if (no_color) colors.push_back("");
    ImGui::PushFont(c.ui.fonts.body_bold);
    ImGui::TextUnformatted(c.t("staff.matrix.title"));
    ImGui::PopFont();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImFont* f = c.ui.fonts.body;
    float label_w = 0;
    for (const std::string& col : colors) {
        const cc::Variant* any = nullptr;
        for (const cc::Variant& v : p.variants)
            if (v.options.count("color") && v.options.at("color") == col) any = &v;
        label_w = std::max(label_w, text_width(f, col.empty() ? "" : option_label(c, any, "color", col)));
    }
    label_w = std::min(label_w + c.ui.mm(3), width * 0.3f);
    const float cell_h = std::max(c.ui.min_tap(), c.ui.mm(13));
    const float cell_w = std::max(c.ui.min_tap(), std::min(c.ui.mm(46), (width - label_w) / static_cast<float>(sizes.size())));
    const std::size_t per_row = std::max<std::size_t>(1, static_cast<std::size_t>((width - label_w) / cell_w));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = origin.y;
    // Sizes that do not fit one row go on as another block below.
    for (std::size_t first = 0; first < sizes.size(); first += per_row) {
        const std::size_t last = std::min(sizes.size(), first + per_row);
        if (!no_size)
            for (std::size_t i = first; i < last; ++i) {
                const float x = origin.x + label_w + cell_w * static_cast<float>(i - first);
                const float tw = text_width(c.ui.fonts.body_bold, sizes[i]);
                dl->AddText(c.ui.fonts.body_bold, c.ui.fonts.body_bold->FontSize, ImVec2(x + (cell_w - tw) / 2, y), c.ui.theme.text_muted,
                            sizes[i].c_str());
            }
        if (!no_size) y += c.ui.fonts.body_bold->FontSize * 1.3f;
        for (const std::string& col : colors) {
            const cc::Variant* row_any = nullptr;
            for (std::size_t i = first; i < last; ++i) {
                const float x = origin.x + label_w + cell_w * static_cast<float>(i - first);
                const ImRect cell(ImVec2(x + 1, y + 1), ImVec2(x + cell_w - 2, y + cell_h - 2));
                const cc::Variant* var = nullptr;
                for (const cc::Variant& v : p.variants) {
                    auto s = v.options.find("size");
                    auto k = v.options.find("color");
                    if ((no_size || (s != v.options.end() && s->second == sizes[i])) &&
                        (no_color || (k != v.options.end() && k->second == col)))
                        var = &v;
                }
                if (!var) {  // this size does not come in this colour
                    dl->AddText(f, f->FontSize, ImVec2(cell.GetCenter().x - text_width(f, "\xE2\x80\x94") / 2, cell.GetCenter().y - f->FontSize / 2),
                                c.ui.theme.border, "\xE2\x80\x94");
                    continue;
                }
                row_any = var;
                const std::string id = "product.stock_matrix." + (no_size ? std::string("-") : sizes[i]) + "." +
                                       (no_color ? std::string("-") : col);
                matrix_cell(c, *var, id, cell, var == chosen);
            }
            if (!no_color)
                text_at(dl, f, ImVec2(origin.x, y + (cell_h - f->FontSize) / 2), c.ui.theme.text,
                        option_label(c, row_any, "color", col), label_w - c.ui.mm(2));
            y += cell_h;
        }
        y += c.ui.mm(2);
    }
    c.ui.add_element("product.stock_matrix", c.t("staff.matrix.title"), ImRect(origin, ImVec2(origin.x + width, y)), false);
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, y - origin.y));
}

// Staff: exact stock of the chosen variant here, online and wherever else it is (nearest first),
// and the replenishments on their way with their dates.
void staff_stock(Ctx& c, const cc::Variant& v) {
    const Stock* st = stock_for(c.state, v.sku);
    const bool known = st && st->known;
    if (!known) {
        stock_summary(c, v);
        return;
    }
    const ImVec4 muted = ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted);
    const std::int64_t here = quantity_at(*st, c.state.store_id);
    ImGui::TextUnformatted(c.t("product.here"));
    ImGui::SameLine(0, c.ui.mm(3));
    stock_label(c, ImGui::GetCursorScreenPos(), true, here);
    ImGui::NewLine();
    for (const auto& l : st->data.locations)
        if (l.location_id == c.state.store_id && !l.aisle.empty()) {
            ImGui::TextUnformatted(c.f("product.aisle", {{"aisle", l.aisle}}).c_str());
            say(c, c.f("product.aisle", {{"aisle", l.aisle}}));
        }
    ImGui::TextUnformatted(c.t("product.online"));
    ImGui::SameLine(0, c.ui.mm(3));
    stock_label(c, ImGui::GetCursorScreenPos(), true, st->data.online_quantity);
    ImGui::NewLine();
    std::vector<const cc::StockAt*> elsewhere;
    for (const auto& l : st->data.locations)
        if (l.location_id != c.state.store_id && l.quantity > 0) elsewhere.push_back(&l);
    std::sort(elsewhere.begin(), elsewhere.end(), [](auto* a, auto* b) { return a->distance_km < b->distance_km; });
    ImGui::TextColored(muted, "%s", c.t("staff.stock.elsewhere"));
    if (elsewhere.empty()) ImGui::TextUnformatted(c.t("staff.stock.nowhere"));
    for (std::size_t i = 0; i < elsewhere.size() && i < 8; ++i) {
        const cc::StockAt& l = *elsewhere[i];
        // A warehouse is said to be one, unless its name already says so ("Entrepôt de …").
        const std::string name = store_name(c, l.location_id);
        const bool says_it = name.find(c.t("staff.stock.warehouse_word")) != std::string::npos;
        const std::string line = c.f(l.kind == "warehouse" && !says_it ? "staff.stock.warehouse_line" : "staff.stock.store_line",
                                     {{"store", name}, {"quantity", std::to_string(l.quantity)}});
        ImGui::BulletText("%s", line.c_str());
        say(c, line);
    }
    if (elsewhere.size() > 8)
        ImGui::TextColored(muted, "%s", c.f("staff.stock.more", {{"count", std::to_string(elsewhere.size() - 8)}}).c_str());
    if (!st->data.incoming.empty()) {
        ImGui::TextColored(muted, "%s", c.t("staff.stock.incoming"));
        for (const cc::Incoming& in : st->data.incoming) {
            const auto d = parse_date(in.eta);
            const std::string line = c.f("staff.stock.incoming_line",
                                         {{"quantity", std::to_string(in.quantity)}, {"store", store_name(c, in.location_id)},
                                          {"date", d ? format_date(c.i18n, c.state.language, *d) : in.eta}});
            ImGui::BulletText("%s", line.c_str());
            say(c, line);
        }
    }
}

}  // namespace

void draw_product(Ctx& c, const ImRect& area) {
    const ProductView& v = c.state.product;
    const float pad = c.ui.mm(6);
    if (!v.product) {
        ImGui::SetCursorScreenPos(area.Min + ImVec2(pad, pad));
        heading(c, v.missing ? c.t("product.missing") : c.t("common.loading"));
        return;
    }
    const cc::Product& p = *v.product;
    const cc::Variant* var = chosen_variant(v);
    const bool portrait = area.GetHeight() > area.GetWidth() * 1.1f;
    ImRect img_r = portrait ? ImRect(area.Min + ImVec2(pad, pad), ImVec2(area.Max.x - pad, area.Min.y + area.GetHeight() * 0.42f))
                            : ImRect(area.Min + ImVec2(pad, pad), ImVec2(area.Min.x + area.GetWidth() * 0.5f, area.Max.y - pad));
    ImRect info_r = portrait ? ImRect(ImVec2(area.Min.x, img_r.Max.y + pad * 0.5f), area.Max)
                             : ImRect(ImVec2(img_r.Max.x + pad * 0.5f, area.Min.y), area.Max);
    // Gallery: the chosen colour's pictures (all of them when none matches).
    std::vector<std::string> sources;
    const std::string color = var && var->options.count("color") ? var->options.at("color") : "";
    for (const cc::Image& img : p.images)
        if (img.color.empty() || img.color == color) sources.push_back(img.url);
    if (sources.empty())
        for (const cc::Image& img : p.images) sources.push_back(img.url);
    if (c.scratch.viewer_product != p.id || c.scratch.viewer_color != color) {
        c.scratch.viewer = render::ImageViewerState{};
        c.scratch.viewer_product = p.id;
        c.scratch.viewer_color = color;
    }
    ImGui::SetCursorScreenPos(img_r.Min);
    render::image_viewer(c.ui, "product.gallery", img_r.GetSize(), sources, c.scratch.viewer, c.t("product.photos"));

    // Details, scrolling; the two actions stay at the bottom.
    const float actions_h = c.ui.min_tap() + c.ui.mm(10);
    ImGui::SetCursorScreenPos(info_r.Min);
    render::begin_scroll_area(c.ui, "product.details", ImVec2(info_r.GetWidth(), info_r.GetHeight() - actions_h), c.scratch.product);
    const float w = info_r.GetWidth() - pad * 2;
    ImGui::SetCursorPos(ImVec2(pad, pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", p.brand.c_str());
    heading(c, c.text(p.name));
    for (const std::string& b : p.badges) {
        if (b != "web_exclusive" && b != "new" && b != "promo") continue;
        const std::string text = c.t("badge." + b);
        render::badge(c.ui, text.c_str(), b == "promo" ? c.ui.theme.price_sale : c.ui.theme.primary, c.ui.theme.on_primary);
        ImGui::SameLine(0, c.ui.mm(2));
    }
    ImGui::NewLine();
    if (var) {
        render::PriceOptions po;
        po.style = c.price_style();
        po.old_cents = var->compare_at ? var->compare_at->amount : 0;
        render::price_text(c.ui, var->online_price.amount, po);
        if (var->store_price.amount != var->online_price.amount && !var->online_only)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s",
                               c.f("product.store_price", {{"price", c.money(var->store_price.amount)}}).c_str());
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", c.t("product.price_note"));
        ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
        const bool staff = c.state.staff.unlocked;
        if (staff) stock_matrix(c, p, var, w);
        pickers(c, p, w);
        if (staff) staff_stock(c, *var);
        else stock_summary(c, *var);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s",
                           c.f("product.reference", {{"ref", p.ref}, {"ean", var->ean}}).c_str());
        if (!c.handoff_product_url.empty()) {  // its web page on the shopper's phone
            ImGui::Dummy(ImVec2(1, c.ui.mm(1)));
            render::ButtonOptions phone;
            phone.kind = render::ButtonKind::Secondary;
            phone.icon = render::Icon::ChevronRight;
            if (render::button(c.ui, "product.handoff", c.t("handoff.button"), phone))
                c.emit(act::OpenHandoff{AppState::Handoff::What::Product});
        }
    }
    ImGui::Dummy(ImVec2(1, c.ui.mm(3)));
    ImGui::PushFont(c.ui.fonts.body_bold);
    ImGui::TextUnformatted(c.t("product.description"));
    ImGui::PopFont();
    ImGui::TextUnformatted(c.text(p.description).c_str());
    auto sp = p.selling_points.find(c.state.language);
    if (sp == p.selling_points.end()) sp = p.selling_points.find(c.state.settings.default_language);
    if (sp != p.selling_points.end())
        for (const std::string& point : sp->second) ImGui::BulletText("%s", point.c_str());
    auto attrs = p.attributes.find(c.state.language);
    if (attrs == p.attributes.end()) attrs = p.attributes.find(c.state.settings.default_language);
    if (attrs != p.attributes.end() && !attrs->second.empty()) {
        ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
        ImGui::PushFont(c.ui.fonts.body_bold);
        ImGui::TextUnformatted(c.t("product.specifications"));
        ImGui::PopFont();
        for (const auto& [k, val] : attrs->second) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", k.c_str());
            ImGui::SameLine(w * 0.4f);
            ImGui::TextUnformatted(val.c_str());
        }
    }
    if (!p.care.empty()) {
        ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
        ImGui::PushFont(c.ui.fonts.body_bold);
        ImGui::TextUnformatted(c.t("product.care"));
        ImGui::PopFont();
        ImGui::TextUnformatted(c.text(p.care).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, pad));
    render::end_scroll_area(c.ui, c.scratch.product);

    const float bw = (info_r.GetWidth() - pad * 3) / 2;
    ImGui::SetCursorScreenPos(ImVec2(info_r.Min.x + pad, info_r.Max.y - actions_h + c.ui.mm(3)));
    render::ButtonOptions avail;
    avail.kind = render::ButtonKind::Secondary;
    avail.icon = render::Icon::Store;
    avail.size = ImVec2(bw, c.ui.min_tap() + c.ui.mm(3));
    if (render::button(c.ui, "product.availability", c.t("product.availability"), avail))
        c.emit(act::Show{Screen::Availability});
    ImGui::SameLine(0, pad);
    render::ButtonOptions add;
    add.icon = render::Icon::Cart;
    add.size = avail.size;
    add.enabled = var != nullptr;
    if (render::button(c.ui, "product.add_to_cart", c.t("product.add_to_cart"), add)) c.emit(act::AddToCart{});
}

}  // namespace kiosk
