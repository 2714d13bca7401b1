#include "view_text.hpp"

namespace kakanai::kiosk::ui {

namespace {

void add(std::string& out, const std::string& text)
{
    if (!text.empty()) {
        out += text;
        out += '\n';
    }
}

void addButtons(std::string& out, const std::vector<Button>& buttons)
{
    for (const auto& b : buttons) {
        add(out, b.label);
    }
}

} // namespace

std::string viewText(const ViewModel& view)
{
    std::string out;
    for (const auto* text :
        { &view.title, &view.body, &view.notice, &view.formTitle, &view.ticket, &view.waitText }) {
        add(out, *text);
    }
    addButtons(out, view.choices);
    addButtons(out, view.actions);
    addButtons(out, view.globalButtons);
    for (const auto& row : view.keypad) {
        addButtons(out, row);
    }
    for (const auto& field : view.fields) {
        for (const auto* text : { &field.label, &field.labelJa, &field.help, &field.value }) {
            add(out, *text);
        }
        for (const auto& message : field.messages) {
            add(out, message);
        }
        addButtons(out, field.options);
    }
    if (view.editor) {
        add(out, view.editor->label);
        add(out, view.editor->text);
        add(out, view.editor->message);
        for (const auto& row : view.editor->keyRows) {
            addButtons(out, row);
        }
    }
    for (const auto& [id, text] : view.texts) {
        add(out, text);
    }
    return out;
}

} // namespace kakanai::kiosk::ui
