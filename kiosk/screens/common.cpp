// Pieces shared by the screens: text helpers, images, tiles, stock labels, stores and hours.
#include <algorithm>
#include <cmath>

#include "kiosk/reducer.hpp"
#include "render/images.hpp"
#include "render/text_field.hpp"
#include "kiosk/screens/screens.hpp"

namespace kiosk {

void text_at(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, const std::string& text, float width) {
    if (width <= 0) {
        dl->AddText(font, font->FontSize, pos, col, text.c_str());
        return;
    }
    render::text_block(dl, font, pos, width, 1, col, text);
}

float text_width(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text.c_str()).x;
}

void say(Ctx& c, const std::string& text) { say_at(c, text, ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax())); }

void say_at(Ctx& c, const std::string& text, const ImRect& r) {
    // Text in the danger colour is an error: speech says it as soon as it appears.
    const bool danger = ImGui::GetColorU32(ImGuiCol_Text) == c.ui.theme.danger;
    c.ui.add_element(danger ? "alert" : "text", text, r, false);
}

void alert(Ctx& c, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, c.ui.theme.danger);
    ImGui::TextUnformatted(text.c_str());
    say(c, text);
    ImGui::PopStyleColor();
}

void heading(Ctx& c, const std::string& text) {
    ImGui::PushFont(c.ui.fonts.title);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
    say(c, text);
}

void product_image(Ctx& c, const std::string& url, const ImRect& r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = c.ui.mm(1.5f);
    if (url.empty() || !c.ui.images) {
        dl->AddRectFilled(r.Min, r.Max, c.ui.theme.placeholder, rounding);
        return;
    }
    const render::ImageHandle h =
        c.ui.images->request(url, static_cast<int>(r.GetWidth()), static_cast<int>(r.GetHeight()));
    if (h.status != render::ImageStatus::Ready || h.width <= 0 || h.height <= 0) {
        dl->AddRectFilled(r.Min, r.Max, c.ui.theme.placeholder, rounding);
        return;
    }
    const float scale = std::min(r.GetWidth() / static_cast<float>(h.width), r.GetHeight() / static_cast<float>(h.height));
    const ImVec2 size(h.width * scale, h.height * scale);
    const ImVec2 min(r.Min.x + (r.GetWidth() - size.x) * 0.5f, r.Min.y + (r.GetHeight() - size.y) * 0.5f);
    dl->AddImageRounded(h.texture, min, ImVec2(min.x + size.x, min.y + size.y), ImVec2(0, 0), ImVec2(1, 1),
                        IM_COL32_WHITE, rounding);
}

void grid_tile(Ctx& c, const char* id, const ImRect& r, const Tile* tile) {
    render::TileContent content;
    std::string subtitle, badge;
    if (tile) {
        content.title = c.text(tile->name);
        subtitle = tile->brand;
        content.subtitle = subtitle;
        content.price_cents = tile->price;
        content.old_price_cents = tile->old_price;
        for (const std::string& b : tile->badges) {
            if (b == "web_exclusive" || b == "new" || b == "promo") {
                badge = c.t("badge." + b);
                break;
            }
        }
        content.badge = badge;
        content.style = c.price_style();
        if (!tile->image.empty() && c.ui.images) {
            const float side = r.GetWidth();
            const render::ImageHandle h = c.ui.images->request(tile->image, static_cast<int>(side), static_cast<int>(side));
            if (h.status == render::ImageStatus::Ready) {
                content.image = h.texture;
                content.image_size = ImVec2(static_cast<float>(h.width), static_cast<float>(h.height));
            }
        }
    } else {
        content.title = c.t("common.loading");
    }
    if (render::product_tile(c.ui, id, r, content) && tile) c.emit(act::OpenProduct{tile->product_id, tile->sku});
}

const char* band_key(bool known, std::int64_t quantity) {
    if (!known) return "stock.unknown";
    switch (band_of(quantity)) {
        case StockBand::InStock: return "stock.in_stock";
        case StockBand::Low: return "stock.low";
        default: return "stock.out";
    }
}

ImU32 band_colour(const render::Theme& th, bool known, std::int64_t quantity) {
    if (!known) return th.text_muted;
    switch (band_of(quantity)) {
        case StockBand::InStock: return th.success;
        case StockBand::Low: return th.warning;
        default: return th.danger;
    }
}

void stock_label(Ctx& c, ImVec2 pos, bool known, std::int64_t quantity) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = band_colour(c.ui.theme, known, quantity);
    const float r = c.ui.mm(1.6f);
    ImFont* font = c.ui.fonts.body_bold;
    dl->AddCircleFilled(ImVec2(pos.x + r, pos.y + font->FontSize * 0.55f), r, col);
    // Staff see the exact quantity ("3 en stock"); shoppers a band ("Stock faible").
    const std::string text = c.state.staff.unlocked && known
                                 ? c.f("stock.exact", {{"quantity", std::to_string(quantity)}})
                                 : std::string(c.t(band_key(known, quantity)));
    dl->AddText(font, font->FontSize, ImVec2(pos.x + r * 2.8f, pos.y), col, text.c_str());
    say_at(c, text, ImRect(pos, ImVec2(pos.x + r * 2.8f + text_width(font, text), pos.y + font->FontSize)));
}

const cc::Store* find_store(const AppState& s, const std::string& id) {
    for (const cc::Store& st : s.stores)
        if (st.id == id) return &st;
    return nullptr;
}

double distance_km(const cc::Store& a, const cc::Store& b) {
    if ((a.lat == 0 && a.lon == 0) || (b.lat == 0 && b.lon == 0)) return -1;
    constexpr double kPi = 3.14159265358979323846, kEarthKm = 6371.0;
    const double la1 = a.lat * kPi / 180, la2 = b.lat * kPi / 180;
    const double dla = la2 - la1, dlo = (b.lon - a.lon) * kPi / 180;
    const double h = std::sin(dla / 2) * std::sin(dla / 2) + std::cos(la1) * std::cos(la2) * std::sin(dlo / 2) * std::sin(dlo / 2);
    return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

namespace {

std::string date_text(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string hhmm(int minute) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

}  // namespace

bool closed_today(const cc::Store& store, std::int64_t now) {
    const LocalTime lt = local_time(store.timezone, now);
    const std::string today = date_text(lt.date);
    return std::find(store.closed_dates.begin(), store.closed_dates.end(), today) != store.closed_dates.end();
}

bool store_open_now(const cc::Store& store, std::int64_t now) {
    const LocalTime lt = local_time(store.timezone, now);
    if (closed_today(store, now)) return false;
    const int wd = weekday(lt.date);
    for (const cc::OpeningSlot& slot : store.opening_hours)
        if (slot.day == wd && lt.minute_of_day >= slot.open_minute && lt.minute_of_day < slot.close_minute) return true;
    return false;
}

std::string day_hours(const cc::Store& store, int day) {
    std::string out;
    for (const cc::OpeningSlot& slot : store.opening_hours) {
        if (slot.day != day) continue;
        if (!out.empty()) out += ", ";
        out += hhmm(slot.open_minute) + "\xE2\x80\x93" + hhmm(slot.close_minute);
    }
    return out;
}

std::string hours_today(const cc::Store& store, std::int64_t now) {
    if (closed_today(store, now)) return "";
    return day_hours(store, weekday(local_time(store.timezone, now).date));
}

std::string date_in_days(Ctx& c, int days) {
    const cc::Store* here = find_store(c.state, c.state.store_id);
    const std::string tz = here && !here->timezone.empty() ? here->timezone : "Europe/Paris";
    return format_date(c.i18n, c.state.language, local_time(tz, c.wall_now + std::int64_t{days} * 86400).date);
}

std::string option_label(Ctx& c, const cc::Variant* v, const std::string& option, const std::string& value) {
    if (v) {
        auto it = v->labels.find(option);
        if (it != v->labels.end() && v->options.count(option) && v->options.at(option) == value)
            return c.text(it->second);
    }
    if (c.state.product.product)
        for (const cc::Variant& var : c.state.product.product->variants) {
            auto o = var.options.find(option);
            auto l = var.labels.find(option);
            if (o != var.options.end() && o->second == value && l != var.labels.end()) return c.text(l->second);
        }
    return value;
}

bool field(Ctx& c, const char* id, const std::string& value, const char* hint, bool focused, float width,
           const std::string& error_key, const char* name) {
    render::TextFieldOptions opt;
    opt.focused = focused;
    opt.width = width;
    const bool tapped = render::text_field(c.ui, id, value, hint, opt);
    if (render::Element* e = c.ui.registry.last(); e && name) e->label = name;  // speech: "Téléphone, champ de saisie"
    // What the field shows is on the screen too (scripts check it; so will speech).
    if (!value.empty()) say(c, value);
    if (!error_key.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, c.ui.theme.danger);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (width > 0 ? width : ImGui::GetContentRegionAvail().x));
        ImGui::TextUnformatted(c.t(error_key));
        say(c, c.t(error_key));
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    return tapped;
}

}  // namespace kiosk
