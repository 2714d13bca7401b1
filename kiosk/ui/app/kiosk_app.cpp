#include "kiosk_app.hpp"

#include "event_inbox.hpp"
#include "fonts.hpp"
#include "screens.hpp"
#include "screenshot.hpp"
#include "script_runner.hpp"
#include "shell.hpp"
#include "style.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>
#include <imgui_impl_sdlrenderer2.h>

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <fstream>
#include <iostream>

namespace kakanai::kiosk::ui {

namespace {

constexpr std::int64_t TICK_MS = 250;
constexpr int FRAME_MS = 16;

struct Stats
{
    double firstFrameMs = -1;
    std::vector<double> animatedFrameMs;
    int frames = 0;

    void write(const std::filesystem::path& file, int fontRebuilds) const
    {
        std::vector<double> sorted = animatedFrameMs;
        std::sort(sorted.begin(), sorted.end());
        const auto pct = [&](double p) {
            return sorted.empty()
                ? -1.0
                : sorted[std::min(sorted.size() - 1,
                    static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
        };
        std::ofstream out(file);
        out << "{\"first_frame_ms\":" << firstFrameMs << ",\"frames\":" << frames
            << ",\"animated_frames\":" << sorted.size() << ",\"frame_p50_ms\":" << pct(0.5)
            << ",\"frame_p99_ms\":" << pct(0.99) << ",\"font_rebuilds\":" << fontRebuilds << "}\n";
    }
};

/** What decides whether the next Tick needs a frame. */
struct ViewSignature
{
    Screen screen = Screen::Attract;
    std::optional<int> stillThere;
    bool operator==(const ViewSignature&) const = default;
};

class KioskLoop
{
public:
    KioskLoop(
        const KioskOptions& options, KioskParts& parts, SDL_Window* window, SDL_Renderer* renderer)
        : m_options(options)
        , m_parts(parts)
        , m_window(window)
        , m_renderer(renderer)
        , m_fonts(primedFonts(parts))
        , m_machine(std::move(parts.setup), m_clock)
        , m_shell(
              *parts.card, *parts.records, *parts.printer,
              [this](Event e) { m_inbox.post(std::move(e)); },
              ShellHooks { [this] { return m_machine.visitId(); },
                  [this](const PrepareGlyphs& p) { prepareGlyphs(p); },
                  [](bool on) {
                      std::cerr << "kakanai-kiosk: staff indicator " << (on ? "on" : "off") << "\n";
                  } })
    {
        m_wakeEvent = SDL_RegisterEvents(1);
        m_inbox.setWake([this] {
            if (!m_wakePending.exchange(true)) {
                SDL_Event event {};
                event.type = m_wakeEvent;
                SDL_PushEvent(&event);
            }
        });
        if (!parts.script.empty()) {
            m_script.emplace(std::move(parts.script), options.screenshotDir);
        }
    }

    int run(std::chrono::steady_clock::time_point processStart)
    {
        m_parts.card->start([this](Event e) { m_inbox.post(std::move(e)); });
        std::int64_t lastTick = m_clock.nowMs();
        int framesWanted = 2;
        bool animating = false;
        while (true) {
            const bool busy = animating || framesWanted > 0 || m_script;
            const std::int64_t untilTick
                = std::max<std::int64_t>(0, lastTick + TICK_MS - m_clock.nowMs());
            SDL_Event event;
            bool have = SDL_WaitEventTimeout(&event,
                            static_cast<int>(
                                busy ? std::min<std::int64_t>(FRAME_MS, untilTick) : untilTick))
                != 0;
            while (have) {
                if (event.type == SDL_QUIT) {
                    return finish(0);
                }
                if (handleSdl(event)) {
                    framesWanted = std::max(framesWanted, 3);
                }
                have = SDL_PollEvent(&event) != 0;
            }
            m_wakePending = false;
            for (auto& e : m_inbox.drain()) {
                if (m_shell.acceptAnswer(e)) {
                    runEffects(m_machine.handle(e));
                    framesWanted = std::max(framesWanted, 2);
                }
            }
            if (m_clock.nowMs() - lastTick >= TICK_MS) {
                lastTick = m_clock.nowMs();
                const ViewSignature before = signature();
                runEffects(m_machine.handle(Tick {}));
                if (!(signature() == before)) {
                    framesWanted = std::max(framesWanted, 2);
                }
            }
            if (framesWanted > 0 || animating || m_shot || m_script) { // scripts draw on
                const auto started = std::chrono::steady_clock::now();
                animating = renderFrame();
                const double ms = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - started)
                                      .count();
                if (m_stats.firstFrameMs < 0) {
                    m_stats.firstFrameMs = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - processStart)
                                               .count();
                } else if (animating) {
                    m_stats.animatedFrameMs.push_back(ms);
                }
                framesWanted = m_tapped ? 3 : framesWanted - 1;
                m_tapped = false;
            }
            if (m_script) {
                ScriptWorld world;
                world.screen = m_machine.screen();
                world.registry = &m_registry;
                world.frames = m_frames;
                world.taps = m_taps;
                world.nowMs = m_clock.nowMs();
                SDL_GetWindowSize(m_window, &world.width, &world.height);
                world.card = m_parts.card.get();
                world.screenshot
                    = [this](std::filesystem::path file, std::function<void(std::string)> done) {
                          m_shot = ShotRequest { std::move(file), std::move(done) };
                      };
                m_script->poll(world);
                if (m_script->failed()) {
                    std::cerr << "kakanai-kiosk: script failed at " << m_script->error() << "\n";
                    return finish(1);
                }
                if (m_script->finished()) {
                    m_script.reset();
                    if (!m_options.keepOpen) {
                        return finish(0);
                    }
                }
            }
        }
    }

private:
    /** Fonts that already hold every UI text and template label of the offered languages. */
    static KioskFonts primedFonts(const KioskParts& parts)
    {
        KioskFonts fonts(parts.fonts);
        if (parts.setup.text) {
            fonts.requireUiText(*parts.setup.text, parts.setup.languages);
        }
        fonts.requireTemplates(parts.setup.templates);
        return fonts;
    }

    struct ShotRequest
    {
        std::filesystem::path file;
        std::function<void(std::string)> done;
    };

    int finish(int code)
    {
        m_shell.drain();
        if (!m_options.stats.empty()) {
            m_stats.write(m_options.stats, m_fonts.rebuildCount());
        }
        return code;
    }

    ViewSignature signature() const
    {
        const ViewModel view = m_machine.view();
        return { view.screen, view.stillThereSeconds };
    }

    void runEffects(std::vector<Effect> effects)
    {
        for (auto& effect : effects) {
            m_shell.run(std::move(effect));
        }
    }

    void prepareGlyphs(const PrepareGlyphs& request)
    {
        m_fonts.require(request.text);
        // Answered after the next atlas rebuild (renderFrame), so the review draws every glyph.
        m_pendingGlyphs = GlyphsReady { request.visitId, m_fonts.missing(request.text) };
    }

    /** Input for ImGui; true when a frame should follow. */
    bool handleSdl(const SDL_Event& event)
    {
        ImGuiIO& io = ImGui::GetIO();
        int width = 0;
        int height = 0;
        SDL_GetWindowSize(m_window, &width, &height);
        switch (event.type) {
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP: {
            // A finger is ImGui's touch-screen mouse: position, then the button.
            io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            io.AddMousePosEvent(event.tfinger.x * static_cast<float>(width),
                event.tfinger.y * static_cast<float>(height));
            if (event.type != SDL_FINGERMOTION) {
                io.AddMouseButtonEvent(ImGuiMouseButton_Left, event.type == SDL_FINGERDOWN);
            }
            if (event.type == SDL_FINGERUP) {
                io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); // a lifted finger hovers nothing
            }
            return true;
        }
        case SDL_MOUSEMOTION:
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
        case SDL_MOUSEWHEEL:
            if (event.motion.which == SDL_TOUCH_MOUSEID) {
                return false; // the finger event itself was handled
            }
            ImGui_ImplSDL2_ProcessEvent(&event);
            return true;
        case SDL_TEXTINPUT:
            runEffects(m_machine.handle(TypeText { event.text.text }));
            return true;
        case SDL_WINDOWEVENT:
            ImGui_ImplSDL2_ProcessEvent(&event);
            return true;
        default:
            return event.type == m_wakeEvent;
        }
    }

    /** Draws one frame; true when the screen animates. */
    bool renderFrame()
    {
        ViewModel view = m_machine.view();
        const float scale = static_cast<float>(view.scale);
        m_fonts.requireView(view);
        if (m_fonts.needsRebuild(scale)) {
            m_fonts.rebuild(scale);
        }
        if (m_pendingGlyphs) {
            m_inbox.post(std::move(*m_pendingGlyphs));
            m_pendingGlyphs.reset();
        }
        if (scale != m_styleScale || view.highContrast != m_styleContrast) {
            applyStyle(scale, view.highContrast);
            m_styleScale = scale;
            m_styleContrast = view.highContrast;
        }
        ImGui_ImplSDLRenderer2_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        const double seconds = static_cast<double>(m_clock.nowMs()) / 1000.0;
        const FrameResult result = drawKiosk(view, m_fonts, m_registry, seconds);
        ImGui::Render();
        const ImU32 bg = palette(view.highContrast).background;
        SDL_SetRenderDrawColor(m_renderer, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
        SDL_RenderClear(m_renderer);
        ImGui_ImplSDLRenderer2_RenderDrawData(ImGui::GetDrawData());
        if (m_shot) {
            auto image = captureRenderer(m_renderer);
            std::string error;
            if (!image) {
                error = image.error();
            } else if (auto written = writePng(m_shot->file, *image); !written) {
                error = written.error();
            }
            auto done = std::move(m_shot->done);
            m_shot.reset();
            done(error);
        }
        SDL_RenderPresent(m_renderer);
        ++m_frames;
        ++m_stats.frames;
        if (result.tap) {
            runEffects(m_machine.handle(Tap { *result.tap }));
            m_tapped = true;
            ++m_taps;
        }
        return result.animating;
    }

    const KioskOptions& m_options;
    KioskParts& m_parts;
    SDL_Window* m_window;
    SDL_Renderer* m_renderer;
    SystemClock m_clock;
    EventInbox m_inbox;
    KioskFonts m_fonts;
    KioskMachine m_machine;
    Shell m_shell;
    WidgetRegistry m_registry;
    std::optional<ScriptRunner> m_script;
    std::optional<ShotRequest> m_shot;
    std::optional<GlyphsReady> m_pendingGlyphs;
    std::uint32_t m_wakeEvent = 0;
    std::atomic<bool> m_wakePending { false };
    std::uint64_t m_frames = 0;
    std::uint64_t m_taps = 0; // taps delivered to the machine
    bool m_tapped = false;
    float m_styleScale = 0;
    bool m_styleContrast = false;
    Stats m_stats;
};

} // namespace

int runKiosk(const KioskOptions& options, KioskParts parts,
    std::chrono::steady_clock::time_point processStart)
{
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0"); // fingers are handled as fingers
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::cerr << "kakanai-kiosk: SDL_Init: " << SDL_GetError() << "\n";
        return 3;
    }
    SDL_Window* window = SDL_CreateWindow("kakanai kiosk", SDL_WINDOWPOS_CENTERED,
        SDL_WINDOWPOS_CENTERED, options.width, options.height, SDL_WINDOW_SHOWN);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, 0) : nullptr;
    if (!renderer) {
        std::cerr << "kakanai-kiosk: cannot create the window: " << SDL_GetError() << "\n";
        if (window) {
            SDL_DestroyWindow(window);
        }
        SDL_Quit();
        return 3;
    }
    SDL_StartTextInput();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().LogFilename = nullptr;
    ImGui_ImplSDL2_InitForSDLRenderer(window, renderer);
    ImGui_ImplSDLRenderer2_Init(renderer);
    int code = 0;
    {
        KioskLoop loop(options, parts, window, renderer);
        code = loop.run(processStart);
    }
    ImGui_ImplSDLRenderer2_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return code;
}

} // namespace kakanai::kiosk::ui
