#include "kakanai/forms/kiosk_config.hpp"
#include "template/toml_reader.hpp"

#include <algorithm>

namespace kakanai::forms {

const std::vector<std::string>& supportedLanguages()
{
    static const std::vector<std::string> languages { "ja", "ja-easy", "en", "zh", "ko", "vi",
        "pt" };
    return languages;
}

bool isValidMunicipalityCode(std::string_view code)
{
    if (code.size() != 6
        || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    constexpr int WEIGHTS[5] = { 6, 5, 4, 3, 2 };
    int sum = 0;
    for (int i = 0; i < 5; ++i) {
        sum += (code[static_cast<std::size_t>(i)] - '0') * WEIGHTS[i];
    }
    // Remainder 0 gives 1 and remainder 1 gives 0 (checked against the whole ABR city list).
    const int check = (11 - sum % 11) % 10;
    return code[5] - '0' == check;
}

KioskConfigLoad loadKioskConfig(std::string_view text, const std::string& fileName)
{
    KioskConfigLoad load;
    load.config.file = fileName;
    auto table = detail::parseToml(text, fileName, load.diagnostics);
    if (!table) {
        return load;
    }
    detail::TableReader root(*table, fileName, load.diagnostics, "kiosk.toml");
    if (const toml::table* municipality = root.subtable("municipality")) {
        detail::TableReader reader(*municipality, fileName, load.diagnostics, "[municipality]");
        load.config.municipalityName = reader.localized("name", true).value_or(LocalizedText {});
        load.config.prefectureName = reader.localized("prefecture").value_or(LocalizedText {});
        load.config.municipalityCode = reader.string("code", true).value_or("");
        if (!load.config.municipalityCode.empty()
            && !isValidMunicipalityCode(load.config.municipalityCode)) {
            reader.errorAt("code", "kiosk.bad-code",
                "code must be the 6-digit 地方公共団体コード with its check digit");
        }
        reader.reportUnknownKeys();
    } else if (!table->contains("municipality")) {
        root.error(
            root.table().source(), "template.missing-key", "kiosk.toml has no [municipality]");
    }
    if (const toml::table* languages = root.subtable("languages")) {
        detail::TableReader reader(*languages, fileName, load.diagnostics, "[languages]");
        if (const toml::array* offered = reader.array("offered")) {
            load.config.languages.clear();
            for (const toml::node& node : *offered) {
                if (!node.is_string()) {
                    reader.error(
                        node.source(), "template.wrong-type", "a language must be a string");
                    continue;
                }
                const std::string language = node.as_string()->get();
                const auto& known = supportedLanguages();
                if (std::find(known.begin(), known.end(), language) == known.end()) {
                    reader.error(node.source(), "kiosk.unknown-language",
                        "unknown language '" + language + "' (ja, ja-easy, en, zh, ko, vi, pt)");
                    continue;
                }
                if (std::find(load.config.languages.begin(), load.config.languages.end(), language)
                    == load.config.languages.end()) {
                    load.config.languages.push_back(language);
                }
            }
            if (std::find(load.config.languages.begin(), load.config.languages.end(), "ja")
                == load.config.languages.end()) {
                reader.errorAt("offered", "kiosk.missing-japanese", "\"ja\" must be offered");
            }
        }
        load.config.defaultLanguage = reader.string("default").value_or("ja");
        if (std::find(load.config.languages.begin(), load.config.languages.end(),
                load.config.defaultLanguage)
            == load.config.languages.end()) {
            reader.errorAt("default", "kiosk.missing-japanese",
                "default language '" + load.config.defaultLanguage + "' is not offered");
        }
        reader.reportUnknownKeys();
    }
    root.reportUnknownKeys();
    return load;
}

KioskConfigLoad loadKioskConfigFile(const std::filesystem::path& path)
{
    KioskConfigLoad load;
    std::string text;
    if (!detail::readFile(path, text, load.diagnostics)) {
        return load;
    }
    return loadKioskConfig(text, path.string());
}

} // namespace kakanai::forms
