#pragma once
// The element registry: every interactive element registers a stable string id (e.g.
// "home.search", "product.variant.size.M") and its on-screen rectangle each frame. Scenario runs
// query it (what is visible, where is id X, tap its centre) and the accessibility audit reads it
// (tap targets smaller than the minimum, or overlapping each other, and text that does not fit).
// Rebuilt every frame: `begin_frame` clears it. Elements on different layers (a modal above the
// screen) never count as overlapping. Thread rules: UI thread only. No errors: a duplicate id is
// kept (both entries) and reported by the audit.

#include <string>
#include <string_view>
#include <vector>

namespace render {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    float cx() const { return x + w * 0.5f; }
    float cy() const { return y + h * 0.5f; }
    bool contains(float px, float py) const {
        return px >= x && py >= y && px < right() && py < bottom();
    }
    bool empty() const { return w <= 0 || h <= 0; }
};
Rect intersect(const Rect& a, const Rect& b);

// What an element is, for speech output ("Ajouter au panier, bouton").
enum class Role { Text, Button, Toggle, Link, Field, Key };

struct Element {
    std::string id;
    std::string label;  // human text, may be empty
    std::string detail; // said after the label: a tile's brand and price, a field's value
    Role role = Role::Button;  // Text when not interactive
    bool selected = false;     // a Toggle that is on
    Rect rect;          // full rectangle in window pixels
    Rect visible;       // part not clipped by scrolling regions (empty: scrolled away)
    int layer = 0;      // 0 = screen, higher = overlays (modal, keyboard, toast)
    bool interactive = true;
    bool enabled = true;
    bool overflow = false;  // its text does not fit: wider than its button, or cut by its region
    bool backdrop = false;  // behind the other controls by design ("touch anywhere"): never an overlap
};

struct AuditIssue {
    enum class Kind { TooSmall, Overlap, DuplicateId, TextOverflow };
    Kind kind = Kind::TooSmall;
    std::string id, other;  // other: the second element of an overlap / duplicate
    std::string message;
};

class ElementRegistry {
  public:
    void begin_frame() { elements_.clear(); }
    void add(Element e) { elements_.push_back(std::move(e)); }
    // The element registered last (widgets mark what they found while drawing it).
    Element* last() { return elements_.empty() ? nullptr : &elements_.back(); }

    const std::vector<Element>& all() const { return elements_; }
    // Elements with a non-empty visible part, on the topmost layer present and below.
    std::vector<const Element*> visible() const;
    // The last registered element with this id (nullptr when absent this frame).
    const Element* find(std::string_view id) const;
    // Ids starting with `prefix`, in registration order.
    std::vector<const Element*> with_prefix(std::string_view prefix) const;
    int top_layer() const;

    // Interactive, visible elements on the top layer smaller than `min_px` in either
    // dimension, overlapping another one on the same layer, or sharing an id; and visible
    // elements on the top layer (texts included) whose text overflows.
    std::vector<AuditIssue> audit(float min_px) const;

  private:
    std::vector<Element> elements_;
};

}  // namespace render
