// Fuzzes the signing-certificate attribute decoder (DER X.509 → six SAN otherNames).
#include "kakanai/cardio/jpki.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto attributes = kakanai::cardio::decodeSignatureAttributes(kakanai::ByteView(data, size));
    if (attributes) {
        attributes->wipe();
    }
    return 0;
}
