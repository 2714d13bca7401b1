// Internal: the on-screen keyboards of the field editor (50音 katakana keyboard, number pad,
// era date picker) and what their keys do to the text being typed.
#pragma once

#include "kakanai/forms/template.hpp"
#include "kakanai/kiosk/view_model.hpp"
#include "state.hpp"

#include <string>
#include <vector>

namespace kakanai::kiosk::detail {

/** The input kind a field is edited with. */
InputKind inputKindOf(const forms::Field& field);

/** Applies one key (kana.ア, kana.dakuten, num.7, era.H, edit.delete, ...) to the editor; false
 *  if the widget is not an editor key. */
bool applyEditorKey(EditorState& editor, InputKind kind, const std::string& widget);

/** The key rows for this kind of editor (labels are the characters themselves, and the
 *  localized texts given for delete/clear/space/ok/cancel). */
std::vector<std::vector<Button>> editorKeys(InputKind kind, const EditorState& editor,
    const std::string& deleteLabel, const std::string& clearLabel, const std::string& spaceLabel);

/** The typed text converted to the field's value (ISO date, katakana, digits, integer);
 *  an unconvertible text is kept as typed so validate() explains what is wrong. */
forms::Value valueFromEditor(const forms::Field& field, const EditorState& editor);

/** The editor's starting text for a field's current value (ISO date → "7.4.1" with era R). */
EditorState editorFor(const forms::Field& field, const forms::FilledValue* current);

} // namespace kakanai::kiosk::detail
