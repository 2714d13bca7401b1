// StaffConsole's printing: the job on the print thread, its progress, and the record's change to
// printed once the printer has accepted the job (see console.hpp).
#include "state.hpp"

namespace kakanai::staff {

using namespace detail;

ConsoleResult<Ok> StaffConsole::print(bool ticketOnly)
{
    State& state = *m_state;
    if (auto ok = needRecord(state); !ok) {
        return ok;
    }
    touch();
    if (!state.options.print) {
        return fail(consoleError("print-failed"));
    }
    if (state.printThread.busy()) {
        return fail(consoleError("print-busy"));
    }
    // The job gets copies: the record may be closed, decided or corrected while it runs.
    auto job = [print = state.options.print, form = *state.form, info = *state.info, ticketOnly](
                   const std::function<void(PrintStage)>& stage) {
        return print(form, info, ticketOnly, stage);
    };
    if (!state.printThread.start(std::move(job), state.printWake)) {
        return fail(consoleError("print-busy"));
    }
    PrintStatus status;
    status.recordId = state.info->id;
    status.ticket = state.info->ticket;
    status.ticketOnly = ticketOnly;
    status.startedAtMs = state.clock->nowMs();
    state.printStatus = std::move(status);
    state.printOutdated = false;
    return Ok {};
}

void StaffConsole::setPrintWake(std::function<void()> wake)
{
    m_state->printWake = std::move(wake);
}

bool StaffConsole::finishPrint()
{
    State& state = *m_state;
    if (!state.printStatus || state.printStatus->state != PrintStatus::State::Running) {
        return false;
    }
    PrintStatus& status = *state.printStatus;
    auto result = state.printThread.take();
    if (!result) {
        const PrintStage stage = state.printThread.stage();
        const bool moved = stage != status.stage;
        status.stage = stage;
        return moved;
    }
    status.endedAtMs = state.clock->nowMs();
    if (!*result) {
        status.state = PrintStatus::State::Failed;
        status.error = consoleError("print-failed");
        return true;
    }
    status.state = PrintStatus::State::Done;
    // The printer has the job: an approved record whose printed form is still its content is
    // printed now. A record corrected meanwhile stays approved (its paper is out of date).
    if (!status.ticketOnly && !state.printOutdated && state.session) {
        auto current = state.store->get(status.recordId);
        if (current && current->status == queue::Status::Approved) {
            if (auto marked = state.store->markPrinted(*state.session, status.recordId)) {
                status.markedPrinted = true;
                if (state.info && state.info->id == status.recordId) {
                    state.info = *marked;
                    state.view.info = *marked;
                }
            }
        }
    }
    return true;
}

std::optional<PrintStatus> StaffConsole::printStatus() const
{
    std::optional<PrintStatus> status = m_state->printStatus;
    if (status && status->state == PrintStatus::State::Running) {
        status->stage = m_state->printThread.stage();
    }
    return status;
}

bool StaffConsole::printing() const
{
    return m_state->printThread.busy();
}

} // namespace kakanai::staff
