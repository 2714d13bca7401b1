// The kiosk's flow as a pure state machine: attract → choose a form or life event (→ its
// questions) → present the card → PIN (or 照合番号B by staff) → reading → review each form →
// confirm → submit → print → done → attract. No ImGui, no devices, no threads: handle() takes an
// event (events.hpp) and returns effects (effects.hpp) for the shell to run; view() computes what
// the screen shows (view_model.hpp).
//
// Global rules, on every screen:
//   - the card removed before submission: everything from the card is wiped, back to attract
//     with a notice (during submission and printing the record is already on its way: the flow
//     continues to the ticket);
//   - inactivity (timeouts.idleMs) → "are you still there?" for timeouts.stillThereMs, then wipe;
//   - the reader lost → error screen (wiped), back to attract when it returns;
//   - a print failure → the record stays queued; the done screen shows the ticket and sends the
//     resident to the counter;
//   - answers of devices, the queue or the printer meant for another card or visit are ignored.
// With one PIN try left the PIN is never sent: the resident is sent to the counter.
//
// Errors: none cross this interface; failures arrive as events and become screens. A widget id
// the current screen does not offer is ignored (a stale tap), never an error.
#pragma once

#include "kakanai/forms/address.hpp"
#include "kakanai/forms/kiosk_config.hpp"
#include "kakanai/forms/life_events.hpp"
#include "kakanai/kiosk/clock.hpp"
#include "kakanai/kiosk/effects.hpp"
#include "kakanai/kiosk/events.hpp"
#include "kakanai/kiosk/ui_text.hpp"
#include "kakanai/kiosk/view_model.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kakanai::kiosk {

struct Timeouts
{
    std::int64_t idleMs = 120'000; // no touch for 2 minutes → "are you still there?"
    std::int64_t stillThereMs = 30'000; // then 30 s to answer before everything is wiped
    std::int64_t doneMs = 20'000; // the done screen returns to attract by itself
    std::int64_t errorMs = 30'000; // so does an error screen
};

struct KioskSetup
{
    forms::KioskConfig kiosk;
    std::vector<forms::FormTemplate> templates; // lint-clean templates only
    forms::LifeEvents lifeEvents;
    std::shared_ptr<const UiText> text;
    std::shared_ptr<const forms::MunicipalityDirectory> municipalities; // may be null
    std::shared_ptr<const forms::PostalDirectory> postalCodes; // may be null
    std::vector<std::string> languages { "ja", "en", "ja-easy" }; // offered on attract
    std::string kioskId = "kiosk-1";
    bool training = false;
    Timeouts timeouts;
    /** New record / visit ids (UUID v4); injectable so tests get predictable ids. */
    std::function<std::string()> newId;
};

class KioskMachine
{
public:
    KioskMachine(KioskSetup setup, const Clock& clock);
    ~KioskMachine();
    KioskMachine(const KioskMachine&) = delete;
    KioskMachine& operator=(const KioskMachine&) = delete;

    std::vector<Effect> handle(const Event& event);
    ViewModel view() const;
    Screen screen() const;

    /** The current visit's id ("" when no card has been read). The shell refuses to print or
     *  show output of any other visit. */
    const std::string& visitId() const;
    /** True while anything read from a card or typed by a resident is held. */
    bool holdsPersonalData() const;

    struct State;

private:
    std::unique_ptr<State> m_state;
};

/** A random UUID v4 (OpenSSL's CSPRNG). */
std::string randomUuid();

} // namespace kakanai::kiosk
