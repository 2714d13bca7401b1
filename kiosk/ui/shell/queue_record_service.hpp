// QueueRecordService: the kiosk's RecordService on the real record queue (kakanai::queue::Store,
// SQLite, payloads encrypted under the master key file).
//
// One Submission per form of the visit: id = the form's record id, visitId = the visit id,
// counterGroup from --counter-group, cardReadAtMs from the shell. The My Number of a my_number
// field with store = true goes into Submission::myNumber (encrypted apart); inside the payload
// JSON every my_number value is masked to "********" + its last 4 digits.
//
// Tickets: one ticket covers the visit. The first form gets the day's next ticket; the others
// are submitted with Submission::ticketOf = the first form's record id and carry the same ticket
// text (and visit id, which KPI "visits" counts). The estimated wait is
// Store::stats().estimatedWaitMs taken before the visit's records are added (the wait of a
// ticket taken now), in whole minutes rounded up.
//
// Errors (English, never personal data; from open() or submit()): "cannot open the queue PATH:
// <queue error>", "cannot load the queue key PATH: <queue error>", "no forms", "a form has no
// record id", "the queue refused record ID: <code>: <message>", "unknown template ID". A failed
// form stops the visit: the forms stored before it stay (a retry with the same ids is idempotent).
#pragma once

#include "services.hpp"

#include "kakanai/queue/store.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kakanai::kiosk::ui {

struct QueueRecordOptions
{
    std::filesystem::path database; ///< --db: an existing queue (kakanai-queue init)
    std::filesystem::path keyFile; ///< --key: its master key file (mode 0600)
    std::string counterGroup = "A"; ///< --counter-group
    std::vector<forms::FormTemplate> templates; ///< to find the my_number fields
    std::string ticketPrefix; ///< --ticket-prefix ("" : the counter group's name)
};

class QueueRecordService final : public RecordService
{
public:
    static Result<std::unique_ptr<QueueRecordService>, std::string> open(
        const QueueRecordOptions& options);

    Result<Receipt, std::string> submit(const std::string& visitId,
        const std::vector<forms::FilledForm>& forms,
        std::optional<std::int64_t> cardReadAtMs) override;
    /** Asks the queue itself: the record exists and carries this visit id. */
    bool belongsToVisit(const std::string& visitId, const std::string& recordId) override;

private:
    QueueRecordService(queue::Store store, QueueRecordOptions options);

    std::mutex m_mutex;
    queue::Store m_store;
    QueueRecordOptions m_options;
};

/**
 * The Submission of one form: every my_number value of `filled` masked in the payload, the
 * first stored (store = true) one in myNumber. Fails with "unknown template ID".
 */
Result<queue::Submission, std::string> makeSubmission(
    const std::vector<forms::FormTemplate>& templates, const forms::FilledForm& filled);

/** "********" + the last 4 digits (shorter values are all '*'). */
std::string maskMyNumberValue(const std::string& number);

} // namespace kakanai::kiosk::ui
