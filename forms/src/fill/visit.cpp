#include "kakanai/forms/visit.hpp"

namespace kakanai::forms {

Visit::Visit(CardData card, PrefillContext context)
    : m_card(std::move(card))
    , m_context(std::move(context))
{
    m_context.sharedAnswers = nullptr;
    m_context.preset = nullptr;
}

std::size_t Visit::addForm(const FormTemplate& form, const ValueMap& preset)
{
    PrefillContext context = m_context;
    context.sharedAnswers = &m_shared;
    context.preset = &preset;
    m_forms.push_back(Entry { &form, prefill(form, m_card, context) });
    return m_forms.size() - 1;
}

bool Visit::answer(std::size_t index, std::string_view key, Value value, ValueOrigin origin,
    const std::string& now)
{
    if (index >= m_forms.size()) {
        return false;
    }
    Entry& target = m_forms[index];
    const Field* field = target.form->findField(key);
    if (!field) {
        return false;
    }
    target.filled.values.insert_or_assign(std::string(key), FilledValue { value, origin });
    if (!now.empty()) {
        target.filled.updatedAt = now;
    }
    if (field->shared.empty()) {
        return true;
    }
    const auto previousIt = m_shared.find(field->shared);
    const Value previous = previousIt == m_shared.end() ? Value {} : previousIt->second;
    for (std::size_t i = 0; i < m_forms.size(); ++i) {
        if (i == index) {
            continue;
        }
        Entry& other = m_forms[i];
        for (const Field& otherField : other.form->fields) {
            if (otherField.shared != field->shared) {
                continue;
            }
            const FilledValue* current = other.filled.find(otherField.key);
            // Only overwrite what the visit itself put there; a deliberate different answer on
            // that form (or a card value) stays.
            const bool empty = !current || !isAnswered(current->value);
            const bool fromVisit
                = current && current->origin == ValueOrigin::Resident && current->value == previous;
            if (empty || fromVisit) {
                other.filled.values.insert_or_assign(otherField.key, FilledValue { value, origin });
                if (!now.empty()) {
                    other.filled.updatedAt = now;
                }
            }
        }
    }
    m_shared.insert_or_assign(field->shared, std::move(value));
    return true;
}

} // namespace kakanai::forms
