#pragma once
// QR codes (libqrencode) and 1-D barcodes (Code 128 and EAN-13, encoded by zxing-cpp), drawn as
// filled rectangles snapped to whole pixels so they stay crisp and scannable at any size. The
// encoders are pure and safe from any thread; drawing is UI thread, inside a frame.
// Errors: encoders return std::nullopt for text the symbology cannot carry (EAN-13 wants 12 or
// 13 digits with a valid check digit; QR data too long).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace render {

// A square matrix of modules, row-major, 1 = dark. No quiet zone.
struct QrMatrix {
    int size = 0;
    std::vector<std::uint8_t> dark;
    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

enum class QrLevel { L, M, Q, H };
std::optional<QrMatrix> encode_qr(std::string_view text, QrLevel level = QrLevel::M);

enum class Barcode1D { Code128, Ean13 };
// Bars as modules left to right, 1 = dark. No quiet zone.
std::optional<std::vector<std::uint8_t>> encode_barcode(std::string_view text, Barcode1D kind);

// Draws `qr` inside the square (`pos`, `side` px) with a 4-module white quiet zone; the module
// size is a whole number of pixels (the code is centred in the leftover). Returns the drawn
// side in pixels (0 when `side` is too small for one pixel per module).
float draw_qr(ImDrawList* dl, const QrMatrix& qr, ImVec2 pos, float side);

// Draws bars inside `size` with a 10-module quiet zone on each side, whole-pixel modules,
// centred. `caption` (may be empty) is printed under the bars. Returns the drawn bar width.
float draw_barcode(ImDrawList* dl, const std::vector<std::uint8_t>& modules, ImVec2 pos,
                   ImVec2 size, ImFont* font = nullptr, std::string_view caption = {});

}  // namespace render
