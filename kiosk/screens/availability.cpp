// Availability of the chosen variant: this store (and the aisle), online with delivery dates,
// and every other store sorted by distance with its stock band, today's hours and open-now.
#include <algorithm>

#include "kiosk/reducer.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

void draw_availability(Ctx& c, const ImRect& area) {
    const ProductView& v = c.state.product;
    const float pad = c.ui.mm(6);
    const cc::Variant* var = chosen_variant(v);
    if (!v.product || !var) {
        ImGui::SetCursorScreenPos(area.Min + ImVec2(pad, pad));
        heading(c, c.t("common.loading"));
        return;
    }
    auto it = c.state.stock.find(var->sku);
    const Stock* st = it == c.state.stock.end() ? nullptr : &it->second;
    const bool known = st && st->known;
    const cc::Store* here = find_store(c.state, c.state.store_id);

    ImGui::SetCursorScreenPos(area.Min);
    render::begin_scroll_area(c.ui, "availability", area.GetSize(), c.scratch.availability);
    const float w = area.GetWidth() - pad * 2;
    ImGui::SetCursorPos(ImVec2(pad, pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    heading(c, c.t("availability.title"));
    std::string variant_text = c.text(v.product->name);
    for (const auto& [opt, val] : var->options) variant_text += " \xC2\xB7 " + option_label(c, var, opt, val);
    ImGui::TextUnformatted(variant_text.c_str());
    if (!known)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s",
                           st && st->loading ? c.t("stock.checking") : c.t("stock.unknown_hint"));
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));

    // This store and online, side by side as two cards.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float card_w = (w - pad) / 2, card_h = c.ui.mm(30);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 2; ++i) {
        const ImRect r(ImVec2(o.x + i * (card_w + pad), o.y), ImVec2(o.x + i * (card_w + pad) + card_w, o.y + card_h));
        dl->AddRectFilled(r.Min, r.Max, c.ui.theme.surface, c.ui.mm(2));
        dl->AddRect(r.Min, r.Max, c.ui.theme.border, c.ui.mm(2));
        ImFont* f = c.ui.fonts.body_bold;
        const ImVec2 t(r.Min.x + c.ui.mm(4), r.Min.y + c.ui.mm(3));
        if (i == 0) {
            dl->AddText(f, f->FontSize, t, c.ui.theme.text,
                        here ? c.f("availability.this_store", {{"store", here->name}}).c_str() : c.t("product.here"));
            const std::int64_t q = known ? quantity_at(*st, c.state.store_id) : 0;
            ImGui::SetCursorScreenPos(ImVec2(t.x, t.y + f->FontSize * 1.5f));
            stock_label(c, ImGui::GetCursorScreenPos(), known && !var->online_only, q);
            if (known)
                for (const auto& l : st->data.locations)
                    if (l.location_id == c.state.store_id && !l.aisle.empty())
                        dl->AddText(c.ui.fonts.body, c.ui.fonts.body->FontSize, ImVec2(t.x, t.y + f->FontSize * 3.0f),
                                    c.ui.theme.text, c.f("product.aisle", {{"aisle", l.aisle}}).c_str());
        } else {
            dl->AddText(f, f->FontSize, t, c.ui.theme.text, c.t("product.online"));
            stock_label(c, ImVec2(t.x, t.y + f->FontSize * 1.5f), known, known ? st->data.online_quantity : 0);
            if (known && st->data.online_quantity > 0 && st->data.delivery_max_days > 0) {
                const std::string text =
                    c.f("product.delivery_between", {{"from", date_in_days(c, st->data.delivery_min_days)},
                                                     {"to", date_in_days(c, st->data.delivery_max_days)}});
                render::text_block(dl, c.ui.fonts.body, ImVec2(t.x, t.y + f->FontSize * 3.0f), card_w - c.ui.mm(8), 2,
                                   c.ui.theme.text, text);
            }
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + card_h + pad));

    // Every other store, nearest first. Sold out here: those that have it first, and the
    // nearest of them said in one line above the list.
    std::vector<std::pair<double, const cc::Store*>> stores;
    // Staff also see the warehouses.
    for (const cc::Store& s : c.state.stores)
        if ((s.kind == "store" || c.state.staff.unlocked) && s.id != c.state.store_id)
            stores.emplace_back(here ? distance_km(*here, s) : -1.0, &s);
    const bool sold_out_here = known && !var->online_only && quantity_at(*st, c.state.store_id) <= 0;
    auto has_it = [&](const cc::Store* s) { return sold_out_here && quantity_at(*st, s->id) > 0; };
    std::stable_sort(stores.begin(), stores.end(), [&](const auto& a, const auto& b) {
        if (has_it(a.second) != has_it(b.second)) return has_it(a.second);
        if ((a.first < 0) != (b.first < 0)) return b.first < 0;  // unknown distances last
        return a.first < b.first;
    });
    if (sold_out_here && !stores.empty() && has_it(stores.front().second)) {
        char km[32];
        std::snprintf(km, sizeof km, "%.0f", stores.front().first);
        const std::string nearest = stores.front().first < 0
                                        ? c.f("availability.elsewhere", {{"store", stores.front().second->name}})
                                        : c.f("availability.nearest", {{"km", km}, {"store", stores.front().second->name}});
        ImGui::PushFont(c.ui.fonts.body_bold);
        ImGui::PushStyleColor(ImGuiCol_Text, c.ui.theme.success);
        ImGui::TextUnformatted(nearest.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        c.ui.add_element("availability.nearest", nearest, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
        ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    }
    heading(c, c.t("availability.other_stores"));
    const float row_h = std::max(c.ui.min_tap(), c.ui.mm(17));
    for (const auto& [km, s] : stores) {
        const std::string id = "availability.store." + s->id;
        const bool open = c.state.selected_store == s->id;
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const ImRect r(min, ImVec2(min.x + w, min.y + row_h));
        const render::Pressable p = render::pressable(c.ui, id.c_str(), s->name.c_str(), r);
        dl->AddRectFilled(r.Min, r.Max, p.held ? c.ui.theme.secondary_pressed : c.ui.theme.surface, c.ui.mm(1.5f));
        ImFont* f = c.ui.fonts.body_bold;
        const float ty = r.Min.y + (row_h - f->FontSize * 2.2f) / 2;
        text_at(dl, f, ImVec2(r.Min.x + c.ui.mm(4), ty), c.ui.theme.text, s->name, w * 0.34f);
        char dist[32];
        std::snprintf(dist, sizeof dist, "%.0f km", km);
        text_at(dl, c.ui.fonts.small, ImVec2(r.Min.x + c.ui.mm(4), ty + f->FontSize * 1.2f), c.ui.theme.text_muted,
                km < 0 ? s->city : s->city + " \xC2\xB7 " + dist, w * 0.34f);
        const std::int64_t q = known ? quantity_at(*st, s->id) : 0;
        stock_label(c, ImVec2(r.Min.x + w * 0.38f, ty + f->FontSize * 0.5f), known, q);
        const bool is_open = store_open_now(*s, c.wall_now);
        const bool closed = closed_today(*s, c.wall_now);
        const std::string hours = hours_today(*s, c.wall_now);
        // No opening hours from the backend (Medusa): nothing said rather than "closed".
        const std::string status = s->opening_hours.empty() ? std::string()
                                   : closed ? c.t("store.closed_today")
                                   : is_open ? c.f("store.open_now", {{"hours", hours}})
                                   : hours.empty() ? c.t("store.closed_today")
                                                   : c.f("store.closed_now", {{"hours", hours}});
        text_at(dl, c.ui.fonts.body, ImVec2(r.Min.x + w * 0.62f, ty + f->FontSize * 0.5f),
                is_open ? c.ui.theme.success : c.ui.theme.text_muted, status, w * 0.37f);
        ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + row_h + c.ui.mm(1.5f)));
        if (p.clicked) c.emit(act::SelectStore{s->id});
        if (open) {
            // Address, phone and the week's hours.
            ImGui::Indent(c.ui.mm(4));
            ImGui::TextUnformatted((s->line1 + ", " + s->postcode + " " + s->city + " \xC2\xB7 " + s->phone).c_str());
            for (int d = 1; d <= 7 && !s->opening_hours.empty(); ++d) {
                const std::string h = day_hours(*s, d);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s",
                                   c.t("date.weekday." + std::to_string(d)));
                ImGui::SameLine(c.ui.mm(40));
                ImGui::TextUnformatted(h.empty() ? c.t("store.closed") : h.c_str());
            }
            if (known)
                for (const auto& in : st->data.incoming)
                    if (in.location_id == s->id)
                        if (auto d = parse_date(in.eta))
                            ImGui::TextUnformatted(c.f("availability.incoming", {{"quantity", std::to_string(in.quantity)},
                                                                                 {"date", format_date(c.i18n, c.state.language, *d)}})
                                                       .c_str());
            ImGui::Unindent(c.ui.mm(4));
            ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, pad));
    render::end_scroll_area(c.ui, c.scratch.availability);
}

}  // namespace kiosk
