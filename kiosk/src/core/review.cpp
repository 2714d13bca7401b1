// Review of each form (card values, touch inputs, the field editor), confirm, done.
#include "editor.hpp"
#include "machine_internal.hpp"

#include "kakanai/forms/validate.hpp"

#include <algorithm>

namespace kakanai::kiosk::detail {

namespace {

bool startsWith(const std::string& text, std::string_view prefix)
{
    return text.rfind(prefix, 0) == 0;
}

bool isCardValue(const forms::FilledValue* value)
{
    return value
        && (value->origin == forms::ValueOrigin::Card
            || value->origin == forms::ValueOrigin::Derived);
}

const forms::Field* visibleField(const State& state, std::string_view key)
{
    const auto& form = state.visit->formTemplate(state.formIndex);
    for (const forms::Field* field :
        forms::visibleFields(form, state.visit->form(state.formIndex))) {
        if (field->key == key) {
            return field;
        }
    }
    return nullptr;
}

// option.<key>.<value>: the key may itself contain dots? Field keys are [a-z0-9_]: no.
void onOption(State& state, const std::string& rest)
{
    const std::size_t dot = rest.find('.');
    if (dot == std::string::npos) {
        return;
    }
    const std::string key = rest.substr(0, dot);
    const std::string value = rest.substr(dot + 1);
    const forms::Field* field = visibleField(state, key);
    if (!field || isCardValue(state.visit->form(state.formIndex).find(key))) {
        return;
    }
    const std::string now = state.clock->timestamp();
    switch (field->type) {
    case forms::FieldType::YesNo:
        if (value == "yes" || value == "no") {
            state.visit->answer(
                state.formIndex, key, value == "yes", forms::ValueOrigin::Resident, now);
        }
        break;
    case forms::FieldType::Choice:
        if (field->findOption(value)) {
            state.visit->answer(state.formIndex, key, value, forms::ValueOrigin::Resident, now);
        }
        break;
    case forms::FieldType::MultiChoice: {
        if (!field->findOption(value)) {
            break;
        }
        std::vector<std::string> chosen;
        if (const auto* current = state.visit->form(state.formIndex).find(key)) {
            if (const auto* list = std::get_if<std::vector<std::string>>(&current->value)) {
                chosen = *list;
            }
        }
        const auto it = std::find(chosen.begin(), chosen.end(), value);
        if (it == chosen.end()) {
            chosen.push_back(value);
        } else {
            chosen.erase(it);
        }
        state.visit->answer(
            state.formIndex, key, std::move(chosen), forms::ValueOrigin::Resident, now);
        break;
    }
    default:
        break;
    }
}

void onEditorTap(State& state, const std::string& widget)
{
    EditorState& editor = *state.editor;
    const forms::Field* field = visibleField(state, editor.fieldKey);
    if (!field || widget == "edit.cancel") {
        secureZero(editor.text.data(), editor.text.size());
        state.editor.reset();
        return;
    }
    if (widget == "edit.ok") {
        forms::Value value = valueFromEditor(*field, editor);
        state.visit->answer(state.formIndex, field->key, std::move(value),
            forms::ValueOrigin::Resident, state.clock->timestamp());
        secureZero(editor.text.data(), editor.text.size());
        state.editor.reset();
        return;
    }
    applyEditorKey(editor, inputKindOf(*field), widget);
}

bool residentMustFixSomething(const State& state)
{
    const auto& form = state.visit->formTemplate(state.formIndex);
    for (const auto& issue : forms::validate(form, state.visit->form(state.formIndex))) {
        if (issue.severity == forms::Severity::Stop && !issue.forStaff) {
            return true;
        }
    }
    return false;
}

SubmitVisit submission(const State& state)
{
    SubmitVisit submit { state.visitId, {} };
    for (std::size_t i = 0; i < state.visit->size(); ++i) {
        forms::FilledForm form
            = forms::visibleValues(state.visit->formTemplate(i), state.visit->form(i));
        form.recordId = state.recordIds[i];
        form.updatedAt = state.clock->timestamp();
        const std::string prefix = std::to_string(i) + "#";
        for (const std::string& mark : state.flagged) {
            if (mark.rfind(prefix, 0) == 0) {
                form.residentFlags.push_back(mark.substr(prefix.size()));
            }
        }
        submit.forms.push_back(std::move(form));
    }
    return submit;
}

void onReviewScreenTap(State& state, const std::string& widget, Effects& effects)
{
    if (state.editor) {
        onEditorTap(state, widget);
        return;
    }
    if (widget == "action.cancel") {
        wipe(state, effects);
    } else if (widget == "action.back") {
        if (state.formIndex > 0) {
            --state.formIndex;
            state.showIssues = false;
        }
    } else if (widget == "action.next") {
        if (residentMustFixSomething(state)) {
            state.showIssues = true;
            return;
        }
        state.showIssues = false;
        if (state.formIndex + 1 < state.visit->size()) {
            ++state.formIndex;
        } else {
            goTo(state, Screen::Confirm);
        }
    } else if (startsWith(widget, "field.")) {
        const std::string key = widget.substr(6);
        const forms::Field* field = visibleField(state, key);
        const auto* current = state.visit->form(state.formIndex).find(key);
        const InputKind kind = field ? inputKindOf(*field) : InputKind::ReadOnly;
        const bool typed = kind == InputKind::Text || kind == InputKind::Katakana
            || kind == InputKind::Date || kind == InputKind::Integer || kind == InputKind::Digits;
        if (field && typed && !isCardValue(current)) {
            state.editor = editorFor(*field, current);
        }
    } else if (startsWith(widget, "option.")) {
        onOption(state, widget.substr(7));
    } else if (startsWith(widget, "wrong.")) {
        const std::string key = widget.substr(6);
        if (visibleField(state, key) && isCardValue(state.visit->form(state.formIndex).find(key))) {
            const std::string mark = std::to_string(state.formIndex) + "#" + key;
            if (!state.flagged.erase(mark)) {
                state.flagged.insert(mark);
            }
        }
    }
}

} // namespace

void startReview(State& state)
{
    state.formIndex = 0;
    state.showIssues = false;
    goTo(state, Screen::Review);
}

void onReviewTap(State& state, const std::string& widget, Effects& effects)
{
    switch (state.screen) {
    case Screen::Review:
        onReviewScreenTap(state, widget, effects);
        break;
    case Screen::Confirm:
        if (widget == "action.back") {
            state.formIndex = state.visit->size() - 1;
            goTo(state, Screen::Review);
        } else if (widget == "action.submit") {
            goTo(state, Screen::Submitting);
            effects.push_back(submission(state));
        }
        break;
    case Screen::Done:
        if (widget == "action.finish") {
            wipe(state, effects);
        }
        break;
    default:
        break;
    }
}

void onTypeText(State& state, const std::string& text)
{
    if (state.screen != Screen::Review || !state.editor) {
        return;
    }
    constexpr std::size_t MAX_TEXT_BYTES = 600;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20) {
            return; // no control characters (newlines, tabs) in form fields
        }
    }
    if (state.editor->text.size() + text.size() <= MAX_TEXT_BYTES) {
        state.editor->text += text;
    }
}

} // namespace kakanai::kiosk::detail
