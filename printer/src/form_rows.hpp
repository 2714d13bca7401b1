// Internal: what a form prints, before layout — the visible fields of each section in print
// order, with their labels and printed values in Japanese and (bilingual) the resident's language.
#pragma once

#include "kakanai/forms/template.hpp"

#include <string>
#include <vector>

namespace kakanai::printer::detail {

struct FormRow
{
    std::string key;
    std::string label; // Japanese
    std::string labelOther; // the resident's language; "" when not bilingual
    std::string value; // printedValue in ja
    std::string valueOther; // the option labels in the resident's language, when they differ
    int widthChars = 0; // print.width
};

struct FormSection
{
    std::string title;
    std::string titleOther;
    std::vector<FormRow> rows;
};

/** The language of the second lines: the form's language unless it is "ja" ("" then). */
std::string otherLanguage(const forms::FilledForm& filled);

/** Sections in template order; fields shown by their `when`, ordered by print.order (fields with
 *  an order first, ascending; the rest in template order). Sections with no field are left out. */
std::vector<FormSection> formSections(
    const forms::FormTemplate& form, const forms::FilledForm& filled);

} // namespace kakanai::printer::detail
