// Scanner keystroke bursts.
#include "kiosk/scan.hpp"

namespace kiosk {

std::optional<std::string> ScanDetector::feed(const render::KeyStroke& k) {
    const bool in_burst = last_ >= 0 && k.t - last_ <= max_gap_s;
    if (!in_burst) buffer_.clear();
    last_ = k.t;
    if (k.enter) {
        std::string code;
        code.swap(buffer_);
        last_ = -1.0;
        if (in_burst && code.size() >= min_length) return code;
        return std::nullopt;
    }
    // Printable ASCII only: codes are digits and letters; anything else breaks the burst.
    if (k.text.size() != 1 || static_cast<unsigned char>(k.text[0]) < 0x20 || static_cast<unsigned char>(k.text[0]) > 0x7E) {
        buffer_.clear();
        return std::nullopt;
    }
    if (buffer_.size() < max_length) buffer_ += k.text;
    return std::nullopt;
}

}  // namespace kiosk
