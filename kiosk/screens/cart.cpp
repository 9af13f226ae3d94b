// The cart: lines with quantities, the total, and the way to checkout.
#include <algorithm>

#include "kiosk/reducer.hpp"
#include "render/icons.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

void draw_cart(Ctx& c, const ImRect& area) {
    const float pad = c.ui.mm(6);
    float below_button = area.Min.y;
    if (!c.state.cart.empty() && c.state.settings.cart_handoff) {  // the lines on the shopper's phone, top right
        render::ButtonOptions phone;
        phone.kind = render::ButtonKind::Secondary;
        phone.icon = render::Icon::ChevronRight;
        const float bw = text_width(c.ui.fonts.body_bold, c.t("handoff.button")) + c.ui.mm(18);
        ImGui::SetCursorScreenPos(ImVec2(area.Max.x - pad - bw, area.Min.y + pad * 0.6f));
        phone.size = ImVec2(bw, 0);
        if (render::button(c.ui, "cart.handoff", c.t("handoff.button"), phone)) c.emit(act::OpenHandoff{AppState::Handoff::What::Cart});
        below_button = ImGui::GetItemRectMax().y + c.ui.mm(2);
    }
    ImGui::SetCursorScreenPos(area.Min + ImVec2(pad, pad * 0.6f));
    heading(c, c.t("cart.title"));
    if (c.state.cart.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(area.Min.x + pad, ImGui::GetCursorScreenPos().y));
        ImGui::TextUnformatted(c.t("cart.empty"));
        ImGui::SetCursorScreenPos(ImVec2(area.Min.x + pad, ImGui::GetCursorScreenPos().y + pad));
        render::ButtonOptions o;
        o.icon = render::Icon::Home;
        if (render::button(c.ui, "cart.continue", c.t("cart.continue"), o)) c.emit(act::GoHome{});
        return;
    }
    const float footer = c.ui.min_tap() + c.ui.mm(16);
    const float top = std::max(ImGui::GetCursorScreenPos().y, below_button);
    ImGui::SetCursorScreenPos(ImVec2(area.Min.x, top));
    render::begin_scroll_area(c.ui, "cart.lines", ImVec2(area.GetWidth(), area.Max.y - top - footer), c.scratch.cart);
    const float w = area.GetWidth() - pad * 2;
    const float row_h = c.ui.mm(34);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < c.state.cart.size(); ++i) {
        const CartLine& l = c.state.cart[i];
        ImGui::SetCursorPosX(pad);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const ImRect r(min, ImVec2(min.x + w, min.y + row_h));
        dl->AddRectFilled(r.Min, r.Max, c.ui.theme.surface, c.ui.mm(2));
        const float img = row_h - c.ui.mm(6);
        product_image(c, l.image, ImRect(r.Min + ImVec2(c.ui.mm(3), c.ui.mm(3)), r.Min + ImVec2(c.ui.mm(3) + img, c.ui.mm(3) + img)));
        const float tx = r.Min.x + img + c.ui.mm(8);
        const float text_w = w * 0.45f;
        ImFont* b = c.ui.fonts.body_bold;
        text_at(dl, b, ImVec2(tx, r.Min.y + c.ui.mm(4)), c.ui.theme.text, c.text(l.name), text_w);
        std::string opts = l.brand;
        for (const auto& [k, v] : l.options) {
            auto lab = l.option_labels.find(k);
            opts += " \xC2\xB7 " + (lab != l.option_labels.end() ? c.text(lab->second) : v);
        }
        text_at(dl, c.ui.fonts.body, ImVec2(tx, r.Min.y + c.ui.mm(5) + b->FontSize), c.ui.theme.text_muted, opts, text_w);
        text_at(dl, c.ui.fonts.body, ImVec2(tx, r.Min.y + c.ui.mm(6) + b->FontSize * 2.2f), c.ui.theme.text,
                c.f("cart.unit_price", {{"price", c.money(l.unit_price.amount)}}), text_w);
        // Quantity, line total, remove.
        const std::string base = "cart.line." + std::to_string(i);
        const float tap = c.ui.min_tap();
        ImGui::SetCursorScreenPos(ImVec2(r.Min.x + w * 0.58f, r.GetCenter().y - tap / 2));
        if (render::icon_button(c.ui, (base + ".minus").c_str(), render::Icon::Minus, c.t("cart.less")))
            c.emit(act::SetQuantity{static_cast<int>(i), l.quantity - 1});
        ImGui::SameLine(0, c.ui.mm(3));
        ImGui::PushFont(c.ui.fonts.title);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (tap - c.ui.fonts.title->FontSize) / 2);
        ImGui::Text("%lld", static_cast<long long>(l.quantity));
        ImGui::PopFont();
        ImGui::SameLine(0, c.ui.mm(3));
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, r.GetCenter().y - tap / 2));
        if (render::icon_button(c.ui, (base + ".plus").c_str(), render::Icon::Plus, c.t("cart.more")))
            c.emit(act::SetQuantity{static_cast<int>(i), l.quantity + 1});
        const std::string total = c.money(l.unit_price.amount * l.quantity);
        // The line as speech reads it (and scripts find it): name, options, quantity, total.
        say_at(c, c.f("cart.line_said", {{"name", c.text(l.name)}, {"options", opts}, {"quantity", std::to_string(l.quantity)}, {"total", total}}),
               ImRect(ImVec2(tx, r.Min.y), ImVec2(tx + text_w, r.Max.y)));
        text_at(dl, c.ui.fonts.price, ImVec2(r.Min.x + w * 0.76f, r.GetCenter().y - c.ui.fonts.price->FontSize / 2),
                c.ui.theme.price, total);
        ImGui::SetCursorScreenPos(ImVec2(r.Max.x - tap - c.ui.mm(3), r.GetCenter().y - tap / 2));
        if (render::icon_button(c.ui, (base + ".remove").c_str(), render::Icon::Close, c.t("cart.remove"),
                                render::ButtonKind::Ghost))
            c.emit(act::RemoveLine{static_cast<int>(i)});
        ImGui::SetCursorScreenPos(ImVec2(min.x, r.Max.y + c.ui.mm(3)));
    }
    ImGui::Dummy(ImVec2(1, 1));
    render::end_scroll_area(c.ui, c.scratch.cart);

    // Footer: total and checkout.
    const ImRect f(ImVec2(area.Min.x, area.Max.y - footer), area.Max);
    dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(f.Min, f.Max, c.ui.theme.surface);
    dl->AddLine(f.Min, ImVec2(f.Max.x, f.Min.y), c.ui.theme.border);
    ImFont* tf = c.ui.fonts.title;
    const std::string total = c.f("cart.total", {{"total", c.money(cart_total(c.state.cart))}});
    dl->AddText(tf, tf->FontSize, ImVec2(f.Min.x + pad, f.GetCenter().y - tf->FontSize / 2), c.ui.theme.text, total.c_str());
    say_at(c, total, ImRect(ImVec2(f.Min.x + pad, f.GetCenter().y - tf->FontSize / 2),
                            ImVec2(f.Min.x + pad + text_width(tf, total), f.GetCenter().y + tf->FontSize / 2)));
    render::ButtonOptions go;
    go.size = ImVec2(std::min(c.ui.mm(110), f.GetWidth() * 0.45f), c.ui.min_tap() + c.ui.mm(4));
    go.icon = render::Icon::ChevronRight;
    ImGui::SetCursorScreenPos(ImVec2(f.Max.x - pad - go.size.x, f.GetCenter().y - go.size.y / 2));
    if (render::button(c.ui, "cart.checkout", c.t("cart.checkout"), go)) c.emit(act::StartCheckout{});
}

}  // namespace kiosk
