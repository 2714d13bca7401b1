// The staff console's SDL loop (see staff_app.hpp). The structure follows the kiosk's
// kiosk/ui/app/kiosk_app.cpp.
#include "staff_app.hpp"

#include "beep.hpp"
#include "frame_cost.hpp"
#include "screens.hpp"
#include "screenshot.hpp"
#include "script_runner.hpp"
#include "secret_text.hpp"
#include "staff_fonts.hpp"
#include "stats.hpp"

#include "kakanai/queue/clock.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>
#include <imgui_impl_sdlrenderer2.h>

#include <algorithm>
#include <atomic>
#include <iostream>

namespace kakanai::staff::ui {

namespace {

constexpr std::int64_t TICK_MS = 1000;
constexpr int FRAME_MS = 16;

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

bool isInput(Uint32 type)
{
    return type == SDL_KEYDOWN || type == SDL_KEYUP || type == SDL_TEXTINPUT
        || type == SDL_TEXTEDITING || type == SDL_MOUSEMOTION || type == SDL_MOUSEBUTTONDOWN
        || type == SDL_MOUSEBUTTONUP || type == SDL_MOUSEWHEEL;
}

class StaffLoop
{
public:
    StaffLoop(
        const StaffOptions& options, StaffParts& parts, SDL_Window* window, SDL_Renderer* renderer)
        : m_options(options)
        , m_parts(parts)
        , m_desk(*parts.desk)
        , m_window(window)
        , m_renderer(renderer)
        , m_fonts(parts.fonts)
    {
        m_fonts.requireTemplates(parts.templates);
        m_wakeEvent = SDL_RegisterEvents(1);
        // From the print thread. It must not use `this`: a job may end after the loop is gone
        // (SDL_PushEvent then fails harmlessly).
        m_desk.console().setPrintWake([type = m_wakeEvent] {
            SDL_Event event {};
            event.type = type;
            SDL_PushEvent(&event);
        });
        if (!parts.script.empty()) {
            m_script.emplace(std::move(parts.script), options.screenshotDir);
        }
    }

    int run(std::chrono::steady_clock::time_point processStart)
    {
        auto feed = ChangeFeed::start(m_options.db, [this] {
            if (!m_wakePending.exchange(true)) {
                SDL_Event event {};
                event.type = m_wakeEvent;
                SDL_PushEvent(&event);
            }
        });
        if (!feed) {
            std::cerr << "kakanai-staff: cannot watch the queue: " << feed.error() << "\n";
            return 3;
        }
        std::int64_t lastTick = nowMs();
        int framesWanted = 2;
        DeskScreen shown = m_desk.screen();
        std::uint64_t generation = m_desk.generation();
        std::cerr << "kakanai-staff: screen " << deskScreenName(shown) << "\n";
        while (true) {
            const bool busy = framesWanted > 0 || m_script;
            const std::int64_t untilTick = std::max<std::int64_t>(0, lastTick + TICK_MS - nowMs());
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
            (void)m_desk.onPrintProgress(); // a job moved on or ended: Desk bumps its generation
            if ((*feed)->takeChange()) {
                const auto started = std::chrono::steady_clock::now();
                std::vector<std::string> fresh = m_desk.onQueueChanged();
                m_stats.refreshMs.push_back(msSince(started));
                if (!fresh.empty()) {
                    m_freshRows.insert(m_freshRows.end(), fresh.begin(), fresh.end());
                    if (m_desk.sound()) {
                        m_beep.play();
                    }
                }
            }
            if (nowMs() - lastTick >= TICK_MS) {
                lastTick = nowMs();
                m_desk.tick();
            }
            if (m_desk.generation() != generation) {
                generation = m_desk.generation();
                framesWanted = std::max(framesWanted, 2);
            }
            if (m_desk.screen() != shown) {
                shown = m_desk.screen();
                std::cerr << "kakanai-staff: screen " << deskScreenName(shown) << "\n";
                m_listFramePending = shown == DeskScreen::List;
            }
            if (framesWanted > 0 || m_shot || m_script) { // scripts draw on
                const bool scrolling = m_script && m_script->scrolling();
                const auto started = std::chrono::steady_clock::now();
                framesWanted = renderFrame() ? 3 : framesWanted - 1;
                const double ms = msSince(started);
                if (m_stats.firstFrameMs < 0) {
                    m_stats.firstFrameMs = msSince(processStart);
                }
                if (m_listFramePending && shown == DeskScreen::List) {
                    m_stats.listFirstFrameMs = ms;
                    m_listFramePending = false;
                }
                if (scrolling) {
                    m_stats.scrollFrameMs.push_back(ms);
                    m_stats.scrollBuildMs.push_back(m_lastBuildMs);
                    m_stats.scrollRenderMs.push_back(m_lastRender.wallMs);
                    m_stats.scrollRenderCpuMs.push_back(m_lastRender.cpuMs);
                    m_stats.scrollPixels.push_back(m_lastRender.pixels);
                }
            }
            if (m_script) {
                ScriptWorld world;
                world.screen = m_desk.screen();
                world.registry = &m_registry;
                world.frames = m_frames;
                world.clicks = m_clicks;
                world.nowMs = nowMs();
                world.window = m_window;
                world.hasRow = [this](const std::string& ticket) { return m_desk.hasRow(ticket); };
                world.screenshot
                    = [this](std::filesystem::path file, std::function<void(std::string)> done) {
                          m_shot = ShotRequest { std::move(file), std::move(done) };
                      };
                m_script->poll(world);
                if (m_script->failed()) {
                    std::cerr << "kakanai-staff: script failed at " << m_script->error() << "\n";
                    return finish(1);
                }
                if (m_script->finished()) {
                    m_script.reset();
                    std::cerr << "kakanai-staff: script finished\n";
                    if (!m_options.keepOpen) {
                        return finish(0);
                    }
                }
            }
        }
    }

private:
    struct ShotRequest
    {
        std::filesystem::path file;
        std::function<void(std::string)> done;
    };

    static std::int64_t nowMs() { return queue::SystemClock::instance().nowMs(); }

    int finish(int code)
    {
        if (!m_options.stats.empty()) {
            m_stats.fontRebuilds = m_fonts.rebuildCount();
            m_stats.write(m_options.stats);
        }
        return code;
    }

    /** Input for ImGui; true when a frame should follow. */
    bool handleSdl(const SDL_Event& event)
    {
        if (isInput(event.type)) {
            m_desk.console().touch();
        }
        if (event.type == SDL_KEYDOWN && m_passwordMode) {
            // The IME is off for passwords: the key itself is the character.
            if (const char c = passwordChar(event.key.keysym.sym, event.key.keysym.mod)) {
                ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
            }
        }
        if (event.type == m_wakeEvent) {
            return false; // the change feed is looked at right after
        }
        ImGui_ImplSDL2_ProcessEvent(&event);
        return isInput(event.type) || event.type == SDL_WINDOWEVENT;
    }

    /** Draws one frame; true when another frame should follow right away. */
    bool renderFrame()
    {
        if (m_fonts.needsRebuild()) {
            m_fonts.rebuild();
            applyStaffStyle();
        }
        ImGui_ImplSDLRenderer2_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        m_registry.clear();
        const auto building = std::chrono::steady_clock::now();
        DrawContext ctx { m_desk, m_fonts, m_registry, nowMs(), std::nullopt, false, false };
        drawDesk(ctx, DeskLook { m_parts.printEnabled });
        ImGui::Render();
        m_lastBuildMs = msSince(building);
        const bool measure = !m_options.stats.empty();
        const auto rendering = std::chrono::steady_clock::now();
        const double cpuBefore = measure ? processCpuMs() : 0;
        const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(ctx.clearColor);
        SDL_SetRenderDrawColor(m_renderer, static_cast<Uint8>(clear.x * 255 + 0.5f),
            static_cast<Uint8>(clear.y * 255 + 0.5f), static_cast<Uint8>(clear.z * 255 + 0.5f),
            255);
        SDL_RenderClear(m_renderer);
        ImGui_ImplSDLRenderer2_RenderDrawData(ImGui::GetDrawData());
        if (m_shot) {
            auto image = kiosk::ui::captureRenderer(m_renderer);
            std::string error;
            if (!image) {
                error = image.error();
            } else if (auto written = kiosk::ui::writePng(m_shot->file, *image); !written) {
                error = written.error();
            }
            auto done = std::move(m_shot->done);
            m_shot.reset();
            done(error);
        }
        SDL_RenderPresent(m_renderer);
        if (measure) {
            m_lastRender = RenderCost { msSince(rendering), processCpuMs() - cpuBefore,
                filledPixels(*ImGui::GetDrawData()) };
        }
        ++m_frames;
        updateTextInput(ctx);
        for (const auto& ticket : m_freshRows) {
            std::cerr << "kakanai-staff: row " << ticket << " shown at " << nowMs() << "\n";
        }
        m_freshRows.clear();
        bool again = m_fonts.needsRebuild(); // draw again with the new glyphs
        if (ctx.click) {
            SecretTextWiper::deactivateField(); // a used password is not kept in the field
            m_desk.click(*ctx.click);
            ++m_clicks;
            again = true;
        }
        m_secrets.wipeAfterFrame(); // ImGui's copies of a password no longer being typed
        return again;
    }

    /** IME on for text fields, off for passwords and when no field has the keyboard. */
    void updateTextInput(const DrawContext& ctx)
    {
        m_passwordMode = ctx.passwordActive;
        const bool want = ctx.textActive && !ctx.passwordActive;
        if (want != (SDL_IsTextInputActive() == SDL_TRUE)) {
            if (want) {
                SDL_StartTextInput();
            } else {
                SDL_StopTextInput();
            }
        }
    }

    const StaffOptions& m_options;
    StaffParts& m_parts;
    Desk& m_desk;
    SDL_Window* m_window;
    SDL_Renderer* m_renderer;
    StaffFonts m_fonts;
    WidgetRegistry m_registry;
    Beep m_beep;
    std::optional<StaffScriptRunner> m_script;
    std::optional<ShotRequest> m_shot;
    std::vector<std::string> m_freshRows; // new tickets to log once drawn
    std::uint32_t m_wakeEvent = 0;
    std::atomic<bool> m_wakePending { false };
    std::uint64_t m_frames = 0;
    std::uint64_t m_clicks = 0;
    bool m_passwordMode = false;
    bool m_listFramePending = false;
    double m_lastBuildMs = 0; // ImGui's part of the last frame (no rendering, no present)
    struct RenderCost
    {
        double wallMs = 0;
        double cpuMs = 0;
        double pixels = 0;
    };
    RenderCost m_lastRender; // the rest of the last frame (measured with --stats only)
    SecretTextWiper m_secrets;
    StaffStats m_stats;
};

} // namespace

int runStaffApp(const StaffOptions& options, StaffParts parts,
    std::chrono::steady_clock::time_point processStart)
{
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1"); // the IME draws its own candidate window
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::cerr << "kakanai-staff: SDL_Init: " << SDL_GetError() << "\n";
        return 3;
    }
    SDL_Window* window = SDL_CreateWindow("kakanai 審査コンソール", SDL_WINDOWPOS_CENTERED,
        SDL_WINDOWPOS_CENTERED, options.width, options.height, SDL_WINDOW_SHOWN);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, 0) : nullptr;
    if (!renderer) {
        std::cerr << "kakanai-staff: cannot create the window: " << SDL_GetError() << "\n";
        if (window) {
            SDL_DestroyWindow(window);
        }
        SDL_Quit();
        return 3;
    }
    SDL_StopTextInput(); // on only while a (non-password) field has the keyboard
    IMGUI_CHECKVERSION();
    installZeroingAllocator(); // see secret_text.hpp
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().LogFilename = nullptr;
    ImGui_ImplSDL2_InitForSDLRenderer(window, renderer);
    ImGui_ImplSDLRenderer2_Init(renderer);
    applyStaffStyle();
    int code = 0;
    {
        StaffLoop loop(options, parts, window, renderer);
        code = loop.run(processStart);
        parts.desk->console().logout(); // releases an open record's claim
    }
    ImGui_ImplSDLRenderer2_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return code;
}

} // namespace kakanai::staff::ui
