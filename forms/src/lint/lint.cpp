// The template linter: per-template checks, life-event cross-checks, and path handling.
#include "kakanai/forms/lint.hpp"
#include "lint/condition_check.hpp"

#include <algorithm>
#include <map>
#include <system_error>
#include <tuple>

namespace kakanai::forms {
namespace {

using detail::ReferenceInfo;

void checkLanguages(const LocalizedText& text, const std::vector<std::string>& languages,
    const SourceLocation& where, const std::string& what, Diagnostics& out, bool optional = false)
{
    if (optional && text.empty()) {
        return;
    }
    std::string missing;
    for (const auto& language : languages) {
        auto found = text.find(language);
        if (found == text.end() || found->second.empty()) {
            missing += (missing.empty() ? "" : ", ") + language;
        }
    }
    if (!missing.empty()) {
        out.push_back({ where.file, where.line, where.column, "lint.missing-language",
            what + " is missing in " + missing });
    }
}

ReferenceInfo sourceReference(std::string_view name)
{
    auto source = prefillSourceFromName(name);
    if (!source || *source == PrefillSource::None) {
        return {};
    }
    ReferenceInfo info;
    info.kind = *source == PrefillSource::CardAge ? ReferenceInfo::Kind::Integer
                                                  : ReferenceInfo::Kind::String;
    return info;
}

// Limits of what a background layout may ask for (docs/forms-templates.md, "Printing").
constexpr double MIN_TEXT_PT = 5;
constexpr double MAX_TEXT_PT = 72;
constexpr double MIN_QR_MM = 15; // smaller codes do not scan reliably from paper
constexpr double MAX_QR_MM = 100;
constexpr double MM_PER_PT = 25.4 / 72.0;

void report(Diagnostics& out, const SourceLocation& where, std::string id, std::string text)
{
    out.push_back({ where.file, where.line, where.column, std::move(id), std::move(text) });
}

std::string mmText(double value)
{
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') {
        text.pop_back();
    }
    return text;
}

// The [print] background keys and every field's print_at.
void checkBackground(const FormTemplate& form, Diagnostics& out)
{
    const FormPrintSettings& print = form.print;
    const PaperSizeMm paper = paperSize(print.backgroundPaper);
    const std::string paperText = std::string(backgroundPaperName(print.backgroundPaper)) + " ("
        + mmText(paper.width) + " × " + mmText(paper.height) + " mm)";
    if (!print.hasBackground()) {
        if (print.backgroundQr) {
            report(out, print.backgroundQr->where, "lint.print-at-without-background",
                "background_qr is given but [print] has no background");
        }
        if (print.paperWhere.line > 0) {
            report(out, print.paperWhere, "lint.print-at-without-background",
                "background_paper is given but [print] has no background");
        }
    }
    if (const auto& qr = print.backgroundQr) {
        if (qr->page < 1) {
            report(out, qr->where, "lint.print-at-range", "background_qr: page must be 1 or more");
        }
        if (qr->sizeMm < MIN_QR_MM || qr->sizeMm > MAX_QR_MM) {
            report(out, qr->where, "lint.print-at-range",
                "background_qr: size must be " + mmText(MIN_QR_MM) + " to " + mmText(MAX_QR_MM)
                    + " mm");
        } else if (qr->xMm < 0 || qr->yMm < 0 || qr->xMm + qr->sizeMm > paper.width
            || qr->yMm + qr->sizeMm > paper.height) {
            report(out, qr->where, "lint.print-at-off-paper",
                "background_qr does not lie on " + paperText);
        }
    }
    for (const auto& field : form.fields) {
        const std::string what = "field '" + field.key + "'";
        if (!field.printAt) {
            if (print.hasBackground() && !field.printAtOmitted) {
                report(out, field.where, "lint.print-at-missing",
                    what
                        + " has no print_at: give its position on the background, or "
                          "print_at = false to leave it off");
            }
            continue;
        }
        const PrintPosition& at = *field.printAt;
        if (!print.hasBackground()) {
            report(out, at.where, "lint.print-at-without-background",
                "print_at of " + what + " is given but [print] has no background");
        }
        bool inRange = true;
        if (at.page < 1) {
            report(out, at.where, "lint.print-at-range",
                "print_at of " + what + ": page must be 1 or more");
            inRange = false;
        }
        if (at.widthMm < 0) {
            report(out, at.where, "lint.print-at-range",
                "print_at of " + what + ": width cannot be negative (0 = one line)");
            inRange = false;
        }
        if (at.sizePt < MIN_TEXT_PT || at.sizePt > MAX_TEXT_PT) {
            report(out, at.where, "lint.print-at-range",
                "print_at of " + what + ": size must be " + mmText(MIN_TEXT_PT) + " to "
                    + mmText(MAX_TEXT_PT) + " points");
            inRange = false;
        }
        if (!inRange) {
            continue;
        }
        // The first line must fit: its top left on the paper, its width and height inside it.
        if (at.xMm < 0 || at.yMm < 0 || at.xMm >= paper.width || at.xMm + at.widthMm > paper.width
            || at.yMm + at.sizePt * MM_PER_PT > paper.height) {
            report(out, at.where, "lint.print-at-off-paper",
                "print_at of " + what + " does not lie on " + paperText);
        }
    }
}

} // namespace

bool isSourceReference(std::string_view name)
{
    return sourceReference(name).kind != ReferenceInfo::Kind::Unknown;
}

Diagnostics lintTemplate(const FormTemplate& form, const std::vector<std::string>& languages)
{
    Diagnostics out;
    checkLanguages(form.title, languages, form.where, "title", out);
    for (const auto& section : form.sections) {
        checkLanguages(
            section.title, languages, section.where, "title of section '" + section.id + "'", out);
    }
    const detail::ReferenceResolver resolve = [&](std::string_view name) {
        if (const Field* field = form.findField(name)) {
            return ReferenceInfo { ReferenceInfo::Kind::Field, field };
        }
        return sourceReference(name);
    };
    for (const auto& field : form.fields) {
        const std::string what = "field '" + field.key + "'";
        checkLanguages(field.label, languages, field.where, "label of " + what, out);
        checkLanguages(field.help, languages, field.where, "help of " + what, out, true);
        for (const auto& option : field.options) {
            checkLanguages(option.label, languages, option.where,
                "label of option '" + option.value + "' of " + what, out);
        }
        if (!prefillFits(field.prefill, field.type)) {
            out.push_back({ field.prefillWhere.file, field.prefillWhere.line,
                field.prefillWhere.column, "lint.prefill-type-mismatch",
                std::string(prefillSourceName(field.prefill)) + " cannot fill the "
                    + std::string(fieldTypeName(field.type)) + " " + what });
        }
        if (field.store && field.type != FieldType::MyNumber) {
            out.push_back({ field.where.file, field.where.line, field.where.column,
                "lint.store-not-my-number",
                "'store' applies to my_number fields only (" + what + ")" });
        }
        if (!detail::checkCondition(
                field.when, field.whenWhere, resolve, "the condition of " + what, out)) {
            out.push_back({ field.whenWhere.file, field.whenWhere.line, field.whenWhere.column,
                "lint.unreachable-field", what + " can never be shown: its `when` is never true" });
        }
    }
    checkBackground(form, out);
    for (const auto& rule : form.rules) {
        const std::string what = "rule '" + rule.id + "'";
        checkLanguages(rule.message, languages, rule.where, "message of " + what, out);
        if (!detail::checkCondition(
                rule.when, rule.whenWhere, resolve, "the condition of " + what, out)) {
            out.push_back({ rule.whenWhere.file, rule.whenWhere.line, rule.whenWhere.column,
                "lint.rule-never-fires", what + " can never fire: its `when` is never true" });
        }
    }
    return out;
}

Diagnostics lintLifeEvents(const LifeEvents& events, const std::vector<FormTemplate>& templates,
    const std::vector<std::string>& languages)
{
    Diagnostics out;
    for (const auto& event : events.events) {
        const std::string what = "life event '" + event.id + "'";
        checkLanguages(event.title, languages, event.where, "title of " + what, out);
        checkLanguages(
            event.description, languages, event.where, "description of " + what, out, true);
        for (const auto& question : event.questions) {
            checkLanguages(question.text, languages, question.where,
                "text of question '" + question.key + "'", out);
        }
        const detail::ReferenceResolver resolve = [&](std::string_view name) {
            for (const auto& question : event.questions) {
                if (question.key == name) {
                    return ReferenceInfo { ReferenceInfo::Kind::Boolean, nullptr };
                }
            }
            return sourceReference(name);
        };
        for (const auto& entry : event.forms) {
            detail::checkCondition(entry.when, entry.whenWhere, resolve,
                "the condition for form '" + entry.formId + "' of " + what, out);
            auto found = std::find_if(templates.begin(), templates.end(),
                [&](const FormTemplate& form) { return form.id == entry.formId; });
            if (found == templates.end()) {
                out.push_back(
                    { entry.where.file, entry.where.line, entry.where.column, "lint.missing-form",
                        what + " names form '" + entry.formId + "', which no template defines" });
                continue;
            }
            for (const auto& [key, value] : entry.preset) {
                const SourceLocation& where = entry.presetWhere.at(key);
                const Field* field = found->findField(key);
                if (!field) {
                    out.push_back(
                        { where.file, where.line, where.column, "lint.unknown-preset-field",
                            "form '" + entry.formId + "' has no field '" + key + "'" });
                    continue;
                }
                const auto* text = std::get_if<std::string>(&value);
                if (text && !field->options.empty() && !field->findOption(*text)) {
                    out.push_back({ where.file, where.line, where.column, "lint.unknown-option",
                        "'" + *text + "' is not an option of field '" + key + "' of form '"
                            + entry.formId + "'" });
                }
            }
        }
    }
    return out;
}

const FormTemplate* ConfigSet::findTemplate(std::string_view id) const
{
    for (const auto& form : templates) {
        if (form.id == id) {
            return &form;
        }
    }
    return nullptr;
}

std::vector<std::string> ConfigSet::languages() const
{
    return kiosk ? kiosk->languages : std::vector<std::string> { "ja", "ja-easy", "en" };
}

namespace {

void append(Diagnostics& to, Diagnostics&& from)
{
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

void loadFile(const std::filesystem::path& path, ConfigSet& config)
{
    const std::string name = path.filename().string();
    if (name == "kiosk.toml") {
        auto load = loadKioskConfigFile(path);
        append(config.diagnostics, std::move(load.diagnostics));
        config.kiosk = std::move(load.config);
    } else if (name == "life-events.toml") {
        auto load = loadLifeEventsFile(path);
        append(config.diagnostics, std::move(load.diagnostics));
        config.lifeEvents = std::move(load.lifeEvents);
    } else {
        auto load = loadTemplateFile(path);
        append(config.diagnostics, std::move(load.diagnostics));
        if (load.form) {
            config.templates.push_back(std::move(*load.form));
        }
    }
}

std::vector<std::filesystem::path> tomlFilesIn(const std::filesystem::path& dir, bool skipConfig)
{
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& path = it->path();
        const std::string name = path.filename().string();
        if (path.extension() != ".toml" || !it->is_regular_file(ec)) {
            continue;
        }
        if (skipConfig && (name == "kiosk.toml" || name == "life-events.toml")) {
            continue;
        }
        files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

ConfigSet loadConfig(const std::vector<std::filesystem::path>& paths)
{
    ConfigSet config;
    std::vector<std::filesystem::path> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) {
            files.push_back(path);
            continue;
        }
        if (!std::filesystem::is_directory(path, ec)) {
            config.diagnostics.push_back(
                { path.string(), 0, 0, "lint.no-input", "no such file or directory" });
            continue;
        }
        const std::size_t before = files.size();
        for (const char* special : { "kiosk.toml", "life-events.toml" }) {
            if (std::filesystem::is_regular_file(path / special, ec)) {
                files.push_back(path / special);
            }
        }
        const bool hasForms = std::filesystem::is_directory(path / "forms", ec);
        for (auto& file : tomlFilesIn(hasForms ? path / "forms" : path, true)) {
            files.push_back(std::move(file));
        }
        if (files.size() == before) {
            config.diagnostics.push_back(
                { path.string(), 0, 0, "lint.no-input", "no .toml configuration files here" });
        }
    }
    // kiosk.toml first: the languages it configures apply to everything else.
    std::stable_partition(files.begin(), files.end(),
        [](const auto& file) { return file.filename() == "kiosk.toml"; });
    for (const auto& file : files) {
        loadFile(file, config);
    }
    return config;
}

Diagnostics lint(const std::vector<std::filesystem::path>& paths)
{
    ConfigSet config = loadConfig(paths);
    Diagnostics out = std::move(config.diagnostics);
    const auto languages = config.languages();
    std::map<std::string, const FormTemplate*> ids;
    for (const auto& form : config.templates) {
        append(out, lintTemplate(form, languages));
        const std::string stem = std::filesystem::path(form.file).stem().string();
        if (!form.id.empty() && form.id != stem) {
            out.push_back({ form.file, form.where.line, form.where.column, "lint.id-file-mismatch",
                "template id '" + form.id + "' differs from its file name '" + stem + ".toml'" });
        }
        if (form.id.empty()) {
            continue;
        }
        auto [it, inserted] = ids.emplace(form.id, &form);
        if (!inserted) {
            out.push_back({ form.file, 1, 1, "lint.duplicate-form-id",
                "template id '" + form.id + "' is also used by " + it->second->file });
        }
    }
    if (config.lifeEvents) {
        append(out, lintLifeEvents(*config.lifeEvents, config.templates, languages));
    }
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    return out;
}

} // namespace kakanai::forms
