// One resident's visit: the forms a life event (or a single choice) produced, filled together.
// Answers that forms share (`shared = "phone"`, "furigana", "moving_date", ...) are asked once:
// an answer given on one form is copied into every other form of the visit with the same shared
// key, unless the resident or staff already gave that form a different value on purpose.
//
// A Visit holds personal data for a few minutes; the kiosk destroys it when the resident
// finishes, walks away or removes the card (values are not kept anywhere else).
//
// Errors: answer() returns false for an unknown form index or a key the template does not have;
// nothing throws for bad data.
#pragma once

#include "kakanai/forms/prefill.hpp"
#include "kakanai/forms/template.hpp"

#include <memory>
#include <vector>

namespace kakanai::forms {

class Visit
{
public:
    /** `context`'s sharedAnswers and preset are ignored: the visit supplies its own. */
    Visit(CardData card, PrefillContext context);

    /** Adds a form, prefilled from the card, the visit's shared answers and `preset`.
     *  The template must outlive the visit. Returns its index. */
    std::size_t addForm(const FormTemplate& form, const ValueMap& preset = {});

    std::size_t size() const { return m_forms.size(); }
    const FilledForm& form(std::size_t index) const { return m_forms.at(index).filled; }
    const FormTemplate& formTemplate(std::size_t index) const { return *m_forms.at(index).form; }

    /** Sets a field's value (origin Resident, or `origin` for staff) and, when the field is
     *  shared, the same answer in every other form of the visit whose shared field is empty or
     *  holds the previous shared answer. */
    bool answer(std::size_t index, std::string_view key, Value value,
        ValueOrigin origin = ValueOrigin::Resident, const std::string& now = {});

    /** The answers given so far, by shared key. */
    const ValueMap& sharedAnswers() const { return m_shared; }

private:
    struct Entry
    {
        const FormTemplate* form = nullptr;
        FilledForm filled;
    };

    CardData m_card;
    PrefillContext m_context;
    ValueMap m_shared;
    std::vector<Entry> m_forms;
};

} // namespace kakanai::forms
