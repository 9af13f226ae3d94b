#pragma once
// Overlays: modal dialogs (a scrim over the screen and a centred card; everything below stops
// receiving input) and toasts (short messages at the bottom that fade out by themselves).
// Whether a modal is open is the caller's state; `Toasts` is owned by the application.
// Thread rules: UI thread, inside a frame. No errors.

#include <deque>
#include <string>

#include "render/ui.hpp"

namespace render {

struct ModalOptions {
    float width_mm = 150.0f;  // clamped to the screen
    float height_mm = 0.0f;   // 0: fit the content (previous frame's height)
    bool dismiss_on_scrim = true;
};

// Begins a modal window `id` with `title`. Returns true: draw the content, then call end_modal.
// `*dismissed` becomes true when the shopper taps the scrim outside the card.
bool begin_modal(Ui& ui, const char* id, const char* title, bool* dismissed,
                 const ModalOptions& opt = {});
void end_modal(Ui& ui);

enum class ToastKind { Info, Success, Error };

class Toasts {
  public:
    void push(std::string text, ToastKind kind, double now, double seconds = 3.0);
    // Draws the live toasts above everything; keeps the loop awake only while fading.
    void draw(Ui& ui);
    size_t size() const { return items_.size(); }

  private:
    struct Item {
        std::string text;
        ToastKind kind;
        double start, seconds;
    };
    std::deque<Item> items_;
};

}  // namespace render
