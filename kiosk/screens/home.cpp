// The attract loop (featured products, "touch to start") and the home screen (search, scan,
// top categories, new products).
#include <algorithm>
#include <cmath>

#include "kiosk/reducer.hpp"
#include "render/icons.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

namespace {

const std::vector<Tile>* featured(const AppState& s) {
    auto it = s.featured.pages.find(0);
    return it == s.featured.pages.end() || it->second.empty() ? nullptr : &it->second;
}

// Category card colours, one per top category, soft enough for dark text.
ImU32 card_colour(int i, bool contrast) {
    if (contrast) return IM_COL32(20, 20, 20, 255);
    static const ImU32 colours[] = {IM_COL32(232, 240, 250, 255), IM_COL32(250, 237, 228, 255),
                                    IM_COL32(230, 245, 236, 255), IM_COL32(246, 240, 226, 255),
                                    IM_COL32(243, 233, 246, 255), IM_COL32(228, 243, 246, 255),
                                    IM_COL32(238, 238, 238, 255)};
    return colours[i % 7];
}

}  // namespace

void draw_attract(Ctx& c, const ImRect& area) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const render::Theme& th = c.ui.theme;
    dl->AddRectFilled(area.Min, area.Max, th.surface);
    const float pad = c.ui.mm(10);
    const bool portrait = area.GetHeight() > area.GetWidth();
    // The featured product of the moment, changing every 5 seconds.
    const std::vector<Tile>* items = featured(c.state);
    const double t = c.ui.now();
    c.ui.wake_at(std::floor(t / 5.0) * 5.0 + 5.0);
    ImRect image_r = portrait ? ImRect(area.Min.x + pad, area.Min.y + pad * 3, area.Max.x - pad, area.Min.y + area.GetHeight() * 0.55f)
                              : ImRect(area.GetCenter().x, area.Min.y + pad, area.Max.x - pad, area.Max.y - pad);
    ImRect text_r = portrait ? ImRect(area.Min.x + pad, image_r.Max.y + pad, area.Max.x - pad, area.Max.y - pad)
                             : ImRect(area.Min.x + pad, area.Min.y + pad * 2, area.GetCenter().x - pad, area.Max.y - pad);
    const bool ready = c.state.replica_ready;
    if (items) {
        const Tile& tile = (*items)[static_cast<std::size_t>(t / 5.0) % std::min<std::size_t>(items->size(), 12)];
        // Touching the featured product starts a session on that product.
        if (render::pressable(c.ui, "attract.product", c.text(tile.name).c_str(), image_r, ready).clicked) {
            c.emit(act::Start{});
            c.emit(act::OpenProduct{tile.product_id, tile.sku});
        }
        dl->AddRectFilled(image_r.Min, image_r.Max, th.placeholder, c.ui.mm(3));
        product_image(c, tile.image, ImRect(image_r.Min + ImVec2(pad, pad), image_r.Max - ImVec2(pad, pad)));
        ImFont* f = c.ui.fonts.body_bold;
        const float y = image_r.Max.y - pad * 0.6f - f->FontSize;
        text_at(dl, f, ImVec2(image_r.Min.x + pad, y - c.ui.fonts.price->FontSize), th.text, c.text(tile.name),
                image_r.GetWidth() - 2 * pad);
        text_at(dl, c.ui.fonts.price, ImVec2(image_r.Min.x + pad, y), th.primary, c.money(tile.price));
    }
    ImFont* big = c.ui.fonts.title;
    float y = text_r.Min.y;
    text_at(dl, big, ImVec2(text_r.Min.x, y), th.primary, c.retailer_name);
    y += big->FontSize * 2.0f;
    ImGui::SetCursorScreenPos(ImVec2(text_r.Min.x, y));
    ImGui::PushFont(big);
    ImGui::PushTextWrapPos(text_r.Max.x);
    ImGui::TextUnformatted(c.t("attract.headline"));
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(text_r.Min.x, ImGui::GetCursorScreenPos().y + c.ui.mm(2)));
    ImGui::PushTextWrapPos(text_r.Max.x);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.text_muted), "%s", c.t("attract.body"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, c.ui.mm(8)));
    ImGui::SetCursorScreenPos(ImVec2(text_r.Min.x, ImGui::GetCursorScreenPos().y));
    render::ButtonOptions start;
    start.size = ImVec2(std::min(text_r.GetWidth(), c.ui.mm(120)), c.ui.mm(24));
    start.font = c.ui.fonts.title;
    start.enabled = ready;
    if (render::button(c.ui, "attract.start", ready ? c.t("attract.start") : c.t("attract.preparing"), start))
        c.emit(act::Start{});
    ImGui::Dummy(ImVec2(1, c.ui.mm(6)));
    ImGui::SetCursorScreenPos(ImVec2(text_r.Min.x, ImGui::GetCursorScreenPos().y));
    for (const std::string& lang : c.state.settings.languages) {
        const std::string id = "nav.language." + lang;
        const std::string label = c.i18n.tr(lang, "language.name");
        if (render::chip(c.ui, id.c_str(), label.c_str(), c.state.language == lang)) c.emit(act::SetLanguage{lang});
        ImGui::SameLine(0, c.ui.mm(2));
    }
    ImGui::NewLine();
    ImGui::Dummy(ImVec2(1, c.ui.mm(4)));
    ImGui::SetCursorScreenPos(ImVec2(text_r.Min.x, ImGui::GetCursorScreenPos().y));
    ImGui::PushTextWrapPos(text_r.Max.x);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(th.text_muted), "%s", c.t("attract.scan"));
    ImGui::PopTextWrapPos();
    // "Touch to start" means anywhere: a touch that no control above took starts, and so does
    // Enter on a keypad. Submitted last, so the controls keep their touches.
    if (render::backdrop(c.ui, "attract.touch", c.t("attract.start"), area, ready).clicked ||
        (ready && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)))
        c.emit(act::Start{});
}

void draw_home(Ctx& c, const ImRect& area) {
    const float pad = c.ui.mm(6);
    ImGui::SetCursorScreenPos(area.Min);
    render::begin_scroll_area(c.ui, "home", area.GetSize(), c.scratch.home);
    const float w = area.GetWidth() - pad * 2;
    ImGui::SetCursorPos(ImVec2(pad, pad));
    // The search field: tapping it opens the search screen with the keyboard.
    if (field(c, "home.search", "", c.t("home.search_hint"), false, w)) c.emit(act::OpenSearch{});
    ImGui::SetCursorPosX(pad);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.ui.theme.text_muted), "%s", c.t("home.scan_hint"));
    ImGui::Dummy(ImVec2(1, c.ui.mm(3)));
    ImGui::SetCursorPosX(pad);
    heading(c, c.t("home.categories"));
    // Top categories as cards, with their sub-categories named underneath.
    std::vector<const cc::Category*> tops;
    for (const cc::Category& cat : c.state.categories)
        if (cat.parent_id.empty()) tops.push_back(&cat);
    std::sort(tops.begin(), tops.end(), [](auto* a, auto* b) { return a->position < b->position; });
    const int cols = std::max(2, static_cast<int>(w / c.ui.mm(62)));
    const float gap = c.ui.mm(3);
    const float cw = (w - gap * (cols - 1)) / cols, ch = c.ui.mm(30);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < tops.size(); ++i) {
        const int col = static_cast<int>(i) % cols, row = static_cast<int>(i) / cols;
        const ImVec2 min(origin.x + pad + col * (cw + gap), origin.y + row * (ch + gap));
        const ImRect r(min, ImVec2(min.x + cw, min.y + ch));
        const std::string id = "home.category." + tops[i]->id;
        const render::Pressable p = render::pressable(c.ui, id.c_str(), c.text(tops[i]->name).c_str(), r);
        ImU32 bg = card_colour(static_cast<int>(i), c.state.access.high_contrast);
        if (p.held) bg = render::mix(bg, c.ui.theme.primary, 0.25f);
        dl->AddRectFilled(r.Min, r.Max, bg, c.ui.mm(3));
        if (c.state.access.high_contrast) dl->AddRect(r.Min, r.Max, c.ui.theme.border, c.ui.mm(3), 0, 2.0f);
        ImFont* f = c.ui.fonts.title;
        text_at(dl, f, ImVec2(r.Min.x + c.ui.mm(4), r.Min.y + c.ui.mm(4)), c.ui.theme.text, c.text(tops[i]->name), cw - c.ui.mm(8));
        std::string subs;
        for (const cc::Category& sub : c.state.categories)
            if (sub.parent_id == tops[i]->id) subs += (subs.empty() ? "" : " · ") + c.text(sub.name);
        render::text_block(dl, c.ui.fonts.small, ImVec2(r.Min.x + c.ui.mm(4), r.Min.y + c.ui.mm(6) + f->FontSize),
                           cw - c.ui.mm(8), 2, c.ui.theme.text_muted, subs);
        if (p.clicked) c.emit(act::OpenCategory{tops[i]->id});
    }
    const int rows = (static_cast<int>(tops.size()) + cols - 1) / cols;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (ch + gap) + c.ui.mm(4)));
    ImGui::SetCursorPosX(pad);
    heading(c, c.t("home.new"));
    // New products: one row of tiles.
    if (const std::vector<Tile>* items = featured(c.state)) {
        const int n = std::max(3, static_cast<int>(w / c.ui.mm(48)));
        const float tw = (w - gap * (n - 1)) / n, tile_h = tw * 1.45f;
        const ImVec2 row0 = ImGui::GetCursorScreenPos();
        for (int i = 0; i < n && i < static_cast<int>(items->size()); ++i) {
            const ImVec2 min(row0.x + pad + i * (tw + gap), row0.y);
            const std::string id = "home.featured." + std::to_string(i);
            grid_tile(c, id.c_str(), ImRect(min, ImVec2(min.x + tw, min.y + tile_h)), &(*items)[static_cast<std::size_t>(i)]);
        }
        ImGui::SetCursorScreenPos(ImVec2(row0.x, row0.y + tile_h));
        ImGui::Dummy(ImVec2(1, pad));
    }
    render::end_scroll_area(c.ui, c.scratch.home);
}

}  // namespace kiosk
