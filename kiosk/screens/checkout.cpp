// Checkout: prices re-checked (changes shown, never applied silently), home delivery with an
// address form or pickup in a store that can fulfil it (ready-by dates from the quote), contact
// and loyalty card, payment at the till or on the phone, and placing the order exactly once.
#include <algorithm>

#include "kiosk/reducer.hpp"
#include "render/icons.hpp"
#include "render/text_field.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

namespace {

bool numeric_field(const std::string& name) { return name == "postcode" || name == "phone" || name == "loyalty_card"; }

const char* const kDeliveryFields[] = {"name", "line1", "line2", "postcode", "city"};
const char* const kContactFields[] = {"email", "phone", "loyalty_card"};

std::string value_of(const Checkout& ck, const std::string& name) {
    auto it = ck.form.fields.find(name);
    return it == ck.form.fields.end() ? std::string() : it->second;
}

std::string error_of(const Checkout& ck, const std::string& name) {
    auto it = ck.form.errors.find(name);
    return it == ck.form.errors.end() ? std::string() : it->second;
}

std::string ready_text(Ctx& c, const std::string& ready_by) {
    auto d = parse_date(ready_by);
    if (!d) return ready_by;
    return c.f("checkout.ready_by", {{"date", format_date(c.i18n, c.state.language, *d)}, {"time", time_of(ready_by)}});
}

void form_field(Ctx& c, const std::string& name, float width) {
    const Checkout& ck = c.state.checkout;
    const std::string id = "checkout.field." + name;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", c.t("field." + name));
    if (field(c, id.c_str(), value_of(ck, name), c.t("field." + name + ".hint"), ck.form.focused == name, width,
              error_of(ck, name), c.t("field." + name)))
        c.emit(act::FocusField{name});
}

void toggle(Ctx& c, const char* id, const char* label, bool on, render::Icon icon, float w, const Action& a) {
    render::ButtonOptions o;
    o.kind = on ? render::ButtonKind::Primary : render::ButtonKind::Secondary;
    o.icon = on ? render::Icon::Check : icon;
    o.size = ImVec2(w, c.ui.min_tap() + c.ui.mm(4));
    o.toggle = true;
    o.selected = on;
    if (render::button(c.ui, id, label, o)) c.emit(a);
}

void status_panel(Ctx& c, float w) {
    const Checkout& ck = c.state.checkout;
    auto note = [&](ImU32 colour, const std::string& text) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ImGui::TextUnformatted(text.c_str());
        say(c, text);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    };
    if (ck.phase == OrderPhase::Quoting) note(c.ui.theme.text_muted, c.t("checkout.quoting"));
    if (!ck.price_changes.empty()) {
        note(c.ui.theme.danger, c.t("checkout.price_changed"));
        for (const PriceChange& pc : ck.price_changes)
            note(c.ui.theme.text, c.f("checkout.price_change_line", {{"name", c.text(pc.name)},
                                                                      {"before", c.money(pc.before)},
                                                                      {"after", c.money(pc.after)}}));
        render::ButtonOptions o;
        o.size = ImVec2(w, 0);
        if (render::button(c.ui, "checkout.accept_changes", c.t("checkout.accept_changes"), o))
            c.emit(act::AcceptPriceChanges{});
        render::ButtonOptions back;
        back.kind = render::ButtonKind::Secondary;
        back.size = ImVec2(w, 0);
        if (render::button(c.ui, "checkout.edit_cart", c.t("checkout.edit_cart"), back)) c.emit(act::Show{Screen::Cart});
    }
    if (ck.phase == OrderPhase::Unavailable) {
        note(c.ui.theme.danger, c.t(ck.quote_error.empty() ? "checkout.unavailable" : ck.quote_error));
        note(c.ui.theme.text_muted, c.t("checkout.unavailable_hint"));
        render::ButtonOptions o;
        o.kind = render::ButtonKind::Secondary;
        o.size = ImVec2(w, 0);
        if (render::button(c.ui, "checkout.retry", c.t("checkout.retry"), o)) c.emit(act::ChangeFulfilmentAfterRejection{});
    }
    if (ck.phase == OrderPhase::Rejected) {
        const cc::OrderRejection none;
        const cc::OrderRejection& why = ck.rejection ? *ck.rejection : none;
        if (why.reason == cc::RejectReason::OutOfStock) {
            std::string name = why.sku;
            for (const CartLine& l : c.state.cart)
                if (l.sku == why.sku) name = c.text(l.name);
            note(c.ui.theme.danger, c.f("checkout.out_of_stock", {{"name", name}, {"available", std::to_string(why.available)}}));
            note(c.ui.theme.text_muted, c.t("checkout.out_of_stock_hint"));
            render::ButtonOptions o;
            o.size = ImVec2(w, 0);
            if (render::button(c.ui, "checkout.other_store", c.t("checkout.other_store"), o))
                c.emit(act::ChangeFulfilmentAfterRejection{});
            o.kind = render::ButtonKind::Secondary;
            if (ck.fulfilment != Fulfilment::Delivery &&
                render::button(c.ui, "checkout.switch_delivery", c.t("checkout.switch_delivery"), o))
                c.emit(act::SetFulfilment{Fulfilment::Delivery});
            if (render::button(c.ui, "checkout.edit_cart", c.t("checkout.edit_cart"), o)) c.emit(act::Show{Screen::Cart});
        } else if (why.reason != cc::RejectReason::PriceChanged) {
            note(c.ui.theme.danger, c.t("checkout.rejected"));
            render::ButtonOptions o;
            o.kind = render::ButtonKind::Secondary;
            o.size = ImVec2(w, 0);
            if (render::button(c.ui, "checkout.retry", c.t("checkout.retry"), o)) c.emit(act::ChangeFulfilmentAfterRejection{});
        }
    }
}

void keyboard(Ctx& c, const ImRect& area, float& bottom) {
    const Checkout& ck = c.state.checkout;
    if (ck.form.focused.empty()) return;
    const std::string& name = ck.form.focused;
    const std::string owner = "checkout." + name;
    const render::KeyboardLayout letters = c.state.language == "fr" ? render::KeyboardLayout::Azerty : render::KeyboardLayout::Qwerty;
    if (c.scratch.keyboard_for != owner) {
        c.scratch.keyboard = render::KeyboardState{};
        c.scratch.keyboard.letters = letters;
        c.scratch.keyboard.layout = numeric_field(name) ? render::KeyboardLayout::Numeric : letters;
        c.scratch.keyboard.shift = name == "name" || name == "city";
        c.scratch.keyboard.max_length = 120;
        c.scratch.keyboard_for = owner;
    }
    const float pad = c.ui.mm(4);
    const float kh = render::keyboard_height(c.ui, c.scratch.keyboard.layout);
    const float kw = std::min(area.GetWidth() - 2 * pad, c.scratch.keyboard.layout == render::KeyboardLayout::Numeric ? c.ui.mm(120) : c.ui.mm(260));
    const ImVec2 pos(area.GetCenter().x - kw / 2, area.Max.y - kh - pad);
    // The field being typed, shown just above the keyboard so it is never hidden.
    const float strip = c.ui.min_tap() + c.ui.mm(6);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(area.Min.x, pos.y - pad - strip), area.Max, c.ui.theme.secondary);
    ImGui::SetCursorScreenPos(ImVec2(area.Min.x + pad, pos.y - strip - pad * 0.5f + c.ui.mm(1)));
    ImGui::TextUnformatted(c.t("field." + name));
    ImGui::SameLine(0, c.ui.mm(3));
    const float done_w = c.ui.mm(36);
    render::text_field(c.ui, "checkout.typing", value_of(ck, name), c.t("field." + name + ".hint"),
                       render::TextFieldOptions{true, false, area.GetWidth() - done_w - ImGui::GetCursorScreenPos().x - pad * 2});
    if (render::Element* e = c.ui.registry.last()) e->label = c.t("field." + name);  // speech: the field's name
    ImGui::SameLine(0, pad);
    render::ButtonOptions done;
    done.size = ImVec2(done_w, 0);
    if (render::button(c.ui, "checkout.keyboard_done", c.t("common.done"), done)) c.emit(act::FocusField{""});
    ImGui::SetCursorScreenPos(pos);
    std::string text = value_of(ck, name);
    const render::KeyboardResult k = render::on_screen_keyboard(c.ui, "osk", c.scratch.keyboard, text, kw);
    if (k.changed) c.emit(act::SetField{name, text});
    if (k.enter) {
        // Enter moves to the next field of the section, or closes the keyboard.
        std::vector<std::string> order;
        if (ck.fulfilment == Fulfilment::Delivery)
            for (const char* f : kDeliveryFields) order.push_back(f);
        for (const char* f : kContactFields) order.push_back(f);
        auto it = std::find(order.begin(), order.end(), name);
        c.emit(act::FocusField{it == order.end() || it + 1 == order.end() ? std::string() : *(it + 1)});
    }
    bottom = pos.y - pad - strip;
}

}  // namespace

void draw_checkout(Ctx& c, const ImRect& area) {
    const Checkout& ck = c.state.checkout;
    const float pad = c.ui.mm(6);
    const bool portrait = area.GetHeight() > area.GetWidth();
    float bottom = area.Max.y;
    keyboard(c, area, bottom);
    const bool typing = !ck.form.focused.empty();
    // In portrait the summary (total and the order button) stays under the form, also while the
    // keyboard is open, as long as the form keeps room to show the field being filled.
    const float summary_full = c.ui.mm(85);
    const float summary_h = portrait && (!typing || bottom - area.Min.y - summary_full >= c.ui.mm(60)) ? summary_full : 0;
    const ImRect main_r = portrait ? ImRect(area.Min, ImVec2(area.Max.x, bottom - summary_h))
                                   : ImRect(area.Min, ImVec2(area.Min.x + area.GetWidth() * 0.6f, bottom));
    ImGui::SetCursorScreenPos(main_r.Min);
    render::begin_scroll_area(c.ui, "checkout.form", main_r.GetSize(), c.scratch.checkout);
    const float w = main_r.GetWidth() - pad * 2;
    ImGui::SetCursorPos(ImVec2(pad, pad * 0.6f));
    ImGui::BeginGroup();
    heading(c, c.t("checkout.title"));
    status_panel(c, w);
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));

    // How the shopper gets the order.
    ImGui::PushFont(c.ui.fonts.body_bold);
    ImGui::TextUnformatted(c.t("checkout.how"));
    ImGui::PopFont();
    const float half = (w - c.ui.mm(3)) / 2;
    toggle(c, "checkout.delivery", c.t("checkout.delivery"), ck.fulfilment == Fulfilment::Delivery, render::Icon::Delivery, half,
           act::SetFulfilment{Fulfilment::Delivery});
    ImGui::SameLine(0, c.ui.mm(3));
    toggle(c, "checkout.pickup", c.t("checkout.pickup"), ck.fulfilment == Fulfilment::Pickup, render::Icon::Store, half,
           act::SetFulfilment{Fulfilment::Pickup});
    if (auto e = error_of(ck, "fulfilment"); !e.empty()) alert(c, c.t(e));

    if (ck.fulfilment == Fulfilment::Delivery) {
        if (ck.quote)
            for (const cc::FulfilmentOption& o : ck.quote->options)
                if (o.type == "delivery") {
                    auto from = parse_date(o.eta_min), to = parse_date(o.eta_max);
                    if (from && to)
                        ImGui::TextUnformatted(c.f("checkout.delivery_eta", {{"from", format_date(c.i18n, c.state.language, *from)},
                                                                             {"to", format_date(c.i18n, c.state.language, *to)},
                                                                             {"price", o.price.amount == 0 ? c.t("checkout.free") : c.money(o.price.amount)}})
                                                   .c_str());
                }
        for (const char* f : kDeliveryFields) form_field(c, f, w);
    } else if (ck.fulfilment == Fulfilment::Pickup) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", c.t("checkout.pickup_hint"));
        if (auto e = error_of(ck, "pickup_store"); !e.empty())
            alert(c, c.t(e));
        std::vector<const cc::FulfilmentOption*> options;
        if (ck.quote)
            for (const cc::FulfilmentOption& o : ck.quote->options)
                if (o.type == "pickup") options.push_back(&o);
        std::stable_sort(options.begin(), options.end(), [](auto* a, auto* b) { return a->distance_km < b->distance_km; });
        if (options.empty() && ck.quote) ImGui::TextUnformatted(c.t("checkout.no_pickup"));
        // The nearest few first; the rest on request (the chosen one always stays listed).
        const std::size_t shown = c.scratch.all_pickup_stores ? options.size() : std::min<std::size_t>(options.size(), 6);
        if (shown < options.size()) {
            for (std::size_t i = shown; i < options.size(); ++i)
                if (options[i]->store_id == ck.pickup_store) std::swap(options[i], options[shown - 1]);
        }
        const std::size_t hidden = options.size() - shown;
        options.resize(shown);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float row_h = std::max(c.ui.min_tap(), c.ui.mm(16));
        for (const cc::FulfilmentOption* o : options) {
            const cc::Store* st = find_store(c.state, o->store_id);
            const std::string id = "checkout.pickup.store." + o->store_id;
            const bool chosen = ck.pickup_store == o->store_id;
            const ImVec2 min = ImGui::GetCursorScreenPos();
            const ImRect r(min, ImVec2(min.x + w, min.y + row_h));
            const std::string name = st ? st->name : o->store_id;
            const render::Pressable p = render::pressable(c.ui, id.c_str(), name.c_str(), r);
            dl->AddRectFilled(r.Min, r.Max, chosen ? render::mix(c.ui.theme.surface, c.ui.theme.primary, 0.12f)
                                                   : p.held ? c.ui.theme.secondary_pressed : c.ui.theme.surface, c.ui.mm(1.5f));
            if (chosen) dl->AddRect(r.Min, r.Max, c.ui.theme.primary, c.ui.mm(1.5f), 0, 3.0f);
            ImFont* b = c.ui.fonts.body_bold;
            const float ty = r.Min.y + (row_h - b->FontSize * 2.2f) / 2;
            char dist[32];
            std::snprintf(dist, sizeof dist, "%.0f km \xC2\xB7 ", o->distance_km);
            const bool km_known = st && !(st->lat == 0 && st->lon == 0);  // a backend without coordinates: no distance
            const std::string first = name + (o->store_id == c.state.store_id ? " \xE2\x80\x94 " + std::string(c.t("checkout.this_store")) : "");
            text_at(dl, b, ImVec2(r.Min.x + c.ui.mm(4), ty), c.ui.theme.text, first, w * 0.55f);
            text_at(dl, c.ui.fonts.small, ImVec2(r.Min.x + c.ui.mm(4), ty + b->FontSize * 1.2f), c.ui.theme.text_muted,
                    (st ? st->city + " \xC2\xB7 " : std::string()) + (km_known ? dist : "") +
                        c.t(o->source == "shelf" ? "checkout.from_shelf" : "checkout.by_transfer"),
                    w * 0.55f);
            const std::string ready = ready_text(c, o->ready_by);
            text_at(dl, c.ui.fonts.body, ImVec2(r.Min.x + w * 0.58f, ty + b->FontSize * 0.5f), c.ui.theme.success, ready, w * 0.41f);
            if (render::Element* e = c.ui.registry.last(); e && e->id == id) {  // speech: "Paris Montparnasse, 3 km, prêt demain, option, sélectionné"
                e->role = render::Role::Toggle;
                e->selected = chosen;
                e->detail = std::string(dist) + ", " + ready;
            }
            ImGui::SetCursorScreenPos(ImVec2(min.x, r.Max.y + c.ui.mm(1.5f)));
            if (p.clicked) c.emit(act::ChoosePickupStore{o->store_id});
        }
        if (hidden > 0) {
            render::ButtonOptions more;
            more.kind = render::ButtonKind::Ghost;
            if (render::button(c.ui, "checkout.pickup.more", c.f("checkout.more_stores", {{"count", std::to_string(hidden)}}).c_str(), more))
                c.scratch.all_pickup_stores = true;
        }
        ImGui::Dummy(ImVec2(1, 1));
    }
    ImGui::Dummy(ImVec2(1, c.ui.mm(3)));
    ImGui::PushFont(c.ui.fonts.body_bold);
    ImGui::TextUnformatted(c.t("checkout.contact"));
    ImGui::PopFont();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", c.t("checkout.contact_hint"));
    for (const char* f : kContactFields) form_field(c, f, w);
    ImGui::Dummy(ImVec2(1, c.ui.mm(3)));
    ImGui::PushFont(c.ui.fonts.body_bold);
    ImGui::TextUnformatted(c.t("checkout.payment"));
    ImGui::PopFont();
    toggle(c, "checkout.payment.pay_at_till", c.t("checkout.pay_at_till"), ck.payment == Payment::PayAtTill, render::Icon::Store,
           half, act::SetPayment{Payment::PayAtTill});
    if (c.state.settings.pay_on_phone) {  // a backend without payment links: the till only
        ImGui::SameLine(0, c.ui.mm(3));
        toggle(c, "checkout.payment.pay_on_phone", c.t("checkout.pay_on_phone"), ck.payment == Payment::PayOnPhone,
               render::Icon::ChevronRight, half, act::SetPayment{Payment::PayOnPhone});
    }
    if (auto e = error_of(ck, "payment"); !e.empty()) alert(c, c.t(e));
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, pad));
    // As on a phone: a touch on the form that no field or control took closes the keyboard
    // (submitted last, so fields and buttons keep their touches).
    if (typing && render::backdrop(c.ui, "checkout.close_keyboard", c.t("common.done"), ImGui::GetCurrentWindow()->InnerRect).clicked)
        c.emit(act::FocusField{""});
    render::end_scroll_area(c.ui, c.scratch.checkout);

    // Summary and the order button.
    const ImRect side = portrait ? ImRect(ImVec2(area.Min.x, bottom - summary_h), ImVec2(area.Max.x, bottom))
                                 : ImRect(ImVec2(main_r.Max.x, area.Min.y), ImVec2(area.Max.x, bottom));
    if (side.GetHeight() < c.ui.mm(30)) {
        // Keyboard open in portrait: only the form is shown.
        return;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(side.Min, side.Max, c.ui.theme.surface);
    const float sw = side.GetWidth() - pad * 2;
    ImGui::SetCursorScreenPos(side.Min + ImVec2(pad, pad * 0.6f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(side.Max.x - pad);
    heading(c, c.t("checkout.summary"));
    for (const CartLine& l : c.state.cart) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::TextUnformatted((std::to_string(l.quantity) + " \xC3\x97 " + c.text(l.name)).c_str());
        ImGui::SameLine(sw - text_width(c.ui.fonts.body, c.money(l.unit_price.amount * l.quantity)));
        ImGui::TextUnformatted(c.money(l.unit_price.amount * l.quantity).c_str());
        say_at(c, c.f("cart.line_said", {{"name", c.text(l.name)}, {"options", l.brand}, {"quantity", std::to_string(l.quantity)},
                                         {"total", c.money(l.unit_price.amount * l.quantity)}}),
               ImRect(at, ImVec2(at.x + sw, ImGui::GetItemRectMax().y)));
    }
    ImGui::Separator();
    ImGui::PushFont(c.ui.fonts.title);
    ImGui::TextUnformatted(c.f("cart.total", {{"total", c.money(cart_total(c.state.cart))}}).c_str());
    say(c, c.f("cart.total", {{"total", c.money(cart_total(c.state.cart))}}));
    ImGui::PopFont();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", c.t("checkout.online_prices"));
    ImGui::Dummy(ImVec2(1, c.ui.mm(3)));
    const bool busy = ck.phase == OrderPhase::Placing || ck.phase == OrderPhase::Confirming || ck.phase == OrderPhase::Quoting;
    render::ButtonOptions place;
    place.size = ImVec2(sw, c.ui.min_tap() + c.ui.mm(6));
    place.enabled = !busy && c.state.online && ck.price_changes.empty();
    place.font = c.ui.fonts.title;
    if (render::button(c.ui, "checkout.place_order", c.t("checkout.place_order"), place)) c.emit(act::PlaceOrder{});
    if (!c.state.online && !busy)
        alert(c, c.t("checkout.offline"));
    if (ck.phase == OrderPhase::Placing) {
        ImGui::TextUnformatted(c.t("checkout.placing"));
        say(c, c.t("checkout.placing"));
    }
    if (ck.phase == OrderPhase::Confirming) {
        ImGui::PushStyleColor(ImGuiCol_Text, c.ui.theme.warning);
        ImGui::TextUnformatted(c.t("checkout.confirming"));
        say(c, c.t("checkout.confirming"));
        ImGui::PopStyleColor();
        ImGui::TextUnformatted(c.t("checkout.confirming_hint"));
    }
    if (!ck.form.errors.empty() && ck.phase == OrderPhase::Editing) {
        alert(c, c.t("checkout.fix_errors"));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (busy) c.ui.wake_at(c.ui.now() + 0.5);
}

}  // namespace kiosk
