// Fuzzes the 基本4情報 parser and the My Number EF parser with arbitrary file contents.
#include "kakanai/cardio/basic_info.hpp"
#include "kakanai/cardio/my_number.hpp"

#include <cstddef>
#include <cstdint>

using namespace kakanai;
using namespace kakanai::cardio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    ByteView input(data, size);
    auto info = parseBasicInfo(input);
    if (info) {
        // Whatever was accepted as text must be valid UTF-8.
        if (!isValidUtf8(asBytes(std::string_view(info->name.data(), info->name.size())))
            || !isValidUtf8(
                asBytes(std::string_view(info->address.data(), info->address.size())))) {
            __builtin_trap();
        }
        info->wipe();
    }
    auto number = parseMyNumberEf(input);
    if (number) {
        number->wipe();
    }
    return 0;
}
