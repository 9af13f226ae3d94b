#pragma once
// Keypad navigation: a focus ring that a USB keypad or keyboard moves through the elements of
// the registry, for a shopper who cannot use the touchscreen.
//   Tab / Shift-Tab: the next / previous control (interactive element), in the order the screen
//     lays them out (its reading order: the bar, then the content top to bottom, a left column
//     before the right one), wrapping around;
//   arrows: the nearest element in that direction, texts included (a blind shopper hears the
//     price and the stock lines); on the on-screen keyboard they move from key to key;
//   Enter: the caller taps the focused control at its centre (`activation_point`, then
//     Platform::inject_tap), so every control works as it does under a finger.
// Only the topmost layer holding a control is navigable (a modal); the focus the layer below had
// comes back when it closes. Elements scrolled away are reached too: the scroll regions bring the
// focused one into view (Ui::reveal). The ring is large, black and yellow, readable on any colour.
// Thread rules: UI thread. No errors: with no control on screen there is no focus.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "render/ui.hpp"

namespace render {

// The elements a keypad reaches on `layer`: controls (interactive, not a "touch anywhere"
// backdrop) in registration order, and with `texts` also the labelled texts.
std::vector<const Element*> focus_order(const ElementRegistry& reg, int layer, bool texts);
// The topmost layer holding a control (-1: none).
int focus_layer(const ElementRegistry& reg);
// The element nearest to `from` in the direction of `key` (Up, Down, Left, Right) among
// `candidates` (nullptr: none that way).
const Element* nearest_in_direction(const std::vector<const Element*>& candidates, const Rect& from, NavKey key);

class KeypadFocus {
  public:
    // Before Ui::begin_frame (the registry still holds the previous frame): moves the focus for
    // `key` (Next, Prev, Up, Down, Left, Right) and shows the ring. The first key only shows the
    // ring where the focus is. Returns true when the focus landed on another element.
    bool navigate(Ui& ui, NavKey key);
    // Enter: where to tap the focused control (its visible centre); nullopt when nothing is
    // focused, it is a text or disabled, or it is out of view (then it is brought into view).
    std::optional<ImVec2> activation_point(Ui& ui) const;
    // After the screens drew: keeps the focus on a live element (the same one, else the nearest,
    // else the first control) and draws the ring when shown.
    void end_frame(Ui& ui);
    // The screen changed: the next end_frame focuses the first control whose id does not start
    // with one of `skip` (the navigation bar), or the first control.
    void restart(std::vector<std::string> skip = {});
    void show(bool on) { shown_ = on; }
    bool shown() const { return shown_; }
    // The focused element in `reg` (nullptr: none).
    const Element* focused(const ElementRegistry& reg) const;
    // Increments whenever the focus lands on another element (speech says the new one).
    std::uint64_t moves() const { return moves_; }

  private:
    struct Spot {
        std::string id, label;
        Rect rect;
        int layer = -1;
        bool valid() const { return layer >= 0; }
    };
    const Element* find(const ElementRegistry& reg, const Spot& s) const;
    void land(const Element& e);

    Spot cur_;
    std::vector<Spot> saved_;  // the focus of each layer below the current one
    bool restart_ = true;
    std::vector<std::string> skip_;
    bool shown_ = false;
    std::uint64_t moves_ = 0;
};

}  // namespace render
