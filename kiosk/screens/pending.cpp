// The order still being confirmed after its shopper's session was wiped (idle): a neutral panel,
// nothing personal on it, where the order's number appears once the server confirms it.
#include <algorithm>

#include "kiosk/reducer.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

void draw_order_pending(Ctx& c, const ImRect& area) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const render::Theme& th = c.ui.theme;
    dl->AddRectFilled(area.Min, area.Max, th.surface);
    const OrderAfterWipe none;
    const OrderAfterWipe& o = c.state.order_after_wipe ? *c.state.order_after_wipe : none;
    const float w = std::min(area.GetWidth() - c.ui.mm(20), c.ui.mm(260));
    const float x = area.GetCenter().x - w / 2;
    text_at(dl, c.ui.fonts.title, ImVec2(x, area.Min.y + c.ui.mm(20)), th.primary, c.retailer_name);
    ImGui::SetCursorScreenPos(ImVec2(x, area.Min.y + area.GetHeight() * 0.28f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(x + w);
    const char* title = o.phase == OrderAfterWipe::Phase::Confirmed ? "pending.confirmed"
                        : o.phase == OrderAfterWipe::Phase::Failed  ? "pending.failed"
                                                                     : "pending.title";
    ImGui::PushFont(c.ui.fonts.title);
    ImGui::TextUnformatted(c.t(title));
    ImGui::PopFont();
    say(c, c.t(title));
    ImGui::Dummy(ImVec2(1, c.ui.mm(4)));
    if (o.phase == OrderAfterWipe::Phase::Confirmed) {
        ImGui::TextUnformatted(c.t("confirmation.number_label"));
        ImGui::PushFont(c.ui.fonts.title);
        ImGui::PushStyleColor(ImGuiCol_Text, th.primary);
        ImGui::SetWindowFontScale(1.6f);
        ImGui::TextUnformatted(o.number.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        say(c, c.f("pending.number", {{"number", o.number}}));
        ImGui::Dummy(ImVec2(1, c.ui.mm(2)));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.text_muted), "%s", c.t("pending.confirmed_body"));
    } else if (o.phase == OrderAfterWipe::Phase::Failed) {
        ImGui::TextUnformatted(c.t("pending.failed_body"));
        say(c, c.t("pending.failed_body"));
    } else {
        ImGui::TextUnformatted(c.t("pending.body"));
        say(c, c.t("pending.body"));
        c.ui.wake_at(c.ui.now() + 0.5);
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, c.ui.mm(10)));
    render::ButtonOptions start;
    start.size = ImVec2(std::min(w, c.ui.mm(120)), c.ui.mm(24));
    start.font = c.ui.fonts.title;
    start.enabled = c.state.replica_ready;
    if (render::button(c.ui, "pending.start", c.t("attract.start"), start)) c.emit(act::Start{});
    ImGui::EndGroup();
}

}  // namespace kiosk
