// The desk's actions (see desk.hpp).
#include "desk.hpp"

#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/queue/clock.hpp"

#include <algorithm>
#include <cstring>
#include <iostream>

namespace kakanai::staff::ui {

namespace {

constexpr std::int64_t LIST_RELOAD_MS = 30'000;

/** The typed password, as a SecureString of its own length; the field's buffer is zeroed. */
SecureString takeSecret(SecureString& buffer)
{
    SecureString secret;
    assignSecure(secret, std::string_view(buffer.data(), ::strnlen(buffer.data(), buffer.size())));
    secureZero(buffer.data(), buffer.size());
    return secret;
}

bool startsWith(const std::string& id, std::string_view prefix)
{
    return id.size() > prefix.size() && id.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

Desk::Desk(StaffConsole& console, const queue::Clock& clock, bool sound, int utcOffsetMinutes)
    : m_console(console)
    , m_clock(clock)
    , m_utcOffsetMinutes(utcOffsetMinutes)
    , m_sound(sound)
{
}

Desk::~Desk()
{
    wipePassword();
}

void Desk::wipePassword()
{
    secureZero(m_fields.password.data(), m_fields.password.size());
}

void Desk::setExportFolder(const std::filesystem::path& folder)
{
    setBufferText(m_fields.exportDir, folder.string());
}

DeskScreen Desk::screen() const
{
    switch (m_console.screen()) {
    case ConsoleScreen::Login:
        return DeskScreen::Login;
    case ConsoleScreen::Locked:
        return DeskScreen::Locked;
    case ConsoleScreen::Record:
        return DeskScreen::Record;
    case ConsoleScreen::List:
        break;
    }
    return m_showDashboard ? DeskScreen::Dashboard : DeskScreen::List;
}

void Desk::report(const ConsoleError& error, const char* action)
{
    m_error = error.message;
    m_notice.clear();
    std::cerr << "kakanai-staff: " << action << " failed: " << error.id << "\n";
    ++m_generation;
}

void Desk::succeed(std::string notice)
{
    m_error.clear();
    m_notice = std::move(notice);
    ++m_generation;
}

void Desk::clearPanels()
{
    m_editing.clear();
    m_deciding.reset();
    setBufferText(m_fields.value, "");
    setBufferText(m_fields.reason, "");
}

void Desk::rememberRows()
{
    for (const auto& row : m_console.list().rows) {
        m_knownIds.insert(row.id);
    }
    m_lastRefreshMs = m_clock.nowMs();
}

void Desk::openField(const std::string& key)
{
    const RecordView* record = m_console.record();
    if (!record || record->readOnly) {
        return;
    }
    for (const auto& field : record->fields) {
        if (field.key == key) {
            clearPanels();
            m_editing = key;
            setBufferText(m_fields.value, field.editText);
            succeed();
            return;
        }
    }
}

void Desk::loadDashboard()
{
    auto view = m_console.dashboard();
    if (!view) {
        report(view.error(), "dashboard");
        return;
    }
    m_dashboard = std::move(*view);
    m_showDashboard = true;
    succeed();
}

void Desk::applyFilter(ListFilter filter)
{
    m_console.setFilter(std::move(filter));
    rememberRows();
    succeed();
}

void Desk::click(const std::string& id)
{
    const std::string recordId = m_console.record() ? m_console.record()->info.id : "";
    const auto logRecord = [&](const char* what) {
        std::cerr << "kakanai-staff: " << what << " " << recordId << "\n"; // a UUID: not personal
    };
    if (id == "login.ok") {
        const std::string user = bufferText(m_fields.userId);
        const SecureString password = takeSecret(m_fields.password);
        if (auto ok = m_console.login(user, password); !ok) {
            report(ok.error(), "login");
            return;
        }
        std::cerr << "kakanai-staff: logged in\n";
        m_showDashboard = false;
        rememberRows();
        succeed();
    } else if (id == "unlock.ok") {
        const SecureString password = takeSecret(m_fields.password);
        if (auto ok = m_console.unlock(password); !ok) {
            report(ok.error(), "unlock");
            return;
        }
        succeed();
    } else if (id == "nav.logout" || id == "unlock.logout") {
        wipePassword();
        clearPanels();
        m_exporting = false;
        m_console.logout();
        m_showDashboard = false;
        m_knownIds.clear();
        succeed();
    } else if (id == "nav.lock") {
        m_console.lock();
        succeed();
    } else if (id == "nav.sound") {
        m_sound = !m_sound;
        succeed();
    } else if (id == "nav.dashboard") {
        m_exporting = false;
        loadDashboard();
    } else if (id == "nav.list") {
        m_showDashboard = false;
        succeed();
    } else if (id == "nav.export") {
        openExportPanel({});
    } else if (id == "export.format.jsonl" || id == "export.format.csv") {
        m_exportFormat
            = id == "export.format.csv" ? queue::ExportFormat::Csv : queue::ExportFormat::Jsonl;
        succeed();
    } else if (id == "export.ok" && m_exporting) {
        exportNow();
    } else if (id == "export.cancel") {
        m_exporting = false;
        succeed();
    } else if (id == "list.refresh") {
        if (auto ok = m_console.refresh(); !ok) {
            report(ok.error(), "refresh");
            return;
        }
        rememberRows();
        succeed();
    } else if (id == "list.next" || startsWith(id, "row.")) {
        ConsoleResult<Ok> opened = Ok {};
        if (id == "list.next") {
            opened = m_console.openNext();
        } else {
            const std::string ticket = id.substr(4);
            const auto& rows = m_console.list().rows;
            const auto row = std::find_if(
                rows.begin(), rows.end(), [&](const ListRow& r) { return r.ticket == ticket; });
            if (row == rows.end()) {
                return;
            }
            opened = m_console.open(row->id);
        }
        if (!opened) {
            report(opened.error(), "open");
            return;
        }
        clearPanels();
        std::cerr << "kakanai-staff: opened " << m_console.record()->info.id << " ticket "
                  << m_console.record()->info.ticket
                  << (m_console.record()->readOnly ? " read-only" : "") << "\n";
        succeed();
    } else if (startsWith(id, "filter.status.")) {
        ListFilter filter = m_console.list().filter;
        filter.status = queue::parseStatus(id.substr(14));
        applyFilter(std::move(filter));
    } else if (startsWith(id, "filter.form.")) {
        ListFilter filter = m_console.list().filter;
        filter.templateId = id == "filter.form.all" ? "" : id.substr(12);
        applyFilter(std::move(filter));
    } else if (startsWith(id, "filter.day.")) {
        ListFilter filter = m_console.list().filter;
        filter.day = id == "filter.day.today"
            ? queue::localDate(m_clock.nowMs(), m_utcOffsetMinutes)
            : id == "filter.day.apply" ? bufferText(m_fields.day)
                                       : "";
        setBufferText(m_fields.day, filter.day);
        applyFilter(std::move(filter));
    } else if (startsWith(id, "field.")) {
        openField(id.substr(6));
    } else if (id == "correct.ok") {
        if (auto ok
            = m_console.correct(m_editing, bufferText(m_fields.value), bufferText(m_fields.reason));
            !ok) {
            report(ok.error(), "correct");
            return;
        }
        std::cerr << "kakanai-staff: corrected field " << m_editing << " of " << recordId << "\n";
        clearPanels();
        succeed("修正しました。");
    } else if (id == "correct.cancel" || id == "decide.cancel") {
        clearPanels();
        succeed();
    } else if (id == "action.approve") {
        if (auto ok = m_console.decide(queue::Decision::Approve); !ok) {
            report(ok.error(), "approve");
            return;
        }
        logRecord("approved");
        clearPanels();
        succeed("承認しました。");
    } else if (id == "action.return" || id == "action.reject") {
        clearPanels();
        m_deciding = id == "action.return" ? queue::Decision::Return : queue::Decision::Reject;
        succeed();
    } else if (id == "decide.ok" && m_deciding) {
        const queue::Decision decision = *m_deciding;
        if (auto ok = m_console.decide(decision, bufferText(m_fields.reason)); !ok) {
            report(ok.error(), "decide");
            return;
        }
        logRecord(queue::decisionName(decision));
        clearPanels();
        succeed(decision == queue::Decision::Return ? "差し戻しました。" : "却下しました。");
    } else if (id == "action.reveal") {
        if (auto ok = m_console.revealMyNumber(); !ok) {
            report(ok.error(), "reveal");
            return;
        }
        logRecord("revealed the My Number of");
        succeed();
    } else if (id == "action.hide") {
        m_console.hideMyNumber();
        succeed();
    } else if (id == "action.print" || id == "action.reprint") {
        if (auto ok = m_console.print(id == "action.reprint"); !ok) {
            report(ok.error(), "print");
            return;
        }
        logRecord(id == "action.print" ? "printing" : "reprinting the ticket of");
        succeed(); // printLine() shows the job from now on
    } else if (id == "action.export") {
        // A read-only (approved) record: the export panel, from the day it was decided.
        const RecordView* record = m_console.record();
        if (!record || !record->readOnly || !m_console.canExport()) {
            report(ConsoleError { "forbidden", "この操作の権限がありません。" }, "export");
            return;
        }
        const std::int64_t decided = record->info.decidedAtMs.value_or(m_clock.nowMs());
        clearPanels();
        (void)m_console.close(); // nothing to release: the record is not claimed
        rememberRows();
        openExportPanel(queue::localDate(decided, m_utcOffsetMinutes));
    } else if (id == "action.close") {
        clearPanels();
        if (auto ok = m_console.close(); !ok) {
            report(ok.error(), "close");
            return;
        }
        rememberRows();
        succeed();
    }
}

std::vector<std::string> Desk::onQueueChanged()
{
    std::vector<std::string> fresh;
    const ConsoleScreen screen = m_console.screen();
    if (screen == ConsoleScreen::Login || screen == ConsoleScreen::Locked) {
        return fresh;
    }
    if (!m_console.refresh()) {
        return fresh; // kept as it was; the next change or reload tries again
    }
    for (const auto& row : m_console.list().rows) {
        if (!m_knownIds.count(row.id)) {
            fresh.push_back(row.ticket);
        }
    }
    rememberRows();
    if (m_showDashboard) {
        if (auto view = m_console.dashboard()) {
            m_dashboard = std::move(*view);
        }
    }
    ++m_generation;
    return fresh;
}

void Desk::tick()
{
    const DeskScreen before = screen();
    m_console.tick();
    (void)onPrintProgress(); // in case a wake was missed
    if (m_console.printing()) {
        ++m_generation; // the seconds in printLine()
    }
    if (screen() != before) {
        clearPanels();
        ++m_generation;
    }
    if (m_clock.nowMs() - m_lastRefreshMs >= LIST_RELOAD_MS) {
        (void)onQueueChanged(); // waiting times move on
    }
}

bool Desk::hasRow(const std::string& ticket) const
{
    for (const auto& row : m_console.list().rows) {
        if (row.ticket == ticket) {
            return true;
        }
    }
    return false;
}

} // namespace kakanai::staff::ui
