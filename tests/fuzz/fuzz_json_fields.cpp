// libFuzzer target: the queue's minimal JSON reader (it reads every submission's envelope).
// Arbitrary bytes must never crash or hang it, and every string it returns must survive
// jsonQuote → scanJsonObject unchanged. Corpus: corpus/json_fields/.
#include "kakanai/queue/json_fields.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace kakanai::queue;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto fields = scanJsonObject(text);
    if (!fields) {
        return 0;
    }
    for (const auto& [key, value] : *fields) {
        const auto again = scanJsonObject("{" + jsonQuote(key) + ":" + jsonQuote(value) + "}");
        if (!again || again->size() != 1 || again->begin()->first != key
            || again->begin()->second != value) {
            __builtin_trap(); // quoting and reading back must be lossless
        }
    }
    return 0;
}
