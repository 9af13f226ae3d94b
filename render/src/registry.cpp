#include "render/registry.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace render {

Rect intersect(const Rect& a, const Rect& b) {
    const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const float x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
    if (x1 <= x0 || y1 <= y0) return Rect{x0, y0, 0, 0};
    return Rect{x0, y0, x1 - x0, y1 - y0};
}

int ElementRegistry::top_layer() const {
    int top = 0;
    for (const auto& e : elements_) top = std::max(top, e.layer);
    return top;
}

std::vector<const Element*> ElementRegistry::visible() const {
    std::vector<const Element*> out;
    for (const auto& e : elements_)
        if (!e.visible.empty()) out.push_back(&e);
    return out;
}

const Element* ElementRegistry::find(std::string_view id) const {
    for (auto it = elements_.rbegin(); it != elements_.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

std::vector<const Element*> ElementRegistry::with_prefix(std::string_view prefix) const {
    std::vector<const Element*> out;
    for (const auto& e : elements_)
        if (e.id.compare(0, prefix.size(), prefix) == 0) out.push_back(&e);
    return out;
}

std::vector<AuditIssue> ElementRegistry::audit(float min_px) const {
    std::vector<AuditIssue> issues;
    const int top = top_layer();
    std::vector<const Element*> live;
    for (const auto& e : elements_)
        if (e.interactive && e.enabled && !e.visible.empty() && e.layer == top) live.push_back(&e);

    char buf[160];
    std::unordered_map<std::string, int> seen;
    for (const Element* e : live) {
        if (++seen[e->id] == 2)
            issues.push_back({AuditIssue::Kind::DuplicateId, e->id, e->id, "id registered twice"});
        // Judge the full rectangle: a tile half scrolled away is not a small target.
        if (e->rect.w < min_px || e->rect.h < min_px) {
            std::snprintf(buf, sizeof buf, "%.0fx%.0f px, below %.0f px", e->rect.w, e->rect.h,
                          min_px);
            issues.push_back({AuditIssue::Kind::TooSmall, e->id, {}, buf});
        }
    }
    for (const auto& e : elements_)
        if (e.overflow && !e.visible.empty() && e.layer == top)
            issues.push_back({AuditIssue::Kind::TextOverflow, e.id, {}, "text does not fit: \"" + e.label + "\""});
    for (size_t i = 0; i < live.size(); ++i) {
        for (size_t j = i + 1; j < live.size(); ++j) {
            const Rect r = intersect(live[i]->visible, live[j]->visible);
            // Touching edges and sub-pixel rounding are not overlaps.
            if (r.w > 1.0f && r.h > 1.0f && live[i]->id != live[j]->id && !live[i]->backdrop && !live[j]->backdrop) {
                std::snprintf(buf, sizeof buf, "overlap %.0fx%.0f px", r.w, r.h);
                issues.push_back({AuditIssue::Kind::Overlap, live[i]->id, live[j]->id, buf});
            }
        }
    }
    return issues;
}

}  // namespace render
