#include <algorithm>
#include <string>

#include "render/widgets.hpp"

namespace render {

bool product_tile(Ui& ui, const char* id, const ImRect& r, const TileContent& c) {
    const std::string label(c.title);
    const Pressable p = pressable(ui, id, label.c_str(), r);
    if (Element* e = ui.registry.last()) {
        e->role = Role::Link;
        e->detail.assign(c.subtitle.data(), c.subtitle.size());
        if (!e->detail.empty()) e->detail += ", ";
        e->detail += format_price(c.price_cents, c.symbol, c.style);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!dl->_ClipRectStack.empty()) {
        const ImVec4 clip = dl->_ClipRectStack.back();
        if (r.Max.y < clip.y || r.Min.y > clip.w || r.Max.x < clip.x || r.Min.x > clip.z)
            return p.clicked;  // scrolled away: nothing to draw
    }
    const Theme& t = ui.theme;
    const float radius = ui.mm(t.radius_mm);
    const float pad = ui.mm(2.5f);

    // Card with a soft one-pixel shadow.
    dl->AddRectFilled(ImVec2(r.Min.x, r.Min.y + 1.5f), ImVec2(r.Max.x, r.Max.y + 1.5f),
                      IM_COL32(0, 0, 0, 18), radius);
    dl->AddRectFilled(r.Min, r.Max, t.surface, radius);

    // Picture area: the upper part, square when the tile allows it.
    const float text_h = ui.fonts.body_bold->FontSize * 2.0f + ui.fonts.small->FontSize +
                         ui.fonts.price->FontSize + pad * 3.0f;
    const float img_h = std::max(ui.mm(10.0f), r.GetHeight() - text_h);
    const ImRect img(ImVec2(r.Min.x + pad, r.Min.y + pad),
                     ImVec2(r.Max.x - pad, r.Min.y + pad + img_h - pad));
    if (c.image) {
        const float aw = img.GetWidth(), ah = img.GetHeight();
        const float s =
            std::min(aw / std::max(1.0f, c.image_size.x), ah / std::max(1.0f, c.image_size.y));
        const ImVec2 sz(c.image_size.x * s, c.image_size.y * s);
        const ImVec2 a(img.Min.x + (aw - sz.x) * 0.5f, img.Min.y + (ah - sz.y) * 0.5f);
        dl->AddImage(c.image, a, ImVec2(a.x + sz.x, a.y + sz.y));
    } else {
        dl->AddRectFilled(img.Min, img.Max, t.placeholder, radius * 0.6f);
        const float is = std::min(img.GetWidth(), img.GetHeight()) * 0.25f;
        draw_icon(dl, Icon::Store, img.GetCenter(), is, mix(t.placeholder, t.text_muted, 0.35f));
    }
    if (!c.badge.empty()) {
        const std::string b(c.badge);
        draw_badge(ui, dl, ImVec2(r.Min.x + pad * 1.5f, r.Min.y + pad * 1.5f), b.c_str(),
                   t.price_sale, t.on_primary);
    }

    // Title (two lines at most), subtitle, price.
    float y = img.Max.y + pad;
    const float w = r.GetWidth() - pad * 2.0f;
    const float title_h =
        text_block(dl, ui.fonts.body_bold, ImVec2(r.Min.x + pad, y), w, 2, t.text, c.title);
    y += std::max(title_h, ui.fonts.body_bold->FontSize);
    if (!c.subtitle.empty())
        text_block(dl, ui.fonts.small, ImVec2(r.Min.x + pad, y), w, 1, t.text_muted, c.subtitle);
    const bool sale = c.old_price_cents > c.price_cents;
    const std::string price = format_price(c.price_cents, c.symbol, c.style);
    ImFont* pf = ui.fonts.price;
    const ImVec2 pp(r.Min.x + pad, r.Max.y - pad - pf->FontSize);
    dl->AddText(pf, pf->FontSize, pp, sale ? t.price_sale : t.price, price.c_str());
    if (sale) {
        const std::string old = format_price(c.old_price_cents, c.symbol, c.style);
        ImFont* f = ui.fonts.small;
        const float pw = pf->CalcTextSizeA(pf->FontSize, FLT_MAX, 0.0f, price.c_str()).x;
        const ImVec2 os = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, old.c_str());
        const ImVec2 op(pp.x + pw + ui.mm(1.5f), pp.y + pf->FontSize - os.y - ui.mm(0.4f));
        if (op.x + os.x <= r.Max.x - pad) {
            dl->AddText(f, f->FontSize, op, t.text_muted, old.c_str());
            dl->AddLine(ImVec2(op.x, op.y + os.y * 0.55f), ImVec2(op.x + os.x, op.y + os.y * 0.55f),
                        t.text_muted, 1.0f);
        }
    }
    if (p.held && p.hovered) dl->AddRectFilled(r.Min, r.Max, IM_COL32(0, 0, 0, 28), radius);
    return p.clicked;
}

}  // namespace render
