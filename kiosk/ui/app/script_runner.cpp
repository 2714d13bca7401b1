#include "script_runner.hpp"

#include <SDL.h>

#include <cstring>

namespace kakanai::kiosk::ui {

namespace {

constexpr std::int64_t TAP_FIND_MS = 5000; // a widget may take a moment to appear
constexpr SDL_TouchID SCRIPT_TOUCH = 1;
constexpr SDL_FingerID SCRIPT_FINGER = 1;

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

} // namespace

ScriptRunner::ScriptRunner(std::vector<ScriptStep> steps, std::filesystem::path screenshotDir)
    : m_steps(std::move(steps))
    , m_screenshotDir(std::move(screenshotDir))
{
}

void ScriptRunner::fail(const std::string& message)
{
    m_failed = true;
    m_error = m_steps[m_index].describe() + ": " + message;
}

bool ScriptRunner::settled(const ScriptWorld& world) const
{
    return world.frames >= m_markFrame + 2; // the machine's change has been drawn
}

void ScriptRunner::next(const ScriptWorld& world)
{
    ++m_index;
    m_phase = 0;
    m_stepStartMs = -1;
    m_markFrame = world.frames;
}

void ScriptRunner::pushFinger(const ScriptWorld& world, std::uint32_t type, float x, float y)
{
    SDL_Event event;
    std::memset(&event, 0, sizeof event);
    event.type = type;
    event.tfinger.timestamp = SDL_GetTicks();
    event.tfinger.touchId = SCRIPT_TOUCH;
    event.tfinger.fingerId = SCRIPT_FINGER;
    event.tfinger.x = x / static_cast<float>(world.width);
    event.tfinger.y = y / static_cast<float>(world.height);
    event.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    SDL_PushEvent(&event);
}

void ScriptRunner::poll(ScriptWorld& world)
{
    while (!finished()) {
        const ScriptStep& step = m_steps[m_index];
        if (m_stepStartMs < 0) {
            m_stepStartMs = world.nowMs;
        }
        const std::int64_t elapsed = world.nowMs - m_stepStartMs;
        switch (step.kind) {
        case ScriptStep::Kind::Tap: {
            if (m_phase == 0) {
                if (!settled(world)) {
                    return;
                }
                const WidgetRect* rect = world.registry->find(step.argument);
                if (!rect || !rect->visible || !rect->enabled) {
                    if (rect && !rect->visible) {
                        const_cast<WidgetRegistry*>(world.registry)->scrollTo = step.argument;
                    }
                    if (elapsed > TAP_FIND_MS) {
                        fail(!rect ? "widget '" + step.argument + "' is not on screen ("
                                    + stateName(world.screen) + ")"
                                : !rect->enabled ? "widget '" + step.argument + "' is disabled"
                                                 : "widget '" + step.argument + "' is hidden");
                    }
                    return;
                }
                m_tapX = rect->centreX();
                m_tapY = rect->centreY();
                pushFinger(world, SDL_FINGERDOWN, m_tapX, m_tapY);
                m_markTaps = world.taps;
                m_phase = 1;
                m_markFrame = world.frames;
                return;
            }
            if (m_phase == 1) {
                if (world.frames < m_markFrame + 1) {
                    return;
                }
                pushFinger(world, SDL_FINGERUP, m_tapX, m_tapY);
                m_phase = 2;
                return;
            }
            if (world.taps == m_markTaps) {
                if (elapsed > 2 * TAP_FIND_MS) {
                    fail("the touch on '" + step.argument + "' delivered no tap");
                }
                return;
            }
            if (!settled(world)) {
                return;
            }
            next(world);
            break;
        }
        case ScriptStep::Kind::Type:
            for (const auto& chunk : textChunks(step.argument)) {
                SDL_Event event;
                std::memset(&event, 0, sizeof event);
                event.type = SDL_TEXTINPUT;
                event.text.timestamp = SDL_GetTicks();
                std::memcpy(event.text.text, chunk.data(), chunk.size());
                SDL_PushEvent(&event);
            }
            next(world);
            return; // let the loop handle the text before the next step
        case ScriptStep::Kind::Wait:
            if (world.screen != step.screen) {
                if (static_cast<double>(elapsed) > step.seconds * 1000.0) {
                    fail(std::string("timed out; the screen is ") + stateName(world.screen));
                }
                return;
            }
            next(world);
            break;
        case ScriptStep::Kind::Screenshot:
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
        case ScriptStep::Kind::InsertCard:
        case ScriptStep::Kind::RemoveCard:
            if (!world.card
                || !world.card->setCardPresent(step.kind == ScriptStep::Kind::InsertCard)) {
                fail("needs an emulated card (--training or --identity)");
                return;
            }
            next(world);
            return;
        case ScriptStep::Kind::Sleep:
            if (static_cast<double>(elapsed) < step.seconds * 1000.0) {
                return;
            }
            next(world);
            break;
        case ScriptStep::Kind::ExpectText:
        case ScriptStep::Kind::ExpectNoText: {
            if (!settled(world)) {
                return; // the screen of the last step first
            }
            const bool shown
                = world.viewText && world.viewText().find(step.argument) != std::string::npos;
            if (shown != (step.kind == ScriptStep::Kind::ExpectText)) {
                // The text itself is not repeated: it may be a resident's (invented) data.
                fail(shown ? "the screen shows that text" : "the screen does not show that text");
                return;
            }
            next(world);
            break;
        }
        }
    }
}

} // namespace kakanai::kiosk::ui
