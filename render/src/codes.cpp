#include "render/codes.hpp"

#include <BitMatrix.h>
#include <MultiFormatWriter.h>
#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <string>

namespace render {

std::optional<QrMatrix> encode_qr(std::string_view text, QrLevel level) {
    const QRecLevel l = level == QrLevel::L   ? QR_ECLEVEL_L
                        : level == QrLevel::M ? QR_ECLEVEL_M
                        : level == QrLevel::Q ? QR_ECLEVEL_Q
                                              : QR_ECLEVEL_H;
    const std::string data(text);
    // 8-bit mode: any UTF-8 text round-trips byte for byte.
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeData(static_cast<int>(data.size()),
                          reinterpret_cast<const unsigned char*>(data.data()), 0, l),
        QRcode_free);
    if (!code || code->width <= 0) return std::nullopt;
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(static_cast<size_t>(m.size) * m.size);
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
    return m;
}

std::optional<std::vector<std::uint8_t>> encode_barcode(std::string_view text, Barcode1D kind) {
    if (text.empty()) return std::nullopt;
    try {
        const ZXing::BarcodeFormat f = kind == Barcode1D::Code128 ? ZXing::BarcodeFormat::Code128
                                                                  : ZXing::BarcodeFormat::EAN13;
        ZXing::MultiFormatWriter writer(f);
        writer.setMargin(0);
        const ZXing::BitMatrix bits = writer.encode(std::string(text), 1, 1);
        if (bits.width() <= 0 || bits.height() <= 0) return std::nullopt;
        std::vector<std::uint8_t> modules(static_cast<size_t>(bits.width()));
        for (int x = 0; x < bits.width(); ++x) modules[static_cast<size_t>(x)] = bits.get(x, 0);
        return modules;
    } catch (const std::exception&) {
        return std::nullopt;  // zxing throws std::invalid_argument for unencodable contents
    }
}

float draw_qr(ImDrawList* dl, const QrMatrix& qr, ImVec2 pos, float side) {
    const int quiet = 4;
    const int total = qr.size + 2 * quiet;
    const float module = std::floor(side / static_cast<float>(total));
    if (module < 1.0f || qr.size == 0) return 0.0f;
    const float drawn = module * static_cast<float>(total);
    const ImVec2 o(std::floor(pos.x + (side - drawn) * 0.5f),
                   std::floor(pos.y + (side - drawn) * 0.5f));
    dl->AddRectFilled(o, ImVec2(o.x + drawn, o.y + drawn), IM_COL32_WHITE);
    const ImU32 black = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < qr.size; ++y) {
        // Merge horizontal runs: fewer rectangles, no seams between modules.
        int x = 0;
        while (x < qr.size) {
            if (!qr.at(x, y)) {
                ++x;
                continue;
            }
            int run = x;
            while (run < qr.size && qr.at(run, y)) ++run;
            const ImVec2 a(o.x + module * static_cast<float>(x + quiet),
                           o.y + module * static_cast<float>(y + quiet));
            dl->AddRectFilled(a, ImVec2(a.x + module * static_cast<float>(run - x), a.y + module),
                              black);
            x = run;
        }
    }
    return drawn;
}

float draw_barcode(ImDrawList* dl, const std::vector<std::uint8_t>& modules, ImVec2 pos,
                   ImVec2 size, ImFont* font, std::string_view caption) {
    const int quiet = 10;
    const int total = static_cast<int>(modules.size()) + 2 * quiet;
    const float module = std::floor(size.x / static_cast<float>(total));
    if (module < 1.0f || modules.empty()) return 0.0f;
    const float drawn = module * static_cast<float>(total);
    const float caption_h = font && !caption.empty() ? font->FontSize * 1.1f : 0.0f;
    const ImVec2 o(std::floor(pos.x + (size.x - drawn) * 0.5f), std::floor(pos.y));
    const float bar_h = std::floor(size.y - caption_h);
    dl->AddRectFilled(o, ImVec2(o.x + drawn, o.y + size.y), IM_COL32_WHITE);
    const ImU32 black = IM_COL32(0, 0, 0, 255);
    size_t i = 0;
    while (i < modules.size()) {
        if (!modules[i]) {
            ++i;
            continue;
        }
        size_t run = i;
        while (run < modules.size() && modules[run]) ++run;
        const float x = o.x + module * static_cast<float>(static_cast<int>(i) + quiet);
        dl->AddRectFilled(ImVec2(x, o.y),
                          ImVec2(x + module * static_cast<float>(run - i), o.y + bar_h), black);
        i = run;
    }
    if (caption_h > 0) {
        const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, caption.data(),
                                              caption.data() + caption.size());
        dl->AddText(font, font->FontSize,
                    ImVec2(o.x + (drawn - ts.x) * 0.5f, o.y + bar_h + font->FontSize * 0.05f),
                    black, caption.data(), caption.data() + caption.size());
    }
    return drawn;
}

}  // namespace render
