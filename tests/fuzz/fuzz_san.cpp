// Fuzzes the signing-certificate SAN decoder (and the shared bounded DER parser behind toPem)
// with arbitrary bytes, as a hostile card or a corrupted EF could deliver them.
#include "kakanai/cardio/basic_info.hpp"
#include "kakanai/cardio/jpki.hpp"

#include <cstddef>
#include <cstdint>

using namespace kakanai;
using namespace kakanai::cardio;

namespace {

bool isUtf8(const SecureString& s)
{
    return isValidUtf8(asBytes(std::string_view(s.data(), s.size())));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    ByteView input(data, size);
    auto attributes = decodeSignatureAttributes(input);
    if (attributes) {
        // Whatever is accepted must satisfy the documented shape.
        if (!isUtf8(attributes->name) || !isUtf8(attributes->address) || attributes->sex.size() != 1
            || attributes->birthDate.size() != 9) {
            __builtin_trap();
        }
        attributes->wipe();
        if (!attributes->name.empty() || attributes->anySubstituted()) {
            __builtin_trap();
        }
    }
    // A certificate that decodes must also convert to PEM; garbage gives an empty string.
    std::string pem = toPem(input);
    if (attributes && pem.empty()) {
        __builtin_trap();
    }
    return 0;
}
