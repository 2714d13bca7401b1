// Internal: the few words the printer itself prints (申請日, 受付番号, 署名, ...) in the
// languages of the kiosk, for the second line of bilingual printouts.
#pragma once

#include <string>
#include <string_view>

namespace kakanai::printer::detail {

/** The translation of one of the printer's Japanese phrases into `language`; "" if `language`
 *  is ja/empty or the phrase is not one of the printer's. */
std::string fixedText(std::string_view japanese, std::string_view language);

} // namespace kakanai::printer::detail
