// backgroundFromTemplate(): a template's [print] background, background_qr and print_at keys
// (forms::FormPrintSettings, forms::PrintPosition) as the printer's BackgroundLayout.
#include "kakanai/printer/background.hpp"

#include <algorithm>
#include <cstdint>

namespace kakanai::printer {
namespace {

// A page as int; one beyond int's range becomes 0 (no such page: rendering refuses it).
int pageNumber(std::int64_t page)
{
    constexpr std::int64_t LIMIT = 1'000'000;
    return page < 0 || page > LIMIT ? 0 : static_cast<int>(page);
}

} // namespace

std::optional<BackgroundLayout> backgroundFromTemplate(const forms::FormTemplate& form)
{
    const forms::FormPrintSettings& print = form.print;
    if (!print.hasBackground()) {
        return std::nullopt;
    }
    BackgroundLayout layout;
    layout.pdfPath = print.backgroundFile.string();
    for (const forms::Field& field : form.fields) {
        if (!field.printAt) {
            continue;
        }
        const forms::PrintPosition& at = *field.printAt;
        layout.fields.push_back(FieldPlacement { field.key, pageNumber(at.page), at.xMm, at.yMm,
            std::max(at.widthMm, 0.0), std::max(at.sizePt, 1.0) });
    }
    if (const auto& qr = print.backgroundQr) {
        layout.qr = QrPlacement { pageNumber(qr->page), qr->xMm, qr->yMm, qr->sizeMm };
    }
    return layout;
}

} // namespace kakanai::printer
