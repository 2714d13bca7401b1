// The staff desk's logic, without a window: log in, lock, the live list of records, claiming
// one (the lease is renewed while it is open), the filled form with each value's origin and
// checks, corrections with history, decisions, the audited My Number reveal, export, and a small
// dashboard. The ImGui screens (staff/ui) only draw these views and call these actions.
//
// Errors: actions return ConsoleError { id, message }: the queue's error name (queue::errorName:
// "auth-failed", "locked", "forbidden", "not-owner", "invalid-state", "tampered", ...) or one of
// "not-logged-in", "no-record" (nothing open), "read-only" (the open record is an approved one,
// opened without a claim: it can be printed, not corrected or decided), "unknown-field",
// "bad-value" (the text cannot be a value of the field's type), "reason-required",
// "unreadable-record" (the payload is not a filled form), "nothing-waiting", "print-failed" (no
// printer, or the job failed), "print-busy" (a job is still running), "export-folder" (the folder
// is missing or cannot take a new file), "export-write" (the file could not be completed after the
// records were marked exported: export again from the same day), "bad-day" (not a YYYY-MM-DD date).
// Messages are Japanese, for counter staff, and never contain personal data. Nothing throws for bad
// input.
//
// Threads: every method is for one (the UI) thread. Only a print job runs elsewhere: print()
// starts it on the console's print thread and returns at once; finishPrint() collects it.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/forms/template.hpp"
#include "kakanai/queue/store.hpp"

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kakanai::staff {

struct ConsoleError
{
    std::string id;
    std::string message;
};

template <class T> using ConsoleResult = Result<T, ConsoleError>;

enum class ConsoleScreen
{
    Login,
    Locked, // logged in, screen locked: the password unlocks it
    List,
    Record,
};

/** Where a print job is: making the PDF, then with the printer until it accepts the job. */
enum class PrintStage
{
    Rendering,
    Sending,
};

struct ConsoleOptions
{
    std::int64_t lockAfterMs = 5 * 60 * 1000; // no input for 5 minutes locks the screen
    std::int64_t renewLeaseBeforeMs = 5 * 60 * 1000; // renew when less than this is left
    int utcOffsetMinutes = 540;
    /**
     * Prints a form (or reprints the ticket when `ticketOnly`) and returns once the printer has
     * accepted the job (CUPS: completed), or fails with a message for the log (never personal
     * data). Empty when there is no printer. Runs on the console's print thread, never the UI
     * thread, on copies of the form and the record; `stage` reports its progress.
     */
    std::function<Result<Ok, std::string>(const forms::FilledForm&, const queue::RecordInfo&,
        bool ticketOnly, const std::function<void(PrintStage)>& stage)>
        print;
};

struct ListFilter
{
    std::optional<queue::Status> status; // none: every status but purged
    std::string templateId; // "" = every form
    std::string day; // YYYY-MM-DD local; "" = every day
};

struct ListRow
{
    std::string id;
    std::string ticket;
    std::string templateId;
    std::string formTitle; // Japanese
    queue::Status status = queue::Status::Submitted;
    std::string kioskId;
    std::string claimedBy;
    std::int64_t waitingMs = 0; // since submission (until a decision)
    bool oldestWaiting = false; // the one to take next
    bool mine = false; // claimed by the logged-in user
};

struct ListView
{
    std::vector<ListRow> rows; // oldest first
    std::size_t waiting = 0; // submitted + claimed, under the filter
    ListFilter filter;
    std::vector<std::string> templateIds; // for the form filter
};

struct FieldRow
{
    std::string key;
    std::string label; // Japanese
    std::string value; // for display: option labels, 和暦 dates, はい/いいえ (My Number masked)
    std::string editText; // the stored value as text, to start a correction from
    forms::ValueOrigin origin = forms::ValueOrigin::Resident;
    std::vector<std::string> issues; // Japanese validation messages
    bool flaggedByResident = false; // "this is wrong" tapped at the kiosk
    bool corrected = false;
    bool myNumber = false;
};

struct CorrectionRow
{
    std::string at; // local time
    std::string userId;
    std::string field;
    std::string oldValue;
    std::string newValue;
    std::string reason;
};

struct RecordView
{
    queue::RecordInfo info;
    std::string formTitle;
    std::string language; // what the resident used
    std::vector<FieldRow> fields;
    std::vector<std::string> checks; // card checks and rule messages, Japanese
    std::vector<CorrectionRow> history;
    bool revealed = false;
    bool canReveal = false; // supervisor
    bool canExport = false; // supervisor
    std::int64_t leaseLeftMs = 0;
    /**
     * Opened without a claim (an approved record, to print it again): the form, its origins and
     * history are shown, but nothing can be corrected, decided or revealed; print, reprint the
     * ticket, export (supervisor) and close remain.
     */
    bool readOnly = false;
};

/** The running or the last print job (for the screen: progress, then the outcome). */
struct PrintStatus
{
    enum class State
    {
        Running,
        Done,
        Failed,
    };
    State state = State::Running;
    PrintStage stage = PrintStage::Rendering; // while Running
    std::string recordId;
    std::string ticket;
    bool ticketOnly = false;
    std::int64_t startedAtMs = 0;
    std::int64_t endedAtMs = 0; // Done / Failed
    bool markedPrinted = false; // Done: the record went from approved to printed
    ConsoleError error; // Failed
};

/** What exportToFolder wrote. */
struct ExportFile
{
    std::size_t count = 0;
    std::filesystem::path file; // empty when there was nothing to export (no file is left)
};

/**
 * A correction that could not be saved because the queue server was unreachable: tick() saves
 * it when the server answers again (the record stays claimed by this user meanwhile).
 */
struct PendingCorrection
{
    std::string recordId;
    std::string key;
    SecureString text;
    SecureString reason;
};

struct DashboardView
{
    std::int64_t waiting = 0;
    std::optional<std::int64_t> medianWaitTodayMs;
    std::int64_t estimatedWaitMs = 0;
    /** Per form, records submitted today per local hour (0–23). */
    std::map<std::string, std::array<int, 24>> perFormPerHour;
};

class StaffConsole
{
public:
    StaffConsole(queue::Store& store, std::vector<forms::FormTemplate> templates,
        const queue::Clock& clock, ConsoleOptions options = {});
    ~StaffConsole();

    ConsoleScreen screen() const;
    /** The logged-in user ("" when logged out). */
    std::string userId() const;

    ConsoleResult<Ok> login(const std::string& userId, const SecureString& password);
    void lock();
    ConsoleResult<Ok> unlock(const SecureString& password);
    /** Closes the open record (its lease is released) and logs out. */
    void logout();
    /** Any keyboard or mouse input (postpones the automatic lock). */
    void touch();
    /** Runs the timers: automatic lock, lease renewal. Call every second or so. */
    void tick();

    /** Reloads the list (call when the queue's ChangeWatcher reports a change). */
    ConsoleResult<Ok> refresh();
    void setFilter(ListFilter filter);
    const ListView& list() const;

    /**
     * Claims and opens a waiting record (audited view). An approved record (decided, not yet
     * printed: e.g. its print failed) is opened read-only instead, without a claim (approved
     * records cannot be claimed), so that it can be printed again: RecordView::readOnly.
     */
    ConsoleResult<Ok> open(const std::string& id);
    /** Claims and opens the oldest waiting record. */
    ConsoleResult<Ok> openNext();
    const RecordView* record() const;
    /** Releases the open record's claim (a read-only one has none) and returns to the list. */
    ConsoleResult<Ok> close();

    /** Corrects one field with a reason (history kept); the text is parsed for its type. */
    ConsoleResult<Ok> correct(
        const std::string& key, const std::string& text, const std::string& reason);
    /** Approves, returns (reason required) or rejects (reason required) the open record. */
    ConsoleResult<Ok> decide(queue::Decision decision, const std::string& reason = {});
    /** Shows the My Number in full (supervisor; audited). hideMyNumber() masks it again. */
    ConsoleResult<Ok> revealMyNumber();
    void hideMyNumber();
    /**
     * Starts printing the open record's form, or reprinting its ticket, on the print thread and
     * returns at once (one job at a time: "print-busy"). The record's status changes only in
     * finishPrint(), after the printer accepted the job.
     */
    ConsoleResult<Ok> print(bool ticketOnly);
    /**
     * Called from the print thread when a job moves on or ends (e.g. to wake the UI loop, which
     * then calls finishPrint()). Set it before printing; a running job keeps the one it had.
     */
    void setPrintWake(std::function<void()> wake);
    /**
     * Collects a finished job (call on the UI thread when woken, or every tick). A form printed
     * successfully marks its record printed when the record is approved by then (it may have been
     * approved while the job ran) and was not corrected after the job started. True when
     * printStatus() changed.
     */
    bool finishPrint();
    /** The running job, or the last one's outcome; nullopt before the first print. */
    std::optional<PrintStatus> printStatus() const;
    bool printing() const;

    /**
     * The queue server could not be reached by the last call (error "io"): the screens show an
     * "offline" banner; tick() keeps trying and saves a pending correction once it answers.
     */
    bool offline() const;
    /** The correction waiting to be saved, if any (for the banner). */
    const PendingCorrection* pendingCorrection() const;

    /** Writes records decided since `sinceMs` for the resident-records system (supervisor). */
    ConsoleResult<std::size_t> exportSince(
        std::int64_t sinceMs, queue::ExportFormat format, std::ostream& out);
    /**
     * exportSince into a new file in `folder`: kakanai-export-YYYYMMDD-HHMMSS[-N].jsonl|.csv,
     * mode 0600, written under a temporary name, flushed to disk and renamed. With nothing to
     * export no file is left. `sinceDay` is a local date YYYY-MM-DD (records decided from its
     * start).
     */
    ConsoleResult<ExportFile> exportToFolder(const std::filesystem::path& folder,
        const std::string& sinceDay, queue::ExportFormat format);
    /** A supervisor is logged in (and the screen is not locked). */
    bool canExport() const;
    ConsoleResult<DashboardView> dashboard() const;

    struct State;

private:
    /** Saves the pending correction into the open record (tick(), once the server answers). */
    void retryPendingCorrection();

    std::unique_ptr<State> m_state;
};

/** "12分" / "1時間5分": a waiting time for the list. */
std::string formatWait(std::int64_t ms);

} // namespace kakanai::staff
