// Form templates: the model of one counter form (config/forms/<id>.toml) and its TOML loader.
// The file format is documented in docs/forms-templates.md.
//
// A template has an id, a version, titles per language, sections of fields, and rules. Field
// values at run time are forms::Value (expression.hpp) with a ValueOrigin, so that a later
// prefill(template, card, context) and validate(filled) can work on FilledForm below.
//
// Errors: loadTemplate/loadTemplateFile never throw. Every problem found is returned as a
// Diagnostic (file, line, column, id, text); ids used by the loader:
//   toml.syntax               the file is not valid TOML (toml++'s message and position);
//   file.unreadable           the file cannot be opened;
//   template.missing-key      a required key (id, version, title, key, type, ...) is absent;
//   template.wrong-type       a key has the wrong TOML type (e.g. required = "yes");
//   template.unknown-key      a key the format does not define (catches typos);
//   template.bad-id           id/key not matching [a-z][a-z0-9_]* ;
//   template.unknown-field-type, template.unknown-prefill-source, template.unknown-severity,
//   template.unknown-date-display;
//   template.duplicate-key    two fields with the same key in one template;
//   template.choice-without-options, template.duplicate-option, template.options-not-allowed;
//   template.bad-pattern      a validation pattern ICU cannot compile;
//   template.bad-range        min > max, or a negative length;
//   template.unknown-paper    a [print] background_paper other than "A4" or "B4";
//   template.wrong-type       also: print_at neither a table nor false, a position that is
//                             not a finite number, an empty background path;
//   expr.*                    a `when` that does not parse (column inside the string).
// A template is still returned when there are diagnostics (with the bad parts left out), so the
// linter can check the rest; callers that run forms must refuse a template with diagnostics.
#pragma once

#include "kakanai/forms/diagnostic.hpp"
#include "kakanai/forms/expression.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::forms {

/** Language tag ("ja", "en", "ja-easy", "zh", "ko", "vi", "pt") to text. */
using LocalizedText = std::map<std::string, std::string, std::less<>>;

enum class FieldType
{
    Text,
    Katakana,
    Date,
    Choice,
    MultiChoice,
    Integer,
    YesNo,
    PostalCode,
    Phone,
    Address,
    MyNumber,
};

/** Where a prefilled value comes from. Card* read the chip; the rest are derived or automatic. */
enum class PrefillSource
{
    None,
    CardName,
    CardAddress,
    CardBirthDate,
    CardSex, // choice values "male", "female", "not_applicable" (card codes 1, 2, 9)
    CardMyNumber,
    CardAge, // integer, on today's date
    CardAddressPrefecture,
    CardAddressMunicipality,
    CardPostalCode, // looked up from the card address when unambiguous
    KioskMunicipality,
    Today,
};

enum class DateDisplay
{
    Era, // 和暦: 令和7年4月1日
    Western, // 西暦: 2025年4月1日
};

enum class Severity
{
    Stop, // the form cannot be submitted
    Warn, // shown, the resident may continue
};

/** "text", "multi_choice", ...; nullopt for an unknown name. */
std::optional<FieldType> fieldTypeFromName(std::string_view name);
std::string_view fieldTypeName(FieldType type);
/** "card.name", "today", ...; nullopt for an unknown name. "" and "none" give None. */
std::optional<PrefillSource> prefillSourceFromName(std::string_view name);
std::string_view prefillSourceName(PrefillSource source);
/** The field types a source can fill (card.birth_date → date; card.sex → choice; ...). */
bool prefillFits(PrefillSource source, FieldType type);

struct Option
{
    std::string value; // stable value stored in answers and used in conditions
    LocalizedText label;
    SourceLocation where;
};

struct Validation
{
    std::optional<std::int64_t> minLength; // in code points (text, katakana, address)
    std::optional<std::int64_t> maxLength;
    std::optional<std::string> pattern; // ICU regular expression, whole value must match
    std::optional<std::int64_t> min; // integer range, or number of choices for multi_choice
    std::optional<std::int64_t> max;
};

struct PrintHints
{
    int order = 0; // 0 = template order
    int width = 0; // in full-width characters; 0 = the printer's default
};

/** The paper a background PDF is made for; positions must lie on it (lint). Portrait only. */
enum class BackgroundPaper
{
    A4, // 210 × 297 mm (the default)
    B4, // JIS B4, 257 × 364 mm
};

/** Width and height of the paper in millimetres. */
struct PaperSizeMm
{
    double width = 0;
    double height = 0;
};
PaperSizeMm paperSize(BackgroundPaper paper);
/** "A4", "B4"; nullopt for another name. */
std::optional<BackgroundPaper> backgroundPaperFromName(std::string_view name);
std::string_view backgroundPaperName(BackgroundPaper paper);

/** A field's `print_at`: where its value is printed on the background PDF. Millimetres from the
 *  top left of the page; the loader keeps the values as written, the linter checks them. */
struct PrintPosition
{
    std::int64_t page = 1; // 1-based page of the background
    double xMm = 0; // top left of the value's first line
    double yMm = 0;
    double widthMm = 0; // the value wraps at this width; 0 = one line
    double sizePt = 10.5; // type size in points
    SourceLocation where; // of the print_at table
};

/** `[print] background_qr`: where the QR code (record id, ticket) goes on the background. */
struct QrPosition
{
    std::int64_t page = 1;
    double xMm = 0; // top left of the code, quiet zone included
    double yMm = 0;
    double sizeMm = 20; // the code is square
    SourceLocation where;
};

/** The template's optional top-level [print] table (docs/forms-templates.md, "Printing"). */
struct FormPrintSettings
{
    bool signature = false; // a signature box (署名欄) after the last section
    /** `background`: the municipality's own paper form as a PDF, as written in the template
     *  ("" = none: the printer draws its ruled layout). */
    std::string background;
    /** `background` resolved against the configuration folder: the folder holding `forms/`
     *  when the template is in a folder named forms, else the template's own folder (absolute
     *  paths are kept). The printer opens this file. Empty when there is no background. */
    std::filesystem::path backgroundFile;
    BackgroundPaper backgroundPaper = BackgroundPaper::A4; // `background_paper`
    std::optional<QrPosition> backgroundQr; // `background_qr`; nullopt = no QR code printed
    SourceLocation backgroundWhere; // of `background`, or of the [print] table
    SourceLocation paperWhere; // of `background_paper`; line 0 when it is not given

    bool hasBackground() const { return !background.empty(); }
};

/** The configuration folder of a template file (see FormPrintSettings::backgroundFile). */
std::filesystem::path configFolderOf(const std::filesystem::path& templateFile);

struct Field
{
    std::string key;
    FieldType type = FieldType::Text;
    std::string section; // id of the section it belongs to
    LocalizedText label;
    LocalizedText help;
    bool required = false;
    Validation validation;
    std::vector<Option> options; // choice, multi_choice
    PrefillSource prefill = PrefillSource::None;
    Expression when; // empty = always shown
    PrintHints print;
    /** `print_at`: the value's position on the template's background PDF. nullopt when not
     *  given or when `print_at = false` (printAtOmitted: deliberately not printed there; also
     *  set for a malformed print_at, which the loader has reported). */
    std::optional<PrintPosition> printAt;
    bool printAtOmitted = false;
    std::string shared; // visit-wide answer key ("" = not shared); `shared = true` uses key
    DateDisplay dateDisplay = DateDisplay::Era;
    bool store = false; // my_number only: keep the number in the record (the form needs it)
    SourceLocation where; // of the field's table
    SourceLocation whenWhere; // of the `when` string (for columns inside it)
    SourceLocation prefillWhere;

    const Option* findOption(std::string_view value) const;
};

struct Section
{
    std::string id;
    LocalizedText title;
    SourceLocation where;
};

struct Rule
{
    std::string id;
    Expression when; // the rule fires when this is true
    Severity severity = Severity::Stop;
    LocalizedText message;
    SourceLocation where;
    SourceLocation whenWhere;
};

struct FormTemplate
{
    std::string id;
    std::int64_t version = 0;
    LocalizedText title;
    std::vector<Section> sections;
    std::vector<Field> fields; // in template order, across sections
    std::vector<Rule> rules;
    FormPrintSettings print;
    std::string file;
    SourceLocation where; // of the title (for missing-language diagnostics)

    const Field* findField(std::string_view key) const;
};

struct TemplateLoad
{
    std::optional<FormTemplate> form; // nullopt only when the TOML itself is unusable
    Diagnostics diagnostics;

    bool clean() const { return form && diagnostics.empty(); }
};

/** Loads a template from TOML text; `fileName` is used in diagnostics. Never throws. */
TemplateLoad loadTemplate(std::string_view text, const std::string& fileName);
/** Reads and loads a file (diagnostic file.unreadable if it cannot be read). Never throws. */
TemplateLoad loadTemplateFile(const std::filesystem::path& path);

/** Where a value of a filled form came from (the UI marks card values; staff see typed ones). */
enum class ValueOrigin
{
    Card, // read from the chip as is
    Derived, // computed from card or kiosk data (age, prefecture, postal code, today)
    Resident, // typed or chosen at the kiosk
    Staff, // entered or corrected by counter staff
};

struct FilledValue
{
    Value value;
    ValueOrigin origin = ValueOrigin::Resident;
};

/**
 * A form being filled: what prefill() (prefill.hpp) produces, validate() (validate.hpp) checks,
 * the queue stores and the printer renders. Its JSON form is in filled_json.hpp.
 */
struct FilledForm
{
    std::string recordId; // UUID chosen by the kiosk when the form is submitted; "" before
    std::string templateId;
    std::int64_t templateVersion = 0;
    std::string language = "ja"; // the language the resident used at the kiosk
    std::string kioskId; // which kiosk (or "staff" / "cli") produced it
    std::string createdAt; // ISO 8601 with offset, e.g. "2026-11-29T10:15:00+09:00"
    std::string updatedAt;
    std::map<std::string, FilledValue, std::less<>> values;
    /** Source values used by `when` and rules (card.age, today, kiosk.municipality, ...).
     *  Never card.my_number or card.name: only what conditions may need. */
    ValueMap sources;
    /** Keys of card values the resident marked "this is wrong — ask staff" at the kiosk. */
    std::vector<std::string> residentFlags;

    /** Field values and sources together, for evaluating `when` conditions and rules. */
    ValueMap valueMap() const;
    /** The value of a field, or nullptr if it has none. */
    const FilledValue* find(std::string_view key) const;
};

} // namespace kakanai::forms
