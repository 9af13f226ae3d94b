// Confirmation: the order number, what was ordered, where and when, the till barcode or the
// payment QR, and a QR to follow the order on a phone.
#include <algorithm>

#include "reducer.hpp"
#include "render/codes.hpp"
#include "render/icons.hpp"
#include "screens.hpp"

namespace kiosk {

void draw_confirmation(Ctx& c, const ImRect& area) {
    if (!c.s.confirmation) return;
    const Confirmation& conf = *c.s.confirmation;
    const cc::Order& o = conf.order;
    const float pad = c.ui.mm(7);
    const bool portrait = area.GetHeight() > area.GetWidth();
    const ImRect left = portrait ? ImRect(area.Min, ImVec2(area.Max.x, area.Min.y + area.GetHeight() * 0.5f))
                                 : ImRect(area.Min, ImVec2(area.Min.x + area.GetWidth() * 0.55f, area.Max.y));
    const ImRect right = portrait ? ImRect(ImVec2(area.Min.x, left.Max.y), area.Max) : ImRect(ImVec2(left.Max.x, area.Min.y), area.Max);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    ImGui::SetCursorScreenPos(left.Min);
    render::begin_scroll_area(c.ui, "confirmation.details", left.GetSize(), c.sc.confirmation);
    const float w = left.GetWidth() - pad * 2;
    ImGui::SetCursorPos(ImVec2(pad, pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::PushStyleColor(ImGuiCol_Text, c.ui.theme.success);
    heading(c, c.t("confirmation.thanks"));
    ImGui::PopStyleColor();
    ImGui::TextUnformatted(c.t("confirmation.number_label"));
    ImGui::PushFont(c.ui.fonts.title);
    ImGui::TextUnformatted(o.number.c_str());
    ImGui::PopFont();
    c.ui.add_element("confirmation.number", o.number,
                     ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    for (const cc::QuoteLine& l : o.lines)
        ImGui::TextUnformatted((std::to_string(l.quantity) + " \xC3\x97 " + c.text(l.name) + "  " +
                                c.money(l.unit_price.amount * l.quantity))
                                   .c_str());
    ImGui::PushFont(c.ui.fonts.body_bold);
    ImGui::TextUnformatted(c.f("cart.total", {{"total", c.money(o.total.amount)}}).c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    // Where and when.
    const std::string type = o.fulfilment.is_object() ? o.fulfilment.value("type", "") : "";
    if (type == "pickup") {
        const std::string store_id = o.fulfilment.value("store_id", "");
        const cc::Store* st = find_store(c.s, store_id);
        const std::string ready = o.fulfilment.value("ready_by", "");
        std::string when = ready;
        if (auto d = parse_date(ready))
            when = c.f("checkout.ready_by", {{"date", format_date(c.i18n, c.s.language, *d)}, {"time", time_of(ready)}});
        ImGui::TextUnformatted(c.f("confirmation.pickup", {{"store", st ? st->name : store_id}, {"when", when}}).c_str());
        if (st) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s",
                                   (st->line1 + ", " + st->postcode + " " + st->city).c_str());
    } else if (type == "delivery") {
        std::string from, to;
        if (o.fulfilment.contains("eta") && o.fulfilment["eta"].is_object()) {
            from = o.fulfilment["eta"].value("min", "");
            to = o.fulfilment["eta"].value("max", "");
        }
        auto df = parse_date(from), dt = parse_date(to);
        if (df && dt)
            ImGui::TextUnformatted(c.f("confirmation.delivery", {{"from", format_date(c.i18n, c.s.language, *df)},
                                                                 {"to", format_date(c.i18n, c.s.language, *dt)}})
                                       .c_str());
    }
    ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
    ImGui::TextUnformatted(c.t(o.payment_method == "pay_on_phone" ? "confirmation.pay_on_phone" : "confirmation.pay_at_till"));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, pad));
    render::end_scroll_area(c.ui, c.sc.confirmation);

    // Codes: the till barcode or the payment QR, and the tracking QR.
    dl->AddRectFilled(right.Min, right.Max, c.ui.theme.surface);
    const float cw = right.GetWidth() - pad * 2;
    float y = right.Min.y + pad;
    ImFont* b = c.ui.fonts.body_bold;
    const float done_h = c.ui.min_tap() + c.ui.mm(6);
    const float avail = right.Max.y - pad - done_h - y;
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
    if (!c.tracking_url.empty()) {
        std::string url = c.tracking_url;
        const auto at = url.find("{number}");
        if (at != std::string::npos) url.replace(at, 8, o.number);
        dl->AddText(b, b->FontSize, ImVec2(right.Min.x + pad, y), c.ui.theme.text, c.t("confirmation.follow"));
        y += b->FontSize * 1.4f;
        if (auto qr = render::encode_qr(url)) {
            const float side = std::min(cw * 0.4f, right.Max.y - pad - done_h - y - pad);
            if (side > c.ui.mm(15)) {
                dl->AddRectFilled(ImVec2(right.Min.x + pad, y), ImVec2(right.Min.x + pad + side, y + side), IM_COL32_WHITE);
                render::draw_qr(dl, *qr, ImVec2(right.Min.x + pad, y), side);
                c.ui.add_element("confirmation.tracking_qr", url, ImRect(right.Min.x + pad, y, right.Min.x + pad + side, y + side), false);
            }
        }
    }
    render::ButtonOptions done;
    done.size = ImVec2(cw, done_h);
    done.icon = render::Icon::Check;
    ImGui::SetCursorScreenPos(ImVec2(right.Min.x + pad, right.Max.y - pad - done_h));
    if (render::button(c.ui, "confirmation.done", c.t("confirmation.done"), done)) c.emit(act::ConfirmationDone{});
}

}  // namespace kiosk
