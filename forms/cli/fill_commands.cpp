#include "cli.hpp"

#include "kakanai/forms/answer_text.hpp"
#include "kakanai/forms/filled_json.hpp"
#include "kakanai/forms/lint.hpp"
#include "kakanai/forms/prefill.hpp"
#include "kakanai/forms/validate.hpp"

#include <nlohmann/json.hpp>

#include <ctime>
#include <iostream>
#include <optional>

namespace kakanai::formscli {

namespace {

using namespace kakanai::forms;

struct LoadedForm
{
    ConfigSet config;
    const FormTemplate* form = nullptr;
};

// Loads the configuration folder and the template with this id; a template with any lint
// problem is refused, because a broken template could put a value in the wrong place on paper.
Result<LoadedForm, int> loadForm(const std::string& configDir, const std::string& formId)
{
    LoadedForm loaded;
    loaded.config = loadConfig({ configDir });
    loaded.form = loaded.config.findTemplate(formId);
    if (!loaded.form) {
        return fail(inputError("no form template with id '" + formId + "' in " + configDir));
    }
    Diagnostics problems = lintTemplate(*loaded.form, loaded.config.languages());
    for (const auto& diagnostic : loaded.config.diagnostics) {
        if (diagnostic.file == loaded.form->file) {
            problems.push_back(diagnostic);
        }
    }
    if (!problems.empty()) {
        for (const auto& diagnostic : problems) {
            std::cerr << diagnostic.format() << "\n";
        }
        return fail(inputError(
            "template '" + formId + "' has problems; run kakanai-forms lint and fix them first"));
    }
    return loaded;
}

std::string isoNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm local {};
    localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S%z", &local);
    std::string text = buffer; // ...+0900 → ...+09:00 (RFC 3339)
    if (text.size() >= 5) {
        text.insert(text.size() - 2, ":");
    }
    return text;
}

Date localToday()
{
    const std::time_t now = std::time(nullptr);
    std::tm local {};
    localtime_r(&now, &local);
    return Date { local.tm_year + 1900, local.tm_mon + 1, local.tm_mday };
}

} // namespace

int runPrefill(const Args& args)
{
    std::string formId;
    std::string cardPath;
    std::string configDir = KAKANAI_DEFAULT_CONFIG_DIR;
    std::string language;
    std::string kioskId = "cli";
    std::optional<Date> today;
    std::vector<std::pair<std::string, std::string>> answers;
    bool compact = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == "--card" && hasValue) {
            cardPath = args[++i];
        } else if (arg == "--config" && hasValue) {
            configDir = args[++i];
        } else if (arg == "--language" && hasValue) {
            language = args[++i];
        } else if (arg == "--kiosk" && hasValue) {
            kioskId = args[++i];
        } else if (arg == "--today" && hasValue) {
            auto parsed = parseDateInput(args[++i]);
            if (!parsed) {
                return usageError("--today needs a date such as 2025-04-01");
            }
            today = *parsed;
        } else if (arg == "--set" && hasValue) {
            const std::string& pair = args[++i];
            const std::size_t equals = pair.find('=');
            if (equals == std::string::npos || equals == 0) {
                return usageError("--set needs KEY=VALUE");
            }
            answers.emplace_back(pair.substr(0, equals), pair.substr(equals + 1));
        } else if (arg == "--compact") {
            compact = true;
        } else if (!arg.empty() && arg[0] == '-') {
            return usageError("unknown option or missing value: '" + arg + "'");
        } else if (formId.empty()) {
            formId = arg;
        } else {
            return usageError("prefill takes one FORM_ID");
        }
    }
    if (formId.empty() || cardPath.empty()) {
        return usageError("prefill needs FORM_ID and --card CARD.json");
    }
    auto loaded = loadForm(configDir, formId);
    if (!loaded) {
        return loaded.error();
    }
    std::string cardText;
    if (!readInput(cardPath, cardText)) {
        return inputError("cannot read the card file " + cardPath);
    }
    auto card = parseCardJson(cardText);
    secureZero(cardText.data(), cardText.size());
    if (!card) {
        return inputError(card.error().detail);
    }

    const std::filesystem::path dataDir = std::filesystem::path(configDir) / "data";
    auto municipalities = MunicipalityDirectory::load(dataDir);
    std::optional<PostalDirectory> postalCodes;
    if (municipalities) {
        if (auto loadedPostal = PostalDirectory::load(dataDir)) {
            postalCodes = std::move(*loadedPostal);
        }
    }
    PrefillContext context;
    context.today = today.value_or(localToday());
    context.now = isoNow();
    context.kioskId = kioskId;
    const auto& kiosk = loaded->config.kiosk;
    context.language = !language.empty() ? language : kiosk ? kiosk->defaultLanguage : "ja";
    context.kiosk = kiosk ? &*kiosk : nullptr;
    context.municipalities = municipalities ? &*municipalities : nullptr;
    context.postalCodes = postalCodes ? &*postalCodes : nullptr;
    FilledForm filled = prefill(*loaded->form, *card, context);
    for (const auto& [key, text] : answers) {
        const Field* field = loaded->form->findField(key);
        if (!field) {
            return usageError("--set: the form has no field '" + key + "'");
        }
        auto value = parseAnswer(*field, text);
        if (!value) {
            return usageError("--set " + key + ": not a value of type "
                + std::string(fieldTypeName(field->type)));
        }
        filled.values.insert_or_assign(
            key, FilledValue { std::move(*value), ValueOrigin::Resident });
    }
    std::cout << toJson(filled, compact ? -1 : 2) << "\n";
    return 0;
}

int runValidate(const Args& args)
{
    std::string path;
    std::string configDir = KAKANAI_DEFAULT_CONFIG_DIR;
    std::string language;
    bool json = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--config" && i + 1 < args.size()) {
            configDir = args[++i];
        } else if (arg == "--language" && i + 1 < args.size()) {
            language = args[++i];
        } else if (arg == "--json") {
            json = true;
        } else if (arg != "-" && !arg.empty() && arg[0] == '-') {
            return usageError("unknown option or missing value: '" + arg + "'");
        } else if (path.empty()) {
            path = arg;
        } else {
            return usageError("validate takes one FILLED.json");
        }
    }
    if (path.empty()) {
        return usageError("validate needs FILLED.json");
    }
    std::string text;
    if (!readInput(path, text)) {
        return inputError("cannot read " + path);
    }
    auto filled = parseFilledJson(text);
    secureZero(text.data(), text.size());
    if (!filled) {
        return inputError(filled.error().detail + " [" + filled.error().id + "]");
    }
    auto loaded = loadForm(configDir, filled->templateId);
    if (!loaded) {
        return loaded.error();
    }
    if (loaded->form->version != filled->templateVersion) {
        std::cerr << "kakanai-forms: note: the form was filled with version "
                  << filled->templateVersion << " of '" << filled->templateId
                  << "'; checking against version " << loaded->form->version << "\n";
    }
    if (language.empty()) {
        language = filled->language;
    }
    const ValidationIssues issues = validate(*loaded->form, *filled);
    if (json) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto& issue : issues) {
            nlohmann::ordered_json entry;
            entry["field"] = issue.field;
            entry["rule"] = issue.rule;
            entry["id"] = issue.messageId;
            entry["severity"] = issue.severity == Severity::Stop ? "stop" : "warn";
            entry["origin"] = originName(issue.origin);
            entry["for_staff"] = issue.forStaff;
            entry["message"] = issueText(issue, *loaded->form, language);
            out.push_back(std::move(entry));
        }
        std::cout << out.dump(2) << "\n";
    } else {
        for (const auto& issue : issues) {
            std::cout << (issue.field.empty() ? "rule " + issue.rule : issue.field) << ": "
                      << (issue.severity == Severity::Stop ? "" : "(warning) ")
                      << (issue.forStaff ? "(card value, for staff) " : "")
                      << issueText(issue, *loaded->form, language) << " [" << issue.messageId
                      << "]\n";
        }
    }
    return canSubmit(issues) ? 0 : EXIT_PROBLEMS;
}

} // namespace kakanai::formscli
