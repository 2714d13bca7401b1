// libFuzzer target: arbitrary bytes as a filled-form JSON (what the queue hands to staff and the
// printer) and as a card JSON (what kakanai-forms prefill reads). Must never crash, hang or
// throw; a parsed form must validate against a shipped template and re-serialise stably
// (toJson ∘ parse ∘ toJson = toJson). Corpus: corpus/filled_json/.
#include "kakanai/forms/card_data.hpp"
#include "kakanai/forms/filled_json.hpp"
#include "kakanai/forms/prefill.hpp"
#include "kakanai/forms/validate.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

const kakanai::forms::FormTemplate& shippedForm()
{
    static const kakanai::forms::FormTemplate form
        = kakanai::forms::loadTemplateFile(KAKANAI_SOURCE_DIR "/config/forms/kokuho.toml")
              .form.value();
    return form;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace kakanai::forms;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto filled = parseFilledJson(text);
    if (filled) {
        (void)validate(shippedForm(), *filled);
        (void)visibleValues(shippedForm(), *filled);
        const std::string once = toJson(*filled);
        auto again = parseFilledJson(once);
        if (!again || toJson(*again) != once) {
            __builtin_trap(); // the stored form must read back as itself
        }
    }
    auto card = parseCardJson(text);
    if (card) {
        PrefillContext context;
        context.today = { 2026, 11, 29 };
        const FilledForm prefilled = prefill(shippedForm(), *card, context);
        (void)validate(shippedForm(), prefilled);
    }
    return 0;
}
