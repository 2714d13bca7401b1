#include "state.hpp"

#include "kakanai/forms/answer_text.hpp"
#include "kakanai/forms/filled_json.hpp"

#include <algorithm>

namespace kakanai::staff {

using namespace detail;

namespace {

bool isWaiting(queue::Status status)
{
    return status == queue::Status::Submitted || status == queue::Status::Claimed;
}

std::string japaneseTitle(const StaffConsole::State& state, const std::string& templateId)
{
    const forms::FormTemplate* form = state.findTemplate(templateId);
    if (!form) {
        return templateId;
    }
    const auto it = form->title.find("ja");
    return it != form->title.end() ? it->second : templateId;
}

} // namespace

ConsoleResult<Ok> detail::needSession(const StaffConsole::State& state)
{
    if (!state.session || state.locked) {
        return fail(consoleError("not-logged-in"));
    }
    return Ok {};
}

ConsoleResult<Ok> detail::needRecord(const StaffConsole::State& state)
{
    if (auto ok = needSession(state); !ok) {
        return ok;
    }
    if (!state.info || !state.form) {
        return fail(consoleError("no-record"));
    }
    return Ok {};
}

ConsoleResult<Ok> detail::needEditable(const StaffConsole::State& state)
{
    if (auto ok = needRecord(state); !ok) {
        return ok;
    }
    if (state.view.readOnly) {
        return fail(consoleError("read-only"));
    }
    return Ok {};
}

StaffConsole::StaffConsole(queue::Store& store, std::vector<forms::FormTemplate> templates,
    const queue::Clock& clock, ConsoleOptions options)
    : m_state(std::make_unique<State>())
{
    m_state->store = &store;
    m_state->templates = std::move(templates);
    m_state->clock = &clock;
    m_state->options = std::move(options);
}

StaffConsole::~StaffConsole()
{
    logout();
}

ConsoleScreen StaffConsole::screen() const
{
    if (!m_state->session) {
        return ConsoleScreen::Login;
    }
    if (m_state->locked) {
        return ConsoleScreen::Locked;
    }
    return m_state->info ? ConsoleScreen::Record : ConsoleScreen::List;
}

std::string StaffConsole::userId() const
{
    return m_state->session ? m_state->session->userId() : std::string();
}

ConsoleResult<Ok> StaffConsole::login(const std::string& userId, const SecureString& password)
{
    auto session = m_state->store->login(userId, password);
    if (!session) {
        return fail(queueFailure(*m_state, session.error()));
    }
    m_state->session = *session;
    m_state->locked = false;
    m_state->lastInputMs = m_state->clock->nowMs();
    return refresh();
}

void StaffConsole::lock()
{
    if (m_state->session) {
        m_state->locked = true; // the open record and its lease stay; nothing is shown
    }
}

ConsoleResult<Ok> StaffConsole::unlock(const SecureString& password)
{
    if (!m_state->session) {
        return fail(consoleError("not-logged-in"));
    }
    auto session = m_state->store->login(m_state->session->userId(), password);
    if (!session) {
        return fail(queueFailure(*m_state, session.error()));
    }
    m_state->locked = false;
    m_state->lastInputMs = m_state->clock->nowMs();
    return Ok {};
}

void StaffConsole::logout()
{
    if (m_state->session && m_state->info && !m_state->locked) {
        (void)close();
    }
    dropRecord(*m_state);
    m_state->session.reset();
    m_state->locked = false;
    m_state->list = ListView {};
}

void StaffConsole::touch()
{
    m_state->lastInputMs = m_state->clock->nowMs();
}

void StaffConsole::tick()
{
    State& state = *m_state;
    if (!state.session || state.locked) {
        return;
    }
    const std::int64_t now = state.clock->nowMs();
    if (now - state.lastInputMs >= state.options.lockAfterMs) {
        lock();
        return;
    }
    if (state.offline && refresh()) {
        retryPendingCorrection();
    }
    if (state.info && state.info->leaseUntilMs
        && *state.info->leaseUntilMs - now < state.options.renewLeaseBeforeMs) {
        if (auto renewed = state.store->extendLease(*state.session, state.info->id)) {
            state.info = *renewed;
            state.view.info = *renewed;
            state.view.leaseLeftMs = renewed->leaseUntilMs.value_or(now) - now;
        }
    }
}

ConsoleResult<Ok> StaffConsole::refresh()
{
    State& state = *m_state;
    if (auto ok = needSession(state); !ok) {
        return ok;
    }
    auto records = state.store->list(state.list.filter.status);
    if (!records) {
        return fail(queueFailure(state, records.error()));
    }
    state.offline = false;
    const std::int64_t now = state.clock->nowMs();
    ListView view;
    view.filter = state.list.filter;
    std::vector<std::string> forms;
    for (const auto& record : *records) {
        if (record.status == queue::Status::Purged) {
            continue;
        }
        if (std::find(forms.begin(), forms.end(), record.templateId) == forms.end()) {
            forms.push_back(record.templateId);
        }
        if (!view.filter.templateId.empty() && record.templateId != view.filter.templateId) {
            continue;
        }
        if (!view.filter.day.empty() && record.ticketDay != view.filter.day) {
            continue;
        }
        ListRow row;
        row.id = record.id;
        row.ticket = record.ticket;
        row.templateId = record.templateId;
        row.formTitle = japaneseTitle(state, record.templateId);
        row.status = record.status;
        row.kioskId = record.kioskId;
        row.claimedBy = record.claimedBy;
        row.mine = record.status == queue::Status::Claimed
            && record.claimedBy == state.session->userId();
        row.waitingMs = (record.decidedAtMs ? *record.decidedAtMs : now) - record.submittedAtMs;
        if (isWaiting(record.status)) {
            ++view.waiting;
        }
        view.rows.push_back(std::move(row));
    }
    std::stable_sort(view.rows.begin(), view.rows.end(), [&](const ListRow& a, const ListRow& b) {
        return a.waitingMs > b.waitingMs; // oldest first
    });
    for (auto& row : view.rows) {
        if (row.status == queue::Status::Submitted) {
            row.oldestWaiting = true;
            break;
        }
    }
    std::sort(forms.begin(), forms.end());
    view.templateIds = std::move(forms);
    state.list = std::move(view);
    return Ok {};
}

void StaffConsole::setFilter(ListFilter filter)
{
    m_state->list.filter = std::move(filter);
    (void)refresh();
}

const ListView& StaffConsole::list() const
{
    return m_state->list;
}

ConsoleResult<Ok> StaffConsole::correct(
    const std::string& key, const std::string& text, const std::string& reason)
{
    State& state = *m_state;
    if (auto ok = needEditable(state); !ok) {
        return ok;
    }
    touch();
    const forms::FormTemplate* form = state.findTemplate(state.info->templateId);
    const forms::Field* field = form ? form->findField(key) : nullptr;
    if (!field) {
        return fail(consoleError("unknown-field"));
    }
    if (reason.find_first_not_of(" \t\u3000") == std::string::npos) {
        return fail(consoleError("reason-required"));
    }
    auto value = forms::parseAnswer(*field, text);
    if (!value) {
        return fail(consoleError("bad-value"));
    }
    forms::FilledForm corrected = *state.form;
    const forms::FilledValue* old = corrected.find(key);
    queue::CorrectionRequest request;
    request.field = key;
    assignSecure(request.oldValue, old ? forms::answerText(old->value) : "");
    assignSecure(request.newValue, forms::answerText(*value));
    assignSecure(request.reason, reason);
    corrected.values.insert_or_assign(
        key, forms::FilledValue { *value, forms::ValueOrigin::Staff });
    corrected.updatedAt = localTime(state, state.clock->nowMs());
    std::string json = forms::toJson(corrected);
    assignSecure(request.newPayload, json);
    secureZero(json.data(), json.size());
    if (auto stored = state.store->correct(*state.session, state.info->id, request); !stored) {
        if (stored.error().code == queue::QueueErrorCode::Io) {
            // Nothing typed is lost: kept (zeroed when dropped) and saved by tick() later.
            PendingCorrection pending { state.info->id, key, {}, {} };
            assignSecure(pending.text, text);
            assignSecure(pending.reason, reason);
            state.pendingCorrection = std::move(pending);
        }
        return fail(queueFailure(state, stored.error()));
    }
    state.offline = false;
    state.pendingCorrection.reset();
    state.form = std::move(corrected);
    if (state.printStatus && state.printStatus->state == PrintStatus::State::Running
        && state.printStatus->recordId == state.info->id) {
        state.printOutdated = true; // the paper being printed no longer matches the record
    }
    if (auto history = state.store->corrections(*state.session, state.info->id)) {
        state.history = std::move(*history);
    }
    buildRecordView(state);
    return Ok {};
}

ConsoleResult<Ok> StaffConsole::decide(queue::Decision decision, const std::string& reason)
{
    State& state = *m_state;
    if (auto ok = needEditable(state); !ok) {
        return ok;
    }
    touch();
    if (decision != queue::Decision::Approve
        && reason.find_first_not_of(" \t\u3000") == std::string::npos) {
        return fail(consoleError("reason-required"));
    }
    SecureString secureReason;
    assignSecure(secureReason, reason);
    auto decided = state.store->decide(*state.session, state.info->id, decision, secureReason);
    if (!decided) {
        return fail(queueFailure(state, decided.error()));
    }
    dropRecord(state);
    return refresh();
}

ConsoleResult<Ok> StaffConsole::revealMyNumber()
{
    State& state = *m_state;
    if (auto ok = needEditable(state); !ok) {
        return ok;
    }
    touch();
    auto number = state.store->revealMyNumber(*state.session, state.info->id);
    if (!number) {
        return fail(queueFailure(state, number.error()));
    }
    state.myNumber = std::move(*number);
    buildRecordView(state);
    return Ok {};
}

void StaffConsole::hideMyNumber()
{
    m_state->myNumber.reset();
    if (m_state->info) {
        buildRecordView(*m_state);
    }
}

ConsoleResult<std::size_t> StaffConsole::exportSince(
    std::int64_t sinceMs, queue::ExportFormat format, std::ostream& out)
{
    State& state = *m_state;
    if (auto ok = needSession(state); !ok) {
        return ok.failure();
    }
    auto written = state.store->exportRecords(*state.session, sinceMs, format, out);
    if (!written) {
        return fail(queueFailure(state, written.error()));
    }
    return *written;
}

bool StaffConsole::canExport() const
{
    const State& state = *m_state;
    return state.session && !state.locked && state.session->role() == queue::Role::Supervisor;
}

bool StaffConsole::offline() const
{
    return m_state->offline;
}

const PendingCorrection* StaffConsole::pendingCorrection() const
{
    return m_state->pendingCorrection ? &*m_state->pendingCorrection : nullptr;
}

void StaffConsole::retryPendingCorrection()
{
    State& state = *m_state;
    if (!state.pendingCorrection) {
        return;
    }
    if (!state.info || state.info->id != state.pendingCorrection->recordId) {
        state.pendingCorrection.reset(); // its record was closed: nothing to save it into
        return;
    }
    const PendingCorrection pending = *state.pendingCorrection;
    std::string text(pending.text.data(), pending.text.size());
    std::string reason(pending.reason.data(), pending.reason.size());
    const bool touchedBefore = state.lastInputMs != 0;
    const std::int64_t lastInput = state.lastInputMs;
    (void)correct(pending.key, text, reason); // clears the pending correction once saved
    secureZero(text.data(), text.size());
    secureZero(reason.data(), reason.size());
    if (touchedBefore) {
        state.lastInputMs = lastInput; // a retry is not the user's input (the lock timer runs on)
    }
}

} // namespace kakanai::staff
