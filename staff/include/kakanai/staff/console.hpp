// The staff desk's logic, without a window: log in, lock, the live list of records, claiming
// one (the lease is renewed while it is open), the filled form with each value's origin and
// checks, corrections with history, decisions, the audited My Number reveal, export, and a small
// dashboard. The ImGui screens (staff/ui) only draw these views and call these actions.
//
// Errors: actions return ConsoleError { id, message }: the queue's error name (queue::errorName:
// "auth-failed", "locked", "forbidden", "not-owner", "invalid-state", "tampered", ...) or one of
// "not-logged-in", "no-record" (nothing open), "unknown-field", "bad-value" (the text cannot be a
// value of the field's type), "reason-required", "unreadable-record" (the payload is not a
// filled form), "nothing-waiting". Messages are Japanese, for counter staff, and never contain
// personal data. Nothing throws for bad input.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"
#include "kakanai/forms/template.hpp"
#include "kakanai/queue/store.hpp"

#include <array>
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

struct ConsoleOptions
{
    std::int64_t lockAfterMs = 5 * 60 * 1000; // no input for 5 minutes locks the screen
    std::int64_t renewLeaseBeforeMs = 5 * 60 * 1000; // renew when less than this is left
    int utcOffsetMinutes = 540;
    /** Prints a form (or reprints the ticket when `ticketOnly`); empty when no printer. */
    std::function<Result<Ok, std::string>(
        const forms::FilledForm&, const queue::RecordInfo&, bool ticketOnly)>
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

    /** Claims and opens a record (audited view). */
    ConsoleResult<Ok> open(const std::string& id);
    /** Claims and opens the oldest waiting record. */
    ConsoleResult<Ok> openNext();
    const RecordView* record() const;
    /** Releases the open record's claim and returns to the list. */
    ConsoleResult<Ok> close();

    /** Corrects one field with a reason (history kept); the text is parsed for its type. */
    ConsoleResult<Ok> correct(
        const std::string& key, const std::string& text, const std::string& reason);
    /** Approves, returns (reason required) or rejects (reason required) the open record. */
    ConsoleResult<Ok> decide(queue::Decision decision, const std::string& reason = {});
    /** Shows the My Number in full (supervisor; audited). hideMyNumber() masks it again. */
    ConsoleResult<Ok> revealMyNumber();
    void hideMyNumber();
    /** Prints the open record's form, or reprints its ticket. */
    ConsoleResult<Ok> print(bool ticketOnly);
    /** Writes records decided since `sinceMs` for the resident-records system (supervisor). */
    ConsoleResult<std::size_t> exportSince(
        std::int64_t sinceMs, queue::ExportFormat format, std::ostream& out);
    ConsoleResult<DashboardView> dashboard() const;

    struct State;

private:
    std::unique_ptr<State> m_state;
};

/** "12分" / "1時間5分": a waiting time for the list. */
std::string formatWait(std::int64_t ms);

} // namespace kakanai::staff
