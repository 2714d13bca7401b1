// Builds the machine's KioskSetup from a configuration folder: config/kiosk.toml, the form
// templates, life-events.toml, the UI text of the offered languages (DIR/i18n) and, when
// DIR/data has them, the municipality and postal directories.
//
// Errors: a message for templates or config files with lint problems (the first few, as
// file:line:column), an unreadable or broken i18n file, or a folder with no templates.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/kiosk/machine.hpp"

#include <filesystem>
#include <string>

namespace kakanai::kiosk::ui {

Result<KioskSetup, std::string> loadKioskSetup(
    const std::filesystem::path& configDir, bool training);

} // namespace kakanai::kiosk::ui
