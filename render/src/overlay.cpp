#include "render/overlay.hpp"

#include <algorithm>
#include <string>

#include "render/icons.hpp"

namespace render {

bool begin_modal(Ui& ui, const char* id, const char* title, bool* dismissed,
                 const ModalOptions& opt) {
    ImGuiIO& io = ImGui::GetIO();
    ui.push_layer();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRectFullScreen();
    dl->AddRectFilled(ImVec2(0, 0), io.DisplaySize, ui.theme.scrim);
    dl->PopClipRect();

    const float margin = ui.mm(8.0f);
    const float w = std::min(ui.mm(opt.width_mm), io.DisplaySize.x - margin * 2.0f);
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID hid = ImGui::GetID("##modal_h");
    float h = opt.height_mm > 0 ? ui.mm(opt.height_mm) : st->GetFloat(hid, ui.mm(60.0f));
    h = std::min(h, io.DisplaySize.y - margin * 2.0f);
    const ImVec2 pos((io.DisplaySize.x - w) * 0.5f, (io.DisplaySize.y - h) * 0.5f);
    const ImRect card(pos, ImVec2(pos.x + w, pos.y + h));

    if (dismissed) {
        *dismissed = false;
        if (opt.dismiss_on_scrim && !ui.input_blocked()) {
            for (const Gesture& g : ui.gestures())
                if (g.type == GestureType::Tap && !card.Contains(g.start)) *dismissed = true;
        }
    }
    dl->AddRectFilled(card.Min, card.Max, ui.theme.surface, ui.mm(3.0f));
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.mm(6.0f), ui.mm(5.0f)));
    ImGui::BeginChild("##card", ImVec2(w, h), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    if (title && title[0]) {
        ImGui::PushFont(ui.fonts.title);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(title);
        ui.add_element(std::string(id) + ".title", title, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), false);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::Spacing();
    }
    return true;
}

void end_modal(Ui& ui) {
    // Remember the content height so the card fits it from the next frame on.
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const float content = w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y + w->WindowPadding.y * 2;
    ImGui::EndChild();
    ImGui::GetStateStorage()->SetFloat(ImGui::GetID("##modal_h"), content);
    ImGui::End();
    ui.pop_layer();
}

void Toasts::push(std::string text, ToastKind kind, double now, double seconds) {
    items_.push_back({std::move(text), kind, now, seconds});
    while (items_.size() > 3) items_.pop_front();
}

void Toasts::draw(Ui& ui) {
    const double now = ui.now();
    while (!items_.empty() && now > items_.front().start + items_.front().seconds)
        items_.pop_front();
    if (items_.empty()) return;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImFont* f = ui.fonts.body;
    const float fade = 0.25f;
    float y = display.y - ui.mm(12.0f);
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
        const double age = now - it->start, left = it->start + it->seconds - now;
        float a = 1.0f;
        if (age < fade) a = static_cast<float>(age / fade);
        if (left < fade) a = std::min(a, static_cast<float>(left / fade));
        a = std::clamp(a, 0.0f, 1.0f);
        if (a < 1.0f) ui.request_frame();
        ui.wake_at(it->start + it->seconds - fade);
        const float wrap = std::min(display.x - ui.mm(20.0f), ui.mm(160.0f));
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, it->text.c_str());
        const float icon = f->FontSize;
        const ImVec2 size(ts.x + icon + ui.mm(12.0f), ts.y + ui.mm(6.0f));
        const ImVec2 pos((display.x - size.x) * 0.5f, y - size.y);
        const ImU32 bg = IM_COL32(32, 32, 36, static_cast<int>(235 * a));
        const ImU32 fg = IM_COL32(255, 255, 255, static_cast<int>(255 * a));
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), bg, size.y * 0.3f);
        const ImU32 accent = it->kind == ToastKind::Error     ? ui.theme.danger
                             : it->kind == ToastKind::Success ? IM_COL32(80, 200, 120, 255)
                                                              : IM_COL32(120, 180, 255, 255);
        const ImVec4 ac = ImGui::ColorConvertU32ToFloat4(accent);
        const ImU32 acol = ImGui::ColorConvertFloat4ToU32(ImVec4(ac.x, ac.y, ac.z, a));
        const Icon ic = it->kind == ToastKind::Error     ? Icon::Close
                        : it->kind == ToastKind::Success ? Icon::Check
                                                         : Icon::ChevronRight;
        draw_icon(dl, ic, ImVec2(pos.x + ui.mm(4.0f) + icon * 0.5f, pos.y + size.y * 0.5f), icon,
                  acol);
        dl->AddText(f, f->FontSize, ImVec2(pos.x + ui.mm(8.0f) + icon, pos.y + ui.mm(3.0f)), fg,
                    it->text.c_str(), nullptr, wrap);
        y = pos.y - ui.mm(2.0f);
    }
}

}  // namespace render
