#include "kakanai/base/secure_bytes.hpp"

#include <cstring>

namespace kakanai {

void secureZero(void* data, std::size_t size) noexcept
{
    if (data != nullptr && size > 0) {
        // glibc's explicit_bzero is guaranteed not to be optimised away.
        explicit_bzero(data, size);
    }
}

std::string toHex(ByteView bytes, bool spaced)
{
    static constexpr char DIGITS[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 3);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (spaced && i > 0) {
            out.push_back(' ');
        }
        out.push_back(DIGITS[bytes[i] >> 4]);
        out.push_back(DIGITS[bytes[i] & 0x0F]);
    }
    return out;
}

static int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool parseHex(std::string_view text, Bytes& out)
{
    out.clear();
    int high = -1;
    for (char c : text) {
        if (c == ' ' || c == ':' || c == '\n' || c == '\t') {
            continue;
        }
        int v = hexValue(c);
        if (v < 0) {
            return false;
        }
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>(high << 4 | v));
            high = -1;
        }
    }
    return high < 0;
}

} // namespace kakanai
