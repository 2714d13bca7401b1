// ATRs of the card personalities (mynumber-card.md §4.1, §8.1).
#include "card_files.hpp"

#include <openssl/rand.h>

namespace kakanai::vcard::files {

Bytes atrFor(Personality personality)
{
    Bytes atr;
    switch (personality) {
    case Personality::ContactA:
        parseHex("3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B", atr);
        return atr;
    case Personality::ContactB:
        parseHex("3B C5 FF 81 31 FB 45 80 73 C6 01 00 00", atr);
        return atr;
    case Personality::ContactC:
    case Personality::JukiCard:
        parseHex("3B E0 00 FF 81 31 FE 45 14", atr);
        return atr;
    case Personality::Contactless:
    case Personality::AndroidPhone:
        parseHex("3B 88 80 01 00 00 05 E0 B3 81 A1 00 7F", atr);
        return atr;
    case Personality::PupiRandom: {
        // Readers that put the random PUPI into the pseudo-ATR: 4 bytes differ per insertion.
        parseHex("3B 88 80 01 00 00 00 00 B3 81 A1 00 00", atr);
        RAND_bytes(atr.data() + 4, 4);
        std::uint8_t tck = 0;
        for (std::size_t i = 1; i + 1 < atr.size(); ++i) {
            tck ^= atr[i];
        }
        atr.back() = tck;
        return atr;
    }
    }
    return atr;
}

bool supportsExtendedLength(Personality personality)
{
    return personality == Personality::ContactA || personality == Personality::Contactless
        || personality == Personality::PupiRandom || personality == Personality::AndroidPhone;
}

} // namespace kakanai::vcard::files
