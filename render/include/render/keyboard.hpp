#pragma once
// The on-screen keyboard: AZERTY or QWERTY letters, a numeric pad, shift (tap: next letter;
// double tap: caps lock), accented letters through a long press (slide onto the accent and lift,
// or tap it), backspace that repeats while held, space and Enter. Keys insert on release, like a
// phone keyboard, so a finger sliding off a key cancels it. Each key registers "<id>.key.<name>"
// (e.g. "osk.key.e", "osk.key.backspace") so scenarios can type by tapping.
// `KeyboardState` is the caller's scratch (keep it while the keyboard is shown); the edited text
// is the caller's string. Thread rules: UI thread, inside a frame. No errors.

#include <cstdint>
#include <string>
#include <vector>

#include "render/keyboard_layout.hpp"
#include "render/ui.hpp"

namespace render {

struct KeyboardState {
    KeyboardLayout layout = KeyboardLayout::Azerty;
    KeyboardLayout letters = KeyboardLayout::Azerty;  // where "ABC" returns to
    bool shift = false;
    bool caps = false;
    double last_shift_tap = -1.0;
    // Accent popup.
    bool accents_open = false;
    std::vector<std::string> accents;
    ImRect accent_anchor;
    // Backspace auto-repeat.
    std::uint32_t backspace_press = 0;
    double backspace_next = 0.0;
    std::size_t max_length = 256;  // bytes; further input is ignored
};

struct KeyboardResult {
    bool changed = false;  // `text` was edited this frame
    bool enter = false;    // Enter was tapped
};

// Height the keyboard needs at the current scale.
float keyboard_height(const Ui& ui, KeyboardLayout layout);

// Draws the keyboard in the current window at the cursor, `width` wide (<= 0: available
// width), editing `text`.
KeyboardResult on_screen_keyboard(Ui& ui, const char* id, KeyboardState& st, std::string& text,
                                  float width = 0.0f);

}  // namespace render
