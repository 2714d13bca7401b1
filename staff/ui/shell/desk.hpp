// Desk: what the staff window adds to the StaffConsole, without ImGui or SDL: which screen is
// shown (the console's, or the dashboard over the list), the text the fields hold, the open
// correction or decision panel, the last error or notice, the sound toggle, and what each widget
// id does when it is clicked (docs/staff-console.md lists them). The drawing code only draws a
// Desk and reports clicks; the SDL loop calls onQueueChanged() and tick().
//
// Printing runs on the console's print thread: action.print starts it, the loop calls
// onPrintProgress() when woken (StaffConsole::setPrintWake) and every second, and printLine()
// says what the job is doing. The supervisor's export panel (nav.export) writes the export file
// into the folder typed in export.dir (StaffConsole::exportToFolder) and shows the count.
//
// An approved record opened from the list is read-only (RecordView::readOnly): action.print,
// action.reprint, action.export (supervisors: closes it and opens the export panel from the day
// it was decided) and action.close; a failed print leaves it open and approved, to try again.
//
// Errors: a failed action sets error() to the console's Japanese message (never personal data)
// and logs its id on stderr; nothing throws. Passwords are wiped from their buffers as soon as
// they have been used.
#pragma once

#include "script.hpp"

#include "kakanai/staff/console.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kakanai::staff::ui {

/** A NUL-terminated buffer an ImGui text field edits in place. */
template <std::size_t N> using TextBuffer = std::array<char, N>;

/** The text a buffer holds (up to its NUL). */
template <std::size_t N> std::string bufferText(const TextBuffer<N>& buffer)
{
    return std::string(buffer.data(), ::strnlen(buffer.data(), N));
}

/** Replaces a buffer's text (cut to fit, NUL-terminated). */
template <std::size_t N> void setBufferText(TextBuffer<N>& buffer, const std::string& value)
{
    buffer.fill(0);
    std::memcpy(buffer.data(), value.data(), std::min(value.size(), N - 1));
}

struct DeskFields
{
    TextBuffer<64> userId {};
    /**
     * The password being typed (login and unlock), edited in place by ImGui: a SecureString of a
     * fixed 128 bytes (never resized, so no reallocation leaves a copy behind; freed zeroed). It
     * is zeroed as soon as the password has been used, on logout and when the Desk is destroyed.
     * ImGui's own copies are wiped by the drawing code (staff/ui/draw/secret_text.hpp).
     */
    SecureString password = SecureString(128, '\0');
    TextBuffer<512> value {}; // the correction's new value
    TextBuffer<512> reason {}; // the correction's or the decision's reason
    TextBuffer<16> day {}; // YYYY-MM-DD for the day filter
    TextBuffer<512> exportDir {}; // the export panel's folder
    TextBuffer<16> exportSince {}; // ... and its first day, YYYY-MM-DD
};

class Desk
{
public:
    Desk(StaffConsole& console, const queue::Clock& clock, bool sound, int utcOffsetMinutes);
    ~Desk();

    DeskScreen screen() const;
    StaffConsole& console() { return m_console; }
    const StaffConsole& console() const { return m_console; }
    DeskFields& fields() { return m_fields; }

    /** Runs what widget `id` does (a click); unknown ids are ignored. */
    void click(const std::string& id);
    /** The queue changed: reloads the list; returns the tickets that are new since last time. */
    std::vector<std::string> onQueueChanged();
    /** Every second: the console's timers; reloads the list every 30 s for waiting times. */
    void tick();
    /** Collects the print job's progress or outcome (after a wake); true when shown changed. */
    bool onPrintProgress();
    /** "印刷中… A-001 様式（プリンターへ送信中 3秒）" while a job runs, else "". */
    std::string printLine() const;
    /** The folder the export panel starts with. */
    void setExportFolder(const std::filesystem::path& folder);
    /** The export panel is open (supervisors, over the list). */
    bool exporting() const { return m_exporting; }
    queue::ExportFormat exportFormat() const { return m_exportFormat; }

    bool hasRow(const std::string& ticket) const;
    const std::string& error() const { return m_error; }
    const std::string& notice() const { return m_notice; }
    bool sound() const { return m_sound; }
    /** The field whose correction panel is open ("" when none). */
    const std::string& editingField() const { return m_editing; }
    /** The decision whose reason panel is open. */
    std::optional<queue::Decision> pendingDecision() const { return m_deciding; }
    const std::optional<DashboardView>& dashboard() const { return m_dashboard; }
    /** Bumped by every change to what is shown (the loop draws a frame when it moves). */
    std::uint64_t generation() const { return m_generation; }

private:
    void report(const ConsoleError& error, const char* action);
    void succeed(std::string notice = {});
    void openField(const std::string& key);
    void loadDashboard();
    void applyFilter(ListFilter filter);
    void rememberRows();
    void clearPanels();
    /** The export panel over the list, from `sinceDay` (YYYY-MM-DD; "" keeps the typed day). */
    void openExportPanel(const std::string& sinceDay);
    void exportNow();
    void wipePassword();

    StaffConsole& m_console;
    const queue::Clock& m_clock;
    int m_utcOffsetMinutes = 540;
    DeskFields m_fields;
    bool m_sound = false;
    bool m_showDashboard = false;
    bool m_exporting = false;
    queue::ExportFormat m_exportFormat = queue::ExportFormat::Jsonl;
    std::string m_editing;
    std::optional<queue::Decision> m_deciding;
    std::optional<DashboardView> m_dashboard;
    std::string m_error;
    std::string m_notice;
    std::set<std::string> m_knownIds; // rows seen in the list (for "new" detection)
    std::int64_t m_lastRefreshMs = 0;
    std::uint64_t m_generation = 0;
};

} // namespace kakanai::staff::ui
