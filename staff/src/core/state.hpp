// Internal: what the staff console holds. The open record's decrypted form lives only here and
// is dropped on close, lock-out, logout and destruction.
#pragma once

#include "print_thread.hpp"

#include "kakanai/staff/console.hpp"

#include <optional>

namespace kakanai::staff {

struct StaffConsole::State
{
    queue::Store* store = nullptr;
    std::vector<forms::FormTemplate> templates;
    const queue::Clock* clock = nullptr;
    ConsoleOptions options;

    std::optional<queue::StaffSession> session;
    bool locked = false;
    std::int64_t lastInputMs = 0;

    ListView list;

    std::optional<queue::RecordInfo> info;
    std::optional<forms::FilledForm> form;
    std::optional<SecureString> myNumber; // revealed (supervisor), until hidden or closed
    std::vector<queue::Correction> history;
    RecordView view;

    // Printing: the job on the print thread and what the screen shows of it.
    std::function<void()> printWake;
    std::optional<PrintStatus> printStatus;
    bool printOutdated = false; // the record being printed was corrected after the job started

    // The queue server could not be reached (a town hall's PostgreSQL queue, see
    // docs/townhall.md): the screens say so, tick() tries again, and a correction that could
    // not be saved waits here (the open record stays claimed by us) until it can.
    bool offline = false;
    std::optional<PendingCorrection> pendingCorrection;
    detail::PrintThread printThread; // declared last, destroyed first: waits for a running job

    const forms::FormTemplate* findTemplate(std::string_view id) const
    {
        for (const auto& form : templates) {
            if (form.id == id) {
                return &form;
            }
        }
        return nullptr;
    }
};

namespace detail {

ConsoleError fromQueue(const queue::QueueError& error);
/** fromQueue, and marks the console offline when the server could not be reached (Io). */
ConsoleError queueFailure(StaffConsole::State& state, const queue::QueueError& error);
ConsoleError consoleError(std::string id);
/** Forgets the open record (its form, My Number and history); nothing is released. */
void dropRecord(StaffConsole::State& state);
/** Rebuilds state.view from the open record. */
void buildRecordView(StaffConsole::State& state);
std::string localTime(const StaffConsole::State& state, std::int64_t ms);
ConsoleResult<Ok> needSession(const StaffConsole::State& state);
/** needSession, and a record is open. */
ConsoleResult<Ok> needRecord(const StaffConsole::State& state);
/** needRecord, and the open record is claimed by us, not opened read-only ("read-only"). */
ConsoleResult<Ok> needEditable(const StaffConsole::State& state);

} // namespace detail

} // namespace kakanai::staff
