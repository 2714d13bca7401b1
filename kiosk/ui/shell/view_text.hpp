// Every text a ViewModel puts on screen (title, body, notice, buttons, fields with their labels,
// values and messages, the editor, the ticket, the small texts), one per line: what the font
// atlas must hold, and what `expect-text` / `expect-no-text` script steps look for.
//
// Errors: none.
#pragma once

#include "kakanai/kiosk/view_model.hpp"

#include <string>

namespace kakanai::kiosk::ui {

std::string viewText(const ViewModel& view);

} // namespace kakanai::kiosk::ui
