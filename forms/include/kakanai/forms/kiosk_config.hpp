// The municipality a kiosk serves and the languages it offers (config/kiosk.toml):
//
//   [municipality]
//   name = { ja = "小浜市", en = "Obama City", ja-easy = "おばまし" }
//   prefecture = { ja = "福井県", en = "Fukui" }
//   code = "182044"            # 地方公共団体コード, 6 digits with the check digit
//   [languages]
//   offered = ["ja", "ja-easy", "en"]   # every template label must exist in each of these
//   default = "ja"
//
// Errors: loadKioskConfig/loadKioskConfigFile never throw; problems are Diagnostics with ids
//   toml.syntax, file.unreadable, template.missing-key, template.wrong-type,
//   template.unknown-key, kiosk.bad-code (not 6 digits, or a wrong check digit),
//   kiosk.unknown-language (not one of ja, ja-easy, en, zh, ko, vi, pt),
//   kiosk.missing-japanese ("ja" not offered, or default not offered).
#pragma once

#include "kakanai/forms/diagnostic.hpp"
#include "kakanai/forms/template.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai::forms {

/** The language tags templates may use: ja, ja-easy (やさしい日本語), en, zh, ko, vi, pt. */
const std::vector<std::string>& supportedLanguages();

struct KioskConfig
{
    LocalizedText municipalityName;
    LocalizedText prefectureName;
    std::string municipalityCode; // 6 digits, e.g. "182044"
    std::vector<std::string> languages { "ja", "ja-easy", "en" };
    std::string defaultLanguage = "ja";
    std::string file;
};

struct KioskConfigLoad
{
    KioskConfig config; // defaults filled in where the file is wrong
    Diagnostics diagnostics;
};

KioskConfigLoad loadKioskConfig(std::string_view text, const std::string& fileName);
KioskConfigLoad loadKioskConfigFile(const std::filesystem::path& path);

/** True if `code` is 6 digits whose last is the 地方公共団体コード check digit of the first 5. */
bool isValidMunicipalityCode(std::string_view code);

} // namespace kakanai::forms
