// libFuzzer target: arbitrary bytes loaded as a form template (and as kiosk.toml and
// life-events.toml) must give diagnostics, never a crash, a hang or an exception.
// Needs kakanai::forms linked (tests/fuzz/CMakeLists.txt). Corpus: corpus/template/.
#include "kakanai/forms/kiosk_config.hpp"
#include "kakanai/forms/life_events.hpp"
#include "kakanai/forms/lint.hpp"
#include "kakanai/forms/template.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto load = kakanai::forms::loadTemplate(text, "fuzz.toml");
    if (load.form) {
        auto diagnostics = kakanai::forms::lintTemplate(*load.form, { "ja", "ja-easy", "en" });
        for (const auto& field : load.form->fields) {
            (void)field.when.evaluate({ { "x", true } });
        }
        (void)diagnostics;
    }
    (void)kakanai::forms::loadKioskConfig(text, "kiosk.toml");
    auto events = kakanai::forms::loadLifeEvents(text, "life-events.toml");
    if (load.form) {
        (void)kakanai::forms::lintLifeEvents(events.lifeEvents, { *load.form }, { "ja" });
    }
    (void)kakanai::forms::parseExpression(text);
    return 0;
}
