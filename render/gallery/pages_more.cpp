// The gallery's other pages: on-screen keyboards, QR/barcodes, modal + toast, image viewer.
#include <string>

#include "gallery.hpp"
#include "render/codes.hpp"
#include "render/text_field.hpp"
#include "render/widgets.hpp"

namespace gallery {

using namespace render;

namespace {

void heading(Ui& ui, const char* text) {
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

}  // namespace

void page_keyboard(Ui& ui, GalleryScratch& s, KeyboardLayout layout) {
    if (s.keyboard.layout != layout && s.keyboard.layout != KeyboardLayout::Numeric) {
        s.keyboard.layout = layout;
        if (layout != KeyboardLayout::Numeric) s.keyboard.letters = layout;
    }
    heading(ui, layout == KeyboardLayout::Numeric  ? "Pavé numérique"
                : layout == KeyboardLayout::Azerty ? "Clavier AZERTY"
                                                   : "Clavier QWERTY");
    ImGui::TextUnformatted(
        layout == KeyboardLayout::Numeric
            ? "Retour arrière maintenu : effacement répété. ABC : lettres."
            : "Appui long sur une lettre : accents. Retour arrière : répétition.");
    TextFieldOptions field;
    field.focused = true;
    text_field(ui, "gallery.field", s.typed,
               layout == KeyboardLayout::Numeric ? "Quantité" : "Rechercher un produit", field);
    // The keyboard sits at the bottom of the screen, as on a phone.
    const float h = keyboard_height(ui, s.keyboard.layout);
    const float avail = ImGui::GetContentRegionAvail().y;
    if (avail > h) ImGui::Dummy(ImVec2(1, avail - h - ImGui::GetStyle().ItemSpacing.y));
    const KeyboardResult r = on_screen_keyboard(ui, "gallery.osk", s.keyboard, s.typed);
    if (r.enter) s.toasts.push("Recherche : " + s.typed, ToastKind::Info, ui.now());
}

void page_codes(Ui& ui, GalleryScratch& s) {
    (void)s;
    heading(ui, "QR code et codes-barres");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < ui.mm(200.0f);
    const float qr_side = narrow ? avail * 0.7f : ui.mm(95.0f);
    ImVec2 o = ImGui::GetCursorScreenPos();
    if (auto qr = encode_qr("https://boutique.example/commande/A7-2024-000123")) {
        draw_qr(dl, *qr, o, qr_side);
        ImGui::Dummy(ImVec2(qr_side, qr_side));
        ImGui::TextUnformatted("Scannez pour suivre votre commande");
    }
    if (!narrow) {
        ImGui::SetCursorScreenPos(ImVec2(o.x + qr_side + ui.mm(10.0f), o.y));
        ImGui::BeginGroup();
    }
    const float bw = narrow ? avail : avail - qr_side - ui.mm(10.0f);
    ImGui::TextUnformatted("Code 128");
    if (auto bars = encode_barcode("CMD-000123-LYON", Barcode1D::Code128)) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw_barcode(dl, *bars, p, ImVec2(std::min(bw, ui.mm(140.0f)), ui.mm(36.0f)), ui.fonts.body,
                     "CMD-000123-LYON");
        ImGui::Dummy(ImVec2(bw, ui.mm(36.0f)));
    }
    ImGui::TextUnformatted("EAN-13");
    if (auto bars = encode_barcode("4006381333931", Barcode1D::Ean13)) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw_barcode(dl, *bars, p, ImVec2(std::min(bw, ui.mm(100.0f)), ui.mm(36.0f)), ui.fonts.body,
                     "4 006381 333931");
        ImGui::Dummy(ImVec2(bw, ui.mm(36.0f)));
    }
    if (!narrow) ImGui::EndGroup();
}

void page_modal(Ui& ui, GalleryScratch& s) {
    heading(ui, "Fenêtre modale et toast");
    ImGui::TextUnformatted("La fenêtre s’ouvre par-dessus l’écran ; un toast s’efface seul.");
    if (button(ui, "gallery.modal.open", "Ouvrir la fenêtre", {ButtonKind::Primary, Icon::Plus}))
        s.modal_open = true;
    if (!s.toast_pushed) {
        s.toasts.push("Article ajouté au panier", ToastKind::Success, ui.now() - 1.0, 30.0);
        s.toast_pushed = true;
    }
}

void page_viewer(Ui& ui, GalleryScratch& s) {
    heading(ui, "Visionneuse d’images");
    ImGui::TextUnformatted("Glisser : image suivante · double tap / pincer : zoom");
    image_viewer(ui, "gallery.viewer", ImVec2(0, 0), s.images, s.viewer);
}

}  // namespace gallery
