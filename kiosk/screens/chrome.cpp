// The frame around every screen: the navigation bar (top, or bottom in reach mode), the offline
// banner, short notices, the accessibility panel and the idle warning.
#include <cmath>

#include "kiosk/reducer.hpp"
#include "render/icons.hpp"
#include "render/overlay.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

namespace {

constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar;

constexpr double kStaffHoldS = 2.0;  // the logo held this long opens the staff PIN pad

float bar_height(const Ctx& c) { return std::max(c.ui.min_tap() + c.ui.mm(5), c.ui.mm(19)); }

void language_buttons(Ctx& c, float height) {
    for (const std::string& lang : c.state.settings.languages) {
        const std::string id = "nav.language." + lang;
        const std::string label = c.i18n.tr(lang, "language.short");
        render::ButtonOptions o;
        o.kind = c.state.language == lang ? render::ButtonKind::Primary : render::ButtonKind::Secondary;
        o.size = ImVec2(height, height);
        if (render::button(c.ui, id.c_str(), label.c_str(), o)) c.emit(act::SetLanguage{lang});
        ImGui::SameLine(0, c.ui.mm(1.5f));
    }
}

void nav_bar(Ctx& c, const ImRect& r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const render::Theme& th = c.ui.theme;
    dl->AddRectFilled(r.Min, r.Max, th.surface);
    dl->AddLine(ImVec2(r.Min.x, c.state.access.reach ? r.Min.y : r.Max.y - 1),
                ImVec2(r.Max.x, c.state.access.reach ? r.Min.y : r.Max.y - 1), th.border, 1.0f);
    const float pad = c.ui.mm(4);
    // Retailer and store, at the left. Holding the logo for 2 s opens the staff PIN pad: nothing
    // shows it, and a shopper's tap does nothing.
    float x = r.Min.x + pad;
    const float logo_x = x;
    if (c.logo) {
        const float h = r.GetHeight() * 0.6f;
        const float w = h * c.logo_size.x / std::max(1.0f, c.logo_size.y);
        dl->AddImage(c.logo, ImVec2(x, r.GetCenter().y - h / 2), ImVec2(x + w, r.GetCenter().y + h / 2));
        x += w + pad;
    } else {
        ImFont* f = c.ui.fonts.title;
        dl->AddText(f, f->FontSize, ImVec2(x, r.GetCenter().y - f->FontSize * 0.62f), th.primary, c.retailer_name.c_str());
        x += text_width(f, c.retailer_name) + pad;
    }
    const ImRect logo_r(ImVec2(logo_x, r.Min.y), ImVec2(std::max(x - pad, logo_x + c.ui.min_tap()), r.Max.y));
    if (c.state.settings.staff_mode && render::hold_area(c.ui, "nav.logo", c.retailer_name.c_str(), logo_r, kStaffHoldS))
        c.emit(act::OpenStaffPin{});
    if (const cc::Store* st = find_store(c.state, c.state.store_id)) {
        ImFont* f = c.ui.fonts.small;
        dl->AddText(f, f->FontSize, ImVec2(x, r.GetCenter().y - f->FontSize * 0.5f), th.text_muted,
                    c.f("nav.store", {{"store", st->name}}).c_str());
    }
    // Buttons, at the right: back, home, search, languages, accessibility, cart.
    const float tap = c.ui.min_tap() + c.ui.mm(2);
    const std::string cart_label = c.f("nav.cart", {{"count", std::to_string(cart_count(c.state.cart))}});
    render::ButtonOptions cart_opt;
    cart_opt.icon = render::Icon::Cart;
    cart_opt.kind = c.state.cart.empty() ? render::ButtonKind::Secondary : render::ButtonKind::Primary;
    const float cart_w = text_width(c.ui.fonts.body_bold, cart_label) + c.ui.mm(18);
    const float lang_w = (tap + c.ui.mm(1.5f)) * static_cast<float>(c.state.settings.languages.size());
    const float total = tap * 4 + c.ui.mm(1.5f) * 5 + lang_w + cart_w;
    ImGui::SetCursorScreenPos(ImVec2(r.Max.x - pad - total, r.GetCenter().y - tap / 2));
    const bool browsing = c.state.screen != Screen::Home;
    if (render::icon_button(c.ui, "nav.back", render::Icon::Back, c.t("nav.back"))) c.emit(act::Back{});
    ImGui::SameLine(0, c.ui.mm(1.5f));
    if (render::icon_button(c.ui, "nav.home", render::Icon::Home, c.t("nav.home"),
                            browsing ? render::ButtonKind::Secondary : render::ButtonKind::Primary))
        c.emit(act::GoHome{});
    ImGui::SameLine(0, c.ui.mm(1.5f));
    if (render::icon_button(c.ui, "nav.search", render::Icon::Search, c.t("nav.search"))) c.emit(act::OpenSearch{});
    ImGui::SameLine(0, c.ui.mm(1.5f));
    language_buttons(c, tap);
    if (render::icon_button(c.ui, "nav.accessibility", render::Icon::Accessibility, c.t("nav.accessibility")))
        c.emit(act::ToggleAccessPanel{true});
    ImGui::SameLine(0, c.ui.mm(1.5f));
    cart_opt.size = ImVec2(cart_w, tap);
    if (render::button(c.ui, "nav.cart", cart_label.c_str(), cart_opt)) c.emit(act::Show{Screen::Cart});
}

void offline_banner(Ctx& c, const ImRect& r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(r.Min, r.Max, c.ui.theme.warning);
    ImFont* f = c.ui.fonts.body_bold;
    const std::string& text = c.i18n.tr(c.state.language, "offline.banner");
    dl->AddText(f, f->FontSize, ImVec2(r.Min.x + c.ui.mm(4), r.GetCenter().y - f->FontSize * 0.55f), IM_COL32(20, 20, 20, 255),
                text.c_str());
    say_at(c, text, r);
}

// Staff mode is unmistakable: a coloured banner on every screen with who is signed in, the way
// to the staff home and the lock.
float staff_banner_height(const Ctx& c) { return c.ui.min_tap() + c.ui.mm(4); }

void staff_banner(Ctx& c, const ImRect& r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(r.Min, r.Max, c.ui.theme.staff);
    const float pad = c.ui.mm(4);
    const std::string text = c.f("staff.banner", {{"name", c.state.staff.name}});
    ImFont* f = c.ui.fonts.body_bold;
    const float lock_w = text_width(f, c.t("staff.lock")) + c.ui.mm(22);
    const float home_w = text_width(f, c.t("staff.menu")) + c.ui.mm(14);
    const float text_w = r.GetWidth() - lock_w - home_w - pad * 4;
    text_at(dl, f, ImVec2(r.Min.x + pad, r.GetCenter().y - f->FontSize * 0.55f), IM_COL32_WHITE, text, text_w);
    c.ui.add_element("staff.banner", text, ImRect(r.Min, ImVec2(r.Min.x + pad + text_w, r.Max.y)), false);
    const float h = c.ui.min_tap();
    ImGui::SetCursorScreenPos(ImVec2(r.Max.x - pad - lock_w - home_w - pad, r.GetCenter().y - h / 2));
    render::ButtonOptions home;
    home.kind = render::ButtonKind::Secondary;
    home.size = ImVec2(home_w, h);
    if (render::button(c.ui, "staff.menu", c.t("staff.menu"), home)) c.emit(act::OpenStaffPin{});
    ImGui::SameLine(0, pad);
    render::ButtonOptions lock;
    lock.kind = render::ButtonKind::Secondary;
    lock.icon = render::Icon::Lock;
    lock.size = ImVec2(lock_w, h);
    if (render::button(c.ui, "staff.lock", c.t("staff.lock"), lock)) c.emit(act::LockStaff{});
}

void access_panel(Ctx& c) {
    bool dismissed = false;
    render::ModalOptions opt;
    opt.width_mm = 170;
    if (render::begin_modal(c.ui, "access", c.t("access.title"), &dismissed, opt)) {
        const Accessibility& a = c.state.access;
        const float w = ImGui::GetContentRegionAvail().x;
        auto toggle = [&](const char* id, const char* key, bool on, Action next) {
            render::ButtonOptions o;
            o.kind = on ? render::ButtonKind::Primary : render::ButtonKind::Secondary;
            o.icon = on ? render::Icon::Check : render::Icon::None;
            o.size = ImVec2(w, 0);
            o.toggle = true;
            o.selected = on;
            if (render::button(c.ui, id, c.t(key), o)) c.emit(next);
            ImGui::Spacing();
        };
        toggle("access.speech", "access.speech", a.speech, act::SetSpeech{!a.speech});
        toggle("access.reach", "access.reach", a.reach, act::SetAccess{!a.reach, a.large_text, a.high_contrast});
        toggle("access.large_text", "access.large_text", a.large_text,
               act::SetAccess{a.reach, !a.large_text, a.high_contrast});
        toggle("access.high_contrast", "access.high_contrast", a.high_contrast,
               act::SetAccess{a.reach, a.large_text, !a.high_contrast});
        render::ButtonOptions close;
        close.kind = render::ButtonKind::Ghost;
        close.size = ImVec2(w, 0);
        if (render::button(c.ui, "access.close", c.t("common.close"), close)) c.emit(act::ToggleAccessPanel{false});
        render::end_modal(c.ui);
    }
    if (dismissed) c.emit(act::ToggleAccessPanel{false});
}

void idle_warning(Ctx& c) {
    bool dismissed = false;
    render::ModalOptions opt;
    opt.width_mm = 150;
    opt.dismiss_on_scrim = true;
    if (render::begin_modal(c.ui, "idle", c.t("idle.title"), &dismissed, opt)) {
        const double left = std::max(0.0, idle_countdown(c.state) - (c.ui.now() - c.state.idle_warning_at));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(c.f("idle.body", {{"seconds", std::to_string(static_cast<int>(std::ceil(left)))}}).c_str());
        say(c, c.f("idle.body", {{"seconds", std::to_string(static_cast<int>(std::ceil(left)))}}));
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        render::ButtonOptions o;
        o.size = ImVec2(ImGui::GetContentRegionAvail().x, 0);
        if (render::button(c.ui, "idle.continue", c.t("idle.continue"), o)) c.emit(act::IdleContinue{c.ui.now()});
        ImGui::Spacing();
        o.kind = render::ButtonKind::Secondary;
        const std::string more = c.f("idle.more_time", {{"minutes", std::to_string(static_cast<int>(std::lround(c.state.settings.more_time_s / 60)))}});
        if (render::button(c.ui, "idle.more_time", more.c_str(), o)) c.emit(act::IdleContinue{c.ui.now(), true});
        ImGui::Spacing();
        o.kind = render::ButtonKind::Ghost;
        if (render::button(c.ui, "idle.leave", c.t("idle.leave"), o)) c.emit(act::Wipe{});
        render::end_modal(c.ui);
        c.ui.wake_at(c.ui.now() + 0.25);  // the countdown moves
    }
    if (dismissed) c.emit(act::IdleContinue{c.ui.now()});
}

// A short message ("Ajouté au panier") for 3 s, only on the screen that raised it (a shopper
// moving on does not carry it over the keyboard or a form), at the top of the content where no
// keyboard or form field is.
void notice(Ctx& c, const ImRect& area) {
    if (c.state.notice.empty() || c.state.notice_on != c.state.screen) return;
    const double age = c.ui.now() - c.state.notice_at;
    if (age > 3.0 || age < 0) return;
    c.ui.wake_at(c.state.notice_at + 3.0);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImFont* f = c.ui.fonts.body_bold;
    const std::string& text = c.i18n.tr(c.state.language, c.state.notice);
    const float w = text_width(f, text) + c.ui.mm(12), h = c.ui.mm(14);
    const ImVec2 min(area.GetCenter().x - w / 2, area.Min.y + c.ui.mm(4));
    dl->AddRectFilled(min, ImVec2(min.x + w, min.y + h), IM_COL32(28, 28, 30, 235), h / 2);
    dl->AddText(f, f->FontSize, ImVec2(min.x + c.ui.mm(6), min.y + (h - f->FontSize) / 2), IM_COL32_WHITE, text.c_str());
    say_at(c, text, ImRect(min, ImVec2(min.x + w, min.y + h)));
}

}  // namespace

void draw_app(Ctx& c) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("kiosk", nullptr, kRootFlags);
    ImGui::PopStyleVar();
    ImRect whole(ImVec2(0, 0), io.DisplaySize);
    // Reach mode: every control in the lower part of the screen; the top shows a calm panel.
    if (c.state.access.reach && c.state.screen != Screen::Attract) {
        const float top = std::floor(io.DisplaySize.y * 0.38f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(io.DisplaySize.x, top), c.ui.theme.secondary);
        ImFont* f = c.ui.fonts.title;
        dl->AddText(f, f->FontSize, ImVec2(c.ui.mm(8), top / 2 - f->FontSize), c.ui.theme.primary, c.retailer_name.c_str());
        ImFont* b = c.ui.fonts.body;
        dl->AddText(b, b->FontSize, ImVec2(c.ui.mm(8), top / 2 + c.ui.mm(2)), c.ui.theme.text_muted, c.t("access.reach_on"));
        whole.Min.y = top;
    }
    if (c.state.screen == Screen::Attract) {
        draw_attract(c, whole);
    } else if (c.state.screen == Screen::OrderPending) {
        draw_order_pending(c, whole);
    } else {
        const float bar = bar_height(c);
        ImRect bar_r = c.state.access.reach ? ImRect(whole.Min.x, whole.Max.y - bar, whole.Max.x, whole.Max.y)
                                        : ImRect(whole.Min, ImVec2(whole.Max.x, whole.Min.y + bar));
        ImRect area = c.state.access.reach ? ImRect(whole.Min, ImVec2(whole.Max.x, whole.Max.y - bar))
                                       : ImRect(ImVec2(whole.Min.x, whole.Min.y + bar), whole.Max);
        if (!c.state.online) {
            const float banner = c.ui.mm(11);
            offline_banner(c, ImRect(area.Min, ImVec2(area.Max.x, area.Min.y + banner)));
            area.Min.y += banner;
        }
        if (c.state.staff.unlocked) {
            const float banner = staff_banner_height(c);
            staff_banner(c, ImRect(area.Min, ImVec2(area.Max.x, area.Min.y + banner)));
            area.Min.y += banner;
        }
        nav_bar(c, bar_r);
        switch (c.state.screen) {
            case Screen::Home: draw_home(c, area); break;
            case Screen::Category: draw_listing(c, area, ListingKind::Category); break;
            case Screen::Search: draw_listing(c, area, ListingKind::Search); break;
            case Screen::Product: draw_product(c, area); break;
            case Screen::Availability: draw_availability(c, area); break;
            case Screen::Cart: draw_cart(c, area); break;
            case Screen::Checkout: draw_checkout(c, area); break;
            case Screen::Confirmation: draw_confirmation(c, area); break;
            case Screen::StaffPin: draw_staff_pin(c, area); break;
            case Screen::StaffHome: draw_staff_home(c, area); break;
            case Screen::StaffCustomer: draw_staff_customer(c, area); break;
            case Screen::StaffOrders: draw_staff_orders(c, area); break;
            case Screen::Attract:
            case Screen::OrderPending: break;
        }
        notice(c, area);
    }
    ImGui::End();
    if (c.state.handoff.what != AppState::Handoff::What::None) handoff_panel(c);
    if (c.state.access.panel_open) access_panel(c);
    if (c.state.idle_warning) idle_warning(c);
}

}  // namespace kiosk
