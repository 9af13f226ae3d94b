#pragma once
// Layouts of the on-screen keyboard (AZERTY, QWERTY, numeric pad), the accented letters offered
// on a long press, and UTF-8 editing helpers. Pure data and functions: no ImGui state, safe
// from any thread, no errors (unknown input gives an empty answer).

#include <string>
#include <string_view>
#include <vector>

namespace render {

enum class KeyboardLayout { Azerty, Qwerty, Numeric };

enum class KeyKind { Char, Shift, Backspace, Enter, Space, ToNumeric, ToLetters };

struct Key {
    KeyKind kind = KeyKind::Char;
    std::string text;    // inserted text (lower case) for Char keys; the label otherwise
    float width = 1.0f;  // in key units
    std::string id;      // registry suffix: "a", "shift", "backspace", "enter", "space", ...
};

using KeyRow = std::vector<Key>;

// Rows from top to bottom.
const std::vector<KeyRow>& keyboard_rows(KeyboardLayout layout);

// Accented variants of a base letter ("e" -> "é è ê ë"), upper-case when `upper`. Empty when
// the letter has none.
std::vector<std::string> accents_for(std::string_view base, bool upper);

// Upper case of a single (possibly accented) Latin letter in UTF-8; other text is unchanged.
std::string utf8_upper(std::string_view s);

// Removes the last UTF-8 character (no-op on an empty string).
void utf8_pop_back(std::string& s);

}  // namespace render
