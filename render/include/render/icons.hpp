#pragma once
// Simple vector icons drawn with ImDrawList strokes, crisp at any size: home, back, cart,
// search, store, delivery, language, accessibility and a few utility glyphs.
// Thread rules: UI thread, inside a frame. No errors.

#include <imgui.h>

namespace render {

enum class Icon {
    None,
    Home,
    Back,
    Cart,
    Search,
    Store,
    Delivery,
    Language,
    Accessibility,
    Close,
    Check,
    Plus,
    Minus,
    ChevronRight,
    Backspace,
    Shift,
    Enter,
    Lock,
};

const char* icon_name(Icon icon);

// Draws `icon` centred on `centre` inside a `size` x `size` box.
void draw_icon(ImDrawList* dl, Icon icon, ImVec2 centre, float size, ImU32 colour);

}  // namespace render
