// Staff screens (T1–T4): the PIN pad, the staff home, a customer's purchase history by loyalty
// card, and order lookup by number or card. The banner and the lock are drawn by the chrome.
#include <algorithm>
#include <cmath>
#include <functional>

#include "kiosk/reducer.hpp"
#include "kiosk/screens/screens.hpp"
#include "render/icons.hpp"

namespace kiosk {

namespace {

ImVec4 muted(const Ctx& c) { return ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted); }

// A line of text that scripts (and later speech) can find.
void line(Ctx& c, const std::string& text) {
    ImGui::TextUnformatted(text.c_str());
    say(c, text);
}

void muted_line(Ctx& c, const std::string& text) {
    ImGui::TextColored(muted(c), "%s", text.c_str());
    say(c, text);
}

void error_line(Ctx& c, const std::string& key) {
    if (key.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, c.ui.theme.danger);
    line(c, c.t(key));
    ImGui::PopStyleColor();
}

std::string store_or_online(const Ctx& c, const std::string& id) {
    if (id.empty() || id == "online") return c.t("staff.online");
    const cc::Store* st = find_store(c.state, id);
    return st ? st->name : id;
}

std::string date_text(const Ctx& c, const std::string& when) {
    const auto d = parse_date(when);
    return d ? format_date(c.i18n, c.state.language, *d) : when;
}

// The text field of a lookup, its search button and, when open, the keyboard at the bottom of
// `area`. Returns the top of the keyboard (area.Max.y when closed).
float lookup_bar(Ctx& c, const ImRect& area, const char* field_id, const char* search_id, const std::string& value,
                 const char* hint, const std::string& field_name, Action search, bool numeric) {
    const float pad = c.ui.mm(6);
    float bottom = area.Max.y;
    const std::string owner = "staff." + field_name;
    // An empty lookup shows its keyboard.
    if (value.empty()) c.scratch.staff_keyboard = true;
    if (c.scratch.staff_keyboard) {
        const render::KeyboardLayout letters =
            c.state.language == "fr" ? render::KeyboardLayout::Azerty : render::KeyboardLayout::Qwerty;
        if (c.scratch.keyboard_for != owner) {
            c.scratch.keyboard = render::KeyboardState{};
            c.scratch.keyboard.letters = letters;
            c.scratch.keyboard.layout = numeric ? render::KeyboardLayout::Numeric : letters;
            c.scratch.keyboard.max_length = 32;
            c.scratch.keyboard.shift = !numeric;
            c.scratch.keyboard_for = owner;
        }
        const float kh = render::keyboard_height(c.ui, c.scratch.keyboard.layout);
        const float kw = std::min(area.GetWidth() - 2 * pad,
                                  c.scratch.keyboard.layout == render::KeyboardLayout::Numeric ? c.ui.mm(120) : c.ui.mm(260));
        const ImVec2 pos(area.GetCenter().x - kw / 2, area.Max.y - kh - c.ui.mm(3));
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(area.Min.x, pos.y - c.ui.mm(3)), area.Max, c.ui.theme.secondary);
        ImGui::SetCursorScreenPos(pos);
        std::string text = value;
        const render::KeyboardResult k = render::on_screen_keyboard(c.ui, "osk", c.scratch.keyboard, text, kw);
        if (k.changed) c.emit(act::SetStaffText{field_name, text});
        if (k.enter) {
            c.scratch.staff_keyboard = false;
            c.emit(search);
        }
        bottom = pos.y - c.ui.mm(3);
    }
    ImGui::SetCursorScreenPos(ImVec2(area.Min.x + pad, area.Min.y + pad * 0.6f));
    const float search_w = text_width(c.ui.fonts.body_bold, c.t("staff.search")) + c.ui.mm(22);
    const float field_w = std::min(c.ui.mm(150), area.GetWidth() - pad * 3 - search_w);
    if (field(c, field_id, value, hint, c.scratch.staff_keyboard, field_w)) c.scratch.staff_keyboard = true;
    ImGui::SameLine(0, pad * 0.5f);
    render::ButtonOptions go;
    go.icon = render::Icon::Search;
    go.size = ImVec2(search_w, 0);
    go.enabled = !value.empty();
    if (render::button(c.ui, search_id, c.t("staff.search"), go)) {
        c.scratch.staff_keyboard = false;
        c.emit(search);
    }
    return bottom;
}

// One purchase of the customer's history: a row that opens the product with that size and colour.
void purchase_row(Ctx& c, const cc::Purchase& p, int index, float w) {
    const std::string id = "staff.history." + std::to_string(index);
    std::string options;
    for (const char* key : {"size", "color"}) {
        auto it = p.options.find(key);
        if (it == p.options.end()) continue;
        if (!options.empty()) options += " \xC2\xB7 ";
        options += c.f(std::string("staff.history.") + key, {{"value", it->second}});
    }
    const std::string title = c.text(p.name);
    const std::string where = c.f("staff.history.where", {{"date", date_text(c, p.date)}, {"store", store_or_online(c, p.store_id)}});
    const std::string amount = std::to_string(p.quantity) + " \xC3\x97 " + c.money(p.amount.amount);
    const float row_h = std::max(c.ui.min_tap(), c.ui.fonts.body_bold->FontSize * 1.25f + c.ui.fonts.body->FontSize * 2.6f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImRect r(min, ImVec2(min.x + w, min.y + row_h));
    const render::Pressable press = render::pressable(c.ui, id.c_str(), (title + " \xC2\xB7 " + options + " \xC2\xB7 " + where).c_str(), r);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(r.Min, r.Max, press.held ? c.ui.theme.secondary_pressed : c.ui.theme.surface, c.ui.mm(1.5f));
    const float x = r.Min.x + c.ui.mm(4), right_w = text_width(c.ui.fonts.body_bold, amount) + c.ui.mm(8);
    const float text_w = w - right_w - c.ui.mm(10);
    float y = r.Min.y + c.ui.mm(1.5f);
    text_at(dl, c.ui.fonts.body_bold, ImVec2(x, y), c.ui.theme.text, title, text_w);
    y += c.ui.fonts.body_bold->FontSize * 1.25f;
    text_at(dl, c.ui.fonts.body, ImVec2(x, y), c.ui.theme.text, options, text_w);
    say_at(c, options, ImRect(ImVec2(x, y), ImVec2(x + text_w, y + c.ui.fonts.body->FontSize)));
    y += c.ui.fonts.body->FontSize * 1.3f;
    text_at(dl, c.ui.fonts.body, ImVec2(x, y), c.ui.theme.text_muted, where, text_w);
    say_at(c, where, ImRect(ImVec2(x, y), ImVec2(x + text_w, y + c.ui.fonts.body->FontSize)));
    text_at(dl, c.ui.fonts.body_bold, ImVec2(r.Max.x - right_w, r.GetCenter().y - c.ui.fonts.body_bold->FontSize / 2),
            c.ui.theme.text, amount);
    ImGui::SetCursorScreenPos(ImVec2(min.x, r.Max.y + c.ui.mm(1.5f)));
    ImGui::Dummy(ImVec2(1, 0));
    if (press.clicked) c.emit(act::OpenPurchase{index});
}

// Where and when an order is collected or delivered, one line.
std::string order_where(const Ctx& c, const cc::Order& o) {
    if (o.fulfilment.type == "pickup") {
        std::string line = c.f("staff.orders.pickup", {{"store", store_or_online(c, o.fulfilment.store_id)}});
        if (!o.fulfilment.ready_by.empty())
            line += " \xC2\xB7 " + c.f("staff.orders.ready_by", {{"date", date_text(c, o.fulfilment.ready_by)}});
        return line;
    }
    std::string line = c.t("staff.orders.delivery");
    if (!o.fulfilment.eta_min.empty())
        line += " \xC2\xB7 " + c.f("staff.orders.eta", {{"from", date_text(c, o.fulfilment.eta_min)},
                                                       {"to", date_text(c, o.fulfilment.eta_max)}});
    return line;
}

void order_card(Ctx& c, const cc::Order& o, int index, bool expanded, float w) {
    const std::string id = "staff.orders.result." + std::to_string(index);
    const std::string status_key = "order.status." + o.status;
    const std::string status = c.i18n.has(c.state.language, status_key) ? c.t(status_key) : o.status;
    const std::string where = order_where(c, o);
    const std::string when = c.f("staff.orders.placed", {{"date", date_text(c, o.created_at)}});
    const float head_h = std::max(c.ui.min_tap(), c.ui.fonts.title->FontSize * 1.2f + c.ui.fonts.body->FontSize * 2.6f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImRect r(min, ImVec2(min.x + w, min.y + head_h));
    const render::Pressable press = render::pressable(c.ui, id.c_str(), (o.number + " \xC2\xB7 " + status).c_str(), r);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(r.Min, r.Max, press.held ? c.ui.theme.secondary_pressed : c.ui.theme.surface, c.ui.mm(1.5f));
    const float x = r.Min.x + c.ui.mm(4);
    float y = r.Min.y + c.ui.mm(1.5f);
    ImFont* title = c.ui.fonts.title;
    dl->AddText(title, title->FontSize, ImVec2(x, y), c.ui.theme.text, o.number.c_str());
    const float number_w = text_width(title, o.number);
    const std::string total = c.money(o.total.amount);
    const float total_w = text_width(c.ui.fonts.body_bold, total);
    text_at(dl, c.ui.fonts.body_bold, ImVec2(x + number_w + c.ui.mm(6), y + (title->FontSize - c.ui.fonts.body_bold->FontSize) / 2),
            c.ui.theme.primary, status, w - number_w - total_w - c.ui.mm(20));
    say_at(c, status, ImRect(ImVec2(x + number_w, y), ImVec2(r.Max.x, y + title->FontSize)));
    text_at(dl, c.ui.fonts.body_bold, ImVec2(r.Max.x - total_w - c.ui.mm(4), y + (title->FontSize - c.ui.fonts.body_bold->FontSize) / 2),
            c.ui.theme.text, total);
    y += title->FontSize * 1.2f;
    text_at(dl, c.ui.fonts.body, ImVec2(x, y), c.ui.theme.text, where, w - c.ui.mm(8));
    say_at(c, where, ImRect(ImVec2(x, y), ImVec2(r.Max.x, y + c.ui.fonts.body->FontSize)));
    y += c.ui.fonts.body->FontSize * 1.3f;
    text_at(dl, c.ui.fonts.body, ImVec2(x, y), c.ui.theme.text_muted, when, w - c.ui.mm(8));
    ImGui::SetCursorScreenPos(ImVec2(min.x, r.Max.y + c.ui.mm(1)));
    if (press.clicked) c.emit(act::ExpandOrder{index});
    if (expanded) {
        ImGui::Indent(c.ui.mm(4));
        for (const cc::QuoteLine& l : o.lines)
            line(c, std::to_string(l.quantity) + " \xC3\x97 " + c.text(l.name) + "  " + c.money(l.line_total.amount));
        ImGui::Unindent(c.ui.mm(4));
    }
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
}

// The scrolling results under a lookup bar (`bottom`: the top of the keyboard); `body` draws
// them `w` wide, with text wrapping.
void results_area(Ctx& c, const ImRect& area, float bottom, const char* id, render::ScrollState& scroll,
                  const std::function<void(float w)>& body) {
    const float pad = c.ui.mm(6);
    const float top = area.Min.y + pad * 0.6f + c.ui.min_tap() + c.ui.mm(4);
    const ImRect list(ImVec2(area.Min.x, top), ImVec2(area.Max.x, bottom));
    if (list.GetHeight() < c.ui.min_tap()) return;
    ImGui::SetCursorScreenPos(list.Min);
    render::begin_scroll_area(c.ui, id, list.GetSize(), scroll);
    const float w = list.GetWidth() - pad * 2;
    ImGui::SetCursorPos(ImVec2(pad, c.ui.mm(2)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    body(w);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, pad));
    render::end_scroll_area(c.ui, scroll);
}

}  // namespace

void draw_staff_pin(Ctx& c, const ImRect& area) {
    const StaffPinPad& pin = c.state.staff.pin;
    const float key = std::max(c.ui.min_tap() * 1.3f, c.ui.mm(20));
    const float gap = c.ui.mm(3);
    const float pad_w = key * 3 + gap * 2;
    const float x = area.GetCenter().x - pad_w / 2;
    const float block_h = c.ui.fonts.title->FontSize * 1.4f + c.ui.fonts.body->FontSize * 5.2f + c.ui.mm(14) + key * 4 + gap * 3 +
                          c.ui.min_tap() + c.ui.mm(6);
    ImGui::SetCursorScreenPos(ImVec2(x, area.Min.y + std::max(c.ui.mm(6), (area.GetHeight() - block_h) / 2)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + pad_w);
    heading(c, c.t("staff.pin.title"));
    if (pin.badge.empty()) muted_line(c, c.t("staff.pin.prompt"));
    else muted_line(c, c.f("staff.pin.prompt_badge", {{"badge", pin.badge}}));
    // The typed digits as dots (never the digits).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 dots = ImGui::GetCursorScreenPos();
    const float dot = c.ui.mm(2.2f);
    const std::size_t shown = std::max<std::size_t>(6, pin.digits.size());
    const float dots_w = static_cast<float>(shown) * dot * 3.2f;
    for (std::size_t i = 0; i < shown; ++i) {
        const ImVec2 centre(dots.x + (pad_w - dots_w) / 2 + dot * 1.6f + static_cast<float>(i) * dot * 3.2f, dots.y + c.ui.mm(5));
        if (i < pin.digits.size()) dl->AddCircleFilled(centre, dot, c.ui.theme.text);
        else dl->AddCircle(centre, dot, c.ui.theme.border, 0, 2.0f);
    }
    c.ui.add_element("staff.pin.dots", std::to_string(pin.digits.size()), ImRect(dots, ImVec2(dots.x + pad_w, dots.y + c.ui.mm(10))), false);
    ImGui::Dummy(ImVec2(pad_w, c.ui.mm(10)));
    // What the server said: checking, wrong with the tries left, or locked with the countdown.
    const double locked_left = pin.locked_until - c.ui.now();
    const bool locked = locked_left > 0;
    if (locked) {
        ImGui::PushStyleColor(ImGuiCol_Text, c.ui.theme.danger);
        line(c, c.f("staff.pin.locked", {{"seconds", std::to_string(static_cast<int>(std::ceil(locked_left)))}}));
        ImGui::PopStyleColor();
        c.ui.wake_at(c.ui.now() + 0.25);
    } else if (pin.checking) {
        muted_line(c, c.t("staff.pin.checking"));
    } else if (pin.error == "staff.pin.wrong") {
        ImGui::PushStyleColor(ImGuiCol_Text, c.ui.theme.danger);
        line(c, pin.tries_left >= 0 ? c.f("staff.pin.wrong_tries", {{"tries", std::to_string(pin.tries_left)}})
                                    : std::string(c.t("staff.pin.wrong")));
        ImGui::PopStyleColor();
    } else if (!pin.error.empty() && pin.error != "staff.pin.locked") {
        error_line(c, pin.error);
    } else {
        ImGui::TextUnformatted(" ");
    }
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    // The keypad: 1–9, then clear, 0, OK.
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"};
    for (int i = 0; i < 12; ++i) {
        const std::string k = keys[i];
        const std::string id = "staff.pin." + k;
        render::ButtonOptions o;
        o.size = ImVec2(key, key);
        o.kind = k == "ok" ? render::ButtonKind::Primary : render::ButtonKind::Secondary;
        o.font = k.size() == 1 ? c.ui.fonts.title : nullptr;
        if (k == "ok") o.enabled = pin.digits.size() >= 4 && !pin.checking && !locked;
        if (k != "ok" && k != "clear") o.enabled = !pin.checking;
        const char* label = k == "clear" ? c.t("staff.pin.clear") : k == "ok" ? c.t("staff.pin.ok") : keys[i];
        if (render::button(c.ui, id.c_str(), label, o)) c.emit(act::StaffPinKey{k});
        if (i % 3 != 2) ImGui::SameLine(0, gap);
        else ImGui::Dummy(ImVec2(1, gap - ImGui::GetStyle().ItemSpacing.y));
    }
    ImGui::Dummy(ImVec2(1, c.ui.mm(3)));
    render::ButtonOptions cancel;
    cancel.kind = render::ButtonKind::Ghost;
    cancel.size = ImVec2(pad_w, 0);
    if (render::button(c.ui, "staff.pin.cancel", c.t("common.cancel"), cancel)) c.emit(act::Back{});
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void draw_staff_home(Ctx& c, const ImRect& area) {
    const float pad = c.ui.mm(8);
    const bool portrait = area.GetHeight() > area.GetWidth();
    ImGui::SetCursorScreenPos(area.Min + ImVec2(pad, pad));
    ImGui::BeginGroup();
    heading(c, c.f("staff.home.hello", {{"name", c.state.staff.name}}));
    const int lock_s = static_cast<int>(c.state.settings.staff_idle_lock_s);
    muted_line(c, lock_s % 60 == 0 ? c.f("staff.home.hint_min", {{"minutes", std::to_string(lock_s / 60)}})
                                   : c.f("staff.home.hint_s", {{"seconds", std::to_string(lock_s)}}));
    ImGui::Dummy(ImVec2(1, c.ui.mm(4)));
    struct Entry {
        const char* id;
        const char* title;
        const char* body;
        render::Icon icon;
        Action action;
    };
    const Entry entries[] = {
        {"staff.home.customer", "staff.home.customer", "staff.home.customer_hint", render::Icon::Search, act::Show{Screen::StaffCustomer}},
        {"staff.home.orders", "staff.home.orders", "staff.home.orders_hint", render::Icon::Delivery, act::Show{Screen::StaffOrders}},
        {"staff.home.browse", "staff.home.browse", "staff.home.browse_hint", render::Icon::Home, act::GoHome{}},
    };
    const float w = portrait ? area.GetWidth() - pad * 2 : (area.GetWidth() - pad * 4) / 3;
    const float h = std::max(c.ui.min_tap() * 2, c.ui.mm(40));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 3; ++i) {
        const Entry& e = entries[i];
        const ImVec2 min = portrait ? ImVec2(start.x, start.y + (h + pad) * static_cast<float>(i))
                                    : ImVec2(start.x + (w + pad) * static_cast<float>(i), start.y);
        const ImRect r(min, ImVec2(min.x + w, min.y + h));
        const render::Pressable p = render::pressable(c.ui, e.id, c.t(e.title), r);
        dl->AddRectFilled(r.Min, r.Max, p.held ? c.ui.theme.secondary_pressed : c.ui.theme.surface, c.ui.mm(2));
        dl->AddRect(r.Min, r.Max, c.ui.theme.border, c.ui.mm(2));
        const float icon = c.ui.mm(10);
        render::draw_icon(dl, e.icon, ImVec2(r.Min.x + c.ui.mm(5) + icon / 2, r.Min.y + c.ui.mm(5) + icon / 2), icon, c.ui.theme.staff);
        text_at(dl, c.ui.fonts.title, ImVec2(r.Min.x + c.ui.mm(8) + icon, r.Min.y + c.ui.mm(5)), c.ui.theme.text, c.t(e.title),
                w - icon - c.ui.mm(12));
        render::text_block(dl, c.ui.fonts.body, ImVec2(r.Min.x + c.ui.mm(5), r.Min.y + c.ui.mm(8) + icon), w - c.ui.mm(10), 3,
                           c.ui.theme.text_muted, c.t(e.body));
        if (p.clicked) c.emit(e.action);
    }
    ImGui::EndGroup();
}

void draw_staff_customer(Ctx& c, const ImRect& area) {
    const CustomerLookup& cl = c.state.staff.customer;
    const float bottom = lookup_bar(c, area, "staff.customer.card", "staff.customer.search", cl.card, c.t("staff.customer.card_hint"),
                                    "card", act::FindCustomer{}, true);
    results_area(c, area, bottom, "staff.customer.list", c.scratch.staff_customer, [&](float w) {
    if (cl.loading) muted_line(c, c.t("common.loading"));
    error_line(c, cl.error);
    if (cl.history) {
        const cc::CustomerHistory& h = *cl.history;
        heading(c, h.name);
        std::string tier_key = "staff.customer.tier." + h.tier;
        muted_line(c, c.f("staff.customer.card_line", {{"card", h.card},
                                                         {"tier", c.i18n.has(c.state.language, tier_key) ? c.t(tier_key) : h.tier}}));
        ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
        if (h.purchases.empty()) line(c, c.t("staff.customer.no_purchases"));
        else {
            ImGui::PushFont(c.ui.fonts.body_bold);
            line(c, c.f("staff.customer.purchases", {{"count", std::to_string(h.purchases.size())}}));
            ImGui::PopFont();
            muted_line(c, c.t("staff.customer.tap_hint"));
        }
        for (std::size_t i = 0; i < h.purchases.size(); ++i) purchase_row(c, h.purchases[i], static_cast<int>(i), w);
    } else if (!cl.loading && cl.error.empty()) {
        muted_line(c, c.t("staff.customer.intro"));
    }
    });
}

void draw_staff_orders(Ctx& c, const ImRect& area) {
    const OrderLookup& ol = c.state.staff.orders;
    const float bottom = lookup_bar(c, area, "staff.orders.query", "staff.orders.search", ol.query, c.t("staff.orders.query_hint"),
                                    "query", act::FindOrders{}, false);
    results_area(c, area, bottom, "staff.orders.list", c.scratch.staff_orders, [&](float w) {
    if (ol.loading) muted_line(c, c.t("common.loading"));
    error_line(c, ol.error);
    if (ol.searched && ol.error.empty()) {
        if (ol.results.empty()) line(c, c.t("staff.orders.none"));
        else muted_line(c, c.f("staff.orders.count", {{"count", std::to_string(ol.results.size())}}));
        for (std::size_t i = 0; i < ol.results.size(); ++i)
            order_card(c, ol.results[i], static_cast<int>(i), ol.expanded == static_cast<int>(i), w);
    } else if (!ol.loading && ol.error.empty()) {
        muted_line(c, c.t("staff.orders.intro"));
    }
    });
}

}  // namespace kiosk
