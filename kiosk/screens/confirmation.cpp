// Confirmation: the order number, what was ordered, where and when, the till barcode or the
// payment QR, and a QR to follow the order on a phone.
#include <algorithm>

#include "kiosk/reducer.hpp"
#include "render/codes.hpp"
#include "render/icons.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

namespace {

// Where and when the order is collected or delivered: one line, then the store's address for a pickup.
std::vector<std::string> where_and_when(const Ctx& c, const cc::Order& o) {
    std::vector<std::string> out;
    const std::string& type = o.fulfilment.type;
    if (type == "pickup") {
        const std::string& store_id = o.fulfilment.store_id;
        const cc::Store* st = find_store(c.state, store_id);
        const std::string& ready = o.fulfilment.ready_by;
        std::string when = ready;
        if (auto d = parse_date(ready))
            when = c.f("checkout.ready_by", {{"date", format_date(c.i18n, c.state.language, *d)}, {"time", time_of(ready)}});
        // A backend that gives no time (Medusa): the store alone.
        out.push_back(when.empty() ? c.f("confirmation.pickup_at", {{"store", st ? st->name : store_id}})
                                   : c.f("confirmation.pickup", {{"store", st ? st->name : store_id}, {"when", when}}));
        if (st) out.push_back(st->line1 + ", " + st->postcode + " " + st->city);
    } else if (type == "delivery") {
        const std::string& from = o.fulfilment.eta_min;
        const std::string& to = o.fulfilment.eta_max;
        auto df = parse_date(from), dt = parse_date(to);
        if (df && dt)
            out.push_back(c.f("confirmation.delivery", {{"from", format_date(c.i18n, c.state.language, *df)},
                                                        {"to", format_date(c.i18n, c.state.language, *dt)}}));
        else
            out.push_back(c.t("confirmation.delivery_home"));  // no dates from the backend
    }
    return out;
}

// The "follow your order" address of the configured template, empty when there is none.
std::string tracking_url_of(const Ctx& c, const std::string& number) {
    std::string url = c.tracking_url;
    const auto at = url.find("{number}");
    if (at != std::string::npos) url.replace(at, 8, number);
    return url;
}

std::string line_text(const Ctx& c, const cc::QuoteLine& l) {
    return std::to_string(l.quantity) + " \xC3\x97 " + c.text(l.name);
}

// What the total holds beyond the lines: the delivery charge (0 for a pickup).
std::int64_t extra_charge(const cc::Order& o) {
    std::int64_t items = 0;
    for (const cc::QuoteLine& l : o.lines) items += l.unit_price.amount * l.quantity;
    return o.total.amount - items;
}

// The printed ticket: the same facts as the screen, worded for paper.
Ticket ticket_of(const Ctx& c, const cc::Order& o) {
    using K = TicketLine::Kind;
    Ticket t;
    t.order_number = o.number;
    if (!c.retailer_name.empty()) t.lines.push_back({K::Title, c.retailer_name, {}});
    t.lines.push_back({K::Text, c.t("confirmation.thanks"), {}});
    t.lines.push_back({K::Gap, {}, {}});
    t.lines.push_back({K::Row, c.t("confirmation.number_label"), o.number});
    t.lines.push_back({K::Rule, {}, {}});
    for (const cc::QuoteLine& l : o.lines) t.lines.push_back({K::Row, line_text(c, l), c.money(l.unit_price.amount * l.quantity)});
    if (const std::int64_t fee = extra_charge(o); fee > 0) t.lines.push_back({K::Row, c.t("confirmation.delivery_fee"), c.money(fee)});
    t.lines.push_back({K::Rule, {}, {}});
    t.lines.push_back({K::Row, c.t("ticket.total"), c.money(o.total.amount)});
    t.lines.push_back({K::Gap, {}, {}});
    for (const std::string& w : where_and_when(c, o)) t.lines.push_back({K::Text, w, {}});
    t.lines.push_back({K::Gap, {}, {}});
    if (o.payment_method == "pay_on_phone" && !o.payment_url.empty()) {
        t.lines.push_back({K::Text, c.t("ticket.pay_on_phone"), {}});
        t.lines.push_back({K::Qr, o.payment_url, {}});
    } else {
        t.lines.push_back({K::Text, c.t("ticket.pay_at_till"), {}});
        if (!o.till_code.empty()) t.lines.push_back({K::Barcode, o.till_code, {}});
    }
    const std::string url = tracking_url_of(c, o.number);
    if (!url.empty()) {
        t.lines.push_back({K::Gap, {}, {}});
        t.lines.push_back({K::Text, c.t("confirmation.follow"), {}});
        t.lines.push_back({K::Qr, url, {}});
    }
    return t;
}

}  // namespace

void draw_confirmation(Ctx& c, const ImRect& area) {
    if (!c.state.confirmation) return;
    const Confirmation& conf = *c.state.confirmation;
    const cc::Order& o = conf.order;
    const float pad = c.ui.mm(7);
    const bool portrait = area.GetHeight() > area.GetWidth();
    const ImRect left = portrait ? ImRect(area.Min, ImVec2(area.Max.x, area.Min.y + area.GetHeight() * 0.5f))
                                 : ImRect(area.Min, ImVec2(area.Min.x + area.GetWidth() * 0.55f, area.Max.y));
    const ImRect right = portrait ? ImRect(ImVec2(area.Min.x, left.Max.y), area.Max) : ImRect(ImVec2(left.Max.x, area.Min.y), area.Max);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    ImGui::SetCursorScreenPos(left.Min);
    render::begin_scroll_area(c.ui, "confirmation.details", left.GetSize(), c.scratch.confirmation);
    const float w = left.GetWidth() - pad * 2;
    ImGui::SetCursorPos(ImVec2(pad, pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::PushStyleColor(ImGuiCol_Text, c.ui.theme.success);
    heading(c, c.t("confirmation.thanks"));
    ImGui::PopStyleColor();
    ImGui::TextUnformatted(c.t("confirmation.number_label"));
    say(c, c.t("confirmation.number_label"));
    ImGui::PushFont(c.ui.fonts.title);
    ImGui::TextUnformatted(o.number.c_str());
    ImGui::PopFont();
    c.ui.add_element("confirmation.number", o.number,
                     ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    for (const cc::QuoteLine& l : o.lines) {
        ImGui::TextUnformatted((line_text(c, l) + "  " + c.money(l.unit_price.amount * l.quantity)).c_str());
        say(c, line_text(c, l) + ", " + c.money(l.unit_price.amount * l.quantity));
    }
    if (const std::int64_t fee = extra_charge(o); fee > 0) {
        ImGui::TextUnformatted((std::string(c.t("confirmation.delivery_fee")) + "  " + c.money(fee)).c_str());
        say(c, std::string(c.t("confirmation.delivery_fee")) + ", " + c.money(fee));
    }
    ImGui::PushFont(c.ui.fonts.body_bold);
    ImGui::TextUnformatted(c.f("cart.total", {{"total", c.money(o.total.amount)}}).c_str());
    say(c, c.f("cart.total", {{"total", c.money(o.total.amount)}}));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    // Where and when.
    const std::vector<std::string> where = where_and_when(c, o);
    for (std::size_t i = 0; i < where.size(); ++i) {
        if (i == 0) ImGui::TextUnformatted(where[i].c_str());
        else ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", where[i].c_str());
        say(c, where[i]);
    }
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    // Where the code is: beside the details in landscape, below them in portrait.
    const std::string how_to_pay = o.payment_method == "pay_on_phone" ? c.t("confirmation.pay_on_phone")
                                   : portrait                         ? c.t("confirmation.pay_at_till_below")
                                                                      : c.t("confirmation.pay_at_till");
    ImGui::TextUnformatted(how_to_pay.c_str());
    c.ui.add_element("confirmation.how_to_pay", how_to_pay, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
    if (!c.state.confirmation->served_by.empty()) {
        ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
        const std::string served = c.f("confirmation.served_by", {{"name", c.state.confirmation->served_by}});
        ImGui::TextUnformatted(served.c_str());
        c.ui.add_element("confirmation.served_by", served, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, pad));
    render::end_scroll_area(c.ui, c.scratch.confirmation);

    // Codes: the till barcode or the payment QR, and the tracking QR.
    dl->AddRectFilled(right.Min, right.Max, c.ui.theme.surface);
    const float cw = right.GetWidth() - pad * 2;
    float y = right.Min.y + pad;
    ImFont* b = c.ui.fonts.body_bold;
    const float done_h = c.ui.min_tap() + c.ui.mm(6);
    // The optional ticket: a button above "done", and what became of it.
    const float print_h = c.state.settings.printer ? c.ui.min_tap() + c.ui.fonts.body->FontSize * 1.6f + c.ui.mm(4) : 0.0f;
    const float avail = right.Max.y - pad - done_h - print_h - y;
    if (o.payment_method == "pay_on_phone" && !o.payment_url.empty()) {
        dl->AddText(b, b->FontSize, ImVec2(right.Min.x + pad, y), c.ui.theme.text, c.t("confirmation.scan_to_pay"));
        y += b->FontSize * 1.4f;
        if (auto qr = render::encode_qr(o.payment_url)) {
            const float side = std::min(cw * 0.6f, avail * 0.5f);
            dl->AddRectFilled(ImVec2(right.Min.x + pad, y), ImVec2(right.Min.x + pad + side, y + side), IM_COL32_WHITE);
            render::draw_qr(dl, *qr, ImVec2(right.Min.x + pad, y), side);
            c.ui.add_element("confirmation.payment_qr", o.payment_url, ImRect(right.Min.x + pad, y, right.Min.x + pad + side, y + side), false);
            y += side + pad * 0.5f;
        }
    } else if (!o.till_code.empty()) {
        dl->AddText(b, b->FontSize, ImVec2(right.Min.x + pad, y), c.ui.theme.text, c.t("confirmation.show_at_till"));
        y += b->FontSize * 1.4f;
        if (auto bars = render::encode_barcode(o.till_code, render::Barcode1D::Code128)) {
            const float h = std::min(c.ui.mm(34), avail * 0.4f);
            dl->AddRectFilled(ImVec2(right.Min.x + pad, y), ImVec2(right.Max.x - pad, y + h), IM_COL32_WHITE);
            render::draw_barcode(dl, *bars, ImVec2(right.Min.x + pad, y), ImVec2(cw, h), c.ui.fonts.body, o.till_code);
            c.ui.add_element("confirmation.till_barcode", o.till_code, ImRect(right.Min.x + pad, y, right.Max.x - pad, y + h), false);
            y += h + pad;
        }
    }
    if (const std::string url = tracking_url_of(c, o.number); !url.empty()) {
        dl->AddText(b, b->FontSize, ImVec2(right.Min.x + pad, y), c.ui.theme.text, c.t("confirmation.follow"));
        y += b->FontSize * 1.4f;
        if (auto qr = render::encode_qr(url)) {
            const float side = std::min(cw * 0.4f, right.Max.y - pad - done_h - print_h - y - pad);
            if (side > c.ui.mm(15)) {
                dl->AddRectFilled(ImVec2(right.Min.x + pad, y), ImVec2(right.Min.x + pad + side, y + side), IM_COL32_WHITE);
                render::draw_qr(dl, *qr, ImVec2(right.Min.x + pad, y), side);
                c.ui.add_element("confirmation.tracking_qr", url, ImRect(right.Min.x + pad, y, right.Min.x + pad + side, y + side), false);
            }
        }
    }
    if (c.state.settings.printer) {
        const float top = right.Max.y - pad - done_h - print_h;
        render::ButtonOptions opt;
        opt.kind = render::ButtonKind::Secondary;
        opt.size = ImVec2(cw, c.ui.min_tap());
        opt.enabled = conf.print != PrintPhase::Printing;
        const char* label = conf.print == PrintPhase::Printing ? "confirmation.printing"
                            : conf.print == PrintPhase::Idle   ? "confirmation.print"
                                                               : "confirmation.print_again";
        ImGui::SetCursorScreenPos(ImVec2(right.Min.x + pad, top));
        if (render::button(c.ui, "confirmation.print", c.t(label), opt)) c.emit(act::PrintTicket{ticket_of(c, o)});
        if (conf.print == PrintPhase::Printed || conf.print == PrintPhase::Failed) {
            const bool ok = conf.print == PrintPhase::Printed;
            const char* note = c.t(ok ? "confirmation.printed" : "confirmation.print_failed");
            ImGui::SetCursorScreenPos(ImVec2(right.Min.x + pad, top + c.ui.min_tap() + c.ui.mm(1.5f)));
            ImGui::PushTextWrapPos(right.Max.x - pad);
            ImGui::PushStyleColor(ImGuiCol_Text, ok ? c.ui.theme.success : c.ui.theme.danger);
            ImGui::TextUnformatted(note);
            ImGui::PopStyleColor();
            ImGui::PopTextWrapPos();
            say(c, note);
        }
    }
    render::ButtonOptions done;
    done.size = ImVec2(cw, done_h);
    done.icon = render::Icon::Check;
    ImGui::SetCursorScreenPos(ImVec2(right.Min.x + pad, right.Max.y - pad - done_h));
    if (render::button(c.ui, "confirmation.done", c.t("confirmation.done"), done)) c.emit(act::ConfirmationDone{});
}

}  // namespace kiosk
