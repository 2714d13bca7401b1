// validate(template, filled): every problem of a filled form, for the kiosk (before the resident
// confirms) and for staff (before approval). Only fields shown by their `when` are checked; a
// value of a hidden field is ignored (and dropped at submission by visibleValues()).
//
// Each issue carries the field key (or the rule id), a stable message id and the origin of the
// value. A value that came from the card or was derived from it and does not validate (an
// impossible birth date, a masked My Number where the number is needed) is not the resident's
// mistake: it is reported with severity Warn and forStaff = true, so the resident can still
// submit and staff see the flag; the value itself is never changed.
//
// Message ids (texts in ja, en, ja-easy, zh, ko, vi and pt: messageText()):
//   field.required, field.wrong-type, field.too-short {min}, field.too-long {max},
//   field.pattern, field.invalid-text (ill-formed UTF-8 or control characters),
//   katakana.invalid, date.malformed, date.unknown-era, date.outside-era, date.not-a-real-date,
//   date.out-of-range, choice.unknown-option, choice.too-few {min}, choice.too-many {max},
//   integer.below-min {min}, integer.above-max {max}, postal.malformed, phone.malformed,
//   phone.wrong-length, phone.unknown-prefix, my_number.malformed, my_number.wrong-length,
//   my_number.check-digit; and for a template rule that fires, "rule.<rule id>" with the text
//   the template gives (ruleText()).
//
// Errors: none. validate never throws for any FilledForm (wrong value types included) and
// returns an empty list for a form that can be submitted without remarks.
#pragma once

#include "kakanai/forms/template.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::forms {

struct ValidationIssue
{
    std::string field; // field key; "" for a rule
    std::string rule; // rule id for rule issues; "" otherwise
    std::string messageId;
    Severity severity = Severity::Stop;
    ValueOrigin origin = ValueOrigin::Resident; // of the value concerned (Resident if none)
    bool forStaff = false; // a card or derived value: staff must look, the resident cannot fix it
    std::map<std::string, std::string, std::less<>> params; // {"max": "60"}
};

using ValidationIssues = std::vector<ValidationIssue>;

ValidationIssues validate(const FormTemplate& form, const FilledForm& filled);

/** True if no issue stops submission (Warn issues and staff flags do not). */
bool canSubmit(const ValidationIssues& issues);

/** The fields whose `when` holds for these values, in template order. */
std::vector<const Field*> visibleFields(const FormTemplate& form, const FilledForm& filled);

/** The form with values of hidden fields removed: what is submitted, stored and printed. */
FilledForm visibleValues(const FormTemplate& form, const FilledForm& filled);

/**
 * The text of a message id in `language`, with {name} placeholders replaced from `params`.
 * Falls back to ja for ja-easy and to en for other missing languages; an unknown id gives the id.
 */
std::string messageText(std::string_view messageId, std::string_view language,
    const std::map<std::string, std::string, std::less<>>& params = {});

/** Every message id messageText knows (for tests and translators). */
std::vector<std::string> messageIds();

/** The text of an issue: messageText, or the rule's own message from the template. */
std::string issueText(
    const ValidationIssue& issue, const FormTemplate& form, std::string_view language);

} // namespace kakanai::forms
