#include "card_files.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
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
    // Built with reserve + push_back: GCC 12 misreports the initializer-list + insert form.
    Bytes out;
    out.reserve(17);
    for (std::uint8_t b : { 0xFF, 0x10, 0x0C }) {
        out.push_back(b);
    }
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
    std::size_t claimed = bodyLength + (truncated ? 16 : 0);
    // The real card used a 1-byte length (0x68); mnbcard's offsets imply `82 xx xx` on others.
    bool longForm = identity.longFormLength || claimed >= 0x80;
    std::size_t outerHeader = longForm ? 5 : 3;
    Bytes offsets;
    for (std::size_t r : relative) {
        std::size_t absolute = outerHeader + r;
        offsets.push_back(static_cast<std::uint8_t>(absolute >> 8));
        offsets.push_back(static_cast<std::uint8_t>(absolute));
    }
    Bytes out;
    out.reserve(5 + bodyLength);
    out.push_back(0xFF);
    out.push_back(0x20);
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
    // DF32 covers the 4-information from the DF22 TLV to the end (mynumber-card.md §3.3 [S]).
    std::size_t header = basicInfoEf.size() > 2 && basicInfoEf[2] == 0x82 ? 5 : 3;
    std::size_t from = std::min(basicInfoEf.size(), header + 11);
    SHA256(basicInfoEf.data() + from, basicInfoEf.size() - from, digest);
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

Bytes cvCertificate()
{
    Bytes body(32, 0); // issuer reference + holder reference, 16 bytes each
    std::copy_n("KAKANAI-TEST-CA", 15, body.begin());
    std::copy_n("KAKANAI-TEST-AP", 15, body.begin() + 16);
    appendTlv(body, 0x82, Bytes { 0x01, 0x00, 0x01 }); // public exponent 65537
    appendTlv(body, 0x81, Bytes(256, 0xA5)); // placeholder modulus
    Bytes inner;
    appendTlv(inner, 0x5F4E, body);
    appendTlv(inner, 0x5F37, Bytes(256, 0x3C)); // placeholder issuer signature
    Bytes out;
    appendTlv(out, 0x7F21, inner);
    return out; // 568 bytes like the real EF
}

Bytes textApInfo(bool extendedLength)
{
    // APInfo = version, ext-APDU flag, vendor, option (MYNA-GO field names).
    Bytes info { 0x01, static_cast<std::uint8_t>(extendedLength ? 0x01 : 0x00), 0x00, 0x00 };
    Bytes keyId { 'K', 'A', 'K', 'A', 'N', 'A', 'I', '-', 'T', 'E', 'S', 'T', '-', 'K', 'E', 'Y' };
    Bytes body;
    appendTlv(body, 0xDF41, info);
    appendTlv(body, 0xDF42, keyId);
    Bytes out;
    appendTlv(out, 0xFF40, body);
    return out;
}

namespace {

// A valid 1x1 grey PNG: stands in for the name, address, security-code and number images.
const std::uint8_t TINY_PNG[] = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00,
    0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00,
    0x00, 0x00, 0x3A, 0x7E, 0x9B, 0x55, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C,
    0x63, 0x68, 0x00, 0x00, 0x00, 0x82, 0x00, 0x81, 0x77, 0xCD, 0x72, 0xB6, 0x00, 0x00, 0x00, 0x00,
    0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 };
// The JPEG 2000 signature box only: the face photo placeholder.
const std::uint8_t JP2_SIGNATURE[]
    = { 0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A };

Bytes text(const std::string& s)
{
    return Bytes(s.begin(), s.end());
}

} // namespace

Bytes visualBirth(const Identity& identity)
{
    Bytes body;
    appendTlv(body, 0xDF11, text(identity.birthDate));
    appendTlv(body, 0xDF12, Bytes(270, 0x11)); // placeholder public key
    appendTlv(body, 0xDF13, Bytes(256, 0x22)); // placeholder signature
    Bytes out;
    appendTlv(out, 0xFF10, body);
    return out;
}

Bytes visualFace(const Identity& identity)
{
    // Expiry: the card is valid until the birthday in its expiry year (§3.6).
    Bytes fields[9] = { text(identity.birthDate), text(identity.sex), Bytes(270, 0x11),
        Bytes(std::begin(TINY_PNG), std::end(TINY_PNG)),
        Bytes(std::begin(TINY_PNG), std::end(TINY_PNG)),
        Bytes(std::begin(JP2_SIGNATURE), std::end(JP2_SIGNATURE)), Bytes(256, 0x22),
        text(identity.cardExpiryYear + identity.birthDate.substr(4, 4)),
        Bytes(std::begin(TINY_PNG), std::end(TINY_PNG)) };
    // DF21 holds the absolute offsets of DF22..DF2A, like the 4-information's DF21 [U layout].
    Bytes tail;
    std::size_t relative[9];
    for (int i = 0; i < 9; ++i) {
        relative[i] = tail.size();
        appendTlv(tail, static_cast<std::uint16_t>(0xDF22 + i), fields[i]);
    }
    std::size_t df21 = 3 + 18; // DF 21 12 + 18 offset bytes
    std::size_t header = 5; // FF 20 82 xx xx: the body is always > 255 bytes
    Bytes offsets;
    for (std::size_t r : relative) {
        std::size_t absolute = header + df21 + r;
        offsets.push_back(static_cast<std::uint8_t>(absolute >> 8));
        offsets.push_back(static_cast<std::uint8_t>(absolute));
    }
    Bytes body;
    appendTlv(body, 0xDF21, offsets);
    body.insert(body.end(), tail.begin(), tail.end());
    Bytes out;
    appendTlv(out, 0xFF20, body);
    return out;
}

Bytes visualMyNumberImage()
{
    Bytes body;
    appendTlv(body, 0xDF41, Bytes(std::begin(TINY_PNG), std::end(TINY_PNG)));
    appendTlv(body, 0xDF42, Bytes(270, 0x11));
    appendTlv(body, 0xDF43, Bytes(256, 0x22));
    Bytes out;
    appendTlv(out, 0xFF40, body);
    return out;
}

Bytes jukiRecord()
{
    // MYNA prints characters 2..14 of this value as the 製造番号.
    Bytes out { 0x01, 0x0E };
    for (char c : std::string("KKAKANAI000001")) {
        out.push_back(static_cast<std::uint8_t>(c));
    }
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

} // namespace kakanai::vcard::files
