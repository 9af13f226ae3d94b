#pragma once
// Tells a USB barcode scanner from a person typing: a scanner "types" the code's characters a few
// milliseconds apart and ends with Enter. A burst of at least `min_length` printable characters,
// each within `max_gap_s` of the previous one, ended by Enter, is a scan; anything slower is
// forgotten. Pure: timestamps come with the keystrokes. UI thread; no errors.

#include <optional>
#include <string>

#include "render/ui.hpp"

namespace kiosk {

class ScanDetector {
  public:
    double max_gap_s = 0.08;
    std::size_t min_length = 4;
    std::size_t max_length = 64;

    // Returns the scanned code when `k` completes one.
    std::optional<std::string> feed(const render::KeyStroke& k);

  private:
    std::string buffer_;
    double last_ = -1.0;
};

}  // namespace kiosk
