#include "render/screenshot.hpp"

#include <stb_image_write.h>

#include <cstring>

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>

namespace render {

std::vector<std::uint8_t> read_framebuffer(int width, int height) {
    if (width <= 0 || height <= 0) return {};
    const size_t row = static_cast<size_t>(width) * 4;
    std::vector<std::uint8_t> px(row * static_cast<size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // GL's origin is bottom-left: flip to top-down rows.
    std::vector<std::uint8_t> tmp(row);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* a = px.data() + row * static_cast<size_t>(y);
        std::uint8_t* b = px.data() + row * static_cast<size_t>(height - 1 - y);
        std::memcpy(tmp.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, tmp.data(), row);
    }
    for (size_t i = 3; i < px.size(); i += 4) px[i] = 255;  // opaque PNGs
    return px;
}

bool write_png(const std::string& path, const std::vector<std::uint8_t>& rgba, int width,
               int height, std::string* error) {
    if (width <= 0 || height <= 0 ||
        rgba.size() < static_cast<size_t>(width) * static_cast<size_t>(height) * 4) {
        if (error) *error = "empty or short image";
        return false;
    }
    if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4)) {
        if (error) *error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace render
