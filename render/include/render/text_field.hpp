#pragma once
// A touch text field: shows the text being typed (from the on-screen keyboard) with a caret when
// focused, or a hint when empty, and reports taps (to focus it and show the keyboard). The text
// lives in the caller's state; long text scrolls so the caret end stays visible. Registered under
// `id`. Thread rules: UI thread, inside a frame. No errors.

#include <string_view>

#include "render/ui.hpp"

namespace render {

struct TextFieldOptions {
    bool focused = false;   // draws the caret and the accent border
    bool password = false;  // shows bullets instead of the characters
    float width = 0.0f;     // <= 0: available width
};

// True when tapped.
bool text_field(Ui& ui, const char* id, std::string_view text, const char* hint,
                const TextFieldOptions& opt = {});

}  // namespace render
