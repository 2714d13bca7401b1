// kakanai-present-floor: the frame time of an empty SDL_Renderer frame on this display, the
// floor under every figure bench/kiosk and bench/staff report. It opens a window of the given
// size with the same renderer the apps use (SDL_CreateRenderer(window, -1, 0)), and for each
// frame clears it, fills one moving card-sized rectangle, and presents, paced like an animating
// screen. It prints one JSON object with the frame times (clear + fill + present, wall):
//   {"renderer":"opengl","frames":N,"p50_ms":…,"p99_ms":…,"max_ms":…}
// Under Xvfb with llvmpipe the present copies the whole window to the X server; what that
// costs, and how often the machine delays it, is what this measures. No ImGui, no kakanai data.
//
// Usage: kakanai-present-floor [--frames N] [--width W] [--height H]
// Errors: exit 1 with a message on stderr when SDL cannot open the window or renderer; 2 for a
// bad argument.
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(
        values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

bool parsePositive(const char* text, int& out)
{
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value <= 0 || value > 100000) {
        return false;
    }
    out = static_cast<int>(value);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    int frames = 300;
    int width = 1920;
    int height = 1080;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        int* target = arg == "--frames" ? &frames
            : arg == "--width"          ? &width
            : arg == "--height"         ? &height
                                        : nullptr;
        if (!target || i + 1 >= argc || !parsePositive(argv[++i], *target)) {
            std::fprintf(
                stderr, "usage: kakanai-present-floor [--frames N] [--width W] [--height H]\n");
            return 2;
        }
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        std::fprintf(stderr, "kakanai-present-floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window* window = SDL_CreateWindow("kakanai-present-floor", SDL_WINDOWPOS_UNDEFINED,
        SDL_WINDOWPOS_UNDEFINED, width, height, SDL_WINDOW_SHOWN);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, 0) : nullptr;
    if (!renderer) {
        std::fprintf(stderr, "kakanai-present-floor: %s\n", SDL_GetError());
        SDL_Quit();
        return 1;
    }
    SDL_RendererInfo info {};
    SDL_GetRendererInfo(renderer, &info);

    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i) {
        SDL_Event event;
        while (SDL_PollEvent(&event)) { }
        const auto started = std::chrono::steady_clock::now();
        SDL_SetRenderDrawColor(renderer, 0xF3, 0xF4, 0xF8, 255);
        SDL_RenderClear(renderer);
        const SDL_Rect card { width / 2 - 170, height / 3 + (i * 4) % (height / 3), 340, 214 };
        SDL_SetRenderDrawColor(renderer, 0x00, 0x5A, 0xB8, 255);
        SDL_RenderFillRect(renderer, &card);
        SDL_RenderPresent(renderer);
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count());
        SDL_Delay(16); // an animating screen's pace, so the X server keeps up as it would
    }
    std::printf("{\"renderer\":\"%s\",\"frames\":%d,\"p50_ms\":%.3f,\"p99_ms\":%.3f,"
                "\"max_ms\":%.3f}\n",
        info.name ? info.name : "", frames, percentile(times, 0.5), percentile(times, 0.99),
        percentile(times, 1.0));
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
