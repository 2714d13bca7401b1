#include "machine_internal.hpp"

#include "kakanai/forms/validate.hpp"

#include <openssl/rand.h>

#include <cstdio>
#include <stdexcept>

namespace kakanai::kiosk {

using namespace detail;

namespace {

bool startsWith(const std::string& text, std::string_view prefix)
{
    return text.rfind(prefix, 0) == 0;
}

// Screens where the resident is expected to act; the idle timer runs only there.
bool idleTimerRuns(Screen screen)
{
    switch (screen) {
    case Screen::Choose:
    case Screen::Questions:
    case Screen::PresentCard:
    case Screen::Pin:
    case Screen::CollationB:
    case Screen::Review:
    case Screen::Confirm:
        return true;
    default:
        return false;
    }
}

// Before submission, a removed card ends the visit; from submission on the record is on its way.
bool cardRemovalEndsVisit(Screen screen)
{
    switch (screen) {
    case Screen::Pin:
    case Screen::CollationB:
    case Screen::Reading:
    case Screen::Review:
    case Screen::Confirm:
        return true;
    default:
        return false;
    }
}

void onTick(State& state, Effects& effects)
{
    const std::int64_t now = state.clock->nowMs();
    const Timeouts& timeouts = state.setup.timeouts;
    if (state.stillThereSinceMs) {
        if (now - *state.stillThereSinceMs >= timeouts.stillThereMs) {
            wipe(state, effects, "notice.timeout");
        }
        return;
    }
    if (idleTimerRuns(state.screen) && now - state.lastInputMs >= timeouts.idleMs) {
        state.stillThereSinceMs = now;
        return;
    }
    if (state.screen == Screen::Done && now - state.screenSinceMs >= timeouts.doneMs) {
        wipe(state, effects);
    } else if (state.screen == Screen::Error && state.error != ErrorKind::ReaderLost
        && state.error != ErrorKind::NoReader && now - state.screenSinceMs >= timeouts.errorMs) {
        wipe(state, effects);
    }
}

void onGlobalTap(State& state, const std::string& widget, Effects& effects)
{
    if (widget == "global.call_staff") {
        state.staffCalled = !state.staffCalled;
        effects.push_back(StaffIndicator { state.staffCalled });
    } else if (widget == "global.zoom") {
        state.scale = state.scale > 1.5 ? 1.0 : 2.0;
    } else if (widget == "global.contrast") {
        state.highContrast = !state.highContrast;
    }
}

void onTap(State& state, const std::string& widget, Effects& effects)
{
    state.lastInputMs = state.clock->nowMs();
    if (state.stillThereSinceMs) {
        // The overlay takes the whole screen: any touch means "I am still here".
        state.stillThereSinceMs.reset();
        return;
    }
    if (startsWith(widget, "global.")) {
        onGlobalTap(state, widget, effects);
        return;
    }
    switch (state.screen) {
    case Screen::Review:
    case Screen::Confirm:
    case Screen::Done:
        onReviewTap(state, widget, effects);
        break;
    case Screen::Error:
        if (widget == "action.ok" && state.error != ErrorKind::ReaderLost
            && state.error != ErrorKind::NoReader) {
            wipe(state, effects);
        }
        break;
    default:
        onFlowTap(state, widget, effects);
        break;
    }
}

template <class T> bool isCurrentVisit(const State& state, const T& answer)
{
    return !state.visitId.empty() && answer.visitId == state.visitId;
}

void dispatch(State& state, const Event& event, Effects& effects)
{
    std::visit(
        [&](const auto& e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, Tap>) {
                onTap(state, e.widget, effects);
            } else if constexpr (std::is_same_v<T, TypeText>) {
                state.lastInputMs = state.clock->nowMs();
                state.stillThereSinceMs.reset();
                onTypeText(state, e.text);
            } else if constexpr (std::is_same_v<T, Tick>) {
                onTick(state, effects);
            } else if constexpr (std::is_same_v<T, ReaderChanged>) {
                state.readerPresent = e.present;
                if (!e.present && state.screen != Screen::Submitting
                    && state.screen != Screen::Printing && state.screen != Screen::Done) {
                    state.cardPresent = false;
                    showError(state, effects, ErrorKind::ReaderLost);
                } else if (e.present && state.screen == Screen::Error
                    && (state.error == ErrorKind::ReaderLost
                        || state.error == ErrorKind::NoReader)) {
                    wipe(state, effects);
                }
            } else if constexpr (std::is_same_v<T, CardInserted>) {
                onCardInserted(state, e.kind, effects);
            } else if constexpr (std::is_same_v<T, CardRemoved>) {
                state.cardPresent = false;
                state.cardKind.reset();
                ++state.attempt; // answers for that card are now stale
                if (cardRemovalEndsVisit(state.screen)) {
                    wipe(state, effects, "notice.card_removed");
                } else if (state.screen == Screen::Done) {
                    wipe(state, effects);
                } else if (state.screen == Screen::PresentCard) {
                    state.noticeId.clear();
                }
            } else if constexpr (std::is_same_v<T, PinStatus>) {
                if (e.attempt == state.attempt) {
                    onPinStatus(state, e, effects);
                }
            } else if constexpr (std::is_same_v<T, ReadSucceeded>) {
                if (e.attempt == state.attempt && state.screen == Screen::Reading) {
                    onReadSucceeded(state, e, effects);
                }
            } else if constexpr (std::is_same_v<T, ReadFailed>) {
                if (e.attempt == state.attempt) {
                    onReadFailed(state, e, effects);
                }
            } else if constexpr (std::is_same_v<T, GlyphsReady>) {
                if (isCurrentVisit(state, e) && state.screen == Screen::Reading) {
                    state.missingGlyphs = e.missing;
                    state.glyphsReady = true;
                    startReview(state);
                }
            } else if constexpr (std::is_same_v<T, Submitted>) {
                if (isCurrentVisit(state, e) && state.screen == Screen::Submitting) {
                    state.ticket = e.ticket;
                    state.waitMinutes = e.waitMinutes;
                    goTo(state, Screen::Printing);
                    PrintVisit print { state.visitId, state.ticket, {} };
                    for (std::size_t i = 0; i < state.visit->size(); ++i) {
                        print.forms.push_back(forms::visibleValues(
                            state.visit->formTemplate(i), state.visit->form(i)));
                        print.forms.back().recordId = state.recordIds[i];
                    }
                    effects.push_back(std::move(print));
                }
            } else if constexpr (std::is_same_v<T, SubmitFailed>) {
                if (isCurrentVisit(state, e) && state.screen == Screen::Submitting) {
                    showError(state, effects, ErrorKind::SubmitFailed);
                }
            } else if constexpr (std::is_same_v<T, Printed>) {
                if (isCurrentVisit(state, e) && state.screen == Screen::Printing) {
                    goTo(state, Screen::Done);
                }
            } else if constexpr (std::is_same_v<T, PrintFailed>) {
                if (isCurrentVisit(state, e) && state.screen == Screen::Printing) {
                    state.printFailed = true; // the record is queued: send them to the counter
                    goTo(state, Screen::Done);
                }
            }
        },
        event);
}

} // namespace

namespace detail {

void goTo(State& state, Screen screen)
{
    state.screen = screen;
    state.screenSinceMs = state.clock->nowMs();
    state.lastInputMs = state.screenSinceMs;
    state.stillThereSinceMs.reset();
}

void wipe(State& state, Effects& effects, std::string noticeId)
{
    state.visit.reset(); // FilledForm strings are freed; CardData inside uses SecureString
    state.visitId.clear();
    state.recordIds.clear();
    state.planned.clear();
    state.lifeEventId.clear();
    state.questionAnswers.clear();
    state.pin.clear();
    state.collation.clear();
    state.triesLeft.reset();
    if (state.editor) {
        secureZero(state.editor->text.data(), state.editor->text.size());
    }
    state.editor.reset();
    state.flagged.clear();
    state.formIndex = 0;
    state.showIssues = false;
    state.missingGlyphs.clear();
    state.glyphsReady = false;
    state.ticket.clear();
    state.waitMinutes = -1;
    state.printFailed = false;
    state.error = ErrorKind::None;
    ++state.attempt;
    if (state.staffCalled) {
        state.staffCalled = false;
        effects.push_back(StaffIndicator { false });
    }
    state.scale = 1.0;
    state.highContrast = false;
    state.language = state.setup.kiosk.defaultLanguage;
    state.noticeId = std::move(noticeId);
    goTo(state, Screen::Attract);
}

void showError(State& state, Effects& effects, ErrorKind error)
{
    const std::string language = state.language;
    wipe(state, effects);
    state.language = language; // explain the error in the resident's language
    state.error = error;
    goTo(state, Screen::Error);
}

} // namespace detail

KioskMachine::KioskMachine(KioskSetup setup, const Clock& clock)
    : m_state(std::make_unique<State>())
{
    if (!setup.text) {
        throw std::logic_error("KioskMachine needs UiText");
    }
    if (!setup.newId) {
        setup.newId = randomUuid;
    }
    m_state->setup = std::move(setup);
    m_state->clock = &clock;
    m_state->language = m_state->setup.kiosk.defaultLanguage;
    goTo(*m_state, Screen::Attract);
}

KioskMachine::~KioskMachine()
{
    Effects ignored;
    wipe(*m_state, ignored);
}

std::vector<Effect> KioskMachine::handle(const Event& event)
{
    Effects effects;
    dispatch(*m_state, event, effects);
    return effects;
}

ViewModel KioskMachine::view() const
{
    return buildView(*m_state);
}

Screen KioskMachine::screen() const
{
    return m_state->screen;
}

const std::string& KioskMachine::visitId() const
{
    return m_state->visitId;
}

bool KioskMachine::holdsPersonalData() const
{
    const State& s = *m_state;
    return s.visit.has_value() || !s.pin.empty() || !s.collation.empty() || s.editor.has_value()
        || !s.visitId.empty();
}

std::string randomUuid()
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
        throw std::runtime_error("RAND_bytes failed");
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
    char text[37];
    std::snprintf(text, sizeof text,
        "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0], bytes[1],
        bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
        bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
    return text;
}

} // namespace kakanai::kiosk
