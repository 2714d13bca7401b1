// Fuzzes the BER-TLV reader: header parsing, whole-element parsing and child iteration must
// never read outside the input, whatever the bytes.
#include "kakanai/cardio/tlv.hpp"

#include <cstddef>
#include <cstdint>

using namespace kakanai;
using namespace kakanai::cardio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    ByteView input(data, size);
    auto header = parseTlvHeader(input);
    auto element = parseTlv(input);
    if (element) {
        // A parsed element's value must lie inside the input.
        if (element->value.data() < data
            || element->value.data() + element->value.size() > data + size) {
            __builtin_trap();
        }
        TlvReader children(element->value);
        for (int i = 0; i < 1000; ++i) {
            auto next = children.next();
            if (!next || !next->has_value()) {
                break;
            }
        }
    }
    (void)header;
    (void)findChild(input, 0xDF22);
    return 0;
}
