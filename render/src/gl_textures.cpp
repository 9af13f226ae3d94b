#include "render/gl_textures.hpp"

#include <cstdint>

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>

namespace render {

ImTextureID GlTextureBackend::create(const std::uint8_t* rgba, int width, int height) {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    if (tex == 0) return nullptr;
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, 0);
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex));
}

void GlTextureBackend::destroy(ImTextureID texture) {
    const GLuint tex = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(texture));
    if (tex) glDeleteTextures(1, &tex);
}

}  // namespace render
