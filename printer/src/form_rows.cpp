// formSections: the template's visible fields with their printed labels and values.
#include "form_rows.hpp"

#include "kakanai/forms/validate.hpp"
#include "kakanai/printer/value_text.hpp"

#include <algorithm>

namespace kakanai::printer::detail {
namespace {

/** The text in `language` only if the template has it and it differs from the Japanese. */
std::string secondLine(const forms::LocalizedText& text, const std::string& language)
{
    if (language.empty()) {
        return "";
    }
    auto it = text.find(language);
    if (it == text.end() || it->second == textIn(text, "ja")) {
        return "";
    }
    return it->second;
}

bool hasOptions(const forms::Field& field)
{
    return field.type == forms::FieldType::Choice || field.type == forms::FieldType::MultiChoice
        || field.type == forms::FieldType::YesNo;
}

} // namespace

std::string otherLanguage(const forms::FilledForm& filled)
{
    return filled.language == "ja" || filled.language.empty() ? "" : filled.language;
}

std::vector<FormSection> formSections(
    const forms::FormTemplate& form, const forms::FilledForm& filled)
{
    const std::string other = otherLanguage(filled);
    const std::vector<const forms::Field*> visible = forms::visibleFields(form, filled);
    std::vector<FormSection> sections;
    for (const forms::Section& section : form.sections) {
        std::vector<const forms::Field*> fields;
        for (const forms::Field* field : visible) {
            if (field->section == section.id) {
                fields.push_back(field);
            }
        }
        if (fields.empty()) {
            continue;
        }
        std::stable_sort(fields.begin(), fields.end(), [](const auto* a, const auto* b) {
            const int orderA = a->print.order > 0 ? a->print.order : 1 << 30;
            const int orderB = b->print.order > 0 ? b->print.order : 1 << 30;
            return orderA < orderB;
        });
        FormSection printed;
        printed.title = textIn(section.title, "ja");
        printed.titleOther = secondLine(section.title, other);
        for (const forms::Field* field : fields) {
            FormRow row;
            row.key = field->key;
            row.label = textIn(field->label, "ja");
            row.labelOther = secondLine(field->label, other);
            row.widthChars = field->print.width;
            if (const forms::FilledValue* filledValue = filled.find(field->key)) {
                row.value = printedValue(*field, filledValue->value, "ja");
                if (!other.empty() && hasOptions(*field)) {
                    std::string translated = printedValue(*field, filledValue->value, other);
                    if (translated != row.value) {
                        row.valueOther = std::move(translated);
                    }
                }
            }
            printed.rows.push_back(std::move(row));
        }
        sections.push_back(std::move(printed));
    }
    return sections;
}

} // namespace kakanai::printer::detail
