#include "render/theme.hpp"

namespace render {

ImU32 mix(ImU32 x, ImU32 y, float a) {
    const ImVec4 p = ImGui::ColorConvertU32ToFloat4(x), q = ImGui::ColorConvertU32ToFloat4(y);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(p.x + (q.x - p.x) * a, p.y + (q.y - p.y) * a,
                                                 p.z + (q.z - p.z) * a, p.w + (q.w - p.w) * a));
}

void apply_theme(const Theme& t, const Metrics& m, ImGuiStyle& s) {
    s = ImGuiStyle();
    ImGui::StyleColorsLight(&s);
    const auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
    s.Colors[ImGuiCol_WindowBg] = c(t.background);
    s.Colors[ImGuiCol_ChildBg] = c(IM_COL32(0, 0, 0, 0));
    s.Colors[ImGuiCol_PopupBg] = c(t.surface);
    s.Colors[ImGuiCol_Text] = c(t.text);
    s.Colors[ImGuiCol_TextDisabled] = c(t.text_muted);
    s.Colors[ImGuiCol_Border] = c(t.border);
    s.Colors[ImGuiCol_Button] = c(t.secondary);
    s.Colors[ImGuiCol_ButtonHovered] = c(t.secondary);  // touch: no hover look
    s.Colors[ImGuiCol_ButtonActive] = c(t.secondary_pressed);
    s.Colors[ImGuiCol_FrameBg] = c(t.surface);
    s.Colors[ImGuiCol_ModalWindowDimBg] = c(t.scrim);
    s.WindowPadding = ImVec2(m.mm(t.spacing_mm), m.mm(t.spacing_mm));
    s.FramePadding = ImVec2(m.mm(3.0f), m.mm(2.0f));
    s.ItemSpacing = ImVec2(m.mm(t.spacing_mm), m.mm(t.spacing_mm));
    s.ItemInnerSpacing = ImVec2(m.mm(2.0f), m.mm(2.0f));
    s.WindowRounding = 0.0f;
    s.ChildRounding = s.FrameRounding = s.PopupRounding = m.mm(t.radius_mm);
    s.GrabRounding = s.ScrollbarRounding = m.mm(t.radius_mm);
    s.ScrollbarSize = m.mm(1.5f);
    s.WindowBorderSize = 0.0f;
    s.ChildBorderSize = 0.0f;
    s.FrameBorderSize = 0.0f;
    s.PopupBorderSize = 0.0f;
    s.AntiAliasedLines = s.AntiAliasedFill = true;
}

}  // namespace render
