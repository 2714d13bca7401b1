// The open record as staff see it: every shown field with its origin, the checks, the history.
#include "state.hpp"

#include "kakanai/forms/answer_text.hpp"
#include "kakanai/forms/validate.hpp"
#include "kakanai/forms/wareki.hpp"

#include <algorithm>

namespace kakanai::staff::detail {

namespace {

std::string japanese(const forms::LocalizedText& text)
{
    const auto it = text.find("ja");
    return it != text.end() ? it->second : (text.empty() ? "" : text.begin()->second);
}

std::string text(const SecureString& secure)
{
    return std::string(secure.data(), secure.size());
}

std::string masked(const std::string& number)
{
    std::string digits;
    for (const char c : number) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    return "****-****-" + (digits.size() >= 4 ? digits.substr(digits.size() - 4) : "****");
}

// What staff read: the option's Japanese label, the date in 和暦 (a value that is not a date
// stays as stored), はい/いいえ.
std::string displayText(const forms::Field& field, const forms::Value& value)
{
    if (const auto* flag = std::get_if<bool>(&value)) {
        return *flag ? "はい" : "いいえ";
    }
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        std::string joined;
        for (const auto& item : *list) {
            const forms::Option* option = field.findOption(item);
            joined += (joined.empty() ? "" : "、") + (option ? japanese(option->label) : item);
        }
        return joined;
    }
    const std::string raw = forms::answerText(value);
    if (field.type == forms::FieldType::Choice) {
        const forms::Option* option = field.findOption(raw);
        return option ? japanese(option->label) : raw;
    }
    if (field.type == forms::FieldType::Date) {
        if (auto date = forms::parseDateInput(raw)) {
            return forms::formatWareki(*date).value_or(raw);
        }
    }
    return raw;
}

} // namespace

std::string localTime(const StaffConsole::State& state, std::int64_t ms)
{
    return queue::formatLocalTime(ms, state.options.utcOffsetMinutes);
}

void buildRecordView(StaffConsole::State& state)
{
    RecordView view;
    view.info = *state.info;
    const forms::FormTemplate* form = state.findTemplate(state.info->templateId);
    const forms::FilledForm& filled = *state.form;
    view.language = filled.language;
    view.revealed = state.myNumber.has_value();
    const queue::Role role = state.session->role();
    view.canReveal = role == queue::Role::Supervisor;
    view.canExport = role == queue::Role::Supervisor;
    view.leaseLeftMs
        = state.info->leaseUntilMs ? *state.info->leaseUntilMs - state.clock->nowMs() : 0;
    // Opened without our claim (an approved record, to print it again): shown, not edited.
    view.readOnly = state.info->status != queue::Status::Claimed
        || state.info->claimedBy != state.session->userId();
    for (const auto& correction : state.history) {
        view.history.push_back(
            CorrectionRow { localTime(state, correction.atMs), correction.userId, correction.field,
                text(correction.oldValue), text(correction.newValue), text(correction.reason) });
    }
    if (!form) {
        view.formTitle = state.info->templateId;
        view.checks.push_back(
            "この様式（" + state.info->templateId + "）のテンプレートがありません。");
        state.view = std::move(view);
        return;
    }
    view.formTitle = japanese(form->title);
    if (form->version != filled.templateVersion) {
        view.checks.push_back("様式の版が違います（記録: 第"
            + std::to_string(filled.templateVersion) + "版、現在: 第"
            + std::to_string(form->version) + "版）。");
    }
    const auto issues = forms::validate(*form, filled);
    for (const forms::Field* field : forms::visibleFields(*form, filled)) {
        FieldRow row;
        row.key = field->key;
        row.label = japanese(field->label);
        row.myNumber = field->type == forms::FieldType::MyNumber;
        const forms::FilledValue* value = filled.find(field->key);
        if (value) {
            row.origin = value->origin;
            row.editText = forms::answerText(value->value);
            row.value = displayText(*field, value->value);
        }
        if (row.myNumber) {
            // The number is kept apart (encrypted) by the queue; the payload holds at most a mask.
            row.value = state.myNumber               ? text(*state.myNumber)
                : (state.info->hasMyNumber || value) ? masked(row.value)
                                                     : "";
        }
        row.flaggedByResident
            = std::find(filled.residentFlags.begin(), filled.residentFlags.end(), field->key)
            != filled.residentFlags.end();
        row.corrected = std::any_of(state.history.begin(), state.history.end(),
            [&](const queue::Correction& c) { return c.field == field->key; });
        for (const auto& issue : issues) {
            if (issue.field == field->key && !(row.myNumber && state.info->hasMyNumber)) {
                row.issues.push_back(forms::messageText(issue.messageId, "ja", issue.params));
            }
        }
        if (row.flaggedByResident) {
            view.checks.push_back(
                "「" + row.label + "」: 住民がカードの値が違うと申し出ています。");
        }
        if (!row.issues.empty()
            && (row.origin == forms::ValueOrigin::Card
                || row.origin == forms::ValueOrigin::Derived)) {
            view.checks.push_back("「" + row.label
                + "」: カードの値が検証を通りません（修正せず確認してください）。");
        }
        view.fields.push_back(std::move(row));
    }
    for (const auto& issue : issues) {
        if (!issue.rule.empty()) {
            view.checks.push_back(forms::issueText(issue, *form, "ja"));
        }
    }
    state.view = std::move(view);
}

} // namespace kakanai::staff::detail
