// The gallery's top bar and its first pages: widgets, tiles and the 1 000 000-item grid.
#include <cstdio>
#include <string>

#include "gallery.hpp"
#include "render/codes.hpp"
#include "render/images.hpp"
#include "render/widgets.hpp"

namespace gallery {

using namespace render;

const char* page_name(Page p) {
    switch (p) {
        case Page::Widgets:
            return "widgets";
        case Page::Tiles:
            return "tiles";
        case Page::Grid:
            return "grid";
        case Page::KeyboardAzerty:
            return "keyboard-azerty";
        case Page::KeyboardQwerty:
            return "keyboard-qwerty";
        case Page::KeyboardNumeric:
            return "keyboard-numeric";
        case Page::Codes:
            return "codes";
        case Page::Modal:
            return "modal";
        case Page::Viewer:
            return "viewer";
        case Page::Count:
            break;
    }
    return "?";
}

namespace {

void heading(Ui& ui, const char* text) {
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

TileContent demo_tile(Ui& ui, const GalleryScratch& s, std::int64_t i, float w, float h) {
    static constexpr const char* kNames[] = {
        "Baskets de running légères «\u00A0Envol\u00A0» pour homme",
        "Veste imperméable respirante — édition œuvre d’art",
        "Tente 2 places, montage rapide…",
        "Lampe de chevet en céramique",
        "Casque audio sans fil à réduction de bruit active",
        "T-shirt coton bio",
    };
    TileContent c;
    c.title = kNames[i % 6];
    c.subtitle = i % 3 == 0 ? "Disponible en magasin" : "Livraison sous 48 h";
    c.price_cents = 1999 + (i * 7919) % 150000;
    if (i % 4 == 1) c.old_price_cents = c.price_cents + c.price_cents / 4;
    if (i % 4 == 1) c.badge = "-20 %";
    if (i % 7 == 3) c.badge = "Nouveau";
    if (ui.images && !s.images.empty()) {
        const ImageHandle img =
            ui.images->request(s.images[static_cast<size_t>(i) % s.images.size()],
                               static_cast<int>(w), static_cast<int>(h * 0.6f));
        if (img.status == ImageStatus::Ready) {
            c.image = img.texture;
            c.image_size = ImVec2(static_cast<float>(img.width), static_cast<float>(img.height));
        }
    }
    return c;
}

}  // namespace

void draw(Ui& ui, GalleryScratch& s) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("gallery", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    // Page chips, wrapped onto as many lines as the width needs.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (int p = 0; p < static_cast<int>(Page::Count); ++p) {
        const std::string id = std::string("gallery.page.") + page_name(static_cast<Page>(p));
        const float w = ImGui::CalcTextSize(page_name(static_cast<Page>(p))).x + ui.mm(8.0f);
        if (p > 0) {
            ImGui::SameLine(0, ui.mm(2.0f));
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        if (chip(ui, id.c_str(), page_name(static_cast<Page>(p)), s.page == static_cast<Page>(p)))
            s.page = static_cast<Page>(p);
    }
    ImGui::Separator();
    switch (s.page) {
        case Page::Widgets:
            page_widgets(ui, s);
            break;
        case Page::Tiles:
            page_tiles(ui, s);
            break;
        case Page::Grid:
            page_grid(ui, s);
            break;
        case Page::KeyboardAzerty:
            page_keyboard(ui, s, KeyboardLayout::Azerty);
            break;
        case Page::KeyboardQwerty:
            page_keyboard(ui, s, KeyboardLayout::Qwerty);
            break;
        case Page::KeyboardNumeric:
            page_keyboard(ui, s, KeyboardLayout::Numeric);
            break;
        case Page::Codes:
            page_codes(ui, s);
            break;
        case Page::Modal:
            page_modal(ui, s);
            break;
        case Page::Viewer:
            page_viewer(ui, s);
            break;
        case Page::Count:
            break;
    }
    ImGui::End();
    if (s.page == Page::Modal && s.modal_open) {
        bool dismissed = false;
        if (begin_modal(ui, "gallery.modal", "Retirer cet article du panier ?", &dismissed)) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(
                "Veste imperméable «\u00A0Envol\u00A0» — taille\u00A0M. Vous pourrez l’ajouter de "
                "nouveau "
                "plus tard.");
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            const float w = (ImGui::GetContentRegionAvail().x - ui.mm(3.0f)) * 0.5f;
            ButtonOptions keep;
            keep.kind = ButtonKind::Secondary;
            keep.size = ImVec2(w, 0);
            if (button(ui, "gallery.modal.cancel", "Annuler", keep)) s.modal_open = false;
            ImGui::SameLine(0, ui.mm(3.0f));
            ButtonOptions del;
            del.kind = ButtonKind::Danger;
            del.size = ImVec2(w, 0);
            if (button(ui, "gallery.modal.confirm", "Retirer", del)) s.modal_open = false;
            end_modal(ui);
        }
        if (dismissed) s.modal_open = false;
    }
    s.toasts.draw(ui);
}

void page_widgets(Ui& ui, GalleryScratch& s) {
    begin_scroll_area(ui, "gallery.widgets", ImVec2(0, 0), s.widgets_scroll);
    heading(ui, "Boutons");
    if (button(ui, "gallery.btn.primary", "Ajouter au panier", {ButtonKind::Primary, Icon::Cart}))
        ++s.taps;
    ImGui::SameLine();
    button(ui, "gallery.btn.secondary", "Voir en magasin", {ButtonKind::Secondary, Icon::Store});
    ImGui::SameLine();
    button(ui, "gallery.btn.danger", "Supprimer", {ButtonKind::Danger, Icon::Close});
    button(ui, "gallery.btn.ghost", "Retour", {ButtonKind::Ghost, Icon::Back});
    ImGui::SameLine();
    ButtonOptions off{ButtonKind::Primary, Icon::Delivery};
    off.enabled = false;
    button(ui, "gallery.btn.disabled", "Livraison indisponible", off);
    ImGui::SameLine();
    icon_button(ui, "gallery.btn.search", Icon::Search, "Rechercher");
    ImGui::SameLine();
    icon_button(ui, "gallery.btn.home", Icon::Home, "Accueil", ButtonKind::Primary);

    heading(ui, "Tailles");
    const char* sizes[] = {"XS", "S", "M", "L", "XL", "XXL"};
    for (int i = 0; i < 6; ++i) {
        if (i) ImGui::SameLine(0, ui.mm(2.0f));
        const std::string id = std::string("gallery.size.") + sizes[i];
        if (chip(ui, id.c_str(), sizes[i], s.selected_size == i, i != 5)) s.selected_size = i;
    }
    heading(ui, "Badges et prix");
    badge(ui, "-20 %", ui.theme.price_sale, ui.theme.on_primary);
    ImGui::SameLine();
    badge(ui, "Nouveau", ui.theme.primary, ui.theme.on_primary);
    ImGui::SameLine();
    badge(ui, "Stock faible", ui.theme.warning, ui.theme.text);
    ImGui::SameLine();
    badge(ui, "En stock", ui.theme.success, ui.theme.on_primary);
    price_text(ui, 129999);
    ImGui::SameLine(0, ui.mm(8.0f));
    PriceOptions sale;
    sale.old_cents = 4999;
    price_text(ui, 3999, sale);
    ImGui::SameLine(0, ui.mm(8.0f));
    PriceOptions en;
    en.style = PriceStyle::English;
    price_text(ui, 129999, en);
    ImGui::TextUnformatted(
        "Glyphes : Œ œ € — ’ … « » 1\xE2\x80\xAF"
        "299,00\xC2\xA0€ Ÿ ç à é è ê");

    heading(ui, "Icônes");
    const Icon icons[] = {Icon::Home,         Icon::Back,      Icon::Cart,     Icon::Search,
                          Icon::Store,        Icon::Delivery,  Icon::Language, Icon::Accessibility,
                          Icon::Close,        Icon::Check,     Icon::Plus,     Icon::Minus,
                          Icon::ChevronRight, Icon::Backspace, Icon::Shift,    Icon::Enter,
                          Icon::Lock};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cell = ui.mm(22.0f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const int per_row = std::max(1, static_cast<int>(avail / cell));
    ImVec2 o = ImGui::GetCursorScreenPos();
    int k = 0;
    for (Icon ic : icons) {
        const ImVec2 c(o.x + cell * (static_cast<float>(k % per_row) + 0.5f),
                       o.y + cell * static_cast<float>(k / per_row) + ui.mm(7.0f));
        draw_icon(dl, ic, c, ui.mm(9.0f), ui.theme.text);
        const char* name = icon_name(ic);
        ImFont* f = ui.fonts.small;
        const float tw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, name).x;
        dl->AddText(f, f->FontSize, ImVec2(c.x - tw * 0.5f, c.y + ui.mm(6.0f)), ui.theme.text_muted,
                    name);
        ++k;
    }
    const int rows = (k + per_row - 1) / per_row;
    ImGui::Dummy(ImVec2(avail, cell * static_cast<float>(rows)));
    heading(ui, "Zone défilante");
    for (int i = 0; i < 8; ++i) {
        const std::string id = "gallery.list." + std::to_string(i);
        const std::string label = "Élément " + std::to_string(i + 1) + " — glisser pour défiler";
        ButtonOptions o2{ButtonKind::Secondary, Icon::ChevronRight};
        o2.size = ImVec2(-1, 0);
        button(ui, id.c_str(), label.c_str(), o2);
    }
    end_scroll_area(ui, s.widgets_scroll);
}

void page_tiles(Ui& ui, GalleryScratch& s) {
    begin_scroll_area(ui, "gallery.tiles", ImVec2(0, 0), s.tiles_scroll);
    heading(ui, "Tuiles produit");
    const float gap = ui.mm(3.0f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const int cols = std::max(1, static_cast<int>((avail + gap) / (ui.mm(55.0f) + gap)));
    const float w = (avail - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float h = w * 1.5f;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 12; ++i) {
        const float x = o.x + static_cast<float>(i % cols) * (w + gap);
        const float y = o.y + static_cast<float>(i / cols) * (h + gap);
        const std::string id = "gallery.tile." + std::to_string(i);
        product_tile(ui, id.c_str(), ImRect(ImVec2(x, y), ImVec2(x + w, y + h)),
                     demo_tile(ui, s, i, w, h));
    }
    const int rows = (12 + cols - 1) / cols;
    ImGui::Dummy(ImVec2(avail, static_cast<float>(rows) * (h + gap)));
    end_scroll_area(ui, s.tiles_scroll);
}

void page_grid(Ui& ui, GalleryScratch& s) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "1 000 000 produits — éléments %lld à %lld",
                  static_cast<long long>(s.grid.first_visible + 1),
                  static_cast<long long>(s.grid.last_visible + 1));
    heading(ui, buf);
    GridLayout layout;
    virtual_grid(ui, "gallery.grid", ImVec2(0, 0), 1000000, layout, s.grid,
                 [&](std::int64_t i, const ImRect& r) {
                     const std::string id = "gallery.grid.item." + std::to_string(i);
                     product_tile(ui, id.c_str(), r,
                                  demo_tile(ui, s, i, r.GetWidth(), r.GetHeight()));
                 });
}

}  // namespace gallery
