// "Continue on my phone": a QR code over the product sheet (the retailer's web page of that
// product and variant, from [handoff] product_url) or over the cart (a link the API makes from
// the lines, POST /v1/handoffs). Nothing personal is in either link.
#include "catalog_client/text_fold.hpp"
#include "kiosk/reducer.hpp"
#include "kiosk/screens/screens.hpp"

#include "render/codes.hpp"
#include "render/overlay.hpp"
#include "render/widgets.hpp"

namespace kiosk {

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

std::string product_handoff_url(const std::string& url_template, const cc::Product& p, const cc::Variant* v) {
    std::string url = url_template;
    replace_all(url, "{ref}", cc::url_encode(p.ref));
    replace_all(url, "{id}", cc::url_encode(p.id));
    replace_all(url, "{sku}", v ? cc::url_encode(v->sku) : std::string());
    return url;
}

void handoff_panel(Ctx& c) {
    using What = AppState::Handoff::What;
    const AppState::Handoff& h = c.state.handoff;
    std::string url;
    if (h.what == What::Product && c.state.product.product)
        url = product_handoff_url(c.handoff_product_url, *c.state.product.product, chosen_variant(c.state.product));
    else if (h.what == What::Cart)
        url = h.url;
    bool dismissed = false;
    render::ModalOptions opt;
    opt.width_mm = 150;
    opt.dismiss_on_scrim = true;
    if (render::begin_modal(c.ui, "handoff", c.t("handoff.title"), &dismissed, opt)) {
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::PushTextWrapPos(0);
        std::string status;
        if (h.loading) status = c.t("handoff.loading");
        else if (h.failed || url.empty()) status = c.t("handoff.failed");
        else status = c.t(h.what == What::Cart ? "handoff.cart_hint" : "handoff.product_hint");
        ImGui::TextUnformatted(status.c_str());
        c.ui.add_element("handoff.status", status, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
        say(c, status);
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (!h.loading && !url.empty())
            if (auto qr = render::encode_qr(url)) {
                const float side = std::min(w, c.ui.mm(70));
                const ImVec2 at(ImGui::GetCursorScreenPos().x + (w - side) / 2, ImGui::GetCursorScreenPos().y);
                ImDrawList* dl = ImGui::GetWindowDrawList();
                dl->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32_WHITE);
                render::draw_qr(dl, *qr, at, side);
                c.ui.add_element("handoff.qr", url, ImRect(at, ImVec2(at.x + side, at.y + side)), false);
                ImGui::Dummy(ImVec2(w, side));
                ImGui::Spacing();
            }
        if (h.loading) c.ui.wake_at(c.ui.now() + 0.25);
        render::ButtonOptions close;
        close.kind = render::ButtonKind::Ghost;
        close.size = ImVec2(w, 0);
        if (render::button(c.ui, "handoff.close", c.t("common.close"), close)) c.emit(act::CloseHandoff{});
        render::end_modal(c.ui);
    }
    if (dismissed) c.emit(act::CloseHandoff{});
}

}  // namespace kiosk
