// The font atlas's texture on the SDL_Renderer, made straight from ImGui's 8-bit alpha pixels:
// they are widened to white RGBA 64 rows at a time, so the 4-bytes-per-pixel copy of the whole
// atlas that ImGui's GetTexDataAsRGBA32 would keep (16 MB at 1920×1080, 64 MB at 200 % zoom)
// never exists. The kiosk manages this texture itself instead of the SDL_Renderer backend's
// (ImGui_ImplSDLRenderer2_NewFrame, which would build one from the RGBA copy, is not called).
//
// Errors: upload() returns SDL's message when the texture cannot be created or updated; the
// previous texture is destroyed first either way.
#pragma once

#include "kakanai/base/result.hpp"

#include <SDL.h>

#include <string>

namespace kakanai::kiosk::ui {

class FontTexture
{
public:
    explicit FontTexture(SDL_Renderer* renderer)
        : m_renderer(renderer)
    {
    }
    ~FontTexture() { destroy(); }
    FontTexture(FontTexture&& other) noexcept;
    FontTexture& operator=(FontTexture&&) = delete;
    FontTexture(const FontTexture&) = delete;
    FontTexture& operator=(const FontTexture&) = delete;

    /** Uploads the atlas (width × height alpha bytes) and makes it ImGui's font texture. */
    Result<Ok, std::string> upload(const unsigned char* alpha, int width, int height);
    /** Replaces a rectangle of the texture with `alpha` (width × height bytes). */
    Result<Ok, std::string> update(int x, int y, int width, int height, const unsigned char* alpha);
    void destroy();
    SDL_Texture* texture() const { return m_texture; }

private:
    SDL_Renderer* m_renderer;
    SDL_Texture* m_texture = nullptr;
};

} // namespace kakanai::kiosk::ui
