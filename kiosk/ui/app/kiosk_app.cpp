#include "kiosk_app.hpp"

#include "event_inbox.hpp"
#include "fonts.hpp"
#include "frame_stats.hpp"
#include "screens.hpp"
#include "screenshot.hpp"
#include "script_runner.hpp"
#include "shell.hpp"
#include "style.hpp"
#include "view_text.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>
#include <imgui_impl_sdlrenderer2.h>

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <iostream>

namespace kakanai::kiosk::ui {

namespace {

constexpr std::int64_t TICK_MS = 250;
constexpr int FRAME_MS = 16;

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
        , m_fonts(primedFonts(parts, renderer))
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
        m_processStart = processStart;
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
                double buildMs = 0;
                animating = renderFrame(buildMs);
                const auto now = std::chrono::steady_clock::now();
                if (!m_stats.hadFirstFrame()) {
                    m_stats.firstFrame(
                        std::chrono::duration<double, std::milli>(now - processStart).count());
                } else {
                    m_stats.frame(animating,
                        std::chrono::duration<double, std::milli>(now - started).count(), buildMs);
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
                world.viewText = [this] { return viewText(m_machine.view()); };
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
    /** Fonts primed with every text the configuration can show (UI text of the offered
     *  languages, templates, life events, the municipality) and the kana: Japanese and the
     *  default language in the base, the other languages held for their layer. */
    static KioskFonts primedFonts(const KioskParts& parts, SDL_Renderer* renderer)
    {
        KioskFonts fonts(parts.fonts, renderer);
        GlyphSet& glyphs = fonts.glyphs();
        glyphs.setDefaultLanguage(parts.setup.kiosk.defaultLanguage);
        if (parts.setup.text) {
            glyphs.primeUiText(*parts.setup.text, parts.setup.languages);
        }
        glyphs.primeTemplates(parts.setup.templates);
        glyphs.primeLifeEvents(parts.setup.lifeEvents);
        glyphs.primeKioskConfig(parts.setup.kiosk);
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
            m_stats.write(m_options.stats,
                AtlasFigures { m_fonts.rebuildCount(), m_fonts.cellAdditions(),
                    m_fonts.lastRebuildMs(), m_fonts.glyphCount(), m_fonts.atlasWidth(),
                    m_fonts.atlasHeight() });
        }
        return code;
    }

    ViewSignature signature() const
    {
        const ViewModel view = m_machine.view();
        return { view.screen, view.stillThereSeconds };
    }

    double msSinceStart() const
    {
        return std::chrono::duration<double, std::milli>(
            std::chrono::steady_clock::now() - m_processStart)
            .count();
    }

    /** Runs what the machine asked for (call right after each handle()). */
    void runEffects(std::vector<Effect> effects)
    {
        if (m_machine.screen() != m_machineScreen) {
            m_machineScreen = m_machine.screen();
            m_stats.entered(screenName(m_machineScreen), msSinceStart());
        }
        for (auto& effect : effects) {
            m_shell.run(std::move(effect));
        }
    }

    void prepareGlyphs(const PrepareGlyphs& request)
    {
        m_fonts.glyphs().require(request.text);
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

    /** Draws one frame; true when the screen animates. `buildMs`: the time spent before the
     *  renderer draws (view-model, fonts, ImGui). */
    bool renderFrame(double& buildMs)
    {
        const auto started = std::chrono::steady_clock::now();
        ViewModel view = m_machine.view();
        const float scale = static_cast<float>(view.scale);
        if (view.screen == Screen::Attract && m_drawnScreen != Screen::Attract) {
            m_fonts.glyphs().forgetVisit(); // the visit is over: drop its characters
        }
        m_drawnScreen = view.screen;
        m_fonts.glyphs().useLanguage(view.language); // one rebuild when a resident picks one
        m_fonts.glyphs().requireView(view);
        if (m_fonts.needsUpdate(scale)) {
            if (auto updated = m_fonts.update(scale); !updated) {
                std::cerr << "kakanai-kiosk: " << updated.error() << "\n";
            }
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
        // Not ImGui_ImplSDLRenderer2_NewFrame(): its only job is making a font texture, and
        // KioskFonts makes its own (without a 4-bytes-per-pixel copy of the atlas).
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        const double seconds = static_cast<double>(m_clock.nowMs()) / 1000.0;
        const FrameResult result = drawKiosk(view, m_fonts, m_registry, seconds);
        ImGui::Render();
        buildMs
            = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                  .count();
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
        m_stats.shown(screenName(view.screen), msSinceStart());
        ++m_frames;
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
    FrameStats m_stats;
    Screen m_drawnScreen = Screen::Attract;
    Screen m_machineScreen = Screen::Attract;
    std::chrono::steady_clock::time_point m_processStart;
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
