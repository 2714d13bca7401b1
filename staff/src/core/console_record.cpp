// StaffConsole: opening and closing a record. A waiting record is claimed and opened for review;
// an approved one (decided, not yet printed) is opened read-only, without a claim, so that a
// failed print can be tried again from the desk (see console.hpp).
#include "state.hpp"

#include "kakanai/forms/filled_json.hpp"

namespace kakanai::staff {

using namespace detail;

namespace {

/** Reads the record's form and history (audited "view" and "view-corrections") and shows it. */
ConsoleResult<Ok> loadRecord(StaffConsole::State& state, const queue::RecordInfo& info)
{
    auto payload = state.store->readPayload(*state.session, info.id);
    if (!payload) {
        return fail(queueFailure(state, payload.error()));
    }
    auto form = forms::parseFilledJson(std::string_view(payload->data(), payload->size()));
    if (!form) {
        return fail(consoleError("unreadable-record"));
    }
    auto history = state.store->corrections(*state.session, info.id);
    if (!history) {
        return fail(queueFailure(state, history.error()));
    }
    dropRecord(state);
    state.info = info;
    state.form = std::move(*form);
    state.history = std::move(*history);
    buildRecordView(state);
    return Ok {};
}

} // namespace

void detail::dropRecord(StaffConsole::State& state)
{
    state.info.reset();
    state.form.reset(); // its strings are freed; the payload itself was a SecureString
    state.myNumber.reset();
    state.history.clear();
    state.view = RecordView {};
}

ConsoleResult<Ok> StaffConsole::open(const std::string& id)
{
    State& state = *m_state;
    if (auto ok = needSession(state); !ok) {
        return ok;
    }
    auto claimed = state.store->claim(*state.session, id);
    if (claimed) {
        return loadRecord(state, *claimed);
    }
    if (claimed.error().code != queue::QueueErrorCode::InvalidState) {
        return fail(queueFailure(state, claimed.error()));
    }
    // Not waiting. An approved record opens read-only (the queue's roles still decide who may
    // read it): buildRecordView marks a record that is not claimed by us read-only.
    auto current = state.store->get(id);
    if (!current) {
        return fail(queueFailure(state, current.error()));
    }
    if (current->status != queue::Status::Approved) {
        return fail(queueFailure(state, claimed.error()));
    }
    return loadRecord(state, *current);
}

ConsoleResult<Ok> StaffConsole::openNext()
{
    State& state = *m_state;
    if (auto ok = needSession(state); !ok) {
        return ok;
    }
    auto claimed = state.store->claimNext(*state.session);
    if (!claimed) {
        return fail(queueFailure(state, claimed.error()));
    }
    if (!*claimed) {
        return fail(consoleError("nothing-waiting"));
    }
    return loadRecord(state, **claimed);
}

const RecordView* StaffConsole::record() const
{
    return m_state->info && !m_state->locked ? &m_state->view : nullptr;
}

ConsoleResult<Ok> StaffConsole::close()
{
    State& state = *m_state;
    if (auto ok = needRecord(state); !ok) {
        return ok;
    }
    if (state.info->status == queue::Status::Claimed) {
        if (auto released = state.store->release(*state.session, state.info->id); !released) {
            // The lease will expire anyway; the record is not lost.
            dropRecord(state);
            (void)refresh();
            return fail(queueFailure(state, released.error()));
        }
    }
    dropRecord(state); // a read-only record has no claim to release
    return refresh();
}

} // namespace kakanai::staff
