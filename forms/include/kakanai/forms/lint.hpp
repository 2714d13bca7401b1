// The linter behind `kakanai-forms lint`: loads a configuration (kiosk.toml, forms/*.toml,
// life-events.toml) and reports every problem, each with file, line and column.
//
// What a PATH may be:
//   a directory  → its kiosk.toml and life-events.toml if present, and every *.toml template in
//                  its forms/ subfolder (or, without forms/, every other *.toml in it);
//   a file       → kiosk.toml / life-events.toml by name, any other *.toml as a template.
// All paths given together form one configuration (life events may name forms from any of them).
// Without a kiosk.toml the configured languages are ja, ja-easy and en.
//
// Errors: lint never throws. Besides the loader ids (template.hpp, kiosk_config.hpp,
// life_events.hpp) it reports:
//   lint.no-input              a path that does not exist, or nothing to lint in it;
//   lint.missing-language      a title/label/option/message/help missing in a configured language;
//   lint.unknown-reference     a `when` naming no field of the template (or no question of the
//                              life event), nor a source such as card.age;
//   lint.unknown-option        a condition comparing a choice field with a value not among its
//                              options (or a preset answer that is not an option);
//   lint.type-mismatch         a condition comparing an answer with a literal of another type
//                              (integer field with "3"), or a bare non-yes/no reference;
//   lint.unreachable-field     a field whose `when` can never be true;
//   lint.rule-never-fires      a rule whose `when` can never be true;
//   lint.prefill-type-mismatch a prefill source that cannot fill the field's type;
//   lint.store-not-my-number   `store` on a field that is not my_number;
//   lint.id-file-mismatch      a template whose id is not its file name (ido.toml → "ido");
//   lint.duplicate-form-id     two templates with the same id;
//   lint.missing-form          a life event naming a form that no template defines;
//   lint.unknown-preset-field  a life event preset for a field the form does not have;
//   lint.print-at-missing      a template with a [print] background and a field with neither
//                              print_at nor print_at = false;
//   lint.print-at-without-background  print_at, background_qr or background_paper in a
//                              template without a [print] background;
//   lint.print-at-range        a page below 1, a negative width, a type size outside 5–72 pt, a
//                              QR code size outside 15–100 mm;
//   lint.print-at-off-paper    a value's first line or the QR code not on the background_paper
//                              (A4 210 × 297 mm by default, B4 257 × 364 mm).
// Whether the background file exists and is a PDF with those pages is checked when printing
// (printer: render.background), not here.
#pragma once

#include "kakanai/forms/diagnostic.hpp"
#include "kakanai/forms/kiosk_config.hpp"
#include "kakanai/forms/life_events.hpp"
#include "kakanai/forms/template.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kakanai::forms {

/** Everything loaded from a set of paths, with the load diagnostics. */
struct ConfigSet
{
    std::optional<KioskConfig> kiosk;
    std::vector<FormTemplate> templates; // every template that parsed (possibly with problems)
    std::optional<LifeEvents> lifeEvents;
    Diagnostics diagnostics;

    const FormTemplate* findTemplate(std::string_view id) const;
    std::vector<std::string> languages() const;
};

/** Loads the files that `paths` designate (see above). Never throws. */
ConfigSet loadConfig(const std::vector<std::filesystem::path>& paths);

/** The checks of one template against the configured languages. */
Diagnostics lintTemplate(const FormTemplate& form, const std::vector<std::string>& languages);

/** Cross-checks of the life events against the templates. */
Diagnostics lintLifeEvents(const LifeEvents& events, const std::vector<FormTemplate>& templates,
    const std::vector<std::string>& languages);

/** loadConfig + every check; sorted by file, line and column. Empty = clean. */
Diagnostics lint(const std::vector<std::filesystem::path>& paths);

/** True if `name` is a prefill source usable in conditions (card.age, today, ...). */
bool isSourceReference(std::string_view name);

} // namespace kakanai::forms
