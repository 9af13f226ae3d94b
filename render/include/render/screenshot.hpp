#pragma once
// Screenshots: read back the current GL framebuffer and write PNG files (stb_image_write).
// Thread rules: `read_framebuffer` on the thread that owns the GL context; `write_png` anywhere.
// Errors: `write_png` returns false and fills `error`.

#include <cstdint>
#include <string>
#include <vector>

namespace render {

// RGBA, rows top to bottom, of the back buffer (the frame just rendered, before the swap).
std::vector<std::uint8_t> read_framebuffer(int width, int height);

bool write_png(const std::string& path, const std::vector<std::uint8_t>& rgba, int width,
               int height, std::string* error);

}  // namespace render
