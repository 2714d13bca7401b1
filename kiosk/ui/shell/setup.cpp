#include "setup.hpp"

#include "kakanai/forms/lint.hpp"

namespace kakanai::kiosk::ui {

Result<KioskSetup, std::string> loadKioskSetup(
    const std::filesystem::path& configDir, bool training)
{
    // Only lint-clean templates reach a resident: any problem refuses the whole configuration.
    const forms::Diagnostics problems = forms::lint({ configDir });
    if (!problems.empty()) {
        std::string message = "the configuration has " + std::to_string(problems.size())
            + " problem(s) (run kakanai-forms lint):";
        for (std::size_t i = 0; i < problems.size() && i < 5; ++i) {
            message += "\n  " + problems[i].format();
        }
        return fail(message);
    }
    forms::ConfigSet config = forms::loadConfig({ configDir });
    if (config.templates.empty()) {
        return fail("no form templates in " + configDir.string());
    }
    KioskSetup setup;
    setup.kiosk = config.kiosk.value_or(forms::KioskConfig {});
    setup.templates = std::move(config.templates);
    setup.lifeEvents = config.lifeEvents.value_or(forms::LifeEvents {});
    setup.languages = setup.kiosk.languages;
    auto text = UiText::load(configDir / "i18n", setup.languages);
    if (!text) {
        return fail(text.error());
    }
    setup.text = std::make_shared<const UiText>(std::move(*text));
    const auto data = configDir / "data";
    std::error_code ignored;
    if (std::filesystem::is_directory(data, ignored)) {
        if (auto municipalities = forms::MunicipalityDirectory::load(data)) {
            setup.municipalities
                = std::make_shared<const forms::MunicipalityDirectory>(std::move(*municipalities));
        }
        if (auto postal = forms::PostalDirectory::load(data)) {
            setup.postalCodes = std::make_shared<const forms::PostalDirectory>(std::move(*postal));
        }
    }
    setup.training = training;
    setup.newId = randomUuid;
    return setup;
}

} // namespace kakanai::kiosk::ui
