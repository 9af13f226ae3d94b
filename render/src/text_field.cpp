#include "render/text_field.hpp"

#include <algorithm>
#include <string>

#include "render/widgets.hpp"

namespace render {

bool text_field(Ui& ui, const char* id, std::string_view text, const char* hint,
                const TextFieldOptions& opt) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = opt.width > 0 ? opt.width : ImGui::GetContentRegionAvail().x;
    const float h = std::max(ui.min_tap(), ui.mm(14.0f));
    const ImRect r(pos, ImVec2(pos.x + w, pos.y + h));
    ImGui::ItemSize(ImVec2(w, h));
    const Pressable p = pressable(ui, id, hint, r);
    if (Element* e = ui.registry.last()) {
        e->role = Role::Field;
        if (!opt.password) e->detail.assign(text.data(), text.size());
    }
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float radius = ui.mm(2.0f);
    dl->AddRectFilled(r.Min, r.Max, t.surface, radius);
    dl->AddRect(r.Min, r.Max, opt.focused ? t.primary : t.border, radius, 0,
                opt.focused ? ui.mm(0.5f) : ui.mm(0.3f));

    ImFont* f = ui.fonts.key;
    const float pad = ui.mm(4.0f);
    const float ty = r.Min.y + (h - f->FontSize) * 0.5f;
    std::string shown;
    if (opt.password) {
        for (size_t i = 0; i < text.size(); ++i)
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) shown += "\xE2\x80\xA2";
    } else {
        shown.assign(text.data(), text.size());
    }
    const float inner = w - pad * 2.0f;
    const float tw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, shown.c_str()).x;
    // Keep the end (where typing happens) in view.
    const float shift = std::max(0.0f, tw + ui.mm(1.0f) - inner);
    dl->PushClipRect(ImVec2(r.Min.x + pad * 0.5f, r.Min.y), ImVec2(r.Max.x - pad * 0.5f, r.Max.y),
                     true);
    if (shown.empty()) {
        dl->AddText(f, f->FontSize, ImVec2(r.Min.x + pad, ty), t.text_muted, hint);
    } else {
        dl->AddText(f, f->FontSize, ImVec2(r.Min.x + pad - shift, ty), t.text, shown.c_str());
    }
    if (opt.focused) {
        const float cx = r.Min.x + pad - shift + (shown.empty() ? 0.0f : tw) + 1.0f;
        dl->AddLine(ImVec2(cx, ty), ImVec2(cx, ty + f->FontSize), t.primary, ui.mm(0.4f));
    }
    dl->PopClipRect();
    return p.clicked;
}

}  // namespace render
