// view(): what each screen shows, in the resident's language, from the machine's state.
#include "editor.hpp"
#include "machine_internal.hpp"

#include "kakanai/forms/validate.hpp"

namespace kakanai::kiosk::detail {

namespace {

std::string localized(const forms::LocalizedText& text, std::string_view language)
{
    const std::string_view fallback = language == "ja-easy" ? "ja" : "en";
    for (const std::string_view candidate : { language, fallback, std::string_view("ja") }) {
        const auto it = text.find(candidate);
        if (it != text.end()) {
            return it->second;
        }
    }
    return text.empty() ? std::string() : text.begin()->second;
}

Button button(std::string id, std::string label, bool primary = false, bool enabled = true)
{
    Button b;
    b.id = std::move(id);
    b.label = std::move(label);
    b.primary = primary;
    b.enabled = enabled;
    return b;
}

std::string maskedMyNumber(const std::string& digits)
{
    if (digits.size() < 4) {
        return "****";
    }
    return "****-****-" + digits.substr(digits.size() - 4);
}

std::string formatValue(const State& state, const forms::Field& field, const forms::Value& value)
{
    const std::string& language = state.language;
    if (const auto* flag = std::get_if<bool>(&value)) {
        return uiText(state, *flag ? "answer.yes" : "answer.no");
    }
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*number);
    }
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        std::string joined;
        for (const auto& item : *list) {
            const forms::Option* option = field.findOption(item);
            joined += (joined.empty() ? "" : "、")
                + (option ? localized(option->label, language) : item);
        }
        return joined;
    }
    const auto* text = std::get_if<std::string>(&value);
    if (!text) {
        return {};
    }
    switch (field.type) {
    case forms::FieldType::MyNumber:
        return maskedMyNumber(*text); // never shown in full on a public screen
    case forms::FieldType::Choice: {
        const forms::Option* option = field.findOption(*text);
        return option ? localized(option->label, language) : *text;
    }
    case forms::FieldType::Date: {
        const auto date = forms::parseDateInput(*text);
        if (!date) {
            return *text; // a card date that is not a date: shown as the card has it
        }
        const auto wareki = forms::formatWareki(*date);
        if (language == "ja" || language == "ja-easy") {
            return field.dateDisplay == forms::DateDisplay::Era && wareki
                ? *wareki
                : std::to_string(date->year) + "年" + std::to_string(date->month) + "月"
                    + std::to_string(date->day) + "日";
        }
        return forms::isoDate(*date) + (wareki ? " (" + *wareki + ")" : "");
    }
    default:
        return *text;
    }
}

std::vector<Button> optionsOf(
    const State& state, const forms::Field& field, const forms::Value& value)
{
    std::vector<Button> options;
    const std::string prefix = "option." + field.key + ".";
    if (field.type == forms::FieldType::YesNo) {
        const bool* flag = std::get_if<bool>(&value);
        Button yes = button(prefix + "yes", uiText(state, "answer.yes"));
        Button no = button(prefix + "no", uiText(state, "answer.no"));
        yes.selected = flag && *flag;
        no.selected = flag && !*flag;
        return { yes, no };
    }
    for (const auto& option : field.options) {
        Button b = button(prefix + option.value, localized(option.label, state.language));
        if (const auto* chosen = std::get_if<std::string>(&value)) {
            b.selected = *chosen == option.value;
        } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
            b.selected = std::find(list->begin(), list->end(), option.value) != list->end();
        }
        options.push_back(std::move(b));
    }
    return options;
}

FieldView fieldView(const State& state, std::size_t formIndex, const forms::Field& field,
    const forms::ValidationIssues& issues)
{
    const forms::FilledValue* filled = state.visit->form(formIndex).find(field.key);
    FieldView view;
    view.key = field.key;
    view.label = localized(field.label, state.language);
    view.labelJa = localized(field.label, "ja");
    view.help = localized(field.help, state.language);
    view.required = field.required;
    view.fromCard = filled
        && (filled->origin == forms::ValueOrigin::Card
            || filled->origin == forms::ValueOrigin::Derived);
    view.input = view.fromCard ? InputKind::ReadOnly : inputKindOf(field);
    const forms::Value value = filled ? filled->value : forms::Value {};
    view.value = formatValue(state, field, value);
    if (view.input == InputKind::Choice || view.input == InputKind::MultiChoice
        || view.input == InputKind::YesNo) {
        view.options = optionsOf(state, field, value);
    }
    view.flaggedForStaff = state.flagged.contains(std::to_string(formIndex) + "#" + field.key);
    for (const auto& issue : issues) {
        if (issue.field != field.key) {
            continue;
        }
        if (issue.forStaff) {
            view.flaggedForStaff = true;
            view.messages.push_back(uiText(state, "review.flagged"));
        } else if (state.showIssues || issue.messageId != "field.required") {
            view.messages.push_back(
                forms::messageText(issue.messageId, state.language, issue.params));
        }
    }
    return view;
}

void buildReview(const State& state, ViewModel& view)
{
    const std::size_t index = state.formIndex;
    const auto& form = state.visit->formTemplate(index);
    const auto& filled = state.visit->form(index);
    const auto issues = forms::validate(form, filled);
    view.title = uiText(state, "review.title");
    view.formTitle = localized(form.title, state.language);
    view.formIndex = static_cast<int>(index);
    view.formCount = static_cast<int>(state.visit->size());
    for (const forms::Field* field : forms::visibleFields(form, filled)) {
        if (field->type == forms::FieldType::MyNumber && !filled.find(field->key)) {
            // An unstored number is not asked here: staff handle it at the counter.
        }
        view.fields.push_back(fieldView(state, index, *field, issues));
    }
    for (const auto& issue : issues) {
        if (!issue.rule.empty()) {
            view.body
                += (view.body.empty() ? "" : "\n") + forms::issueText(issue, form, state.language);
        }
    }
    if (state.showIssues) {
        view.notice = uiText(state, "review.fix_first");
    }
    if (!state.missingGlyphs.empty()) {
        view.notice += (view.notice.empty() ? "" : "\n") + uiText(state, "review.missing_glyphs");
    }
    if (state.editor) {
        const forms::Field* field = form.findField(state.editor->fieldKey);
        EditorView editor;
        editor.fieldKey = state.editor->fieldKey;
        editor.label = field ? localized(field->label, state.language) : "";
        editor.input = field ? inputKindOf(*field) : InputKind::Text;
        editor.text = state.editor->text;
        editor.keyRows = editorKeys(editor.input, *state.editor, uiText(state, "editor.delete"),
            uiText(state, "editor.clear"), uiText(state, "editor.space"));
        editor.keyRows.push_back({ button("edit.cancel", uiText(state, "editor.cancel")),
            button("edit.ok", uiText(state, "editor.ok"), true) });
        view.editor = std::move(editor);
    }
    if (index > 0) {
        view.actions.push_back(button("action.back", uiText(state, "action.back")));
    }
    view.actions.push_back(button("action.cancel", uiText(state, "action.cancel")));
    view.actions.push_back(button("action.next", uiText(state, "action.next"), true));
}

void buildConfirm(const State& state, ViewModel& view)
{
    view.title = uiText(state, "confirm.title");
    view.body = uiText(state, "confirm.body");
    view.formCount = static_cast<int>(state.visit->size());
    for (std::size_t i = 0; i < state.visit->size(); ++i) {
        const auto& form = state.visit->formTemplate(i);
        const auto& filled = state.visit->form(i);
        for (const forms::Field* field : forms::visibleFields(form, filled)) {
            if (!filled.find(field->key)) {
                continue;
            }
            FieldView summary = fieldView(state, i, *field, {});
            summary.help = localized(form.title, state.language);
            summary.input = InputKind::ReadOnly;
            summary.options.clear();
            view.fields.push_back(std::move(summary));
        }
    }
    view.actions.push_back(button("action.back", uiText(state, "action.back")));
    view.actions.push_back(button("action.submit", uiText(state, "action.submit"), true));
}

std::vector<std::vector<Button>> keypad(
    const std::string& prefix, bool complete, const State& state)
{
    std::vector<std::vector<Button>> rows;
    for (const std::string_view row : { "123", "456", "789" }) {
        std::vector<Button> keys;
        for (const char d : row) {
            keys.push_back(button(prefix + d, std::string(1, d)));
        }
        rows.push_back(std::move(keys));
    }
    rows.push_back(
        { button(prefix + "back", uiText(state, "editor.delete")), button(prefix + "0", "0"),
            button(prefix + "ok", uiText(state, "action.ok"), true, complete) });
    return rows;
}

void buildError(const State& state, ViewModel& view)
{
    view.title = uiText(state, "error.title");
    const char* id = "error.read_failed";
    switch (state.error) {
    case ErrorKind::NoReader:
        id = "error.no_reader";
        break;
    case ErrorKind::ReaderLost:
        id = "error.reader_lost";
        break;
    case ErrorKind::PinLocked:
        id = "error.pin_locked";
        break;
    case ErrorKind::LastTry:
        id = "error.last_try";
        break;
    case ErrorKind::SubmitFailed:
        id = "error.submit_failed";
        break;
    default:
        break;
    }
    view.body = uiText(state, id);
    if (state.error != ErrorKind::NoReader && state.error != ErrorKind::ReaderLost) {
        view.actions.push_back(button("action.ok", uiText(state, "action.ok"), true));
    }
}

void buildScreen(const State& state, ViewModel& view)
{
    const std::string& language = state.language;
    switch (state.screen) {
    case Screen::Attract:
        view.title = uiText(state, "attract.title");
        view.body = uiText(state, "attract.body");
        for (const auto& known : kioskLanguages()) {
            if (std::find(state.setup.languages.begin(), state.setup.languages.end(), known.tag)
                != state.setup.languages.end()) {
                view.choices.push_back(button("lang." + known.tag, known.name));
            }
        }
        break;
    case Screen::Choose:
        view.title = uiText(state, "choose.title");
        view.body = uiText(state, "choose.body");
        for (const auto& event : state.setup.lifeEvents.events) {
            view.choices.push_back(button("event." + event.id, localized(event.title, language)));
        }
        for (const auto& form : state.setup.templates) {
            view.choices.push_back(button("form." + form.id, localized(form.title, language)));
        }
        view.actions.push_back(button("action.back", uiText(state, "action.back")));
        break;
    case Screen::Questions: {
        view.body = uiText(state, "questions.body");
        bool complete = true;
        for (const auto& event : state.setup.lifeEvents.events) {
            if (event.id != state.lifeEventId) {
                continue;
            }
            view.title = localized(event.title, language);
            for (const auto& question : event.questions) {
                FieldView q;
                q.key = question.key;
                q.label = localized(question.text, language);
                q.help = localized(question.help, language);
                q.input = InputKind::YesNo;
                q.required = true;
                const auto answer = state.questionAnswers.find(question.key);
                const bool* flag = answer == state.questionAnswers.end()
                    ? nullptr
                    : std::get_if<bool>(&answer->second);
                complete = complete && flag;
                Button yes = button("answer." + question.key + ".yes", uiText(state, "answer.yes"));
                Button no = button("answer." + question.key + ".no", uiText(state, "answer.no"));
                yes.selected = flag && *flag;
                no.selected = flag && !*flag;
                q.options = { yes, no };
                view.fields.push_back(std::move(q));
            }
        }
        view.actions.push_back(button("action.back", uiText(state, "action.back")));
        view.actions.push_back(button("action.next", uiText(state, "action.next"), true, complete));
        break;
    }
    case Screen::PresentCard:
        view.title = uiText(state, "card.title");
        view.body = uiText(state, "card.body");
        view.actions.push_back(button("action.back", uiText(state, "action.back")));
        break;
    case Screen::Pin:
        view.title = uiText(state, "pin.title");
        view.body = uiText(state, "pin.body");
        view.digitsEntered = static_cast<int>(state.pin.size());
        view.digitsNeeded = 4;
        view.triesLeft = state.triesLeft;
        view.keypad = keypad("pin.", state.pin.size() == 4, state);
        view.actions.push_back(button("action.back", uiText(state, "action.back")));
        view.actions.push_back(button("pin.forgot", uiText(state, "pin.forgot")));
        break;
    case Screen::CollationB:
        view.title = uiText(state, "collation.title");
        view.body = uiText(state, "collation.body");
        view.digitsEntered = static_cast<int>(state.collation.size());
        view.digitsNeeded = 14;
        view.keypad = keypad("num.", state.collation.size() == 14, state);
        view.actions.push_back(button("action.back", uiText(state, "action.back")));
        break;
    case Screen::Reading:
        view.title = uiText(state, "reading.title");
        view.body = uiText(state, "reading.body");
        break;
    case Screen::Review:
        buildReview(state, view);
        break;
    case Screen::Confirm:
        buildConfirm(state, view);
        break;
    case Screen::Submitting:
        view.title = uiText(state, "submitting.title");
        break;
    case Screen::Printing:
        view.title = uiText(state, "printing.title");
        view.ticket = state.ticket;
        break;
    case Screen::Done:
        view.title = uiText(state, "done.title");
        view.body = uiText(state, "done.body");
        view.ticket = state.ticket;
        view.waitText = state.waitMinutes >= 0 ? state.setup.text->format(language, "done.wait",
                            { { "minutes", std::to_string(state.waitMinutes) } })
                                               : uiText(state, "done.wait_unknown");
        if (state.printFailed) {
            view.notice = state.setup.text->format(
                language, "done.print_failed", { { "ticket", state.ticket } });
        }
        view.actions.push_back(button("action.finish", uiText(state, "action.finish"), true));
        break;
    case Screen::Error:
        buildError(state, view);
        break;
    }
}

} // namespace

std::string uiText(const State& state, std::string_view id)
{
    return state.setup.text->text(state.language, id);
}

ViewModel buildView(const State& state)
{
    ViewModel view;
    view.screen = state.screen;
    view.language = state.language;
    view.staffCalled = state.staffCalled;
    view.scale = state.scale;
    view.highContrast = state.highContrast;
    view.training = state.setup.training;
    if (!state.noticeId.empty()) {
        view.notice = state.noticeId == "pin.wrong" ? state.setup.text->format(state.language,
                          "pin.wrong", { { "tries", std::to_string(state.triesLeft.value_or(0)) } })
                                                    : uiText(state, state.noticeId);
    }
    buildScreen(state, view);
    if (view.triesLeft) {
        view.body += "\n"
            + state.setup.text->format(
                state.language, "pin.tries_left", { { "tries", std::to_string(*view.triesLeft) } });
    }
    if (state.stillThereSinceMs) {
        const std::int64_t left
            = state.setup.timeouts.stillThereMs - (state.clock->nowMs() - *state.stillThereSinceMs);
        view.stillThereSeconds = static_cast<int>(std::max<std::int64_t>(0, (left + 999) / 1000));
        view.globalButtons.push_back(
            button("global.still_here", uiText(state, "global.still_here"), true));
    }
    view.globalButtons.push_back(button("global.call_staff",
        uiText(state, state.staffCalled ? "global.staff_called" : "global.call_staff")));
    view.globalButtons.push_back(button("global.zoom", uiText(state, "global.zoom")));
    view.globalButtons.push_back(button("global.contrast", uiText(state, "global.contrast")));
    for (const char* id : { "review.from_card", "review.wrong", "still_there.title",
             "still_there.body", "done.ticket", "choose.forms", "choose.events" }) {
        view.texts.emplace(id, uiText(state, id));
    }
    if (state.setup.training) {
        view.trainingBanner = uiText(state, "training.banner");
    }
    return view;
}

} // namespace kakanai::kiosk::detail
