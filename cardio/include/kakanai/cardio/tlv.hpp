// A bounds-checked BER-TLV reader (ISO/IEC 8825-1 subset used by smart cards): 1- and 2-byte
// tags (DF 21, FF 20; longer tags up to 4 bytes), short and long-form lengths (81 xx, 82 xx xx,
// 83 xx xx xx). It never reads past the end of its input.
//
// Errors: TlvError::Truncated when the header or the value runs past the input,
// TlvError::BadLength for an indefinite or over-long length, TlvError::BadTag for a tag that
// runs past 4 bytes.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/base/secure_bytes.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace kakanai::cardio {

enum class TlvError
{
    Truncated,
    BadLength,
    BadTag
};

const char* tlvErrorName(TlvError error);

/** The tag and length of one TLV, as read from its first bytes. */
struct TlvHeader
{
    std::uint32_t tag = 0; ///< tag bytes big-endian, e.g. 0xFF20, 0xDF21, 0x30
    bool constructed = false;
    std::size_t headerLength = 0; ///< tag + length bytes
    std::size_t valueLength = 0;
    std::size_t totalLength() const { return headerLength + valueLength; }
};

/** Reads only the header; the value may lie beyond `data` (used to size a file from its start). */
Result<TlvHeader, TlvError> parseTlvHeader(ByteView data);

/** One complete TLV element. value points into the caller's buffer. */
struct Tlv
{
    TlvHeader header;
    ByteView value;
    std::uint32_t tag() const { return header.tag; }
};

/** Parses the TLV at the start of `data`; the whole value must be present. */
Result<Tlv, TlvError> parseTlv(ByteView data);

/** Iterates over consecutive TLVs (e.g. the children of a constructed value). */
class TlvReader
{
public:
    explicit TlvReader(ByteView data)
        : m_data(data)
    {
    }
    /** The next element, std::nullopt at the end, or an error (after which the reader stops). */
    Result<std::optional<Tlv>, TlvError> next();
    std::size_t offset() const { return m_offset; }

private:
    ByteView m_data;
    std::size_t m_offset = 0;
    bool m_failed = false;
};

/** Finds the first direct child with `tag` inside a constructed value. */
Result<std::optional<Tlv>, TlvError> findChild(ByteView children, std::uint32_t tag);

} // namespace kakanai::cardio
