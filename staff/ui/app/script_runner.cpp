// The staff console's script runner (see script_runner.hpp).
#include "script_runner.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace kakanai::staff::ui {

namespace {

constexpr std::int64_t FIND_MS = 5000; // a widget may take a moment to appear
constexpr std::string_view SHIFTED = "!@#$%^&*()_+{}|:\"<>?~";
constexpr std::string_view UNSHIFTED = "1234567890-=[]\\;',./`";

/** Splits UTF-8 text into pieces that fit SDL_TEXTINPUT's 32-byte buffer. */
std::vector<std::string> textChunks(const std::string& text)
{
    std::vector<std::string> chunks;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + SDL_TEXTINPUTEVENT_TEXT_SIZE - 1);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            --end; // never split a character
        }
        chunks.push_back(text.substr(start, end - start));
        start = end;
    }
    return chunks;
}

SDL_Keycode keyFromName(const std::string& name)
{
    static const std::pair<const char*, SDL_Keycode> KEYS[]
        = { { "enter", SDLK_RETURN }, { "tab", SDLK_TAB }, { "escape", SDLK_ESCAPE },
              { "backspace", SDLK_BACKSPACE }, { "up", SDLK_UP }, { "down", SDLK_DOWN },
              { "pageup", SDLK_PAGEUP }, { "pagedown", SDLK_PAGEDOWN }, { "home", SDLK_HOME },
              { "end", SDLK_END }, { "f5", SDLK_F5 } };
    for (const auto& [key, code] : KEYS) {
        if (name == key) {
            return code;
        }
    }
    return SDLK_UNKNOWN;
}

void pushKey(SDL_Window* window, SDL_Keycode key, Uint16 mod)
{
    for (const Uint32 type : { Uint32 { SDL_KEYDOWN }, Uint32 { SDL_KEYUP } }) {
        SDL_Event event;
        std::memset(&event, 0, sizeof event);
        event.type = type;
        event.key.timestamp = SDL_GetTicks();
        event.key.windowID = SDL_GetWindowID(window);
        event.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
        event.key.keysym.sym = key;
        event.key.keysym.scancode = SDL_GetScancodeFromKey(key);
        event.key.keysym.mod = mod;
        SDL_PushEvent(&event);
    }
}

void pushMouse(SDL_Window* window, Uint32 type, float x, float y)
{
    SDL_Event event;
    std::memset(&event, 0, sizeof event);
    event.type = type;
    if (type == SDL_MOUSEMOTION) {
        event.motion.timestamp = SDL_GetTicks();
        event.motion.windowID = SDL_GetWindowID(window);
        event.motion.x = static_cast<Sint32>(x);
        event.motion.y = static_cast<Sint32>(y);
    } else if (type == SDL_MOUSEWHEEL) {
        event.wheel.timestamp = SDL_GetTicks();
        event.wheel.windowID = SDL_GetWindowID(window);
        event.wheel.y = -1;
        event.wheel.preciseY = -1.0f;
        event.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    } else {
        event.button.timestamp = SDL_GetTicks();
        event.button.windowID = SDL_GetWindowID(window);
        event.button.button = SDL_BUTTON_LEFT;
        event.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        event.button.clicks = 1;
        event.button.x = static_cast<Sint32>(x);
        event.button.y = static_cast<Sint32>(y);
    }
    SDL_PushEvent(&event);
}

/** The pointer really moves (so the backend's global mouse position agrees), then a motion. */
void movePointer(SDL_Window* window, float x, float y)
{
    SDL_WarpMouseInWindow(window, static_cast<int>(x), static_cast<int>(y));
    pushMouse(window, SDL_MOUSEMOTION, x, y);
}

} // namespace

char passwordChar(SDL_Keycode key, Uint16 mod)
{
    if (key < 0x20 || key > 0x7E || (mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI))) {
        return 0;
    }
    char c = static_cast<char>(key);
    const bool shift = (mod & KMOD_SHIFT) != 0;
    const bool caps = (mod & KMOD_CAPS) != 0;
    if (c >= 'a' && c <= 'z') {
        return shift != caps ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (shift) {
        const auto at = UNSHIFTED.find(c);
        return at == std::string_view::npos ? c : SHIFTED[at];
    }
    return c;
}

StaffScriptRunner::StaffScriptRunner(
    std::vector<StaffScriptStep> steps, std::filesystem::path screenshotDir)
    : m_steps(std::move(steps))
    , m_screenshotDir(std::move(screenshotDir))
{
}

bool StaffScriptRunner::scrolling() const
{
    return !finished() && m_steps[m_index].kind == StaffScriptStep::Kind::Scroll && m_phase == 1;
}

void StaffScriptRunner::fail(const std::string& message)
{
    m_failed = true;
    m_error = m_steps[m_index].describe() + ": " + message;
}

void StaffScriptRunner::next(const ScriptWorld& world)
{
    ++m_index;
    m_phase = 0;
    m_pushed = 0;
    m_stepStartMs = -1;
    m_markFrame = world.frames;
}

const WidgetRect* StaffScriptRunner::findWidget(
    ScriptWorld& world, const std::string& id, std::int64_t elapsed)
{
    if (!settled(world)) {
        return nullptr;
    }
    const WidgetRect* rect = world.registry->find(id);
    if (rect && rect->visible && rect->enabled) {
        return rect;
    }
    if (!rect || !rect->visible) {
        world.registry->scrollTo = id; // rows and fields below the fold scroll into view
    }
    if (elapsed > FIND_MS) {
        fail(!rect ? "widget '" + id + "' is not on screen (" + deskScreenName(world.screen) + ")"
                : !rect->enabled ? "widget '" + id + "' is disabled"
                                 : "widget '" + id + "' is hidden");
    }
    return nullptr;
}

void StaffScriptRunner::tapStep(
    ScriptWorld& world, const StaffScriptStep& step, std::int64_t elapsed)
{
    if (m_phase == 0) {
        const WidgetRect* rect = findWidget(world, step.argument, elapsed);
        if (!rect) {
            return;
        }
        m_x = rect->centreX();
        m_y = rect->centreY();
        m_reportsClick = rect->reportsClick;
        movePointer(world.window, m_x, m_y);
        pushMouse(world.window, SDL_MOUSEBUTTONDOWN, m_x, m_y);
        m_markClicks = world.clicks;
        m_markFrame = world.frames;
        m_phase = 1;
        return;
    }
    if (m_phase == 1) {
        if (world.frames < m_markFrame + 1) {
            return;
        }
        pushMouse(world.window, SDL_MOUSEBUTTONUP, m_x, m_y);
        m_markFrame = world.frames;
        m_phase = 2;
        return;
    }
    if (m_reportsClick && world.clicks == m_markClicks) {
        if (elapsed > 2 * FIND_MS) {
            fail("the click on '" + step.argument + "' delivered nothing");
        }
        return;
    }
    if (settled(world)) {
        next(world);
    }
}

void StaffScriptRunner::scrollStep(
    ScriptWorld& world, const StaffScriptStep& step, std::int64_t elapsed)
{
    if (m_phase == 0) {
        const WidgetRect* rect = findWidget(world, step.argument, elapsed);
        if (!rect) {
            return;
        }
        movePointer(world.window, rect->centreX(), rect->centreY());
        m_markFrame = world.frames;
        m_phase = 1;
        return;
    }
    if (world.frames <= m_markFrame) {
        return; // one notch a frame
    }
    if (m_pushed >= step.count) {
        next(world);
        return;
    }
    pushMouse(world.window, SDL_MOUSEWHEEL, 0, 0);
    ++m_pushed;
    m_markFrame = world.frames;
}

bool StaffScriptRunner::typeStep(SDL_Window* window, const StaffScriptStep& step)
{
    if (SDL_IsTextInputActive()) {
        for (const auto& chunk : textChunks(step.argument)) {
            SDL_Event event;
            std::memset(&event, 0, sizeof event);
            event.type = SDL_TEXTINPUT;
            event.text.timestamp = SDL_GetTicks();
            std::memcpy(event.text.text, chunk.data(), chunk.size());
            SDL_PushEvent(&event);
        }
        return true;
    }
    // The IME is off (a password field): the keys themselves, on a US layout.
    for (const char c : step.argument) {
        if (c < 0x20 || c > 0x7E) {
            return false;
        }
    }
    for (const char c : step.argument) {
        const auto shifted = SHIFTED.find(c);
        if (c >= 'A' && c <= 'Z') {
            pushKey(window, c - 'A' + 'a', KMOD_LSHIFT);
        } else if (shifted != std::string_view::npos) {
            pushKey(window, UNSHIFTED[shifted], KMOD_LSHIFT);
        } else {
            pushKey(window, c, KMOD_NONE);
        }
    }
    return true;
}

void StaffScriptRunner::poll(ScriptWorld& world)
{
    while (!finished()) {
        const StaffScriptStep& step = m_steps[m_index];
        if (m_stepStartMs < 0) {
            m_stepStartMs = world.nowMs;
        }
        const std::int64_t elapsed = world.nowMs - m_stepStartMs;
        const auto timedOut = [&] { return static_cast<double>(elapsed) > step.seconds * 1000.0; };
        const std::size_t index = m_index;
        switch (step.kind) {
        case StaffScriptStep::Kind::Tap:
            tapStep(world, step, elapsed);
            break;
        case StaffScriptStep::Kind::Scroll:
            scrollStep(world, step, elapsed);
            break;
        case StaffScriptStep::Kind::Type:
            if (!settled(world)) {
                return;
            }
            if (!typeStep(world.window, step)) {
                fail("a password field takes printable ASCII only");
                return;
            }
            next(world);
            return; // let the loop handle the text before the next step
        case StaffScriptStep::Kind::Key:
            if (!settled(world)) {
                return;
            }
            pushKey(world.window, keyFromName(step.argument), KMOD_NONE);
            next(world);
            return;
        case StaffScriptStep::Kind::Wait:
            if (world.screen == step.screen && settled(world)) {
                next(world);
            } else if (timedOut()) {
                fail(std::string("timed out; the screen is ") + deskScreenName(world.screen));
            }
            break;
        case StaffScriptStep::Kind::WaitRow:
            if (world.hasRow(step.argument)) {
                next(world);
            } else if (timedOut()) {
                fail("no row " + step.argument + " appeared");
            }
            break;
        case StaffScriptStep::Kind::WaitFile: {
            std::error_code ignored;
            if (std::filesystem::exists(step.argument, ignored)) {
                next(world);
            } else if (timedOut()) {
                fail("the file did not appear");
            }
            break;
        }
        case StaffScriptStep::Kind::Screenshot:
            if (m_phase == 0) {
                if (!settled(world)) {
                    return;
                }
                if (m_screenshotDir.empty()) {
                    fail("no --screenshot-dir given");
                    return;
                }
                m_phase = 1;
                m_shotError.reset();
                world.screenshot(m_screenshotDir / (step.argument + ".png"),
                    [this](std::string error) { m_shotError = std::move(error); });
                return;
            }
            if (!m_shotError) {
                return;
            }
            if (!m_shotError->empty()) {
                fail(*m_shotError);
                return;
            }
            next(world);
            break;
        case StaffScriptStep::Kind::Sleep:
            if (!timedOut()) {
                return;
            }
            next(world);
            break;
        }
        if (m_index == index) {
            return; // the step is still running
        }
    }
}

} // namespace kakanai::staff::ui
