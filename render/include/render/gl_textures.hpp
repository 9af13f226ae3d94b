#pragma once
// TextureBackend on OpenGL: RGBA8 textures with linear filtering and clamped edges, as Dear
// ImGui's OpenGL3 backend expects (ImTextureID = GL texture name). Thread rules: the thread that
// owns the GL context. Errors: `create` returns nullptr when GL refuses.

#include "render/images.hpp"

namespace render {

class GlTextureBackend : public TextureBackend {
  public:
    ImTextureID create(const std::uint8_t* rgba, int width, int height) override;
    void destroy(ImTextureID texture) override;
};

}  // namespace render
