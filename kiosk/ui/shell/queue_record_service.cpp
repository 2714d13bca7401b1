#include "queue_record_service.hpp"

#include "kakanai/forms/filled_json.hpp"

#include <algorithm>

namespace kakanai::kiosk::ui {

namespace {

std::string queueFailure(const std::string& what, const queue::QueueError& error)
{
    return what + ": " + queue::errorName(error.code) + ": " + error.message;
}

} // namespace

std::string maskMyNumberValue(const std::string& number)
{
    if (number.size() < 4) {
        return std::string(number.size(), '*');
    }
    return "********" + number.substr(number.size() - 4);
}

Result<queue::Submission, std::string> makeSubmission(
    const std::vector<forms::FormTemplate>& templates, const forms::FilledForm& filled)
{
    const auto form = std::find_if(templates.begin(), templates.end(),
        [&](const forms::FormTemplate& t) { return t.id == filled.templateId; });
    if (form == templates.end()) {
        return fail("unknown template " + filled.templateId);
    }
    queue::Submission submission;
    forms::FilledForm masked = filled;
    for (const forms::Field& field : form->fields) {
        if (field.type != forms::FieldType::MyNumber) {
            continue;
        }
        auto value = masked.values.find(field.key);
        if (value == masked.values.end()) {
            continue;
        }
        auto* digits = std::get_if<std::string>(&value->second.value);
        if (digits == nullptr || digits->empty()) {
            continue;
        }
        if (field.store && !submission.myNumber) {
            submission.myNumber.emplace();
            assignSecure(*submission.myNumber, *digits);
        }
        std::string shown = maskMyNumberValue(*digits);
        secureZero(digits->data(), digits->size());
        *digits = std::move(shown);
    }
    std::string json = forms::toJson(masked);
    assignSecure(submission.payload, json);
    secureZero(json.data(), json.size());
    for (auto& [key, value] : masked.values) {
        if (auto* text = std::get_if<std::string>(&value.value)) {
            secureZero(text->data(), text->size());
        }
    }
    submission.id = filled.recordId;
    submission.templateId = filled.templateId;
    submission.templateVersion = static_cast<int>(filled.templateVersion);
    submission.kioskId = filled.kioskId;
    submission.language = filled.language;
    return submission;
}

QueueRecordService::QueueRecordService(queue::Store store, QueueRecordOptions options)
    : m_store(std::move(store))
    , m_options(std::move(options))
{
}

Result<std::unique_ptr<QueueRecordService>, std::string> QueueRecordService::open(
    const QueueRecordOptions& options)
{
    auto key = queue::loadMasterKey(options.keyFile);
    if (!key) {
        return fail(
            queueFailure("cannot load the queue key " + options.keyFile.string(), key.error()));
    }
    queue::StoreOptions storeOptions;
    storeOptions.key = std::move(*key);
    if (!options.ticketPrefix.empty()) {
        storeOptions.ticketPrefixes[options.counterGroup] = options.ticketPrefix;
    }
    auto store = queue::Store::open(options.database, std::move(storeOptions));
    if (!store) {
        return fail(
            queueFailure("cannot open the queue " + options.database.string(), store.error()));
    }
    return std::unique_ptr<QueueRecordService>(new QueueRecordService(std::move(*store), options));
}

Result<Receipt, std::string> QueueRecordService::submit(const std::string& visitId,
    const std::vector<forms::FilledForm>& forms, std::optional<std::int64_t> cardReadAtMs)
{
    if (forms.empty()) {
        return fail(std::string("no forms"));
    }
    std::lock_guard lock(m_mutex);
    Receipt receipt;
    // The wait of a ticket taken now: the people already waiting, not this visit's own forms.
    if (auto stats = m_store.stats()) {
        receipt.waitMinutes = static_cast<int>((stats->estimatedWaitMs + 59'999) / 60'000);
    }
    for (const forms::FilledForm& form : forms) {
        if (form.recordId.empty()) {
            return fail(std::string("a form has no record id"));
        }
        auto submission = makeSubmission(m_options.templates, form);
        if (!submission) {
            return fail(submission.error());
        }
        submission->visitId = visitId;
        // One ticket covers the visit: the further forms share the first one's.
        if (&form != &forms.front() && !visitId.empty()) {
            submission->ticketOf = forms.front().recordId;
        }
        submission->counterGroup = m_options.counterGroup;
        submission->cardReadAtMs = cardReadAtMs;
        auto stored = m_store.submit(*submission);
        if (!stored) {
            return fail(queueFailure("the queue refused record " + form.recordId, stored.error()));
        }
        if (receipt.ticket.empty()) {
            receipt.ticket = stored->ticket;
        }
    }
    return receipt;
}

bool QueueRecordService::belongsToVisit(const std::string& visitId, const std::string& recordId)
{
    if (visitId.empty() || recordId.empty()) {
        return false;
    }
    std::lock_guard lock(m_mutex);
    auto info = m_store.get(recordId);
    return info && info->visitId == visitId;
}

} // namespace kakanai::kiosk::ui
