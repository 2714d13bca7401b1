// The template loader: TOML → FormTemplate, collecting every problem as a Diagnostic.
#include "kakanai/forms/template.hpp"
#include "template/toml_reader.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <memory>
#include <set>

namespace kakanai::forms {
namespace {

using detail::TableReader;

void checkPattern(TableReader& reader, const std::string& pattern)
{
    UParseError parseError {};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parseError, status));
    if (U_FAILURE(status)) {
        reader.errorAt("pattern", "template.bad-pattern",
            std::string("validation pattern does not compile: ") + u_errorName(status));
    }
}

Validation readValidation(TableReader& field, FieldType type)
{
    Validation validation;
    const toml::table* table = field.subtable("validation");
    if (!table) {
        return validation;
    }
    TableReader reader(*table, field.file(), field.diagnostics(), "validation");
    validation.minLength = reader.integer("min_length");
    validation.maxLength = reader.integer("max_length");
    validation.pattern = reader.string("pattern");
    validation.min = reader.integer("min");
    validation.max = reader.integer("max");
    reader.reportUnknownKeys();
    if ((validation.minLength && *validation.minLength < 0)
        || (validation.maxLength && *validation.maxLength < 0)) {
        reader.error(reader.where(), "template.bad-range", "a length cannot be negative");
    }
    if (validation.minLength && validation.maxLength
        && *validation.minLength > *validation.maxLength) {
        reader.errorAt("min_length", "template.bad-range", "min_length is greater than max_length");
    }
    if (validation.min && validation.max && *validation.min > *validation.max) {
        reader.errorAt("min", "template.bad-range", "min is greater than max");
    }
    if ((validation.min || validation.max) && type != FieldType::Integer
        && type != FieldType::MultiChoice) {
        reader.error(reader.where(), "template.bad-range",
            "min/max apply to integer and multi_choice fields only");
    }
    if (validation.pattern) {
        checkPattern(reader, *validation.pattern);
    }
    return validation;
}

void readOptions(TableReader& reader, Field& field)
{
    const toml::array* options = reader.array("options");
    const bool wantsOptions
        = field.type == FieldType::Choice || field.type == FieldType::MultiChoice;
    if (!wantsOptions) {
        if (options) {
            reader.errorAt("options", "template.options-not-allowed",
                "options given for a " + std::string(fieldTypeName(field.type)) + " field");
        }
        return;
    }
    if (!options || options->empty()) {
        reader.error(options ? options->source() : reader.table().source(),
            "template.choice-without-options",
            "field '" + field.key + "' is a " + std::string(fieldTypeName(field.type))
                + " without options");
        return;
    }
    std::set<std::string, std::less<>> seen;
    for (const toml::node& node : *options) {
        const toml::table* table = node.as_table();
        if (!table) {
            reader.error(node.source(), "template.wrong-type",
                "each option must be a table { value = \"…\", label = { … } }");
            continue;
        }
        TableReader optionReader(*table, reader.file(), reader.diagnostics(), "option");
        Option option;
        option.where = optionReader.where();
        option.value = optionReader.string("value", true).value_or("");
        option.label = optionReader.localized("label", true).value_or(LocalizedText {});
        optionReader.reportUnknownKeys();
        if (option.value.empty()) {
            continue;
        }
        if (!seen.insert(option.value).second) {
            optionReader.errorAt("value", "template.duplicate-option",
                "option '" + option.value + "' appears twice in field '" + field.key + "'");
            continue;
        }
        field.options.push_back(std::move(option));
    }
}

// `print_at = { page = 1, x = 52, y = 40, width = 110, size = 12 }` or `print_at = false`.
void readPrintAt(TableReader& reader, Field& field)
{
    const toml::node* node = reader.node("print_at");
    if (!node) {
        return;
    }
    if (node->is_boolean() && !node->as_boolean()->get()) {
        field.printAtOmitted = true;
        return;
    }
    // A malformed print_at counts as omitted: it is reported here, not again as missing.
    const toml::table* table = node->as_table();
    if (!table) {
        reader.errorAt("print_at", "template.wrong-type",
            "print_at must be a table { page = 1, x = …, y = …, width = …, size = … } or false");
        field.printAtOmitted = true;
        return;
    }
    TableReader at(*table, reader.file(), reader.diagnostics(), "print_at");
    PrintPosition position;
    position.where = at.where();
    position.page = at.integer("page").value_or(1);
    auto x = at.number("x", true);
    auto y = at.number("y", true);
    position.widthMm = at.number("width").value_or(0);
    position.sizePt = at.number("size").value_or(position.sizePt);
    at.reportUnknownKeys();
    if (x && y) {
        position.xMm = *x;
        position.yMm = *y;
        field.printAt = position;
    } else {
        field.printAtOmitted = true;
    }
}

void readField(TableReader& reader, const std::string& sectionId, FormTemplate& form,
    std::set<std::string, std::less<>>& keys)
{
    Field field;
    field.section = sectionId;
    field.where = reader.where();
    field.key = reader.string("key", true).value_or("");
    if (!field.key.empty() && !detail::isIdentifier(field.key)) {
        reader.errorAt(
            "key", "template.bad-id", "field key '" + field.key + "' must match [a-z][a-z0-9_]*");
    }
    if (!field.key.empty() && !keys.insert(field.key).second) {
        reader.errorAt("key", "template.duplicate-key", "duplicate field key '" + field.key + "'");
        field.key.clear();
    }
    bool typeKnown = false;
    if (auto type = reader.string("type", true)) {
        if (auto parsed = fieldTypeFromName(*type)) {
            field.type = *parsed;
            typeKnown = true;
        } else {
            reader.errorAt("type", "template.unknown-field-type",
                "unknown field type '" + *type
                    + "' (text, katakana, date, choice, multi_choice, integer, yes_no, "
                      "postal_code, phone, address, my_number)");
        }
    }
    field.label = reader.localized("label", true).value_or(LocalizedText {});
    field.help = reader.localized("help").value_or(LocalizedText {});
    field.required = reader.boolean("required").value_or(false);
    field.validation = readValidation(reader, field.type);
    if (typeKnown) {
        readOptions(reader, field);
    } else {
        reader.node("options");
    }
    if (auto prefill = reader.string("prefill")) {
        field.prefillWhere = detail::locationOf(reader.node("prefill")->source(), reader.file());
        if (auto source = prefillSourceFromName(*prefill)) {
            field.prefill = *source;
        } else {
            reader.errorAt("prefill", "template.unknown-prefill-source",
                "unknown prefill source '" + *prefill + "'");
        }
    }
    field.when = reader.condition("when", field.whenWhere);
    if (const toml::table* print = reader.subtable("print")) {
        TableReader printReader(*print, reader.file(), reader.diagnostics(), "print");
        field.print.order = static_cast<int>(printReader.integer("order").value_or(0));
        field.print.width = static_cast<int>(printReader.integer("width").value_or(0));
        printReader.reportUnknownKeys();
    }
    readPrintAt(reader, field);
    if (const toml::node* shared = reader.node("shared")) {
        if (shared->is_boolean()) {
            field.shared = shared->as_boolean()->get() ? field.key : "";
        } else if (shared->is_string() && detail::isIdentifier(shared->as_string()->get())) {
            field.shared = shared->as_string()->get();
        } else {
            reader.errorAt("shared", "template.wrong-type",
                "shared must be true/false or a visit answer key like \"phone\"");
        }
    }
    if (auto display = reader.string("display")) {
        if (*display == "era") {
            field.dateDisplay = DateDisplay::Era;
        } else if (*display == "western") {
            field.dateDisplay = DateDisplay::Western;
        } else {
            reader.errorAt("display", "template.unknown-date-display",
                "date display must be \"era\" or \"western\"");
        }
    }
    field.store = reader.boolean("store").value_or(false);
    reader.reportUnknownKeys();
    form.fields.push_back(std::move(field));
}

void readRules(TableReader& root, FormTemplate& form)
{
    const toml::array* rules = root.array("rules");
    if (!rules) {
        return;
    }
    for (const toml::node& node : *rules) {
        const toml::table* table = node.as_table();
        if (!table) {
            root.error(
                node.source(), "template.wrong-type", "each [[rules]] entry must be a table");
            continue;
        }
        TableReader reader(*table, root.file(), root.diagnostics(), "rule");
        Rule rule;
        rule.where = reader.where();
        rule.id = reader.string("id", true).value_or("");
        if (!reader.node("when")) {
            reader.string("when", true);
        }
        rule.when = reader.condition("when", rule.whenWhere);
        if (auto severity = reader.string("severity", true)) {
            if (*severity == "stop") {
                rule.severity = Severity::Stop;
            } else if (*severity == "warn") {
                rule.severity = Severity::Warn;
            } else {
                reader.errorAt("severity", "template.unknown-severity",
                    "severity must be \"stop\" or \"warn\"");
            }
        }
        rule.message = reader.localized("message", true).value_or(LocalizedText {});
        reader.reportUnknownKeys();
        form.rules.push_back(std::move(rule));
    }
}

std::optional<QrPosition> readBackgroundQr(TableReader& print)
{
    const toml::table* table = print.subtable("background_qr");
    if (!table) {
        return std::nullopt;
    }
    TableReader reader(*table, print.file(), print.diagnostics(), "background_qr");
    QrPosition qr;
    qr.where = reader.where();
    qr.page = reader.integer("page").value_or(1);
    auto x = reader.number("x", true);
    auto y = reader.number("y", true);
    qr.sizeMm = reader.number("size").value_or(qr.sizeMm);
    reader.reportUnknownKeys();
    if (!x || !y) {
        return std::nullopt;
    }
    qr.xMm = *x;
    qr.yMm = *y;
    return qr;
}

void readPrintSettings(TableReader& root, FormTemplate& form)
{
    const toml::table* print = root.subtable("print");
    if (!print) {
        return;
    }
    TableReader reader(*print, root.file(), root.diagnostics(), "print");
    FormPrintSettings& settings = form.print;
    settings.signature = reader.boolean("signature").value_or(false);
    settings.backgroundWhere = reader.where();
    if (auto background = reader.string("background")) {
        settings.backgroundWhere
            = detail::locationOf(reader.node("background")->source(), reader.file());
        if (background->empty()) {
            reader.errorAt("background", "template.wrong-type",
                "'background' in print must be the path of a PDF file");
        } else {
            settings.background = *background;
            const std::filesystem::path path(*background);
            settings.backgroundFile
                = path.is_absolute() ? path : (configFolderOf(form.file) / path).lexically_normal();
        }
    }
    if (auto paper = reader.string("background_paper")) {
        settings.paperWhere
            = detail::locationOf(reader.node("background_paper")->source(), reader.file());
        if (auto parsed = backgroundPaperFromName(*paper)) {
            settings.backgroundPaper = *parsed;
        } else {
            reader.errorAt("background_paper", "template.unknown-paper",
                "background_paper must be \"A4\" or \"B4\"");
        }
    }
    settings.backgroundQr = readBackgroundQr(reader);
    reader.reportUnknownKeys();
}

} // namespace

TemplateLoad loadTemplate(std::string_view text, const std::string& fileName)
{
    TemplateLoad load;
    auto table = detail::parseToml(text, fileName, load.diagnostics);
    if (!table) {
        return load;
    }
    FormTemplate form;
    form.file = fileName;
    TableReader root(*table, fileName, load.diagnostics, "template");
    form.id = root.string("id", true).value_or("");
    if (!form.id.empty() && !detail::isIdentifier(form.id)) {
        root.errorAt("id", "template.bad-id", "template id must match [a-z][a-z0-9_]*");
    }
    form.version = root.integer("version", true).value_or(0);
    form.title = root.localized("title", true).value_or(LocalizedText {});
    if (const toml::node* title = root.node("title")) {
        form.where = detail::locationOf(title->source(), fileName);
    } else {
        form.where = root.where();
    }
    std::set<std::string, std::less<>> keys;
    std::set<std::string, std::less<>> sectionIds;
    if (const toml::array* sections = root.array("sections")) {
        for (const toml::node& node : *sections) {
            const toml::table* sectionTable = node.as_table();
            if (!sectionTable) {
                root.error(
                    node.source(), "template.wrong-type", "each [[sections]] must be a table");
                continue;
            }
            TableReader sectionReader(*sectionTable, fileName, load.diagnostics, "section");
            Section section;
            section.where = sectionReader.where();
            section.id = sectionReader.string("id", true).value_or("");
            if (!section.id.empty() && !sectionIds.insert(section.id).second) {
                sectionReader.errorAt(
                    "id", "template.duplicate-key", "duplicate section id '" + section.id + "'");
            }
            section.title = sectionReader.localized("title", true).value_or(LocalizedText {});
            if (const toml::array* fields = sectionReader.array("fields")) {
                for (const toml::node& fieldNode : *fields) {
                    const toml::table* fieldTable = fieldNode.as_table();
                    if (!fieldTable) {
                        sectionReader.error(fieldNode.source(), "template.wrong-type",
                            "each [[sections.fields]] must be a table");
                        continue;
                    }
                    TableReader fieldReader(*fieldTable, fileName, load.diagnostics, "field");
                    readField(fieldReader, section.id, form, keys);
                }
            }
            sectionReader.reportUnknownKeys();
            form.sections.push_back(std::move(section));
        }
    } else if (!root.table().contains("sections")) {
        root.error(root.table().source(), "template.missing-key", "template has no [[sections]]");
    }
    readRules(root, form);
    readPrintSettings(root, form);
    root.reportUnknownKeys();
    load.form = std::move(form);
    return load;
}

TemplateLoad loadTemplateFile(const std::filesystem::path& path)
{
    TemplateLoad load;
    std::string text;
    if (!detail::readFile(path, text, load.diagnostics)) {
        return load;
    }
    return loadTemplate(text, path.string());
}

} // namespace kakanai::forms
