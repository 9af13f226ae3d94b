#include "render/widgets.hpp"

#include <algorithm>
#include <cstdio>

namespace render {
namespace {

struct Colours {
    ImU32 bg, bg_pressed, fg;
};

Colours colours(const Theme& t, ButtonKind k) {
    switch (k) {
        case ButtonKind::Primary:
            return {t.primary, t.primary_pressed, t.on_primary};
        case ButtonKind::Secondary:
            return {t.secondary, t.secondary_pressed, t.text};
        case ButtonKind::Danger:
            return {t.danger, mix(t.danger, IM_COL32_BLACK, 0.25f), t.on_primary};
        case ButtonKind::Ghost:
            return {IM_COL32(0, 0, 0, 0), t.secondary_pressed, t.primary};
    }
    return {t.secondary, t.secondary_pressed, t.text};
}

}  // namespace

Pressable pressable(Ui& ui, const char* id, const char* label, const ImRect& r, bool enabled) {
    Pressable p;
    const ImGuiID gid = ImGui::GetID(id);
    const bool visible = ImGui::ItemAdd(r, gid);
    ui.add_element(id, label ? label : "", r, true, enabled);
    if (!visible || !enabled) return p;
    p.clicked = ImGui::ButtonBehavior(r, gid, &p.hovered, &p.held);
    return p;
}

Pressable backdrop(Ui& ui, const char* id, const char* label, const ImRect& r, bool enabled) {
    const Pressable p = pressable(ui, id, label, r, enabled);
    if (Element* e = ui.registry.last()) e->backdrop = true;
    return p;
}

bool hold_area(Ui& ui, const char* id, const char* label, const ImRect& r, double seconds) {
    const Pressable p = pressable(ui, id, label, r);
    ImGuiStorage* store = ImGui::GetStateStorage();
    const ImGuiID gid = ImGui::GetID(id);
    float* since = store->GetFloatRef(gid + 1, -1.0f);  // UI clock when the press began (-1: none)
    bool* fired = store->GetBoolRef(gid + 2, false);
    if (!p.held) {
        *since = -1.0f;
        *fired = false;
        return false;
    }
    const double now = ui.now();
    if (*since < 0) *since = static_cast<float>(now);
    if (*fired) return false;
    if (now - *since >= seconds) {
        *fired = true;
        return true;
    }
    ui.wake_at(*since + seconds);
    return false;
}

bool button(Ui& ui, const char* id, const char* label, const ButtonOptions& opt) {
    ImFont* font = opt.font ? opt.font : ui.fonts.body_bold;
    const float h = std::max(ui.min_tap(), ui.mm(ui.theme.button_height_mm));
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label);
    const float icon_sz = opt.icon != Icon::None ? h * 0.42f : 0.0f;
    const float gap = opt.icon != Icon::None && label[0] ? ui.mm(2.5f) : 0.0f;
    float w = ts.x + icon_sz + gap + ui.mm(12.0f);
    if (opt.size.x > 0) w = opt.size.x;
    if (opt.size.x < 0) w = ImGui::GetContentRegionAvail().x;
    const ImVec2 size(std::max(w, h), opt.size.y > 0 ? opt.size.y : h);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect r(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size);
    const Pressable p = pressable(ui, id, label, r, opt.enabled);
    if (Element* e = ui.registry.last(); e && opt.toggle) {
        e->role = Role::Toggle;
        e->selected = opt.selected;
    }
    const float content_w = ts.x + icon_sz + gap;
    if (Element* e = ui.registry.last(); e && content_w > size.x - ui.mm(2.0f)) e->overflow = true;

    const Colours c = colours(ui.theme, opt.kind);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = p.held && p.hovered ? c.bg_pressed : c.bg;
    ImU32 fg = c.fg;
    if (!opt.enabled) {
        bg = opt.kind == ButtonKind::Ghost ? bg : mix(bg, ui.theme.background, 0.6f);
        fg = mix(fg, ui.theme.background, 0.45f);
    }
    const float radius = ui.mm(ui.theme.radius_mm);
    dl->AddRectFilled(r.Min, r.Max, bg, radius);
    if (opt.kind == ButtonKind::Ghost)
        dl->AddRect(r.Min, r.Max, mix(ui.theme.border, fg, 0.2f), radius, 0, ui.mm(0.3f));
    float x = r.Min.x + (size.x - content_w) * 0.5f;
    const float cy = r.Min.y + size.y * 0.5f;
    if (opt.icon != Icon::None) {
        draw_icon(dl, opt.icon, ImVec2(x + icon_sz * 0.5f, cy), icon_sz, fg);
        x += icon_sz + gap;
    }
    dl->AddText(font, font->FontSize, ImVec2(x, cy - ts.y * 0.5f), fg, label);
    return p.clicked;
}

bool icon_button(Ui& ui, const char* id, Icon icon, const char* label, ButtonKind kind) {
    const float h = std::max(ui.min_tap(), ui.mm(ui.theme.button_height_mm));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect r(pos, ImVec2(pos.x + h, pos.y + h));
    ImGui::ItemSize(ImVec2(h, h));
    const Pressable p = pressable(ui, id, label, r);
    const Colours c = colours(ui.theme, kind);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(r.Min, r.Max, p.held && p.hovered ? c.bg_pressed : c.bg,
                      ui.mm(ui.theme.radius_mm));
    draw_icon(dl, icon, r.GetCenter(), h * 0.5f, c.fg);
    return p.clicked;
}

bool chip(Ui& ui, const char* id, const char* label, bool selected, bool enabled) {
    ImFont* font = ui.fonts.body;
    const float h = std::max(ui.min_tap(), ui.mm(11.0f));
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label);
    const ImVec2 size(std::max(h, ts.x + ui.mm(8.0f)), h);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect r(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size);
    const Pressable p = pressable(ui, id, label, r, enabled);
    if (Element* e = ui.registry.last()) {
        e->role = Role::Toggle;
        e->selected = selected;
    }
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = selected ? t.primary : t.surface;
    ImU32 fg = selected ? t.on_primary : t.text;
    if (p.held && p.hovered) bg = selected ? t.primary_pressed : t.secondary_pressed;
    if (!enabled) {
        bg = t.background;
        fg = t.text_muted;
    }
    dl->AddRectFilled(r.Min, r.Max, bg, h * 0.5f);
    if (!selected) dl->AddRect(r.Min, r.Max, t.border, h * 0.5f, 0, ui.mm(0.35f));
    dl->AddText(font, font->FontSize,
                ImVec2(r.Min.x + (size.x - ts.x) * 0.5f, r.Min.y + (h - ts.y) * 0.5f), fg, label);
    if (!enabled)  // crossed out: the size exists but is sold out
        dl->AddLine(ImVec2(r.Min.x + h * 0.3f, r.Max.y - h * 0.3f),
                    ImVec2(r.Max.x - h * 0.3f, r.Min.y + h * 0.3f), t.border, ui.mm(0.35f));
    return p.clicked;
}

ImVec2 badge_size(Ui& ui, const char* text) {
    ImFont* f = ui.fonts.small;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, text);
    return ImVec2(ts.x + ui.mm(3.0f), ts.y + ui.mm(1.2f));
}

void draw_badge(Ui& ui, ImDrawList* dl, ImVec2 pos, const char* text, ImU32 bg, ImU32 fg) {
    ImFont* f = ui.fonts.small;
    const ImVec2 sz = badge_size(ui, text);
    dl->AddRectFilled(pos, ImVec2(pos.x + sz.x, pos.y + sz.y), bg, sz.y * 0.5f);
    dl->AddText(f, f->FontSize, ImVec2(pos.x + ui.mm(1.5f), pos.y + ui.mm(0.6f)), fg, text);
}

void badge(Ui& ui, const char* text, ImU32 background, ImU32 foreground) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 sz = badge_size(ui, text);
    ImGui::ItemSize(sz);
    ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + sz.x, pos.y + sz.y)), 0);
    draw_badge(ui, ImGui::GetWindowDrawList(), pos, text, background, foreground);
}

std::string format_price(std::int64_t cents, std::string_view symbol, PriceStyle style) {
    const bool neg = cents < 0;
    const std::uint64_t v =
        neg ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    const std::string digits = std::to_string(v / 100);
    const std::string thousands = style == PriceStyle::French ? "\xE2\x80\xAF" : ",";
    std::string units;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) units += thousands;
        units += digits[i];
    }
    char frac[4];
    std::snprintf(frac, sizeof frac, "%02u", static_cast<unsigned>(v % 100));
    std::string out = neg ? "-" : "";
    if (style == PriceStyle::French) {
        out += units + "," + frac + "\xC2\xA0";
        out.append(symbol.data(), symbol.size());
    } else {
        out.append(symbol.data(), symbol.size());
        out += units + "." + frac;
    }
    return out;
}

void price_text(Ui& ui, std::int64_t cents, const PriceOptions& opt) {
    ImFont* font = opt.font ? opt.font : ui.fonts.price;
    const bool sale = opt.old_cents > cents;
    const std::string now = format_price(cents, opt.symbol, opt.style);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, now.c_str());
    dl->AddText(font, font->FontSize, pos, sale ? ui.theme.price_sale : ui.theme.price,
                now.c_str());
    ImVec2 total = ts;
    if (sale) {
        const std::string old = format_price(opt.old_cents, opt.symbol, opt.style);
        ImFont* f = ui.fonts.body;
        const ImVec2 os = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, old.c_str());
        const ImVec2 op(pos.x + ts.x + ui.mm(2.0f), pos.y + ts.y - os.y - ui.mm(0.3f));
        dl->AddText(f, f->FontSize, op, ui.theme.text_muted, old.c_str());
        dl->AddLine(ImVec2(op.x, op.y + os.y * 0.55f), ImVec2(op.x + os.x, op.y + os.y * 0.55f),
                    ui.theme.text_muted, std::max(1.0f, ui.mm(0.25f)));
        total.x += ui.mm(2.0f) + os.x;
    }
    ImGui::ItemSize(total);
    ui.add_element("price", now, ImRect(pos, ImVec2(pos.x + total.x, pos.y + total.y)), false);
}

float text_block(ImDrawList* dl, ImFont* font, ImVec2 pos, float width, int max_lines, ImU32 col,
                 std::string_view text) {
    const char* s = text.data();
    const char* end = s + text.size();
    const float lh = font->FontSize;
    int line = 0;
    while (s < end && line < max_lines) {
        const char* brk = font->CalcWordWrapPositionA(1.0f, s, end, width);
        if (brk == s) brk = s + 1;  // at least one byte per line
        const ImVec2 p(pos.x, pos.y + lh * static_cast<float>(line));
        const bool last = line == max_lines - 1;
        if (last && brk < end) {
            // Cut the rest so that it fits with an ellipsis.
            const char* ell = "\xE2\x80\xA6";
            const float ew = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, ell).x;
            const char* cut = end;
            font->CalcTextSizeA(font->FontSize, std::max(0.0f, width - ew), 0.0f, s, end, &cut);
            if (cut > end) cut = end;
            while (cut > s && cut[-1] == ' ') --cut;
            dl->AddText(font, font->FontSize, p, col, s, cut);
            const float cw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s, cut).x;
            dl->AddText(font, font->FontSize, ImVec2(p.x + cw, p.y), col, ell);
        } else {
            dl->AddText(font, font->FontSize, p, col, s, brk);
        }
        s = brk;
        while (s < end && (*s == ' ' || *s == '\n')) ++s;
        ++line;
    }
    return lh * static_cast<float>(line);
}

}  // namespace render
