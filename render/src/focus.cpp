#include "render/focus.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace render {

namespace {

bool is_control(const Element& e) { return e.interactive && !e.backdrop && !e.rect.empty(); }
bool is_text(const Element& e) { return !e.interactive && !e.label.empty() && !e.rect.empty(); }

// Gap between [a0, a1] and [b0, b1] (0 when they overlap).
float gap(float a0, float a1, float b0, float b1) { return std::max(0.0f, std::max(b0 - a1, a0 - b1)); }

}  // namespace

int focus_layer(const ElementRegistry& reg) {
    int layer = -1;
    for (const Element& e : reg.all())
        if (is_control(e)) layer = std::max(layer, e.layer);
    return layer;
}

std::vector<const Element*> focus_order(const ElementRegistry& reg, int layer, bool texts) {
    std::vector<const Element*> out;
    for (const Element& e : reg.all())
        if (e.layer == layer && (is_control(e) || (texts && is_text(e)))) out.push_back(&e);
    return out;
}

const Element* nearest_in_direction(const std::vector<const Element*>& candidates, const Rect& from, NavKey key) {
    const Element* best = nullptr;
    float best_score = std::numeric_limits<float>::max();
    const bool vertical = key == NavKey::Up || key == NavKey::Down;
    for (const Element* e : candidates) {
        const Rect& r = e->rect;
        float along = 0, across = 0;
        switch (key) {
            case NavKey::Down:
                if (r.cy() <= from.cy() + 1.0f || r.y < from.y + 1.0f) continue;
                along = std::max(0.0f, r.y - from.bottom());
                break;
            case NavKey::Up:
                if (r.cy() >= from.cy() - 1.0f || r.bottom() > from.bottom() - 1.0f) continue;
                along = std::max(0.0f, from.y - r.bottom());
                break;
            case NavKey::Right:
                if (r.cx() <= from.cx() + 1.0f || r.x < from.x + 1.0f) continue;
                along = std::max(0.0f, r.x - from.right());
                break;
            case NavKey::Left:
                if (r.cx() >= from.cx() - 1.0f || r.right() > from.right() - 1.0f) continue;
                along = std::max(0.0f, from.x - r.right());
                break;
            default:
                return nullptr;
        }
        across = vertical ? gap(from.x, from.right(), r.x, r.right()) : gap(from.y, from.bottom(), r.y, r.bottom());
        // Straight ahead first; among those, the closest, then the one best aligned.
        const float centre = vertical ? std::fabs(r.cx() - from.cx()) : std::fabs(r.cy() - from.cy());
        const float score = along + across * 4.0f + centre * 0.05f;
        if (score < best_score) {
            best_score = score;
            best = e;
        }
    }
    return best;
}

const Element* KeypadFocus::find(const ElementRegistry& reg, const Spot& s) const {
    if (!s.valid()) return nullptr;
    const Element* same_id = nullptr;
    for (const Element& e : reg.all()) {
        if (e.layer != s.layer || e.id != s.id || !(is_control(e) || is_text(e))) continue;
        if (e.label == s.label) return &e;
        // A control keeps its focus when its label changes (a field being typed into); a text
        // is known by what it says.
        if (!same_id && e.interactive) same_id = &e;
    }
    return same_id;
}

const Element* KeypadFocus::focused(const ElementRegistry& reg) const { return find(reg, cur_); }

void KeypadFocus::land(const Element& e) {
    const bool other = e.id != cur_.id || e.label != cur_.label || e.layer != cur_.layer || !e.interactive;
    if (other) ++moves_;
    cur_.id = e.id;
    cur_.label = e.label;
    cur_.rect = e.rect;
    cur_.layer = e.layer;
}

bool KeypadFocus::navigate(Ui& ui, NavKey key) {
    restart_ = false;  // the shopper leads from here
    const ElementRegistry& reg = ui.registry;
    const int layer = focus_layer(reg);
    if (layer < 0) return false;
    const Element* at = cur_.layer == layer ? find(reg, cur_) : nullptr;
    if (!shown_ && at) {
        shown_ = true;
        ++moves_;  // said again: the shopper has just started listening
        ui.reveal(at->rect);
        return true;
    }
    shown_ = true;
    const Element* to = nullptr;
    if (key == NavKey::Next || key == NavKey::Prev) {
        const std::vector<const Element*> order = focus_order(reg, layer, false);
        if (order.empty()) return false;
        auto it = at ? std::find(order.begin(), order.end(), at) : order.end();
        if (it == order.end()) {
            to = key == NavKey::Next ? order.front() : order.back();
        } else {
            const std::size_t i = static_cast<std::size_t>(it - order.begin());
            to = key == NavKey::Next ? order[(i + 1) % order.size()] : order[(i + order.size() - 1) % order.size()];
        }
    } else {
        const std::vector<const Element*> all = focus_order(reg, layer, true);
        if (!at) {
            to = all.empty() ? nullptr : all.front();
        } else {
            std::vector<const Element*> others;
            for (const Element* e : all)
                if (e != at) others.push_back(e);
            to = nearest_in_direction(others, at->rect, key);
        }
    }
    if (!to) return false;
    land(*to);
    ui.reveal(to->rect);
    return true;
}

std::optional<ImVec2> KeypadFocus::activation_point(Ui& ui) const {
    const Element* e = find(ui.registry, cur_);
    if (!e || !e->interactive || !e->enabled) return std::nullopt;
    if (e->visible.empty()) {
        ui.reveal(e->rect);
        return std::nullopt;
    }
    return ImVec2(e->visible.cx(), e->visible.cy());
}

void KeypadFocus::restart(std::vector<std::string> skip) {
    restart_ = true;
    skip_ = std::move(skip);
}

void KeypadFocus::end_frame(Ui& ui) {
    const ElementRegistry& reg = ui.registry;
    const int layer = focus_layer(reg);
    if (layer < 0) return;
    bool restart = restart_;
    if (cur_.valid() && cur_.layer < layer) {
        // A modal opened: its first control, and the focus below is kept for its return.
        saved_.resize(static_cast<std::size_t>(layer));
        saved_[static_cast<std::size_t>(cur_.layer)] = cur_;
        restart = true;
    } else if (cur_.valid() && cur_.layer > layer) {
        cur_ = static_cast<std::size_t>(layer) < saved_.size() ? saved_[static_cast<std::size_t>(layer)] : Spot{};
        saved_.resize(static_cast<std::size_t>(layer));
        if (!find(reg, cur_)) restart = true;
        if (!restart) ++moves_;  // back where it was: said again
    }
    const Element* at = restart ? nullptr : find(reg, cur_);
    if (!at) {
        const std::vector<const Element*> order = focus_order(reg, layer, false);
        if (!restart && cur_.valid() && cur_.layer == layer) {
            // The focused element went away (a cart line removed): the nearest control.
            float best = std::numeric_limits<float>::max();
            for (const Element* e : order) {
                const float d = std::hypot(e->rect.cx() - cur_.rect.cx(), e->rect.cy() - cur_.rect.cy());
                if (d < best) {
                    best = d;
                    at = e;
                }
            }
        }
        bool content = at != nullptr;
        for (const Element* e : order) {
            if (at) break;
            const bool skipped = std::any_of(skip_.begin(), skip_.end(), [&](const std::string& p) {
                return e->id.compare(0, p.size(), p) == 0;
            });
            if (!skipped) {
                at = e;
                content = true;
            }
        }
        if (!at && !order.empty()) at = order.front();
        if (!at) return;
        cur_.layer = -1;  // always counts as a move
        land(*at);
        // A screen still loading has only the bar: its content's first control once it comes,
        // unless a key moved the focus meanwhile.
        restart_ = restart && !content;
    } else {
        cur_.rect = at->rect;
        cur_.label = at->label;
        restart_ = false;
    }
    if (!shown_ || at->visible.empty()) return;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float outer = ui.mm(1.4f), inner = ui.mm(0.9f), pad = ui.mm(1.0f);
    const ImVec2 min(at->visible.x - pad, at->visible.y - pad), max(at->visible.right() + pad, at->visible.bottom() + pad);
    dl->AddRect(ImVec2(min.x - outer * 0.5f, min.y - outer * 0.5f), ImVec2(max.x + outer * 0.5f, max.y + outer * 0.5f),
                IM_COL32(0, 0, 0, 255), ui.mm(2.5f), 0, outer + inner);
    dl->AddRect(min, max, IM_COL32(255, 214, 0, 255), ui.mm(2.0f), 0, inner);
}

}  // namespace render
