#include "font_texture.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace kakanai::kiosk::ui {

namespace {

constexpr int STRIP_ROWS = 64;

/** ABGR8888 is R, G, B, A in memory: white with the glyph's coverage as alpha. */
void widen(const unsigned char* alpha, std::size_t count, std::uint32_t* out)
{
    for (std::size_t i = 0; i < count; ++i) {
        out[i] = (static_cast<std::uint32_t>(alpha[i]) << 24) | 0x00FFFFFFu;
    }
}

} // namespace

FontTexture::FontTexture(FontTexture&& other) noexcept
    : m_renderer(other.m_renderer)
    , m_texture(std::exchange(other.m_texture, nullptr))
{
}

void FontTexture::destroy()
{
    if (m_texture) {
        if (ImGui::GetCurrentContext() && ImGui::GetIO().Fonts->TexID == m_texture) {
            ImGui::GetIO().Fonts->SetTexID(nullptr);
        }
        SDL_DestroyTexture(m_texture);
        m_texture = nullptr;
    }
}

Result<Ok, std::string> FontTexture::upload(const unsigned char* alpha, int width, int height)
{
    destroy();
    m_texture = SDL_CreateTexture(
        m_renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, width, height);
    if (!m_texture) {
        return fail(std::string("cannot create the font texture: ") + SDL_GetError());
    }
    SDL_SetTextureBlendMode(m_texture, SDL_BLENDMODE_BLEND);
    // Glyphs are baked per size and drawn 1:1 at whole pixels (no oversampling, PixelSnapH,
    // ImGui floors text positions), so nearest sampling shows the same text as bilinear and
    // costs llvmpipe less per pixel (about 1 ms of a frame under Xvfb).
    SDL_SetTextureScaleMode(m_texture, SDL_ScaleModeNearest);
    std::vector<std::uint32_t> strip(static_cast<std::size_t>(width) * STRIP_ROWS);
    for (int top = 0; top < height; top += STRIP_ROWS) {
        const int rows = std::min(STRIP_ROWS, height - top);
        const unsigned char* in = alpha + static_cast<std::size_t>(top) * width;
        widen(in, static_cast<std::size_t>(rows) * width, strip.data());
        const SDL_Rect rect { 0, top, width, rows };
        if (SDL_UpdateTexture(m_texture, &rect, strip.data(), width * 4) != 0) {
            const std::string error
                = std::string("cannot upload the font texture: ") + SDL_GetError();
            destroy();
            return fail(error);
        }
    }
    ImGui::GetIO().Fonts->SetTexID(static_cast<ImTextureID>(m_texture));
    return Ok {};
}

Result<Ok, std::string> FontTexture::update(
    int x, int y, int width, int height, const unsigned char* alpha)
{
    if (!m_texture) {
        return fail(std::string("no font texture to update"));
    }
    std::vector<std::uint32_t> pixels(static_cast<std::size_t>(width) * height);
    widen(alpha, pixels.size(), pixels.data());
    const SDL_Rect rect { x, y, width, height };
    if (SDL_UpdateTexture(m_texture, &rect, pixels.data(), width * 4) != 0) {
        return fail(std::string("cannot update the font texture: ") + SDL_GetError());
    }
    return Ok {};
}

} // namespace kakanai::kiosk::ui
