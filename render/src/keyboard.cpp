#include "render/keyboard.hpp"

#include <algorithm>
#include <string>

#include "render/icons.hpp"

namespace render {
namespace {

constexpr double kRepeatDelay = 0.45, kRepeatEvery = 0.07;

float key_height(const Ui& ui) {
    return std::max(ui.min_tap(), ui.mm(13.0f));
}
float key_gap(const Ui& ui) {
    return ui.mm(1.6f);
}

void insert(KeyboardState& st, std::string& text, const std::string& s, KeyboardResult& res) {
    if (text.size() + s.size() > st.max_length) return;
    text += s;
    res.changed = true;
    if (st.shift && !st.caps) st.shift = false;
}

Icon key_icon(KeyKind k) {
    switch (k) {
        case KeyKind::Shift:
            return Icon::Shift;
        case KeyKind::Backspace:
            return Icon::Backspace;
        case KeyKind::Enter:
            return Icon::Enter;
        default:
            return Icon::None;
    }
}

}  // namespace

float keyboard_height(const Ui& ui, KeyboardLayout layout) {
    const float rows = static_cast<float>(keyboard_rows(layout).size());
    return rows * key_height(ui) + (rows + 1.0f) * key_gap(ui);
}

KeyboardResult on_screen_keyboard(Ui& ui, const char* id, KeyboardState& st, std::string& text,
                                  float width) {
    KeyboardResult res;
    const std::vector<KeyRow>& rows = keyboard_rows(st.layout);
    const float kh = key_height(ui), gap = key_gap(ui);
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const float height = keyboard_height(ui, st.layout);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::ItemSize(ImVec2(width, height));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Theme& t = ui.theme;
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                      mix(t.background, t.border, 0.5f), ui.mm(2.0f));

    // Key unit: the widest row fills the width; the numeric pad stays compact and centred.
    float max_units = 0.0f;
    for (const KeyRow& row : rows) {
        float u = 0.0f;
        for (const Key& k : row) u += k.width;
        max_units = std::max(max_units, u);
    }
    float unit = (width - gap * (max_units + 1.0f)) / max_units;
    // Keys no wider than a comfortable finger reach: a landscape panel keeps the keyboard
    // centred instead of spreading it across half a metre.
    unit = std::min(unit, ui.mm(st.layout == KeyboardLayout::Numeric ? 30.0f : 22.0f));
    const bool upper = st.shift || st.caps;
    const FrameInput& in = ui.input();
    const bool blocked = ui.input_blocked() || st.accents_open;
    const std::string prefix = std::string(id) + ".key.";

    float y = origin.y + gap;
    for (const KeyRow& row : rows) {
        float units = 0.0f;
        for (const Key& k : row) units += k.width;
        const float row_w = units * unit + (units - 1.0f) * gap;
        float x = origin.x + (width - row_w) * 0.5f;
        for (const Key& k : row) {
            const float kw = k.width * unit + (k.width - 1.0f) * gap;
            const ImRect r(ImVec2(x, y), ImVec2(x + kw, y + kh));
            x += kw + gap;
            const std::string kid = prefix + k.id;
            const std::string label =
                k.kind == KeyKind::Char && upper ? utf8_upper(k.text) : k.text;
            ui.add_element(kid, label, r);
            ui.registry.last()->role = Role::Key;
            const bool held = in.pressed && !blocked && r.Contains(in.press_pos) &&
                              r.Contains(in.pointer_pos) && !ui.drag().active;

            // Input.
            if (!blocked) {
                if (k.kind == KeyKind::Backspace) {
                    if (in.pressed && r.Contains(in.press_pos)) {
                        if (st.backspace_press != in.press_seq) {
                            st.backspace_press = in.press_seq;
                            st.backspace_next = ui.now() + kRepeatDelay;
                            utf8_pop_back(text);
                            res.changed = true;
                        } else if (ui.now() >= st.backspace_next) {
                            st.backspace_next = ui.now() + kRepeatEvery;
                            utf8_pop_back(text);
                            res.changed = true;
                        }
                        ui.wake_at(st.backspace_next);
                    } else if (st.backspace_press != in.press_seq && ui.gesture_in(GestureType::Tap, r)) {
                        // A tap shorter than a frame (down and up seen together) still deletes once.
                        st.backspace_press = in.press_seq;
                        utf8_pop_back(text);
                        res.changed = true;
                    }
                } else if (ui.gesture_in(GestureType::Tap, r)) {
                    switch (k.kind) {
                        case KeyKind::Char:
                            insert(st, text, label, res);
                            break;
                        case KeyKind::Space:
                            insert(st, text, " ", res);
                            break;
                        case KeyKind::Enter:
                            res.enter = true;
                            break;
                        case KeyKind::Shift:
                            if (st.caps) {
                                st.caps = st.shift = false;
                            } else if (st.shift && ui.now() - st.last_shift_tap < 0.4) {
                                st.caps = true;
                            } else {
                                st.shift = !st.shift;
                            }
                            st.last_shift_tap = ui.now();
                            break;
                        case KeyKind::ToNumeric:
                            st.layout = KeyboardLayout::Numeric;
                            break;
                        case KeyKind::ToLetters:
                            st.layout = st.letters;
                            break;
                        case KeyKind::Backspace:
                            break;
                    }
                } else if (k.kind == KeyKind::Char && ui.gesture_in(GestureType::LongPress, r)) {
                    st.accents = accents_for(k.text, upper);
                    st.accents_open = !st.accents.empty();
                    st.accent_anchor = r;
                }
            }

            // Drawing.
            const bool special = k.kind != KeyKind::Char && k.kind != KeyKind::Space;
            ImU32 bg = special ? t.secondary : t.surface;
            if (k.kind == KeyKind::Enter) bg = t.primary;
            if (k.kind == KeyKind::Shift && (st.shift || st.caps)) bg = t.primary;
            if (held) bg = k.kind == KeyKind::Enter ? t.primary_pressed : t.secondary_pressed;
            dl->AddRectFilled(ImVec2(r.Min.x, r.Min.y + 1.5f), ImVec2(r.Max.x, r.Max.y + 1.5f),
                              IM_COL32(0, 0, 0, 30), ui.mm(1.2f));
            dl->AddRectFilled(r.Min, r.Max, bg, ui.mm(1.2f));
            const bool on_primary =
                k.kind == KeyKind::Enter || (k.kind == KeyKind::Shift && (st.shift || st.caps));
            const ImU32 fg = on_primary ? t.on_primary : t.text;
            const Icon icon = key_icon(k.kind);
            if (icon != Icon::None) {
                draw_icon(dl, icon, r.GetCenter(), kh * 0.42f, fg);
                if (k.kind == KeyKind::Shift && st.caps)
                    dl->AddLine(ImVec2(r.GetCenter().x - kh * 0.15f, r.Max.y - kh * 0.16f),
                                ImVec2(r.GetCenter().x + kh * 0.15f, r.Max.y - kh * 0.16f), fg,
                                ui.mm(0.5f));
            } else if (k.kind != KeyKind::Space) {
                ImFont* f = ui.fonts.key;
                const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str());
                dl->AddText(f, f->FontSize,
                            ImVec2(r.GetCenter().x - ts.x * 0.5f, r.GetCenter().y - ts.y * 0.5f),
                            fg, label.c_str());
                if (k.kind == KeyKind::Char && !accents_for(k.text, false).empty())
                    dl->AddCircleFilled(ImVec2(r.Max.x - ui.mm(1.8f), r.Min.y + ui.mm(1.8f)),
                                        ui.mm(0.45f), t.text_muted);
            }
        }
        y += kh + gap;
    }

    // Accent popup above the long-pressed key, on the foreground so nothing covers it.
    if (st.accents_open) {
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        const float aw = std::max(ui.min_tap(), st.accent_anchor.GetWidth());
        const float total = aw * static_cast<float>(st.accents.size());
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        float x0 =
            std::clamp(st.accent_anchor.GetCenter().x - total * 0.5f, gap, display.x - total - gap);
        const float y0 = st.accent_anchor.Min.y - kh - gap * 2.0f;
        fg->AddRectFilled(ImVec2(x0 - gap, y0 - gap), ImVec2(x0 + total + gap, y0 + kh + gap),
                          t.surface, ui.mm(1.5f));
        fg->AddRect(ImVec2(x0 - gap, y0 - gap), ImVec2(x0 + total + gap, y0 + kh + gap), t.border,
                    ui.mm(1.5f));
        ui.push_layer();
        std::string chosen;
        bool close = false;
        for (size_t i = 0; i < st.accents.size(); ++i) {
            const ImRect r(ImVec2(x0 + aw * static_cast<float>(i), y0),
                           ImVec2(x0 + aw * static_cast<float>(i + 1), y0 + kh));
            ui.add_element(prefix + "accent." + std::to_string(i), st.accents[i], r);
            const bool over = in.pressed && r.Contains(in.pointer_pos);
            if (over) fg->AddRectFilled(r.Min, r.Max, t.primary, ui.mm(1.2f));
            ImFont* f = ui.fonts.key;
            const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, st.accents[i].c_str());
            fg->AddText(f, f->FontSize,
                        ImVec2(r.GetCenter().x - ts.x * 0.5f, r.GetCenter().y - ts.y * 0.5f),
                        over ? t.on_primary : t.text, st.accents[i].c_str());
            for (const Gesture& g : ui.gestures()) {
                const bool lift = g.type == GestureType::LongPressEnd && r.Contains(g.pos);
                const bool tap = g.type == GestureType::Tap && r.Contains(g.start);
                if (lift || tap) chosen = st.accents[i];
            }
        }
        ui.pop_layer();
        for (const Gesture& g : ui.gestures())
            if (g.type == GestureType::LongPressEnd || g.type == GestureType::Tap) close = true;
        if (!chosen.empty()) insert(st, text, chosen, res);
        if (close || !chosen.empty()) st.accents_open = false;
    }
    return res;
}

}  // namespace render
