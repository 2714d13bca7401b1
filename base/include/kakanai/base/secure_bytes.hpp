// Byte buffers. SecureBytes zeroes its memory when it is freed or cleared, for PINs,
// passwords, 照合番号 and every byte read from a card (DEVELOPERS.md, "Personal data").
//
// Errors: none; allocation failure throws std::bad_alloc like any std::vector.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kakanai {

/** Overwrites memory in a way the optimiser may not remove. */
void secureZero(void* data, std::size_t size) noexcept;

/** Allocator that zeroes every block before returning it to the heap. */
template <class T> struct ZeroingAllocator
{
    using value_type = T;
    ZeroingAllocator() noexcept = default;
    template <class U> ZeroingAllocator(const ZeroingAllocator<U>&) noexcept { }
    T* allocate(std::size_t n) { return std::allocator<T> {}.allocate(n); }
    void deallocate(T* p, std::size_t n) noexcept
    {
        secureZero(p, n * sizeof(T));
        std::allocator<T> {}.deallocate(p, n);
    }
    template <class U> bool operator==(const ZeroingAllocator<U>&) const noexcept { return true; }
};

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

/** A byte vector whose storage is zeroed on free. Use wipe() to zero it in place and empty it. */
class SecureBytes : public std::vector<std::uint8_t, ZeroingAllocator<std::uint8_t>>
{
public:
    using Base = std::vector<std::uint8_t, ZeroingAllocator<std::uint8_t>>;
    using Base::Base;
    SecureBytes() = default;
    explicit SecureBytes(ByteView view)
        : Base(view.begin(), view.end())
    {
    }
    static SecureBytes fromString(std::string_view text)
    {
        return SecureBytes(
            ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    }
    SecureBytes(const SecureBytes&) = default;
    SecureBytes(SecureBytes&&) noexcept = default;
    SecureBytes& operator=(const SecureBytes&) = default;
    SecureBytes& operator=(SecureBytes&&) noexcept = default;
    ~SecureBytes() { wipe(); }

    /** Zeroes the whole capacity and leaves the buffer empty. */
    void wipe() noexcept
    {
        if (capacity() > 0) {
            secureZero(data(), capacity());
        }
        clear();
    }
    ByteView view() const { return ByteView(data(), size()); }
};

/** A std::string that zeroes its buffer on destruction (for decoded personal text). */
using SecureString = std::basic_string<char, std::char_traits<char>, ZeroingAllocator<char>>;

/**
 * Assigns `text` to `target` on the heap: short strings would otherwise live in the object's
 * inline buffer, and a move would leave an unzeroed copy behind.
 */
inline void assignSecure(SecureString& target, std::string_view text)
{
    target.reserve(text.size() < 32 ? 32 : text.size());
    target.assign(text.data(), text.size());
}

/** Upper-case hex with a space between bytes ("00 A4 04 0C"). */
std::string toHex(ByteView bytes, bool spaced = true);

/** Parses hex with optional spaces/colons; returns false on an odd digit count or a non-hex char.
 */
bool parseHex(std::string_view text, Bytes& out);

inline ByteView asBytes(std::string_view text)
{
    return ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

inline std::string_view asText(ByteView bytes)
{
    return std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

} // namespace kakanai
