// Demo pictures for the gallery: soft gradients with a simple product-like silhouette, written
// as PNG and JPEG so both decoders are exercised.
#include <stb_image_write.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "gallery.hpp"

namespace gallery {

std::vector<std::string> make_demo_images(const std::string& dir) {
    struct Look {
        std::uint8_t r, g, b;
        int shape;  // 0 disc, 1 rounded box, 2 triangle
        int w, h;
    };
    const Look looks[] = {{220, 70, 60, 0, 900, 900},  {40, 120, 200, 1, 1200, 800},
                          {60, 160, 90, 2, 800, 1000}, {240, 170, 40, 0, 1000, 1000},
                          {130, 80, 170, 1, 900, 900}, {30, 30, 40, 2, 1400, 900}};
    std::vector<std::string> out;
    int n = 0;
    for (const Look& l : looks) {
        std::vector<std::uint8_t> px(static_cast<size_t>(l.w) * l.h * 3);
        for (int y = 0; y < l.h; ++y) {
            for (int x = 0; x < l.w; ++x) {
                const float u = static_cast<float>(x) / l.w, v = static_cast<float>(y) / l.h;
                const float cx = u - 0.5f, cy = v - 0.5f;
                bool in = false;
                if (l.shape == 0) in = cx * cx + cy * cy < 0.09f;
                if (l.shape == 1) in = std::fabs(cx) < 0.3f && std::fabs(cy) < 0.22f;
                if (l.shape == 2)
                    in = cy > -0.3f && cy < 0.3f && std::fabs(cx) < (cy + 0.3f) * 0.6f;
                const float shade = 0.92f - 0.1f * v;
                std::uint8_t* p = &px[(static_cast<size_t>(y) * l.w + x) * 3];
                if (in) {
                    const float k = 0.75f + 0.25f * (1.0f - v);
                    p[0] = static_cast<std::uint8_t>(l.r * k);
                    p[1] = static_cast<std::uint8_t>(l.g * k);
                    p[2] = static_cast<std::uint8_t>(l.b * k);
                } else {
                    p[0] = p[1] = p[2] = static_cast<std::uint8_t>(255 * shade);
                }
            }
        }
        const bool jpeg = n % 2 == 1;
        const std::string path = dir + "/demo" + std::to_string(n) + (jpeg ? ".jpg" : ".png");
        const bool ok = jpeg ? stbi_write_jpg(path.c_str(), l.w, l.h, 3, px.data(), 88) != 0
                             : stbi_write_png(path.c_str(), l.w, l.h, 3, px.data(), l.w * 3) != 0;
        if (ok) out.push_back(path);
        ++n;
    }
    return out;
}

}  // namespace gallery
