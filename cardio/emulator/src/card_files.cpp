#include "card_files.hpp"

#include <fstream>
#include <iterator>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <stdexcept>

namespace kakanai::vcard::files {

void appendTlv(Bytes& out, std::uint16_t tag, ByteView value)
{
    if (tag > 0xFF) {
        out.push_back(static_cast<std::uint8_t>(tag >> 8));
    }
    out.push_back(static_cast<std::uint8_t>(tag));
    std::size_t n = value.size();
    if (n < 0x80) {
        out.push_back(static_cast<std::uint8_t>(n));
    } else if (n < 0x100) {
        out.insert(out.end(), { 0x81, static_cast<std::uint8_t>(n) });
    } else {
        out.insert(
            out.end(), { 0x82, static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n) });
    }
    out.insert(out.end(), value.begin(), value.end());
}

Bytes myNumber(const Identity& identity, bool badCheckDigit)
{
    Bytes out { 0xFF, 0x10, 0x0C };
    out.insert(out.end(), identity.myNumber.begin(), identity.myNumber.end());
    if (badCheckDigit) {
        out.back() = static_cast<std::uint8_t>('0' + (out.back() - '0' + 1) % 10);
    }
    out.insert(out.end(), { 0xFF, 0xFF });
    return out;
}

Bytes basicInfo(const Identity& identity, bool invalidUtf8, bool truncated)
{
    Bytes name(identity.name.begin(), identity.name.end());
    if (invalidUtf8) {
        name.insert(name.begin() + static_cast<long>(name.size() / 2), { 0xFF, 0xFE });
    }
    Bytes fields[4] = { name, Bytes(identity.address.begin(), identity.address.end()),
        Bytes(identity.birthDate.begin(), identity.birthDate.end()),
        Bytes(identity.sex.begin(), identity.sex.end()) };
    // The body length decides the outer length form, which shifts every offset: compute the
    // body without offsets first (DF21 is always 11 bytes).
    Bytes tail;
    std::size_t relative[4];
    for (int i = 0; i < 4; ++i) {
        relative[i] = 11 + tail.size();
        appendTlv(tail, static_cast<std::uint16_t>(0xDF22 + i), fields[i]);
    }
    std::size_t bodyLength = 11 + tail.size();
    bool longForm = identity.longFormLength || bodyLength >= 0x80;
    std::size_t outerHeader = longForm ? 5 : 3;
    Bytes offsets;
    for (std::size_t r : relative) {
        std::size_t absolute = outerHeader + r;
        offsets.push_back(static_cast<std::uint8_t>(absolute >> 8));
        offsets.push_back(static_cast<std::uint8_t>(absolute));
    }
    std::size_t claimed = bodyLength + (truncated ? 16 : 0);
    Bytes out { 0xFF, 0x20 };
    if (longForm) {
        out.insert(out.end(),
            { 0x82, static_cast<std::uint8_t>(claimed >> 8), static_cast<std::uint8_t>(claimed) });
    } else {
        out.push_back(static_cast<std::uint8_t>(claimed));
    }
    appendTlv(out, 0xDF21, offsets);
    out.insert(out.end(), tail.begin(), tail.end());
    return out;
}

Bytes integrity(const Bytes& myNumberEf, const Bytes& basicInfoEf)
{
    std::uint8_t digest[SHA256_DIGEST_LENGTH];
    Bytes body;
    SHA256(myNumberEf.data(), myNumberEf.size(), digest);
    appendTlv(body, 0xDF31, ByteView(digest, sizeof digest));
    SHA256(basicInfoEf.data(), basicInfoEf.size(), digest);
    appendTlv(body, 0xDF32, ByteView(digest, sizeof digest));
    Bytes signature(256, 0x5A); // placeholder: the J-LIS key that signs this is not public
    appendTlv(body, 0xDF33, signature);
    Bytes out;
    appendTlv(out, 0xFF30, body);
    return out;
}

Bytes tokenInfo(const std::string& label)
{
    Bytes out(label.begin(), label.end());
    out.resize(32, ' ');
    return out;
}

Bytes visualFace(const Identity& identity)
{
    static const std::uint8_t PNG_MAGIC[] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    Bytes body;
    appendTlv(body, 0xDF21, Bytes(20, 0));
    appendTlv(body, 0xDF22, Bytes(identity.birthDate.begin(), identity.birthDate.end()));
    appendTlv(body, 0xDF23, Bytes(identity.sex.begin(), identity.sex.end()));
    appendTlv(body, 0xDF24, Bytes(270, 0x11));
    appendTlv(body, 0xDF25, ByteView(PNG_MAGIC));
    appendTlv(body, 0xDF26, ByteView(PNG_MAGIC));
    appendTlv(body, 0xDF27, Bytes { 0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' ' });
    appendTlv(body, 0xDF28, Bytes(256, 0x22));
    appendTlv(body, 0xDF29, Bytes(identity.cardExpiryYear.begin(), identity.cardExpiryYear.end()));
    appendTlv(body, 0xDF2A, ByteView(PNG_MAGIC));
    Bytes out;
    appendTlv(out, 0xFF20, body);
    return out;
}

Bytes readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("emulator fixture missing: " + path.string());
    }
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

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
