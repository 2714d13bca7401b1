// The kiosk's shell: runs the state machine's effects (effects.hpp) and turns their results into
// events. Card operations run in order on the card worker; the queue and the printer on the
// output worker; results are posted to the UI thread's EventInbox. PrepareGlyphs and the staff
// indicator are handed to hooks (the fonts live on the UI thread).
//
// One person's data on that person's papers only: before a visit's records are submitted or
// printed, and again before an answer reaches the machine (acceptAnswer), the shell checks that
// the visit id is the machine's current one; anything else is dropped and logged (by id only).
//
// Errors: device and service failures become ReadFailed / SubmitFailed / PrintFailed events;
// nothing here throws to the UI thread.
#pragma once

#include "card_service.hpp"
#include "event_inbox.hpp"
#include "services.hpp"
#include "worker.hpp"

#include "kakanai/kiosk/effects.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace kakanai::kiosk::ui {

struct ShellHooks
{
    /** The machine's current visit id (KioskMachine::visitId), read on the UI thread. */
    std::function<std::string()> currentVisit;
    /** Make the fonts cover this text, then post GlyphsReady (UI thread). */
    std::function<void(const PrepareGlyphs&)> prepareGlyphs;
    /** The "staff please come" light. */
    std::function<void(bool)> staffIndicator;
};

class Shell
{
public:
    Shell(CardService& card, RecordService& records, PrintService& printer, EventSink sink,
        ShellHooks hooks);
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    /** Runs one effect (called on the UI thread; blocking work goes to the workers). */
    void run(Effect effect);
    /** False for a queue/printer answer whose visit is not the current one (then dropped). */
    bool acceptAnswer(const Event& event) const;
    /** Waits until both workers are idle (tests, shutdown). */
    void drain();

private:
    CardService& m_card;
    RecordService& m_records;
    PrintService& m_printer;
    EventSink m_sink;
    ShellHooks m_hooks;
    std::atomic<std::int64_t> m_cardReadAtMs { 0 }; // Unix ms of the last successful read
    Worker m_cardWorker { "card" };
    Worker m_outputWorker { "queue/printer" };
};

/** ReadFailed for a card error of attempt `attempt`. */
ReadFailed readFailure(std::uint64_t attempt, const cardio::CardError& error);

} // namespace kakanai::kiosk::ui
